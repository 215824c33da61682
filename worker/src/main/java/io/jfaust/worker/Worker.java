package io.jfaust.worker;

import io.jfaust.App;
import io.jfaust.ErrorCounts;
import io.jfaust.RunningApp;
import io.jfaust.Send;
import io.jfaust.WorkerException;
import io.jfaust.runtime.AppServices;
import io.jfaust.runtime.ClientConfigs;
import io.jfaust.runtime.DeadLetterTopic;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.ErrorLog;
import io.jfaust.runtime.KafkaErrors;
import io.jfaust.runtime.Producers;
import io.jfaust.runtime.ReplyConsumer;
import io.jfaust.runtime.WorkerFailures;
import io.jfaust.worker.admin.ClusterSnapshot;
import io.jfaust.worker.admin.ForeignMembers;
import io.jfaust.worker.admin.TopicDeclarer;
import io.jfaust.worker.text.Versions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an app: Faust's {@code worker}. It checks the broker, creates the topics Faust would create (the app's
 * internal topics: agents' own topics, repartition topics with {@code topic_partitions} partitions), checks the
 * topics it reads, prints Faust's banner, and runs Kafka Streams until closed. Kafka and Kafka Streams are the
 * distributed engine: start more workers with the same app id to share the partitions.
 *
 * <p>A worker is created, then started: {@link #create} compiles and checks the app and holds no connection;
 * {@link #start()} connects. It is the app's {@link RunningApp}: sends outside agents go through its own producer
 * (not part of any agent's transaction), table reads through Kafka Streams' interactive queries. The thread that
 * starts it is bound to it until it is closed.
 *
 * <pre>{@code
 * try (Worker worker = Worker.start(app, w -> w.broker("kafka://localhost:9092"))) {
 *     worker.awaitStopped();
 * }
 * }</pre>
 */
public final class Worker extends RunningApp {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /**
     * The JVM flags a worker process should start with (a library cannot set them: put them on the {@code java}
     * command line, or in {@code JDK_JAVA_OPTIONS}): the serial collector, whose heap and bookkeeping stay small for
     * a worker's one or two stream threads (G1 keeps ~40 MB of remembered sets and grows its young generation
     * freely), a heap that starts at 16 MB and is kept close to the live data (expanded when less than 20% is free
     * after a collection, shrunk when more than 40% is), and no maximum of its own, so a large table can still grow
     * to the JVM's default maximum (a quarter of the RAM; add {@code -Xmx} to cap it). Measured on
     * {@code purchases_app.py} (README, Benchmarks): peak RSS ~175 MB instead of ~310 MB with {@code -Xmx512m} and
     * G1, for ~0.6 s more garbage-collection CPU over 200 000 records.
     *
     * <pre>{@code
     * java -XX:+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -cp app.jar my.App worker
     * }</pre>
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40");

    private final Options options;
    private final Properties props;
    private final Topology topology;
    private final ErrorLog errorLog;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile @Nullable KafkaStreams streams;
    /** The producer of sends from outside agents: made at the first such send (most apps make none). */
    private volatile @Nullable KafkaProducer<byte[], byte[]> producer;
    private final Object producerLock = new Object();
    private boolean producerClosed;
    private volatile @Nullable ReplyConsumer replyConsumer;
    private volatile @Nullable Throwable failure;
    private volatile @Nullable AppServices services;
    private boolean started;
    private boolean closing;
    private final WorkerOps ops;

    private Worker(App app, Options options) {
        super(app);
        this.options = options;
        this.props = ClientConfigs.withBroker(app.streamsConfig(), options.broker);
        if (options.datadir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, options.datadir);
        }
        options.properties.forEach(props::put);
        this.errorLog = ErrorLog.of(props);
        this.topology = app.topology();
        this.ops = new WorkerOps(this, options.web, options.meterRegistry);
    }

    /**
     * A worker for {@code app} with options ({@code w -> w.broker(...).datadir(...)}), not yet started: the app is
     * compiled and checked, nothing is connected.
     *
     * @throws io.jfaust.ImproperlyConfigured when a declaration of the app is wrong
     */
    public static Worker create(App app, Consumer<Options> options) {
        Options o = new Options();
        options.accept(o);
        return new Worker(app, o);
    }

    /**
     * Creates and starts a worker for {@code app}.
     *
     * @throws WorkerException when the broker cannot be reached or a topic does not fit
     */
    public static Worker start(App app, Consumer<Options> options) {
        return create(app, options).start();
    }

    /**
     * Connects: checks the state directory (before anything is created on the broker), the broker and topics,
     * prints the banner, starts Kafka Streams. On failure everything it created is closed again.
     *
     * @throws WorkerException when the broker cannot be reached, a topic does not fit, or the tables' state
     *     directory cannot be created or written (exit code 5)
     */
    public synchronized Worker start() {
        checkOpen();
        if (started) {
            throw new IllegalStateException("worker of app " + app().id() + " is already started");
        }
        started = true;
        String servers = props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        try {
            prepareStateDirectory();   // before anything is created on the broker
            // One admin client for the start: the broker check, the declared topics, the preflight.
            try (Admin admin = ClusterSnapshot.admin(props, options.startupTimeout)) {
                prepareTopics(admin, servers, options.startupTimeout);
                if (options.preflight) {
                    // After the worker declared its topics: what is left is what the cluster holds that does not fit.
                    Preflight.beforeStart(app(), props, admin, options.startupTimeout, options.foreignMemberTimeout);
                }
            }
            ops.startWeb(props);
            ops.configure(props);
            if (options.banner) {
                System.out.println(banner());
                String warning = levelWarning();
                if (warning != null) {
                    System.err.println(warning);
                }
            }
            KafkaStreams created = new KafkaStreams(topology, props);
            streams = created;
            streams.setStateListener((now, before) -> {
                LOG.info("app {}: {} -> {}", app().id(), before, now);
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
                if (now == KafkaStreams.State.REBALANCING) {
                    ops.rebalanced();
                }
                if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                    running.countDown();
                    stopped.countDown();
                }
            });
            streams.setUncaughtExceptionHandler(e -> {
                Throwable explained = ForeignMembers.explain(e, app(), props);
                WorkerException stopped = explained instanceof WorkerException we ? we
                        : WorkerFailures.stopped(app(), errorLog.failure(), e);
                failure = stopped;
                LOG.error("{}", stopped.getMessage(), e);
                // Kafka Streams' own shutdown on an error keeps the member in the group, so a restarted worker waits
                // out the session timeout (45 s); closing here (without waiting) makes the dying thread leave it.
                created.close(CloseOptions.timeout(Duration.ZERO)
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            ops.bind(streams);
            streams.start();
            Engine engine = Engine.get();
            if (engine.hasServices(app())) {
                KafkaStreams s = streams;
                services = engine.services(this, engine::monotonicMs, false);
                services.startThread(() -> s.state() == KafkaStreams.State.RUNNING);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        bindCurrentThread();
        return this;
    }

    /**
     * Where this worker keeps its tables on disk: Kafka Streams' {@code <state dir>/<application.id>}, absolute, or
     * null when nothing of it is on disk (tables in memory, {@code store="memory://"}, or no tables). The state dir
     * is Kafka Streams' {@code state.dir}: the worker's {@link Options#property state.dir property}, else its
     * {@link Options#datadir datadir} ({@code --datadir}), else the app's {@code state.dir} property, else the app's
     * {@code datadir} setting ({@code "<name>-data"}); a relative one is resolved against the working directory, as
     * Kafka Streams resolves it. What the {@code reset} verb removes.
     *
     * <pre>{@code
     * Worker.create(app, w -> w.datadir("/var/lib/shop")).stateDirectory();   // /var/lib/shop/shop (rocksdb://)
     * }</pre>
     */
    public @Nullable Path stateDirectory() {
        boolean onDisk = app().settings().rocksdb()
                && !(app().tables().isEmpty() && app().globalTables().isEmpty());
        if (!onDisk) {
            return null;
        }
        String id = Objects.requireNonNullElse(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG), app().id());
        return stateRoot().resolve(id);
    }

    /** The banner {@link #start()} prints: the log level is the one the logging backend logs at. */
    String banner() {
        return banner(app(), props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), stateRoot().toString(),
                LogLevels.banner(), ops.webDescription());
    }

    /** The warning printed under the banner when {@code --loglevel} asked for a level the backend does not log at. */
    @Nullable String levelWarning() {
        String asked = options.loglevel;
        if (asked == null || LogLevels.faust(asked).equals(LogLevels.jfaust())) {
            return null;
        }
        return "warning: --loglevel " + asked + " is not applied: jfaust logs through SLF4J, whose backend logs "
                + "io.jfaust at " + LogLevels.jfaust() + " (the banner shows it); set the level in the backend's "
                + "configuration (slf4j-simple: -Dorg.slf4j.simpleLogger.log.io.jfaust=" + LogLevels.faust(asked)
                + ").";
    }

    /** Kafka Streams' {@code state.dir} as this worker's Kafka Streams resolves it: absolute. */
    private Path stateRoot() {
        return Path.of(String.valueOf(props.get(StreamsConfig.STATE_DIR_CONFIG))).toAbsolutePath().normalize();
    }

    /** Creates the state directory, or fails with exit code 5 naming it: before the worker touches the broker. */
    private void prepareStateDirectory() {
        Path dir = stateDirectory();
        if (dir == null) {
            return;
        }
        String problem = null;
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                problem = "it is not writable";
            }
        } catch (IOException | SecurityException e) {
            problem = "it cannot be created (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        if (problem != null) {
            throw new WorkerException("Cannot keep the tables of app " + app().id() + " in " + dir + ": " + problem
                    + ". Give the worker a writable --datadir (or fix the app's datadir setting); nothing was created "
                    + "on the broker.", WorkerException.IMPROPERLY_CONFIGURED, null);
        }
    }

    /**
     * The takeover check of this worker's app against its cluster, read-only: what {@link #start()} checks first.
     *
     * @throws WorkerException with exit code 3 when the broker cannot be reached
     */
    public Preflight preflight() {
        return Preflight.check(app(), props, options.startupTimeout);
    }

    /** The Kafka Streams instance (null before {@link #start()}). */
    public @Nullable KafkaStreams streams() {
        return streams;
    }

    /** The port of this worker's web server (the one bound when {@code webPort(0)} picked any), or -1 without one. */
    public int webPort() {
        return ops.webPort();
    }

    /** The worker's operator side: web server, meters, restoration state. */
    WorkerOps ops() {
        return ops;
    }

    /** Waits until the worker is running (true) or the timeout passes (false). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && streams != null
                && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Blocks until the worker stops (closed, or stopped on an error). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** What the error policy did so far: records skipped, dead-lettered, replaced by pointers, lost. */
    public ErrorCounts errorCounts() {
        return Engine.get().errorCounts(errorLog);
    }

    /** The properties of every client jfaust creates for this worker (admin, producers, consumers). */
    ClientConfigs clientConfigs() {
        return ClientConfigs.of(props);
    }

    /**
     * The error the worker stopped on, or null: under {@code fail()}, a {@link WorkerException} naming the record
     * (topic, partition, offset), the error and the policy, with Kafka Streams' exception as its cause.
     */
    public @Nullable Throwable failure() {
        return failure;
    }

    @Override
    protected void sendBytes(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send) {
        checkOpen();
        producer().send(Producers.record(topic, key, value, send));
        ops.sensors().sent(topic);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            return p;
        }
        synchronized (producerLock) {
            if (producerClosed) {
                throw new IllegalStateException("worker of app " + app().id() + " is closed");
            }
            if (streams == null) {
                throw new IllegalStateException("worker of app " + app().id() + " is not started: call start() first");
            }
            if (producer == null) {
                producer = Producers.create(clientConfigs().producer());
            }
            return producer;
        }
    }

    @Override
    protected boolean holdsLeaderPartition() {
        KafkaStreams s = streams;
        return s != null && Engine.get().holdsLeader(app(), s);
    }

    @Override
    protected ReadOnlyKeyValueStore<Bytes, byte[]> store(String table) {
        checkOpen();
        KafkaStreams s = streams;
        if (s == null) {
            throw new IllegalStateException("worker of app " + app().id() + " is not started: call start() first");
        }
        return s.store(StoreQueryParameters.fromNameAndType(table, QueryableStoreTypes.keyValueStore()));
    }

    @Override
    protected void startReplies(String replyTopic, Consumer<byte @Nullable []> onReply) {
        replyConsumer = ReplyConsumer.start(clientConfigs(), replyTopic, onReply,
                app().settings().topicReplicationFactor());
    }

    /** Flushes what was sent from outside agents. */
    public void flush() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.flush();
        }
    }

    /**
     * Stops cleanly: Kafka Streams commits, flushes and leaves the group (at most 30 s), then the producer of
     * outside sends delivers what it holds (at most 10 s). Closing twice does nothing.
     */
    @Override
    public void close() {
        AppServices timers;
        synchronized (this) {   // after a start in progress: its timers are then known and closed too
            if (closing) {
                return;
            }
            closing = true;
            timers = services;
        }
        if (timers != null) {
            timers.close();   // first, so that a timer's sends still find the producer
        }
        markClosed();
        try {
            if (streams != null) {
                // Leave the group at once (as a stopping Faust worker does) instead of waiting out the session timeout.
                streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            }
        } finally {
            ReplyConsumer replies = replyConsumer;
            if (replies != null) {
                replies.close();
            }
            ops.close();
            KafkaProducer<byte[], byte[]> p;
            synchronized (producerLock) {
                producerClosed = true;
                p = producer;
            }
            if (p != null) {
                p.close(Duration.ofSeconds(10));
            }
            running.countDown();
            stopped.countDown();
        }
    }

    private void prepareTopics(Admin admin, String servers, Duration timeout) {
        try {
            try {
                admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw KafkaErrors.classify("Cannot reach a Kafka broker at " + servers + " within "
                        + timeout.toSeconds() + " s (" + KafkaErrors.rootMessage(e) + "). Start one, or pass --broker "
                        + "kafka://host:port.", e);
            }
            new TopicDeclarer(admin, app(), timeout).declare();
            DeadLetterTopic.prepare(admin, app(), props, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while preparing topics", WorkerException.FAILED, e);
        } catch (TimeoutException e) {
            throw KafkaErrors.classify("Kafka did not answer within " + timeout.toSeconds() + " s: " + e, e);
        }
    }

    /**
     * Faust's startup banner: id, transport, store, web, log (the level the logging backend logs at), pid, hostname,
     * platform, datadir (absolute).
     */
    static String banner(App app, String servers, String datadir, String loglevel, @Nullable String web) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("id", app.id());
        rows.put("transport", "[" + String.join(", ", servers.split(",")).replaceAll("([^, ]+)", "kafka://$1") + "]");
        rows.put("store", app.settings().rocksdb() ? "rocksdb:" : "memory:");
        if (web != null) {
            rows.put("web", web);
        }
        rows.put("log", "-stderr- (" + loglevel + ")");
        rows.put("pid", Long.toString(ProcessHandle.current().pid()));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown";
        }
        rows.put("hostname", host);
        rows.put("platform", "Java " + System.getProperty("java.version") + " ("
                + ManagementFactory.getRuntimeMXBean().getVmName() + ") " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch"));
        rows.put("drivers", "transport=Kafka Streams " + Versions.kafkaStreams());
        rows.put("datadir", datadir);
        int w1 = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        int w2 = rows.values().stream().mapToInt(String::length).max().orElse(0);
        String title = "jfaust v" + Versions.jfaust();
        StringBuilder sb = new StringBuilder();
        sb.append('+').append(title).append("-".repeat(Math.max(0, w1 + 2 - title.length()))).append('+')
                .append("-".repeat(w2 + 2)).append("+\n");
        rows.forEach((k, v) -> sb.append("| ").append(k).append(" ".repeat(w1 - k.length())).append(" | ").append(v)
                .append(" ".repeat(w2 - v.length())).append(" |\n"));
        sb.append('+').append("-".repeat(w1 + 2)).append('+').append("-".repeat(w2 + 2)).append('+');
        return sb.toString();
    }

    /**
     * Worker options, named as Faust's worker options, set in the lambda of {@link #create(App, Consumer)}.
     *
     * <pre>{@code
     * Worker.create(app, w -> w.broker("kafka://localhost:9092").datadir("/var/lib/app").banner(false));
     * }</pre>
     */
    public static final class Options {
        private @Nullable String broker;
        private @Nullable String datadir;
        private @Nullable String loglevel;
        private boolean banner = true;
        private Duration startupTimeout = Duration.ofSeconds(15);
        private Duration foreignMemberTimeout = Duration.ofSeconds(75);
        private boolean preflight = true;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final WorkerOps.WebOptions web = new WorkerOps.WebOptions();
        private io.micrometer.core.instrument.@Nullable MeterRegistry meterRegistry;

        Options() {}

        /**
         * {@code --with-web/--without-web}: whether the worker serves Faust's web routes, the app's pages,
         * {@code /health/}, {@code /ready/} and {@code /metrics} (default: off for a worker made in code, on for
         * the {@code worker} verb). Setting any other web option turns it on.
         */
        public Options web(boolean enabled) {
            web.enabled = enabled;
            return this;
        }

        /** {@code --web-port}: the web server's port (Faust's 6066 by default; 0 picks a free one). */
        public Options webPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("web port must be 0-65535, got " + port);
            }
            web.enabled = true;
            web.port = port;
            return this;
        }

        /**
         * {@code --web-bind}: the address the web server listens on (default {@code 127.0.0.1}: reachable from this
         * machine only; {@code 0.0.0.0} for every interface, as Faust's default).
         */
        public Options webBind(String address) {
            web.enabled = true;
            web.bind = Objects.requireNonNull(address, "webBind");
            return this;
        }

        /**
         * {@code --web-host}: the host name other workers use to reach this one (its {@code canonical_url}, Kafka
         * Streams' {@code application.server}); default: the bind address, or the host name when bound to all.
         */
        public Options webHost(String host) {
            web.enabled = true;
            web.host = Objects.requireNonNull(host, "webHost");
            return this;
        }

        /**
         * A Micrometer registry of yours that receives every meter too (Kafka Streams' and jfaust's), beside the
         * Prometheus registry served at {@code /metrics}.
         */
        public Options meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /** {@code --broker}: Faust-style broker URLs, overriding the app's. */
        public Options broker(String urls) {
            this.broker = Objects.requireNonNull(urls, "broker");
            return this;
        }

        /** {@code --datadir}: where state lives. */
        public Options datadir(String dir) {
            this.datadir = Objects.requireNonNull(dir, "datadir");
            return this;
        }

        /**
         * {@code --loglevel}: the level asked for ({@code CRIT}, {@code ERROR}, {@code WARN}, {@code INFO} or
         * {@code DEBUG}). jfaust logs through SLF4J, whose backend's configuration decides what is printed: the
         * banner shows the level the backend logs at, and the worker warns when it is not the one asked for.
         *
         * @throws IllegalArgumentException for another name
         */
        public Options loglevel(String level) {
            LogLevels.faust(Objects.requireNonNull(level, "loglevel"));
            this.loglevel = level;
            return this;
        }

        /** Whether to print the startup banner (default true). */
        public Options banner(boolean print) {
            this.banner = print;
            return this;
        }

        /** How long to wait for the broker before giving up (default 15 s). */
        public Options startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "startupTimeout");
            return this;
        }

        /**
         * How long {@link #start()} waits for members of another assignor protocol (Faust workers, or a crashed one
         * whose session has not expired) to leave the group before failing with exit code 6 (default 75 s: Faust's
         * default session timeout, 60 s, and a margin; zero fails at once).
         */
        public Options foreignMemberTimeout(Duration timeout) {
            this.foreignMemberTimeout = Objects.requireNonNull(timeout, "foreignMemberTimeout");
            return this;
        }

        /**
         * Whether {@link #start()} runs the {@link Preflight} first (default true): a topic that does not fit fails
         * the start (exit 4), foreign members in the group are waited for.
         */
        public Options preflight(boolean run) {
            this.preflight = run;
            return this;
        }

        /** A Kafka Streams or client property for this worker only. */
        public Options property(String key, Object value) {
            properties.put(Objects.requireNonNull(key, "property"), value);
            return this;
        }
    }
}
