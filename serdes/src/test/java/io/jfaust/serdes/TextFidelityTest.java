package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 2: no String becomes bytes with a silent replacement. A lone surrogate fails as Python's
 * {@code str.encode()} does ({@code UnicodeEncodeError}, strict), on every path that encodes text: the raw codec,
 * raw keys and values, binary, bytes fields, Java {@code byte[]} components read from text.
 */
class TextFidelityTest {
    /** Strings with lone surrogates (and valid pairs around them) at generated positions. */
    private static List<String> withLoneSurrogates() {
        List<String> out = new ArrayList<>();
        String[] prefixes = {"", "a", "\u00e9t\u00e9 ", "\ud83d\ude00", "x\ud83d\ude00y"};
        char[] lone = {'\ud800', '\udbff', '\udc00', '\udfff'};
        for (String p : prefixes) {
            for (char c : lone) {
                out.add(p + c);
                out.add(p + c + "z");
                out.add(p + c + c + "\ud83d\ude00");
            }
        }
        return out;
    }

    /**
     * Python's message for the first run of lone surrogates (CPython's UTF-8 encoder reports the whole run,
     * {@code UnicodeEncodeError.__str__} in {@code Objects/exceptions.c}), positions counted in code points.
     */
    private static String pythonMessage(String s) {
        int i = 0;
        int cp = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (!pair && Character.isSurrogate(c)) {
                int run = 0;
                while (i + run < s.length() && Character.isSurrogate(s.charAt(i + run))
                        && !(Character.isHighSurrogate(s.charAt(i + run)) && i + run + 1 < s.length()
                        && Character.isLowSurrogate(s.charAt(i + run + 1)))) {
                    run++;
                }
                return run == 1
                        ? "'utf-8' codec can't encode character '\\u" + Integer.toHexString(c)
                                + "' in position " + cp + ": surrogates not allowed"
                        : "'utf-8' codec can't encode characters in position " + cp + "-" + (cp + run - 1)
                                + ": surrogates not allowed";
            }
            i += pair ? 2 : 1;
            cp++;
        }
        return null;
    }

    private static void refusedEverywhere(String s) {
        String message = "utf-8: " + pythonMessage(s);
        Serializers defaults = Serializers.defaults();
        List<Function<String, Object>> paths = List.of(
                v -> Codecs.get("raw").dumps(v),
                v -> Codecs.get("binary").dumps(v),
                v -> defaults.dumpsKey(DataType.of(String.class), v, null),
                v -> defaults.dumpsValue(DataType.of(String.class), v, "raw"),
                v -> Serializers.of(null, null, Codecs.global(), RecordRegistry.create())
                        .dumpsValue(DataType.of(String.class), v, null),
                v -> bytesRecord().create(Map.of("b", v)),
                v -> defaults.loadsValue(DataType.of(WithBytes.class), FaustJson.of(JsonFlavor.FAUST_STREAMING)
                        .dumps(Map.of("b", v)), null, "t"));
        for (int i = 0; i < paths.size(); i++) {
            Function<String, Object> path = paths.get(i);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> path.apply(s));
            while (t != null && !(t instanceof CodecException)) {
                t = t.getCause();
            }
            assertThat(t).as("path %d on %s", i, escape(s)).isNotNull();
            assertThat(t.getMessage()).as("path %d on %s", i, escape(s)).isEqualTo(message);
        }
    }

    @FaustRecord(namespace = "t.WithBytes")
    record WithBytes(byte[] b) {}

    private static RecordSchema<GenericRecord> bytesRecord() {
        return RecordSchema.builder("t.Bytes").registry(RecordRegistry.create())
                .options(RecordOptions.defaults().withCoerce(true)).field("b", FieldType.BYTES).build();
    }

    @Test
    void aLoneSurrogateIsRefusedOnEveryTextToBytesPath() {
        List<String> cases = withLoneSurrogates();
        assertThat(cases).hasSize(60);
        cases.forEach(TextFidelityTest::refusedEverywhere);
    }

    @Test
    void validTextIsEncodedAsUtf8AndJsonEscapesLoneSurrogatesAsPythonDoes() {
        String s = "\u00e9\ud83d\ude00\u4e2d";
        assertThat((byte[]) Codecs.get("raw").dumps(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        // json.dumps with ensure_ascii writes every UTF-16 unit as \\uXXXX: a lone surrogate is not an error there.
        assertThat(FaustJson.of(JsonFlavor.FAUST_STREAMING).dumpsString(List.of("a\ud800")))
                .isEqualTo("[\"a\\ud800\"]");
        assertThat(FaustJson.of(JsonFlavor.FAUST_STREAMING).loads("[\"a\\ud800\"]")).isEqualTo(List.of("a\ud800"));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x80 ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return sb.toString();
    }
}
