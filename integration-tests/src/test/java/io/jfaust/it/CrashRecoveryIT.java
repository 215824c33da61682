package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.embedded.RestartableKafka;
import io.jfaust.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes under exactly-once on a real broker: {@code kill -9} of a worker process mid-run, then a restart — the
 * output, read committed, holds every input exactly once and the table is exact; then the broker itself stopped
 * and started mid-run — nothing lost, nothing duplicated.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {
    private static final int USERS = 10;
    private static RestartableKafka kafka;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() {
        kafka = RestartableKafka.start();
        kafka.createTopic(FaultApps.EOS_IN, 4, Map.of());
        kafka.createTopic(FaultApps.EOS_OUT, 4, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static void produce(int from, int to) {
        List<byte[][]> in = new ArrayList<>();
        for (int i = from; i < to; i++) {
            in.add(new byte[][] {Records.utf8("u" + (i % USERS)), Records.utf8("\"id" + i + "\"")});
        }
        Records.produce(kafka.bootstrapServers(), FaultApps.EOS_IN, in);
    }

    /**
     * Checks the committed output holds ids 0..n-1 once each and the table counts n / USERS per user. The barrier: the
     * worker's group has committed every input, so (under exactly-once, outputs and table updates commit with the
     * offsets) every output is in and nothing is processed again; then both topics are read committed to their end,
     * where a duplicate, wherever it is, would be read.
     */
    private static void assertExactlyOnce(int n, String what) throws InterruptedException {
        Await.committedToTheEnd(kafka.bootstrapServers(), "eos-count", FaultApps.EOS_IN);
        List<ConsumerRecord<byte[], byte[]>> out = TopicContents.readCommitted(kafka.bootstrapServers(),
                FaultApps.EOS_OUT, read -> read.stream().map(r -> Records.text(r.value())).distinct().count() >= n);
        Set<String> ids = new HashSet<>();
        int duplicates = 0;
        for (ConsumerRecord<byte[], byte[]> r : out) {
            if (!ids.add(Records.text(r.value()))) {
                duplicates++;
            }
        }
        int lost = n - ids.size();
        System.out.printf("%s: %d inputs, %d outputs read_committed, lost %d, duplicates %d%n", what, n, out.size(),
                lost, duplicates);
        assertThat(lost).as("lost").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        Map<String, String> table = fold(TopicContents.readCommitted(kafka.bootstrapServers(),
                FaultApps.EOS_CHANGELOG, read -> countsAre(fold(read), n / USERS)));
        for (int u = 0; u < USERS; u++) {
            assertThat(table).as("table").containsEntry("\"u" + u + "\"", Integer.toString(n / USERS));
        }
    }

    private static Map<String, String> fold(List<ConsumerRecord<byte[], byte[]>> changelog) {
        Map<String, String> table = new HashMap<>();
        changelog.forEach(r -> table.put(Records.text(r.key()), Records.text(r.value())));
        return table;
    }

    private static boolean countsAre(Map<String, String> table, int each) {
        for (int u = 0; u < USERS; u++) {
            if (!Integer.toString(each).equals(table.get("\"u" + u + "\""))) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Order(1)
    void killMinus9UnderExactlyOnceLosesAndDuplicatesNothing() throws Exception {
        int n = 3000;
        produce(0, n);
        String state = tmp.resolve("state").toString();
        try (WorkerProcess first = WorkerProcess.start(tmp, Map.of(), "eos-count", kafka.bootstrapServers(), state)) {
            List<ConsumerRecord<byte[], byte[]>> some = Records.read(kafka.bootstrapServers(), FaultApps.EOS_OUT,
                    false, 600, Duration.ZERO, Duration.ofSeconds(120));
            assertThat(some).as("outputs before the kill").hasSizeGreaterThanOrEqualTo(600);
            first.kill();
            assertThat(first.isAlive()).isFalse();
        }
        long restart = System.nanoTime();
        try (WorkerProcess second = WorkerProcess.start(tmp, Map.of(), "eos-count", kafka.bootstrapServers(),
                state)) {
            assertExactlyOnce(n, "kill -9 under exactly_once");
            System.out.printf("kill -9: the restarted worker finished the remaining records %.1f s after its "
                    + "start%n", (System.nanoTime() - restart) / 1e9);
            assertThat(second.terminate(60)).isZero();
        }
    }

    @Test
    @Order(2)
    void aBrokerStoppedAndStartedMidRunLosesNothing() throws Exception {
        App app = FaultApps.eosCount("kafka://" + kafka.bootstrapServers());
        int before = 3000;
        int n = 4000;
        try (Worker w = Worker.start(app, o -> o.datadir(tmp.resolve("restart").toString()).banner(false))) {
            assertThat(w.awaitRunning(Duration.ofSeconds(90))).isTrue();
            produce(before, 3500);
            assertThat(Records.read(kafka.bootstrapServers(), FaultApps.EOS_OUT, false, before + 100, Duration.ZERO,
                    Await.LIMIT)).as("outputs before the outage").hasSizeGreaterThanOrEqualTo(before + 100);
            long down = System.nanoTime();
            kafka.stop();
            Thread.sleep(5000);   // the outage itself (what the test is about), not a wait for anything
            kafka.restart();
            System.out.printf("broker outage: %.1f s%n", (System.nanoTime() - down) / 1e9);
            produce(3500, n);
            assertExactlyOnce(n, "broker stop/start mid-run");
            assertThat(w.failure()).isNull();
        }
    }
}
