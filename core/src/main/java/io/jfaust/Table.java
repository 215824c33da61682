package io.jfaust;

import io.jfaust.serdes.DataType;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
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
 */
public final class Table<K, V> {
    final App app;
    final String name;
    final DataType<K> keyType;
    final DataType<V> valueType;
    final Supplier<V> defaultValue;
    final String keySerializer;
    final String valueSerializer;
    private WindowedTable<K, V> windowed;

    Table(App app, String name, DataType<K> keyType, DataType<V> valueType, Supplier<V> defaultValue) {
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
        return app.id() + "-" + name + "-changelog";
    }

    /** The app that declared this table. */
    public App app() {
        return app;
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
        byte[] bytes = readStore().get(Bytes.wrap(encodeKey(key)));
        return bytes == null ? defaultOrNull() : decodeValue(bytes);
    }

    /** Whether {@code key} has a value ({@code key in table}). */
    public boolean containsKey(K key) {
        checkPlain();
        return readStore().get(Bytes.wrap(encodeKey(key))) != null;
    }

    /** Sets {@code key} to {@code value} ({@code table[key] = value}; null is JSON {@code null}, not a delete). */
    public void put(K key, V value) {
        checkPlain();
        writeStore().put(Bytes.wrap(encodeKey(key)), encodeValue(value));
    }

    /** Deletes {@code key} ({@code del table[key]}): a tombstone in the changelog. */
    public void delete(K key) {
        checkPlain();
        writeStore().delete(Bytes.wrap(encodeKey(key)));
    }

    /** Sets {@code key} to {@code op(current or default)} and returns it ({@code table[key] += 1}). */
    public V update(K key, UnaryOperator<V> op) {
        V next = op.apply(get(key));
        put(key, next);
        return next;
    }

    /**
     * Makes this a tumbling-window table ({@code .tumbling(size, expires=...)}): each key holds one value per
     * window of {@code size}; windows older than {@code expires} leave the local store.
     */
    public WindowedTable<K, V> tumbling(Duration size, Duration expires) {
        double s = seconds(size, "size");
        return windowed(Window.tumbling(s), expires);
    }

    /** Makes this a hopping-window table ({@code .hopping(size, step, expires=...)}). */
    public WindowedTable<K, V> hopping(Duration size, Duration step, Duration expires) {
        return windowed(Window.hopping(seconds(size, "size"), seconds(step, "step")), expires);
    }

    private WindowedTable<K, V> windowed(Window window, Duration expires) {
        if (expires == null || expires.isZero() || expires.isNegative()) {
            throw new IllegalArgumentException("table " + name + ": a windowed table needs a positive expires "
                    + "(how long windows are kept); Faust without expires keeps every window forever");
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

    /** The window wrapper if this table is windowed, else null. */
    WindowedTable<K, V> windowedOrNull() {
        return windowed;
    }

    V defaultOrNull() {
        return defaultValue == null ? null : defaultValue.get();
    }

    byte[] encodeKey(Object key) {
        return app.serializers().dumpsKey(keyType, key, keySerializer);
    }

    byte[] encodeValue(V value) {
        return app.serializers().dumpsValue(valueType, value, valueSerializer);
    }

    V decodeValue(byte[] bytes) {
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

    private void checkPlain() {
        if (windowed != null) {
            throw new IllegalStateException("table " + name + " is windowed: use the WindowedTable that "
                    + "tumbling()/hopping() returned");
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
     * }</pre>
     */
    public static final class Options<V> {
        private Supplier<V> defaultValue;

        Options() {}

        /** Faust's {@code default=}: what a missing key reads as (not stored until assigned). */
        public Options<V> defaultValue(Supplier<V> defaultValue) {
            this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
            return this;
        }

        Supplier<V> defaultValue() {
            return defaultValue;
        }
    }
}
