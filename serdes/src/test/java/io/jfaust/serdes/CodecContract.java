package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every codec must do, built-in or custom: encode its values to bytes, decode them back to equal values, and
 * answer garbage with a {@link CodecException} rather than any other failure. A codec's test extends this.
 */
abstract class CodecContract {
    /** The codec under test. */
    abstract Codec codec();

    /** Values the codec must round-trip. */
    abstract List<Object> samples();

    /** Whether arbitrary bytes may fail to decode (raw never fails). */
    boolean rejectsSomeGarbage() {
        return true;
    }

    @Test
    void dumpsGivesBytesThatLoadBackToAnEqualValue() {
        for (Object v : samples()) {
            Object bytes = codec().dumps(v);
            assertThat(bytes).as("dumps(%s)", v).isInstanceOf(byte[].class);
            assertThat(normalize(codec().loads(bytes))).as("loads(dumps(%s))", v).isEqualTo(normalize(v));
        }
    }

    @Test
    void garbageIsACodecErrorNeverAnotherException() {
        Random random = new Random(7);
        int rejected = 0;
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(40)];
            random.nextBytes(junk);
            Throwable t = catchThrowable(() -> codec().loads(junk));
            if (t != null) {
                assertThat(t).as("loads of junk").isInstanceOf(CodecException.class);
                assertThat(t.getMessage()).isNotBlank();
                rejected++;
            }
        }
        if (rejectsSomeGarbage()) {
            assertThat(rejected).isPositive();
        }
    }

    static Object normalize(Object v) {
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        return v;
    }
}
