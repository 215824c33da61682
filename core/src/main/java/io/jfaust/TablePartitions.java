package io.jfaust;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A table's own partition count (Faust's {@code app.Table(name, partitions=7)}). Faust creates the changelog with that
 * count (fs:faust/tables/base.py:515-546) and, at the table's first write from a stream, raises
 * {@code PartitionsMismatch} when the event's topic has another count (base.py:326-351): a table partition is the
 * source partition. Kafka Streams fixes that by construction, giving a store's changelog the partition count of the
 * topics its processors read. So jfaust checks the same rule earlier:
 * <ul>
 *   <li>when the app is built ({@link #check}): every agent that may use the table (all agents, unless they name
 *       their tables with {@code o -> o.tables(...)}) reads only topics declared with that count
 *       ({@code t -> t.partitions(n)}; internal topics the app creates have {@code topic_partitions});</li>
 *   <li>when a worker starts ({@link TopicDeclarer}): those topics have that count on the broker, and the
 *       changelog exists with it or is created with it and the table's changelog configs. A global table with its
 *       own count gets its changelog created (or checked) the same way.</li>
 * </ul>
 */
final class TablePartitions {
    private TablePartitions() {}

    /** Fails when an agent that may use a table with its own partition count reads a topic of another count. */
    static void check(App app) {
        for (Table<?, ?> table : app.tables()) {
            Integer n = table.partitions;
            if (n == null) {
                continue;
            }
            for (Agent<?, ?> agent : TableTopics.agentsUsing(app, table)) {
                for (Topic<?, ?> topic : TableTopics.readBy(agent)) {
                    Integer declared = declaredPartitions(app, topic);
                    if (declared == null) {
                        throw new ImproperlyConfigured("table " + table.name() + " has partitions=" + n + " and agent "
                                + agent.name() + " may use it, but the partition count of topic " + topic.name()
                                + ", which the agent reads, is not declared: declare it (t -> t.partitions(" + n
                                + ")) so the worker checks it, or keep the agent off the table (o -> o.tables(...))");
                    }
                    if (declared.intValue() != n) {
                        throw new ImproperlyConfigured("table " + table.name() + " has partitions=" + n + " but agent "
                                + agent.name() + ", which may use it, reads topic " + topic.name() + " with "
                                + declared + " partitions: a table partition is the partition of the event that "
                                + "writes it (Faust raises PartitionsMismatch at the first write; Kafka Streams gives "
                                + "the changelog the count of the topics read), so give the topic " + n
                                + " partitions, or the table " + declared + ", or keep the agent off the table "
                                + "(o -> o.tables(...))");
                    }
                }
            }
        }
    }

    /** The changelog configs Kafka Streams would give the table's store (Faust's cleanup policy and retention). */
    static Map<String, String> changelogConfigs(App app, Table<?, ?> table) {
        Map<String, String> configs = new HashMap<>(TopologyCompiler.storeFor(app, table)
                .logConfig());
        configs.putIfAbsent("cleanup.policy", "compact");
        return configs;
    }

    private static @Nullable Integer declaredPartitions(App app, Topic<?, ?> topic) {
        if (topic.options().partitions() != null) {
            return topic.options().partitions();
        }
        return topic.options().internal() ? app.settings().topicPartitions() : null;
    }
}
