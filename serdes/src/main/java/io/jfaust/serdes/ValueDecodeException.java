package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A Kafka record value that could not be decoded (Faust's {@code ValueDecodeError}); the cause says why.
 *
 * <pre>{@code
 * try { schema.loadsValue(bytes); }
 * catch (ValueDecodeException e) { e.getCause(); }
 * }</pre>
 */
public final class ValueDecodeException extends DecodeException {
    private final String reason;

    /** A value that failed to decode for {@code reason}, read from {@code topic} (null when not known). */
    public ValueDecodeException(String reason, @Nullable Throwable cause, @Nullable String topic) {
        this(reason, cause, topic, null, null);
    }

    /** A value that failed to decode at a known position. */
    public ValueDecodeException(String reason, @Nullable Throwable cause, @Nullable String topic,
                                @Nullable Integer partition, @Nullable Long offset) {
        super(describe("ValueDecodeError", reason, topic, partition, offset), cause, topic, partition, offset);
        this.reason = reason;
    }

    /** Why decoding failed, without the position. */
    public String reason() {
        return reason;
    }

    @Override
    public ValueDecodeException at(int partition, long offset) {
        return new ValueDecodeException(reason, getCause(), topic(), partition, offset);
    }
}
