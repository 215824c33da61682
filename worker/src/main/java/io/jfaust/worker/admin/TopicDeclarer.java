package io.jfaust.worker.admin;

import io.jfaust.App;
import io.jfaust.GlobalTable;
import io.jfaust.SetTable;
import io.jfaust.Settings;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.KafkaErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faust's topic declaration ({@code Topic.maybe_declare}, {@code topic_allow_declare}): every topic the app declares
 * (sources, sinks, agents' own topics, repartition topics, the dead-letter topic) and every table's changelog is
 * created when missing, with the declared partitions (else {@code topic_partitions}), replicas and configs; an
 * existing topic is never altered, but one whose partition count (where the app fixes it) or
 * {@code cleanup.policy} conflicts with the declaration stops the worker with a message saying what to fix. With
 * {@code topicAllowDeclare(false)} nothing is created, and a missing topic the app reads stops the worker.
 */
public final class TopicDeclarer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicDeclarer.class);

    private final Admin admin;
    private final App app;
    private final Duration timeout;

    /** A topic as the app wants it; {@code strict}: an existing topic must have exactly these partitions. */
    public record Wanted(String name, int partitions, short replicas, Map<String, String> configs, boolean strict,
                  String why) {}

    public TopicDeclarer(Admin admin, App app, Duration timeout) {
        this.admin = admin;
        this.app = app;
        this.timeout = timeout;
    }

    /**
     * Every topic the app declares, as it wants it: declared topics, the dead-letter topic, table changelogs (with
     * the partitions of the topics their agents read: {@code partitions} gives those that exist, the others count
     * as declared) and global tables' changelogs.
     */
    public static Map<String, Wanted> wanted(App app, Map<String, Integer> partitions) {
        Settings s = app.settings();
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Topic<?, ?> t : app.topics()) {
            Topic.Options o = t.options();
            int n = o.partitions() != null ? o.partitions() : s.topicPartitions();
            short replicas = o.replicas() != null ? o.replicas().shortValue() : s.topicReplicationFactor();
            wanted.put(t.name(), new Wanted(t.name(), n, replicas, o.topicConfigs(),
                    o.partitions() != null || o.internal(),
                    o.partitions() != null ? "partitions=" + o.partitions() : "topic_partitions"));
        }
        // The dead letter topic is created by DeadLetterTopic, with a message size that fits the inputs'.
        for (Table<?, ?> t : app.tables()) {
            int n = 0;
            for (String source : Engine.get().tableSources(app, t)) {
                Wanted from = Objects.requireNonNull(wanted.get(source), "a table's sources are topics of the app");
                n = Math.max(n, partitions.getOrDefault(source, from.partitions()));
            }
            if (n == 0) {
                continue;   // no agent uses it: Kafka Streams builds no store for it
            }
            // A table's own partitions= (checked against its agents' topics when the app was built) wins.
            Integer declared = Engine.get().declaredPartitions(t);
            String why = declared != null ? "partitions=" + declared : "the partitions of the topics its "
                    + "agents read";
            wanted.put(t.changelogTopic(), new Wanted(t.changelogTopic(), declared != null ? declared : n,
                    s.topicReplicationFactor(), Engine.get().changelogConfigs(app, t), true, why));
        }
        for (SetTable<?, ?> t : app.setTables()) {
            if (t.isGlobal()) {   // a global store reads an existing topic: the worker creates it, as Faust does
                wanted.putIfAbsent(t.changelogTopic(), new Wanted(t.changelogTopic(), s.topicPartitions(),
                        s.topicReplicationFactor(), Engine.get().setTableChangelogConfigs(), false, "topic_partitions"));
            }
        }
        for (GlobalTable<?, ?> g : app.globalTables()) {
            Integer own = Engine.get().declaredPartitions(Engine.get().tableOf(g));
            wanted.putIfAbsent(g.changelogTopic(), new Wanted(g.changelogTopic(), own != null ? own
                    : s.topicPartitions(), s.topicReplicationFactor(), Map.of("cleanup.policy", "compact"),
                    own != null, own != null ? "partitions=" + own : "topic_partitions"));
        }
        return wanted;
    }

    /** Checks every declared topic and creates the missing ones (unless declaring is off). */
    public void declare() throws InterruptedException, TimeoutException {
        Settings s = app.settings();
        Set<String> reads = new LinkedHashSet<>();
        app.agents().forEach(a -> Engine.get().readBy(a).forEach(t -> reads.add(t.name())));
        Set<String> declared = new LinkedHashSet<>();
        app.topics().forEach(t -> declared.add(t.name()));
        Map<String, TopicDescription> existing = describe(declared);
        Map<String, Integer> partitions = new HashMap<>();
        existing.forEach((name, d) -> partitions.put(name, d.partitions().size()));
        Map<String, Wanted> wanted = wanted(app, partitions);
        existing.putAll(describe(missing(wanted.keySet(), existing.keySet())));
        checkExisting(wanted, existing);
        List<Wanted> toCreate = new ArrayList<>();
        for (Wanted w : wanted.values()) {
            if (existing.containsKey(w.name)) {
                continue;
            }
            if (!s.topicAllowDeclare()) {
                if (reads.contains(w.name)) {
                    throw new WorkerException("Topic " + w.name + " does not exist and topic_allow_declare is off: "
                            + "the app reads it. Create it (kafka-topics --create --topic " + w.name + " --partitions "
                            + w.partitions + ") or let the app declare topics.", WorkerException.TOPIC_MISMATCH, null);
                }
                LOG.warn("topic {} does not exist and topic_allow_declare is off: sends to it will wait for it", w.name);
                continue;
            }
            toCreate.add(w);
        }
        create(toCreate);
    }

    private static Set<String> missing(Set<String> all, Set<String> known) {
        Set<String> out = new LinkedHashSet<>(all);
        out.removeAll(known);
        return out;
    }

    /** Creates the topics in one request (one round trip), each topic's result checked on its own. */
    private void create(List<Wanted> topics) throws InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics.stream()
                .map(w -> new NewTopic(w.name, w.partitions, w.replicas).configs(w.configs)).toList()).values();
        for (Wanted w : topics) {
            try {
                Objects.requireNonNull(results.get(w.name), "the broker answers for every topic asked")
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created topic {} ({} partitions, replicas {}, configs {})", w.name, w.partitions,
                        w.replicas, w.configs);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new WorkerException("Cannot create topic " + w.name + ": " + KafkaErrors.rootMessage(e)
                            + ". Create it yourself, or turn declaring off (conf.topicAllowDeclare(false)).",
                            WorkerException.TOPIC_MISMATCH, e);
                }
            }
        }
        awaitVisible(topics.stream().map(w -> w.name).toList());
    }

    /**
     * Waits until the broker lists the topics just created: a create is answered once the controller has it, and a
     * listing right after (the preflight's, Kafka Streams') may not show it yet.
     */
    private void awaitVisible(List<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            try {
                if (admin.listTopics().names().get(leftMs, TimeUnit.MILLISECONDS).containsAll(names)) {
                    return;
                }
            } catch (ExecutionException e) {
                throw KafkaErrors.classify("Cannot list topics: " + KafkaErrors.rootMessage(e), e);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new WorkerException("Created topics " + names + " but the broker did not list them within "
                        + timeout.toSeconds() + " s. Check the broker's logs, or create them yourself.",
                        WorkerException.TOPIC_MISMATCH, null);
            }
            Thread.sleep(20);
        }
    }

    private void checkExisting(Map<String, Wanted> wanted, Map<String, TopicDescription> existing)
            throws InterruptedException, TimeoutException {
        List<ConfigResource> withPolicy = new ArrayList<>();
        for (Wanted w : wanted.values()) {
            TopicDescription d = existing.get(w.name);
            if (d == null) {
                continue;
            }
            if (w.strict && d.partitions().size() != w.partitions) {
                throw new WorkerException("Topic " + w.name + " has " + d.partitions().size() + " partitions but the "
                        + "app declares " + w.partitions + " (" + w.why + "): Faust's assignor and Kafka Streams both "
                        + "need them to match. Recreate the topic or change the setting.",
                        WorkerException.TOPIC_MISMATCH, null);
            }
            if (w.configs.containsKey("cleanup.policy")) {
                withPolicy.add(new ConfigResource(ConfigResource.Type.TOPIC, w.name));
            }
        }
        if (withPolicy.isEmpty()) {
            return;
        }
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(withPolicy).all(), "describe configs");
        for (ConfigResource r : withPolicy) {
            ConfigEntry entry = Objects.requireNonNull(configs.get(r), "the broker describes every topic asked")
                    .get("cleanup.policy");
            String have = entry == null || entry.value() == null ? "delete" : entry.value();
            Wanted w = Objects.requireNonNull(wanted.get(r.name()), "withPolicy holds wanted topics");
            String want = Objects.requireNonNull(w.configs.get("cleanup.policy"),
                    "withPolicy holds the topics that want a cleanup.policy");
            if (!policies(have).equals(policies(want))) {
                throw new WorkerException("Topic " + r.name() + " has cleanup.policy=" + have + " but the app declares "
                        + want + (want.contains("compact") ? " (a table's changelog must be compacted, or "
                        + "recovery loses keys)" : "") + ". Fix the topic (kafka-configs --alter --entity-type topics "
                        + "--entity-name " + r.name() + " --add-config cleanup.policy=[" + want + "]) or recreate it.",
                        WorkerException.TOPIC_MISMATCH, null);
            }
        }
    }

    private static Set<String> policies(String value) {
        Set<String> out = new TreeSet<>();
        for (String p : value.split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    /** The descriptions of the topics of {@code names} that exist. */
    private Map<String, TopicDescription> describe(Set<String> names) throws InterruptedException, TimeoutException {
        Map<String, TopicDescription> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e
                : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw KafkaErrors.classify("Cannot describe topic " + e.getKey() + ": "
                            + KafkaErrors.rootMessage(ex), ex);
                }
            }
        }
        return out;
    }

    private <T> T get(KafkaFuture<T> future, String what) throws InterruptedException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw KafkaErrors.classify("Cannot " + what + ": " + KafkaErrors.rootMessage(e),
                    e);
        }
    }
}
