package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.Changelogs;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backlog older than a windowed table's {@code expires} survives the broker's retention and a restore: its
 * changelog ({@code compact,delete}, {@code retention.ms = expires}) is stamped with the wall clock at write, as
 * Faust's is, not with the events' old timestamps. The broker here enforces retention every half second, and a
 * witness topic configured as the changelog shows that it did. And the tables' record cache: fewer changelog
 * records, the same table, the same restore; {@code statestore.cache.max.bytes=0} writes every update as Faust does.
 */
class ChangelogRetentionIT {
    private static final Instant BACKLOG = Instant.parse("2023-11-14T22:13:20Z");
    private static final String CHANGELOG = "stamps-hits-changelog";

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().brokerProperties(Map.of("log.retention.check.interval.ms", "500",
                "log.initial.task.delay.ms", "0", "log.cleaner.backoff.ms", "500"));

    @TempDir
    Path state;

    @BeforeAll
    static void startBroker() throws Exception {
        // compact,delete topics have their retention enforced by the log cleaner: let it pass every half second
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("events", 1, (short) 1).configs(Map.of("retention.ms", "-1")),
                    new NewTopic("witness", 1, (short) 1).configs(Map.of("cleanup.policy",
                            "compact,delete", "retention.ms", "3600000")),
                    new NewTopic("updates", 1, (short) 1))).all().get();
        }
    }

    /** Hits per key in a window of the wall clock (3650 days, so the test never straddles one), expiring in 1 h. */
    private static App app() {
        App app = App.create("stamps", c -> c.broker(kafka.brokerUrl()).topicPartitions(1));
        Topic<String, String> events = app.topic("events", String.class, String.class, t -> t.valueSerializer("raw"));
        WindowedTable<String, Long> hits = app.table("hits", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofDays(3650), Duration.ofHours(1)).relativeToNow();
        app.agent("stamps.count", events, s -> s.forEachItem((k, v) -> hits.update(k, n -> n + 1)));
        return app;
    }

    private static void produce(String topic, int perKey) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < perKey; i++) {
                for (String k : List.of("a", "b", "c")) {
                    p.send(new ProducerRecord<>(topic, 0, BACKLOG.toEpochMilli() + i,
                            k.getBytes(StandardCharsets.UTF_8), "hit".getBytes(StandardCharsets.UTF_8))).get();
                }
            }
        }
    }

    private static long logStart(String topic) {
        try (Admin admin = kafka.admin()) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get(30, TimeUnit.SECONDS).get(tp)
                    .offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the log start of " + topic + ": " + e, e);
        }
    }

    private Worker worker(String dir) throws InterruptedException {
        Worker w = Worker.start(app(), o -> o.broker(kafka.brokerUrl()).datadir(state.resolve(dir).toString())
                .banner(false).property("commit.interval.ms", 100));
        assertThat(w.awaitRunning(Duration.ofSeconds(60))).isTrue();
        return w;
    }

    private static Map<String, String> table(long values) {
        return Changelogs.table(kafka.bootstrapServers(), CHANGELOG,
                s -> s.size() == 3 && s.values().stream().allMatch(v -> v.equals(Long.toString(values))),
                Duration.ofSeconds(60));
    }

    @Test
    void aBacklogOlderThanExpiresSurvivesRetentionAndARestore() throws Exception {
        long before = System.currentTimeMillis();
        try (Worker first = worker("first")) {
            produce("events", 10);
            assertThat(table(10)).hasSize(3).allSatisfy((k, v) -> assertThat(v).isEqualTo("10"));
        }
        try (Admin admin = kafka.admin()) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, CHANGELOG);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
            assertThat(config.get("cleanup.policy").value()).as("as Faust creates it").isEqualTo("compact,delete");
            assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
        }
        List<ConsumerRecord<byte[], byte[]>> written = TopicContents.read(kafka.bootstrapServers(), CHANGELOG);
        // 30 updates; the record cache may merge a key's updates between two commits (100 ms here)
        assertThat(written).isNotEmpty().hasSizeLessThanOrEqualTo(30)
                .allSatisfy(r -> assertThat(r.timestamp()).isGreaterThanOrEqualTo(before));

        // a witness like the changelog, as old as the backlog: once the broker has deleted it, retention has run
        // over the changelog too; a second witness deleted after the first is a later pass, so the changelog has
        // been through at least one whole pass (a pass that skipped it, busy compacting, included)
        produce("witness", 1);
        Await.until("retention to delete the witness", () -> logStart("witness") == 3);
        produce("witness", 1);
        Await.until("a later retention pass to delete the second witness", () -> logStart("witness") == 6);
        assertThat(logStart(CHANGELOG)).as("nothing of the changelog deleted").isZero();

        try (Worker restored = worker("second")) {
            produce("events", 1);
            assertThat(table(11)).as("restored from the changelog, then counted on")
                    .allSatisfy((k, v) -> assertThat(v).isEqualTo("11"));
        }
    }

    /** {@code counts[key] += 1} over {@code updates}, as app {@code id} (with its streams properties). */
    private static App counting(String id, Map<String, Object> streamsProperties) {
        App app = App.create(id, c -> {
            c.broker(kafka.brokerUrl()).topicPartitions(1);
            streamsProperties.forEach(c::streamsProperty);
        });
        Topic<String, String> updates = app.topic("updates", String.class, String.class,
                t -> t.valueSerializer("raw"));
        io.jfaust.Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent(id + ".count", updates, s -> s.forEachItem((k, v) -> {
            if (v.equals("del")) {
                counts.delete(k);
            } else {
                counts.update(k, n -> n + 1);
            }
        }));
        return app;
    }

    private Worker start(App app, String dir) throws InterruptedException {
        Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(state.resolve(dir).toString())
                .banner(false));
        assertThat(w.awaitRunning(Duration.ofSeconds(60))).isTrue();
        return w;
    }

    private static void produceUpdates(int perKey) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG,
                20), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < perKey; i++) {
                for (String k : List.of("a", "b", "c")) {
                    p.send(new ProducerRecord<>("updates", k.getBytes(StandardCharsets.UTF_8),
                            "u".getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static long tombstones(List<ConsumerRecord<byte[], byte[]>> log, String key) {
        return log.stream().filter(r -> r.value() == null && new String(r.key(), StandardCharsets.UTF_8).equals(key))
                .count();
    }

    private static void produceOne(String key, String value) {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>("updates", key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Map<String, String> counts(String changelog, long each) {
        return Changelogs.table(kafka.bootstrapServers(), changelog,
                s -> s.size() == 3 && s.values().stream().allMatch(v -> v.equals(Long.toString(each))),
                Duration.ofSeconds(60));
    }

    @Test
    void theRecordCacheWritesFewerChangelogRecordsForTheSameTableAndRestore() throws Exception {
        produceUpdates(200);
        String changelog = "cached-counts-changelog";
        try (Worker first = start(counting("cached", Map.of()), "cached-1")) {
            assertThat(counts(changelog, 200)).as("every update counted, each key's latest value written")
                    .containsOnlyKeys("\"a\"", "\"b\"", "\"c\"");
        }
        int written = TopicContents.read(kafka.bootstrapServers(), changelog).size();
        assertThat(written).as("600 updates, merged per key between commits").isGreaterThanOrEqualTo(3)
                .isLessThan(600);

        // a new worker with empty state restores the table from that changelog, then counts on
        App app = counting("cached", Map.of());
        try (Worker restored = start(app, "cached-2")) {
            produceUpdates(1);
            assertThat(counts(changelog, 201)).hasSize(3);
            @SuppressWarnings("unchecked")
            io.jfaust.Table<String, Long> table = (io.jfaust.Table<String, Long>) app.tables().get(0);
            assertThat(restored.get(table, "a")).isEqualTo(201L);

            // a delete no later write replaces reaches the changelog as a tombstone at the next commit
            produceOne("c", "del");
            Await.until("the tombstone of c in " + changelog,
                    () -> tombstones(TopicContents.read(kafka.bootstrapServers(), changelog), "\"c\"") > 0);
            List<ConsumerRecord<byte[], byte[]>> log = TopicContents.read(kafka.bootstrapServers(), changelog);
            assertThat(tombstones(log, "\"c\"")).isEqualTo(1);
            assertThat(tombstones(log, "\"a\"") + tombstones(log, "\"b\"")).isZero();
            assertThat(restored.containsKey(table, "c")).isFalse();
        }

        // Faust's changelog exactly: one record per update, the delete's tombstone included
        String exact = "exact-counts-changelog";
        try (Worker w = start(counting("exact", Map.of("statestore.cache.max.bytes", 0)), "exact")) {
            assertThat(Changelogs.table(kafka.bootstrapServers(), exact, t -> t.size() == 2
                    && "201".equals(t.get("\"a\"")) && "201".equals(t.get("\"b\"")), Duration.ofSeconds(60)))
                    .containsOnlyKeys("\"a\"", "\"b\"");
        }
        assertThat(TopicContents.read(kafka.bootstrapServers(), exact)).hasSize(604);
    }
}
