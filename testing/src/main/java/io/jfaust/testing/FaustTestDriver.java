package io.jfaust.testing;

import io.jfaust.App;
import io.jfaust.ErrorCounts;
import io.jfaust.Event;
import io.jfaust.RunningApp;
import io.jfaust.Send;
import io.jfaust.Topic;
import io.jfaust.runtime.AgentResult;
import io.jfaust.runtime.AppServices;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.ErrorLog;
import io.jfaust.runtime.WorkerFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.jspecify.annotations.Nullable;

/**
 * Runs an app on Kafka Streams' {@code TopologyTestDriver}: no broker, no {@code Properties}. Send values to topics
 * (encoded as Faust would), read what was written to a topic, the app's own source topics included (decoded with the
 * topic's types, bytes kept), read tables, and move the wall clock. It is a {@link RunningApp}: on the thread that
 * created it (and inside {@link #run}), {@code topic.send} and {@code table.get} outside agents work against this
 * driver, so several drivers of one app can run at once on different threads, each with its own state. Artifact {@code jfaust-testing} (test scope);
 * like Kafka's {@code kafka-streams-test-utils}, on which it is built, it runs on the class path.
 *
 * <pre>{@code
 * FaustTestDriver.test(app, driver -> {
 *     driver.send(purchases, "alice", new Purchase("alice", "USD", 1234));
 *     assertThat(driver.read(dollars)).extracting(Event::value).containsExactly(new PurchaseDollars("alice", "USD", 12.34));
 * });
 * }</pre>
 */
public final class FaustTestDriver extends RunningApp {
    private final App app;
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();
    /**
     * Per topic, what was written to it and not read yet, in order: what the test and code outside agents sent, and
     * what the topology produced, moved here before each write from outside so that the order is kept.
     */
    private final Map<String, List<TestRecord<byte[], byte[]>>> written = new HashMap<>();
    private final java.util.Set<String> sourceTopics = new java.util.HashSet<>();
    private final List<AgentResult> results = new ArrayList<>();
    private final ErrorLog errorLog;
    private long wallClockMs;
    private final AppServices services;

