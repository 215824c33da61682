package io.jfaust;

import java.time.Duration;
import java.util.Map;

/**
 * Faust's {@code windowed_table.items()} (and, through the maps' {@code keySet()} and {@code values()}, its
 * {@code keys()} and {@code values()} views): the value every key holds in one window, picked by time as a
 * {@link WindowSet} picks it. A key without a value in that window is left out (Faust skips its {@code KeyError}).
 * Each method reads a snapshot of what this instance holds (see {@link Table}); the maps are read-only.
 *
 * <pre>{@code
 * Map<String, Long> latest = pageViews.items().now();       // windowed_table.items().now()
 * Map<String, Long> before = pageViews.items().delta(Duration.ofMinutes(1));
 * }</pre>
 */
public final class WindowedItems<K, V> {
    private final WindowedTable<K, V> table;

    WindowedItems(WindowedTable<K, V> table) {
        this.table = table;
    }

    /** The window of the table's relative time (iterating Faust's view): the event's time by default. */
    public Map<K, V> value() {
        return table.itemsIn(table.window().current(table.timestamp()));
    }

    /** The window of the current event's timestamp ({@code items().current()}). */
    public Map<K, V> current() {
        return table.itemsIn(table.window().current(table.eventTimestamp()));
    }

    /** The earliest window of "now": the partition's latest time seen, or the wall clock ({@code .now()}). */
    public Map<K, V> now() {
        return table.itemsIn(table.window().earliest(table.relativeNow()));
    }

    /** The window {@code d} before the table's relative time ({@code .delta(d)}). */
    public Map<K, V> delta(Duration d) {
        return table.itemsIn(table.window().delta(table.timestamp(), d.toNanos() / 1e9));
    }
}
