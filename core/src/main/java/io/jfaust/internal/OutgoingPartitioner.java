package io.jfaust.internal;

import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Honours an explicit {@code partition=} of a send; otherwise defers to Kafka's default partitioner (murmur2 of the
 * key bytes, as Faust's aiokafka producer does for keyed records).
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
