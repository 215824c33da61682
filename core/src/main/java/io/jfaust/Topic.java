package io.jfaust;

import io.jfaust.serdes.Schema;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Kafka topic as a Faust app declares it ({@code app.topic(name, key_type=..., value_type=...)}): its name, its
 * {@link Schema} (key and value types and codecs) and the options Faust uses when it creates topics. Sending
 * encodes with Faust's rules; inside an agent the record goes out through the agent's processor (part of its
 * transaction under exactly-once), outside one through the app's producer or test driver.
 *
 * <pre>{@code
 * Topic<String, Purchase> purchases = app.topic("purchases", String.class, Purchase.class);
 * Topic<String, Purchase> raw = app.topic("raw", String.class, Purchase.class, t -> t.valueSerializer("json|binary"));
 * purchases.send("alice", new Purchase("alice", "USD", 1234));
 * }</pre>
 */
public final class Topic<K, V> {
    private final App app;
    private final String name;
    private final Schema<K, V> schema;
    private final Options options;

    Topic(App app, String name, Schema<K, V> schema, Options options) {
        this.app = app;
        this.name = name;
        this.schema = schema;
        this.options = options;
    }

    /** The topic name. */
    public String name() {
        return name;
    }

    /** The key and value types and codecs. */
    public Schema<K, V> schema() {
        return schema;
    }

    /** The options Faust would create the topic with. */
    public Options options() {
        return options;
    }

    /** The app that declared this topic. */
    public App app() {
        return app;
    }

    /** Sends {@code value} under {@code key} ({@code value = null} is JSON {@code null}, not a tombstone). */
    public void send(@Nullable K key, @Nullable V value) {
        send(key, value, Send.options());
    }

    /** Sends with per-send options. */
    public void send(@Nullable K key, @Nullable V value, Send send) {
        byte[] k = schema.dumpsKey(app.serializers(), key, send.keySerializer());
        byte[] v = schema.dumpsValue(app.serializers(), value, send.valueSerializer());
        sendRaw(k, v, send);
    }

    /**
     * Sends bytes as they are (Faust never re-encodes bytes): inside an agent through its task, outside through the
     * runtime bound to this thread (see {@link RunningApp}).
     */
    public void sendRaw(byte @Nullable [] key, byte @Nullable [] value, Send send) {
        Scope scope = Scope.current();
        if (scope != null) {
            scope.send(name, key, value, send);
        } else {
            RunningApp.require(app, "topic.send(" + name + ")").sendBytes(name, key, value, send);
        }
    }

    @Override
    public String toString() {
        return "Topic(" + name + ", " + schema + ")";
    }

    /**
     * Faust's topic options ({@code partitions}, {@code retention}, {@code compacting}, {@code deleting},
     * {@code replicas}, {@code internal}, {@code config}, serializers, {@code allow_empty}).
     */
    public static final class Options {
        private @Nullable String keySerializer;
        private @Nullable String valueSerializer;
        private @Nullable Integer partitions;
        private @Nullable Duration retention;
        private @Nullable Boolean compacting;
        private @Nullable Boolean deleting;
        private @Nullable Integer replicas;
        private boolean internal;
        private boolean allowEmpty;
        private boolean hasPrefix;
        private final Map<String, String> config = new LinkedHashMap<>();

        private final DeclaredOptions latch = new DeclaredOptions();

        Options() {}

        /** Fixes these options: {@code declaration} (e.g. "topic orders") was declared with them. */
        void freeze(String declaration) {
            latch.freeze(declaration);
        }

        /** The key codec of this topic (null: the key type's record serializer, else the app's). */
        public Options keySerializer(@Nullable String codec) {
            latch.checkOpen("keySerializer");
            this.keySerializer = codec;
            return this;
        }

        /** The value codec of this topic (null: the value type's record serializer, else the app's). */
        public Options valueSerializer(@Nullable String codec) {
            latch.checkOpen("valueSerializer");
            this.valueSerializer = codec;
            return this;
        }

