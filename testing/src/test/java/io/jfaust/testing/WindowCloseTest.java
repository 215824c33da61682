package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.ImproperlyConfigured;
import io.jfaust.Topic;
import io.jfaust.Window;
import io.jfaust.WindowedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** on_window_close on the test driver: wall-clock driven, once per window and key, with the final value. */
class WindowCloseTest {
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private final App app = App.create("close", c -> c.tableCleanupInterval(Duration.ofSeconds(1)));
    private final Topic<String, String> views = app.topic("views", String.class, String.class);
    private final Topic<String, String> alerts = app.topic("alerts", String.class, String.class);
    private final List<String> closed = new ArrayList<>();

    @Test
    void aWindowWithOneEventClosesOnTheWallClockOnceWithItsFinalValue() {
        WindowedTable<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .onWindowClose((page, window, n) -> {
                    closed.add(page + " " + window.start() + " " + n);
                    alerts.send(page, page + "=" + n);                    // through the task
                });
        app.agent("close.count", views, s -> s.forEach(p -> counts.update(p, n -> n + 1)));
        try (FaustTestDriver d = FaustTestDriver.create(app, T0.plusSeconds(5))) {
            double w0 = T0.getEpochSecond();
            d.send(views, "k", "home", T0.plusSeconds(1));
            d.send(views, "k", "home", T0.plusSeconds(2));
            d.send(views, "k", "about", T0.plusSeconds(3));
            d.send(views, "k", "home", T0.plusSeconds(11));
            // [0, 9.9] is stale when current(now - 10).start >= 9.9, i.e. from T0 + 20 s on the wall clock.
            d.advanceWallClock(Duration.ofSeconds(14));                   // T0 + 19
            assertThat(closed).isEmpty();
            d.advanceWallClock(Duration.ofSeconds(1));                    // T0 + 20: no later event needed
            assertThat(closed).containsExactlyInAnyOrder("home " + w0 + " 2", "about " + w0 + " 1");
            assertThat(d.read(alerts)).extracting(Event::value).containsExactlyInAnyOrder("home=2", "about=1");
            d.advanceWallClock(Duration.ofSeconds(30));
            assertThat(closed).hasSize(3).contains("home " + (w0 + 10) + " 1");
            assertThat(counts.keys()).isEmpty();
        }
    }

    @Test
    void everyHoppingWindowClosesOnceWithItsOwnFinalValue() {
        WindowedTable<String, Long> counts = app.table("hops", String.class, Long.class, () -> 0L)
                .hopping(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .onWindowClose((page, window, n) -> closed.add(window.start() - T0.getEpochSecond() + "=" + n));
        app.agent("close.hops", views, s -> s.forEach(p -> counts.update(p, n -> n + 1)));
        try (FaustTestDriver d = FaustTestDriver.create(app, T0)) {
            d.send(views, "k", "home", T0.plusSeconds(3));       // windows [-5, 4.9] and [0, 9.9]
            d.send(views, "k", "home", T0.plusSeconds(7));       // windows [0, 9.9] and [5, 14.9]
            d.advanceWallClock(Duration.ofMinutes(1));
            assertThat(closed).containsExactly("-5.0=1", "0.0=2", "5.0=1");
        }
    }

    @Test
    void aWindowPrintsAsFaustPrintsItsTuple() {
        assertThat(Window.tumbling(10).current(1700000003.5)).hasToString("(1700000000.0, 1700000009.9)");
    }

    @Test
    void aSecondCallbackOrOneAfterCompileIsRefused() {
        WindowedTable<String, Long> t = app.table("t", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofSeconds(10)).onWindowClose((k, w, v) -> { });
        assertThatThrownBy(() -> t.onWindowClose((k, w, v) -> { })).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("already has an on_window_close");
        App other = App.create("other");
        WindowedTable<String, Long> late = other.table("t", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofSeconds(10));
        other.topology();
        assertThatThrownBy(() -> late.onWindowClose((k, w, v) -> { })).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("already compiled");
    }
}
