package io.jfaust.worker.admin;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.GlobalTable;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.runtime.Engine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * The topics an app touches, each as Faust would create it: the topics its agents read (sources, and the internal
 * repartition and agent topics the worker creates), the topics it only writes (sinks), its tables' changelogs
 * ({@code compact}; windowed {@code compact,delete} with {@code retention.ms = expires}) and Faust's leader topic
 * ({@code <app_id>-__assignor-__leader}, one partition).
 */
public final class ExpectedTopics {
    /** What a topic is to the app. */
    public enum Role {
        SOURCE("source"), REPARTITION("repartition"), INTERNAL("agent topic"), SINK("sink"), CHANGELOG("changelog"),
        GLOBAL_CHANGELOG("global changelog"), LEADER("leader");

        public final String label;

        Role(String label) {
            this.label = label;
        }
    }

    /**
     * A topic as expected: its role; the partitions it must have (null: any); cleanup policy and retention it must
     * have (null: any); the tables it is the changelog of (null otherwise).
     */
    public record Expected(String name, Role role, @Nullable Integer partitions, @Nullable String cleanupPolicy,
                    @Nullable String retentionMs, @Nullable Table<?, ?> table) {}

    private final App app;
    private final Map<String, Topic<?, ?>> read = new LinkedHashMap<>();
    private final Map<Agent<?, ?>, Set<String>> readByAgent = new LinkedHashMap<>();

    public ExpectedTopics(App app) {
        this.app = app;
        for (Agent<?, ?> a : app.agents()) {
            Set<String> names = new LinkedHashSet<>();
            Engine.get().readBy(a).forEach(t -> add(names, t));
            readByAgent.put(a, names);
        }
    }

    private void add(Set<String> names, Topic<?, ?> t) {
        names.add(t.name());
        read.put(t.name(), t);
    }

    /** Faust's leader topic of an app. */
    public static String leaderTopic(App app) {
        return app.id() + "-__assignor-__leader";
    }

    /** The names of the topics the app's agents read (whose committed offsets matter). */
    public Set<String> read() {
        return read.keySet();
    }

    /** The partitions the app declares for a topic it creates, else null. */
    public @Nullable Integer declaredPartitions(Topic<?, ?> t) {
        if (!t.options().internal()) {
            return null;
        }
        return t.options().partitions() != null ? t.options().partitions() : app.settings().topicPartitions();
    }

    /**
     * Every topic, each once; a changelog's partitions are those of the sources of the agents sharing its store
     * (Kafka Streams runs one task per source partition and needs a changelog partition per task), found with
     * {@code partitionsOf} (0 when a topic is absent).
     */
    public List<Expected> all(ToIntFunction<String> partitionsOf) {
        List<Expected> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Topic<?, ?> t : read.values()) {
            Role role = !t.options().internal() ? Role.SOURCE
                    : t.name().endsWith("-repartition") ? Role.REPARTITION : Role.INTERNAL;
            out.add(topic(t, role));
            seen.add(t.name());
        }
        for (Topic<?, ?> t : app.topics()) {
            if (seen.add(t.name())) {
                out.add(topic(t, Role.SINK));
            }
        }
        for (Table<?, ?> table : app.tables()) {
            int tasks = tasksOf(table, partitionsOf);
            // the configs the worker creates the changelog with (windows without expires: no retention.ms)
            Map<String, String> configs = Engine.get().changelogConfigs(app, table);
            out.add(new Expected(table.changelogTopic(), Role.CHANGELOG, tasks > 0 ? tasks : null,
                    configs.get("cleanup.policy"), configs.get("retention.ms"), table));
        }
        for (GlobalTable<?, ?> g : app.globalTables()) {
            out.add(new Expected(g.changelogTopic(), Role.GLOBAL_CHANGELOG, null, "compact", null, Engine.get().tableOf(g)));
        }
        out.add(new Expected(leaderTopic(app), Role.LEADER, 1, null, null, null));
        return out;
    }

    private Expected topic(Topic<?, ?> t, Role role) {
        Map<String, String> configs = t.options().internal() ? t.options().topicConfigs() : Map.of();
        return new Expected(t.name(), role, declaredPartitions(t), configs.get("cleanup.policy"),
                configs.get("retention.ms"), null);
    }

    /** The most partitions among the topics read by the agents whose stores are joined to {@code table}'s. */
    private int tasksOf(Table<?, ?> table, ToIntFunction<String> partitionsOf) {
        Set<Table<?, ?>> tables = new HashSet<>(Set.of(table));
        Set<Agent<?, ?>> agents = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Agent<?, ?> a : app.agents()) {
                Set<Table<?, ?>> declared = Engine.get().tablesOf(a);
                Set<Table<?, ?>> uses = declared == null ? new HashSet<>(app.tables()) : declared;
                if (!agents.contains(a) && uses.stream().anyMatch(tables::contains)) {
                    agents.add(a);
                    tables.addAll(uses);
                    grew = true;
                }
            }
        }
        int max = 0;
        for (Agent<?, ?> a : agents) {
            for (String t : Objects.requireNonNull(readByAgent.get(a), "every agent's topics are known")) {
                int n = partitionsOf.applyAsInt(t);
                max = Math.max(max, n > 0 ? n : declaredOrZero(Objects.requireNonNull(read.get(t),
                        "every topic an agent reads is known")));
            }
        }
        return max;
    }

    private int declaredOrZero(Topic<?, ?> t) {
        Integer n = declaredPartitions(t);
        return n == null ? 0 : n;
    }
}
