package io.jfaust;

import io.jfaust.runtime.Sensors;
import io.jfaust.serdes.DataType;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * A Faust table ({@code app.Table(name, default=...)}): a key-value store local to the partition being processed,
 * backed by a Kafka Streams store named after the table, whose changelog is Faust's
 * {@code <app_id>-<table>-changelog} with Faust's bytes: keys as JSON (even strings, {@code "alice"} with quotes),
 * values by their type's codec, deletes as tombstones. A missing key reads as the default, which is not written
 * until assigned.
 *
 * <pre>{@code
 * Table<String, Long> counts = app.table("purchase_counts", String.class, Long.class, () -> 0L);
 * counts.update(p.username(), n -> n + 1);       // counts[username] += 1
 * counts.delete(p.username());                    // del counts[username]
 * }</pre>
 *
 * <p><b>As Faust's dict.</b> {@link #size()}, {@link #keys()}, {@link #values()}, {@link #items()}, iteration and
 * {@link #asMap()} read what this instance holds, as a Faust table holds its worker's partitions: inside an agent,
 * the partition of the event being processed (the Kafka Streams task's store); outside agents (a timer, the
 * runtime handle), every partition this instance is active for. Each call reads a snapshot (Kafka Streams' store
 * iterators must be closed, so nothing is iterated lazily). {@link #clear()} deletes every key of the event's
 * partition, a tombstone each, as faust-streaming's {@code table.clear()} does.
 */
public final class Table<K, V> implements Iterable<K> {
    final App app;
    final String name;
    final DataType<K> keyType;
    final DataType<V> valueType;
    final @Nullable Supplier<V> defaultValue;
    final String keySerializer;
    final String valueSerializer;
    private @Nullable WindowedTable<K, V> windowed;
    private volatile @Nullable String changelogTopic;
    /** Faust's {@code partitions=}: the table's own partition count, or null for the source topics'. */
    @Nullable Integer partitions;
    private @Nullable WindowCloseCallback<? super K, ? super V> windowClose;
    private @Nullable String help;

    Table(App app, String name, DataType<K> keyType, DataType<V> valueType, @Nullable Supplier<V> defaultValue) {
        this.app = app;
        this.name = name;
        this.keyType = keyType;
        this.valueType = valueType;
        this.defaultValue = defaultValue;
        this.keySerializer = serializerFor(keyType);
        this.valueSerializer = serializerFor(valueType);
    }

    /** Faust's {@code _serializer_from_type}: raw for bytes, the record's own serializer, else json. */
    private static String serializerFor(DataType<?> type) {
        if (type.javaType() == byte[].class) {
            return "raw";
        }
        if (type.schema() != null && type.schema().options().serializer() != null) {
            return type.schema().options().serializer();
        }
        return "json";
    }

    /** The table name (and its Kafka Streams store name). */
    public String name() {
        return name;
    }

    /** Faust's changelog topic: {@code <app_id>-<table>-changelog}. */
    public String changelogTopic() {
        String topic = changelogTopic;
        if (topic == null) { // read per decode (it names the topic in errors): made once
            topic = app.id() + "-" + name + "-changelog";
            changelogTopic = topic;
        }
        return topic;
    }

    /** The app that declared this table. */
    public App app() {
        return app;
    }

    /** Faust's {@code help=}: what the {@code tables} verb and {@code /table/} show, or null. */
    public @Nullable String help() {
        return help;
    }

    void help(@Nullable String help) {
        this.help = help;
    }

    /** The key type. */
    public DataType<K> keyType() {
        return keyType;
    }

    /** The value type. */
    public DataType<V> valueType() {
        return valueType;
    }

    /** The value of {@code key}, or the default (not stored) when it has none. */
    public @Nullable V get(K key) {
        checkPlain();
        count(Sensors.TableSensor::get);
        byte[] bytes = readStore().get(Bytes.wrap(encodeKey(key)));
        return bytes == null ? defaultOrNull() : decodeValue(bytes);
    }

    /** Whether {@code key} has a value ({@code key in table}). */
    public boolean containsKey(K key) {
        checkPlain();
        count(Sensors.TableSensor::get);
        return readStore().get(Bytes.wrap(encodeKey(key))) != null;
    }

    /** Sets {@code key} to {@code value} ({@code table[key] = value}; null is JSON {@code null}, not a delete). */
    public void put(K key, V value) {
        checkPlain();
        count(Sensors.TableSensor::put);
        writeStore().put(Bytes.wrap(encodeKey(key)), encodeValue(value));
    }

    /** Deletes {@code key} ({@code del table[key]}): a tombstone in the changelog. */
    public void delete(K key) {
        checkPlain();
        count(Sensors.TableSensor::delete);
        writeStore().delete(Bytes.wrap(encodeKey(key)));
    }

    /** Sets {@code key} to {@code op(current or default)} and returns it ({@code table[key] += 1}). */
    public V update(K key, UnaryOperator<V> op) {
        Scope scope = Scope.current();
        if (scope == null) {
            V next = op.apply(get(key));
            put(key, next);
            return next;
        }
        // Inside an agent (every event of a counting job): the key encoded once, the store and meters looked up once.
        checkPlain();
        TableWrites store = scope.processor().tableWrites(name);
        Sensors.TableSensor meters = store.meters();
        if (meters != null) {
            meters.get();
        }
        Bytes k = Bytes.wrap(encodeKey(key));
        byte[] old = store.get(k);
        V next = op.apply(old == null ? defaultOrNull() : decodeValue(old));
        if (meters != null) {
            meters.put();
        }
        store.put(k, encodeValue(next));
        return next;
    }

    /** Faust's {@code len(table)}: how many keys this instance holds (see the class comment for which). */
    public int size() {
        checkPlain();
        int n = 0;
        try (KeyValueIterator<Bytes, byte[]> it = readStore().all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    /** Whether this instance holds no key. */
    public boolean isEmpty() {
        checkPlain();
        try (KeyValueIterator<Bytes, byte[]> it = readStore().all()) {
            return !it.hasNext();
        }
    }

    /** Faust's {@code table.keys()}: the keys this instance holds, in store order. */
    public List<K> keys() {
        return new ArrayList<>(snapshot().keySet());
    }

    /** Faust's {@code table.values()}: the values this instance holds, in key order. */
    public List<V> values() {
        return new ArrayList<>(snapshot().values());
    }

    /** Faust's {@code table.items()}: the {@code (key, value)} pairs this instance holds. */
    public List<Map.Entry<K, V>> items() {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        snapshot().forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return out;
    }

    /** Faust's {@code for key in table}: the keys, read once when iteration starts. */
    @Override
    public Iterator<K> iterator() {
        return keys().iterator();
    }

    /**
     * A read-only {@link Map} of what this instance holds: {@code get}/{@code containsKey} read the store at each
     * call (a missing key is null, as Map says; {@link #get} gives the table's default), the rest reads a snapshot.
     */
    public Map<K, V> asMap() {
        checkPlain();
        return new TableMap<>(this);
    }

    /** faust-streaming's {@code table.clear()}: deletes every key of the event's partition (a tombstone each). */
    public void clear() {
        checkPlain();
        TableWrites store = writeStore();
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = readStore().all()) {
            while (it.hasNext()) {
                keys.add(it.next().key);
            }
        }
        keys.forEach(store::delete);
    }

    /** Every stored key and value, decoded, in store order. */
    Map<K, V> snapshot() {
        checkPlain();
        Map<K, V> out = new LinkedHashMap<>();
        try (KeyValueIterator<Bytes, byte[]> it = readStore().all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                out.put(decodeKey(kv.key.get()), decodeValue(kv.value));
            }
        }
        return out;
    }

    @Nullable K decodeKey(byte @Nullable [] bytes) {
        return app.serializers().loadsKey(keyType, bytes, keySerializer, changelogTopic());
    }

    /** Whether {@code key} is stored ({@code Map.containsKey}). */
    boolean hasKey(Object key) {
        return readStore().get(Bytes.wrap(encodeKey(key))) != null;
    }

    /** The stored value of {@code key}, or null ({@code Map.get}). */
    @Nullable V storedValue(Object key) {
        byte[] bytes = readStore().get(Bytes.wrap(encodeKey(key)));
        return bytes == null ? null : decodeValue(bytes);
    }

    /**
     * Makes this a tumbling-window table with no {@code expires} ({@code .tumbling(size)}): Faust keeps every window
     * (none is ever closed) and its changelog is {@code compact,delete} with no {@code retention.ms}, so the broker's
     * default retention ({@code log.retention.ms}) applies to it, exactly as for Faust.
     */
    public WindowedTable<K, V> tumbling(Duration size) {
        return windowed(Window.tumbling(seconds(size, "size")), null);
    }

    /** A hopping-window table without {@code expires} ({@code hopping(size, step)}), as {@link #tumbling(Duration)}. */
    public WindowedTable<K, V> hopping(Duration size, Duration step) {
        return windowed(Window.hopping(seconds(size, "size"), seconds(step, "step")), null);
    }

    /**
     * Makes this a tumbling-window table ({@code .tumbling(size, expires=...)}): each key holds one value per
     * window of {@code size}; windows older than {@code expires} leave the local store.
     */
    public WindowedTable<K, V> tumbling(Duration size, Duration expires) {
        double s = seconds(size, "size");
        return windowed(Window.tumbling(s), given(expires));
    }

    /** Makes this a hopping-window table ({@code .hopping(size, step, expires=...)}). */
    public WindowedTable<K, V> hopping(Duration size, Duration step, Duration expires) {
        return windowed(Window.hopping(seconds(size, "size"), seconds(step, "step")), given(expires));
    }

    private Duration given(Duration expires) {
        if (expires == null) {
            throw new ImproperlyConfigured("table " + name + ": expires is null; leave it out (tumbling(size), "
                    + "hopping(size, step)) to keep every window, as Faust does without expires");
        }
        return expires;
    }

    WindowedTable<K, V> windowed(Window window, @Nullable Duration expires) {
        if (expires != null && (expires.isZero() || expires.isNegative())) {
            throw new ImproperlyConfigured("table " + name + ": expires must be positive (how long windows are "
                    + "kept), got " + expires + "; leave it out (tumbling(size), hopping(size, step)) to keep every "
                    + "window, as Faust does without expires");
        }
        if (windowed != null) {
            throw new ImproperlyConfigured("table " + name + " is already windowed by " + windowed.window()
                    + ": declare another table for another window");
        }
        app.checkNotBuilt("window table " + name);
        windowed = new WindowedTable<>(this, window, expires, null);
        return windowed;
    }

    private static double seconds(Duration d, String what) {
        Objects.requireNonNull(d, what);
        return d.toNanos() / 1e9;
    }

    void windowClose(WindowCloseCallback<? super K, ? super V> callback) {
        app.checkNotBuilt("set on_window_close of table " + name);
        if (windowClose != null) {
            throw new ImproperlyConfigured("table " + name + " already has an on_window_close callback: give it "
                    + "one callback that does everything");
        }
        windowClose = Objects.requireNonNull(callback, "onWindowClose");
    }

    @Nullable WindowCloseCallback<? super K, ? super V> windowClose() {
        return windowClose;
    }

    /** The window wrapper if this table is windowed, else null. */
    @Nullable WindowedTable<K, V> windowedOrNull() {
        return windowed;
    }

    @Nullable V defaultOrNull() {
        return defaultValue == null ? null : defaultValue.get();
    }

    byte[] encodeKey(Object key) {
        return Objects.requireNonNull(app.serializers().dumpsKey(keyType, key, keySerializer),
                "a table key encodes to bytes");
    }

    byte @Nullable [] encodeValue(@Nullable V value) {
        return app.serializers().dumpsValue(valueType, value, valueSerializer);
    }

    @Nullable V decodeValue(byte[] bytes) {
        return app.serializers().loadsValue(valueType, bytes, valueSerializer, changelogTopic(), true);
    }

    ReadOnlyKeyValueStore<Bytes, byte[]> readStore() {
        Scope scope = Scope.current();
        return scope != null ? scope.store(name) : RunningApp.require(app, "reading table " + name).store(name);
    }

    TableWrites writeStore() {
        Scope scope = Scope.current();
        if (scope == null) {
            throw new IllegalStateException("Cannot modify table key from outside of stream iteration (table "
                    + name + "): change tables inside an agent, where the change goes to the event's partition");
        }
        return scope.processor().tableWrites(name);
    }

    /** Counts an operation in the worker's table meters, inside agents (a test driver counts nothing). */
    void count(java.util.function.Consumer<Sensors.TableSensor> which) {
        Scope scope = Scope.current();
        Sensors.TableSensor meters = scope == null ? null : scope.processor().tableMeters(name);
        if (meters != null) {
            which.accept(meters);
        }
    }

    private void checkPlain() {
        if (windowed != null) {
            throw new ImproperlyConfigured("table " + name + " is windowed: use the WindowedTable that "
                    + "tumbling()/hopping() returned, or declare it with app.windowedTable(name, keyType, valueType, "
                    + "t -> t.tumbling(size)) so that no plain Table handle exists");
        }
    }

    @Override
    public String toString() {
        return "Table(" + name + ")";
    }

    /**
     * Table options ({@code app.Table(name, default=...)}), set in the lambda of
     * {@link App#table(String, Class, Class, java.util.function.Consumer)}.
     *
     * <pre>{@code
     * app.table("counts", String.class, Long.class, t -> t.defaultValue(() -> 0L));
     * app.table("by_region", String.class, Long.class, t -> t.defaultValue(() -> 0L).partitions(7));
     * }</pre>
     */
    public static final class Options<V> {
        private @Nullable Window window;
        private @Nullable Duration expires;
        private @Nullable Supplier<V> defaultValue;
        private @Nullable Integer partitions;
        private @Nullable String help;

        Options() {}

        /** Faust's {@code help=}: a description shown by the {@code tables} verb and the {@code /table/} route. */
        public Options<V> help(String help) {
            this.help = Objects.requireNonNull(help, "help");
            return this;
        }

        @Nullable String help() {
            return help;
        }

        /** Faust's {@code default=}: what a missing key reads as (not stored until assigned). */
        public Options<V> defaultValue(Supplier<V> defaultValue) {
            this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
            return this;
        }

        @Nullable Supplier<V> defaultValue() {
            return defaultValue;
        }

        /**
         * Faust's {@code partitions=}: the changelog's partition count. A table partition is the partition of the
         * event that writes it, so every agent that may use the table (all agents unless they name their tables)
         * must read topics declared with this count; the app fails to build otherwise, and a worker checks those
         * topics on the broker and creates the changelog with this count. Without it, the changelog has the count of
         * the topics the agents read.
         */
        public Options<V> partitions(int partitions) {
            if (partitions < 1) {
                throw new ImproperlyConfigured("partitions must be 1 or more, got " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        @Nullable Integer partitions() {
            return partitions;
        }

        /**
         * Faust's {@code window=}: tumbling windows of {@code size}, every window kept (no {@code expires}). Only
         * with {@link App#windowedTable}, which declares the windowed table in one go.
         */
        public Options<V> tumbling(Duration size) {
            return window(Window.tumbling(seconds(size, "size")), null);
        }

        /** Tumbling windows of {@code size}, each leaving the table {@code expires} after it ends. */
        public Options<V> tumbling(Duration size, Duration expires) {
            return window(Window.tumbling(seconds(size, "size")), Objects.requireNonNull(expires, "expires"));
        }

        /** Hopping windows of {@code size} every {@code step}, every window kept. */
        public Options<V> hopping(Duration size, Duration step) {
            return window(Window.hopping(seconds(size, "size"), seconds(step, "step")), null);
        }

        /** Hopping windows of {@code size} every {@code step}, each leaving {@code expires} after it ends. */
        public Options<V> hopping(Duration size, Duration step, Duration expires) {
            return window(Window.hopping(seconds(size, "size"), seconds(step, "step")),
                    Objects.requireNonNull(expires, "expires"));
        }

        private Options<V> window(Window w, @Nullable Duration expires) {
            if (window != null) {
                throw new ImproperlyConfigured("a table has one window, and this one has " + window
                        + " already: declare another table for another window");
            }
            this.window = w;
            this.expires = expires;
            return this;
        }

        @Nullable Window window() {
            return window;
        }

        @Nullable Duration expires() {
            return expires;
        }
    }
}
