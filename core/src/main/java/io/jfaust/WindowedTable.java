package io.jfaust;

import io.jfaust.runtime.Sensors;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * A windowed table (Faust's {@code WindowWrapper}): each key holds a value per window, stored under Faust's key
 * {@code [key,[start,end]]} (floats printed as Python prints them) so the changelog is byte-identical to Faust's.
 * Updates apply to every window covering the time; reads pick one window through a {@link WindowSet}. Time is the
 * event's timestamp unless set otherwise with {@code relativeTo...}.
 *
 * <p>Expired windows (end before {@code current(now - expires).start}, checked every {@code table_cleanup_interval}
 * on the wall clock, as faust-streaming does) leave the local store. Faust drops them silently and relies on the
 * changelog's {@code retention.ms}; Kafka Streams' store writes a tombstone for each, which a Faust worker recovering
 * from the changelog applies as the same removal.
 *
 * <pre>{@code
 * WindowedTable<String, Long> sums = app.table("amount_sums_10s", String.class, Long.class, () -> 0L)
 *         .tumbling(Duration.ofSeconds(10), Duration.ofDays(1));
 * sums.update(p.username(), s -> s + p.amount());            // sums[username] += amount
 * long now = sums.get(p.username()).current();
 * }</pre>
 */
public final class WindowedTable<K, V> {
    private final Table<K, V> table;
    private final Window window;
    private final @Nullable Duration expires;
    private final @Nullable ToDoubleFunction<Event<?, ?>> relativeTo;

    WindowedTable(Table<K, V> table, Window window, @Nullable Duration expires,
                  @Nullable ToDoubleFunction<Event<?, ?>> relativeTo) {
        this.table = table;
        this.window = window;
        this.expires = expires;
        this.relativeTo = relativeTo;
    }

    /** The table name. */
    public String name() {
        return table.name();
    }

    /** The window math. */
    public Window window() {
        return window;
    }

    /** How long windows are kept, or null for ever (no {@code expires}: Faust never closes a window then). */
    public @Nullable Duration expires() {
        return expires;
    }

    /** The changelog topic ({@code <app_id>-<table>-changelog}, {@code cleanup.policy=compact,delete}). */
    public String changelogTopic() {
        return table.changelogTopic();
    }

    Table<K, V> table() {
        return table;
    }

    /** The same table, time-relative to the wall clock ({@code relative_to_now()}). */
    public WindowedTable<K, V> relativeToNow() {
        return new WindowedTable<>(table, window, expires, e -> table.app.wallClockSeconds());
    }

    /** The same table, time-relative to the event's timestamp ({@code relative_to_stream()}, the default). */
    public WindowedTable<K, V> relativeToStream() {
        return new WindowedTable<>(table, window, expires, null);
    }

    /**
     * The same table, time-relative to a field of the event's value ({@code relative_to_field(Model.field)}): the
     * function returns epoch seconds (a Number), a {@link Temporal} with a zone, or an ISO-8601 string. The value's
     * class is inferred from a method reference such as {@code Order::time}; for a lambda, or a method whose name
     * is overloaded, name the class with {@link #relativeToField(Class, Function)}.
     */
    @SuppressWarnings("unchecked")
    public <T> WindowedTable<K, V> relativeToField(Function<T, ?> field) {
        Objects.requireNonNull(field, "field");
        return new WindowedTable<>(table, window, expires, e -> toSeconds(field.apply((T) e.value())));
    }

    /**
     * The same table, time-relative to a field of the event's value, which is a {@code valueType}
     * ({@code relative_to_field(Order.time)}): the function returns epoch seconds (a Number), a {@link Temporal} with
     * a zone, or an ISO-8601 string. An event whose value is not a {@code valueType} is an error naming both.
     *
     * <pre>{@code
     * WindowedTable<String, Long> sums = totals.tumbling(Duration.ofSeconds(10))
     *         .relativeToField(Order.class, o -> o.time());             // or (Order.class, Order::time)
     * }</pre>
     */
    public <T> WindowedTable<K, V> relativeToField(Class<T> valueType, Function<? super T, ?> field) {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(field, "field");
        return new WindowedTable<>(table, window, expires, e -> toSeconds(field.apply(valueOf(valueType, e))));
    }

    /** The event's value as a {@code valueType}, for {@code relativeToField}. */
    private <T> T valueOf(Class<T> valueType, @Nullable Event<?, ?> event) {
        if (event == null) {
            throw new IllegalStateException("table " + name() + ": relativeToField needs an event: use it inside an "
                    + "agent, or use relativeToNow()");
        }
        Object value = event.value();
        if (!valueType.isInstance(value)) {
            throw new IllegalStateException("table " + name() + " is relative to a field of " + valueType.getName()
                    + ", but the event from topic " + event.topic() + " has a "
                    + (value == null ? "null value" : value.getClass().getName()));
        }
        return valueType.cast(value);
    }

    /** The same table, time-relative to any function of the event ({@code relative_to(callable)}). */
    public WindowedTable<K, V> relativeTo(ToDoubleFunction<Event<?, ?>> timestampSeconds) {
        return new WindowedTable<>(table, window, expires, Objects.requireNonNull(timestampSeconds, "relativeTo"));
    }

    /**
     * Faust's {@code on_window_close}: {@code callback} is called once for each window of each key as the window
     * leaves the table, with its final value (hopping windows included: each window is its own entry). Windows leave
     * on the wall clock ({@code table_cleanup_interval}, when their end is before {@code current(now - expires)}),
     * so a window closes on time even if no later event arrives. See {@link WindowCloseCallback} for the thread and
     * the guarantee: each removed window was closed exactly once under exactly-once and across clean restarts and
     * rebalances; under at-least-once a crash may close a window twice, never zero times.
     *
     * @throws ImproperlyConfigured when the table already has a callback or the app was compiled
     */
    public WindowedTable<K, V> onWindowClose(WindowCloseCallback<? super K, ? super V> callback) {
        table.windowClose(callback);
        return this;
    }

    /**
     * The keys that have a value in any window this instance holds (Faust needs {@code key_index=True} for
     * {@code keys()}; jfaust reads the store). Which partitions: see {@link Table}.
     */
    public Set<K> keys() {
        Set<K> out = new LinkedHashSet<>();
        forEachWindow(null, (k, v) -> out.add(k));
        return out;
    }

    /** Faust's {@code len(windowed_table)}: how many keys have a value in some window here. */
    public int size() {
        return keys().size();
    }

    /** Faust's {@code items()} views: every key's value in the window of now, the event's time, or a delta. */
    public WindowedItems<K, V> items() {
        return new WindowedItems<>(this);
    }

    /** Every key's value in window {@code range}. */
    Map<K, V> itemsIn(WindowRange range) {
        Map<K, V> out = new LinkedHashMap<>();
        forEachWindow(range, out::put);
        return Collections.unmodifiableMap(out);
    }

    /** Calls {@code action} for each stored window ({@code range} null) or each key stored in {@code range}. */
    private void forEachWindow(@Nullable WindowRange range, BiConsumer<K, V> action) {
        try (KeyValueIterator<Bytes, byte[]> it = table.readStore().all()) {
            while (it.hasNext()) {
                KeyValue<Bytes, byte[]> kv = it.next();
                WindowKeys.Windowed<K> w = decodeWindowKey(kv.key.get());
                if (w != null && (range == null || range.equals(w.range()))) {
                    action.accept(w.key(), range == null ? null : table.decodeValue(kv.value));
                }
            }
        }
    }

    /** The table key and window of a stored key, or null when it is not a windowed key. */
    WindowKeys.@Nullable Windowed<K> decodeWindowKey(byte[] bytes) {
        List<?> parts = WindowKeys.parts(table.app, this, bytes);
        if (parts == null) {
            return null;
        }
        List<?> range = (List<?>) parts.get(1);
        Object keyBytes = table.app.serializers().codecs().codec(table.keySerializer).dumps(parts.get(0));
        return new WindowKeys.Windowed<>(table.decodeKey((byte[]) keyBytes),
                new WindowRange(((Number) range.get(0)).doubleValue(), ((Number) range.get(1)).doubleValue()));
    }

    /** The windows of {@code key} ({@code table[key]}). */
    public WindowSet<K, V> get(K key) {
        return new WindowSet<>(this, key);
    }

    /** Sets {@code key} in every window covering the current time ({@code table[key] = value}). */
    public void put(K key, V value) {
        double ts = timestamp();
        table.count(Sensors.TableSensor::put);
        TableWrites store = table.writeStore();
        byte[] encoded = table.encodeValue(value);   // the same bytes in every window
        for (WindowRange w : window.ranges(ts)) {
            store.put(Bytes.wrap(windowKey(key, w)), encoded);
        }
        seen(ts);
    }

    /** Applies {@code op} to the value of every window covering the current time ({@code table[key] += x}). */
    public void update(K key, UnaryOperator<V> op) {
        double ts = timestamp();
        table.count(Sensors.TableSensor::put);
        TableWrites store = table.writeStore();
        for (WindowRange w : window.ranges(ts)) {
            Bytes k = Bytes.wrap(windowKey(key, w));
            byte[] old = store.get(k);
            V current = old == null ? table.defaultOrNull() : table.decodeValue(old);
            store.put(k, table.encodeValue(op.apply(current)));
        }
        seen(ts);
    }

    /** Deletes {@code key} from every window covering the current time. */
    public void delete(K key) {
        double ts = timestamp();
        table.count(Sensors.TableSensor::delete);
        TableWrites store = table.writeStore();
        for (WindowRange w : window.ranges(ts)) {
            store.delete(Bytes.wrap(windowKey(key, w)));
        }
    }

    /** The value of {@code key} in window {@code range} ({@code table[key][range]}), or the default. */
    @Nullable V valueIn(K key, WindowRange range) {
        table.count(Sensors.TableSensor::get);
        byte[] bytes = table.readStore().get(Bytes.wrap(windowKey(key, range)));
        return bytes == null ? table.defaultOrNull() : table.decodeValue(bytes);
    }

    /** Faust's changelog key: {@code [key,[start,end]]} encoded with the table's key codec. */
    byte[] windowKey(Object key, WindowRange range) {
        return table.encodeKey(Arrays.asList(key, List.of(range.start(), range.end())));
    }

    /** The time this table is relative to, for the current event. */
    double timestamp() {
        if (relativeTo != null) {
            Scope scope = Scope.current();
            return relativeTo.applyAsDouble(scope == null ? null : scope.event());
        }
        Scope scope = Scope.current();
        if (scope != null && scope.hasRecord()) {
            // The event's timestamp, without building the Event (a windowed update on every record).
            return scope.timestampMs() / 1000.0;
        }
        return eventOrFail("operation outside of stream iteration needs relativeToNow() or relativeTo(...)")
                .timestamp();
    }

    /** The event's own timestamp (for {@code current()}), whatever the relativity. */
    double eventTimestamp() {
        return eventOrFail("current() needs an event: call it inside an agent, or use value()/now()").timestamp();
    }

    private Event<?, ?> eventOrFail(String why) {
        Scope scope = Scope.current();
        Event<?, ?> event = scope == null ? null : scope.event();
        if (event == null) {
            throw new IllegalStateException("table " + name() + ": " + why);
        }
        return event;
    }

    /** Faust's {@code _relative_now}: the partition's latest time seen in this table, or the wall clock. */
    double relativeNow() {
        Scope scope = Scope.current();
        if (scope == null || scope.event() == null) {
            return table.app.wallClockSeconds();
        }
        Double latest = scope.processor().latestTimestamp(name());
        return latest != null ? latest : table.app.wallClockSeconds();
    }

    private void seen(double ts) {
        Scope scope = Scope.current();
        if (scope != null) {
            scope.processor().recordTimestamp(name(), ts);
        }
    }

    static double toSeconds(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        } else if (v instanceof Instant i) {
            return i.toEpochMilli() / 1000.0;
        } else if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toEpochMilli() / 1000.0 + (o.getNano() % 1_000_000) / 1e9;
        } else if (v instanceof java.time.ZonedDateTime z) {
            return toSeconds(z.toOffsetDateTime());
        } else if (v instanceof String s) {
            return toSeconds(io.jfaust.serdes.FaustJson.parseDate(s));
        } else if (v instanceof java.time.LocalDateTime l) {
            // Python's naive datetime.timestamp() uses local time; jfaust reads naive times as UTC.
            return toSeconds(l.atOffset(java.time.ZoneOffset.UTC));
        }
        throw new IllegalArgumentException("cannot use " + v + " as a window timestamp: give seconds, a zoned "
                + "date-time or an ISO-8601 string");
    }
}
