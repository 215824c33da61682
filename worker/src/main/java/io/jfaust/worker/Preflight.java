package io.jfaust.worker;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.WorkerException;
import io.jfaust.runtime.KafkaErrors;
import io.jfaust.worker.admin.ClusterSnapshot.Group;
import io.jfaust.worker.admin.ClusterSnapshot.Member;
import io.jfaust.worker.admin.ClusterSnapshot.TopicState;
import io.jfaust.worker.admin.ClusterSnapshot;
import io.jfaust.worker.admin.ExpectedTopics.Expected;
import io.jfaust.worker.admin.ExpectedTopics.Role;
import io.jfaust.worker.admin.ExpectedTopics;
import io.jfaust.worker.admin.ForeignMembers;
import io.jfaust.worker.text.CliTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The takeover check (the {@code preflight} verb, also run by every worker before it starts): what the app declares
 * against what the cluster holds, read with Kafka's Admin client only — nothing is created, altered or committed.
 * It checks every source, sink, changelog, repartition and leader topic (exists, partition count, cleanup policy and
 * retention as Faust would create them), the consumer group (state, members and their assignor protocol) and the
 * group's committed offsets against each partition's end (the lag), and ends in a go or no-go with an exit code:
 * {@code 0} go (warnings may be listed), {@code 4} a topic does not fit, {@code 6} members of another protocol
 * (Faust's {@code faust}) are in the group; a broker that cannot be reached throws a {@link WorkerException}
 * with exit code {@code 3}.
 *
 * <pre>{@code
 * Preflight check = Worker.create(app, w -> w.broker("kafka://localhost:9092")).preflight();
 * System.out.println(check.report());
 * System.exit(check.exitCode());
 * }</pre>
 */
public final class Preflight {
    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    private final List<String> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Member> foreign = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private int exitCode;
    private boolean topicsFit;
    private Group group = Group.NONE;

    private Preflight() {}

    /** Whether a worker can start: nothing found would lose or redo work or stop Kafka Streams. */
    public boolean go() {
        return exitCode == 0;
    }

    /** {@code 0} go, {@code 4} a topic does not fit (first), {@code 6} foreign members in the group. */
    public int exitCode() {
        return exitCode;
    }

    /** Why it is a no-go, one sentence each, saying what to do (empty when it is a go). */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** What to look at, without stopping a worker (committed offsets missing, sinks absent, ...). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The printed check: Faust-style tables of topics, group and offsets, the notes, and the verdict line. */
    public String report() {
        return report.toString();
    }

    /** The members of another protocol found in the group. */
    List<Member> foreignMembers() {
        return List.copyOf(foreign);
    }

    /**
     * Reads the cluster the worker properties {@code props} point at and checks {@code app} against it.
     *
     * @throws WorkerException with exit code 3 when the broker does not answer within {@code timeout}
     */
    static Preflight check(App app, Properties props, Duration timeout) {
        try (Admin admin = ClusterSnapshot.admin(props, timeout)) {
            return check(app, props, admin, timeout);
        }
    }

    /** The check through {@code admin} (a worker's start shares its own). */
    static Preflight check(App app, Properties props, Admin admin, Duration timeout) {
        ExpectedTopics expected = new ExpectedTopics(app);
        List<String> names = new ArrayList<>(expected.read());
        app.topics().forEach(t -> names.add(t.name()));
        app.tables().forEach(t -> names.add(t.changelogTopic()));
        app.globalTables().forEach(t -> names.add(t.changelogTopic()));
        names.add(ExpectedTopics.leaderTopic(app));
        String servers = props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        ClusterSnapshot snapshot;
        try {
            snapshot = ClusterSnapshot.read(admin, app.id(), names, timeout);
        } catch (ExecutionException | TimeoutException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw KafkaErrors.classify("Cannot reach a Kafka broker at " + servers + " within "
                    + timeout.toSeconds() + " s (" + root + "). Start one, or pass --broker kafka://host:port.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while reading the cluster", WorkerException.FAILED, e);
        }
        Preflight p = new Preflight();
        p.topics(app, expected, snapshot);
        p.topicsFit = p.problems.isEmpty();
        p.group = snapshot.group;
        p.group(app, snapshot.group);
        p.offsets(app, expected, snapshot);
        p.verdict(app, servers);
        return p;
    }

    /**
     * The check a worker runs before it starts: logs the report, fails when a topic does not fit (exit 4), waits
     * up to {@code foreignMemberTimeout} for members of another protocol to leave (exit 6 when they stay).
     */
    static void beforeStart(App app, Properties props, Admin admin, Duration timeout,
                            Duration foreignMemberTimeout) {
        Preflight p = check(app, props, admin, timeout);
        LOG.info("preflight of app {}:\n{}", app.id(), p.report());
        p.warnings.forEach(w -> LOG.warn("preflight: {}", w));
        if (!p.topicsFit) {
            throw new WorkerException(String.join(" ", p.problems), WorkerException.TOPIC_MISMATCH, null);
        }
        if (!p.foreign.isEmpty()) {
            ForeignMembers.await(app, admin, p.group, foreignMemberTimeout, timeout);
        }
    }

    private void topics(App app, ExpectedTopics expected, ClusterSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        boolean committed = !s.committed.isEmpty();
        for (Expected e : expected.all(t -> s.topics.containsKey(t) ? s.topics.get(t).partitions() : 0)) {
            TopicState found = s.topics.get(e.name());
            String verdict = found == null ? absent(app, e, committed) : present(e, found);
            rows.add(List.of(e.role().label, e.name(), found == null ? "-" : cell(found.partitions(), e.partitions()),
                    found == null ? "-" : cell(found.cleanupPolicy(), e.cleanupPolicy()),
                    found == null ? "-" : cell(found.retentionMs(), e.retentionMs()), verdict));
        }
        report.append(CliTable.render("Topics", List.of("role", "topic", "partitions", "cleanup.policy",
                "retention.ms", "verdict"), rows, false)).append('\n');
    }

    private static String cell(Object found, @Nullable Object want) {
        return want == null || String.valueOf(found).equals(String.valueOf(want)) || samePolicy(found, want)
                ? String.valueOf(found) : found + " (want " + want + ")";
    }

    private static boolean samePolicy(Object found, Object want) {
        return new TreeSet<>(Arrays.asList(String.valueOf(found).split(",")))
                .equals(new TreeSet<>(Arrays.asList(String.valueOf(want).split(","))));
    }

    private String absent(App app, Expected e, boolean groupCommitted) {
        switch (e.role()) {
            case SOURCE -> problems.add("topic " + e.name() + " does not exist: the app reads it. Create it "
                    + "(kafka-topics --create --topic " + e.name() + ") or declare it internal.");
            case SINK -> warnings.add("topic " + e.name() + " does not exist: the broker creates it on the first send "
                    + "when auto.create.topics.enable is on (with its num.partitions), else sends to it fail.");
            case CHANGELOG, GLOBAL_CHANGELOG -> {
                if (groupCommitted) {
                    Table<?, ?> table = Objects.requireNonNull(e.table(), "a changelog's table");
                    warnings.add("changelog " + e.name() + " does not exist but group " + app.id() + " has "
                            + "committed offsets: table " + table.name() + " starts empty (is the table named "
                            + "as in the Faust app?).");
                }
                return "absent: Kafka Streams creates it";
            }
            case LEADER -> {
                return "absent: Faust creates it (1 partition)";
            }
            default -> {
                return "absent: the worker creates it";
            }
        }
        return e.role() == Role.SOURCE ? "NO-GO" : "warn";
    }

    private String present(Expected e, TopicState found) {
        List<String> wrong = new ArrayList<>();
        if (e.partitions() != null && found.partitions() != e.partitions()) {
            wrong.add(e.role() == Role.LEADER
                    ? "leader topic " + e.name() + " has " + found.partitions() + " partitions; Faust creates it with "
                    + "1 and elects the owner of partition 0"
                    : e.role().label + " " + e.name() + " has " + found.partitions() + " partitions but the app "
                    + (e.table() != null ? "needs " + e.partitions() + " (one per task: the partitions of the topics "
                    + "its agents read); Kafka Streams refuses to start" : "declares " + e.partitions()
                    + " (topic_partitions)") + ". Recreate the topic or change the declaration.");
        }
        if (e.cleanupPolicy() != null && !samePolicy(found.cleanupPolicy(), e.cleanupPolicy())) {
            wrong.add(e.name() + " has cleanup.policy=" + found.cleanupPolicy() + " but Faust creates it "
                    + e.cleanupPolicy() + ": the broker would delete or keep the wrong records. Fix it with "
                    + "kafka-configs --alter --entity-type topics --entity-name " + e.name() + " --add-config "
                    + "cleanup.policy=[" + e.cleanupPolicy() + "].");
        }
        if (e.retentionMs() != null && !e.retentionMs().equals(found.retentionMs())) {
            wrong.add(e.name() + " has retention.ms=" + found.retentionMs() + " but the app declares "
                    + e.retentionMs() + (e.table() != null ? " (the expires of table " + e.table().name() + "; Faust "
                    + "creates it with retention.ms = expires): declare the Python app's expires, or alter the topic."
                    : "."));
        }
        if (wrong.isEmpty()) {
            return "ok";
        }
        if (e.role() == Role.LEADER) {
            warnings.addAll(wrong);
            return "warn";
        }
        problems.addAll(wrong);
        return "NO-GO";
    }

    private void group(App app, Group g) {
        if (ForeignMembers.in(g)) {
            foreign.addAll(g.members());
        }
        String verdict = g.members().isEmpty() ? "ok" : foreign.isEmpty() ? "ok: joins its jfaust workers" : "NO-GO";
        report.append(CliTable.render("Group", List.of("group", "state", "type", "protocol", "members", "verdict"),
                List.of(List.of(app.id(), g.state(), g.type(), g.protocol().isEmpty() ? "-" : g.protocol(),
                        Integer.toString(g.members().size()), verdict)), false)).append('\n');
        if (!g.members().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            g.members().forEach(m -> rows.add(List.of(m.id(), m.clientId(), m.host(),
                    g.protocol().isEmpty() ? "(rebalancing)" : g.protocol(), Integer.toString(m.partitions()))));
            report.append(CliTable.render("Members", List.of("member", "client.id", "host", "protocol",
                    "partitions"), rows, false)).append('\n');
        }
        if (!foreign.isEmpty()) {
            problems.add(ForeignMembers.describe(app.id(), g));
        }
    }

    private void offsets(App app, ExpectedTopics expected, ClusterSnapshot s) {
        List<List<String>> rows = new ArrayList<>();
        for (String topic : expected.read()) {
            TopicState t = s.topics.get(topic);
            if (t == null) {
                continue;
            }
            t.end().forEach((p, end) -> {
                long start = t.start().getOrDefault(p, 0L);
                Long c = s.committed.get(new TopicPartition(topic, p));
                String verdict = "ok";
                if (c == null && end > start) {
                    verdict = "warn";
                    warnings.add(topic + ":" + p + " has no committed offset: the worker reads it from "
                            + "auto.offset.reset (Kafka Streams: earliest), " + (end - start) + " records; if Faust "
                            + "processed them, they are processed again.");
                } else if (c != null && c < start) {
                    verdict = "warn";
                    warnings.add(topic + ":" + p + " is committed at " + c + " but its records before " + start
                            + " were deleted by retention: they cannot be processed.");
                } else if (c != null && c > end) {
                    verdict = "warn";
                    warnings.add(topic + ":" + p + " is committed at " + c + ", past its end " + end
                            + ": the consumer resets it (auto.offset.reset).");
                }
                long lag = c == null ? end - start : Math.max(0, end - Math.max(c, start));
                rows.add(List.of(topic, Integer.toString(p), c == null ? "-" : Long.toString(c), Long.toString(end),
                        Long.toString(lag), verdict));
            });
        }
        Set<String> strays = new TreeSet<>();
        s.committed.keySet().forEach(tp -> {
            if (!expected.read().contains(tp.topic())) {
                strays.add(tp.topic());
            }
        });
        strays.forEach(t -> warnings.add("group " + app.id() + " has committed offsets on " + t + ", which this app "
                + "does not read: is an agent of the Faust app missing from the port?"));
        report.append(CliTable.render("Offsets", List.of("topic", "partition", "committed", "end", "lag",
                "verdict"), rows, false)).append('\n');
    }

    private void verdict(App app, String servers) {
        exitCode = !topicsFit ? WorkerException.TOPIC_MISMATCH
                : !foreign.isEmpty() ? WorkerException.FOREIGN_MEMBERS : 0;
        problems.forEach(p -> report.append("NO-GO: ").append(p).append('\n'));
        warnings.forEach(w -> report.append("warn: ").append(w).append('\n'));
        report.append(go() ? "GO: app " + app.id() + " can start on " + servers + " (exit 0)"
                : "NO-GO: app " + app.id() + " must not start on " + servers + " (exit " + exitCode + ")");
    }
}
