package io.jfaust;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a windowed table's changelog key {@code [key,[start,end]]}. */
final class WindowKeys {
    private WindowKeys() {}

    /** A windowed key, decoded: the table key and its window. */
    record Windowed<K>(@Nullable K key, WindowRange range) {}

    /** The window end, or null when the key is not a windowed key. */
    static @Nullable Double endOf(App app, WindowedTable<?, ?> table, byte[] key) {
        List<?> parts = parts(app, table, key);
        return parts == null ? null : ((Number) ((List<?>) parts.get(1)).get(1)).doubleValue();
    }

    /** {@code [key, [start, end]]} as decoded by the table's key codec, or null when the key is not windowed. */
    static @Nullable List<?> parts(App app, WindowedTable<?, ?> table, byte[] key) {
        Object decoded = app.serializers().codecs().codec(table.table().keySerializer).loads(key);
        if (decoded instanceof List<?> l && l.size() == 2 && l.get(1) instanceof List<?> range && range.size() == 2
                && range.get(0) instanceof Number && range.get(1) instanceof Number) {
            return l;
        }
        return null;
    }
}