        /** Partitions when the app creates the topic (default: the app's {@code topic_partitions}). */
        public Options partitions(int partitions) {
            latch.checkOpen("partitions");
            if (partitions < 1) {
                throw new ImproperlyConfigured("partitions must be 1 or more, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** {@code retention.ms} when the app creates the topic. */
        public Options retention(Duration retention) {
            latch.checkOpen("retention");
            this.retention = retention;
            return this;
        }

        /** Adds {@code compact} to {@code cleanup.policy}. */
        public Options compacting(boolean compacting) {
            latch.checkOpen("compacting");
            this.compacting = compacting;
            return this;
        }

        /** Adds {@code delete} to {@code cleanup.policy}. */
        public Options deleting(boolean deleting) {
            latch.checkOpen("deleting");
            this.deleting = deleting;
            return this;
        }

        /** Replication factor when the app creates the topic. */
        public Options replicas(int replicas) {
            latch.checkOpen("replicas");
            this.replicas = replicas;
            return this;
        }

        /** Faust creates only internal topics (agents' own topics, repartition and changelog topics). */
        public Options internal(boolean internal) {
            latch.checkOpen("internal");
            this.internal = internal;
            return this;
        }

        /** A Kafka null value decodes to null even for a record type ({@code allow_empty}). */
        public Options allowEmpty(boolean allowEmpty) {
            latch.checkOpen("allowEmpty");
            this.allowEmpty = allowEmpty;
            return this;
        }

        /** An extra topic config, overriding the derived ones. */
        public Options config(String key, String value) {
            latch.checkOpen("config");
            config.put(Objects.requireNonNull(key, "config key"), value);
            return this;
        }

        Options hasPrefix(boolean hasPrefix) {
            this.hasPrefix = hasPrefix;
            return this;
        }

        boolean hasPrefix() {
            return hasPrefix;
        }

        @Nullable String keySerializer() {
            return keySerializer;
        }

        @Nullable String valueSerializer() {
            return valueSerializer;
        }

        boolean allowEmpty() {
            return allowEmpty;
        }

        /** Partitions to create with, or null for the app default. */
        public @Nullable Integer partitions() {
            return partitions;
        }

        /** Whether the app creates this topic. */
        public boolean internal() {
            return internal;
        }

        /** Replication factor, or null for the app default. */
        public @Nullable Integer replicas() {
            return replicas;
        }

        /** What differs between these options and {@code other}, or null when nothing does. */
        @Nullable String differenceFrom(Options other) {
            if (!Objects.equals(partitions, other.partitions)) {
                return "partitions " + partitions + " and " + other.partitions;
            }
            if (!Objects.equals(replicas, other.replicas)) {
                return "replicas " + replicas + " and " + other.replicas;
            }
            if (internal != other.internal) {
                return "internal " + internal + " and " + other.internal;
            }
            if (allowEmpty != other.allowEmpty) {
                return "allow_empty " + allowEmpty + " and " + other.allowEmpty;
            }
            if (!topicConfigs().equals(other.topicConfigs())) {
                return "configs " + topicConfigs() + " and " + other.topicConfigs();
            }
            return null;
        }

        /** The topic configs Faust would create it with: {@code cleanup.policy}, {@code retention.ms}, extras. */
        public Map<String, String> topicConfigs() {
            Map<String, String> out = new LinkedHashMap<>();
            String policy = Boolean.TRUE.equals(compacting) && Boolean.TRUE.equals(deleting) ? "compact,delete"
                    : Boolean.TRUE.equals(compacting) ? "compact" : Boolean.TRUE.equals(deleting) ? "delete" : null;
            if (policy != null) {
                out.put("cleanup.policy", policy);
            }
            if (retention != null) {
                out.put("retention.ms", Long.toString(retention.toMillis()));
            }
            out.putAll(config);
            return Collections.unmodifiableMap(out);
        }
    }
}
