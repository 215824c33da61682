package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jfaust.serdes.VecModels.Address;
import io.jfaust.serdes.VecModels.Person;
import io.jfaust.serdes.VecModels.Scalars;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, defect 2: every codec's decode path answers any input with a value or its documented exception, never
 * anything else (a {@link StackOverflowError}, a {@code NumberFormatException}, ...), so that the error policy decides
 * what happens to a bad record. Each test decodes a fixed number of inputs mutated from valid encodings
 * ({@link FuzzInputs}: bit flips, truncation, structural characters and tokens, deep nesting, huge numbers, YAML
 * aliases and alias bombs) with a fixed seed, through the codec itself ({@link Codec#loads}: a value or a
 * {@link FaustException}) and through {@link Serializers#loadsKey}/{@link Serializers#loadsValue} (a value or a
 * {@link KeyDecodeException}/{@link ValueDecodeException}); a decoded value must hold no cycle.
 *
 * <p>The counts (inputs per test) are fixed, not timed, so a run is reproducible; together the tests take a few
 * seconds: raw {@value #RAW}, json {@value #JSON}, binary {@value #BINARY}, yaml {@value #YAML} (and
 * {@value #YAML_BOMBS} alias bombs), chains {@value #CHAINS}, custom codec {@value #CUSTOM}, records
 * {@value #RECORDS}.
 */
class CodecFuzzTest {
    static final int RAW = 2_000;
    static final int JSON = 5_000;
    static final int BINARY = 5_000;
    static final int YAML = 5_000;
    static final int YAML_BOMBS = 200;
    static final int CHAINS = 4_000;
    static final int CUSTOM = 2_000;
    static final int RECORDS = 4_000;

    private static final FaustJson FAUST_JSON = FaustJson.of(JsonFlavor.FAUST_STREAMING);

    private final RecordRegistry registry = RecordRegistry.create().register(Person.class).register(Scalars.class);
    private final Codecs codecs = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING).add("sexpr", new SexprCodec());
    private final Serializers serializers = Serializers.of("raw", "json", codecs, registry);
    private int serialized;

    /** How many inputs decoded to a value and how many were refused with the documented exception. */
    private static final class Tally {
        private final long start = System.nanoTime();
        int decoded;
        int refused;

        void add(boolean ok) {
            if (ok) {
                decoded++;
            } else {
                refused++;
            }
        }

        void print(String what) {
            System.out.printf("fuzz %s: %d inputs, %d decoded, %d refused, %.1f s%n", what, decoded + refused,
                    decoded, refused, (System.nanoTime() - start) / 1e9);
        }
    }

    @Test
    void raw() {
        Random random = new Random(21);
        List<byte[]> seeds = new ArrayList<>(FuzzInputs.utf8("", "alice", "h\u00e9llo", "{\"a\":1}"));
        for (int i = 0; i < 8; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            seeds.add(b);
        }
        FuzzInputs in = new FuzzInputs(1, seeds, FuzzInputs.JSON_STRUCTURE, FuzzInputs.JSON_TOKENS, "[", "]");
        Tally t = new Tally();
        for (int i = 0; i < RAW; i++) {
            byte[] input = in.next();
            t.add(decodes("raw", input));
        }
        t.print("raw");
        assertThat(t.decoded).as("raw decodes every input").isEqualTo(RAW);
    }

    @Test
    void json() {
        FuzzInputs in = new FuzzInputs(2, jsonSeeds(), FuzzInputs.JSON_STRUCTURE, FuzzInputs.JSON_TOKENS, "[", "]");
        Tally t = new Tally();
        for (int i = 0; i < JSON; i++) {
            t.add(decodes("json", in.next()));
        }
        t.print("json");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    @Test
    void binary() {
        Random random = new Random(3);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[random.nextInt(48)];
            random.nextBytes(b);
            seeds.add((byte[]) codecs.codec("binary").dumps(b));
        }
        FuzzInputs in = new FuzzInputs(4, seeds, FuzzInputs.BASE64_STRUCTURE, FuzzInputs.BASE64_TOKENS, "=", "A");
        Tally t = new Tally();
        for (int i = 0; i < BINARY; i++) {
            t.add(decodes("binary", in.next()));
        }
        t.print("binary");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    @Test
    void yaml() {
        FuzzInputs in = new FuzzInputs(5, yamlSeeds(), FuzzInputs.YAML_STRUCTURE, FuzzInputs.YAML_TOKENS, "[", "]",
                FuzzInputs.SHALLOW);
        FuzzInputs block = new FuzzInputs(6, yamlSeeds(), FuzzInputs.YAML_STRUCTURE, FuzzInputs.YAML_TOKENS,
                "- ", "");
        Tally t = new Tally();
        for (int i = 0; i < YAML; i++) {
            t.add(decodes("yaml", (i % 4 == 3 ? block : in).next()));
        }
        t.print("yaml");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    @Test
    void yamlAliasBombs() {
        Random random = new Random(7);
        Tally t = new Tally();
        for (int i = 0; i < YAML_BOMBS; i++) {
            t.add(decodes("yaml", aliasBomb(random)));
        }
        t.print("yaml alias bombs");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    /**
     * A billion-laughs document: {@code levels} anchored lists, each holding {@code width} aliases of the one
     * before, sometimes with a self-reference or an alias to a later anchor.
     */
    private static byte[] aliasBomb(Random random) {
        int width = 2 + random.nextInt(9);
        int levels = 1 + random.nextInt(12);
        StringBuilder sb = new StringBuilder("l0: &l0 [" + "\"lol\", ".repeat(width) + "\"lol\"]\n");
        for (int l = 1; l <= levels; l++) {
            sb.append('l').append(l).append(": &l").append(l).append(" [");
            for (int w = 0; w < width; w++) {
                sb.append(w == 0 ? "" : ", ").append("*l").append(l - 1);
            }
            if (random.nextInt(8) == 0) {
                sb.append(", *l").append(random.nextBoolean() ? l : l + 1);
            }
            sb.append("]\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chains() {
        FuzzInputs json = new FuzzInputs(8, jsonSeeds(), FuzzInputs.JSON_STRUCTURE, FuzzInputs.JSON_TOKENS, "[", "]");
        FuzzInputs yaml = new FuzzInputs(9, yamlSeeds(), FuzzInputs.YAML_STRUCTURE, FuzzInputs.YAML_TOKENS, "[", "]",
                FuzzInputs.SHALLOW);
        List<byte[]> b64Seeds = new ArrayList<>();
        for (byte[] s : jsonSeeds()) {
            b64Seeds.add(Base64.getEncoder().encode(s));
        }
        FuzzInputs b64 = new FuzzInputs(10, b64Seeds, FuzzInputs.BASE64_STRUCTURE, FuzzInputs.BASE64_TOKENS, "=",
                "A");
        Tally t = new Tally();
        for (int i = 0; i < CHAINS; i++) {
            switch (i % 3) {
                case 0 -> t.add(decodes("json|binary", Base64.getEncoder().encode(json.next())));
                case 1 -> t.add(decodes("yaml|binary", Base64.getEncoder().encode(yaml.next())));
                default -> t.add(decodes("json|binary", b64.next()));
            }
        }
        t.print("chains");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    /**
     * A custom codec with the faults a hand-written one may have (a parser that recurses without a limit, parses
     * numbers with {@code Long.parseLong}, indexes past the end): its failures reach the caller of a chain as a
     * {@link CodecException} naming it, and the caller of {@link Serializers} as the decode exception.
     */
    @Test
    void customCodec() {
        List<byte[]> seeds = FuzzInputs.utf8("(1 2 3)", "()", "((1) (2 (3)) -4)", "7", "(\"a\" 1)");
        FuzzInputs in = new FuzzInputs(11, seeds, "()\" -0123456789x", List.of("(((", ")))",
                "99999999999999999999"), "(", ")");
        Tally t = new Tally();
        for (int i = 0; i < CUSTOM; i++) {
            byte[] input = in.next();
            byte[] chained = Base64.getEncoder().encode(input);
            boolean ok;
            if (depth(input) < 500) {
                ok = decodes("sexpr|binary", chained);
                assertThat(serializes("sexpr", input)).as("%s", FuzzInputs.show(input)).isEqualTo(ok);
            } else {
                // Deeper input overflows the naive parser's stack or not depending on the frames the JIT made, so
                // two paths may disagree: each must still give a value or the documented exception.
                ok = outcome(() -> codecs.codec("sexpr|binary").loads(chained), FaustException.class, "sexpr|binary",
                        input);
                serializes("sexpr", input);
            }
            t.add(ok);
        }
        t.print("custom codec");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    /** Records decoded from mutated JSON (the parser-to-record fast path), JSON in base64 and YAML, as keys too. */
    @Test
    void records() {
        Person person = new Person("ann", new Address("Main St 1", "0150"), List.of(new Address("Old Rd", "9")),
                Map.of("home", new Address("Elm", "1")), null);
        Scalars scalars = new Scalars("s", 42, 1.5, true, null);
        List<byte[]> jsonSeeds = List.of(FAUST_JSON.dumps(person), FAUST_JSON.dumps(scalars),
                FAUST_JSON.dumps(new Address("a", "b")));
        List<byte[]> yamlSeeds = List.of((byte[]) codecs.codec("yaml").dumps(scalars));
        FuzzInputs json = new FuzzInputs(12, jsonSeeds, FuzzInputs.JSON_STRUCTURE, FuzzInputs.JSON_TOKENS, "[", "]");
        FuzzInputs yaml = new FuzzInputs(13, yamlSeeds, FuzzInputs.YAML_STRUCTURE, FuzzInputs.YAML_TOKENS, "[", "]",
                FuzzInputs.SHALLOW);
        Tally t = new Tally();
        for (int i = 0; i < RECORDS; i++) {
            switch (i % 5) {
                case 0 -> t.add(record(DataType.of(Person.class), json.next(), "json"));
                case 1 -> t.add(record(DataType.of(Scalars.class), json.next(), "json"));
                case 2 -> t.add(record(DataType.of(Person.class), Base64.getEncoder().encode(json.next()),
                        "json|binary"));
                case 3 -> t.add(record(DataType.of(Scalars.class), yaml.next(), "yaml"));
                default -> {
                    byte[] input = json.next();
                    t.add(outcome(() -> serializers.loadsKey(DataType.of(Address.class), input, "json", "t"),
                            KeyDecodeException.class, "loadsKey(Address, json)", input));
                }
            }
        }
        t.print("records");
        assertThat(t.decoded).isPositive();
        assertThat(t.refused).isPositive();
    }

    private <T> boolean record(DataType<T> type, byte[] input, String codec) {
        return outcome(() -> {
            T v = serializers.loadsValue(type, input, codec, "t");
            assertThat(v).isInstanceOf(type.javaType());
            return v;
        }, ValueDecodeException.class, "loadsValue(" + type + ", " + codec + ")", input);
    }

    /**
     * Decodes {@code input} with {@code codec} itself (a value or a {@link FaustException}) and through
     * {@link Serializers} as a value and as a key of any type (a value or the decode exception); they agree on
     * whether the input is good, but for a payload naming a {@code __faust.ns}, which only {@code Serializers}
     * resolves (and may refuse, as Faust does: an unknown namespace, a record missing a field). Returns whether
     * the codec decoded it.
     */
    private boolean decodes(String codec, byte[] input) {
        boolean ok = outcome(() -> codecs.codec(codec).loads(input), FaustException.class, codec + ".loads", input);
        if (serializes(codec, input) != ok) {
            assertThat(ok).as("%s refused by the codec, decoded by Serializers: %s", codec, FuzzInputs.show(input))
                    .isTrue();
            assertThat(catchThrowable(() -> serializers.loadsValue(DataType.any(), input, codec, "t")))
                    .as("%s through Serializers: %s", codec, FuzzInputs.show(input))
                    .hasCauseInstanceOf(RecordException.class);
        }
        return ok;
    }

    /**
     * Decodes {@code input} through {@link Serializers} as a value, and every fourth input as a key too (the same
     * path but for the exception); whether it decoded.
     */
    private boolean serializes(String codec, byte[] input) {
        boolean value = outcome(() -> serializers.loadsValue(DataType.any(), input, codec, "t"),
                ValueDecodeException.class, "loadsValue(" + codec + ")", input);
        if (serialized++ % 4 == 0) {
            boolean key = outcome(() -> serializers.loadsKey(DataType.any(), input, codec, "t"),
                    KeyDecodeException.class, "loadsKey(" + codec + ")", input);
            assertThat(key).as("key and value agree on %s", FuzzInputs.show(input)).isEqualTo(value);
        }
        return value;
    }

    /**
     * Runs {@code decode}: true when it gave a value (which must hold no cycle), false when it threw
     * {@code documented} with a message; anything else fails the test, naming the input.
     */
    private static boolean outcome(Supplier<?> decode, Class<? extends Throwable> documented, String what,
                                   byte[] input) {
        Object value;
        try {
            value = decode.get();
        } catch (Throwable e) {
            if (!documented.isInstance(e)) {
                throw new AssertionError(what + " of " + FuzzInputs.show(input) + " threw " + e + ", not a "
                        + documented.getSimpleName(), e);
            }
            assertThat(e.getMessage()).as("%s of %s: message", what, FuzzInputs.show(input)).isNotBlank();
            return false;
        }
        assertAcyclic(value, what, input);
        return true;
    }

    /** Fails when {@code value} contains itself; walks without recursion, as a custom codec's values may be deep. */
    private static void assertAcyclic(Object value, String what, byte[] input) {
        Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {value, Boolean.FALSE});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Object v = top[0];
            if (top[1] == Boolean.TRUE) {
                open.remove(v);
                done.add(v);
                continue;
            }
            List<Object> children = new ArrayList<>();
            if (v instanceof Map<?, ?> m) {
                children.addAll(m.keySet());
                children.addAll(m.values());
            } else if (v instanceof Collection<?> c) {
                children.addAll(c);
            } else {
                continue;
            }
            if (done.contains(v)) {
                continue;
            }
            if (!open.add(v)) {
                throw new AssertionError(what + " of " + FuzzInputs.show(input) + " gave a value that contains itself");
            }
            stack.push(new Object[] {v, Boolean.TRUE});
            for (Object child : children) {
                stack.push(new Object[] {child, Boolean.FALSE});
            }
        }
    }

    private List<byte[]> jsonSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (Object v : List.of(Map.of("a", 1L), List.of(1L, "x", true, 2.5), "h\u00e9llo \ud83d\ude00", 42L, -1.5e-7,
                Map.of("nested", List.of(Map.of("k", List.of()))), List.of(Double.NaN, Double.POSITIVE_INFINITY))) {
            seeds.add(FAUST_JSON.dumps(v));
        }
        seeds.addAll(FuzzInputs.utf8("{\"a\": [1, 2, {\"b\": null}], \"c\": \"\\u00e9\\ud83d\\ude00\"}",
                "[123456789012345678901234567890, -0.0, 1E+2, 0.1]", "{\"__faust\": {\"ns\": \"vecmodels.Address\"}, "
                        + "\"street\": \"s\", \"zip\": \"z\"}", "\"\"", "null", "[]", "{}"));
        return seeds;
    }

    private List<byte[]> yamlSeeds() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "ann");
        map.put("count", 3L);
        map.put("ratio", 0.25);
        map.put("tags", List.of("a", "b: c", "multi\nline"));
        map.put("when", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        map.put("at", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
        map.put("day", LocalDate.of(2024, 2, 29));
        map.put("set", new LinkedHashSet<>(List.of("x", "y")));
        map.put("none", null);
        map.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        List<byte[]> seeds = new ArrayList<>();
        Codec yaml = codecs.codec("yaml");
        for (Object v : List.of(map, List.of(1L, "two", 3.5, true), "plain", "h\u00e9llo \u0001", 7L)) {
            seeds.add((byte[]) yaml.dumps(v));
        }
        seeds.addAll(FuzzInputs.utf8("base: &b {x: 1, y: [1, 2]}\nother:\n  <<: *b\n  z: *b\n",
                "- &s shared\n- *s\n- !!str 12\n- !!float '1.5'\n- 0x1F\n- 0o17\n- 0b101\n- 190:20:30\n- 1_000\n",
                "? [complex key]\n: value\n", "!!set {a, b}\n", "!!omap [a: 1, b: 2]\n", "!!binary aGVsbG8=\n",
                "text: |\n  literal\n  block\nfold: >\n  folded\n  text\n", "--- 1\n...\n", "{a: [b, {c: d}]}",
                "2001-12-14t21:59:43.10-05:00", "[.inf, -.inf, .nan, ~, yes, off]"));
        return seeds;
    }

    /**
     * A hand-written codec for S-expressions ({@code (1 2 ("a" 3))}: lists, integers, strings), with the faults of
     * a naive one: unlimited recursion, {@code Long.parseLong}, reading past the end.
     */
    static final class SexprCodec implements Codec {
        @Override
        public Object dumps(Object value) {
            StringBuilder sb = new StringBuilder();
            write(value, sb);
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void write(Object v, StringBuilder sb) {
            if (v instanceof List<?> l) {
                sb.append('(');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : " ");
                    write(l.get(i), sb);
                }
                sb.append(')');
            } else if (v instanceof String s) {
                sb.append('"').append(s).append('"');
            } else {
                sb.append(v);
            }
        }

        @Override
        public Object loads(Object data) {
            String s = new String((byte[]) data, StandardCharsets.UTF_8);
            int[] pos = {0};
            return read(s, pos);
        }

        private static Object read(String s, int[] pos) {
            while (s.charAt(pos[0]) == ' ') {
                pos[0]++;
            }
            char c = s.charAt(pos[0]);
            if (c == '(') {
                pos[0]++;
                List<Object> out = new ArrayList<>();
                while (s.charAt(pos[0]) != ')') {
                    out.add(read(s, pos));
                    while (s.charAt(pos[0]) == ' ') {
                        pos[0]++;
                    }
                }
                pos[0]++;
                return out;
            } else if (c == '"') {
                int end = s.indexOf('"', pos[0] + 1);
                String text = s.substring(pos[0] + 1, end);
                pos[0] = end + 1;
                return text;
            }
            int start = pos[0];
            while (pos[0] < s.length() && " ()".indexOf(s.charAt(pos[0])) < 0) {
                pos[0]++;
            }
            return Long.parseLong(s.substring(start, pos[0]));
        }

        @Override
        public String toString() {
            return "sexpr";
        }
    }

    /** The deepest nesting of {@code (} in {@code input}. */
    private static int depth(byte[] input) {
        int depth = 0;
        int max = 0;
        for (byte b : input) {
            if (b == '(') {
                max = Math.max(max, ++depth);
            } else if (b == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }
}
