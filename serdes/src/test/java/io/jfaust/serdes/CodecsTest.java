package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CodecsTest {
    static final List<Object> JSON_VALUES = List.of(Map.of("a", 1L), List.of(1L, "x", true), "h\u00e9llo", 42L,
            1.5, Map.of("nested", List.of(Map.of("k", List.of()))));

    @Nested
    class Json extends CodecContract {
        Codec codec() {
            return Codecs.get("json");
        }

        List<Object> samples() {
            return JSON_VALUES;
        }
    }

    @Nested
    class JsonThenBase64 extends CodecContract {
        Codec codec() {
            return Codecs.get("json|binary");
        }

        List<Object> samples() {
            return JSON_VALUES;
        }
    }

    @Nested
    class Binary extends CodecContract {
        Codec codec() {
            return Codecs.get("binary");
        }

        List<Object> samples() {
            return List.of(new byte[] {0, 1, (byte) 0xff}, new byte[0], "hello".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Nested
    class Raw extends CodecContract {
        Codec codec() {
            return Codecs.get("raw");
        }

        List<Object> samples() {
            return List.of(new byte[] {0, 1, (byte) 0xff}, "text".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        boolean rejectsSomeGarbage() {
            return false;
        }
    }

    @Nested
    class Yaml extends CodecContract {
        Codec codec() {
            return Codecs.get("yaml");
        }

        List<Object> samples() {
            return List.of(Map.of("a", List.of(1L, 2L), "c", "x: y"), "hello", List.of(1.5, true));
        }

        @Override
        boolean rejectsSomeGarbage() {
            return false; // most byte strings are valid YAML scalars
        }
    }

    /** A custom codec registered by name, as users add their own ("custom (de)serializers"). */
    @Nested
    class Custom extends CodecContract {
        Codec codec() {
            Codecs.register("reverse", new ReverseCodec());
            return Codecs.get("json|reverse");
        }

        List<Object> samples() {
            return JSON_VALUES;
        }
    }

    static final class ReverseCodec implements Codec {
        @Override
        public Object dumps(Object value) {
            return reverse((byte[]) value);
        }

        @Override
        public Object loads(Object data) {
            return reverse((byte[]) data);
        }

        private static byte[] reverse(byte[] b) {
            byte[] out = Arrays.copyOf(b, b.length);
            for (int i = 0; i < out.length / 2; i++) {
                byte t = out[i];
                out[i] = out[out.length - 1 - i];
                out[out.length - 1 - i] = t;
            }
            return out;
        }
    }

    @Test
    void aChainDumpsLeftToRightAndLoadsRightToLeft() {
        assertThat(new String((byte[]) Codecs.get("json|binary").dumps(Map.of("a", 1L)))).isEqualTo("eyJhIjoxfQ==");
        assertThat(Codecs.get("json|binary").loads("eyJhIjoxfQ==".getBytes())).isEqualTo(Map.of("a", 1L));
        assertThat(new String((byte[]) Codecs.get("json").then(Codecs.get("binary")).dumps(List.of(1L))))
                .isEqualTo("WzFd");
    }

    @Test
    void anUnknownNameIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> Codecs.get("json|msgpack"))
                .isInstanceOf(UnknownCodecException.class)
                .hasMessageContaining("unknown codec 'msgpack'")
                .hasMessageContaining("json")
                .hasMessageContaining("Codecs.register");
    }

    @Test
    void pickleIsRefusedWithTheReasonAndTheAlternative() {
        assertThatThrownBy(() -> Codecs.get("pickle").loads("gASVCgAAAAAAAAB9lIwBYZRLAXMu".getBytes()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("arbitrary code")
                .hasMessageContaining("'json'");
        assertThatThrownBy(() -> Codecs.get("pickle").dumps(Map.of())).isInstanceOf(CodecException.class);
    }

    @Test
    void base64ErrorsArePythons() {
        assertThatThrownBy(() -> Codecs.get("binary").loads("AP9oZWxsbw".getBytes()))
                .isInstanceOf(CodecException.class).hasMessage("binary: Incorrect padding");
        assertThatThrownBy(() -> Codecs.get("binary").loads("abcde".getBytes()))
                .isInstanceOf(CodecException.class).hasMessageContaining("number of data characters (5)");
        assertThat((byte[]) Codecs.get("binary").loads("!!!!".getBytes())).isEmpty();
        assertThatThrownBy(() -> Codecs.get("binary").dumps(Map.of("a", 1)))
                .isInstanceOf(CodecException.class).hasMessageContaining("a bytes-like object is required, not 'dict'");
    }

    @Test
    void anAppRegistryWritesItsFlavourAndSeesGlobalCodecs() {
        Codecs app = Codecs.newRegistry(JsonFlavor.ROBINHOOD);
        assertThat(new String((byte[]) app.codec("json").dumps(Map.of("a", 1L)))).isEqualTo("{\"a\": 1}");
        Codecs.register("reverse2", new ReverseCodec());
        assertThat(app.names()).contains("reverse2", "json", "raw", "binary", "yaml");
        assertThat(new String((byte[]) Codecs.global().codec("json").dumps(Map.of("a", 1L)))).isEqualTo("{\"a\":1}");
    }

    @Test
    void aReRegisteredGlobalCodecReachesAppRegistriesThatAlreadyUsedIt() {
        Codecs app = Codecs.newRegistry(JsonFlavor.ROBINHOOD);
        Codecs.register("swap", new ReverseCodec());
        assertThat((byte[]) app.codec("swap").dumps(new byte[] {1, 2})).containsExactly(2, 1);
        Codecs.register("swap", Codecs.get("raw"));
        assertThat((byte[]) app.codec("swap").dumps(new byte[] {1, 2})).containsExactly(1, 2);
    }

    @Test
    void badRegistrationsFailFast() {
        assertThatThrownBy(() -> Codecs.register("a|b", new ReverseCodec()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'|'");
        assertThatThrownBy(() -> Codecs.register("x", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyNamesAreSkippedOnlyAtTheStartOfAChainAsInFaustsGetCodec() {
        Codecs c = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(c.codec("|json")).isSameAs(c.codec("json"));
        assertThat(c.codec("||json|binary").dumps(Map.of("a", 1L))).isEqualTo(c.codec("json|binary")
                .dumps(Map.of("a", 1L)));
        for (String bad : List.of("json|", "json||binary", "|", "||", "")) {
            assertThatThrownBy(() -> c.codec(bad)).as(bad).isInstanceOf(UnknownCodecException.class)
                    .hasMessageContaining("empty codec name");
        }
        assertThatThrownBy(() -> c.codec("json | binary")).isInstanceOf(UnknownCodecException.class)
                .hasMessageContaining("unknown codec 'json '");
    }

    @Test
    void anAppsOwnCodecsWinOverGlobalRegistrationsWhichWinOverBuiltIns() {
        Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        Codecs other = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        Codec raw = app.codec("raw");
        Codecs.register("precedence-test", new ReverseCodec());
        app.add("precedence-test", raw);
        assertThat((byte[]) app.codec("precedence-test").dumps(new byte[] {1, 2})).containsExactly(1, 2);
        assertThat((byte[]) other.codec("precedence-test").dumps(new byte[] {1, 2})).containsExactly(2, 1);
        app.add("binary", raw);
        assertThat((byte[]) app.codec("binary").dumps(new byte[] {1})).containsExactly(1);
        assertThat(new String((byte[]) other.codec("binary").dumps(new byte[] {1}))).isEqualTo("AQ==");
        assertThatThrownBy(() -> other.codec("app-only")).isInstanceOf(UnknownCodecException.class);
    }

    @Test
    void providersMustClaimDistinctValidNames() {
        CodecProvider a = provider("one", new ReverseCodec());
        assertThat(codecsOf(List.of(a, provider("two", Codecs.get("raw"))))).containsOnlyKeys("one", "two");
        assertThatThrownBy(() -> codecsOf(List.of(a, provider("one", Codecs.get("raw")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two codec providers claim")
                .hasMessageContaining("'one'");
        assertThatThrownBy(() -> codecsOf(List.of(provider("a|b", Codecs.get("raw")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'|'");
    }

    @Test
    void aProviderWhoseNameOrCodecThrowsIsSkippedAndTheOthersKept() {
        CodecProvider badName = new CodecProvider() {
            @Override
            public String name() {
                throw new IllegalStateException("no name today");
            }

            @Override
            public Codec codec() {
                return new ReverseCodec();
            }
        };
        CodecProvider badCodec = new CodecProvider() {
            @Override
            public String name() {
                return "bad";
            }

            @Override
            public Codec codec() {
                throw new NoClassDefFoundError("some/Dependency");
            }
        };
        List<CodecDiscovery.Failure> failures = new ArrayList<>();
        Map<String, Codec> codecs = CodecDiscovery.codecs(List.of(badName, provider("one", new ReverseCodec()),
                badCodec), failures, c -> List.of("loaded from here"));
        assertThat(codecs).containsOnlyKeys("one");
        assertThat(failures).extracting(CodecDiscovery.Failure::message).containsExactly(
                "codec provider " + badName.getClass().getName() + " (loaded from here) could not be used and is "
                        + "skipped: java.lang.IllegalStateException: no name today",
                "codec provider " + badCodec.getClass().getName() + " (loaded from here) could not be used and is "
                        + "skipped: java.lang.NoClassDefFoundError: some/Dependency");
    }

    private static Map<String, Codec> codecsOf(List<CodecProvider> providers) {
        List<CodecDiscovery.Failure> failures = new ArrayList<>();
        Map<String, Codec> codecs = CodecDiscovery.codecs(providers, failures, c -> List.of());
        assertThat(failures).isEmpty();
        return codecs;
    }

    private static CodecProvider provider(String name, Codec codec) {
        return new CodecProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Codec codec() {
                return codec;
            }
        };
    }
}
