package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Send;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.Changelogs;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.examples.pageviews.PageView;
import io.jfaust.examples.pageviews.PageViews;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timers, leadership and window-close on a real broker: two workers where only the leader's onLeader timer fires
 * and the other takes over when it stops; windows closed once each across a worker restart; the page-views
 * example with its timer reporting {@code len(counts)} and its window-close alerts.
 */
class AppServicesIT {
    private static final int SESSION_TIMEOUT_MS = 6000;
    /**
     * The leader test's session timeout, Kafka's default: a takeover that had to wait it out (a leader that did not
     * leave the group) is told from a prompt one by a wide margin, whatever the machine's load.
     */
    private static final int LEADER_SESSION_TIMEOUT_MS = 45_000;
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

    @TempDir
    Path state;

    private Worker worker(App app) throws Exception {
        return worker(app, null, SESSION_TIMEOUT_MS);
    }

    /** A worker of {@code app} with that session timeout; its meters also go to {@code meters} when given. */
    private Worker worker(App app, io.micrometer.core.instrument.MeterRegistry meters, int sessionTimeoutMs)
            throws Exception {
        Path dir = Files.createTempDirectory(state, "w");
        Worker w = Worker.start(app, o -> {
            o.broker(kafka.brokerUrl()).datadir(dir.toString()).banner(false)
                    .property("commit.interval.ms", 100).property("session.timeout.ms", sessionTimeoutMs)
                    .property("heartbeat.interval.ms", 500);
            if (meters != null) {
                o.meterRegistry(meters);
            }
        });
        assertThat(w.awaitRunning(Await.LIMIT)).as("worker running").isTrue();
        return w;
    }

    /** One instance of the leader app: its onLeader timer records the label of the worker it runs in. */
    private static App leaderApp(String label, List<String> leaderTicks, Map<String, Integer> allTicks) {
        App app = App.create("leader-app", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(2));
        app.timer(Duration.ofMillis(200), () -> leaderTicks.add(label), t -> t.onLeader(true).name("on_leader"));
        app.timer(Duration.ofMillis(200), () -> allTicks.merge(label, 1, Integer::sum));
        return app;
    }

    @Test
    void onlyTheLeadersOnLeaderTimerFiresAndAnotherWorkerTakesOverWhenItStops() throws Exception {
        List<String> leaderTicks = new CopyOnWriteArrayList<>();
        Map<String, Integer> allTicks = new ConcurrentHashMap<>();
        Worker a = worker(leaderApp("a", leaderTicks, allTicks), null, LEADER_SESSION_TIMEOUT_MS);
        Worker b = worker(leaderApp("b", leaderTicks, allTicks), null, LEADER_SESSION_TIMEOUT_MS);
        try {
            // settled: no rebalance under way in either worker, and exactly one of them holds the leader partition
            Await.until("one leader, no rebalance under way", () -> running(a) && running(b)
                    && a.isLeader() != b.isLeader());
            Worker leader = a.isLeader() ? a : b;
            Worker follower = leader == a ? b : a;
            String leaderLabel = leader == a ? "a" : "b";
            String followerLabel = leader == a ? "b" : "a";
            leaderTicks.clear();
            int followerTicks = allTicks.getOrDefault(followerLabel, 0);
            // The barrier: five more ticks of the follower's plain timer, each a chance for its on_leader timer (the
            // same 200 ms, the same services thread) to fire had it wrongly done so; and the leader's seen firing.
            Await.until("five ticks of the follower's plain timer and one of the leader's on_leader timer",
                    () -> allTicks.getOrDefault(followerLabel, 0) >= followerTicks + 5
                            && leaderTicks.contains(leaderLabel));
            assertThat(leader.isLeader() && !follower.isLeader()).as("the same leader all along").isTrue();
            assertThat(leaderTicks).as("on_leader runs in the leader only").containsOnly(leaderLabel);
            assertThat(allTicks).as("plain timers run in every worker").containsKeys("a", "b");

            long stoppedAt = System.nanoTime();
            leader.close();
            Await.until("the other worker to lead and run the on_leader timer",
                    () -> follower.isLeader() && leaderTicks.contains(followerLabel));
            long takeoverMs = (System.nanoTime() - stoppedAt) / 1_000_000;
            System.out.println("leader takeover after " + takeoverMs + " ms (session timeout "
                    + LEADER_SESSION_TIMEOUT_MS + " ms)");
            assertThat(takeoverMs).as("sooner than the session timeout a leader that never left makes it wait")
                    .isLessThan(LEADER_SESSION_TIMEOUT_MS);
        } finally {
            a.close();
            b.close();
        }
    }

