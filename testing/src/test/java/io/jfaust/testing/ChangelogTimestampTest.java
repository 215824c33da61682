package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Changelog records carry the wall clock of the write, as Faust stamps them, not the event's timestamp. */
class ChangelogTimestampTest {
    private static final Instant WALL = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant EVENT = Instant.parse("2023-11-14T22:13:23Z");

    @Test
    void tableWritesDeletesAndWindowsAreStampedWithTheWallClock() {
        App app = App.create("stamps", c -> c.topicPartitions(1));
        Topic<String, String> cmds = app.topic("cmds", String.class, String.class, t -> t.valueSerializer("raw"));
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        WindowedTable<String, Long> sums = app.table("sums", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(3650));
        app.agent("stamps.count", cmds, s -> s.forEach(cmd -> {
            if (cmd.equals("delete")) {
                counts.delete("alice");
            } else {
                counts.update("alice", n -> n + 1);
                sums.update("alice", n -> n + 1);
            }
        }));
        try (FaustTestDriver driver = FaustTestDriver.create(app, WALL)) {
            driver.send(cmds, "k", "count", EVENT);
            driver.advanceWallClock(Duration.ofSeconds(5));
            driver.send(cmds, "k", "delete", EVENT);

            List<TestRecord<byte[], byte[]>> plain = driver.readRaw("stamps-counts-changelog");
            assertThat(plain).extracting(TestRecord::getRecordTime)
                    .containsExactly(WALL, WALL.plusSeconds(5));
            assertThat(plain.get(1).value()).as("the delete is a tombstone").isNull();
            assertThat(driver.readRaw("stamps-sums-changelog")).extracting(TestRecord::getRecordTime)
                    .containsExactly(WALL);
        }
    }

    @Test
    void aWriteFromAWallClockPunctuationIsStampedWithTheWallClockToo() {
        App app = App.create("batches", c -> c.topicPartitions(1));
        Topic<String, String> cmds = app.topic("cmds", String.class, String.class, t -> t.valueSerializer("raw"));
        Table<String, Long> sizes = app.table("sizes", String.class, Long.class, () -> 0L);
        // a batch of one record is flushed by the take's punctuation once 'within' has passed on the wall clock
        app.agent("batches.size", cmds, s -> s.take(10, Duration.ofSeconds(5))
                .forEach(batch -> sizes.update("last", n -> (long) batch.size())));
        try (FaustTestDriver driver = FaustTestDriver.create(app, WALL)) {
            driver.send(cmds, "k", "one", EVENT);
            assertThat(driver.readRaw("batches-sizes-changelog")).isEmpty();
            driver.advanceWallClock(Duration.ofSeconds(6));
            assertThat(driver.readRaw("batches-sizes-changelog")).extracting(TestRecord::getRecordTime)
                    .containsExactly(WALL.plusSeconds(6));
        }
    }
}
