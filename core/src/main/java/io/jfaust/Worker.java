package io.jfaust;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an app: Faust's {@code worker}. It checks the broker, creates the topics Faust would create (the app's
 * internal topics: agents' own topics, repartition topics with {@code topic_partitions} partitions), checks the
 * topics it reads, prints Faust's banner, and runs Kafka Streams until closed. Kafka and Kafka Streams are the
 * distributed engine: start more workers with the same app id to share the partitions.
 *
 * <pre>{@code
 * try (Worker worker = Worker.start(app, Worker.options().broker("kafka://localhost:9092"))) {
 *     worker.awaitStopped();
 * }
 * }</pre>
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final App app;
    private final KafkaStreams streams;
    private final KafkaProducer<byte[], byte[]> producer;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile Throwable failure;

    private Worker(App app, Options options) {
        this.app = app;
        Properties props = app.streamsConfig();
        if (options.broker != null) {
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
                    String.join(",", Settings.Builder.parseBrokers(options.broker)));
        }
        if (options.datadir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, options.datadir);
        }
        options.properties.forEach(props::put);
        String servers = props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        prepareTopics(servers, options.startupTimeout);
        if (options.banner) {
            System.out.println(banner(app, servers, props.getProperty(StreamsConfig.STATE_DIR_CONFIG),
                    options.loglevel));
        }
        Map<String, Object> producerProps = new LinkedHashMap<>();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
        this.streams = new KafkaStreams(app.topology(), props);
        streams.setStateListener((now, before) -> {
            LOG.info("app {}: {} -> {}", app.id(), before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            LOG.error("app {} stopped on an error: {}", app.id(), e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        app.useOutside(this::send, name -> streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.keyValueStore())));
        streams.start();
    }

    /** Default options: the app's brokers and datadir, the banner printed. */
    public static Options options() {
        return new Options();
    }

    /**
     * Starts a worker for {@code app}.
     *
     * @throws WorkerException when the broker cannot be reached or a topic does not fit
     */
    public static Worker start(App app, Options options) {
        return new Worker(app, options);
    }

    /** The Kafka Streams instance. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Waits until the worker is running (true) or the timeout passes (false). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)
                && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Blocks until the worker stops (closed, or stopped on an error). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** The error the worker stopped on, or null. */
    public Throwable failure() {
        return failure;
    }

    private void send(String topic, byte[] key, byte[] value, Send send) {
        RecordHeaders headers = new RecordHeaders();
        send.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
        Long ts = send.timestamp() == null ? null : Math.round(send.timestamp() * 1000.0);
        producer.send(new ProducerRecord<>(topic, send.partition(), ts, key, value, headers));
    }

    /** Flushes what was sent from outside agents. */
    public void flush() {
        producer.flush();
    }

    /**
     * Stops cleanly: Kafka Streams commits, flushes and leaves the group (at most 30 s), then the producer of
     * outside sends delivers what it holds (at most 10 s).
     */
    @Override
    public void close() {
        try {
            // Leave the group at once (as a stopping Faust worker does) instead of waiting out the session timeout.
            streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } finally {
            producer.close(Duration.ofSeconds(10));
            app.useOutside(null, null);
            stopped.countDown();
        }
    }

    private void prepareTopics(String servers, Duration timeout) {
        Map<String, Object> conf = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(conf)) {
            try {
                admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new WorkerException("Cannot reach a Kafka broker at " + servers + " within "
                        + timeout.toSeconds() + " s (" + rootMessage(e) + "). Start one, or pass --broker "
                        + "kafka://host:port.", WorkerException.BROKER_UNREACHABLE, e);
            }
            Set<String> reads = new HashSet<>();
            app.agents().forEach(a -> reads.add(a.channel().name()));
            List<NewTopic> toCreate = new ArrayList<>();
            for (Topic<?, ?> t : app.topics()) {
                int partitions = t.options().partitions() != null ? t.options().partitions()
                        : app.settings().topicPartitions();
                Integer existing = partitionsOf(admin, t.name(), timeout);
                if (existing == null) {
                    if (t.options().internal()) {
                        short replicas = t.options().replicas() != null ? t.options().replicas().shortValue()
                                : app.settings().topicReplicationFactor();
                        toCreate.add(new NewTopic(t.name(), partitions, replicas).configs(t.options().topicConfigs()));
                    } else if (reads.contains(t.name())) {
                        throw new WorkerException("Topic " + t.name() + " does not exist: the app reads it. Create it "
                                + "(kafka-topics --create --topic " + t.name() + ") or declare it internal so the app "
                                + "creates it.", WorkerException.TOPIC_MISMATCH, null);
                    }
                } else if (t.options().internal() && existing != partitions) {
                    throw new WorkerException("Topic " + t.name() + " has " + existing + " partitions but the app "
                            + "declares " + partitions + " (topic_partitions): Faust's assignor and Kafka Streams both "
                            + "need them to match. Recreate the topic or change the setting.",
                            WorkerException.TOPIC_MISMATCH, null);
                }
            }
            for (NewTopic nt : toCreate) {
                try {
                    admin.createTopics(List.of(nt)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    LOG.info("created topic {} ({} partitions)", nt.name(), nt.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new WorkerException("Cannot create topic " + nt.name() + ": " + rootMessage(e),
                                WorkerException.TOPIC_MISMATCH, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while preparing topics", WorkerException.FAILED, e);
        } catch (TimeoutException e) {
            throw new WorkerException("Kafka did not answer within " + timeout.toSeconds() + " s: " + e,
                    WorkerException.BROKER_UNREACHABLE, e);
        }
    }

    private static Integer partitionsOf(Admin admin, String topic, Duration timeout)
            throws InterruptedException, TimeoutException {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return d.partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new WorkerException("Cannot describe topic " + topic + ": " + rootMessage(e),
                    WorkerException.BROKER_UNREACHABLE, e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    /** Faust's startup banner: id, transport, store, web, log, pid, hostname, platform, datadir. */
    static String banner(App app, String servers, String datadir, String loglevel) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("id", app.id());
        rows.put("transport", "[" + String.join(", ", servers.split(",")).replaceAll("([^, ]+)", "kafka://$1") + "]");
        rows.put("store", app.settings().rocksdb() ? "rocksdb:" : "memory:");
        rows.put("web", "disabled (jfaust has no web server yet)");
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
        rows.put("drivers", "transport=Kafka Streams 4.4.0");
        rows.put("datadir", datadir);
        int w1 = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        int w2 = rows.values().stream().mapToInt(String::length).max().orElse(0);
        String title = "jfaust v0.1.0";
        StringBuilder sb = new StringBuilder();
        sb.append('+').append(title).append("-".repeat(Math.max(0, w1 + 2 - title.length()))).append('+')
                .append("-".repeat(w2 + 2)).append("+\n");
        rows.forEach((k, v) -> sb.append("| ").append(k).append(" ".repeat(w1 - k.length())).append(" | ").append(v)
                .append(" ".repeat(w2 - v.length())).append(" |\n"));
        sb.append('+').append("-".repeat(w1 + 2)).append('+').append("-".repeat(w2 + 2)).append('+');
        return sb.toString();
    }

    /** Worker options, named as Faust's worker options. */
    public static final class Options {
        private String broker;
        private String datadir;
        private String loglevel = "WARN";
        private boolean banner = true;
        private Duration startupTimeout = Duration.ofSeconds(15);
        private final Map<String, Object> properties = new LinkedHashMap<>();

        Options() {}

        /** {@code --broker}: Faust-style broker URLs, overriding the app's. */
        public Options broker(String urls) {
            this.broker = urls;
            return this;
        }

        /** {@code --datadir}: where state lives. */
        public Options datadir(String dir) {
            this.datadir = dir;
            return this;
        }

        /** {@code --loglevel}: shown in the banner (the logging backend decides what is printed). */
        public Options loglevel(String level) {
            this.loglevel = level;
            return this;
        }

        /** Whether to print the startup banner. */
        public Options banner(boolean print) {
            this.banner = print;
            return this;
        }

        /** How long to wait for the broker before giving up. */
        public Options startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** A Kafka Streams or client property for this worker only. */
        public Options property(String key, Object value) {
            properties.put(key, value);
            return this;
        }
    }
}
