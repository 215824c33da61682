package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.Changelogs;
import io.jfaust.examples.wordcount.WordCount;
import io.jfaust.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Workers on a real broker: scaling out, a worker leaving, a restart restoring tables, and clear failures. */
class WorkerIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

    @TempDir
    Path state;

    @BeforeAll
    static void startBroker() {
        kafka.createTopic(WordCount.POSTS, 4);
    }

    private Worker worker(App app, String dir) throws Exception {
        Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(dir).banner(false)
                .property("commit.interval.ms", 100));
        assertThat(w.awaitRunning(Duration.ofSeconds(90))).as("worker running").isTrue();
        return w;
    }

    @SuppressWarnings("unchecked")
    private static Topic<String, String> posts(App app) {
        return (Topic<String, String>) app.topics().stream().filter(t -> t.name().equals(WordCount.POSTS))
                .findFirst().orElseThrow();
    }

    private static Map<String, String> counts(Map<String, Long> expected) {
        return Changelogs.table(kafka.bootstrapServers(), "word-counts-word_counts-changelog",
                s -> expected.entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(
                        s.get("\"" + e.getKey() + "\""))), Duration.ofSeconds(90));
    }

    @Test
    void twoWorkersShareThePartitionsThenOneLeavesThenARestartRestoresTheTable() throws Exception {
        String dirA = Files.createTempDirectory(state, "a").toString();
        String dirB = Files.createTempDirectory(state, "b").toString();
        App appA = WordCount.create(kafka.brokerUrl());
        App appB = WordCount.create(kafka.brokerUrl());
        Worker a = worker(appA, dirA);
        Worker b = worker(appB, dirB);
        waitUntil(() -> a.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum()
                > 0 && b.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() > 0);
        for (int i = 0; i < 20; i++) {
            posts(appA).send("p" + i, "alpha beta w" + i);
        }
        a.flush();
        assertThat(counts(Map.of("alpha", 20L, "beta", 20L, "w7", 1L))).containsEntry("\"alpha\"", "20");

        b.close();
        waitUntil(() -> a.streams().state() == KafkaStreams.State.RUNNING
                && a.streams().metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() == 8);
        for (int i = 0; i < 10; i++) {
            posts(appA).send("q" + i, "alpha gamma");
        }
        a.flush();
        assertThat(counts(Map.of("alpha", 30L, "beta", 20L, "gamma", 10L))).containsEntry("\"alpha\"", "30")
                .containsEntry("\"gamma\"", "10");
        a.close();

        App appC = WordCount.create(kafka.brokerUrl());
        try (Worker c = worker(appC, Files.createTempDirectory(state, "c").toString())) {
            posts(appC).send("r", "alpha");
            c.flush();
            assertThat(counts(Map.of("alpha", 31L, "gamma", 10L))).as("restored from the changelog, then counted on")
                    .containsEntry("\"alpha\"", "31").containsEntry("\"beta\"", "20");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier cond) throws InterruptedException {
        Await.until("the workers' assignment", cond);
    }

    @Test
    void anUnreachableBrokerIsAClearErrorWithItsExitCode() {
        App app = WordCount.create("kafka://127.0.0.1:1");
        assertThatThrownBy(() -> Worker.start(app, o -> o.banner(false)
                .startupTimeout(Duration.ofSeconds(2))))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("Cannot reach a Kafka broker at 127.0.0.1:1")
                .satisfies(e -> assertThat(((WorkerException) e).exitCode()).isEqualTo(3));
        assertThat(app.run("worker", "--broker", "kafka://127.0.0.1:1", "--startup-timeout", "2")).isEqualTo(3);
    }

    @Test
    void aTopicWithTheWrongPartitionCountIsAClearError() throws Exception {
        App app = App.create("mismatch", c -> c.broker(kafka.brokerUrl()).topicPartitions(4));
        app.agent("mismatch.agent", String.class, String.class, s -> s.forEach(v -> { }));
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("mismatch-mismatch.agent", 3, (short) 1))).all().get();
        }
        assertThatThrownBy(() -> Worker.start(app, o -> o.banner(false)))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("has 3 partitions but the app declares 4")
                .satisfies(e -> assertThat(((WorkerException) e).exitCode()).isEqualTo(4));
    }

    @Test
    void helpListsTheVerbAndItsOptions() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf));
        try {
            App app = WordCount.create(kafka.brokerUrl());
            assertThat(app.run("--help")).isZero();
            assertThat(app.run("worker", "--help")).isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString()).contains("worker", "--broker", "--loglevel", "--datadir", "--web-port", "--web-bind",
                "--web-host", "--without-web", "send", "agents", "tables", "topics", "models", "model", "reset");
    }
}
