package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 3: the {@code yaml} codec against what PyYAML 6.0.3's {@code safe_dump} wrote and
 * {@code safe_load} read for generated values and documents ({@code python/yaml_cases.jsonl}, written by
 * {@code python/yaml_cases.py}): escapes in upper case, the style of multi-line strings, datetimes and dates both
 * ways with their offsets, sets, PyYAML's integer forms and Python's int digit limit, and the refusals
 * (Decimals; nested records, which Faust's {@code to_representation()} leaves as objects).
 */
class YamlFidelityTest {
    private static final Codec YAML = Codecs.get("yaml");
    private final VectorValues values = new VectorValues(RecordRegistry.create());

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws IOException {
        try (InputStream in = YamlFidelityTest.class.getResourceAsStream("/python/yaml_cases.jsonl")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add((Map<String, Object>) FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(line));
                }
            }
            return out;
        }
    }

    @Test
    void dumpsWhatPyYamlsSafeDumpWrites() throws IOException {
        int n = 0;
        for (Map<String, Object> c : cases()) {
            if (!"dump".equals(c.get("op"))) {
                continue;
            }
            Object value = values.toJava(c.get("value"));
            if (c.containsKey("error")) {
                assertThatThrownBy(() -> YAML.dumps(value)).as("%s", c.get("value"))
                        .isInstanceOf(CodecException.class).hasMessageContaining((String) c.get("message"));
            } else {
                String got = new String((byte[]) YAML.dumps(value), StandardCharsets.UTF_8);
                assertThat(got).as("safe_dump(%s)", c.get("value")).isEqualTo(c.get("yaml"));
            }
            n++;
        }
        assertThat(n).isGreaterThan(90);
    }

    @Test
    void loadsWhatPyYamlsSafeLoadReads() throws IOException {
        int n = 0;
        for (Map<String, Object> c : cases()) {
            if (!"load".equals(c.get("op"))) {
                continue;
            }
            byte[] doc = ((String) c.get("yaml")).getBytes(StandardCharsets.UTF_8);
            if (c.containsKey("error")) {
                assertThatThrownBy(() -> YAML.loads(doc)).isInstanceOf(CoercionException.class)
                        .hasMessage((String) c.get("message"));
            } else {
                VectorHarness.assertSameValue(YAML.loads(doc), values.toJava(c.get("value")),
                        "safe_load(" + c.get("yaml") + ")");
            }
            n++;
        }
        assertThat(n).isGreaterThan(15);
    }

    @FaustRecord(namespace = "t.Inner")
    record Inner(String a) {}

    @FaustRecord(namespace = "t.Outer", serializer = "yaml")
    record Outer(String name, Inner inner) {}

    @FaustRecord(namespace = "t.Flat", serializer = "yaml")
    record Flat(String name, java.time.OffsetDateTime at) {}

    @Test
    void aRecordIsItsRepresentationButANestedRecordIsRefusedAsFaustDoes() {
        Serializers s = Serializers.defaults();
        assertThatThrownBy(() -> s.dumpsValue(DataType.of(Outer.class), new Outer("n", new Inner("x")), null))
                .isInstanceOf(CodecException.class).hasMessageContaining("cannot represent an object");
        Flat f = new Flat("n", java.time.OffsetDateTime.parse("2024-01-02T03:04:05+02:00"));
        byte[] out = s.dumpsValue(DataType.of(Flat.class), f, null);
        // safe_dump of to_representation(): keys sorted, the datetime as isoformat(' ').
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("__faust:\n  ns: t.Flat\nat: 2024-01-02 03:04:05+02:00\nname: n\n");
        assertThat(s.loadsValue(DataType.of(Flat.class), out, "yaml", "t")).isEqualTo(f); // the topic takes the model's serializer
    }
}
