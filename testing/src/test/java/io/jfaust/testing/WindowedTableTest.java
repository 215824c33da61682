package io.jfaust.testing;

import static io.jfaust.testing.VectorFiles.bytes;
import static io.jfaust.testing.VectorFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.Window;
import io.jfaust.WindowRange;
import io.jfaust.WindowSet;
import io.jfaust.WindowedTable;
import io.jfaust.testing.TestModels.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class WindowedTableTest {
    private final App app = App.create("clapp", c -> c.topicPartitions(4));
    private final Topic<String, Reading> readings = app.topic("readings", String.class, Reading.class);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> offline(String prefix) {
        return VectorFiles.rows("faust_changelog.jsonl").stream()
                .filter(r -> "offline".equals(r.get("source")) && ((String) r.get("case")).startsWith(prefix))
                .toList();
    }

    @Test
    void windowMathIsFausts() {
        Window hop = Window.hopping(10, 5);
        assertThat(hop.ranges(12.7)).containsExactly(new WindowRange(5.0, 14.9), new WindowRange(10.0, 19.9));
        assertThat(hop.current(12.7)).isEqualTo(new WindowRange(10.0, 19.9));
        assertThat(hop.earliest(12.7)).isEqualTo(new WindowRange(5.0, 14.9));
        assertThat(hop.delta(12.7, 5)).isEqualTo(new WindowRange(5.0, 14.9));
        assertThat(Window.tumbling(60).ranges(1600000012.345))
                .containsExactly(new WindowRange(1599999960.0, 1600000019.9));
        for (Map<String, Object> r : offline("tumbling_10s_ts").stream().toList()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> w = (Map<String, Object>) r.get("window");
            @SuppressWarnings("unchecked")
            List<Double> range = (List<Double>) w.get("range");
            assertThat(Window.tumbling(10).ranges((Double) w.get("event_ts")))
                    .containsExactly(new WindowRange(range.get(0), range.get(1)));
        }
    }

    @Test
    void updatesEveryCoveringWindowUnderFaustsChangelogKeys() {
        WindowedTable<String, Long> tumbling = app.table("amount_tumbling", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofHours(1));
        WindowedTable<String, Long> hopping = app.table("amount_hopping", String.class, Long.class, () -> 0L)
                .hopping(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(10));
        app.agent("a", readings, s -> s.forEach(r -> {
            tumbling.update("alice", v -> v + 1234);
            hopping.update("alice", v -> v + 1234);
        }));
        FaustTestDriver.test(app, d -> {
            d.send(readings, "k", new Reading("s", 1, 0), 1700000003.5);
            d.send(readings, "k", new Reading("s", 1, 0), 1700000010.0);
            List<String> want = new ArrayList<>();
            offline("tumbling_10s_ts").forEach(r -> want.add(text(bytes(r, "key_b64")) + "=" + r.get("value_utf8")));
            assertThat(d.readRaw("clapp-amount_tumbling-changelog"))
                    .extracting(r -> text(r.key()) + "=" + text(r.value())).containsExactlyElementsOf(want);
            List<String> hopKeys = new ArrayList<>();
            offline("hopping_10s_step5_ts").forEach(r -> hopKeys.add(text(bytes(r, "key_b64"))));
            List<TestRecord<byte[], byte[]>> hopLog = d.readRaw("clapp-amount_hopping-changelog");
            assertThat(hopLog).extracting(r -> text(r.key())).containsExactlyElementsOf(hopKeys);
            assertThat(hopLog).extracting(r -> text(r.value())).as("1700000010.0 is past the first event's windows")
                    .containsOnly("1234");
        });
    }

    @Test
    void windowSetsReadByEventTimeFieldTimeNowAndDelta() {
        WindowedTable<String, Long> sums = app.table("sums", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(1));
        WindowedTable<String, Long> byField = sums.relativeToField((Reading r) -> r.at());
        List<String> seen = new ArrayList<>();
        app.agent("a", readings, s -> s.forEach(r -> {
            if (r.sensor().equals("write")) {
                sums.update("k", v -> v + (long) r.value());
            } else {
                WindowSet<String, Long> w = sums.get("k");
                seen.add(w.current() + "," + byField.get("k").value() + "," + w.delta(Duration.ofSeconds(10)) + ","
                        + w.now() + "," + byField.get("k").delta(Duration.ofSeconds(10)));
            }
        }));
        FaustTestDriver.test(app, d -> {
            d.send(readings, "k", new Reading("write", 5, 0), 100.0);
            d.send(readings, "k", new Reading("write", 7, 0), 112.0);
            d.send(readings, "k", new Reading("read", 0, 101.0), 113.0);
            assertThat(sums.get("k").at(105.0)).isEqualTo(5L);
            assertThat(sums.get("k").get(new WindowRange(110.0, 119.9))).isEqualTo(7L);
        });
        // current: window of 113 -> 7; value by field 101 -> 5; delta 10 s of event time 113 -> 103 -> 5;
        // now: latest time seen on the partition (112) -> 7; delta by field: 101 - 10 -> 91 -> 0 (Faust would say 5)
        assertThat(seen).containsExactly("7,5,5,7,0");
    }

    @Test
    void relativeToFieldTakesTheValuesClassWithAMethodReferenceOrALambda() {
        WindowedTable<String, Long> sums = app.table("sums", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(1));
        WindowedTable<String, Long> byReference = sums.relativeToField(Reading.class, Reading::at);
        WindowedTable<String, Long> byLambda = sums.relativeToField(Reading.class, r -> r.at());
        app.agent("a", readings, s -> s.forEach(r -> {
            byReference.update("reference", v -> v + 1);
            byLambda.update("lambda", v -> v + 2);
        }));
        FaustTestDriver.test(app, d -> {
            d.send(readings, "k", new Reading("s", 0, 101.0), 500.0);
            assertThat(sums.get("reference").at(105.0)).as("the window of the field's time").isEqualTo(1L);
            assertThat(sums.get("lambda").at(105.0)).isEqualTo(2L);
            assertThat(sums.get("reference").at(500.0)).as("not the event's time").isZero();
        });
    }

    @Test
    void relativeToFieldOfAnotherClassThanTheEventsValueSaysSo() {
        Topic<String, String> notes = app.topic("notes", String.class, String.class);
        WindowedTable<String, Long> sums = app.table("sums", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(1)).relativeToField(Reading.class, Reading::at);
        app.agent("a", notes, s -> s.forEach(n -> sums.update("k", v -> v + 1)));
        try (FaustTestDriver d = FaustTestDriver.failing(app)) {
            assertThatThrownBy(() -> d.send(notes, "k", "hello")).rootCause()
                    .hasMessageContaining("table sums").hasMessageContaining(Reading.class.getName())
                    .hasMessageContaining("java.lang.String");
        }
    }

    @Test
    void expiredWindowsLeaveTheStoreOnTheWallClock() {
        WindowedTable<String, Long> sums = app.table("sums", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofMinutes(1));
        app.agent("a", readings, s -> s.forEach(r -> sums.update("k", v -> v + 1)));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (FaustTestDriver d = FaustTestDriver.create(app, start)) {
            double t0 = start.getEpochSecond();
            d.send(readings, "k", new Reading("s", 1, 0), t0);
            assertThat(sums.get("k").at(t0)).isEqualTo(1L);
            d.readRaw("clapp-sums-changelog");
            d.advanceWallClock(Duration.ofSeconds(31));
            assertThat(sums.get("k").at(t0)).as("not expired yet").isEqualTo(1L);
            d.advanceWallClock(Duration.ofSeconds(60));
            assertThat(sums.get("k").at(t0)).as("expired, reads as the default").isZero();
            List<TestRecord<byte[], byte[]>> log = d.readRaw("clapp-sums-changelog");
            assertThat(log).hasSize(1);
            assertThat(log.get(0).value()).as("Kafka Streams deletes with a tombstone").isNull();
        }
    }


    @Test
    void aWindowedTableDeclaredInOneGoWritesWhatTheChainedFormWrites() {
        List<List<String>> changelogs = new ArrayList<>();
        for (boolean oneGo : new boolean[] {true, false}) {
            App a = App.create("clapp", c -> c.topicPartitions(4));
            Topic<String, Reading> in = a.topic("readings", String.class, Reading.class);
            WindowedTable<String, Long> sums = oneGo
                    ? a.windowedTable("sums", String.class, Long.class,
                            t -> t.defaultValue(() -> 0L).tumbling(Duration.ofSeconds(10), Duration.ofHours(1)))
                    : a.table("sums", String.class, Long.class, () -> 0L).tumbling(Duration.ofSeconds(10),
                            Duration.ofHours(1));
            a.agent("clapp.sum", in, s -> s.forEachItem((k, r) -> sums.update(k, v -> v + 1)),
                    o -> o.windowedTables(sums));
            List<String> out = new ArrayList<>();
            try (FaustTestDriver d = FaustTestDriver.create(a, Instant.ofEpochSecond(1_600_000_000))) {
                d.send(in, "alice", new Reading("alice", 1.0, 1_600_000_001.0), 1_600_000_001.0);
                d.send(in, "alice", new Reading("alice", 2.0, 1_600_000_003.0), 1_600_000_003.0);
                d.send(in, "alice", new Reading("alice", 3.0, 1_600_000_012.0), 1_600_000_012.0);
                d.readRaw("clapp-sums-changelog").forEach(r -> out.add(text(r.key()) + " " + text(r.value())));
                assertThat(d.call(() -> sums.get("alice").now())).as("the wall clock's window").isEqualTo(2L);
            }
            changelogs.add(out);
        }
        assertThat(changelogs.get(0)).hasSize(3).isEqualTo(changelogs.get(1));
        assertThat(changelogs.get(0).get(1)).isEqualTo("[\"alice\",[1600000000.0,1600000009.9]] 2");
    }
}
