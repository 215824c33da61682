package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code reset} then a restart counts every input once more from zero, under both processing guarantees and both
 * stores: reset removes exactly the local state the worker used (the worker's own rule, its default datadir here),
 * and refuses, deleting nothing, when that state is not where it looks. Without the local state removed, only
 * at-least-once on RocksDB counted on top of the old state (a = 4 where 2 is right): Kafka Streams finds the
 * checkpoint beyond the new changelog's end ({@code TaskCorruptedException}) and wipes the store under exactly-once
 * only; in-memory tables start empty with each worker.
 */
class ResetIT {
    private static final List<String> INPUTS = List.of("a", "b", "a");
    /** What the agent sends for the inputs, counting from zero: key = the count so far. */
    private static final List<String> COUNTED = List.of("a=\"1\"", "b=\"1\"", "a=\"2\"");

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    @TempDir
    Path state;

    /** Counts each input in a table and sends the new count; datadir is the app's setting: a worker's default. */
    private static App app(String id, String guarantee, String store, Path datadir) {
        App app = App.create(id, c -> c.broker(kafka.brokerUrl()).topicPartitions(1).processingGuarantee(guarantee)
                .store(store).datadir(datadir.toString()));
        Topic<String, String> in = app.topic(id + "-in", String.class, String.class);
        Topic<String, String> out = app.topic(id + "-out", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent(id + ".count", in, s -> s.forEach(v -> {
            counts.update(v, n -> n + 1);
            out.send(v, String.valueOf(counts.get(v)));
        }));
        return app;
    }

    /** Runs a worker (its default datadir unless {@code datadir} is given) until its outputs number {@code total}. */
    @SuppressWarnings("unchecked")
    private static List<String> runWorker(App app, boolean send, int total, String datadir) throws Exception {
        try (Worker w = Worker.start(app, o -> {
            o.broker(kafka.brokerUrl()).banner(false).property("commit.interval.ms", 100);
            if (datadir != null) {
                o.datadir(datadir);
            }
        })) {
            if (send) {
                Topic<String, String> in = (Topic<String, String>) app.topics().get(0);
                INPUTS.forEach(v -> w.send(in, v, v));
                w.flush();
            }
            return committed(app.id() + "-out", total);
        }
    }

    /** The first {@code n} committed records of {@code topic} as {@code key=value} (one partition: in order). */
    private static List<String> committed(String topic, int n) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reset-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(conf, new StringDeserializer(),
                new StringDeserializer())) {
            c.subscribe(List.of(topic));
            while (got.size() < n && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    got.add(r.key() + "=" + r.value());
                }
            }
        }
        assertThat(got).as("outputs of " + topic).hasSizeGreaterThanOrEqualTo(n);
        return got.subList(0, n);
    }

    /** Runs the command line: its exit code and what it printed (stdout and stderr). */
    private static Map.Entry<Integer, String> run(App app, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return Map.entry(app.run(args), buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"at_least_once, rocksdb://", "exactly_once, rocksdb://", "at_least_once, memory://",
            "exactly_once, memory://"})
    void resetThenRestartCountsEveryInputOnceFromZero(String guarantee, String store) throws Exception {
        String id = "reset-" + guarantee.replace("_", "") + "-" + store.replace("://", "");
        Path datadir = state.resolve(id + "-data");
        assertThat(runWorker(app(id, guarantee, store, datadir), true, 3, null)).isEqualTo(COUNTED);

        Map.Entry<Integer, String> reset = run(app(id, guarantee, store, datadir), "reset", "--yes", "--broker",
                kafka.brokerUrl());
        assertThat(reset.getKey()).as(reset.getValue()).isZero();
        assertThat(reset.getValue()).contains("Deleted the committed offsets of consumer group " + id,
                "Deleted topic " + id + "-counts-changelog");
        if (store.startsWith("rocksdb")) {
            assertThat(reset.getValue()).contains("Removing database for table counts...",
                    "Removed " + datadir.resolve(id));
            assertThat(datadir.resolve(id)).doesNotExist();
        } else {
            assertThat(reset.getValue()).contains("No local table state to remove (its tables live in memory");
        }

        List<String> outputs = runWorker(app(id, guarantee, store, datadir), false, 6, null);
        assertThat(outputs.subList(3, 6)).as("counted from zero again, not on top of the old state")
                .isEqualTo(COUNTED);
    }

    @Test
    void resetRefusesAndDeletesNothingWhenTheWorkersStateIsNotWhereItLooks() throws Exception {
        String id = "reset-elsewhere";
        Path datadir = state.resolve("default-data");
        String workerDir = state.resolve("given").toString();
        // The worker is given --datadir; reset, without it, looks in the app's datadir (where nothing is).
        assertThat(runWorker(app(id, "at_least_once", "rocksdb://", datadir), true, 3, workerDir)).isEqualTo(COUNTED);
        Map.Entry<Integer, String> refused = run(app(id, "at_least_once", "rocksdb://", datadir), "reset", "--yes",
                "--broker", kafka.brokerUrl());
        assertThat(refused.getKey()).as(refused.getValue()).isEqualTo(2);
        assertThat(refused.getValue()).contains("No table state of app reset-elsewhere in " + datadir.resolve(id),
                "(no --datadir: where a worker started without one keeps them)", "nothing was reset",
                "with the --datadir the worker was given");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).as("nothing deleted").contains(id + "-counts-changelog");
            assertThat(admin.listConsumerGroupOffsets(id).partitionsToOffsetAndMetadata().get())
                    .as("the committed offsets are kept").isNotEmpty();
        }

        Map.Entry<Integer, String> reset = run(app(id, "at_least_once", "rocksdb://", datadir), "reset", "--yes",
                "--broker", kafka.brokerUrl(), "--datadir", workerDir);
        assertThat(reset.getKey()).as(reset.getValue()).isZero();
        assertThat(reset.getValue()).contains("Removed " + Path.of(workerDir, id));
        List<String> outputs = runWorker(app(id, "at_least_once", "rocksdb://", datadir), false, 6, workerDir);
        assertThat(outputs.subList(3, 6)).isEqualTo(COUNTED);
    }
}
