package io.jfaust;

import java.time.Duration;
import java.util.Objects;

/**
 * A timer ({@code @app.timer(interval, on_leader=..., name=..., max_drift_correction=...)}): a function run every
 * {@code interval} on the wall clock while a runtime runs the app, the first time one interval after the app is
 * started and its tables recovered. Faust's drift correction is kept: each sleep is {@code interval} corrected by
 * how late or early the last wake-up was, by at most {@code maxDriftCorrection} (0.1 s), and a late or overlapping
 * timer is logged as mode logs it ({@code Timer <name> woke up too late, with a drift of +...}).
 *
 * <p><b>Who runs it.</b> A {@code Worker} (and an {@link App#attach attached} handle) runs every timer of the app
 * on one thread of its own, {@code jfaust-timers-<app_id>}, bound to the runtime: {@code topic.send} goes through
 * the runtime's producer (outside any transaction, even under exactly-once: at-least-once delivery),
 * {@code table.get}/{@code table.size()} read this instance's partitions. A {@code FaustTestDriver} runs them on
 * the test's thread as its wall clock is advanced. A timer that throws is logged and runs again next interval.
 *
 * <pre>{@code
 * app.timer(Duration.ofSeconds(10), () -> System.out.println("pages: " + counts.size()));
 * app.timer(Duration.ofMinutes(1), () -> report.send("k", "tick"), t -> t.onLeader(true));
 * }</pre>
 */
public final class Timer {
    private final Duration interval;
    private final Runnable body;
    private final Options options;

    Timer(Duration interval, Runnable body, Options options) {
        this.interval = interval;
        this.body = body;
        this.options = options;
    }

    /** The interval. */
    public Duration interval() {
        return interval;
    }

    /** The timer's name (for logs): {@code name(...)} or {@code timer-<n>}. */
    public String name() {
        return options.name;
    }

    Runnable body() {
        return body;
    }

    boolean onLeader() {
        return options.onLeader;
    }

    double maxDriftCorrectionSeconds() {
        return options.maxDriftCorrection.toNanos() / 1e9;
    }

    @Override
    public String toString() {
        return "Timer(" + options.name + ", every " + interval + (options.onLeader ? ", on leader" : "") + ")";
    }

    /**
     * Timer options, set in the lambda of {@link App#timer(Duration, Runnable, java.util.function.Consumer)}.
     *
     * <pre>{@code
     * app.timer(Duration.ofSeconds(5), fn, t -> t.onLeader(true).name("stats").maxDriftCorrection(Duration.ZERO));
     * }</pre>
     */
    public static final class Options {
        private boolean onLeader;
        private String name;
        private Duration maxDriftCorrection = Duration.ofMillis(100);

        Options(String defaultName) {
            this.name = defaultName;
        }

        /** Faust's {@code on_leader}: run only on the worker that is the app's leader (default false). */
        public Options onLeader(boolean onLeader) {
            this.onLeader = onLeader;
            return this;
        }

        /** Faust's {@code name}: the name in logs. */
        public Options name(String name) {
            if (name == null || name.isBlank()) {
                throw new ImproperlyConfigured("a timer's name must not be blank");
            }
            this.name = name;
            return this;
        }

        /** Faust's {@code max_drift_correction}: the most a sleep is shortened or lengthened (default 0.1 s). */
        public Options maxDriftCorrection(Duration max) {
            Objects.requireNonNull(max, "maxDriftCorrection");
            if (max.isNegative()) {
                throw new ImproperlyConfigured("max_drift_correction must not be negative, got " + max);
            }
            this.maxDriftCorrection = max;
            return this;
        }
    }
}
