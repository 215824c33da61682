package io.jfaust;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a table's keys live: the topics read by the agents that use it (their channels and the repartition and
 * through topics they read next). Kafka Streams keeps a table's partition {@code p} in the task of partition
 * {@code p} of those topics, so a key is found by partitioning it as the first agent's channel does.
 */
final class TableTopics {
    private TableTopics() {}

    /** The agents that may use {@code table} (every agent when it lists no tables). */
    static List<Agent<?, ?>> agentsUsing(App app, Table<?, ?> table) {
        List<Agent<?, ?>> out = new ArrayList<>();
        for (Agent<?, ?> a : app.agents()) {
            if (a.options().tables() == null || a.options().tables().contains(table)) {
                out.add(a);
            }
        }
        return out;
    }

    /** Every topic {@code agent} reads: its channel, then the topics its group_by/through steps send to. */
    static Set<Topic<?, ?>> readBy(Agent<?, ?> agent) {
        Set<Topic<?, ?>> out = new LinkedHashSet<>();
        out.add(agent.channel());
        for (List<Op> ops : agent.pipelines()) {
            for (Op op : ops) {
                if (op instanceof Op.GroupBy g) {
                    out.add(g.repartition());
                } else if (op instanceof Op.Through t) {
                    out.add(t.topic());
                }
            }
        }
        return out;
    }

    /** Every topic whose tasks hold partitions of {@code table}. */
    static Set<String> sourcesOf(App app, Table<?, ?> table) {
        Set<String> out = new LinkedHashSet<>();
        agentsUsing(app, table).forEach(a -> readBy(a).forEach(t -> out.add(t.name())));
        return out;
    }

    /** The topic whose key encoding and partitioning locate a key of {@code table}, or null when no agent uses it. */
    static @Nullable Topic<?, ?> routingTopic(App app, Table<?, ?> table) {
        List<Agent<?, ?>> agents = agentsUsing(app, table);
        return agents.isEmpty() ? null : agents.get(0).channel();
    }
}
