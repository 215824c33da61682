package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A Kafka record key that could not be decoded (Faust's {@code KeyDecodeError}); the cause says why.
 *
 * <pre>{@code
 * try { schema.loadsKey(bytes); }
 * catch (KeyDecodeException e) { e.getCause(); }
 * }</pre>
 */
public final class KeyDecodeException extends DecodeException {
    private final String reason;

    /** A key that failed to decode for {@code reason}, read from {@code topic} (null when not known). */
    public KeyDecodeException(String reason, @Nullable Throwable cause, @Nullable String topic) {
        this(reason, cause, topic, null, null);
    }

    /** A key that failed to decode at a known position. */
    public KeyDecodeException(String reason, @Nullable Throwable cause, @Nullable String topic,
                              @Nullable Integer partition, @Nullable Long offset) {
        super(describe("KeyDecodeError", reason, topic, partition, offset), cause, topic, partition, offset);
        this.reason = reason;
    }

    /** Why decoding failed, without the position. */
    public String reason() {
        return reason;
    }

    @Override
    public KeyDecodeException at(int partition, long offset) {
        return new KeyDecodeException(reason, getCause(), topic(), partition, offset);
    }
}
