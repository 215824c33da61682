package io.jfaust.worker.cli;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.runtime.ClientConfigs;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.KafkaErrors;
import io.jfaust.worker.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code reset}: Kafka Streams' application reset for the app, so that its next worker processes every input from
 * the start: the consumer group's committed offsets are deleted, the app's internal topics (table changelogs and
 * repartition topics, not agents' own topics, which hold input) are deleted, and the local table state (what
 * Faust's {@code reset} deletes) is removed: the directory {@link Worker#stateDirectory()} names for a worker given
 * the same {@code --datadir}. Every worker must be stopped first; nothing is done without {@code --yes}, and nothing
 * either when the app keeps its tables on disk (RocksDB) but that directory is not there (exit 2), since a worker
 * restarted on its old local state would count on top of it.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Reset the app: delete its committed offsets, internal topics and local table state.")
public final class ResetVerb implements Callable<Integer> {
    private final App app;

    @Spec
    CommandSpec spec;

    @Option(names = "--yes", description = "Do it (without it, only say what would be deleted).")
    boolean yes;

    @Mixin
    BrokerOption broker = new BrokerOption();

    @Option(names = {"-D", "--datadir"}, description = "The --datadir the app's workers were given (default: the "
            + "app's datadir setting, as for a worker).")
    @Nullable String datadir;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for Kafka (default: 30).")
    int timeout;

    public ResetVerb(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        Engine.get().freeze(app);
        PrintWriter out = spec.commandLine().getOut();
        List<String> internal = internalTopics();
        @Nullable Path state = stateDirectory();
        if (!yes) {
            out.println("This deletes the committed offsets of consumer group " + app.id() + " (every input is read "
                    + "again from the start), the topics " + internal + " and " + (state == null ? "no local table "
                    + "state (" + inMemory() + ")" : "the local table state in " + state + (Files.isDirectory(state)
                    ? "" : " (not there: with --yes, reset refuses until given the worker's --datadir)")) + ". Stop "
                    + "every worker of the app, then run again with --yes.");
            out.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (state != null && !Files.isDirectory(state)) {
            throw new WorkerException(notFound(state), CommandLine.ExitCode.USAGE, null);
        }
        Map<String, Object> props = ClientConfigs.of(app, broker.urls).admin();
        long ms = Duration.ofSeconds(timeout).toMillis();
        try (Admin admin = Admin.create(props)) {
            deleteGroup(admin, ms, out);
            Set<String> existing = admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS);
            List<String> delete = internal.stream().filter(existing::contains).toList();
            if (!delete.isEmpty()) {
                admin.deleteTopics(delete).all().get(ms, TimeUnit.MILLISECONDS);
                awaitGone(admin, delete, ms);
                delete.forEach(t -> out.println("Deleted topic " + t));
            }
        }
        if (state == null) {
            out.println("No local table state to remove (" + inMemory() + ").");
        } else {
            for (Table<?, ?> t : app.tables()) {
                out.println("Removing database for table " + t.name() + "...");
            }
            deleteTree(state);
            out.println("Removed " + state);
        }
        out.println("Reset app " + app.id() + ": its next worker processes every input from the start.");
        out.flush();
        return 0;
    }

    /** Where a worker given the same {@code --datadir} keeps its tables: the worker's own rule, not a copy of it. */
    private @Nullable Path stateDirectory() {
        try (Worker worker = Worker.create(app, o -> {
            o.banner(false).preflight(false);
            if (datadir != null) {
                o.datadir(datadir);
            }
        })) {
            return worker.stateDirectory();
        }
    }

    private String inMemory() {
        return app.settings().rocksdb() ? "the app has no tables" : "its tables live in memory, store memory://";
    }

    private String notFound(Path state) {
        String given = datadir != null ? "--datadir " + datadir
                : "no --datadir: where a worker started without one keeps them";
        return "No table state of app " + app.id() + " in " + state + " (" + given + "): nothing was reset. Its "
                + "tables live in RocksDB, in <datadir>/" + app.id() + " of each machine that ran a worker; run "
                + "reset there with the --datadir the worker was given, else the next worker counts on top of the "
                + "old state. With several machines, stop every worker, then run reset on each (the broker part is "
                + "done once; later runs find nothing left to delete there).";
    }

    /** Table changelogs and repartition topics: what Kafka Streams' reset tool deletes. */
    private List<String> internalTopics() {
        List<String> out = new ArrayList<>();
        app.tables().forEach(t -> out.add(t.changelogTopic()));
        for (Agent<?, ?> a : app.agents()) {
            for (Topic<?, ?> t : Engine.get().readBy(a)) {
                if (t != a.channel() && t.options().internal() && !out.contains(t.name())) {
                    out.add(t.name());
                }
            }
        }
        return out;
    }

    private void deleteGroup(Admin admin, long ms, PrintWriter out) throws Exception {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(app.id())).all()
                    .get(ms, TimeUnit.MILLISECONDS).get(app.id());
            if (d != null && !d.members().isEmpty()) {
                throw new WorkerException("Consumer group " + app.id() + " has " + d.members().size() + " active "
                        + "member(s): stop every worker of the app before resetting it.", WorkerException.FAILED, null);
            }
            admin.deleteConsumerGroups(List.of(app.id())).all().get(ms, TimeUnit.MILLISECONDS);
            out.println("Deleted the committed offsets of consumer group " + app.id());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupNotEmptyException) {
                throw new WorkerException("Consumer group " + app.id() + " is not empty: stop every worker of the app "
                        + "before resetting it.", WorkerException.FAILED, e);
            }
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw new WorkerException("Cannot reset consumer group " + app.id() + ": " + KafkaErrors.rootMessage(e),
                        WorkerException.FAILED, e);
            }
        }
    }

    private static void awaitGone(Admin admin, List<String> topics, long ms) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (System.nanoTime() < deadline) {
            Set<String> left = new HashSet<>(admin.listTopics().names().get(ms, TimeUnit.MILLISECONDS));
            left.retainAll(topics);
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
