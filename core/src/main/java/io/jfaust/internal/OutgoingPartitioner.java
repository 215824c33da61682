package io.jfaust.internal;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Honours an explicit {@code partition=} of a send; otherwise defers to Kafka's default partitioner (murmur2 of the
 * key bytes, as Faust's aiokafka producer does for keyed records).
 *
 * <pre>{@code
 * topology.addSink("sink", extractor, keySerializer, valueSerializer, new OutgoingPartitioner(), "agent");
 * // OutgoingKey("t", bytes, 2) goes to partition 2;
 * // OutgoingKey("t", bytes, null) to the key's partition
 * }</pre>
 */
public final class OutgoingPartitioner implements StreamPartitioner<OutgoingKey, byte[]> {
    @Override
    public Optional<Set<Integer>> partitions(String topic, OutgoingKey key, byte[] value, int numPartitions) {
        if (key == null || key.partition() == null) {
            return Optional.empty();
        }
        int p = key.partition();
        if (p < 0 || p >= numPartitions) {
            throw new IllegalArgumentException("send to " + topic + " asked for partition " + p + " but the topic has "
                    + numPartitions + " partitions");
        }
        return Optional.of(Set.of(p));
    }
}
