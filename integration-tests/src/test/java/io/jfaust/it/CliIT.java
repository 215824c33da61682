package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.Changelogs;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.serdes.FaustField;
import io.jfaust.serdes.FaustRecord;
import io.jfaust.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Faust's verbs on {@code app.main}: each against the embedded broker, with Faust's output. */
class CliIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    @TempDir
    Path state;

    /** A model for {@code models}, {@code model} and {@code send -V}. */
    @FaustRecord(namespace = "cli.Order")
    record Order(String user, long qty, @FaustField(defaultValue = "\"none\"") String tag, List<String> items,
                 boolean rush) {}

    static App app(String id) {
        App app = App.create(id, c -> c.broker(kafka.brokerUrl()).topicPartitions(2));
        Topic<String, String> in = app.topic(id + "-in", String.class, String.class);
        Topic<String, String> out = app.topic(id + "-out", String.class, String.class);
        app.topic(id + "-orders", String.class, Order.class, t -> t.partitions(1).retention(Duration.ofDays(1)));
        Table<String, Long> counts = app.table("counts", String.class, Long.class,
                t -> t.defaultValue(() -> 0L).help("Values seen"));
        app.agent("cli.copy", in, s -> s.forEach(v -> {
            out.send(v, v.toUpperCase());
            counts.update(v, n -> n + 1);
        }), o -> o.help("Copies upper-cased"));
        return app;
    }

    /** Runs the command line, returning its exit code and what it printed. */
    private static Map.Entry<Integer, String> run(App app, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = app.run(args);
            return Map.entry(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void listingVerbsPrintFaustsTablesAndJson() {
        App app = app("cli-list");
        assertThat(run(app, "agents").getValue()).isEqualTo(String.join("\n",
                "+Agents-----+-------------+--------------------+",
                "| name      | topic       | help               |",
                "+-----------+-------------+--------------------+",
                "| @cli.copy | cli-list-in | Copies upper-cased |",
                "+-----------+-------------+--------------------+", ""));
        assertThat(run(app, "--json", "agents").getValue()).isEqualTo(
                "[{\"name\": \"@cli.copy\", \"topic\": \"cli-list-in\", \"help\": \"Copies upper-cased\"}]\n");
        assertThat(run(app, "tables").getValue()).isEqualTo(String.join("\n",
                "+Tables--+-------------+",
                "| name   | help        |",
                "+--------+-------------+",
                "| counts | Values seen |",
                "+--------+-------------+", ""));
        assertThat(run(app, "topics").getValue()).isEqualTo(String.join("\n",
                "+Topics---------------------+------------+----------+------------------------+",
                "| name                      | partitions | replicas | config                 |",
                "+---------------------------+------------+----------+------------------------+",
                "| cli-list-in               | 2          | 1        | <N/A>                  |",
                "| cli-list-out              | 2          | 1        | <N/A>                  |",
                "| cli-list-orders           | 1          | 1        | retention.ms=86400000  |",
                "| cli-list-counts-changelog | 2          | 1        | cleanup.policy=compact |",
                "+---------------------------+------------+----------+------------------------+", ""));
        assertThat(run(app, "models").getValue()).isEqualTo(String.join("\n",
                "+Models-----+-------+",
                "| name      | help  |",
                "+-----------+-------+",
                "| cli.Order | <N/A> |",
                "+-----------+-------+", ""));
        assertThat(run(app, "model", "cli.Order").getValue()).isEqualTo(String.join("\n",
                "+cli.Order-----------------+---------+",
                "| field | type             | default |",
                "+-------+------------------+---------+",
                "| user  | str              | *       |",
                "| qty   | int              | *       |",
                "| tag   | str              | 'none'  |",
                "| items | typing.List[str] | *       |",
                "| rush  | <class 'bool'>   | *       |",
                "+-------+------------------+---------+", ""));
        Map.Entry<Integer, String> unknown = run(app, "model", "cli.Nope");
        assertThat(unknown.getKey()).isEqualTo(2);
    }

    @Test
    void sendWritesTheBytesOrTheModelAndPrintsTheRecordMetadata() throws Exception {
        App app = app("cli-send");
        try (Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).banner(false)
                .datadir(state.toString()))) {
            w.close();   // the worker declared the topics; sending needs no worker
        }
        Map.Entry<Integer, String> sent = run(app, "send", "--broker", kafka.brokerUrl(), "--key", "k1",
                "--partition", "1", "cli-send-in", "hello");
        assertThat(sent.getKey()).isZero();
        assertThat(sent.getValue()).matches("\\{\"topic\": \"cli-send-in\", \"partition\": 1, \"topic_partition\": "
                + "\\[\"cli-send-in\", 1], \"offset\": 0, \"timestamp\": \\d{13}, \"timestamp_type\": 0}\n");
        assertThat(run(app, "send", "--broker", kafka.brokerUrl(), "@cli.copy", "again").getKey()).isZero();
        assertThat(run(app, "send", "--broker", kafka.brokerUrl(), "-V", "cli.Order", "cli-send-orders",
                "{\"user\": \"ann\", \"qty\": 2, \"items\": [\"x\"], \"rush\": true}").getKey()).isZero();

        List<ConsumerRecord<byte[], byte[]>> in = ConsoleConsumer.read(kafka.bootstrapServers(), "cli-send-in", 2,
                Duration.ofSeconds(30));
        assertThat(in).extracting(ConsoleConsumer::line).containsExactlyInAnyOrder("k1\thello", "null\tagain");
        List<ConsumerRecord<byte[], byte[]>> orders = ConsoleConsumer.read(kafka.bootstrapServers(),
                "cli-send-orders", 1, Duration.ofSeconds(30));
        assertThat(new String(orders.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"ann\",\"qty\":2,"
                + "\"tag\":\"none\",\"items\":[\"x\"],\"rush\":true,\"__faust\":{\"ns\":\"cli.Order\"}}");
    }

    @Test
    void resetMakesTheNextWorkerReprocessEveryInputFromAFreshTable() throws Exception {
        App app = app("cli-reset");
        String dir = Files.createTempDirectory(state, "r").toString();
        try (Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).banner(false).datadir(dir)
                .property("commit.interval.ms", 100))) {
            @SuppressWarnings("unchecked")
            Topic<String, String> in = (Topic<String, String>) app.topics().get(0);
            for (String v : List.of("a", "b", "a")) {
                w.send(in, v, v);
            }
            w.flush();
            assertThat(ConsoleConsumer.read(kafka.bootstrapServers(), "cli-reset-out", 3, Duration.ofSeconds(60)))
                    .hasSize(3);
            Changelogs.table(kafka.bootstrapServers(), "cli-reset-counts-changelog", s -> "2".equals(s.get("\"a\"")),
                    Duration.ofSeconds(60));
        }
        Map.Entry<Integer, String> asked = run(app, "reset", "--broker", kafka.brokerUrl(), "--datadir", dir);
        assertThat(asked.getKey()).as("nothing without --yes").isEqualTo(2);
        assertThat(asked.getValue()).contains("run again with --yes").contains("cli-reset-counts-changelog");
        Map.Entry<Integer, String> done = run(app, "reset", "--yes", "--broker", kafka.brokerUrl(), "--datadir", dir);
        assertThat(done.getKey()).as(done.getValue()).isZero();
        assertThat(done.getValue()).contains("Deleted the committed offsets of consumer group cli-reset",
                "Deleted topic cli-reset-counts-changelog",
                "No local table state to remove (its tables live in memory, store memory://).");

        App again = app("cli-reset");
        try (Worker w = Worker.start(again, o -> o.broker(kafka.brokerUrl()).banner(false).datadir(dir)
                .property("commit.interval.ms", 100))) {
            assertThat(ConsoleConsumer.read(kafka.bootstrapServers(), "cli-reset-out", 6, Duration.ofSeconds(60)))
                    .as("every input processed again").hasSize(6);
            Map<String, String> table = Changelogs.table(kafka.bootstrapServers(), "cli-reset-counts-changelog",
                    s -> "2".equals(s.get("\"a\"")) && "1".equals(s.get("\"b\"")), Duration.ofSeconds(60));
            assertThat(table).as("counted from scratch, not on top of the old state").containsEntry("\"a\"", "2");
        }
    }

    @Test
    void aDatadirThatCannotHoldTheTablesStopsTheWorkerBeforeItCreatesAnyTopic() throws Exception {
        App app = App.create("cli-datadir", c -> c.broker(kafka.brokerUrl()).store("rocksdb://"));
        Topic<String, String> in = app.topic("cli-datadir-in", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("cli.datadir", in, s -> s.forEach(v -> counts.update(v, n -> n + 1)));
        Path file = Files.writeString(state.resolve("not-a-dir"), "x");

        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        Map.Entry<Integer, String> r;
        try {
            r = run(app, "worker", "--broker", kafka.brokerUrl(), "--datadir", file.resolve("sub").toString(),
                    "--without-web");
        } finally {
            System.setErr(err);
        }
        assertThat(r.getKey()).as(buf.toString(StandardCharsets.UTF_8)).isEqualTo(5);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Cannot keep the tables of app cli-datadir in "
                + file.resolve("sub").resolve("cli-datadir"), "nothing was created on the broker");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).noneMatch(t -> t.startsWith("cli-datadir"));
        }
    }
}
