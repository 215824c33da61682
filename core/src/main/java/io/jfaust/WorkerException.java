package io.jfaust;

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
    public WorkerException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * An error talking to Kafka, with exit code {@link #BROKER_UNREACHABLE} and {@code message} — unless Kafka
     * refused the worker's credentials or its principal lacks an ACL: that is a misconfiguration (exit code
     * {@link #IMPROPERLY_CONFIGURED}), named as such, since retrying against the same broker cannot help.
     */
    static WorkerException fromKafka(String message, Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return new WorkerException("Kafka refused this worker's credentials (" + Worker.rootMessage(c)
                        + "). Check the app's broker_credentials (conf.brokerCredentials(...)) and the listener's "
                        + "security protocol.", IMPROPERLY_CONFIGURED, cause);
            }
            if (c instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return new WorkerException("Kafka denied this worker an operation (" + Worker.rootMessage(c)
                        + "). Grant its principal the ACLs a worker needs (topics: describe, create, read, write; "
                        + "the group: read), or declare fewer topics (conf.topicAllowDeclare(false)).",
                        IMPROPERLY_CONFIGURED, cause);
            }
        }
        return new WorkerException(message, BROKER_UNREACHABLE, cause);
    }

    /** The process exit code for this error. */
    public int exitCode() {
        return exitCode;
    }
}
