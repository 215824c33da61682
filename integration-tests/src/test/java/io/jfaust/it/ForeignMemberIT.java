package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.WorkerException;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.examples.purchasesapp.PurchasesApp;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Faust worker in the group: the preflight names it, a worker with a short bound fails with exit code 6 naming it,
 * Kafka Streams' own failed join is named the same way (never a silent fatal error); then it crashes (gone without
 * leaving, its session not yet expired) and a worker with a longer bound waits it out, then joins and processes. The
 * member heartbeats until the crash, so the checks that need it in the group never race its session on a slow
 * machine; the broker shows a crashed member within its session exactly as a live one.
 */
class ForeignMemberIT {
    private static final String CLIENT_ID = "faust-worker-killed-9";
    private static final Duration SESSION = Duration.ofSeconds(10);

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

    @TempDir
    Path state;

    @BeforeAll
    static void startBroker() {
        kafka.createTopic("purchases", 4);
        kafka.createTopic("purchases-dollars", 1);
    }

    /** An assignor named as Faust's ({@code faust}): every partition to the first member. */
    public static final class FaustNamedAssignor implements ConsumerPartitionAssignor {
        @Override
        public String name() {
            return "faust";
        }

        @Override
        public GroupAssignment assign(Cluster metadata, GroupSubscription subscription) {
            Map<String, Assignment> out = new HashMap<>();
            List<TopicPartition> all = new ArrayList<>();
            subscription.groupSubscription().values().stream().flatMap(s -> s.topics().stream()).distinct()
                    .forEach(t -> metadata.partitionsForTopic(t)
                            .forEach(p -> all.add(new TopicPartition(t, p.partition()))));
            subscription.groupSubscription().keySet().stream().sorted().forEach(m -> out.put(m,
                    new Assignment(out.isEmpty() ? all : List.of())));
            return new GroupAssignment(out);
        }
    }

    /**
     * A Faust-protocol member of group {@code faustlab} holding every partition, kept in the group by its heartbeat
     * thread until {@link #crash}.
     */
    private static KafkaConsumer<byte[], byte[]> faustMember() {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faustlab", ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID,
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, FaustNamedAssignor.class.getName(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION.toMillis(),
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(conf, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        c.subscribe(List.of("purchases"));
        long start = System.nanoTime();
        while (c.assignment().isEmpty() && System.nanoTime() - start < Await.LIMIT.toNanos()) {
            c.poll(Duration.ofMillis(200));
        }
        assertThat(c.assignment()).as("the Faust-protocol member holds the partitions").hasSize(4);
        return c;
    }

    /** The member dies as a {@code kill -9}ed worker does: gone, without leaving the group. */
    private static void crash(KafkaConsumer<byte[], byte[]> member) {
        member.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP));
    }

    @Test
    void aCrashedFaustMemberIsNamedThenWaitedOutNeverAFatalError() throws Exception {
        App app = PurchasesApp.create(kafka.brokerUrl());
        KafkaConsumer<byte[], byte[]> member = faustMember();
        try {
            aFaustMemberIsNamedNeverAFatalError(app);
        } finally {
            crash(member);
        }
        long start = System.nanoTime();
        try (Worker worker = Worker.start(app, w -> w.broker(kafka.brokerUrl()).banner(false)
                .datadir(state.resolve("c").toString()).foreignMemberTimeout(Duration.ofSeconds(60))
                .property("commit.interval.ms", 100))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the session to expire")
                    .isGreaterThan(Duration.ofSeconds(1));
            assertThat(worker.awaitRunning(Await.LIMIT)).as("joined and running").isTrue();
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                p.send(new ProducerRecord<>("purchases", "alice".getBytes(StandardCharsets.UTF_8),
                        FaustlabInputs.input(0).value())).get();
            }
            assertThat(ConsoleConsumer.read(kafka.bootstrapServers(), "purchases-dollars", 1, Await.LIMIT))
                    .extracting(ConsoleConsumer::line).containsExactly("alice\t" + FaustlabInputs.input(0).dollars());
        }
    }

    /** With the Faust member in the group: the preflight, a short-bound worker and Kafka Streams' join name it. */
    private void aFaustMemberIsNamedNeverAFatalError(App app) throws Exception {
        PreflightRun preflight = PreflightRun.of(app, kafka.brokerUrl());
        assertThat(preflight.exitCode()).isEqualTo(WorkerException.FOREIGN_MEMBERS);
        assertThat(preflight.cells("faustlab", "Stable")).containsExactly("faustlab", "Stable", "Classic",
                "faust", "1", "NO-GO");
        assertThat(preflight.report()).contains("| " + CLIENT_ID + " ")
                .contains("NO-GO: group faustlab has 1 member(s) of protocol 'faust'").endsWith("(exit 6)\n");

        assertThatThrownBy(() -> Worker.start(app, w -> w.broker(kafka.brokerUrl()).banner(false)
                .datadir(state.resolve("a").toString()).foreignMemberTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("client.id " + CLIENT_ID)
                .hasMessageContaining("still there after 1 s")
                .satisfies(e -> assertThat(((WorkerException) e).exitCode()).isEqualTo(6));

        try (Worker unchecked = Worker.start(app, w -> w.broker(kafka.brokerUrl()).banner(false)
                .datadir(state.resolve("b").toString()).preflight(false))) {
            Await.until("Kafka Streams' join to fail", () -> unchecked.failure() != null);
            assertThat(unchecked.failure()).as("Kafka Streams' failed join, named")
                    .isInstanceOf(WorkerException.class)
                    .hasMessageContaining("Kafka Streams could not join").hasMessageContaining(CLIENT_ID);
            assertThat(((WorkerException) unchecked.failure()).exitCode()).isEqualTo(6);
        }
    }
}
