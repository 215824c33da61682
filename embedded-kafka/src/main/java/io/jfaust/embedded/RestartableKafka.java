package io.jfaust.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, in this process, 127.0.0.1) for fault tests: it can be stopped and started
 * again on the same ports and log directory (a broker outage), and can open a {@code SASL_PLAINTEXT} listener (SASL
 * PLAIN) beside its plaintext one, whose users and passwords are given at start. The plaintext listener is the test
 * harness's; an app given only {@link #saslBootstrapServers()} must authenticate with every client it creates.
 *
 * <pre>{@code
 * try (RestartableKafka kafka = RestartableKafka.start(Map.of("alice", "alice-secret"))) {
 *     kafka.stop(); kafka.restart();
 * }
 * }</pre>
 */
public final class RestartableKafka implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int saslPort;
    private final int controller;
    private final Map<String, String> users;
    private KafkaRaftServer server;
    private boolean closed;

    private RestartableKafka(Map<String, String> users) throws Exception {
        this.dir = Files.createTempDirectory("jfaust-kafka-");
        int[] ports = EmbeddedKafka.freePorts(3);
        this.port = ports[0];
        this.saslPort = users.isEmpty() ? -1 : ports[1];
        this.controller = ports[2];
        this.users = Map.copyOf(users);
        EmbeddedKafka.format(dir);
    }

    /** A broker with a plaintext listener only. */
    public static RestartableKafka start() {
        return start(Map.of());
    }

    /** A broker with a SASL PLAIN listener for {@code users} (name → password) too, when there are any. */
    public static RestartableKafka start(Map<String, String> users) {
        RestartableKafka k = null;
        try {
            k = new RestartableKafka(users);
            k.restart();
            k.createTopic("jfaust-ready", 1, Map.of());
            return k;
        } catch (Exception e) {
            if (k != null) {
                k.close();
            }
            throw new IllegalStateException("the restartable Kafka broker did not start: " + e, e);
        }
    }

    private Properties config() {
        Properties p = new Properties();
        String listeners = "PLAINTEXT://127.0.0.1:" + port;
        String map = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (saslPort > 0) {
            listeners += ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
            map += ",SASL_PLAINTEXT:SASL_PLAINTEXT";
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            users.forEach((u, pw) -> jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
            p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "PLAIN");
            p.put("sasl.enabled.mechanisms", "PLAIN");
        }
        p.putAll(EmbeddedKafka.singleNode(dir, listeners, map, controller));
        p.put("inter.broker.listener.name", "PLAINTEXT");
        return p;
    }

    /** Starts the broker (again) on the same ports and data. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the broker is running");
        }
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker, keeping its data: clients see an outage until {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** {@code bootstrap.servers} of the plaintext listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** {@code bootstrap.servers} of the SASL_PLAINTEXT listener. */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL listener: start it with users");
        }
        return "127.0.0.1:" + saslPort;
    }

    /** An admin client on the plaintext listener (close it). */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates a topic keeping records forever, with extra topic configs. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            Map<String, String> c = new java.util.HashMap<>(configs);
            c.putIfAbsent("retention.ms", "-1");
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(c))).all()
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e, e);
        }
    }

    /** Stops the broker and deletes its directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } catch (RuntimeException ignored) {
            // best effort
        }
        TempDirs.deleteQuietly(dir);
    }
}
