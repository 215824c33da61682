package io.jfaust.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.serdes.FaustRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verbs refuse what they cannot do before doing anything, with the exit code and a message naming the problem. No
 * broker listens at the app's address: a verb that got as far as Kafka would fail differently (or hang).
 */
class CliRefusalsTest {
    @FaustRecord(namespace = "refusals.Order")
    record Order(String user, long qty) {}

    private static App app() {
        App app = App.create("refusals", c -> c.broker("kafka://127.0.0.1:1"));
        Topic<String, String> in = app.topic("refusals-in", String.class, String.class);
        app.topic("refusals-orders", String.class, Order.class);
        app.agent("refusals.print", in, s -> s.forEach(v -> { }));
        return app;
    }

    /** Runs the command line: its exit code and what it printed on stdout and stderr. */
    private static Map.Entry<Integer, String> run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            int code = FaustCommandLine.run(app(), args);
            return Map.entry(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void sendRefusesABadRepeatCountOrPartition() {
        assertThat(run("send", "-r", "-1", "refusals-in", "v")).satisfies(r -> {
            assertThat(r.getKey()).isEqualTo(2);
            assertThat(r.getValue()).contains("--repeat must be 1 or more, got -1: nothing was sent.");
        });
        assertThat(run("send", "--repeat", "0", "refusals-in", "v").getKey()).isEqualTo(2);
        assertThat(run("send", "--partition", "-3", "refusals-in", "v")).satisfies(r -> {
            assertThat(r.getKey()).isEqualTo(2);
            assertThat(r.getValue()).contains("--partition must be 0 or more, got -3");
        });
    }

    @Test
    void sendRefusesACodecItCannotApply() {
        Map.Entry<Integer, String> noModel = run("send", "--value-serializer", "pickle", "refusals-in", "v");
        assertThat(noModel.getKey()).isEqualTo(2);
        assertThat(noModel.getValue()).contains("--value-serializer pickle applies to a model only: name one with "
                + "--value-type");
        assertThat(run("send", "--key-serializer", "json", "-k", "k", "refusals-in", "v").getValue())
                .contains("--key-serializer json applies to a model only: name one with --key-type");
        String order = "{\"user\": \"ann\", \"qty\": 2}";
        Map.Entry<Integer, String> pickle = run("send", "-V", "refusals.Order", "--value-serializer", "pickle",
                "refusals-orders", order);
        assertThat(pickle.getKey()).isEqualTo(2);
        assertThat(pickle.getValue()).contains("Cannot send the value as refusals.Order with codec 'pickle'",
                "jfaust will not");
        Map.Entry<Integer, String> unknown = run("send", "-V", "refusals.Order", "--value-serializer", "nope",
                "refusals-orders", order);
        assertThat(unknown.getKey()).isEqualTo(2);
        assertThat(unknown.getValue()).contains("unknown codec 'nope'");
        Map.Entry<Integer, String> badText = run("send", "-V", "refusals.Order", "refusals-orders", "{\"user\": ");
        assertThat(badText.getKey()).isEqualTo(2);
        assertThat(badText.getValue()).contains("Cannot send the value as refusals.Order with codec 'json'");
    }

    @Test
    void aBrokerUrlWithCredentialsIsRefusedWithoutPrintingThem() {
        Map.Entry<Integer, String> r = run("send", "--broker", "kafka://alice:hunter2@127.0.0.1:1", "refusals-in",
                "v");
        assertThat(r.getKey()).isEqualTo(5);
        assertThat(r.getValue()).contains("holds credentials", "conf.brokerCredentials(BrokerCredentials.sasl(")
                .doesNotContain("hunter2");
    }

    @Test
    void workerRefusesAnUnknownLogLevel() {
        Map.Entry<Integer, String> r = run("worker", "--loglevel", "verbose", "--without-web");
        assertThat(r.getKey()).isEqualTo(2);
        assertThat(r.getValue()).contains("loglevel must be CRIT, ERROR, WARN, INFO or DEBUG, got 'verbose'");
    }
}
