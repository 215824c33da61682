package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.RunningApp;
import io.jfaust.Send;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime handle on a real broker: a jfaust app inside a Kafka Streams application of its user's own (its own
 * StreamsBuilder branch, its own KafkaStreams), and a worker with 2 stream threads on 8 partitions.
 */
class RuntimeIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

    @TempDir
    Path state;

    @Test
    void anAppAddedToTheUsersOwnKafkaStreamsRunsAndItsHandleSendsAndReadsTables() throws Exception {
        kafka.createTopic("clicks", 4);
        kafka.createTopic("clicks-upper", 4);
        kafka.createTopic("words", 4);
        // The team's own Kafka Streams application: a DSL branch of its own...
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("clicks", Consumed.with(Serdes.String(), Serdes.String()).withName("clicks-source"))
                .mapValues(v -> v.toUpperCase(), Named.as("upper"))
                .to("clicks-upper", Produced.with(Serdes.String(), Serdes.String()).withName("upper-sink"));
        Topology topology = builder.build();
        // ...plus a jfaust app added to the same topology.
        App app = App.create("embedded", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(4));
        Topic<String, String> words = app.topic("words", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("embedded.count", words, s -> s.forEachItem((k, v) -> counts.update(k, n -> n + 1)));
        app.addTo(topology);

        Properties props = app.streamsConfig();
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(state, "ks").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        KafkaStreams streams = new KafkaStreams(topology, props);
        try {
            streams.start();
            waitFor(() -> streams.state() == KafkaStreams.State.RUNNING, "KafkaStreams running");
            try (RunningApp running = app.attach(streams, Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
                for (int i = 0; i < 3; i++) {
                    for (String k : keys) {
                        running.send(words, k, "w" + i);          // the handle, from any thread
                    }
                }
                for (String k : keys) {
                    words.send(k, "bound", Send.options());       // this thread is bound to the handle
                }
                try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                        kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                    p.send(new ProducerRecord<>("clicks", "u1", "hello"));
                }
                // Keys of all four partitions, read through the handle (interactive queries over every task).
                Set<Integer> partitions = new HashSet<>();
                waitFor(() -> keys.stream().allMatch(k -> running.get(counts, k) == 4L), "all counts at 4");
                for (String k : keys) {
                    assertThat(running.get(counts, k)).isEqualTo(4L);
                    assertThat(running.containsKey(counts, k)).isTrue();
                    // Kafka's default partitioner on the raw key: the task that holds the key.
                    partitions.add(org.apache.kafka.common.utils.Utils.toPositive(
                            org.apache.kafka.common.utils.Utils.murmur2(k.getBytes(StandardCharsets.UTF_8))) % 4);
                }
                assertThat(running.containsKey(counts, "nobody")).isFalse();
                assertThat(running.get(counts, "nobody")).isEqualTo(0L);
                assertThat(counts.get("a")).isEqualTo(4L);                // through the bound thread
                assertThat(partitions).as("keys spread over several partitions' tasks").hasSizeGreaterThan(1);
                // The team's own DSL branch ran in the same KafkaStreams.
                List<ConsumerRecord<byte[], byte[]>> upper = ConsoleConsumer.read(kafka.bootstrapServers(),
                        "clicks-upper", 1, Duration.ofSeconds(60));
                assertThat(new String(upper.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("HELLO");
            }
        } finally {
            streams.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void twoStreamThreadsOnEightPartitionsKeepEachTasksStateApart() throws Exception {
        kafka.createTopic("events", 8);
        App app = App.create("threads", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(8)
                .streamsProperty("num.stream.threads", 2));
        Topic<String, String> events = app.topic("events", String.class, String.class);
        Table<String, Long> seen = app.table("seen", String.class, Long.class, () -> 0L);
        Map<Integer, List<Long>> indexByPartition = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        app.agent("threads.index", events, s -> s.forEachIndexed((i, v) -> {
            int partition = io.jfaust.Event.current().orElseThrow().partition();
            indexByPartition.computeIfAbsent(partition, p -> new CopyOnWriteArrayList<>()).add(i);
            threads.add(Thread.currentThread().getName());
            seen.update("p" + partition, n -> n + 1);
        }));
        int perPartition = 12;
        Path dir = Files.createTempDirectory(state, "w");
        try (Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(dir.toString()).banner(false)
                .property("commit.interval.ms", 100))) {
            assertThat(w.awaitRunning(Duration.ofSeconds(90))).isTrue();
            for (int i = 0; i < perPartition; i++) {
                for (int p = 0; p < 8; p++) {
                    events.send("k" + p, "v" + i, Send.options().withPartition(p));
                }
            }
            w.flush();
            waitFor(() -> indexByPartition.values().stream().mapToInt(List::size).sum() == 8 * perPartition,
                    "every event processed");
            // Each task (partition) has its own enumerate counter: 0..n-1 in order, none shared across threads.
            assertThat(indexByPartition).hasSize(8);
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < perPartition; i++) {
                expected.add(i);
            }
            indexByPartition.values().forEach(list -> assertThat(list).isEqualTo(expected));
            assertThat(threads).as("two stream threads shared the eight tasks").hasSize(2);
            for (int p = 0; p < 8; p++) {
                assertThat(w.get(seen, "p" + p)).isEqualTo((long) perPartition);
            }
        }
    }

    @Test
    void askRoundTripsBetweenTwoWorkersOfOneApp() throws Exception {
        List<String> answeredBy1 = new CopyOnWriteArrayList<>();
        List<String> answeredBy2 = new CopyOnWriteArrayList<>();
        App app1 = adder(answeredBy1);
        App app2 = adder(answeredBy2);
        String dirA = dir("a");
        String dirB = dir("b");
        try (Worker w1 = Worker.start(app1, o -> o.broker(kafka.brokerUrl()).datadir(dirA).banner(false));
             Worker w2 = Worker.start(app2, o -> o.broker(kafka.brokerUrl()).datadir(dirB).banner(false))) {
            assertThat(w1.awaitRunning(Duration.ofSeconds(90))).isTrue();
            assertThat(w2.awaitRunning(Duration.ofSeconds(90))).isTrue();
            @SuppressWarnings("unchecked")
            io.jfaust.Agent<String, Long> adder2 = (io.jfaust.Agent<String, Long>) app2.agents().get(0);
            for (long i = 0; i < 16; i++) {
                // From the second worker's thread: requests to every partition, whichever worker owns it replies.
                assertThat(adder2.ask("k" + i, i, Long.class)).isEqualTo(i + 100);
            }
            assertThat(answeredBy1.size() + answeredBy2.size()).isEqualTo(16);
            assertThat(answeredBy1).as("some requests answered by the other worker").isNotEmpty();
        }
    }

    private App adder(List<String> answered) {
        App app = App.create("rpc-pair", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(4)
                .askTimeout(Duration.ofSeconds(60)));
        app.agent("rpc.add", String.class, Long.class, s -> s.map(v -> {
            answered.add(String.valueOf(v));
            return v + 100;
        }).yieldEach());
        return app;
    }

    private String dir(String name) throws java.io.IOException {
        return Files.createTempDirectory(state, name).toString();
    }

    /** The condition, false while stores are not queryable yet (a rebalance, say). */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return false;
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(what, () -> holds(condition));
    }
}
