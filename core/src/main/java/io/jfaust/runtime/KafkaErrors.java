package io.jfaust.runtime;

import io.jfaust.WorkerException;

/**
 * How runtimes name an error that came from Kafka: its root cause in one line, and the exit code that tells a script
 * whether to retry (an unreachable broker) or to fix the configuration (refused credentials, a missing ACL).
 *
 * <pre>{@code
 * catch (ExecutionException e) { throw KafkaErrors.classify("Cannot list topics: " + KafkaErrors.rootMessage(e), e); }
 * }</pre>
 */
public final class KafkaErrors {
    private KafkaErrors() {}

    /** The innermost cause as {@code SimpleName: message}. */
    public static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /**
     * An error talking to Kafka, with exit code {@link WorkerException#BROKER_UNREACHABLE} and {@code message} —
     * unless Kafka refused the worker's credentials or its principal lacks an ACL: that is a misconfiguration (exit
     * code {@link WorkerException#IMPROPERLY_CONFIGURED}), named as such, since retrying cannot help.
     */
    public static WorkerException classify(String message, Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return new WorkerException("Kafka refused this worker's credentials (" + rootMessage(c)
                        + "). Check the app's broker_credentials (conf.brokerCredentials(...)) and the listener's "
                        + "security protocol.", WorkerException.IMPROPERLY_CONFIGURED, cause);
            }
            if (c instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return new WorkerException("Kafka denied this worker an operation (" + rootMessage(c)
                        + "). Grant its principal the ACLs a worker needs (topics: describe, create, read, write; "
                        + "the group: read), or declare fewer topics (conf.topicAllowDeclare(false)).",
                        WorkerException.IMPROPERLY_CONFIGURED, cause);
            }
        }
        return new WorkerException(message, WorkerException.BROKER_UNREACHABLE, cause);
    }
}
