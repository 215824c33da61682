package io.jfaust;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The windows of one key of a windowed table (Faust's {@code WindowSet}): pick the window to read by time.
 *
 * <p>{@link #delta(Duration)} is taken from the table's time-relativity (event time by default, or the field set
 * with {@code relativeToField}). Faust's {@code delta()} always uses the event's timestamp and ignores
 * {@code relative_to_field} (a known Faust bug); jfaust does what Faust documents.
 *
 * <pre>{@code
 * WindowSet<String, Long> w = sums.get("alice");
 * w.current();                       // window of the event's timestamp
 * w.delta(Duration.ofSeconds(30));   // window 30 s before
 * }</pre>
 */
public final class WindowSet<K, V> {
    private final WindowedTable<K, V> table;
    private final K key;

    WindowSet(WindowedTable<K, V> table, K key) {
        this.table = table;
        this.key = key;
    }

    /** The value in the window of the table's relative time ({@code .value()}). */
    public @Nullable V value() {
        return table.valueIn(key, table.window().current(table.timestamp()));
    }

    /** The value in the window of the current event's timestamp ({@code .current()}). */
    public @Nullable V current() {
        return table.valueIn(key, table.window().current(table.eventTimestamp()));
    }

    /** The value in the earliest window of "now": the partition's latest time seen, or the wall clock. */
    public @Nullable V now() {
        return table.valueIn(key, table.window().earliest(table.relativeNow()));
    }

    /** The value in the window {@code d} before the table's relative time ({@code .delta(d)}). */
    public @Nullable V delta(Duration d) {
        return table.valueIn(key, table.window().delta(table.timestamp(), d.toNanos() / 1e9));
    }

    /** The value in a given window ({@code table[key][range]}). */
    public @Nullable V get(WindowRange range) {
        return table.valueIn(key, range);
    }

    /** The value in the window containing {@code time}. */
    public @Nullable V at(java.time.Instant time) {
        return at(time.toEpochMilli() / 1000.0);
    }

    /** The value in the window containing {@code epochSeconds} (Faust's float time). */
    public @Nullable V at(double epochSeconds) {
        return table.valueIn(key, table.window().current(epochSeconds));
    }
}
