package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Codecs declared in {@code META-INF/services/io.jfaust.serdes.CodecProvider} (test resources) are found by every
 * new registry: Faust's {@code faust.codecs} entry points. The JDK reads that file only for providers on the class
 * path, so surefire runs this class in its own execution with {@code useModulePath=false} (a module declares its
 * providers in {@code module-info.java} instead).
 */
class CodecProviderDiscoveryTest {
    /** ROT13 over ASCII letters of the bytes. */
    public static final class Rot13Provider implements CodecProvider {
        @Override
        public String name() {
            return "rot13";
        }

        @Override
        public Codec codec() {
            return new Codec() {
                @Override
                public Object dumps(Object value) {
                    return rot13((byte[]) value);
                }

                @Override
                public Object loads(Object data) {
                    return rot13((byte[]) data);
                }
            };
        }

        private static byte[] rot13(byte[] in) {
            byte[] out = in.clone();
            for (int i = 0; i < out.length; i++) {
                int c = out[i];
                if (c >= 'a' && c <= 'z') {
                    out[i] = (byte) ('a' + (c - 'a' + 13) % 26);
                } else if (c >= 'A' && c <= 'Z') {
                    out[i] = (byte) ('A' + (c - 'A' + 13) % 26);
                }
            }
            return out;
        }
    }

    /** A provider may take a built-in's name, as a Faust entry point may. */
    public static final class YamlOverride implements CodecProvider {
        @Override
        public String name() {
            return "yaml";
        }

        @Override
        public Codec codec() {
            return new Codec() {
                @Override
                public Object dumps(Object value) {
                    return "provided".getBytes(StandardCharsets.US_ASCII);
                }

                @Override
                public Object loads(Object data) {
                    return "provided";
                }
            };
        }
    }

    @Test
    void testsRunOnTheClassPath() {
        assertThat(Codecs.class.getModule().isNamed()).isFalse();
    }

    @Test
    void everyRegistryFindsTheProvidersCodecs() {
        Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(app.names()).contains("rot13", "json", "raw");
        byte[] bytes = (byte[]) app.codec("json|rot13").dumps(Map.of("a", "b"));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("{\"n\":\"o\"}");
        assertThat(app.codec("json|rot13").loads(bytes)).isEqualTo(Map.of("a", "b"));
        assertThat(Codecs.global().names()).contains("rot13");
    }

    @Test
    void providersWinOverBuiltInsAndLoseToRegisteredAndAddedCodecs() {
        Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(app.codec("yaml").loads(new byte[0])).isEqualTo("provided");
        assertThat(Codecs.get("yaml").loads(new byte[0])).isEqualTo("provided");
        app.add("rot13", app.codec("raw"));
        byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
        assertThat((byte[]) app.codec("rot13").dumps(ab)).containsExactly('a', 'b');
    }
}
