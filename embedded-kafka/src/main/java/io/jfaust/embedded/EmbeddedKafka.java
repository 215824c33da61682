package io.jfaust.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) started in this process from Apache Kafka's
 * own jars, bound to 127.0.0.1 on free ports, with a temporary log directory that is deleted on close. It is ready
 * when a create / produce / consume round trip has succeeded. It is the examples' default broker.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopic("purchases", 4);
 *     App app = App.create("lesson", conf -> conf.broker(kafka.bootstrapServers()));
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dir;
    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Thread cleanup;
    private boolean closed;

    private EmbeddedKafka(Path dir, KafkaRaftServer server, String bootstrap, boolean hook) {
        this.dir = dir;
        this.server = server;
        this.bootstrap = bootstrap;
        this.cleanup = hook ? new Thread(this::close, "embedded-kafka-cleanup") : null;
        if (hook) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    /**
     * Starts a broker and waits until it serves a produce/consume round trip; a shutdown hook stops it and deletes
     * its directory if the JVM exits first.
     */
    public static EmbeddedKafka start() {
        return start(true);
    }

    /**
     * Starts a broker; without the shutdown hook the caller must close it, after whatever uses it (shutdown hooks
     * run concurrently, so an app's own hook should close its worker first and then the broker).
     */
    public static EmbeddedKafka start(boolean shutdownHook) {
        return start(shutdownHook, true, Map.of());
    }

    /**
     * Starts a broker with the broker's {@code auto.create.topics.enable} as given: {@code false} is how production
     * brokers run, so that only the apps' own declarations create topics.
     */
    public static EmbeddedKafka start(boolean shutdownHook, boolean autoCreateTopics) {
        return start(shutdownHook, autoCreateTopics, Map.of());
    }

    /**
     * Starts a broker with {@code brokerProperties} over the defaults (e.g. {@code log.retention.check.interval.ms}
     * for a test of retention).
     */
    public static EmbeddedKafka start(boolean shutdownHook, Map<String, String> brokerProperties) {
        return start(shutdownHook, true, brokerProperties);
    }

    /** Starts a broker with auto-create as given and {@code brokerProperties} over the defaults. */
    public static EmbeddedKafka start(boolean shutdownHook, boolean autoCreateTopics,
                                      Map<String, String> brokerProperties) {
        Path dir;
        try {
            dir = Files.createTempDirectory("jfaust-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temp directory for the embedded broker", e);
        }
        KafkaRaftServer server = null;
        try {
            int[] ports = freePorts(2);
            int port = ports[0];
            int controller = ports[1];
            Properties p = singleNode(dir, "PLAINTEXT://127.0.0.1:" + port,
                    "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT", controller);
            p.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
            p.putAll(brokerProperties);
            format(dir);
            server = new KafkaRaftServer(new KafkaConfig(p, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + port;
            EmbeddedKafka kafka = new EmbeddedKafka(dir, server, bootstrap, shutdownHook);
            kafka.roundTrip();
            return kafka;
        } catch (RuntimeException e) {
            stopQuietly(server);
            TempDirs.deleteQuietly(dir);
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        } catch (Exception e) {
            stopQuietly(server);
            TempDirs.deleteQuietly(dir);
            throw new IllegalStateException("the embedded Kafka broker did not start: " + e, e);
        }
    }

    static void format(Path dir) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        new Formatter().setPrintStream(quiet)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir.toString()))
                .setMetadataLogDirectory(dir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /**
     * A one-node KRaft broker and controller on 127.0.0.1 with {@code listeners} (plus the controller's), data in
     * {@code dir}, internal topics of one replica and four partitions, no rebalance delay; topics are not created by
     * the broker on first use unless a caller turns it on.
     */
    static Properties singleNode(Path dir, String listeners, String protocolMap, int controller) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("listeners", listeners + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", listeners);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", protocolMap);
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("log.dirs", dir.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    /** {@code n} distinct free ports on 127.0.0.1 (held open together while chosen, so none repeats). */
    static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket();
                sockets[i].setReuseAddress(true);
                sockets[i].bind(new InetSocketAddress("127.0.0.1", 0));
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /** {@code bootstrap.servers} of this broker ({@code 127.0.0.1:port}). */
    public String bootstrapServers() {
        return bootstrap;
    }

    /** Faust's form of the broker URL ({@code kafka://127.0.0.1:port}). */
    public String brokerUrl() {
        return "kafka://" + bootstrap;
    }

    /** Creates a topic with {@code partitions} partitions, keeping records forever (inputs may be old). */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)
                    .configs(Map.of("retention.ms", "-1")))).all().get(30, TimeUnit.SECONDS);
            awaitLeaders(admin, List.of(name));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e, e);
        }
    }

    /**
     * Waits (up to 30 s) until every partition of {@code topics} has a leader: a producer's first send to a partition
     * still without one is retried, and an idempotent producer can then be refused its retry forever.
     */
    public static void awaitLeaders(Admin admin, Collection<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String topic : topics) {
            while (!led(admin, topic)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " has a partition without a leader after 30 s");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Whether every partition of {@code topic} has a leader (false while the broker does not know it yet). */
    private static boolean led(Admin admin, String topic) throws Exception {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().allMatch(p -> p.leader() != null);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    /** An admin client for this broker (close it). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private void roundTrip() throws Exception {
        String topic = "jfaust-ready-" + UUID.randomUUID();
        createTopic(topic, 1);
        Map<String, Object> prod = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(prod, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(topic, "ready".getBytes())).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> cons = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "jfaust-ready", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        boolean received = false;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(cons, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> recs = c.poll(Duration.ofMillis(100));
                if (!recs.isEmpty()) {
                    c.commitSync(Duration.ofSeconds(30));
                    received = true;
                    break;
                }
            }
        }
        if (!received) {
            throw new IllegalStateException("no round trip within 30 s");
        }
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Stops the broker and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopQuietly(server);
        TempDirs.deleteQuietly(dir);
        if (cleanup != null && Thread.currentThread() != cleanup) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server != null) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException ignored) {
                // stopping is best effort
            }
        }
    }
}
