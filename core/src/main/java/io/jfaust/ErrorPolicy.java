package io.jfaust;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an app does with a record it cannot decode, or whose agent code throws. The default is Faust's: skip it,
 * log topic, partition, offset and the error, count it (Kafka Streams' {@code dropped-records} metric) and go on.
 * It is carried out by Kafka Streams' own exception handlers and dead-letter queue (KIP-1033/1034).
 *
 * <pre>{@code
 * App.create("orders", conf -> conf.onError(ErrorPolicy.skip()));
 * App.create("orders", conf -> conf.onError(ErrorPolicy.fail()));
 * App.create("orders", conf -> conf.onError(ErrorPolicy.deadLetter("orders-dlq")));
 * App.create("orders", conf -> conf.onError(ErrorPolicy.deadLetter("orders-dlq").ifUnavailable(ErrorPolicy.skip())));
 * }</pre>
 */
public final class ErrorPolicy {
    /** The three behaviours. */
    public enum Kind {
        /** Log, count and skip the record (Faust's behaviour). */
        SKIP,
        /** Stop processing: the app fails. */
        FAIL,
        /** Send the record's original key, value and headers, plus headers naming the error, to a topic; go on. */
        DEAD_LETTER
    }

    private static final ErrorPolicy SKIP = new ErrorPolicy(Kind.SKIP, null);
    private static final ErrorPolicy FAIL = new ErrorPolicy(Kind.FAIL, null);

    private final Kind kind;
    private final @Nullable String topic;
    private final @Nullable ErrorPolicy fallback;

    private ErrorPolicy(Kind kind, @Nullable String topic) {
        this(kind, topic, null);
    }

    private ErrorPolicy(Kind kind, @Nullable String topic, @Nullable ErrorPolicy fallback) {
        this.kind = kind;
        this.topic = topic;
        this.fallback = fallback;
    }

    /** Skip, log and count (the default). */
    public static ErrorPolicy skip() {
        return SKIP;
    }

    /** Fail the app. */
    public static ErrorPolicy fail() {
        return FAIL;
    }

    /**
     * Send the record to {@code topic} with its original bytes and headers describing the error, then go on. A copy
     * larger than the topic takes is replaced by a pointer record (its topic, partition, offset, sizes and error,
     * header {@code jfaust.dead_letter.pointer}); a worker creates the topic with the app's topics, sized for the
     * largest record its inputs take. If the topic does not take a dead letter, the app fails unless
     * {@link #ifUnavailable} says skip.
     */
    public static ErrorPolicy deadLetter(String topic) {
        if (Objects.requireNonNull(topic, "dead letter topic").isBlank()) {
            throw new ImproperlyConfigured("a dead letter topic needs a name");
        }
        return new ErrorPolicy(Kind.DEAD_LETTER, topic);
    }

    /**
     * What happens when the dead letter topic does not take a record (deleted, not authorised, unreachable):
     * {@link #fail()} (the default: nothing is lost, the worker stops with a message naming the topic and record) or
     * {@link #skip()} (log, count in {@code ErrorCounts.deadLetterFailures()} and go on).
     *
     * @throws ImproperlyConfigured on a policy other than dead letter, or a fallback other than skip or fail
     */
    public ErrorPolicy ifUnavailable(ErrorPolicy fallback) {
        if (kind != Kind.DEAD_LETTER) {
            throw new ImproperlyConfigured("ifUnavailable applies to deadLetter(topic) only, not to " + this);
        }
        if (Objects.requireNonNull(fallback, "fallback").kind == Kind.DEAD_LETTER) {
            throw new ImproperlyConfigured("ifUnavailable takes ErrorPolicy.skip() or ErrorPolicy.fail(), not "
                    + fallback);
        }
        return new ErrorPolicy(kind, topic, fallback);
    }

    /** For a dead letter policy, what happens when its topic does not take a record (default fail); else null. */
    public @Nullable ErrorPolicy fallback() {
        return kind == Kind.DEAD_LETTER ? (fallback == null ? FAIL : fallback) : null;
    }

    /** Which behaviour. */
    public Kind kind() {
        return kind;
    }

    /** The dead letter topic, or null. */
    public @Nullable String topic() {
        return topic;
    }

    @Override
    public String toString() {
        if (kind == Kind.DEAD_LETTER) {
            return "deadLetter(" + topic + ")" + (fallback == null ? "" : ".ifUnavailable(" + fallback + ")");
        }
        return kind.name().toLowerCase() + "()";
    }
}