    /**
     * The close-once app: tumbling 4-second windows kept 4 seconds; each close is sent to {@code closed}. The tests
     * click each key once in a window that has already expired: a second click could come after the pass that closed
     * the first, and would then open the window again (a late event, as in Faust), which no test could tell from a
     * window closed twice.
     */
    private static App closingApp() {
        App app = App.create("closing-app", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(2)
                .tableCleanupInterval(Duration.ofMillis(200)));
        Topic<String, String> clicks = app.topic("clicks", String.class, String.class);
        Topic<String, String> closed = app.topic("closed", String.class, String.class, t -> t.internal(true));
        WindowedTable<String, Long> counts = app.table("click_counts", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(4), Duration.ofSeconds(4))
                .onWindowClose((k, w, n) -> closed.send(k, k + "@" + (long) w.start() + "=" + n));
        app.agent("closing.count", clicks, s -> s.forEachItem((k, v) -> counts.update(k, n -> n + 1)));
        return app;
    }

    @Test
    void everyWindowClosesOnceAcrossAWorkerRestart() throws Exception {
        kafka.createTopic("clicks", 2);
        App app = closingApp();
        long oldWindow = (System.currentTimeMillis() / 1000 - 60) / 4 * 4;
        List<String> expected = new ArrayList<>();
        long openWindow;
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (Worker first = worker(app, meters, SESSION_TIMEOUT_MS)) {
            Topic<String, String> clicks = topic(app, "clicks");
            for (String k : List.of("a", "b")) {                  // an old window: it closes at the first pass
                clicks.send(k, "x", Send.options().withTimestamp(oldWindow + 0.5));
            }
            first.flush();
            expected.add("a@" + oldWindow + "=1");
            expected.add("b@" + oldWindow + "=1");
            assertThat(readUntil("closed", false, c -> c.size() >= 2)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(meters.find("jfaust.table.windows.closed").counters()).as("the windows-closed meter")
                    .isNotEmpty().allSatisfy(c -> assertThat(c.getId().getTag("table")).isEqualTo("click_counts"))
                    .extracting(io.micrometer.core.instrument.Counter::count)
                    .satisfies(counts -> assertThat(counts.stream().mapToDouble(Double::doubleValue).sum())
                            .isEqualTo(2.0));
            assertThat(meters.find("jfaust.agent.events.in").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).as("events in").isEqualTo(2.0);
            openWindow = (System.currentTimeMillis() / 1000 / 4 + 1) * 4;   // closes 8 s after it starts, or later
            for (String k : List.of("a", "b", "b")) {             // a window still open when the worker stops
                clicks.send(k, "x", Send.options().withTimestamp(openWindow + 0.5));
            }
            first.flush();
            String openKey = "[\"b\",[" + openWindow + ".0," + (openWindow + 3) + ".9]]";
            Changelogs.table(kafka.bootstrapServers(), "closing-app-click_counts-changelog",
                    t -> "2".equals(t.get(openKey)), Await.LIMIT);   // processed before the stop
        }
        expected.add("a@" + openWindow + "=1");
        expected.add("b@" + openWindow + "=2");
        try (Worker second = worker(closingApp())) {              // a new state dir: restored from the changelog
            assertThat(readUntil("closed", false, c -> c.containsAll(expected))).as("the open windows closed")
                    .containsAll(expected);
            List<String> closed = afterTwoMorePasses(second, "clicks", List.of("a", "b"), oldWindow - 4, expected,
                    "closed", false);
            assertThat(closed).as("each window closed once, the restored old ones not again")
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /**
     * The barrier for "closed once": what {@code closed} holds after two more cleanup passes of the tasks of
     * {@code keys}. For each pass, a click per key in an expired window ({@code window}, then {@code window - 4}) is
     * sent once the previous closes were read, and waited for; its close is added to {@code expected}. A window closed
     * a second time (by the pass after its first close, or by a restored worker's first pass) is in the topic before
     * the second marker's close, in the same partition (same key, same task, same producer), so it is read.
     */
    private static List<String> afterTwoMorePasses(Worker w, String input, List<String> keys, long window,
                                                   List<String> expected, String closed, boolean readCommitted) {
        Topic<String, String> in = topic(w.app(), input);
        List<String> read = List.of();
        for (long marker = window; marker > window - 8; marker -= 4) {
            for (String k : keys) {
                w.send(in, k, "x", Send.options().withTimestamp(marker + 0.5));
                expected.add(k + "@" + marker + "=1");
            }
            w.flush();
            read = readUntil(closed, readCommitted, c -> c.containsAll(expected));
            assertThat(read).as("the markers closed").containsAll(expected);
        }
        return read;
    }

    /** Under exactly-once, a worker that crashes in on_window_close after sending: its close is aborted. */
    private static App crashingApp(AtomicBoolean crash, AtomicInteger closes) {
        App app = App.create("eos-closing", conf -> conf.broker(kafka.brokerUrl()).topicPartitions(1)
                .processingGuarantee("exactly_once").onError(ErrorPolicy.fail())
                .tableCleanupInterval(Duration.ofMillis(200)));
        Topic<String, String> taps = app.topic("taps", String.class, String.class);
        Topic<String, String> closed = app.topic("eos-closed", String.class, String.class, t -> t.internal(true));
        WindowedTable<String, Long> counts = app.table("tap_counts", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(4), Duration.ofSeconds(4))
                .onWindowClose((k, w, n) -> {
                    closed.send(k, k + "@" + (long) w.start() + "=" + n);
                    closes.incrementAndGet();
                    if (crash.getAndSet(false)) {
                        throw new IllegalStateException("crash after sending the close");
                    }
                });
        app.agent("eos.count", taps, s -> s.forEachItem((k, v) -> counts.update(k, n -> n + 1)));
        return app;
    }

    @Test
    void underExactlyOnceACloseInterruptedByACrashIsCommittedOnceAfterTheRestart() throws Exception {
        kafka.createTopic("taps", 1);
        long window = (System.currentTimeMillis() / 1000 - 60) / 4 * 4;
        Worker first = worker(crashingApp(new AtomicBoolean(true), new AtomicInteger()));
        try {
            Topic<String, String> taps = topic(first.app(), "taps");
            taps.send("a", "x", Send.options().withTimestamp(window + 1.0));   // once: see closingApp
            first.flush();
            Await.until("the worker to crash in on_window_close", () -> first.failure() != null);
            assertThat(first.failure()).hasStackTraceContaining("crash after sending the close");
        } finally {
            first.close();
        }
        AtomicInteger closes = new AtomicInteger();
        try (Worker second = worker(crashingApp(new AtomicBoolean(false), closes))) {
            Await.until("the restarted worker to close the window", () -> closes.get() >= 1);
            List<String> expected = new ArrayList<>(List.of("a@" + window + "=1"));
            List<String> committed = afterTwoMorePasses(second, "taps", List.of("m"), window - 4, expected,
                    "eos-closed", true);
            // The crashed attempt's close was sent inside the task's transaction, which was aborted: a read_committed
            // consumer sees only the close made after the restart (then the markers').
            assertThat(committed).containsExactlyElementsOf(expected);
        }
    }

    /**
     * The values of {@code topic} (str, as Faust's json codec writes them), read from the start until {@code done}
     * holds of them or {@link Await#LIMIT} passed.
     */
    private static List<String> readUntil(String topic, boolean readCommitted, Predicate<List<String>> done) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        List<String> out = new ArrayList<>();
        long start = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(conf, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (!done.test(out) && System.nanoTime() - start < Await.LIMIT.toNanos()) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(jsonString(r.value())));
            }
        }
        return out;
    }

