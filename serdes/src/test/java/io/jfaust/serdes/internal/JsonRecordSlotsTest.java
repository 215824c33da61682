package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.CodecException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The record fast path of the JSON reader: {@code __faust.ns} read without building its map gives what the map gave
 * (Python's dict: the last key wins), and the eight-bytes-a-step ASCII check agrees with a byte-by-byte one.
 */
class JsonRecordSlotsTest {
    private static final String[] NAMES = {"a"};

    private static String ns(String json) {
        return JsonReader.readSlots(json.getBytes(StandardCharsets.UTF_8), NAMES).ns();
    }

    /** What the namespace was when the whole {@code __faust} value was read as a map. */
    private static String nsOfMap(String json) {
        Object v = ((Map<?, ?>) JsonReader.read(json)).get("__faust");
        return v instanceof Map<?, ?> m && m.get("ns") instanceof String n ? n : null;
    }

    @Test
    void theNamespaceIsWhatFaustsDictHolds() {
        String[] docs = {
            "{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\"}}",
            "{\"__faust\": {\"ns\": \"x.Y\", \"other\": [1, {\"ns\": 2}]}, \"a\": 1}",
            "{\"a\": 1}",
            "{\"a\": 1, \"__faust\": null}",
            "{\"a\": 1, \"__faust\": [\"ns\", \"x.Y\"]}",
            "{\"a\": 1, \"__faust\": \"x.Y\"}",
            "{\"a\": 1, \"__faust\": {\"ns\": 7}}",
            "{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\", \"ns\": null}}",
            "{\"a\": 1, \"__faust\": {\"ns\": 7, \"ns\": \"x.Z\"}}",
            "{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\"}, \"__faust\": {\"ns\": \"x.Z\"}}",
            "{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\"}, \"__faust\": 3}",
            "{\"a\": 1, \"__faust\": {}}",
        };
        for (String doc : docs) {
            assertThat(ns(doc)).as(doc).isEqualTo(nsOfMap(doc));
        }
        assertThat(ns(docs[0])).isEqualTo("x.Y");
        assertThat(ns(docs[8])).isEqualTo("x.Z");
        assertThat(ns(docs[7])).isNull();
    }

    @Test
    void theMetadataIsStillCheckedAsJson() {
        String tooLong = "1".repeat(PyInts.MAX_STR_DIGITS + 1);
        assertThatThrownBy(() -> ns("{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\", \"n\": " + tooLong + "}}"))
                .isInstanceOf(RuntimeException.class).hasMessageContaining("4300");
        assertThatThrownBy(() -> ns("{\"a\": 1, \"__faust\": {\"ns\": \"x.Y\",}}"))
                .isInstanceOf(CodecException.class);
    }

    @Test
    void asciiIsCheckedAtEveryPositionAndLength() {
        for (int n = 0; n <= 40; n++) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) 'a');
            assertThat(JsonReader.isAscii(b)).as("length %d", n).isTrue();
            for (int i = 0; i < n; i++) {
                b[i] = (byte) 0xC3;
                assertThat(JsonReader.isAscii(b)).as("length %d, non-ASCII at %d", n, i).isFalse();
                b[i] = (byte) 0x7F;
                assertThat(JsonReader.isAscii(b)).as("length %d, DEL at %d", n, i).isTrue();
                b[i] = 'a';
            }
        }
    }
}
