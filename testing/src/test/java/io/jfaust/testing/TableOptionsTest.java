package io.jfaust.testing;

import static io.jfaust.testing.VectorFiles.bytes;
import static io.jfaust.testing.VectorFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ImproperlyConfigured;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.testing.TestModels.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Faust's table options on Kafka Streams: {@code partitions=} and windowed tables without {@code expires}. */
class TableOptionsTest {
    private final App app = App.create("clapp", c -> c.topicPartitions(4));

    @Test
    void aTableWithItsOwnPartitionCountRunsOnTopicsOfThatCount() {
        Topic<String, Reading> readings = app.topic("readings", String.class, Reading.class, t -> t.partitions(7));
        Table<String, Long> counts = app.table("purchase_counts", String.class, Long.class,
                t -> t.defaultValue(() -> 0L).partitions(7));
        app.agent("a", readings, s -> s.forEach(r -> counts.update("alice", n -> n + 3)));
        FaustTestDriver.test(app, d -> {
            d.send(readings, "k", new Reading("s", 1, 0));
            assertThat(counts.get("alice")).isEqualTo(3L);
            Map<String, Object> faust = VectorFiles.rows("faust_changelog.jsonl").stream()
                    .filter(r -> "plain_str_int".equals(r.get("case"))).findFirst().orElseThrow();
            List<TestRecord<byte[], byte[]>> log = d.readRaw("clapp-purchase_counts-changelog");
            assertThat(log).extracting(r -> text(r.key()) + "=" + text(r.value()))
                    .containsExactly(text(bytes(faust, "key_b64")) + "=" + faust.get("value_utf8"));
        });
    }

    @Test
    void aTableWhosePartitionCountTheAgentsTopicsDoNotHaveFailsWhenTheAppIsBuilt() {
        Topic<String, Reading> readings = app.topic("readings", String.class, Reading.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, t -> t.partitions(7));
        app.agent("a", readings, s -> s.forEach(r -> counts.update("k", n -> n == null ? 1 : n + 1)));
        assertThatThrownBy(() -> FaustTestDriver.test(app, d -> { }))
                .isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("table counts has partitions=7")
                .hasMessageContaining("topic readings");
    }

    @Test
    void windowsWithoutExpiresAreNeverDropped() {
        Topic<String, Reading> readings = app.topic("readings", String.class, Reading.class);
        WindowedTable<String, Long> forever = app.table("amount_tumbling", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10));
        WindowedTable<String, Long> expiring = app.table("expiring", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofMinutes(1));
        app.agent("a", readings, s -> s.forEach(r -> {
            forever.update("alice", v -> v + 1234);
            expiring.update("alice", v -> v + 1);
        }));
        Instant start = Instant.ofEpochSecond(1700000000);
        try (FaustTestDriver d = FaustTestDriver.create(app, start)) {
            d.send(readings, "k", new Reading("s", 1, 0), 1700000003.5);
            Map<String, Object> faust = VectorFiles.rows("faust_changelog.jsonl").stream()
                    .filter(r -> "offline".equals(r.get("source")) && "amount_tumbling".equals(r.get("table")))
                    .findFirst().orElseThrow();
            assertThat(d.readRaw("clapp-amount_tumbling-changelog")).extracting(r -> text(r.key()))
                    .containsExactly(text(bytes(faust, "key_b64")));
            d.advanceWallClock(Duration.ofDays(30));
            assertThat(expiring.get("alice").at(1700000003.5)).as("expired after a minute").isZero();
            assertThat(forever.get("alice").at(1700000003.5)).as("kept: no expires").isEqualTo(1234L);
            assertThat(d.readRaw("clapp-amount_tumbling-changelog")).as("no tombstone without expires").isEmpty();
        }
    }
}
