package io.jfaust;

import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.RecordSchema;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Table keys given as text (a URL segment): parsed into the table's key type, and read from a worker's stores as
 * Faust's {@code table[key]} does (the default for a missing key when the table has one).
 */
final class TableKeys {
    /** What {@link #read} gives for a missing key of a table without a default (Faust's {@code KeyError}). */
    static final Object MISSING = new Object();

    private TableKeys() {}

    /**
     * The key {@code text} names: the text itself for {@code str} keys, a number for number keys, else its JSON
     * ({@code {"id": 1}} for a record key).
     *
     * @throws IllegalArgumentException when the text is not a key of that type
     */
    static Object parse(App app, Table<?, ?> table, String text) {
        Class<?> type = table.keyType().javaType();
        try {
            if (type == String.class || type == Object.class && !text.startsWith("{") && !text.startsWith("[")) {
                return text;
            } else if (type == Long.class || type == long.class) {
                return Long.parseLong(text);
            } else if (type == Integer.class || type == int.class) {
                return Integer.parseInt(text);
            } else if (type == Double.class || type == double.class) {
                return Double.parseDouble(text);
            }
            Object json = FaustJson.of(app.settings().jsonFlavor()).loads(text);
            RecordSchema<?> schema = table.keyType().schema();
            return Objects.requireNonNull(schema != null ? schema.fromData(json) : json, "a table key is not null");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("key " + text + " is not a " + type.getSimpleName() + " key of table "
                    + table.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value of {@code key} in this runtime's stores: for a windowed table, the window of {@code at} (epoch
     * seconds) or else of now; {@link #MISSING} when a table without a default does not hold the key.
     */
    @SuppressWarnings("unchecked")
    static @Nullable Object read(RunningApp worker, Table<?, ?> table, Object key, @Nullable String at) {
        Table<Object, Object> t = (Table<Object, Object>) table;
        WindowedTable<Object, Object> w = t.windowedOrNull();
        if (w != null) {
            return worker.call(() -> at == null ? w.get(key).now() : w.get(key).at(Double.parseDouble(at)));
        }
        if (worker.app().isGlobalTable(t.name())) {
            GlobalTable<Object, Object> g = (GlobalTable<Object, Object>) worker.app().globalTables().stream()
                    .filter(x -> x.name().equals(t.name())).findFirst().orElseThrow();
            return worker.call(() -> g.containsKey(key) || t.defaultValue != null ? g.get(key) : MISSING);
        }
        return worker.call(() -> t.containsKey(key) || t.defaultValue != null ? t.get(key) : MISSING);
    }
}
