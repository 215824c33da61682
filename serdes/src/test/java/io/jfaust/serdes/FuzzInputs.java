package io.jfaust.serdes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of valid encodings, for the codec fuzz tests: each input is a seed (bytes a codec wrote, or
 * a hand-written document) with one to four mutations stacked: bit flips, byte replacements, truncation, deletion
 * and duplication of a range, insertion of one of the format's structural characters or tokens (anchors, tags, huge
 * numbers, ...), and nesting hundreds or thousands of levels deep.
 *
 * <pre>{@code
 * FuzzInputs in = new FuzzInputs(42, seeds, FuzzInputs.JSON_STRUCTURE, FuzzInputs.JSON_TOKENS, "[", "]");
 * byte[] input = in.next();
 * }</pre>
 */
final class FuzzInputs {
    static final String JSON_STRUCTURE = "{}[]:,\"\\ -+.eE0123456789nNtfI";
    static final List<String> JSON_TOKENS = List.of("NaN", "-Infinity", "Infinity", "null", "true", "1e400",
            "-1e-400", "9".repeat(4300), "-" + "9".repeat(4301), "1" + "0".repeat(400) + ".5",
            "0." + "0".repeat(3000) + "1", "\\ud800", "\\u0000", "\"__faust\":{\"ns\":\"vecmodels.Address\"},",
            "{\"__faust\":{\"ns\":\"nope.X\"}}", "\u00e9", "\ud83d\ude00");
    static final String YAML_STRUCTURE = "&*!-:?[]{}|>'\"#%@`,\n \t.~0123456789";
    static final List<String> YAML_TOKENS = List.of("&a ", "*a", "&a [*a]", "&b {k: *b}", "!!int ", "!!float ",
            "!!bool ", "!!str ", "!!null ", "!!binary ", "!!timestamp ", "!!set ", "!!omap ", "!!pairs ", "!!seq ",
            "!!map ", "!!python/object:os.system ", "<<: ", "<<: *a\n", "? ", "--- ", "...\n", "%YAML 1.1\n",
            "0x", "0b", "0o", "0x" + "F".repeat(40), "0b" + "1".repeat(200), "1_000", "190:20:30", "-0:0:1",
            ".inf", "-.Inf", ".NaN", "9".repeat(4300), "9".repeat(4301), "1e99999", "0." + "0".repeat(3000) + "1",
            "2001-12-14t21:59:43.10-05:00", "2002-12-14", "2020-13-45", "2020-02-30 25:61:61", "2020-01-01T00:00:00+99",
            "yes", "No", "~", "\\x00", "\"\\ud800\"", "'a''b'", "|\n  text\n", ">-\n  folded\n", "[[", "]]", "{{");
    static final String BASE64_STRUCTURE = "ABCZaz09+/=\n -_!";
    static final List<String> BASE64_TOKENS = List.of("====", "=", "==", "A", "AB", "ABC", "\u00e9", "\r\n");

    private final Random random;
    private final List<byte[]> seeds;
    private final byte[] structure;
    private final List<byte[]> tokens;
    private final String open;
    private final String close;
    private final int[] depths;

    /** Nesting depths for formats whose parser refuses deep input at once (JSON: Jackson counts as it reads). */
    static final int[] DEEP = {3, 49, 51, 200, 449, 451, 600, 999, 1001, 3000, 20_000};
    /**
     * Nesting depths up to just past the YAML limit: SnakeYAML's scanner spends O(depth) per token on deep flow
     * collections (PyYAML's too), ~0.1 s for a few thousand levels, so deeper inputs are a few explicit cases.
     */
    static final int[] SHALLOW = {3, 20, 49, 51, 100, 200, 499, 501};

    /**
     * Inputs from {@code seeds}, inserting characters of {@code structure} and whole {@code tokens}, nesting with
     * {@code open} ... {@code close} to {@link #DEEP} depths.
     */
    FuzzInputs(long seed, List<byte[]> seeds, String structure, List<String> tokens, String open, String close) {
        this(seed, seeds, structure, tokens, open, close, DEEP);
    }

    /** Inputs as above, nested to one of {@code depths}. */
    FuzzInputs(long seed, List<byte[]> seeds, String structure, List<String> tokens, String open, String close,
               int[] depths) {
        this.depths = depths;
        this.random = new Random(seed);
        this.seeds = seeds;
        this.structure = structure.getBytes(StandardCharsets.UTF_8);
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.open = open;
        this.close = close;
    }

    static List<byte[]> utf8(String... documents) {
        List<byte[]> out = new ArrayList<>();
        for (String d : documents) {
            out.add(d.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The next input: a seed with one to four mutations. */
    byte[] next() {
        byte[] b = seeds.get(random.nextInt(seeds.size()));
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        int at = b.length == 0 ? 0 : random.nextInt(b.length + 1);
        switch (random.nextInt(10)) {
            case 0: {
                if (b.length == 0) {
                    return b;
                }
                byte[] out = b.clone();
                int i = random.nextInt(out.length);
                out[i] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1: {
                if (b.length == 0) {
                    return b;
                }
                byte[] out = b.clone();
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                return out;
            }
            case 2:
                return Arrays.copyOf(b, at);
            case 3: {
                int end = Math.min(b.length, at + 1 + random.nextInt(8));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, b.length));
            }
            case 4: {
                int from = b.length == 0 ? 0 : random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(16));
                return insert(b, at, Arrays.copyOfRange(b, from, to));
            }
            case 5:
            case 6:
                return insert(b, at, new byte[] {structure[random.nextInt(structure.length)]});
            case 7:
            case 8:
                return insert(b, at, tokens.get(random.nextInt(tokens.size())));
            default:
                return nest(b);
        }
    }

    /** {@code b} nested a few, hundreds or thousands of levels deep, balanced or not. */
    private byte[] nest(byte[] b) {
        int depth = depths[random.nextInt(depths.length)];
        byte[] head = open.repeat(depth).getBytes(StandardCharsets.UTF_8);
        byte[] tail = random.nextInt(4) == 0 ? new byte[0] : close.repeat(depth).getBytes(StandardCharsets.UTF_8);
        return concat(head, b, tail);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        return concat(Arrays.copyOf(b, at), what, Arrays.copyOfRange(b, at, b.length));
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** {@code input} for a failure message: printable ASCII as is, the rest escaped, long inputs shortened. */
    static String show(byte[] input) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(input.length, 300);
        for (int i = 0; i < n; i++) {
            int c = input[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        if (input.length > n) {
            sb.append("... (").append(input.length).append(" bytes)");
        }
        return sb.toString();
    }
}
