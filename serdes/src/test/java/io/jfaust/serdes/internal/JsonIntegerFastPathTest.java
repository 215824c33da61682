package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.serdes.JsonFlavor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The integer shortcuts of the JSON reader and writer give what the parser and the general writer give. */
class JsonIntegerFastPathTest {
    @Test
    void plainIntegersReadAsTheParserReadsThem() {
        for (String s : List.of("0", "7", "-7", "-0", "10", "123456789012345678", "-123456789012345678")) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertThat(JsonReader.plainInteger(b)).as(s).isNotNull();
            assertThat((Object) JsonReader.plainInteger(b)).as(s).isEqualTo(JsonReader.read(s));
        }
    }

    @Test
    void anythingElseTakesTheParser() {
        for (String s : List.of("", "-", "01", "-01", "1.0", "1e3", " 1", "1 ", "+1", "1234567890123456789",
                "\"1\"", "[1]", "null")) {
            assertThat(JsonReader.plainInteger(s.getBytes(StandardCharsets.US_ASCII))).as(s).isNull();
        }
        assertThat(JsonReader.read("1234567890123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(1234567890123456789L);
    }

    @Test
    void integersWriteAsTheGeneralWriterDoes() {
        for (JsonFlavor flavor : JsonFlavor.values()) {
            JsonWriter w = new JsonWriter(flavor);
            for (Object v : List.<Object>of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 42, Integer.MIN_VALUE)) {
                assertThat(new String(w.write(v), StandardCharsets.US_ASCII)).isEqualTo(String.valueOf(v));
                assertThat(new String(w.write(List.of(v)), StandardCharsets.US_ASCII)).isEqualTo("[" + v + "]");
                // the shortcut against the general writer (an integer inside a list never takes the shortcut)
                String general = new String(w.write(List.of(v)), StandardCharsets.US_ASCII);
                assertThat(new String(w.write(v), StandardCharsets.US_ASCII))
                        .isEqualTo(general.substring(1, general.length() - 1));
            }
        }
    }
}
