package io.jfaust;

import java.util.function.UnaryOperator;
import org.apache.kafka.common.utils.Bytes;
import org.jspecify.annotations.Nullable;

/**
 * A Faust global table ({@code app.GlobalTable(name, default=...)}): every instance holds all of it, fed from the
 * changelog {@code <app_id>-<table>-changelog} by a Kafka Streams global store. Reads see the local copy; writes go
 * to the changelog (Faust's bytes: JSON keys, typed values, tombstones for deletes) and become visible once the
 * global store has read them back. Faust also updates its local copy at once; Kafka Streams' global stores are
 * read-only to processors, so an immediate read-back after a write may still see the old value.
 *
 * <pre>{@code
 * GlobalTable<String, String> names = app.globalTable("user_names", String.class, String.class, null);
 * names.put("u1", "Alice");      // to the changelog, then into every instance's copy
 * String n = names.get("u1");
 * }</pre>
 */
public final class GlobalTable<K, V> {
    private final Table<K, V> table;

    GlobalTable(Table<K, V> table) {
        this.table = table;
    }

    /** Faust's {@code help=}: what the {@code tables} verb shows, or null. */
    public @org.jspecify.annotations.Nullable String help() {
        return table.help();
    }

    /** The table name (its global store's name). */
    public String name() {
        return table.name();
    }

    /** The changelog topic every instance reads: {@code <app_id>-<table>-changelog}. */
    public String changelogTopic() {
        return table.changelogTopic();
    }

    Table<K, V> table() {
        return table;
    }

    /** The local copy's value of {@code key}, or the default (null for a table without one). */
    public @Nullable V get(K key) {
        byte[] bytes = table.readStore().get(Bytes.wrap(table.encodeKey(key)));
        return bytes == null ? table.defaultOrNull() : table.decodeValue(bytes);
    }

    /** Whether the local copy has {@code key}. */
    public boolean containsKey(K key) {
        return table.readStore().get(Bytes.wrap(table.encodeKey(key))) != null;
    }

    /** Writes {@code value} for {@code key} to the changelog. */
    public void put(K key, V value) {
        write(table.encodeKey(key), table.encodeValue(value));
    }

    /** Writes a tombstone for {@code key} to the changelog. */
    public void delete(K key) {
        write(table.encodeKey(key), null);
    }

    /** Writes {@code op(local value or default)} for {@code key} and returns it. */
    public V update(K key, UnaryOperator<V> op) {
        V next = op.apply(get(key));
        put(key, next);
        return next;
    }

    private void write(byte[] key, byte @Nullable [] value) {
        Scope scope = Scope.current();
        if (scope == null) {
            throw new IllegalStateException("Cannot modify table key from outside of stream iteration (global table "
                    + name() + ")");
        }
        scope.send(changelogTopic(), key, value, Send.options());
    }

}
