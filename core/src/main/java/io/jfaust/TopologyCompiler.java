package io.jfaust;

import io.jfaust.internal.DecodingDeserializer;
import io.jfaust.internal.OutgoingKey;
import io.jfaust.internal.OutgoingPartitioner;
import io.jfaust.runtime.AgentResult;
import io.jfaust.serdes.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.jspecify.annotations.Nullable;

/**
 * Compiles an app into a topology: one source per topic read (shared by every agent on it, decoding keys and
 * values once with Faust's rules), one processor per agent and source topic, per processor a sink for each declared
 * topic plus one that picks the topic per record (each twice: with and without a partitioner for explicit
 * partitions), one store per table. Every node is named: {@code source:<topic>}, {@code agent:<name>},
 * {@code agent:<name>@<topic>}, {@code sink:<processor>[:partitioned][:<topic>]}, and the table name for its store.
 */
final class TopologyCompiler {
    private TopologyCompiler() {}

    static void compile(App app, Topology topology, @Nullable Consumer<AgentResult> results) {
        Map<String, Topic<?, ?>> sources = new LinkedHashMap<>();
        List<Plan> plans = new ArrayList<>();
        for (Agent<?, ?> agent : app.agents()) {
            Map<String, List<List<Op>>> bySource = new LinkedHashMap<>();
            Map<String, Topic<?, ?>> topicByName = new HashMap<>();
            for (List<Op> pipeline : agent.pipelines()) {
                Topic<?, ?> source = agent.channel();
                List<Op> segment = new ArrayList<>();
                for (Op op : pipeline) {
                    segment.add(op);
                    if (op.isBoundary()) {
                        bySource.computeIfAbsent(source.name(), k -> new ArrayList<>()).add(List.copyOf(segment));
                        topicByName.put(source.name(), source);
                        source = op instanceof Op.GroupBy g ? g.repartition() : ((Op.Through) op).topic();
                        segment = new ArrayList<>();
                    }
                }
                bySource.computeIfAbsent(source.name(), k -> new ArrayList<>()).add(List.copyOf(segment));
                topicByName.put(source.name(), source);
            }
            bySource.forEach((topicName, segments) -> {
                String name = topicName.equals(agent.channel().name()) ? "agent:" + agent.name()
                        : "agent:" + agent.name() + "@" + topicName;
                Topic<?, ?> topic = topicByName.get(topicName);
                Topic<?, ?> earlier = sources.putIfAbsent(topicName, topic);
                if (earlier != null && earlier != topic) {
                    throw new ImproperlyConfigured("topic " + topicName + " is read as two different topics: "
                            + earlier + " and " + topic + "; declare it once");
                }
                plans.add(new Plan(agent, name, topicName, segments));
            });
        }
        sources.forEach((name, topic) -> addSource(app, topology, topic));

        Map<String, List<String>> processorsByTable = new LinkedHashMap<>();
        app.tables().forEach(t -> processorsByTable.put(t.name(), new ArrayList<>()));
        for (Plan plan : plans) {
            List<String> tableNames = new ArrayList<>();
            if (plan.agent.options().tables() != null) {
                plan.agent.options().tables().forEach(t -> tableNames.add(t.name()));
            } else {
                tableNames.addAll(processorsByTable.keySet());
            }
            List<WindowedTable<?, ?>> windowed = new ArrayList<>();
            for (String t : tableNames) {
                Objects.requireNonNull(processorsByTable.get(t), "an agent's tables are the app's").add(plan.name);
                WindowedTable<?, ?> w = Objects.requireNonNull(app.tableNamed(t), "an agent's tables are the app's")
                        .windowedOrNull();
                if (w != null && w.expires() != null) { // without expires, Faust keeps every window
                    windowed.add(w);
                }
            }
            String sinkName = "sink:" + plan.name;
            Set<String> declared = new LinkedHashSet<>();
            app.topics().forEach(t -> declared.add(t.name()));
            app.globalTables().forEach(g -> declared.add(g.changelogTopic()));
            app.setTables().forEach(t -> declared.add(t.changelogTopic()));
            topology.addProcessor(plan.name, () -> new AgentProcessor(app, plan.agent, sinkName, plan.segments,
                    tableNames, windowed, declared, results), "source:" + plan.sourceTopic);
            // One sink per declared topic (and one that honours explicit partitions): static sinks keep Kafka
            // Streams on its fast path; the topic-extracting pair serves topics the app did not declare.
            topology.addSink(sinkName, TOPIC, KEY_BYTES, VALUE_BYTES, plan.name);
            topology.addSink(sinkName + AgentProcessor.PARTITIONED, TOPIC, KEY_BYTES, VALUE_BYTES, PARTITIONER,
                    plan.name);
            for (String topic : declared) {
                topology.addSink(sinkName + ":" + topic, topic, KEY_BYTES, VALUE_BYTES, plan.name);
                topology.addSink(sinkName + AgentProcessor.PARTITIONED + ":" + topic, topic, KEY_BYTES, VALUE_BYTES,
                        PARTITIONER, plan.name);
            }
        }
        for (GlobalTable<?, ?> g : app.globalTables()) {
            String store = g.name();
            topology.addGlobalStore(storeFor(app, g.table()).withLoggingDisabled(), "global-source:" + store,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer(), g.changelogTopic(),
                    "global:" + store, () -> new GlobalTableUpdater(store));
        }
        Leadership.addTo(app, topology);
        String[] agentProcessors = plans.stream().map(p -> p.name).toArray(String[]::new);
        for (SetTable<?, ?> t : app.setTables()) {
            if (t.isGlobal()) {
                SetTable<?, ?> global = t;
                topology.addGlobalStore(new SetStore.Builder(t.name(), t::replay, Map.of(), false),
                        "global-source:" + t.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                        t.changelogTopic(), "global:" + t.name(), () -> new SetTableUpdater(global));
            } else if (agentProcessors.length > 0) {
                // Every agent may change a set table (as every agent may use a table unless it lists its own).
                topology.addStateStore(new SetStore.Builder(t.name(), t::replay, SetTable.changelogConfigs(), true),
                        agentProcessors);
            }
        }
        processorsByTable.forEach((table, processors) -> {
            if (!processors.isEmpty()) {
                topology.addStateStore(storeFor(app, Objects.requireNonNull(app.tableNamed(table),
                        "a table of the app")), processors.toArray(new String[0]));
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void addSource(App app, Topology topology, Topic<?, ?> topic) {
        Schema<?, ?> s = topic.schema();
        topology.addSource("source:" + topic.name(),
                new DecodingDeserializer(app.serializers(), s.keyType(), s.keySerializer(), true, false),
                new DecodingDeserializer(app.serializers(), s.valueType(), s.valueSerializer(), false, s.allowEmpty()),
                topic.name());
    }

    private record Plan(Agent<?, ?> agent, String name, String sourceTopic, List<List<Op>> segments) {}

    static StoreBuilder<KeyValueStore<Bytes, byte[]>> storeFor(App app, Table<?, ?> table) {
        KeyValueBytesStoreSupplier supplier = app.settings().rocksdb()
                ? Stores.persistentKeyValueStore(table.name()) : Stores.inMemoryKeyValueStore(table.name());
        Map<String, String> changelog = new HashMap<>();
        WindowedTable<?, ?> w = table.windowedOrNull();
        if (w != null) {
            changelog.put("cleanup.policy", "compact,delete");
            if (w.expires() != null) { // Faust sets retention.ms only with expires (aiokafka.py:1548)
                changelog.put("retention.ms", Long.toString(w.expires().toMillis()));
            }
        }
        StoreBuilder<KeyValueStore<Bytes, byte[]>> b = Stores.keyValueStoreBuilder(supplier, Serdes.Bytes(),
                Serdes.ByteArray()).withLoggingEnabled(changelog);
        // Kafka Streams' record cache: a key updated many times between commits reaches the changelog (and the
        // store under it) once per commit, with its latest value and the wall-clock stamp of that write; reads see
        // the cache. The app's statestore.cache.max.bytes=0 writes every update, as Faust does.
        return recordCache(app) ? b.withCachingEnabled() : b.withCachingDisabled();
    }

    /**
     * Whether tables use Kafka Streams' record cache: unless the app's own settings say
     * {@code statestore.cache.max.bytes=0} (a worker's or driver's property of 0 leaves the cache in place with no
     * room, which writes every update too).
     */
    static boolean recordCache(App app) {
        Object bytes = app.settings().streamsProperties().get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
        if (bytes == null) {
            return true;
        }
        try {
            return Long.parseLong(bytes.toString().trim()) != 0;
        } catch (NumberFormatException e) {
            throw new ImproperlyConfigured("streams property " + StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG
                    + " is " + bytes + ": give a number of bytes (0 writes every table update to the changelog)");
        }
    }

    static final Serializer<OutgoingKey> KEY_BYTES = (topic, key) -> key == null ? null : key.bytes();
    static final TopicNameExtractor<OutgoingKey, byte[]> TOPIC = (key, value, context) -> key.topic();
    static final ByteArraySerializer VALUE_BYTES = new ByteArraySerializer();
    static final OutgoingPartitioner PARTITIONER = new OutgoingPartitioner();
}
