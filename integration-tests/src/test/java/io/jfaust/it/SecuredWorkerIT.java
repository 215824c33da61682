package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.embedded.RestartableKafka;
import io.jfaust.examples.purchases.LessonApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson app's worker on a SASL_PLAINTEXT listener, credentials given once in the app's settings: its startup
 * admin, its producer and Kafka Streams' clients all authenticate (the worker is given only the SASL listener), no
 * secret appears in anything it prints at INFO (banner, Kafka's config dumps, logs), and SIGTERM exits 0 after a
 * clean close.
 */
class SecuredWorkerIT {
    private static final String SECRET = "alice-" + UUID.randomUUID();
    private static RestartableKafka kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() {
        kafka = RestartableKafka.start(Map.of("alice", SECRET));
        kafka.createTopic(LessonApp.PURCHASES, 4, Map.of());
        kafka.createTopic(LessonApp.DOLLARS, 4, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void theLessonRunsThroughSaslWithNoSecretInItsOutputAndSigtermExitsZero() throws Exception {
        List<byte[][]> purchases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            purchases.add(new byte[][] {Records.utf8("user" + i), Records.utf8("{\"username\":\"user" + i
                    + "\",\"currency\":\"EUR\",\"amount\":" + (100 * i) + "}")});
        }
        Records.produce(kafka.bootstrapServers(), LessonApp.PURCHASES, purchases);
        try (WorkerProcess w = WorkerProcess.start(tmp, Map.of("KAFKA_PASSWORD", SECRET), "secure-lesson",
                kafka.saslBootstrapServers(), tmp.resolve("state").toString())) {
            List<ConsumerRecord<byte[], byte[]>> out = Records.read(kafka.bootstrapServers(), LessonApp.DOLLARS,
                    false, 20, Duration.ZERO, Duration.ofSeconds(120));
            assertThat(out).as(() -> "outputs; the worker printed:\n" + output(w)).hasSize(20);
            assertThat(out).extracting(r -> Records.text(r.value())).contains("{\"username\":\"user7\","
                    + "\"currency\":\"EUR\",\"amount\":7.0,\"__faust\":{\"ns\":\"lesson.PurchaseDollars\"}}");
            long start = System.nanoTime();
            int code = w.terminate(60);
            String printed = w.output();
            System.out.printf("secured worker: SIGTERM -> exit %d in %.1f s%n", code,
                    (System.nanoTime() - start) / 1e9);
            assertThat(code).as(printed).isZero();
            assertThat(printed).contains("| id", "lesson", "sasl.jaas.config = [hidden]",
                    "SIGTERM: stopping the worker");
            assertThat(printed).as("no secret in the worker's output").doesNotContain(SECRET)
                    .doesNotContain(SECRET.substring(6));
        }
    }

    @Test
    void wrongCredentialsAreAMisconfigurationNamedAsSuchNotAnUnreachableBroker() {
        String wrong = "wrong-" + UUID.randomUUID();
        io.jfaust.App app = io.jfaust.App.create("secure-wrong", c -> c.broker("kafka://" + kafka.saslBootstrapServers())
                .brokerCredentials(io.jfaust.BrokerCredentials.sasl("alice", wrong)));
        io.jfaust.Topic<String, String> in = app.topic(LessonApp.PURCHASES, String.class, String.class);
        app.agent("secure.wrong", in, s -> s.forEach(v -> { }));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.jfaust.worker.Worker.start(app, o -> o.banner(false)
                        .datadir(tmp.resolve("wrong").toString()).startupTimeout(Duration.ofSeconds(20))))
                .isInstanceOfSatisfying(io.jfaust.WorkerException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(io.jfaust.WorkerException.IMPROPERLY_CONFIGURED);
                    assertThat(e.getMessage()).contains("refused this worker's credentials", "broker_credentials")
                            .doesNotContain(wrong).doesNotContain(SECRET);
                });
    }

    private static String output(WorkerProcess w) {
        try {
            return w.output();
        } catch (Exception e) {
            return e.toString();
        }
    }

}
