package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ImproperlyConfigured;
import io.jfaust.SetTable;
import io.jfaust.SetTableManager;
import io.jfaust.Topic;
import io.jfaust.serdes.DataType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Faust's SetTable changelog (spec §6.2; faust/tables/sets.py, objects.py; mode's ManagedUserSet): key
 * {@code [op,key]} with op 1 add, 2 discard, 15 update; value the member, or {@code [added, removed]}.
 */
class SetTableTest {
    private final App app = App.create("sets");
    private final Topic<String, String> commands = app.topic("commands", String.class, String.class);
    private final SetTable<String, String> members = app.setTable("members", String.class, String.class,
            t -> t.startManager(true));
    private final List<Set<String>> seen = new ArrayList<>();

    SetTableTest() {
        // "add:x", "discard:x", "update:a,b", "diff:a", "inter:b", "sym:b,c", "clear"
        app.agent("sets.apply", commands, s -> s.forEachItem((k, cmd) -> {
            String[] parts = cmd.split(":", 2);
            List<String> args = parts.length > 1 ? List.of(parts[1].split(",")) : List.of();
            switch (parts[0]) {
                case "add" -> members.add(k, args.get(0));
                case "discard" -> members.discard(k, args.get(0));
                case "update" -> members.update(k, args);
                case "diff" -> members.differenceUpdate(k, args);
                case "inter" -> members.intersectionUpdate(k, args);
                case "sym" -> members.symmetricDifferenceUpdate(k, args);
                case "clear" -> members.clear(k);
                default -> throw new IllegalArgumentException(cmd);
            }
            seen.add(members.get(k));
        }), o -> o.tables());
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> changelog(FaustTestDriver d) {
        List<String> out = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : d.readRaw("sets-members-changelog")) {
            out.add(text(r.key()) + " " + text(r.value()));
        }
        return out;
    }

    @Test
    void everyOperationIsWrittenAsFaustWritesIt() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            for (String cmd : List.of("add:member", "add:member", "discard:member", "discard:member", "update:a,b",
                    "diff:a,z", "inter:b,c", "sym:b,c", "clear")) {
                d.send(commands, "k", cmd);
            }
            assertThat(changelog(d)).containsExactly(
                    "[1,\"k\"] \"member\"",                 // the spec's verified bytes
                    "[2,\"k\"] \"member\"",                 // a second add and a second discard write nothing
                    "[15,\"k\"] [[\"a\",\"b\"],[]]",
                    "[15,\"k\"] [[],[\"a\"]]",
                    "[15,\"k\"] [[],[]]",                   // intersection with b,c keeps b: nothing removed
                    "[15,\"k\"] [[\"c\"],[\"b\"]]",
                    "[15,\"k\"] [[],[\"c\"]]");             // clear, written (Faust's clear writes nothing)
            assertThat(seen.get(0)).containsExactly("member");
            assertThat(seen.get(4)).containsExactly("a", "b");
            assertThat(seen.get(7)).containsExactly("c");
            assertThat(seen.get(8)).isEmpty();
        }
    }


    @Test
    void theManagerSendsFaustsOperationRecordsAndItsAgentAppliesThem() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            members.manager().add("k", "x");                     // outside agents: through this thread's driver
            members.manager().differenceUpdate("k", List.of("x"));
            // A Faust worker's operation, bytes as Faust writes them.
            d.sendRaw("members-setmanager", "k".getBytes(), ("{\"action\": \"SYMDIFF\", \"members\": [\"y\"], "
                    + "\"__faust\": {\"ns\": \"@SetManagerOperation\"}}").getBytes(), 0,
                    new org.apache.kafka.common.header.internals.RecordHeaders());
            assertThat(changelog(d)).containsExactly("[15,\"k\"] [[\"x\"],[]]", "[15,\"k\"] [[],[\"x\"]]",
                    "[15,\"k\"] [[\"y\"],[]]");
            assertThat(members.manager().topicName()).isEqualTo("members-setmanager");
        }
    }

    @Test
    void aGlobalSetTableIsFedFromItsChangelogOnEveryInstance() {
        App g = App.create("gsets");
        Topic<String, String> in = g.topic("in", String.class, String.class);
        SetTable<String, String> everyone = g.setGlobalTable("everyone", String.class, String.class);
        List<Set<String>> reads = new ArrayList<>();
        g.agent("gsets.add", in, s -> s.forEachItem((k, v) -> {
            reads.add(everyone.get(k));        // what the global store held before this event
            everyone.add(k, v);
        }));
        try (FaustTestDriver d = FaustTestDriver.create(g)) {
            d.send(in, "k", "a");
            d.send(in, "k", "b");
            d.send(in, "k", "a");                // already there (read back from the changelog): nothing written
            List<String> log = new ArrayList<>();
            d.readRaw("gsets-everyone-changelog").forEach(r -> log.add(text(r.key()) + " " + text(r.value())));
            assertThat(log).containsExactly("[1,\"k\"] \"a\"", "[1,\"k\"] \"b\"");
            assertThat(reads.get(2)).containsExactlyInAnyOrder("a", "b");
            assertThat(everyone.isGlobal()).isTrue();
        }
    }

    @Test
    void changesOutsideAgentsAreRefusedAndAManagerlessTableSaysSo() {
        App other = App.create("other");
        SetTable<String, String> plain = other.setTable("plain", String.class, String.class);
        assertThatThrownBy(plain::manager).hasMessageContaining("start_manager=False");
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThatThrownBy(() -> members.add("k", "x")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot modify table key from outside of stream iteration");
        }
        App badKeys = App.create("bad");
        assertThatThrownBy(() -> badKeys.setTable("s", Long.class, String.class, t -> t.startManager(true)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("keyed by str");
    }

    @Test
    void aTakeBatchFlushedByTheClockWritesASetTableInItsLastEventsPartition() {
        App a = App.create("sets");
        Topic<String, String> in = a.topic("adds", String.class, String.class);
        SetTable<String, String> seen = a.setTable("members", String.class, String.class);
        a.agent("sets.batch", in, s -> s.take(10, Duration.ofSeconds(1)).forEach(batch -> seen.update("k",
                batch.stream().map(String::valueOf).toList())));
        try (FaustTestDriver d = FaustTestDriver.create(a)) {
            d.send(in, "k", "x");
            d.advanceWallClock(Duration.ofSeconds(2));     // the batch of one is flushed by the clock
            assertThat(changelog(d)).containsExactly("[15,\"k\"] [[\"x\"],[]]");
        }
    }
}
