package io.jfaust;

/**
 * A Faust window: {@code (start, end)} in float seconds, with {@code end = start + size - 0.1} as Faust computes it.
 * It is the second half of a windowed table's changelog key {@code [key,[start,end]]}.
 *
 * <pre>{@code
 * WindowRange w = Window.tumbling(10).current(1700000003.5);
 * w.start();   // 1.7E9
 * w.end();     // 1700000009.9
 * }</pre>
 */
public record WindowRange(double start, double end) {
    /** The window of {@code size} seconds starting at {@code start}. */
    public static WindowRange fromStart(double start, double size) {
        return new WindowRange(start, start + size - 0.1);
    }

    /** Python's {@code repr} of Faust's window tuple, as Faust prints it: {@code (1700000000.0, 1700000009.9)}. */
    @Override
    public String toString() {
        io.jfaust.serdes.FaustJson json = io.jfaust.serdes.FaustJson.of(io.jfaust.serdes.JsonFlavor.FAUST_STREAMING);
        return "(" + json.dumpsString(start) + ", " + json.dumpsString(end) + ")";
    }

    /** Whether {@code timestamp} (seconds) falls inside this window. */
    public boolean contains(double timestamp) {
        return timestamp >= start && timestamp <= end;
    }
}
