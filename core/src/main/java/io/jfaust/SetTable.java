package io.jfaust;

import io.jfaust.serdes.DataType;
import io.jfaust.serdes.FaustJson;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code app.SetTable(name, value_type=...)}: a set per key, local to the partition being processed, whose
 * changelog {@code <app_id>-<name>-changelog} is Faust's operation log, so a Faust worker and a jfaust worker can
 * share one set table: key {@code [op,key]} ({@code 1} add, {@code 2} discard, {@code 15} update) and value the
 * member, or {@code [added, removed]} for an update (faust/tables/sets.py, objects.py). An add of a member already
 * there, or a discard of one that is not, writes nothing (mode's {@code ManagedUserSet}). Sets live in memory and
 * are rebuilt from the changelog when a task starts, as a Faust worker with {@code memory://} rebuilds them.
 *
 * <p>Changes happen inside agents, on the event's partition (Faust: "Cannot modify table key from outside of stream
 * iteration"); from anywhere else use the manager ({@code t -> t.startManager(true)}), which sends Faust's
 * {@code @SetManagerOperation} records to {@code <name>-setmanager}, applied by the agent
 * {@code faust.SetTable.manager} on the worker that owns the key.
 *
 * <pre>{@code
 * SetTable<String, String> viewers = app.setTable("viewers", String.class, String.class);
 * app.agent("shop.view", views, s -> s.forEach(v -> viewers.add(v.page(), v.user())));
 * Set<String> who = viewers.get("/home");     // inside an agent
 * }</pre>
 */
public final class SetTable<K, V> {
    static final int OPERATION_ADD = 0x1;
    static final int OPERATION_DISCARD = 0x2;
    static final int OPERATION_UPDATE = 0xF;

    private final Table<K, V> table;
    private final @Nullable SetTableManager<K, V> manager;
    private final boolean global;

    SetTable(Table<K, V> table, boolean startManager, boolean global) {
        this.table = table;
        this.manager = startManager ? new SetTableManager<>(this) : null;
        this.global = global;
    }

    /**
     * Whether this is Faust's {@code SetGlobalTable}: every instance holds every set, read from the changelog by a
     * Kafka Streams global store; a change is written to the changelog and seen once the global store has read it
     * back (as a {@link GlobalTable} write is).
     */
    public boolean isGlobal() {
        return global;
    }

    /** The table name (its store's name). */
    public String name() {
        return table.name();
    }

    /** Faust's changelog topic: {@code <app_id>-<name>-changelog}, an operation log (not compacted). */
    public String changelogTopic() {
        return table.changelogTopic();
    }

    /** The app that declared this table. */
    public App app() {
        return table.app;
    }

    Table<K, V> table() {
        return table;
    }

    /**
     * The manager that changes sets from anywhere through {@code <name>-setmanager} (Faust's
     * {@code set_table.manager}).
     *
     * @throws IllegalStateException when the table was declared without {@code startManager(true)}
     */
    public SetTableManager<K, V> manager() {
        if (manager == null) {
            throw new IllegalStateException("Set table " + name() + " is start_manager=False: declare it with "
                    + "t -> t.startManager(true) to use its manager");
        }
        return manager;
    }

    @Nullable SetTableManager<K, V> managerOrNull() {
        return manager;
    }

    /** A copy of the set of {@code key} (empty when it has none). */
    @SuppressWarnings("unchecked")
    public Set<V> get(K key) {
        return (Set<V>) (Set<?>) store("reading set table " + name()).snapshot(key);
    }

    /** Whether the set of {@code key} holds {@code member}. */
    public boolean contains(K key, V member) {
        return store("reading set table " + name()).snapshot(key).contains(member);
    }

    /** The keys of this partition holding a set. */
    @SuppressWarnings("unchecked")
    public Set<K> keys() {
        return (Set<K>) (Set<?>) Set.copyOf(store("reading set table " + name()).keys());
    }

    /** Adds {@code member} to the set of {@code key} ({@code table[key].add(member)}). */
    public void add(K key, V member) {
        Set<Object> set = writable(key);
        if (set.add(member)) {
            log(OPERATION_ADD, key, table.encodeValue(member));
        }
    }

    /** Removes {@code member} from the set of {@code key} ({@code table[key].discard(member)}). */
    public void discard(K key, V member) {
        Set<Object> set = writable(key);
        if (set.remove(member)) {
            log(OPERATION_DISCARD, key, table.encodeValue(member));
        }
    }

    /** Adds every member ({@code table[key].update(members)}). */
    public void update(K key, Collection<? extends V> members) {
        Set<Object> set = writable(key);
        Set<Object> added = new LinkedHashSet<>(members);
        added.removeAll(set);
        change(key, set, added, Set.of());
    }

    /** Removes every member ({@code table[key].difference_update(members)}). */
    public void differenceUpdate(K key, Collection<? extends V> members) {
        Set<Object> set = writable(key);
        Set<Object> removed = new LinkedHashSet<>(set);
        removed.retainAll(new LinkedHashSet<>(members));
        change(key, set, Set.of(), removed);
    }

    /** Keeps only the members also in {@code members} ({@code table[key].intersection_update(members)}). */
    public void intersectionUpdate(K key, Collection<? extends V> members) {
        Set<Object> set = writable(key);
        Set<Object> removed = new LinkedHashSet<>(set);
        removed.removeAll(new LinkedHashSet<>(members));
        change(key, set, Set.of(), removed);
    }

    /** Adds the members not there and removes those there ({@code symmetric_difference_update}). */
    public void symmetricDifferenceUpdate(K key, Collection<? extends V> members) {
        Set<Object> set = writable(key);
        Set<Object> other = new LinkedHashSet<>(members);
        Set<Object> added = new LinkedHashSet<>(other);
        added.removeAll(set);
        Set<Object> removed = new LinkedHashSet<>(set);
        removed.retainAll(other);
        change(key, set, added, removed);
    }

    /**
     * Empties the set of {@code key}, written as an update removing every member. Faust's {@code clear()} writes
     * nothing to the changelog, so its clear is lost on recovery (a Faust bug); this one is not.
     */
    public void clear(K key) {
        Set<Object> set = writable(key);
        change(key, set, Set.of(), new LinkedHashSet<>(set));
    }

    /** Faust's {@code on_change}: one update record {@code [added, removed]}, even when both are empty. */
    private void change(K key, Set<Object> set, Set<Object> added, Set<Object> removed) {
        set.addAll(added);
        set.removeAll(removed);
        byte[] value = table.app.serializers().dumpsValue(DataType.any(),
                List.of(List.copyOf(added), List.copyOf(removed)), table.valueSerializer);
        log(OPERATION_UPDATE, key, value);
    }

    /** Sends one operation to the changelog, on the event's partition (Faust's {@code partition_for_key}). */
    private void log(int op, K key, byte @Nullable [] value) {
        Scope scope = Scope.current();
        int partition = scope.processor().partition();
        if (partition < 0) {
            throw new IllegalStateException("Cannot modify table key from outside of stream iteration (set table "
                    + name() + "): change it while an event is processed, or use its manager");
        }
        byte[] k = table.encodeKey(Arrays.asList(op, key));
        scope.send(changelogTopic(), k, value, Send.options().withPartition(partition));
    }

    /** The set to change: the task's own, or for a global set table a copy (the change arrives by the changelog). */
    private Set<Object> writable(K key) {
        SetStore store = store("changing set table " + name());
        return global ? new LinkedHashSet<>(store.snapshot(key)) : store.set(key);
    }

    private SetStore store(String what) {
        Scope scope = Scope.current();
        if (scope == null) {
            throw new IllegalStateException(what + " outside an agent: a set table lives in the tasks of its agents "
                    + "(Faust: \"Cannot modify table key from outside of stream iteration\"); use it inside an agent, "
                    + "or change it from anywhere else through its manager");
        }
        return scope.processor().setStore(name());
    }

    /** Applies one changelog record to {@code store} during a restore (Faust's {@code apply_changelog_event}). */
    void replay(SetStore store, byte[][] record) {
        byte[] keyBytes = record[0];
        byte[] valueBytes = record[1];
        if (keyBytes == null) {
            throw new IllegalStateException("set table " + name() + ": changelog key cannot be None");
        }
        Object decoded = table.app.serializers().codecs().codec(table.keySerializer).loads(keyBytes);
        if (!(decoded instanceof List<?> opKey) || opKey.size() != 2 || !(opKey.get(0) instanceof Number op)) {
            throw new IllegalStateException("set table " + name() + ": changelog key is not [op, key]: "
                    + new String(keyBytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<Object> set = store.set(as(table.keyType(), opKey.get(1), true));
        switch (op.intValue()) {
            case OPERATION_ADD -> set.add(table.decodeValue(valueBytes));
            case OPERATION_DISCARD -> set.remove(table.decodeValue(valueBytes));
            case OPERATION_UPDATE -> {
                Object change = table.app.serializers().loadsValue(DataType.any(), valueBytes, table.valueSerializer,
                        changelogTopic(), false);
                if (!(change instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof List<?> added)
                        || !(pair.get(1) instanceof List<?> removed)) {
                    throw new IllegalStateException("set table " + name() + ": update is not [added, removed]");
                }
                added.forEach(m -> set.add(as(table.valueType(), m, false)));
                removed.forEach(m -> set.remove(as(table.valueType(), m, false)));
            }
            default -> throw new IllegalStateException("Unknown operation " + op + ": key=" + opKey.get(1)
                    + " (set table " + name() + ")");
        }
    }

    /** A decoded JSON value as {@code type} (records and typed numbers through the codec). */
    @Nullable Object as(DataType<?> type, @Nullable Object json, boolean isKey) {
        if (json != null && type.javaType().isInstance(json)) {
            return json;
        }
        byte[] bytes = FaustJson.of(table.app.settings().jsonFlavor()).dumps(json);
        return isKey ? table.app.serializers().loadsKey(type, bytes, "json", changelogTopic())
                : table.app.serializers().loadsValue(type, bytes, "json", changelogTopic(), false);
    }

    /** Faust's set table changelog configs: an operation log is never compacted ({@code compacting=False}). */
    static Map<String, String> changelogConfigs() {
        return Map.of("cleanup.policy", "delete");
    }

    @Override
    public String toString() {
        return "SetTable(" + name() + ")";
    }

    /**
     * Set table options, set in the lambda of {@link App#setTable(String, Class, Class, java.util.function.Consumer)}.
     *
     * <pre>{@code
     * app.setTable("viewers", String.class, String.class, t -> t.startManager(true));
     * }</pre>
     */
    public static final class Options {
        private boolean startManager;
        private boolean global;

        Options() {}

        /** Faust's {@code SetGlobalTable}: every instance holds every set ({@code app.setGlobalTable(...)}). */
        public Options global(boolean global) {
            this.global = global;
            return this;
        }

        boolean global() {
            return global;
        }

        /** Faust's {@code start_manager=True}: the {@code <name>-setmanager} topic and its agent. */
        public Options startManager(boolean start) {
            this.startManager = start;
            return this;
        }

        boolean startManager() {
            return startManager;
        }
    }

}
