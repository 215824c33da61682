package io.jfaust.runtime;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.WorkerException;
import org.jspecify.annotations.Nullable;

/**
 * The message of a worker stopped on an error: the record (topic, partition, offset), the error and the policy when
 * the fail policy stopped it, with what a restart does and how to go past such records; else Kafka Streams' error.
 *
 * <pre>{@code
 * WorkerException e = WorkerFailures.stopped(app, errorLog.failure(), streamsError);
 * }</pre>
 */
public final class WorkerFailures {
    private WorkerFailures() {}

    public static WorkerException stopped(App app, @Nullable String failure, Throwable cause) {
        if (failure == null) {
            return new WorkerException("app " + app.id() + " stopped on an error: " + root(cause),
                    WorkerException.FAILED, cause);
        }
        return new WorkerException("app " + app.id() + " stopped: " + failure + ". Nothing was committed past "
                + "this record, so a restarted worker resumes at it; fix the cause, or choose ErrorPolicy.skip() or "
                + "ErrorPolicy.deadLetter(topic) to go past such records.",
                WorkerException.FAILED, cause);
    }

    private static String root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? t.toString() : t + " (caused by " + c + ")";
    }
}
