package io.jfaust;

import io.jfaust.runtime.AppServices;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an app's tasks, timers and crontabs for one runtime, in time order on one clock. A worker (or attached
 * handle) gives it a thread of its own that waits for Kafka Streams to reach {@code RUNNING} (tables recovered),
 * then sleeps until each run is due; a test driver calls {@link #runDue} as its wall clock moves. Every run binds
 * the runtime to the running thread, so {@code topic.send} and {@code table.get} in it use that runtime.
 */
final class ServiceRunner implements AppServices {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRunner.class);

    private final RunningApp runtime;
    private final LongSupplier clockMs;
    private final boolean rethrow;
    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            Comparator.comparingLong(Due::atMs).thenComparingLong(Due::seq));
    private long seq;
    private boolean started;
    private volatile boolean closed;
    private @Nullable Thread thread;

    private record Due(long atMs, long seq, Runnable action) {}

    /**
     * @param clockMs the clock runs are scheduled on, in milliseconds
     * @param rethrow whether an error in a run reaches the caller of {@link #runDue} (test drivers) or is logged
     */
    ServiceRunner(RunningApp runtime, LongSupplier clockMs, boolean rethrow) {
        this.runtime = runtime;
        this.clockMs = clockMs;
        this.rethrow = rethrow;
    }

    /** A monotonic clock in milliseconds, as mode's timers use {@code perf_counter}. */
    static long monotonicMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    /** Schedules every task now, every timer one interval from now, every crontab at its next time. */
    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Services services = runtime.app().services();
        long now = clockMs.getAsLong();
        for (AppTask task : services.tasks()) {
            schedule(now, () -> runBody("task", task.body(), task.onLeader()));
        }
        for (Timer timer : services.timers()) {
            TimerDrift drift = new TimerDrift(timer.name(), timer.interval().toNanos() / 1e9,
                    timer.maxDriftCorrectionSeconds(), now / 1000.0);
            schedule(now + toMs(drift.tick(now / 1000.0)), () -> runTimer(timer, drift));
        }
        for (Crontab crontab : services.crontabs()) {
            scheduleCrontab(crontab, Instant.ofEpochMilli(runtime.wallClockMs()));
        }
    }

    private void runTimer(Timer timer, TimerDrift drift) {
        drift.wokeUp(clockMs.getAsLong() / 1000.0);
        try {
            runBody("Timer " + timer.name(), timer.body(), timer.onLeader());
        } finally {
            long now = clockMs.getAsLong();
            schedule(now + toMs(drift.tick(now / 1000.0)), () -> runTimer(timer, drift));
        }
    }

    /** Faust sleeps {@code secs_for_next} and runs; never twice for one time, even on an early wake-up. */
    private void scheduleCrontab(Crontab crontab, Instant notBefore) {
        long wall = runtime.wallClockMs();
        Instant after = Instant.ofEpochMilli(Math.max(wall, notBefore.toEpochMilli()));
        Instant next = crontab.nextAfter(after);
        schedule(clockMs.getAsLong() + Math.max(0, next.toEpochMilli() - wall), () -> {
            try {
                runBody("crontab " + crontab.expression(), crontab.body(), crontab.onLeader());
            } finally {
                scheduleCrontab(crontab, next);
            }
        });
    }

    private void runBody(String what, Runnable body, boolean onLeader) {
        if (closed) {
            return;
        }
        try {
            runtime.run(() -> {
                if (!onLeader || runtime.isLeader()) {
                    body.run();
                }
            });
        } catch (RuntimeException e) {
            if (rethrow) {
                throw e;
            }
            LOG.error("{} of app {} raised {}", what, runtime.app().id(), e.toString(), e);
        }
    }

    private synchronized void schedule(long atMs, Runnable action) {
        queue.add(new Due(atMs, seq++, action));
        notifyAll();
    }

    private static long toMs(double seconds) {
        return Math.max(1, Math.round(seconds * 1000.0));
    }

    /** When the next run is due, or {@code Long.MAX_VALUE} when none is. */
    @Override
    public synchronized long nextDueMs() {
        Due next = queue.peek();
        return next == null ? Long.MAX_VALUE : next.atMs;
    }

    /** Runs, in time order, everything due at or before {@code nowMs} (and what those runs schedule by then). */
    @Override
    public void runDue(long nowMs) {
        while (!closed) {
            Due due;
            synchronized (this) {
                due = queue.peek();
                if (due == null || due.atMs > nowMs) {
                    return;
                }
                queue.poll();
            }
            due.action.run();
        }
    }

    /** Starts the runtime's timer thread: it waits until {@code ready} (Kafka Streams running), then runs. */
    @Override
    public synchronized void startThread(BooleanSupplier ready) {
        thread = new Thread(() -> loop(ready), "jfaust-timers-" + runtime.app().id());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(BooleanSupplier ready) {
        try {
            while (!closed && !ready.getAsBoolean()) {
                Thread.sleep(50);
            }
            if (closed) {
                return;
            }
            start();
            while (!closed) {
                long now = clockMs.getAsLong();
                synchronized (this) {
                    long wait = nextDueMs() - now;
                    if (wait > 0) {
                        wait(Math.min(wait, 1000));
                        continue;
                    }
                }
                runDue(now);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops: no run starts after this; a run in progress may finish (up to 10 s, then it is interrupted). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            queue.clear();
            notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
