package io.jfaust.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Every record of a topic, read with a plain consumer (no group) from the start to the end offsets of now. */
final class TopicContents {
    private TopicContents() {}

    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, "read_uncommitted")) {
            List<TopicPartition> parts = fromStart(c, topic);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts, Duration.ofSeconds(30)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(p -> c.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        out.sort(java.util.Comparator.comparingInt(ConsumerRecord<byte[], byte[]>::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return out;
    }

    /**
     * The committed records of {@code topic} ({@code read_committed}, from the start, in the order read), once
     * {@code complete} holds of all that was read up to the topic's last stable offsets, asked again at each poll (a
     * transaction's markers may land a moment after its offsets were seen committed); after {@link Await#LIMIT}, what
     * was read by then, for the caller's assertions to name what is missing.
     */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, String topic,
                                                              Predicate<List<ConsumerRecord<byte[], byte[]>>> complete) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, "read_committed")) {
            List<TopicPartition> parts = fromStart(c, topic);
            long start = System.nanoTime();
            while (System.nanoTime() - start < Await.LIMIT.toNanos()) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
                Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
                if (parts.stream().allMatch(p -> c.position(p) >= end.get(p)) && complete.test(out)) {
                    break;
                }
            }
        }
        return out;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String isolation) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, "topic-contents-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        return new KafkaConsumer<>(conf, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Assigns every partition of {@code topic} to {@code c}, positioned at the start. */
    private static List<TopicPartition> fromStart(KafkaConsumer<byte[], byte[]> c, String topic) {
        List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        c.assign(parts);
        c.seekToBeginning(parts);
        return parts;
    }
}
