package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 6: a str- (or bytes-) typed topic receiving JSON that is not a string. Faust's
 * {@code _prepare_payload} hands the decoded value over unchanged ({@code want_str}/{@code want_bytes} pass
 * non-bytes through); a Java String cannot hold it, so jfaust refuses it as a decode error, for keys and values
 * alike, and an {@code Object}-typed topic receives it unchanged as Faust's agent would.
 */
class StrTopicTest {
    private static final Serializers S = Serializers.of("json", "json", Codecs.global(), RecordRegistry.create());

    /** Every JSON type but string and null, with what Python's json.loads makes of it. */
    private static final Map<String, Object> NOT_STRINGS = Map.of(
            "5", 5L, "-1.5", -1.5, "true", true, "[1,\"a\"]", List.of(1L, "a"), "{\"a\":1}", Map.of("a", 1L),
            "NaN", Double.NaN, "1e400", Double.POSITIVE_INFINITY);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void strTypedKeysAndValuesRefuseOtherJsonTypes() {
        NOT_STRINGS.forEach((json, python) -> {
            assertThatThrownBy(() -> S.loadsValue(DataType.of(String.class), b(json), null, "t"))
                    .as(json).isInstanceOf(ValueDecodeException.class)
                    .cause().isInstanceOf(RecordException.class).hasMessageContaining("type the topic's key or value as Object");
            assertThatThrownBy(() -> S.loadsKey(DataType.of(String.class), b(json), null, "t"))
                    .as(json).isInstanceOf(KeyDecodeException.class);
            assertThatThrownBy(() -> S.loadsValue(DataType.of(byte[].class), b(json), null, "t"))
                    .as(json).isInstanceOf(ValueDecodeException.class).cause().isInstanceOf(RecordException.class);
        });
    }

    @Test
    void objectTypedTopicsReceiveEveryJsonValueUnchangedAsFaust() {
        NOT_STRINGS.forEach((json, python) ->
                assertThat(S.loadsValue(DataType.any(), b(json), null, "t")).as(json).isEqualTo(python));
    }

    @Test
    void stringsAndNullStillDecode() {
        assertThat(S.loadsValue(DataType.of(String.class), b("\"5\""), null, "t")).isEqualTo("5");
        assertThat(S.loadsValue(DataType.of(String.class), b("null"), null, "t")).isNull();
        assertThat(S.loadsValue(DataType.of(byte[].class), b("\"ab\""), null, "t")).isEqualTo(b("ab"));
        assertThat(S.loadsValue(DataType.of(String.class), b("5"), "raw", "t")).isEqualTo("5");
    }
}
