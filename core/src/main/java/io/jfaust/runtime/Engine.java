package io.jfaust.runtime;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.ErrorCounts;
import io.jfaust.Event;
import io.jfaust.GlobalTable;
import io.jfaust.RunningApp;
import io.jfaust.Table;
import io.jfaust.Topic;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.jspecify.annotations.Nullable;

/**
 * What jfaust's runtimes may ask of a declared app beyond its public API: compile it with a hook for agent results,
 * run its services, elect its leader, describe the topics it needs, read a table by a key given as text. The one door
 * from a runtime module into the engine, so that the engine stays package-private beside the API.
 *
 * <pre>{@code
 * Engine engine = Engine.get();
 * engine.compile(app, topology, results::add);
 * AppServices services = engine.services(running, () -> wallClockMs, true);
 * }</pre>
 */
public interface Engine {
    /** The engine of this jfaust. */
    static Engine get() {
        return EngineHolder.get();
    }

    /** Checks and freezes {@code app}, then adds it to {@code topology}; {@code results} receives what agents yield. */
    void compile(App app, Topology topology, @Nullable Consumer<AgentResult> results);

    /** Sets {@code props}' error handlers to Faust's test-context behaviour: any decode or agent error fails. */
    void failOnErrors(Properties props);

    /** What {@code log} counted so far, as the public {@link ErrorCounts}. */
    ErrorCounts errorCounts(ErrorLog log);

    /** The tables {@code agent} declared it uses ({@code tables=}), or null when it uses every table. */
    @Nullable Set<Table<?, ?>> tablesOf(Agent<?, ?> agent);

    /** The plain table behind a global table (its name, types, default and changelog). */
    Table<?, ?> tableOf(GlobalTable<?, ?> table);

    /** The partitions {@code table} declared ({@code partitions=}), or null to follow its agents' topics. */
    @Nullable Integer declaredPartitions(Table<?, ?> table);

    /**
     * Faust-style broker URLs as a {@code host:port} list, refusing a URL that holds credentials (an
     * {@code ImproperlyConfigured} naming {@code broker_credentials}).
     */
    java.util.List<String> parseBrokers(String urls);

    /** Checks {@code app}'s declarations once and freezes it (what compiling does first), for verbs that build no topology. */
    void freeze(App app);

    /** The topic configs of a set table's changelog (an operation log: never compacted). */
    Map<String, String> setTableChangelogConfigs();

    /** An event as a runtime read it: decoded key and value, their bytes, and where it was read. */
    <K, V> Event<K, V> event(@Nullable K key, @Nullable V value, byte @Nullable [] keyBytes,
                             byte @Nullable [] valueBytes,
                             Headers headers, String topic, int partition, long offset, long timestampMs);

    /** Whether {@code app} declares timers, crontabs or tasks. */
    boolean hasServices(App app);

    /** The app's services as {@code running} runs them, on {@code clock} (manual: stepped by {@link AppServices#runDue}). */
    AppServices services(RunningApp running, LongSupplier clock, boolean manual);

    /** A monotonic clock in milliseconds, for services on their own thread. */
    long monotonicMs();

    /** Whether this instance's active tasks hold the app's leader partition. */
    boolean holdsLeader(App app, KafkaStreams streams);

    /** The topics {@code agent} reads, in order: its channel, then its group_by and through topics. */
    Set<Topic<?, ?>> readBy(Agent<?, ?> agent);

    /** The source topics of the agents that write {@code table}. */
    Set<String> tableSources(App app, Table<?, ?> table);

    /** The topic whose partitioning {@code table}'s keys follow (where a request for a key is routed). */
    @Nullable Topic<?, ?> routingTopic(App app, Table<?, ?> table);

    /** The topic configs of {@code table}'s changelog ({@code cleanup.policy}, retention of windowed tables). */
    Map<String, String> changelogConfigs(App app, Table<?, ?> table);

    /** The key that {@code text} names in {@code table}'s key type (a URL segment, say). */
    Object parseKey(App app, Table<?, ?> table, String text);

    /** The value of {@code key} in {@code running}'s stores; {@link #missing()} when the table has no default. */
    @Nullable Object readKey(RunningApp running, Table<?, ?> table, Object key, @Nullable String at);

    /** What {@link #readKey} gives for a missing key of a table without a default (Faust's {@code KeyError}). */
    Object missing();
}
