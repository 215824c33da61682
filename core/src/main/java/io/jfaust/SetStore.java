package io.jfaust;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The local state of a {@link SetTable} in one task: its sets by key, in memory. The changelog is Faust's operation
 * log ({@code [op,key]} keys), which the table writes itself; on restore Kafka Streams hands every changelog record
 * to {@code replay}, which applies the operations in order, as Faust's {@code ChangeloggedSetManager} does.
 */
final class SetStore implements StateStore {
    private final String name;
    private final BiConsumer<SetStore, byte[][]> replay;
    private final Map<Object, Set<Object>> sets = new HashMap<>();
    private volatile boolean open;

    SetStore(String name, BiConsumer<SetStore, byte[][]> replay) {
        this.name = name;
        this.replay = replay;
    }

    /** The set of {@code key}, created empty on first use. */
    Set<Object> set(@Nullable Object key) {
        return sets.computeIfAbsent(key, k -> new LinkedHashSet<>());
    }

    /** A copy of the set of {@code key} (empty when it has none). */
    Set<Object> snapshot(Object key) {
        Set<Object> s = sets.get(key);
        return s == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(s));
    }

    /** The keys holding a set. */
    Set<Object> keys() {
        return Collections.unmodifiableSet(sets.keySet());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        sets.clear();
        context.register(root, (key, value) -> replay.accept(this, new byte[][] {key, value}));
        open = true;
    }

    @Override
    public void close() {
        open = false;
        sets.clear();
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /**
     * Builds the store: for a set table with its changelog enabled (Kafka Streams creates the topic and restores
     * from it); for a global set table without (the global store reads the changelog itself).
     */
    static final class Builder implements StoreBuilder<SetStore> {
        private final String name;
        private final BiConsumer<SetStore, byte[][]> replay;
        private final Map<String, String> logConfig;
        private final boolean logged;

        Builder(String name, BiConsumer<SetStore, byte[][]> replay, Map<String, String> logConfig, boolean logged) {
            this.name = name;
            this.replay = replay;
            this.logConfig = Map.copyOf(logConfig);
            this.logged = logged;
        }

        @Override
        public StoreBuilder<SetStore> withCachingEnabled() {
            throw new UnsupportedOperationException("a set table has no record cache");
        }

        @Override
        public StoreBuilder<SetStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<SetStore> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a set table's changelog is always enabled");
        }

        @Override
        public StoreBuilder<SetStore> withLoggingDisabled() {
            return new Builder(name, replay, logConfig, false);
        }

        @Override
        public SetStore build() {
            return new SetStore(name, replay);
        }

        @Override
        public Map<String, String> logConfig() {
            return logConfig;
        }

        @Override
        public boolean loggingEnabled() {
            return logged;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
