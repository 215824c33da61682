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
    private final String topic;

    private ErrorPolicy(Kind kind, String topic) {
        this.kind = kind;
        this.topic = topic;
    }

    /** Skip, log and count (the default). */
    public static ErrorPolicy skip() {
        return SKIP;
    }

    /** Fail the app. */
    public static ErrorPolicy fail() {
        return FAIL;
    }

    /** Send the record to {@code topic} with its original bytes and headers describing the error, then go on. */
    public static ErrorPolicy deadLetter(String topic) {
        if (Objects.requireNonNull(topic, "dead letter topic").isBlank()) {
            throw new IllegalArgumentException("a dead letter topic needs a name");
        }
        return new ErrorPolicy(Kind.DEAD_LETTER, topic);
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
        return kind == Kind.DEAD_LETTER ? "deadLetter(" + topic + ")" : kind.name().toLowerCase();
    }
}
