package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyFloatTest {
    private static final JsonWriter JSON = new JsonWriter(io.jfaust.serdes.JsonFlavor.FAUST_STREAMING);

    @Test
    void matchesCPythonReprForTwelveThousandDoubles() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int n = 0;
        int fast = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/python/float_repr.txt"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                n++;
                // repr twice (computed, then maybe from the cache), and as the JSON writer prints it in place
                String json = new String(JSON.write(d), StandardCharsets.US_ASCII);
                for (String got : List.of(PyFloat.repr(d), PyFloat.repr(d), json)) {
                    if (!got.equals(parts[1])) {
                        mismatches.add(parts[0] + ": python " + parts[1] + ", jfaust " + got);
                    }
                }
                fast += PyFloat.writeFast(new byte[PyFloat.MAX_FAST_LENGTH], 0, d) >= 0 ? 1 : 0;
            }
        }
        assertThat(n).isGreaterThan(12_000);
        assertThat(fast).as("values the in-place path printed").isGreaterThan(1_000).isLessThan(n);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void spellsNonFiniteValuesAsFaustsJsonDoes() {
        assertThat(PyFloat.repr(Double.NaN)).isEqualTo("NaN");
        assertThat(PyFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(PyFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PyFloat.repr(0.0)).isEqualTo("0.0");
    }

    @Test
    void windowBoundsPrintAsFaustsChangelogKeys() {
        assertThat(PyFloat.repr(1700000000.0 + 10 - 0.1)).isEqualTo("1700000009.9");
        assertThat(PyFloat.repr(1599999960.0)).isEqualTo("1599999960.0");
    }
}
