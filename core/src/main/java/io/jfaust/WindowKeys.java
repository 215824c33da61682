package io.jfaust;

import java.util.List;

/** Reads the window end out of a windowed table's changelog key {@code [key,[start,end]]}. */
final class WindowKeys {
    private WindowKeys() {}

    /** The window end, or null when the key is not a windowed key. */
    static Double endOf(App app, WindowedTable<?, ?> table, byte[] key) {
        Object decoded = app.serializers().codecs().codec(table.table().keySerializer).loads(key);
        if (decoded instanceof List<?> l && l.size() == 2 && l.get(1) instanceof List<?> range && range.size() == 2
                && range.get(1) instanceof Number end) {
            return end.doubleValue();
        }
        return null;
    }
}
