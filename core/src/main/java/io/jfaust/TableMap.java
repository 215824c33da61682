package io.jfaust;

import java.util.AbstractMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link Table#asMap()}: a read-only map over a table; point reads go to the store, the rest to a snapshot. */
final class TableMap<K, V> extends AbstractMap<K, V> {
    private final Table<K, V> table;

    TableMap(Table<K, V> table) {
        this.table = table;
    }

    @Override
    public @Nullable V get(Object key) {
        return table.storedValue(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return table.hasKey(key);
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public boolean isEmpty() {
        return table.isEmpty();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return java.util.Collections.unmodifiableMap(table.snapshot()).entrySet();
    }
}
