package io.jfaust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The options of one send ({@code topic.send(key=..., value=..., partition=..., timestamp=..., headers=...,
 * key_serializer=..., value_serializer=...)}): immutable, built from {@link #options()} and copied by {@code with...}.
 * A null option means Faust's default: the default partitioner, the producer's clock, no headers, the topic's codecs.
 *
 * <pre>{@code
 * dollars.send("alice", d, Send.options().withPartition(2).withTimestamp(1700000000.5));
 * dollars.send("alice", d, Send.options().withHeader("trace", "abc".getBytes()));
 * dollars.send("alice", d, Send.options().withValueSerializer("json|binary"));
 * }</pre>
 */
public final class Send {
    private static final Send DEFAULT = new Send(null, null, List.of(), null, null);

    private final @Nullable Integer partition;
    private final @Nullable Double timestamp;
    private final List<Map.Entry<String, byte[]>> headers;
    private final @Nullable String keySerializer;
    private final @Nullable String valueSerializer;

    private Send(@Nullable Integer partition, @Nullable Double timestamp, List<Map.Entry<String, byte[]>> headers,
                 @Nullable String keySerializer, @Nullable String valueSerializer) {
        this.partition = partition;
        this.timestamp = timestamp;
        this.headers = headers;
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    /** Faust's defaults. */
    public static Send options() {
        return DEFAULT;
    }

    /** Send to this partition instead of the key's. */
    public Send withPartition(int partition) {
        return new Send(partition, timestamp, headers, keySerializer, valueSerializer);
    }

    /** The record timestamp (default: the producer's clock). */
    public Send withTimestamp(Instant timestamp) {
        return withTimestamp(timestamp.toEpochMilli() / 1000.0);
    }

    /** The record timestamp in epoch seconds, as a Faust port writes it ({@code timestamp=1700000000.5}). */
    public Send withTimestamp(double epochSeconds) {
        return new Send(partition, epochSeconds, headers, keySerializer, valueSerializer);
    }

    /** Adds a header (headers keep their order; Faust adds none of its own). */
    public Send withHeader(String name, byte[] value) {
        List<Map.Entry<String, byte[]>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new Send(partition, timestamp, Collections.unmodifiableList(h), keySerializer, valueSerializer);
    }

    /** Encodes the key with this codec instead of the topic's. */
    public Send withKeySerializer(String codec) {
        return new Send(partition, timestamp, headers, codec, valueSerializer);
    }

    /** Encodes the value with this codec instead of the topic's. */
    public Send withValueSerializer(String codec) {
        return new Send(partition, timestamp, headers, keySerializer, codec);
    }

    /** The partition asked for, or null for the key's. */
    public @Nullable Integer partition() {
        return partition;
    }

    /** The timestamp in epoch seconds, or null for the producer's clock. */
    public @Nullable Double timestamp() {
        return timestamp;
    }

    /** The headers. */
    public List<Map.Entry<String, byte[]>> headers() {
        return headers;
    }

    /** The key codec for this send, or null for the topic's. */
    public @Nullable String keySerializer() {
        return keySerializer;
    }

    /** The value codec for this send, or null for the topic's. */
    public @Nullable String valueSerializer() {
        return valueSerializer;
    }
}
