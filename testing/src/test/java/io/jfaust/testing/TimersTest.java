package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.ImproperlyConfigured;
import io.jfaust.Table;
import io.jfaust.Topic;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Timers, crontabs, tasks and leadership on the test driver, driven by its wall clock. */
class TimersTest {
    private static final Instant START = Instant.parse("2026-01-05T08:59:30Z");

    @Test
    void aTimerRunsEveryIntervalFromOneIntervalAfterStartAndCanSendAndReadTables() {
        App app = App.create("timers");
        Topic<String, String> words = app.topic("words", String.class, String.class);
        Topic<String, Long> sizes = app.topic("sizes", String.class, Long.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("timers.count", words, s -> s.forEachItem((k, v) -> counts.update(v, n -> n + 1)));
        List<Instant> runs = new ArrayList<>();
        List<FaustTestDriver> drivers = new ArrayList<>();
        app.timer(Duration.ofSeconds(10), () -> {
            runs.add(drivers.get(0).wallClock());
            sizes.send("len", (long) counts.size());                    // len(counts), sent by the runtime
        });
        try (FaustTestDriver d = FaustTestDriver.create(app, START)) {
            drivers.add(d);
            d.send(words, "k", "a");
            d.send(words, "k", "b");
            d.advanceWallClock(Duration.ofSeconds(9));
            assertThat(runs).isEmpty();
            d.advanceWallClock(Duration.ofSeconds(1));
            d.send(words, "k", "c");
            d.advanceWallClock(Duration.ofSeconds(25));
            assertThat(runs).containsExactly(START.plusSeconds(10), START.plusSeconds(20), START.plusSeconds(30));
            assertThat(d.read(sizes)).extracting(Event::value).containsExactly(2L, 3L, 3L);
        }
    }


    @Test
    void aCrontabRunsAtTheTimesItNamesInItsTimeZone() {
        App app = App.create("cron");
        List<Instant> utc = new ArrayList<>();
        List<Instant> oslo = new ArrayList<>();
        List<FaustTestDriver> drivers = new ArrayList<>();
        app.crontab("*/5 * * * *", () -> utc.add(drivers.get(0).wallClock()));
        app.crontab("0 10 * * *", () -> oslo.add(drivers.get(0).wallClock()),
                c -> c.timezone(ZoneId.of("Europe/Oslo")));
        try (FaustTestDriver d = FaustTestDriver.create(app, START)) {
            drivers.add(d);
            d.advanceWallClock(Duration.ofMinutes(10));
            assertThat(utc).containsExactly(Instant.parse("2026-01-05T09:00:00Z"),
                    Instant.parse("2026-01-05T09:05:00Z"));
            assertThat(oslo).containsExactly(Instant.parse("2026-01-05T09:00:00Z"));   // 10:00 in Oslo (UTC+1)
        }
    }

    @Test
    void aBadCronExpressionFailsWhenDeclared() {
        App app = App.create("cron");
        assertThatThrownBy(() -> app.crontab("*/5 * * *", () -> { }))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("*/5 * * *")
                .hasMessageContaining("minute hour day-of-month month day-of-week");
    }

    @Test
    void tasksRunOnceWhenTheRuntimeStartsAndTheDriverLeads() {
        App app = App.create("tasks");
        Topic<String, String> hello = app.topic("hello", String.class, String.class);
        List<String> ran = new ArrayList<>();
        app.task(() -> hello.send("k", "started"));
        app.task(() -> ran.add("leader"), t -> t.onLeader(true));
        app.timer(Duration.ofSeconds(1), () -> ran.add("tick"), t -> t.onLeader(true));
        try (FaustTestDriver d = FaustTestDriver.create(app, START)) {
            assertThat(d.read(hello)).extracting(Event::value).containsExactly("started");
            assertThat(d.isLeader()).isTrue();
            d.advanceWallClock(Duration.ofMillis(2500));
            assertThat(ran).containsExactly("leader", "tick", "tick");
        }
        assertThat(app.topics()).extracting(Topic::name).contains("tasks-__assignor-__leader");
        assertThat(app.topology().describe().toString()).contains("leader:tasks-__assignor-__leader");
    }

    @Test
    void isLeaderOnAnAppWithoutTimersSaysHowToElectOne() {
        App app = App.create("plain");
        Topic<String, String> in = app.topic("in", String.class, String.class);
        app.agent("plain.a", in, s -> s.forEach(v -> { }));
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThatThrownBy(d::isLeader).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("elects no leader").hasMessageContaining("onLeader(true)");
        }
        assertThat(app.topology().describe().toString()).doesNotContain("__assignor-__leader");
    }

    @Test
    void anErrorInATimerReachesTheTestAndTheTimerGoesOn() {
        App app = App.create("boom");
        List<Integer> runs = new ArrayList<>();
        app.timer(Duration.ofSeconds(1), () -> {
            runs.add(runs.size());
            if (runs.size() == 1) {
                throw new IllegalStateException("first run fails");
            }
        });
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThatThrownBy(() -> d.advanceWallClock(Duration.ofSeconds(1))).hasMessage("first run fails");
            d.advanceWallClock(Duration.ofSeconds(1));
            assertThat(runs).containsExactly(0, 1);
        }
    }

    @Test
    void timersAreDeclaredBeforeTheAppIsCompiled() {
        App app = App.create("late");
        app.topology();
        assertThatThrownBy(() -> app.timer(Duration.ofSeconds(1), () -> { }))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("cannot declare a timer");
        assertThatThrownBy(() -> App.create("x").timer(Duration.ZERO, () -> { }))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("positive interval");
    }
}
