package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.embedded.RestartableKafka;
import io.jfaust.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dead letter path and the fail policy on a real broker: a 5 MB poison record is dead-lettered whole to the
 * topic the worker creates (sized for its inputs), or as a pointer record to a smaller topic, and the worker goes on;
 * a worker stopped by {@code fail()} says which record, why and under which policy, and a restarted worker resumes
 * within seconds.
 */
class DeadLetterIT {
    private static final int FIVE_MB = 5 * 1024 * 1024;
    private static RestartableKafka kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() {
        kafka = RestartableKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private App app(String id, String input, ErrorPolicy policy, Queue<String> seen) {
        App app = App.create(id, c -> c.broker("kafka://" + kafka.bootstrapServers()).topicPartitions(1)
                .onError(policy).streamsProperty("commit.interval.ms", 100));
        Topic<String, String> in = app.topic(input, String.class, String.class);
        app.agent(id + ".agent", in, s -> s.forEach(seen::add));
        return app;
    }

    private void feed(String topic, byte[] poison) {
        Records.produce(kafka.bootstrapServers(), topic, List.of(
                new byte[][] {Records.utf8("a"), Records.utf8("\"before\"")},
                new byte[][] {Records.utf8("p"), poison},
                new byte[][] {Records.utf8("b"), Records.utf8("\"after\"")}));
    }

    private static void await(Queue<String> seen, String value) throws InterruptedException {
        Await.until("the agent to see " + value, () -> seen.contains(value));
    }

    /**
     * Every record {@code topic} holds once app {@code group} has committed all of {@code input}: a dead letter goes
     * out with the task's other sends, flushed by the commit, so none of them can still come after this.
     */
    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String group, String input, String topic)
            throws InterruptedException {
        Await.committedToTheEnd(kafka.bootstrapServers(), group, input);
        return TopicContents.read(kafka.bootstrapServers(), topic);
    }

