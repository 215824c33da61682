package io.jfaust.it;

import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A recorded Faust cluster ({@code faust-vectors/takeover/}: every record of every topic, the group's committed
 * offsets, partition counts and topic configs) and how to recreate it on a broker: topics with their partitions and
 * configs, each record to its partition with its timestamp, key, value and headers (offsets then match, the topics
 * starting empty), and the committed offsets through Admin's {@code alterConsumerGroupOffsets}.
 */
final class FaustClusterFixture {
    /** One recorded record. */
    record Rec(String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value,
               List<Map.Entry<String, byte[]>> headers) {}

    private static final String DIR = "/faust-vectors/takeover/";
    private static final FaustJson JSON = FaustJson.of(JsonFlavor.FAUST_STREAMING);

    final List<Rec> records = new ArrayList<>();
    final Map<String, Integer> partitions = new HashMap<>();
    final Map<String, Map<String, String>> configs = new HashMap<>();
    final Map<TopicPartition, Long> committed = new HashMap<>();
    final Map<TopicPartition, Long> endOffsets = new HashMap<>();

    @SuppressWarnings("unchecked")
    FaustClusterFixture(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(resource(name + ".jsonl.gz"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Map<String, Object> m = (Map<String, Object>) JSON.loads(line);
                List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
                for (Object h : (List<Object>) m.get("headers")) {
                    List<Object> pair = (List<Object>) h;
                    headers.add(Map.entry((String) pair.get(0), b64((String) pair.get(1))));
                }
                records.add(new Rec((String) m.get("topic"), ((Number) m.get("partition")).intValue(),
                        ((Number) m.get("offset")).longValue(), ((Number) m.get("timestamp_ms")).longValue(),
                        b64((String) m.get("key_b64")), b64((String) m.get("value_b64")), headers));
            }
        }
        Map<String, Object> meta;
        try (InputStream in = resource(name + ".meta.json")) {
            meta = (Map<String, Object>) JSON.loads(in.readAllBytes());
        }
        ((Map<String, Object>) meta.get("partitions")).forEach((t, n) -> partitions.put(t, ((Number) n).intValue()));
        ((Map<String, Object>) meta.get("topic_configs")).forEach((t, c) -> configs.put(t,
                (Map<String, String>) (Map<String, ?>) c));
        ((Map<String, Object>) meta.get("committed_faustlab")).forEach((tp, o) -> committed.put(tp(tp),
                ((Number) o).longValue()));
        ((Map<String, Object>) meta.get("end_offsets")).forEach((tp, o) -> endOffsets.put(tp(tp),
                ((Number) o).longValue()));
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = FaustClusterFixture.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IOException("test resource " + DIR + file + " is missing");
        }
        return in;
    }

    private static TopicPartition tp(String topicColonPartition) {
        int i = topicColonPartition.lastIndexOf(':');
        return new TopicPartition(topicColonPartition.substring(0, i),
                Integer.parseInt(topicColonPartition.substring(i + 1)));
    }

    private static byte[] b64(String s) {
        return s == null ? null : Base64.getDecoder().decode(s);
    }

    /** The records of {@code topic}, in partition and offset order. */
    List<Rec> of(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic))
                .sorted(java.util.Comparator.comparingInt(Rec::partition).thenComparingLong(Rec::offset)).toList();
    }

    /** Recreates the recorded cluster on {@code kafka}: topics, records, the group's committed offsets. */
    void loadInto(EmbeddedKafka kafka, String group) throws Exception {
        try (Admin admin = kafka.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            partitions.forEach((t, n) -> topics.add(new NewTopic(t, n, (short) 1)
                    .configs(configs.getOrDefault(t, Map.of()))));
            admin.createTopics(topics).all().get();
            EmbeddedKafka.awaitLeaders(admin, partitions.keySet());
            // Not idempotent: an idempotent producer whose first batch to a new partition met NOT_LEADER_OR_FOLLOWER
            // was once refused its retry until the delivery timeout (a 10-minute hang). One request in flight keeps
            // each partition in order; the end offsets are checked below, so a duplicate would fail the load.
            Map<String, Object> conf = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(conf, new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (Rec r : records.stream().sorted(java.util.Comparator.comparing(Rec::topic)
                        .thenComparingInt(Rec::partition).thenComparingLong(Rec::offset)).toList()) {
                    RecordHeaders headers = new RecordHeaders();
                    r.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
                    sent.add(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.timestampMs(), r.key(),
                            r.value(), headers)));
                }
                producer.flush();
                for (java.util.concurrent.Future<?> f : sent) {
                    f.get();   // a record the broker did not take fails the load here, not a later assertion
                }
            }
            Map<TopicPartition, Long> loaded = new HashMap<>();
            records.forEach(r -> loaded.merge(new TopicPartition(r.topic(), r.partition()), 1L, Long::sum));
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            loaded.keySet().forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            admin.listOffsets(latest).all().get().forEach((tp, end) -> {
                if (end.offset() != loaded.get(tp)) {
                    throw new IllegalStateException(tp + " holds " + end.offset() + " records after the load, not "
                            + loaded.get(tp));
                }
            });
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            committed.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o)));
            admin.alterConsumerGroupOffsets(group, offsets).all().get();
        }
    }
}
