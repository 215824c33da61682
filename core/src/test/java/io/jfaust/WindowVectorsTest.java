package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The window cases of the serializer vector file ({@code faust_vectors.jsonl}, or {@code -Dfaust.vectors}), which
 * serdes' {@code FaustVectorsTest} lists as not run there: an api case whose outcome is a list of
 * {@code (start, end)} pairs is {@code Window.ranges(t)}. The file records no input, so the window and the times
 * are read from the outcome: size = end - start + 0.1 (Faust's {@code end = start + size - 0.1}), step = the gap
 * between starts (the size when there is one window), and every time inside all the listed windows (their
 * latest start, the middle, their earliest end) must give exactly those windows.
 */
class WindowVectorsTest {
    private static final String SHARED = "../serdes/src/test/resources/faust-vectors/faust_vectors.jsonl";

    @Test
    @SuppressWarnings("unchecked")
    void windowRangesOfTheVectorFile() throws IOException {
        String path = System.getProperty("faust.vectors", SHARED);
        int run = 0;
        for (String line : Files.readString(Path.of(path), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> c = (Map<String, Object>) FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(line);
            if (!"api".equals(c.get("kind")) || !(c.get("result") instanceof List<?> result) || result.isEmpty()
                    || !result.stream().allMatch(x -> x instanceof Map<?, ?> m && m.get("$tuple") instanceof List<?>)) {
                continue;
            }
            List<WindowRange> want = new ArrayList<>();
            for (Object x : result) {
                List<Number> pair = (List<Number>) ((Map<String, Object>) x).get("$tuple");
                want.add(new WindowRange(pair.get(0).doubleValue(), pair.get(1).doubleValue()));
            }
            double size = Math.round((want.get(0).end() - want.get(0).start() + 0.1) * 1e6) / 1e6;
            double step = want.size() > 1 ? want.get(1).start() - want.get(0).start() : size;
            Window w = Window.hopping(size, step);
            double latestStart = want.get(want.size() - 1).start();
            double earliestEnd = want.get(0).end();
            for (double t : new double[] {latestStart, (latestStart + earliestEnd) / 2, earliestEnd}) {
                assertThat(w.ranges(t)).as("%s at %s", c.get("case"), t).isEqualTo(want);
            }
            run++;
        }
        System.out.println("faust vectors (window cases, core): " + run + " of " + run + " passed");
        assertThat(run).as("window cases in %s", path).isPositive();
    }
}