    private static int members(String group) {
        try (Admin admin = kafka.admin()) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(30, TimeUnit.SECONDS).members().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe group " + group + ": " + e, e);
        }
    }

    @Test
    void aFiveMegabytePoisonGoesWholeToTheTopicTheWorkerSizedOrAsAPointerToASmallerOne() throws Exception {
        kafka.createTopic("big-in", 1, Map.of("max.message.bytes", Integer.toString(6 * 1024 * 1024)));
        byte[] poison = Records.utf8("[".repeat(FIVE_MB));
        feed("big-in", poison);
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (Worker w = Worker.start(app("dlq-whole", "big-in", ErrorPolicy.deadLetter("big-dlq"), seen),
                o -> o.datadir(tmp.resolve("a").toString()).banner(false))) {
            await(seen, "after");
            List<ConsumerRecord<byte[], byte[]>> dlq = deadLetters("dlq-whole", "big-in", "big-dlq");
            assertThat(dlq).as("one dead letter").hasSize(1);
            assertThat(dlq.get(0).value()).isEqualTo(poison);
            assertThat(w.errorCounts().deadLettered()).isEqualTo(1);
            assertThat(w.errorCounts().pointers()).isZero();
            try (Admin admin = kafka.admin()) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, "big-dlq");
                Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
                assertThat(Integer.parseInt(c.get("max.message.bytes").value())).as("sized for big-in")
                        .isGreaterThan(6 * 1024 * 1024);
            }
        }
        kafka.createTopic("small-dlq", 1, Map.of());   // the broker's default: about 1 MB
        Queue<String> seen2 = new ConcurrentLinkedQueue<>();
        try (Worker w = Worker.start(app("dlq-pointer", "big-in", ErrorPolicy.deadLetter("small-dlq"), seen2),
                o -> o.datadir(tmp.resolve("b").toString()).banner(false))) {
            await(seen2, "after");
            List<ConsumerRecord<byte[], byte[]>> dlq = deadLetters("dlq-pointer", "big-in", "small-dlq");
            assertThat(dlq).as("one dead letter").hasSize(1);
            assertThat(Records.text(dlq.get(0).value())).contains("\"topic\":\"big-in\"", "\"partition\":0",
                    "\"offset\":1", "\"value_bytes\":" + FIVE_MB, "ValueDecodeException");
            assertThat(dlq.get(0).headers().lastHeader("jfaust.dead_letter.pointer")).isNotNull();
            assertThat(w.errorCounts().pointers()).isEqualTo(1);
            assertThat(w.failure()).isNull();
            assertThat(seen2).containsExactly("before", "after");
        }
    }

    /** The app of {@code id} whose dead letter topic {@code dlq} is deleted once its worker runs. */
    private App goneApp(String id, String input, ErrorPolicy policy, Queue<String> seen) {
        App app = App.create(id, c -> c.broker("kafka://" + kafka.bootstrapServers()).topicPartitions(1)
                .onError(policy).streamsProperty("commit.interval.ms", 100)
                .streamsProperty("producer.max.block.ms", 2000));
        Topic<String, String> in = app.topic(input, String.class, String.class);
        app.agent(id + ".agent", in, s -> s.forEach(seen::add));
        return app;
    }

    private void deleteTopic(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
            Await.until("topic " + topic + " to be gone", () -> {
                try {
                    return !admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot list the topics: " + e, e);
                }
            });
        }
    }

    @Test
    void aDeadLetterTopicThatIsGoneIsHandledByTheFallbackNeverByACrashLoop() throws Exception {
        // ifUnavailable(skip()): the bad record is counted and skipped, the worker goes on.
        kafka.createTopic("gone-in", 1, Map.of());
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (Worker w = Worker.start(goneApp("dlq-gone", "gone-in",
                ErrorPolicy.deadLetter("gone-dlq").ifUnavailable(ErrorPolicy.skip()), seen),
                o -> o.datadir(tmp.resolve("s").toString()).banner(false))) {
            assertThat(w.awaitRunning(Duration.ofSeconds(90))).isTrue();
            deleteTopic("gone-dlq");   // the broker creates no topic by itself here
            feed("gone-in", Records.utf8("{not json"));
            await(seen, "after");
            assertThat(seen).containsExactly("before", "after");
            assertThat(w.errorCounts().deadLetterFailures()).isEqualTo(1);
            assertThat(w.failure()).isNull();
        }
        // The default, ifUnavailable(fail()): the worker stops, naming the record and the policy; nothing is lost.
        kafka.createTopic("gone-in2", 1, Map.of());
        Queue<String> seen2 = new ConcurrentLinkedQueue<>();
        Worker failing = Worker.start(goneApp("dlq-gone-fail", "gone-in2", ErrorPolicy.deadLetter("gone-dlq2"), seen2),
                o -> o.datadir(tmp.resolve("t").toString()).banner(false));
        try {
            assertThat(failing.awaitRunning(Duration.ofSeconds(90))).isTrue();
            deleteTopic("gone-dlq2");
            feed("gone-in2", Records.utf8("{not json"));
            failing.awaitStopped();
            assertThat(failing.failure()).isInstanceOf(WorkerException.class)
                    .hasMessageContaining("gone-in2").hasMessageContaining("ifUnavailable(fail())");
            assertThat(seen2).doesNotContain("after");
        } finally {
            failing.close();
        }
    }

    @Test
    void aWorkerStoppedByFailNamesTheRecordAndARestartResumesWithinSeconds() throws Exception {
        kafka.createTopic("fr-in", 1, Map.of());
        feed("fr-in", Records.utf8("{not json"));
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        Worker failing = Worker.start(app("fail-recovery", "fr-in", ErrorPolicy.fail(), seen),
                o -> o.datadir(tmp.resolve("f").toString()).banner(false));
        failing.awaitStopped();
        assertThat(failing.failure()).isInstanceOf(WorkerException.class)
                .hasMessageContaining("app fail-recovery stopped: the record at topic fr-in, partition 0, offset 1 "
                        + "failed to decode: ")
                .hasMessageContaining("(error policy fail())");
        assertThat(seen).doesNotContain("after");
        failing.close();
        // The stopped worker left the group; one that stayed would hold it for its whole session (45 s), and the
        // restarted worker below would wait that out before it could join.
        Await.until("the stopped worker to leave group fail-recovery, sooner than its 45 s session",
                Duration.ofSeconds(30), () -> members("fail-recovery") == 0);
        // The fix: the same app, told to skip such records, restarted.
        Queue<String> seen2 = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        try (Worker w = Worker.start(app("fail-recovery", "fr-in", ErrorPolicy.skip(), seen2),
                o -> o.datadir(tmp.resolve("g").toString()).banner(false))) {
            await(seen2, "after");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("fail() recovery: the restarted worker processed the next record %.1f s after its "
                    + "start%n", seconds);
            assertThat(seconds).as("resumed sooner than the 45 s a member that never left makes it wait")
                    .isLessThan(45);
            assertThat(w.errorCounts().skipped()).isEqualTo(1);
            // Kafka Streams decodes a record when the one before it leaves the queue: "before" may have stopped
            // with the poison; nothing was committed past it, so the restarted worker processes it.
            assertThat(List.copyOf(seen).contains("before") || seen2.contains("before")).as("before processed").isTrue();
        }
    }
}