    @Test
    void pageViewsReportsLenOfCountsOnATimerAndAlertsWhenWindowsClose() throws Exception {
        kafka.createTopic(PageViews.TOPIC, 4);
        App app = PageViews.create(kafka.brokerUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try (Worker w = worker(app)) {
            Topic<String, PageView> views = topic(app, PageViews.TOPIC);
            for (int i = 0; i < 6; i++) {
                views.send("u" + i, new PageView(i % 3 == 0 ? "/home" : "/about", "u" + i));
            }
            w.flush();
            List<ConsumerRecord<byte[], byte[]>> stats = new ArrayList<>();
            ConsoleConsumer.follow(kafka.bootstrapServers(), PageViews.STATS, stats::add,
                    r -> !text(r.value()).equals("2"), Await.LIMIT);
            assertThat(stats).isNotEmpty().allMatch(r -> text(r.key()).equals("pages"));
            assertThat(text(stats.get(stats.size() - 1).value())).as("len(counts)").isEqualTo("2");

            List<String> alerts = new ArrayList<>();
            ConsoleConsumer.follow(kafka.bootstrapServers(), PageViews.ALERTS, r -> alerts.add(jsonString(r.value())),
                    r -> alerts.stream().mapToLong(AppServicesIT::countOf).sum() < 6, Await.LIMIT);
            assertThat(alerts.stream().filter(s -> s.startsWith("/home ")).mapToLong(AppServicesIT::countOf).sum())
                    .isEqualTo(2);
            assertThat(alerts.stream().filter(s -> s.startsWith("/about ")).mapToLong(AppServicesIT::countOf).sum())
                    .isEqualTo(4);
            assertThat(alerts).allMatch(s -> s.matches("/(home|about) \\(\\d+\\.0, \\d+\\.9\\): \\d+ views"));
        }
    }

    private static long countOf(String alert) {
        return Long.parseLong(alert.substring(alert.lastIndexOf(": ") + 2, alert.lastIndexOf(" views")));
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Topic<K, V> topic(App app, String name) {
        return (Topic<K, V>) app.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /** A str value as Faust's json codec writes it: {@code "a@1700000000=2"} with its quotes. */
    private static String jsonString(byte[] b) {
        String json = text(b);
        assertThat(json).startsWith("\"").endsWith("\"");
        return json.substring(1, json.length() - 1);
    }

    private static String text(byte[] b) {
        return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
    }

    /** Whether {@code w}'s Kafka Streams is running: started, and no rebalance under way. */
    private static boolean running(Worker w) {
        KafkaStreams s = w.streams();
        return s != null && s.state() == KafkaStreams.State.RUNNING;
    }
}
