package io.jfaust;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mode's {@code Timer} (behind Faust's {@code app.timer}): how long to sleep before each run so that a timer does not
 * drift. Each sleep is the interval corrected by how much the last sleep over- or undershot, by at most
 * {@code max_drift_correction}; drift beyond 30% of the interval (at most 1.2 s) and runs longer than the interval
 * are logged with mode's messages. Times are float seconds on the runtime's clock.
 */
final class TimerDrift {
    private static final Logger LOG = LoggerFactory.getLogger(TimerDrift.class);
    private static final double MAX_DRIFT_PERCENT = 0.30;
    private static final double MAX_DRIFT_CEILING = 1.2;

    private final String name;
    private final double interval;
    private final double maxDrift;
    private final double minInterval;
    private final double maxInterval;
    private final double epoch;
    private double lastWakeupAt;
    private double lastYieldAt;
    private long iteration;

    TimerDrift(String name, double intervalSeconds, double maxDriftCorrection, double now) {
        this.name = name;
        this.interval = intervalSeconds;
        this.maxDrift = Math.min(intervalSeconds * MAX_DRIFT_PERCENT, MAX_DRIFT_CEILING);
        if (intervalSeconds > maxDriftCorrection) {
            this.minInterval = intervalSeconds - maxDriftCorrection;
            this.maxInterval = intervalSeconds + maxDriftCorrection;
        } else {
            this.minInterval = intervalSeconds;
            this.maxInterval = intervalSeconds;
        }
        this.epoch = now;
        this.lastWakeupAt = now;
        this.lastYieldAt = now;
    }

    /** The next sleep, in seconds ({@code Timer.tick}); call it when a run ends (and once before the first). */
    double tick(double now) {
        if (lastYieldAt == epoch) {
            lastWakeupAt = now;
            return interval;
        }
        double sleeping = lastYieldAt - lastWakeupAt;
        double yielding = now - lastWakeupAt - sleeping;
        double drift = interval - sleeping;
        double next = adjust(drift);
        if (interval >= 1.0 && Math.abs(drift) >= maxDrift) {
            if (drift < 0) {
                LOG.info("Timer {} woke up too late, with a drift of +{} runtime={} sleeptime={}", name,
                        Math.abs(drift), yielding, sleeping);
            } else {
                LOG.info("Timer {} woke up too early, with a drift of -{} runtime={} sleeptime={}", name,
                        Math.abs(drift), yielding, sleeping);
            }
        } else {
            LOG.debug("Timer {} woke up - iteration={} time_spent_sleeping={} drift={} new_interval={} "
                    + "since_epoch={}", name, iteration, sleeping, drift, next, now - epoch);
        }
        if (yielding > interval) {
            LOG.warn("Timer {} is overlapping (interval={} runtime={})", name, interval, yielding);
        }
        iteration++;
        lastWakeupAt = now;
        return next;
    }

    /** Marks the wake-up, before the run ({@code Timer.on_before_yield}). */
    void wokeUp(double now) {
        lastYieldAt = now;
    }

    private double adjust(double drift) {
        double withDrift = interval + drift;
        if (withDrift > interval) {
            return Math.min(withDrift, maxInterval);
        } else if (withDrift < interval) {
            return Math.max(withDrift, minInterval);
        }
        return interval;
    }
}
