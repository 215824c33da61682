package io.jfaust.serdes;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A Kafka key or value could not be decoded. It carries where the record came from when that is known; Kafka
 * Streams' deserialization handlers see it as the {@link SerializationException} it is.
 *
 * <pre>{@code
 * try { serde.deserializer().deserialize("purchases", bytes); }
 * catch (DecodeException e) { log.warn("{} at {}", e.getMessage(), e.topic()); }
 * }</pre>
 */
public abstract class DecodeException extends SerializationException {
    private final String topic;
    private final Integer partition;
    private final Long offset;

    protected DecodeException(String message, Throwable cause, String topic, Integer partition, Long offset) {
        super(message, cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
    }

    /** The topic the bytes came from, or null when not known. */
    public String topic() {
        return topic;
    }

    /** The partition the bytes came from, or null when not known. */
    public Integer partition() {
        return partition;
    }

    /** The offset of the record, or null when not known. */
    public Long offset() {
        return offset;
    }

    /** This error located at {@code partition} and {@code offset} of its topic. */
    public abstract DecodeException at(int partition, long offset);

    protected static String describe(String what, String message, String topic, Integer partition, Long offset) {
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
