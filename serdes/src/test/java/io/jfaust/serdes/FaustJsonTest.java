package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FaustJsonTest {
    private final FaustJson fs = FaustJson.of(JsonFlavor.FAUST_STREAMING);
    private final FaustJson rh = FaustJson.of(JsonFlavor.ROBINHOOD);

    @Test
    @SuppressWarnings("unchecked")
    void stringsAndSeparatorsMatchPythonJsonDumpsForTwelveHundredRandomStrings() throws IOException {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/python/json_strings.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                Map<String, Object> c = (Map<String, Object>) fs.loads(line);
                StringBuilder sb = new StringBuilder();
                for (Object cp : (List<Object>) c.get("in")) {
                    sb.appendCodePoint(((Long) cp).intValue());
                }
                String s = sb.toString();
                Map<String, Object> obj = new LinkedHashMap<>();
                obj.put("k", s);
                obj.put("l", List.of(s, 1L));
                assertThat(fs.dumpsString(s)).isEqualTo(c.get("out"));
                assertThat(rh.dumpsString(obj)).isEqualTo(c.get("out_rh"));
                assertThat(fs.dumpsString(obj)).isEqualTo(c.get("out_fs"));
                assertThat(fs.loads((String) c.get("out_rh"))).isEqualTo(obj);
                n++;
            }
        }
        assertThat(n).isEqualTo(1200);
    }

    @Test
    void writesFaustsOnDefaultTypes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dec", new BigDecimal("12.340"));
        m.put("uuid", new UUID(0, 1));
        m.put("bytes", new byte[] {'a', 'b'});
        m.put("naive", LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1_000_000));
        m.put("utc", OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        m.put("plus2", OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)));
        m.put("instant", Instant.parse("2020-01-01T00:00:00.000120Z"));
        m.put("date", LocalDate.of(2020, 1, 2));
        m.put("set", new LinkedHashSet<>(List.of(1L)));
        m.put("big", new BigInteger("18446744073709551616"));
        assertThat(fs.dumpsString(m)).isEqualTo("{\"dec\":\"12.340\",\"uuid\":\"00000000-0000-0000-0000-000000000001\","
                + "\"bytes\":\"b'ab'\",\"naive\":\"2020-01-01T00:00:00.001000\",\"utc\":\"2020-01-02T03:04:05Z\","
                + "\"plus2\":\"2020-01-01T00:00:00+02:00\",\"instant\":\"2020-01-01T00:00:00.000120Z\","
                + "\"date\":\"2020-01-02T00:00:00\",\"set\":[1],\"big\":18446744073709551616}");
    }

    @Test
    void robinhoodFlavourSpacesSeparatorsEverywhere() {
        assertThat(rh.dumpsString(Map.of("username", "youngcarol"))).isEqualTo("{\"username\": \"youngcarol\"}");
        assertThat(rh.dumpsString(List.of("alice", List.of(1.0, 9.9)))).isEqualTo("[\"alice\", [1.0, 9.9]]");
    }

    @Test
    void coercesMapKeysAsPythonAndRefusesOthersClearly() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1L, "a");
        m.put(1.5, "b");
        m.put(false, "c");
        m.put(null, "d");
        assertThat(fs.dumpsString(m)).isEqualTo("{\"1\":\"a\",\"1.5\":\"b\",\"false\":\"c\",\"null\":\"d\"}");
        assertThatThrownBy(() -> fs.dumps(Map.of(List.of(1), "x")))
                .isInstanceOf(CodecException.class).hasMessageContaining("keys must be str, int, float, bool or None");
    }

    @Test
    void refusesAnUnknownObjectNamingItsType() {
        assertThatThrownBy(() -> fs.dumps(Map.of("o", new Thread())))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("JSON cannot serialize 'java.lang.Thread'");
    }

    @Test
    void readsEveryVariantFaustWrites() {
        assertThat(fs.loads("{\"a\": 1, \"b\": [1.5, NaN, Infinity, -Infinity]}").toString())
                .isEqualTo("{a=1, b=[1.5, NaN, Infinity, -Infinity]}");
        assertThat(fs.loads("\"h\u00e9\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("h\u00e9");
        assertThat(fs.loads("\"h\\u00e9\"")).isEqualTo("h\u00e9");
        assertThat(fs.loads("12345678901234567890123")).isEqualTo(new BigInteger("12345678901234567890123"));
        assertThat(fs.loads("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fs.loads("{\"a\":1,\"b\":2,\"a\":3}").toString()).isEqualTo("{a=3, b=2}");
    }

    @Test
    void badJsonGivesAClearCodecError() {
        assertThatThrownBy(() -> fs.loads("{\"username\": ")).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("json: invalid JSON");
        assertThatThrownBy(() -> fs.loads("")).isInstanceOf(CodecException.class)
                .hasMessageContaining("Expecting value");
        assertThatThrownBy(() -> fs.loads("[1] [2]")).isInstanceOf(CodecException.class)
                .hasMessageContaining("Extra data");
        assertThatThrownBy(() -> fs.loads(new byte[] {(byte) 0xff, '{', '}'})).isInstanceOf(CodecException.class)
                .hasMessageContaining("can't decode byte 0xff in position 0");
    }

    @Test
    void aOneMegabytePayloadRoundTrips() {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("i", (long) i);
            m.put("s", "item-\u00e9-" + i);
            m.put("f", i / 7.0);
            items.add(m);
        }
        byte[] bytes = fs.dumps(items);
        assertThat(bytes.length).isGreaterThan(1_000_000);
        assertThat(fs.loads(bytes)).isEqualTo(items);
    }

    @Test
    void fiftyLevelsRoundTripAndAbsurdNestingIsAnErrorNotACrash() {
        Object nested = "leaf";
        for (int i = 0; i < 50; i++) {
            nested = (i % 2 == 0) ? List.of(nested) : Map.of("k", nested);
        }
        assertThat(fs.loads(fs.dumps(nested))).isEqualTo(nested);

        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> fs.loads(deep)).isInstanceOf(CodecException.class)
                .hasMessageContaining("nesting");
        // Python's json.loads reads 994 levels (RecursionError beyond); Jackson's limit, stated, is 1000.
        assertThat(fs.loads("[".repeat(1000) + "]".repeat(1000))).isInstanceOf(List.class);
        assertThatThrownBy(() -> fs.loads("[".repeat(1001) + "]".repeat(1001))).isInstanceOf(CodecException.class)
                .hasMessageContaining("Document nesting depth (1001) exceeds the maximum allowed (1000");
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> fs.dumps(cycle)).isInstanceOf(CodecException.class)
                .hasMessageContaining("circular");
    }
}
