package io.jfaust;

import org.jspecify.annotations.Nullable;

/**
 * A worker could not start or run: the broker is unreachable, a topic is missing or has the wrong partition count.
 * The message says what to do; {@link #exitCode()} is what the command line exits with.
 *
 * <pre>{@code
 * try (Worker w = Worker.start(app, o -> o.broker("kafka://nowhere:9092"))) { ... }
 * catch (WorkerException e) { System.exit(e.exitCode()); }
 * }</pre>
 */
public class WorkerException extends RuntimeException {
    /** Exit code for an unreachable broker. */
    public static final int BROKER_UNREACHABLE = 3;
    /** Exit code for a missing topic or a partition count that does not match. */
    public static final int TOPIC_MISMATCH = 4;
    /** Exit code for a worker that stopped on an error. */
    public static final int FAILED = 1;
    /** Exit code: a declaration of the app is wrong ({@link ImproperlyConfigured}). */
    public static final int IMPROPERLY_CONFIGURED = 5;
    /**
     * Exit code: members of another assignor protocol (Faust workers, or a crashed one whose session has not
     * expired) stayed in the app's consumer group, which Kafka Streams cannot join while they are in it.
     */
    public static final int FOREIGN_MEMBERS = 6;

    private final int exitCode;

    /** An error with the exit code the command line should use. */
    public WorkerException(String message, int exitCode, @Nullable Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The process exit code for this error. */
    public int exitCode() {
        return exitCode;
    }
}
