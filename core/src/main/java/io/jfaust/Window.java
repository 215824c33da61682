package io.jfaust;

import java.util.ArrayList;
import java.util.List;

/**
 * Faust's hopping and tumbling window math, in float seconds exactly as {@code faust.windows.HoppingWindow}
 * computes it (including its integer stepping of window starts), so a windowed table's keys match Faust's.
 *
 * <pre>{@code
 * Window w = Window.hopping(10, 5);
 * w.ranges(12.7);    // [(5.0, 14.9), (10.0, 19.9)]
 * w.current(12.7);   // (10.0, 19.9)
 * }</pre>
 */
public final class Window {
    private final double size;
    private final double step;

    private Window(double size, double step) {
        if (!(size > 0) || !(step > 0)) {
            throw new ImproperlyConfigured("window size and step must be positive seconds, got size=" + size
                    + " step=" + step);
        }
        this.size = size;
        this.step = step;
    }

    /** Fixed-size, overlapping windows ({@code HoppingWindow(size, step)}). */
    public static Window hopping(double sizeSeconds, double stepSeconds) {
        return new Window(sizeSeconds, stepSeconds);
    }

    /** Fixed-size, gap-less windows ({@code TumblingWindow(size)} = hopping with step = size). */
    public static Window tumbling(double sizeSeconds) {
        return new Window(sizeSeconds, sizeSeconds);
    }

    /** The window size in seconds. */
    public double size() {
        return size;
    }

    /** The step in seconds. */
    public double step() {
        return step;
    }

    /** Every window that contains {@code timestamp}: the windows an update at that time changes. */
    public List<WindowRange> ranges(double timestamp) {
        double initial = startInitialRange(timestamp);
        List<WindowRange> out = new ArrayList<>(2);
        long first = (long) initial;
        long last = (long) timestamp;
        long stepInt = (long) step;
        if (stepInt <= 0) {
            throw new IllegalStateException("Faust steps windows by int(step); a step below 1 second cannot work");
        }
        for (long s = first; s <= last; s += stepInt) {
            out.add(WindowRange.fromStart((double) s, size));
        }
        return out;
    }

    /** The latest window containing {@code timestamp}. */
    public WindowRange current(double timestamp) {
        double start = startInitialRange(timestamp);
        double m = Math.floor((timestamp - start) / step);
        return WindowRange.fromStart(start + step * m, size);
    }

    /** The first window containing {@code timestamp}. */
    public WindowRange earliest(double timestamp) {
        return WindowRange.fromStart(startInitialRange(timestamp), size);
    }

    /** The current window {@code seconds} before {@code timestamp}. */
    public WindowRange delta(double timestamp, double seconds) {
        return current(timestamp - seconds);
    }

    /** Whether a window ending at {@code windowEnd} has expired when the clock reads {@code now}. */
    public boolean stale(double windowEnd, double now, double expires) {
        return windowEnd <= current(now - expires).start();
    }

    private double startInitialRange(double timestamp) {
        double closestStep = floorDiv(timestamp, step) * step;
        return closestStep - size + step;
    }

    /** Python's float {@code //} (CPython's {@code float_floor_div}), which Faust's window math relies on. */
    static double floorDiv(double vx, double wx) {
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0.0) {
            if ((wx < 0) != (mod < 0)) {
                div -= 1.0;
            }
        }
        if (div != 0.0) {
            double floorDiv = Math.floor(div);
            if (div - floorDiv > 0.5) {
                floorDiv += 1.0;
            }
            return floorDiv;
        }
        return Math.copySign(0.0, vx / wx);
    }

    @Override
    public String toString() {
        return size == step ? "TumblingWindow(" + size + ")" : "HoppingWindow(" + size + ", " + step + ")";
    }
}
