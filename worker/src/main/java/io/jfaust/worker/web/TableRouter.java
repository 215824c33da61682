package io.jfaust.worker.web;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.runtime.Engine;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code app.router} on Kafka Streams' metadata: which worker (its web URL, {@code application.server})
 * holds a table key ({@code queryMetadataForKey}, the key partitioned as the table's first agent's channel
 * partitions it), which changelog partitions each worker holds, and this worker's assignment.
 */
public final class TableRouter {
    private final WebHost worker;
    private final App app;

    public TableRouter(WebHost worker) {
        this.worker = worker;
        this.app = worker.running().app();
    }

    public static String url(HostInfo host) {
        return "http://" + host.host() + ":" + host.port();
    }

    /** The worker holding {@code key} of {@code table}, or null while partitions are not assigned. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public @Nullable HostInfo owner(Table<?, ?> table, Object key) {
        KafkaStreams streams = worker.streams();
        if (streams == null) {
            return null;
        }
        Topic<?, ?> routing = Engine.get().routingTopic(app, table);
        if (routing == null) {
            return worker.hostInfo();   // no agent uses it: it has no partitions anywhere
        }
        byte[] keyBytes = ((io.jfaust.serdes.Schema) routing.schema()).dumpsKey(app.serializers(), key, null);
        KeyQueryMetadata md = streams.queryMetadataForKey(table.name(), keyBytes, (topic, bytes) -> bytes);
        if (md == null || md == KeyQueryMetadata.NOT_AVAILABLE || md.activeHost() == null
                || md.activeHost().equals(HostInfo.unavailable())) {
            return null;
        }
        return md.activeHost();
    }

    /** Faust's {@code tables_metadata()}: per worker URL, per changelog topic, its partitions there. */
    public Map<String, Map<String, java.util.List<Integer>>> metadata(Collection<Table<?, ?>> tables) {
        Map<String, Map<String, java.util.List<Integer>>> out = new TreeMap<>();
        KafkaStreams streams = worker.streams();
        if (streams == null) {
            return out;
        }
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
            Map<String, TreeSet<Integer>> topics = new TreeMap<>();
            for (Table<?, ?> t : tables) {
                if (isGlobalTable(app, t.name())) {
                    continue;
                }
                if (m.stateStoreNames().contains(t.name())) {
                    TreeSet<Integer> ps = topics.computeIfAbsent(t.changelogTopic(), k -> new TreeSet<>());
                    changelogPartitions(t, m.topicPartitions(), ps);
                }
            }
            out.put(url(m.hostInfo()), WebViews.grouped(topics));
        }
        return out;
    }

    /** Faust's {@code /assignment/}: this worker's active and standby partitions (sources and changelogs). */
    public Map<String, Map<String, java.util.List<Integer>>> assignment() {
        Map<String, TreeSet<Integer>> actives = new TreeMap<>();
        Map<String, TreeSet<Integer>> standbys = new TreeMap<>();
        KafkaStreams streams = worker.streams();
        if (streams != null) {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                for (TaskMetadata task : thread.activeTasks()) {
                    for (TopicPartition tp : task.topicPartitions()) {
                        actives.computeIfAbsent(tp.topic(), k -> new TreeSet<>()).add(tp.partition());
                    }
                    addChangelogs(task.topicPartitions(), actives);
                }
                for (TaskMetadata task : thread.standbyTasks()) {
                    addChangelogs(task.topicPartitions(), standbys);
                }
            }
        }
        Map<String, Map<String, java.util.List<Integer>>> out = new java.util.LinkedHashMap<>();
        out.put("actives", WebViews.grouped(actives));
        out.put("standbys", WebViews.grouped(standbys));
        return out;
    }

    private void addChangelogs(Set<TopicPartition> tps, Map<String, TreeSet<Integer>> into) {
        for (Table<?, ?> t : app.tables()) {
            TreeSet<Integer> ps = new TreeSet<>();
            changelogPartitions(t, tps, ps);
            if (!ps.isEmpty()) {
                into.computeIfAbsent(t.changelogTopic(), k -> new TreeSet<>()).addAll(ps);
            }
        }
    }

    /** The partitions of {@code table}'s changelog that go with the source partitions {@code tps}. */
    private void changelogPartitions(Table<?, ?> table, Collection<TopicPartition> tps, Set<Integer> into) {
        Set<String> sources = Engine.get().tableSources(app, table);
        for (TopicPartition tp : tps) {
            if (sources.contains(tp.topic())) {
                into.add(tp.partition());
            }
        }
    }

    /** Whether {@code name} is a global table of {@code app} (every worker holds all of it: no routing). */
    static boolean isGlobalTable(App app, String name) {
        return app.globalTables().stream().anyMatch(g -> g.name().equals(name));
    }
}
