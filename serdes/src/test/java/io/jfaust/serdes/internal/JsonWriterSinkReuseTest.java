package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.serdes.JsonFlavor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writer reuses one sink per thread: each result is its own array, whatever was written before or beside it. */
class JsonWriterSinkReuseTest {
    private final JsonWriter w = new JsonWriter(JsonFlavor.values()[0]);

    private String text(Object v) {
        return new String(w.write(v), StandardCharsets.UTF_8);
    }

    @Test
    void aResultIsNotChangedByTheNextWrite() {
        byte[] first = w.write("alice");
        byte[] second = w.write("bob");
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("\"alice\"");
        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo("\"bob\"");
    }

    @Test
    void aLargeDocumentThenASmallOneAreBothWhole() {
        String big = "x".repeat(100_000);
        assertThat(text(List.of(big))).hasSize(100_004).startsWith("[\"x").endsWith("x\"]");
        assertThat(text(Map.of("k", 1))).isEqualTo(text(Map.of("k", 1))).contains("\"k\"");
        assertThat(text("y")).isEqualTo("\"y\"");
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheNextOneWhole() {
        List<Object> circular = new java.util.ArrayList<>();
        circular.add("start");
        circular.add(circular);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.write(circular))
                .isInstanceOf(io.jfaust.serdes.CodecException.class).hasMessageContaining("nested deeper");
        assertThat(text(List.of("after"))).isEqualTo("[\"after\"]");
    }

    @Test
    void writesOnOtherThreadsDoNotMix() throws Exception {
        String[] seen = new String[4];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int i = t;
            threads[t] = new Thread(() -> {
                String mine = "thread-" + i;
                String last = null;
                for (int n = 0; n < 10_000; n++) {
                    last = text(List.of(mine, n));
                    if (!last.equals("[\"" + mine + "\"," + n + "]") && !last.equals("[\"" + mine + "\", " + n + "]")) {
                        break;
                    }
                }
                seen[i] = last;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int i = 0; i < seen.length; i++) {
            assertThat(seen[i]).matches("\\[\"thread-" + i + "\", ?9999]");
        }
    }
}
