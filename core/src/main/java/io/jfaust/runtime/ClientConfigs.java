package io.jfaust.runtime;

import io.jfaust.App;
import io.jfaust.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;

/**
 * The one place every Kafka client jfaust creates itself gets its properties: the worker's startup admin, its
 * producer for sends outside agents, an attached app's producer, and any later client (web-to-worker calls, command
 * line verbs, a leader scheduler). They are derived from a runtime's Kafka Streams properties exactly as Kafka
 * Streams derives its own clients' ({@code bootstrap.servers}, {@code broker_credentials}, pass-through client
 * properties, {@code producer.}/{@code consumer.}/{@code admin.} prefixes), so a setting given once reaches every
 * client and a client jfaust adds can never miss the security settings.
 *
 * <pre>{@code
 * ClientConfigs clients = ClientConfigs.of(app.streamsConfig());     // or worker.clientConfigs()
 * try (Admin admin = Admin.create(clients.admin())) { ... }
 * }</pre>
 */
public final class ClientConfigs {
    private final String clientId;
    private final StreamsConfig config;

    private ClientConfigs(Properties streamsProperties) {
        this.config = new Quiet(streamsProperties);
        this.clientId = config.getString(StreamsConfig.APPLICATION_ID_CONFIG) + "-jfaust";
    }

    /** The clients of the runtime whose Kafka Streams properties are {@code streamsProperties}. */
    public static ClientConfigs of(Properties streamsProperties) {
        return new ClientConfigs(streamsProperties);
    }

    /**
     * The clients of {@code app} (its settings, {@code broker_credentials} included) on {@code broker}, Faust-style
     * URLs overriding the app's brokers, or on the app's own brokers when null: what the command-line verbs use.
     */
    public static ClientConfigs of(App app, @org.jspecify.annotations.Nullable String broker) {
        return of(withBroker(app.streamsConfig(), broker));
    }

    /** {@code props} with {@code bootstrap.servers} set from Faust-style broker URLs, unless {@code broker} is null. */
    public static Properties withBroker(Properties props, @org.jspecify.annotations.Nullable String broker) {
        if (broker != null) {
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", parseBrokers(broker)));
        }
        return props;
    }

    /** An admin client's properties. */
    public Map<String, Object> admin() {
        return new LinkedHashMap<>(config.getAdminConfigs(clientId + "-admin"));
    }

    /** A producer's properties ({@code acks=all} unless set; byte-array serializers are the caller's). */
    public Map<String, Object> producer() {
        Map<String, Object> p = new LinkedHashMap<>(config.getProducerConfigs(clientId + "-producer"));
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        return p;
    }

    /**
     * A consumer's properties in group {@code groupId} (null: no group), committing nothing by itself, reading
     * committed records only under {@code exactly_once}.
     */
    public Map<String, Object> consumer(@Nullable String groupId) {
        Map<String, Object> p = new LinkedHashMap<>(config.getRestoreConsumerConfigs(clientId + "-consumer"));
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** Kafka Streams' config without its INFO dump of every value (the worker's own {@code KafkaStreams} logs it). */
    private static final class Quiet extends StreamsConfig {
        Quiet(Properties props) {
            super(props, false);
        }
    }

    /**
     * {@code host:port} list of Faust-style broker URLs ({@code kafka://host:port}, bare {@code host:port}, several
     * joined by {@code ;} or {@code ,}).
     *
     * @throws io.jfaust.ImproperlyConfigured when there is none, or a URL holds credentials ({@code user:password@}):
     *     they go in {@code broker_credentials}
     */
    public static List<String> parseBrokers(String urls) {
        return Engine.get().parseBrokers(urls);
    }
}
