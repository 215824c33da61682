package io.jfaust;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The event being processed (Faust's {@code Event}): decoded key and value, headers, and where the message came
 * from. {@link #current()} is Faust's {@code current_event()}. {@link #forward} re-sends the original bytes;
 * {@link #send} re-encodes the decoded key and value. In {@code forEachEvent} after {@code map} or {@code take} the
 * key and value are the stream's at that point (the mapped value; a batch under no key), the rest the message's.
 *
 * <pre>{@code
 * stream.forEachEvent(e -> {
 *     if (e.value().amount() > 1000) e.forward(bigPurchases);
 * });
 * }</pre>
 */
public final class Event<K, V> {
    private final @Nullable K key;
    private final @Nullable V value;
    private final byte @Nullable [] rawKey;
    private final byte @Nullable [] rawValue;
    private final Headers headers;
    private final @Nullable String topic;
    private final int partition;
    private final long offset;
    private final long timestampMs;

    /** An event; built by jfaust's processors and test tools only. */
    Event(@Nullable K key, @Nullable V value, byte @Nullable [] rawKey, byte @Nullable [] rawValue, Headers headers,
          @Nullable String topic, int partition, long offset, long timestampMs) {
        this.key = key;
        this.value = value;
        this.rawKey = rawKey;
        this.rawValue = rawValue;
        this.headers = headers;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestampMs = timestampMs;
    }

    /** The event being processed on this thread, if any (Faust's {@code current_event()}). */
    public static Optional<Event<?, ?>> current() {
        Scope scope = Scope.current();
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.event());
    }

    /**
     * This event as the steps after a processor see it ({@code map}, {@code take}): their key and value, and the
     * message's raw bytes, headers and where it came from. The event itself when neither changed.
     */
    Event<Object, Object> withKeyValue(@Nullable Object newKey, @Nullable Object newValue) {
        if (newKey == key && newValue == value) {
            @SuppressWarnings("unchecked")
            Event<Object, Object> same = (Event<Object, Object>) this;
            return same;
        }
        return new Event<>(newKey, newValue, rawKey, rawValue, headers, topic, partition, offset, timestampMs);
    }

    /** The decoded key. */
    public @Nullable K key() {
        return key;
    }

    /** The decoded value. */
    public @Nullable V value() {
        return value;
    }

    /** The key bytes as read. */
    public byte @Nullable [] rawKey() {
        return rawKey;
    }

    /** The value bytes as read. */
    public byte @Nullable [] rawValue() {
        return rawValue;
    }

    /** Headers as Faust exposes them: a map, the last of duplicate names winning. */
    public Map<String, byte[]> headers() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (headers != null) {
            for (Header h : headers) {
                out.put(h.key(), h.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The Kafka headers as read. */
    public Headers kafkaHeaders() {
        return headers;
    }

    /** The topic the message came from (null when Kafka Streams gives no record metadata). */
    public @Nullable String topic() {
        return topic;
    }

    /** The partition the message came from. */
    public int partition() {
        return partition;
    }

    /** The message offset. */
    public long offset() {
        return offset;
    }

    /** The message timestamp in epoch seconds, as Faust's {@code message.timestamp} (ms / 1000). */
    public double timestamp() {
        return timestampMs / 1000.0;
    }

    /** The message timestamp in epoch milliseconds. */
    public long timestampMs() {
        return timestampMs;
    }

    /** Re-sends the original key, value and headers to {@code topic} (Faust's {@code event.forward}). */
    public void forward(Topic<?, ?> topic) {
        Send send = Send.options();
        if (headers != null) {
            for (Header h : headers) {
                send = send.withHeader(h.key(), h.value());
            }
        }
        topic.sendRaw(rawKey, rawValue, send);
    }

    /** Re-encodes the decoded key and value for {@code topic} and sends them (Faust's {@code event.send}). */
    @SuppressWarnings("unchecked")
    public void send(Topic<?, ?> topic) {
        ((Topic<Object, Object>) topic).send(key, value);
    }

    @Override
    public String toString() {
        return "Event(" + topic + "[" + partition + "]@" + offset + ", key=" + key + ", value=" + value + ")";
    }
}
