package io.jfaust.serdes;

import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka key or value could not be decoded. It carries where the record came from when that is known; Kafka
 * Streams' deserialization handlers see it as the {@link SerializationException} it is.
 *
 * <pre>{@code
 * try { serde.deserializer().deserialize("purchases", bytes); }
 * catch (DecodeException e) { log.warn("{} at {}", e.getMessage(), e.topic()); }
 * }</pre>
 */
public abstract sealed class DecodeException extends SerializationException
        permits KeyDecodeException, ValueDecodeException {
    private final @Nullable String topic;
    private final @Nullable Integer partition;
    private final @Nullable Long offset;

    DecodeException(String message, @Nullable Throwable cause, @Nullable String topic,
                    @Nullable Integer partition, @Nullable Long offset) {
        super(message, cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    /** The topic the bytes came from, or null when not known. */
    public @Nullable String topic() {
        return topic;
    }

    /** The partition the bytes came from, or null when not known. */
    public @Nullable Integer partition() {
        return partition;
    }

    /** The offset of the record, or null when not known. */
    public @Nullable Long offset() {
        return offset;
    }

    /** This error located at {@code partition} and {@code offset} of its topic. */
    public abstract DecodeException at(int partition, long offset);

    /** {@code what: message (topic t, partition p, offset o)}, leaving out what is not known. */
    static String describe(String what, String message, @Nullable String topic, @Nullable Integer partition,
                           @Nullable Long offset) {
        StringBuilder sb = new StringBuilder(what).append(": ").append(message);
        if (topic != null) {
            sb.append(" (topic ").append(topic);
            if (partition != null) {
                sb.append(", partition ").append(partition);
            }
            if (offset != null) {
                sb.append(", offset ").append(offset);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
