package io.jfaust;

import io.jfaust.internal.ErrorHandlers;
import io.jfaust.runtime.AgentResult;
import io.jfaust.runtime.AppServices;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.ErrorLog;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.jspecify.annotations.Nullable;

/** The engine as runtimes see it ({@link Engine}): each method hands over to the package-private class that knows. */
final class EngineBridge implements Engine {
    @Override
    public void compile(App app, Topology topology, @Nullable Consumer<AgentResult> results) {
        app.compile(topology, results);
    }

    @Override
    public void failOnErrors(Properties props) {
        ErrorHandlers.configure(props, "fail", null, null);
    }

    @Override
    public ErrorCounts errorCounts(ErrorLog log) {
        return ErrorCounts.of(log);
    }

    @Override
    public @Nullable Set<Table<?, ?>> tablesOf(Agent<?, ?> agent) {
        return agent.options().tables();
    }

    @Override
    public Table<?, ?> tableOf(GlobalTable<?, ?> table) {
        return table.table();
    }

    @Override
    public @Nullable Integer declaredPartitions(Table<?, ?> table) {
        return table.partitions;
    }

    @Override
    public java.util.List<String> parseBrokers(String urls) {
        return BrokerUrls.parse(urls);
    }

    @Override
    public void freeze(App app) {
        app.freeze();
    }

    @Override
    public Map<String, String> setTableChangelogConfigs() {
        return SetTable.changelogConfigs();
    }

    @Override
    public <K, V> Event<K, V> event(@Nullable K key, @Nullable V value, byte @Nullable [] keyBytes,
                                    byte @Nullable [] valueBytes,
                                    Headers headers, String topic, int partition, long offset, long timestampMs) {
        return new Event<>(key, value, keyBytes, valueBytes, headers, topic, partition, offset, timestampMs);
    }

    @Override
    public boolean hasServices(App app) {
        return !app.services().isEmpty();
    }

    @Override
    public AppServices services(RunningApp running, LongSupplier clock, boolean manual) {
        return new ServiceRunner(running, clock, manual);
    }

    @Override
    public long monotonicMs() {
        return ServiceRunner.monotonicMs();
    }

    @Override
    public boolean holdsLeader(App app, KafkaStreams streams) {
        return Leadership.holds(app, streams);
    }

    @Override
    public Set<Topic<?, ?>> readBy(Agent<?, ?> agent) {
        return TableTopics.readBy(agent);
    }

    @Override
    public Set<String> tableSources(App app, Table<?, ?> table) {
        return TableTopics.sourcesOf(app, table);
    }

    @Override
    public @Nullable Topic<?, ?> routingTopic(App app, Table<?, ?> table) {
        return TableTopics.routingTopic(app, table);
    }

    @Override
    public Map<String, String> changelogConfigs(App app, Table<?, ?> table) {
        return TablePartitions.changelogConfigs(app, table);
    }

    @Override
    public Object parseKey(App app, Table<?, ?> table, String text) {
        return TableKeys.parse(app, table, text);
    }

    @Override
    public @Nullable Object readKey(RunningApp running, Table<?, ?> table, Object key, @Nullable String at) {
        return TableKeys.read(running, table, key, at);
    }

    @Override
    public Object missing() {
        return TableKeys.MISSING;
    }
}
