package io.jfaust;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.JsonFlavor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An app's settings, named as Faust names them ({@code broker}, {@code version}, {@code topic_partitions},
 * {@code key_serializer}, {@code store}, {@code processing_guarantee}...), plus any Kafka Streams or client
 * property passed through unchanged. Immutable; built with {@link App#create(String, java.util.function.Consumer)}.
 *
 * <pre>{@code
 * App app = App.create("faustlab", conf -> conf
 *         .broker("kafka://127.0.0.1:9092").topicPartitions(4).store("rocksdb://")
 *         .streamsProperty("num.stream.threads", 2));
 * }</pre>
 */
public final class Settings {
    private final String name;
    private final int version;
    private final List<String> brokers;
    private final int topicPartitions;
    private final short topicReplicationFactor;
    private final String keySerializer;
    private final String valueSerializer;
    private final boolean exactlyOnce;
    private final boolean rocksdb;
    private final JsonFlavor jsonFlavor;
    private final ErrorPolicy errorPolicy;
    private final Duration tableCleanupInterval;
    private final String datadir;
    private final Map<String, Object> streamsProperties;
    private final Map<String, Codec> codecs;
    private final List<Class<?>> records;
    private final @Nullable String replyTo;
    private final Duration askTimeout;
    private final boolean topicAllowDeclare;
    private final @Nullable BrokerCredentials brokerCredentials;

    private Settings(Builder b) {
        this.name = b.name;
        this.version = b.version;
        this.brokers = List.copyOf(b.brokers);
        this.topicPartitions = b.topicPartitions;
        this.topicReplicationFactor = b.topicReplicationFactor;
        this.keySerializer = b.keySerializer;
        this.valueSerializer = b.valueSerializer;
        this.exactlyOnce = b.exactlyOnce;
        this.rocksdb = b.rocksdb;
        this.jsonFlavor = b.jsonFlavor;
        this.errorPolicy = b.errorPolicy;
        this.tableCleanupInterval = b.tableCleanupInterval;
        this.datadir = b.datadir != null ? b.datadir : b.name + "-data";
        this.streamsProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.streamsProperties));
        this.codecs = Collections.unmodifiableMap(new LinkedHashMap<>(b.codecs));
        this.records = List.copyOf(b.records);
        this.brokerCredentials = b.brokerCredentials;
        this.topicAllowDeclare = b.topicAllowDeclare;
        this.replyTo = b.replyTo;
        this.askTimeout = b.askTimeout;
    }

    /** Faust's {@code reply_to}: the topic replies to this process's {@code ask}s go to, or null for {@code f-reply-<uuid4>}. */
    public @Nullable String replyTo() {
        return replyTo;
    }

    /** How long {@code agent.ask} waits for a reply (default 30 s). */
    public Duration askTimeout() {
        return askTimeout;
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /** The app's name as given ({@code id}). */
    public String name() {
        return name;
    }

    /** The app version ({@code version}, default 1). */
    public int version() {
        return version;
    }

    /** Faust's {@code conf.id}: the name, or {@code "<name>-v<version>"} when the version is above 1. */
    public String id() {
        return version > 1 ? name + "-v" + version : name;
    }

    /** The brokers as {@code host:port} ({@code bootstrap.servers}). */
    public List<String> brokers() {
        return brokers;
    }

    /** {@code bootstrap.servers}: the brokers joined by commas. */
    public String bootstrapServers() {
        return String.join(",", brokers);
    }

    /** Partitions of topics the app creates ({@code topic_partitions}, default 8). */
    public int topicPartitions() {
        return topicPartitions;
    }

    /** Replication of topics the app creates ({@code topic_replication_factor}, default 1). */
    public short topicReplicationFactor() {
        return topicReplicationFactor;
    }

    /** The default key codec ({@code key_serializer}, default {@code raw}). */
    public String keySerializer() {
        return keySerializer;
    }

    /** The default value codec ({@code value_serializer}, default {@code json}). */
    public String valueSerializer() {
        return valueSerializer;
    }

    /** Whether {@code processing_guarantee} is {@code exactly_once} (Kafka Streams EOS v2). */
    public boolean exactlyOnce() {
        return exactlyOnce;
    }

    /** Whether tables live in RocksDB ({@code store="rocksdb://"}) rather than memory ({@code memory://}). */
    public boolean rocksdb() {
        return rocksdb;
    }

    /** The JSON flavour written everywhere, table keys included. */
    public JsonFlavor jsonFlavor() {
        return jsonFlavor;
    }

    /** What happens to records that fail to decode or whose agent code throws. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** How often expired windows leave windowed tables ({@code table_cleanup_interval}, default 30 s). */
    public Duration tableCleanupInterval() {
        return tableCleanupInterval;
    }

    /** Where state lives on disk ({@code datadir}, default {@code "<name>-data"}). */
    public String datadir() {
        return datadir;
    }

    /** Kafka Streams and client properties passed through as given; they override jfaust's. */
    public Map<String, Object> streamsProperties() {
        return streamsProperties;
    }

    /** Whether workers create the topics the app declares when they are missing ({@code topic_allow_declare}). */
    public boolean topicAllowDeclare() {
        return topicAllowDeclare;
    }

    /** How every client authenticates to the brokers ({@code broker_credentials}), or null for none. */
    public @Nullable BrokerCredentials brokerCredentials() {
        return brokerCredentials;
    }

    /** The settings as Faust names them; secrets (credentials, password properties) show as {@code [hidden]}. */
    @Override
    public String toString() {
        return "Settings[id=" + id() + ", broker=" + brokers + ", topic_partitions=" + topicPartitions
                + ", processing_guarantee=" + (exactlyOnce ? "exactly_once" : "at_least_once") + ", store="
                + (rocksdb ? "rocksdb://" : "memory://") + ", on_error=" + errorPolicy + ", broker_credentials="
                + brokerCredentials + ", properties=" + Secrets.toString(streamsProperties) + "]";
    }

    /** Codecs registered on this app by name ({@code codecs.register(name, codec)} scoped to the app). */
    Map<String, Codec> codecs() {
        return codecs;
    }

    /** Record classes registered on this app beyond those its topics and tables name. */
    List<Class<?>> records() {
        return records;
    }

    /** Builds {@link Settings}; every method is a Faust setting of the same name. */
    public static final class Builder {
        private final String name;
        private int version = 1;
        private List<String> brokers = List.of("localhost:9092");
        private int topicPartitions = 8;
        private short topicReplicationFactor = 1;
        private String keySerializer = "raw";
        private String valueSerializer = "json";
        private boolean exactlyOnce;
        private boolean rocksdb;
        private JsonFlavor jsonFlavor = JsonFlavor.FAUST_STREAMING;
        private ErrorPolicy errorPolicy = ErrorPolicy.skip();
        private Duration tableCleanupInterval = Duration.ofSeconds(30);
        private @Nullable String datadir;
        private final Map<String, Object> streamsProperties = new LinkedHashMap<>();
        private final Map<String, Codec> codecs = new LinkedHashMap<>();
        private final List<Class<?>> records = new ArrayList<>();
        private @Nullable String replyTo;
        private Duration askTimeout = Duration.ofSeconds(30);
        private boolean topicAllowDeclare = true;
        private @Nullable BrokerCredentials brokerCredentials;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new ImproperlyConfigured("an app needs an id (its Kafka consumer group and table prefix)");
            }
            this.name = name;
        }

        /**
         * Broker URLs in Faust's forms: {@code kafka://host:port}, {@code PLAINTEXT://host:port}, bare
         * {@code host:port}, several joined by {@code ;} or {@code ,}. Credentials go in
         * {@link #brokerCredentials}: a URL holding them ({@code kafka://alice:secret@host}) is refused.
         */
        public Builder broker(String urls) {
            this.brokers = BrokerUrls.parse(urls);
            return this;
        }

        /** Several broker URLs (Faust accepts a list too). */
        public Builder broker(List<String> urls) {
            return broker(String.join(";", urls));
        }

        /** The app version: above 1, the id becomes {@code "<name>-v<version>"}. */
        public Builder version(int version) {
            if (version < 1) {
                throw new ImproperlyConfigured("version must be 1 or more, got " + version);
            }
            this.version = version;
            return this;
        }

        /** Partitions of topics the app creates. */
        public Builder topicPartitions(int partitions) {
            if (partitions < 1) {
                throw new ImproperlyConfigured("topic_partitions must be 1 or more, got " + partitions);
            }
            this.topicPartitions = partitions;
            return this;
        }

        /** Replication factor of topics the app creates. */
        public Builder topicReplicationFactor(int replicas) {
            if (replicas < 1) {
                throw new ImproperlyConfigured("topic_replication_factor must be 1 or more, got " + replicas);
            }
            this.topicReplicationFactor = (short) replicas;
            return this;
        }

        /** The default key codec. */
        public Builder keySerializer(String codec) {
            this.keySerializer = codec;
            return this;
        }

        /** The default value codec. */
        public Builder valueSerializer(String codec) {
            this.valueSerializer = codec;
            return this;
        }

        /** {@code "at_least_once"} (default) or {@code "exactly_once"}. */
        public Builder processingGuarantee(String guarantee) {
            switch (Objects.requireNonNull(guarantee, "processing_guarantee")) {
                case "at_least_once" -> exactlyOnce = false;
                case "exactly_once" -> exactlyOnce = true;
                default -> throw new ImproperlyConfigured("processing_guarantee must be 'at_least_once' or "
                        + "'exactly_once', got '" + guarantee + "'");
            }
            return this;
        }

        /** {@code "memory://"} (default) or {@code "rocksdb://"}. */
        public Builder store(String url) {
            String u = Objects.requireNonNull(url, "store");
            if (u.startsWith("memory:")) {
                rocksdb = false;
            } else if (u.startsWith("rocksdb:")) {
                rocksdb = true;
            } else {
                throw new ImproperlyConfigured("store must be 'memory://' or 'rocksdb://', got '" + url + "'");
            }
            return this;
        }

        /** The JSON flavour to write: {@link JsonFlavor#ROBINHOOD} for apps that ran on robinhood Faust. */
        public Builder jsonFlavor(JsonFlavor flavor) {
            this.jsonFlavor = Objects.requireNonNull(flavor, "jsonFlavor");
            return this;
        }

        /** What to do with records that fail to decode or whose agent code throws. */
        public Builder onError(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy, "onError");
            return this;
        }

        /** How often expired windows are removed. */
        public Builder tableCleanupInterval(Duration interval) {
            this.tableCleanupInterval = Objects.requireNonNull(interval, "table_cleanup_interval");
            return this;
        }

        /** Where state lives on disk. */
        public Builder datadir(String dir) {
            this.datadir = dir;
            return this;
        }

        /**
         * Registers a codec for this app only (Faust's {@code codecs.register(name, codec)}): usable in
         * {@code key_serializer}/{@code value_serializer}, topic and send serializers, and chains such as
         * {@code "json|name"}. Codecs on the class path as {@code CodecProvider} services are found without this.
         */
        public Builder codec(String name, Codec codec) {
            if (name == null || name.isBlank() || name.contains("|")) {
                throw new ImproperlyConfigured("codec name must be a non-empty word without '|': " + name);
            }
            codecs.put(name, Objects.requireNonNull(codec, "codec"));
            return this;
        }

        /**
         * Registers {@code @FaustRecord} classes (or sealed polymorphic bases) that no topic or table of the app names,
         * so that untyped topics and blessed keys ({@code "__faust":{"ns":...}}) decode them. Faust registers every
         * {@code Record} subclass when it is defined; Java needs them named. Records of the app's topics and tables,
         * and every record they reach, are registered without this.
         */
        public Builder records(Class<?>... recordClasses) {
            for (Class<?> c : recordClasses) {
                records.add(Objects.requireNonNull(c, "record class"));
            }
            return this;
        }

        /** Faust's {@code reply_to}: the reply topic of this process's {@code ask}s (default {@code f-reply-<uuid4>}). */
        public Builder replyTo(String topic) {
            if (Objects.requireNonNull(topic, "reply_to").isBlank()) {
                throw new ImproperlyConfigured("reply_to needs a topic name");
            }
            this.replyTo = topic;
            return this;
        }

        /** How long {@code agent.ask} waits for a reply before an {@code AskTimeoutException} (default 30 s). */
        public Builder askTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "askTimeout").isNegative() || timeout.isZero()) {
                throw new ImproperlyConfigured("askTimeout must be positive, got " + timeout);
            }
            this.askTimeout = timeout;
            return this;
        }

        /**
         * Faust's {@code topic_allow_declare} (default true): workers create every declared topic and changelog
         * that is missing. Turn it off where apps may not create topics; a worker then refuses to start while a
         * topic it reads is missing.
         */
        public Builder topicAllowDeclare(boolean allow) {
            this.topicAllowDeclare = allow;
            return this;
        }

        /**
         * How every client authenticates ({@code broker_credentials}): Kafka Streams' clients and every client
         * jfaust creates (admin, producers). Given once here; secrets never printed.
         */
        public Builder brokerCredentials(BrokerCredentials credentials) {
            this.brokerCredentials = Objects.requireNonNull(credentials, "broker_credentials");
            return this;
        }

        /** Any Kafka Streams, consumer or producer property; it wins over what jfaust sets. */
        public Builder streamsProperty(String key, Object value) {
            streamsProperties.put(Objects.requireNonNull(key, "property"), Secrets.hold(key, value));
            return this;
        }

        Settings build() {
            return new Settings(this);
        }
    }
}