    private FaustTestDriver(App app, boolean failOnError, Instant start) {
        super(app);
        this.app = app;
        this.wallClockMs = start.toEpochMilli();
        Topology topology = new Topology();
        Engine engine = Engine.get();
        engine.compile(app, topology, results::add);
        topology.describe().subtopologies().forEach(st -> st.nodes().forEach(n -> {
            if (n instanceof org.apache.kafka.streams.TopologyDescription.Source src && src.topicSet() != null) {
                sourceTopics.addAll(src.topicSet());
            }
        }));
        try {
            this.stateDir = Files.createTempDirectory("jfaust-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Properties props = app.streamsConfig();
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
            if (failOnError) {
                // Faust's test_context crashes on errors: jfaust's handlers under the fail policy
                engine.failOnErrors(props);
            }
            this.errorLog = ErrorLog.of(props);
            this.driver = new TopologyTestDriver(topology, props, start);
        } catch (RuntimeException e) {
            deleteQuietly(stateDir);
            throw e;
        }
        bindCurrentThread();
        services = engine.services(this, () -> wallClockMs, true);
        try {
            services.start();
            services.runDue(wallClockMs);   // the app's tasks: the driver has started
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A driver for {@code app} that applies the app's error policy (skip, fail or dead letter). */
    public static FaustTestDriver create(App app) {
        return new FaustTestDriver(app, false, Instant.now());
    }

    /** A driver whose wall clock starts at {@code start}. */
    public static FaustTestDriver create(App app, Instant start) {
        return new FaustTestDriver(app, false, start);
    }

    /** A driver that rethrows any decode or agent error (Faust's test_context crashes on errors). */
    static FaustTestDriver failing(App app) {
        return new FaustTestDriver(app, true, Instant.now());
    }

    /** Runs {@code body} with a driver for {@code app} and closes it, whatever happens. */
    public static void test(App app, Consumer<FaustTestDriver> body) {
        try (FaustTestDriver d = create(app)) {
            body.accept(d);
        }
    }

    /** Sends {@code value} under {@code key} to {@code topic}, timestamped with the driver's wall clock. */
    public <K, V> void send(Topic<K, V> topic, K key, V value) {
        send(topic, key, value, wallClockMs / 1000.0);
    }

    /** Sends with an event timestamp. */
    public <K, V> void send(Topic<K, V> topic, K key, V value, Instant timestamp) {
        send(topic, key, value, timestamp.toEpochMilli() / 1000.0);
    }

    /** Sends with an event timestamp in epoch seconds (Faust's float timestamps). */
    public <K, V> void send(Topic<K, V> topic, K key, V value, double timestampSeconds) {
        byte[] k = topic.schema().dumpsKey(app.serializers(), key, null);
        byte[] v = topic.schema().dumpsValue(app.serializers(), value, null);
        pipe(topic.name(), k, v, Math.round(timestampSeconds * 1000.0), new RecordHeaders());
    }

    /** Sends bytes as they are, with a timestamp in epoch milliseconds and headers. */
    public void sendRaw(String topic, byte @Nullable [] key, byte @Nullable [] value, long timestampMs,
                        Headers headers) {
        pipe(topic, key, value, timestampMs, headers);
    }

    @Override
    protected void sendBytes(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send) {
        checkOpen();
        RecordHeaders headers = new RecordHeaders();
        send.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
        long ts = send.timestamp() != null ? Math.round(send.timestamp() * 1000.0) : wallClockMs;
        if (sourceTopics.contains(topic)) {
            pipe(topic, key, value, ts, headers);
        } else {
            write(topic, new TestRecord<>(key, value, headers, ts));
        }
    }

    /** Writes a record to {@code topic} from outside the topology: readable, and processed once if the app reads it. */
    private void pipe(String topic, byte @Nullable [] key, byte @Nullable [] value, long timestampMs,
                      Headers headers) {
        checkOpen();
        TestRecord<byte[], byte[]> record = new TestRecord<>(key, value, headers, timestampMs);
        write(topic, record);
        TestInputTopic<byte[], byte[]> in = inputs.computeIfAbsent(topic,
                t -> driver.createInputTopic(t, new ByteArraySerializer(), new ByteArraySerializer()));
        try {
            in.pipeInput(record);
        } catch (RuntimeException e) {
            String failure = errorLog.failure();
            // Under fail(), the worker's message: the record's topic, partition and offset, the error, the policy.
            throw failure == null ? e : WorkerFailures.stopped(app, failure, e);
        }
    }

    /** What the app's error policy did so far in this driver (skipped, dead-lettered, pointers). */
    public ErrorCounts errorCounts() {
        return Engine.get().errorCounts(errorLog);
    }

    /** Drains what was written to {@code topic} (see {@link #readRaw}), decoded with the topic's types. */
    public <K, V> List<Event<K, V>> read(Topic<K, V> topic) {
        List<Event<K, V>> out = new ArrayList<>();
        long offset = 0;
        for (TestRecord<byte[], byte[]> r : readRaw(topic.name())) {
            K key = topic.schema().loadsKey(app.serializers(), r.key(), topic.name());
            V value = topic.schema().loadsValue(app.serializers(), r.value(), topic.name());
            out.add(Engine.get().event(key, value, r.key(), r.value(), r.headers(), topic.name(), 0, offset++,
                    r.timestamp()));
        }
        return out;
    }

    /**
     * Drains everything written to {@code topic} since it was last read, as bytes, in the order it was written:
     * what agents sent (changelog and dead letter topics included), what timers, tasks and {@code running.send}
     * sent, and what this driver's {@code send}/{@code sendRaw} put there. A topic the app reads is no exception:
     * each record written to it is processed once, and can be read here too, as a consumer of the topic would.
     */
    public List<TestRecord<byte[], byte[]>> readRaw(String topic) {
        collectOutput(topic);
        List<TestRecord<byte[], byte[]>> records = written.remove(topic);
        return records == null ? new ArrayList<>() : records;
    }

    /** Appends a record written from outside the topology, after what the topology produced to the topic so far. */
    private void write(String topic, TestRecord<byte[], byte[]> record) {
        collectOutput(topic);
        written.computeIfAbsent(topic, t -> new ArrayList<>()).add(record);
    }

    /** Moves what the topology produced to {@code topic} so far to the records written to it. */
    private void collectOutput(String topic) {
        TestOutputTopic<byte[], byte[]> out = outputs.computeIfAbsent(topic,
                t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
        if (!out.isEmpty()) {
            written.computeIfAbsent(topic, t -> new ArrayList<>()).addAll(out.readRecordsToList());
        }
    }

    @Override
    protected ReadOnlyKeyValueStore<Bytes, byte[]> store(String table) {
        checkOpen();
        return driver.getKeyValueStore(table);
    }

    @Override
    protected void startReplies(String replyTopic, Consumer<byte @Nullable []> onReply) {
        // the agents' replies stay in the driver's output topic until afterRequest hands them over
    }

    @Override
    protected void afterRequest(String replyTopic, Consumer<byte @Nullable []> onReply) {
        for (TestRecord<byte[], byte[]> r : readRaw(replyTopic)) {
            onReply.accept(r.value());
        }
    }

    @Override
    protected long wallClockMs() {
        return wallClockMs;
    }

    /**
     * Moves the wall clock: fires {@code take} timeouts, window expiry and window-close callbacks (Kafka Streams'
     * wall-clock punctuations), and the app's timers and crontabs due meanwhile, in time order, on this thread. An
     * error in a timer reaches the caller.
     */
    public void advanceWallClock(Duration d) {
        checkOpen();
        long target = wallClockMs + d.toMillis();
        for (long due = services.nextDueMs(); due <= target; due = services.nextDueMs()) {
            moveWallClockTo(Math.max(due, wallClockMs));
            services.runDue(wallClockMs);
        }
        moveWallClockTo(target);
    }

    private void moveWallClockTo(long ms) {
        long delta = ms - wallClockMs;
        wallClockMs = ms;
        if (delta > 0) {
            driver.advanceWallClockTime(Duration.ofMillis(delta));
        }
    }

    /** Faust's {@code app.is_leader()}: the driver is the app's only instance, so it leads. */
    @Override
    protected boolean holdsLeaderPartition() {
        return true;
    }

    /** The driver's wall clock. */
    public Instant wallClock() {
        return Instant.ofEpochMilli(wallClockMs);
    }

    /** What agents yielded (or, for agents that never yield, consumed), in order. */
    List<AgentResult> results() {
        return results;
    }

    /** The underlying {@link TopologyTestDriver}, for what this class does not cover. */
    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        markClosed();
        services.close();
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temp dir left behind is not worth failing a test for
        }
    }
}
