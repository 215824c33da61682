package io.jfaust.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Malformed payloads of every kind the reliability suite feeds an app, each with the topic it goes to and whether
 * Faust's rules make it a bad record (decode error or agent exception) or one that must be processed.
 *
 * <pre>{@code
 * for (PoisonPills.Pill p : PoisonPills.all()) d.sendRaw(p.topic(), p.key(), p.value(), 0, new RecordHeaders());
 * }</pre>
 */
final class PoisonPills {
    /** Order JSON (record with serializer json), raw string keys. */
    static final String ORDERS = "orders";
    /** Purchase records as {@code json|binary} (base64 of the JSON). */
    static final String B64 = "purchases-b64";
    /** Untyped values: records recognised by {@code __faust.ns}, other JSON as is. */
    static final String ANY = "anything";
    /** UserKey records as JSON keys, Order values. */
    static final String KEYED = "keyed";
    /** Untyped values as YAML. */
    static final String YAML = "anything-yaml";
    /** Megabytes of the largest payloads. */
    static final int BIG = 5 * 1024 * 1024;

    private PoisonPills() {}

    /** A payload: where it goes, its bytes, and whether it is bad (to be handled by the error policy). */
    record Pill(String name, String topic, byte[] key, byte[] value, boolean bad) {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
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

    /** A good order: the agents see it. */
    static byte[] goodOrder(int i) {
        return utf8("{\"account_id\":\"good" + i + "\",\"amount\":" + (100 + i) + "}");
    }

    static List<Pill> all() {
        List<Pill> p = new ArrayList<>();
        byte[] k = utf8("k");
        // Bad JSON.
        for (String s : new String[] {"{", "{\"account_id\": ", "[1,2", "nul", "{'account_id':'k','amount':1}",
                "{\"account_id\":\"k\",\"amount\":1}}", "{\"account_id\":\"k\",\"amount\":1,}",
                "{\"account_id\":\"k\" \"amount\":1}", "\"unterminated", "{\"account_id\":\"k\",\"amount\":01}",
                "{\"account_id\":\"k\",\"amount\":1} trailing", "{\"account_id\":\"k\",\"amount\":-}",
                "{\"account_id\":\"\\x41\",\"amount\":1}", "\u0000\u0001\u0002"}) {
            p.add(new Pill("bad json " + s, ORDERS, k, utf8(s), true));
        }
        // Wrong shapes and types.
        for (String s : new String[] {"[]", "[{\"account_id\":\"k\",\"amount\":1}]", "42", "\"just a string\"",
                "true", "{}", "{\"account_id\":\"k\"}", "{\"amount\":1}", "{\"account_id\":\"k\",\"amount\":\"one\"}",
                "{\"account_id\":\"k\",\"amount\":1.5}", "{\"account_id\":[\"k\"],\"amount\":1}",
                "{\"account_id\":{\"x\":1},\"amount\":1}", "{\"account_id\":\"k\",\"amount\":true}",
                "{\"account_id\":\"k\",\"amount\":99999999999999999999999}", "{\"account_id\":\"k\",\"amount\":1e400}",
                "{\"account_id\":\"k\",\"amount\":NaN}", "{\"account_id\":\"k\",\"amount\":null}"}) {
            p.add(new Pill("wrong shape " + s, ORDERS, k, utf8(s), true));
        }
        // Agent code throws (amount 13), and the JSON null that reaches the agent as null.
        p.add(new Pill("agent throws", ORDERS, k, utf8("{\"account_id\":\"x\",\"amount\":13}"), true));
        p.add(new Pill("json null value", ORDERS, k, utf8("null"), true));
        // Not UTF-8.
        p.add(new Pill("invalid utf-8 bytes", ORDERS, k, bytes(0xff, 0xfe, 0xfd), true));
        p.add(new Pill("invalid utf-8 in a string", ORDERS, k, concat(utf8("{\"account_id\":\""), bytes(0xff),
                utf8("\",\"amount\":1}")), true));
        p.add(new Pill("latin-1 text", ORDERS, k, concat(utf8("{\"account_id\":\"caf"), bytes(0xe9),
                utf8("\",\"amount\":1}")), true));
        p.add(new Pill("overlong utf-8", ORDERS, k, concat(utf8("{\"account_id\":\""), bytes(0xc0, 0xaf),
                utf8("\",\"amount\":1}")), true));
        p.add(new Pill("truncated utf-8", ORDERS, k, concat(utf8("{\"account_id\":\""), bytes(0xe2, 0x82),
                utf8("\",\"amount\":1}")), true));
        p.add(new Pill("utf-16 bytes", ORDERS, k, "{\"account_id\":\"k\",\"amount\":1}".getBytes(
                StandardCharsets.UTF_16), true));
        // Lone surrogates: raw (CESU-8 bytes, not UTF-8) are bad; as JSON escapes Python accepts them.
        p.add(new Pill("raw lone surrogate", ORDERS, k, concat(utf8("{\"account_id\":\""), bytes(0xed, 0xa0, 0x80),
                utf8("\",\"amount\":1}")), true));
        p.add(new Pill("escaped lone surrogate", ORDERS, k, utf8("{\"account_id\":\"\\ud800\",\"amount\":7}"),
                false));
        // Empty and null.
        p.add(new Pill("empty value", ORDERS, k, new byte[0], true));
        p.add(new Pill("null value (tombstone)", ORDERS, k, null, true));
        p.add(new Pill("null key, good value", ORDERS, null, utf8("{\"account_id\":\"nk\",\"amount\":8}"), false));
        p.add(new Pill("empty key, good value", ORDERS, new byte[0], utf8("{\"account_id\":\"ek\",\"amount\":9}"),
                false));
        // 5 MB.
        p.add(new Pill("5 MB of garbage", ORDERS, k, utf8("[".repeat(BIG)), true));
        p.add(new Pill("5 MB of random bytes", ORDERS, k, random(BIG), true));
        p.add(new Pill("5 MB string in a good record", ORDERS, k, utf8("{\"account_id\":\"" + "x".repeat(BIG)
                + "\",\"amount\":10}"), false));
        // Deep nesting.
        p.add(new Pill("100k deep list", ORDERS, k, utf8("[".repeat(100_000) + "]".repeat(100_000)), true));
        p.add(new Pill("deep object in a field", ORDERS, k, utf8("{\"account_id\":" + "{\"a\":".repeat(3000) + "1"
                + "}".repeat(3000) + ",\"amount\":1}"), true));
        // Unknown namespaces: an untyped topic raises (Faust: ValueDecodeError), a typed one decodes as its type.
        p.add(new Pill("unknown ns, untyped topic", ANY, k, utf8("{\"a\":1,\"__faust\":{\"ns\":\"nope.Unknown\"}}"),
                true));
        p.add(new Pill("trailing comma, untyped topic", ANY, k, utf8("[1,]"), true));
        p.add(new Pill("unknown ns, typed topic", ORDERS, k,
                utf8("{\"account_id\":\"ns\",\"amount\":11,\"__faust\":{\"ns\":\"nope.Unknown\"}}"), false));
        p.add(new Pill("bad json, untyped topic", ANY, k, utf8("{\"a\":"), true));
        // Bad base64 (json|binary).
        for (String s : new String[] {"!!!not base64!!!", "eyJ1c2VybmFtZSI6", "====", "e30"}) {
            p.add(new Pill("bad base64 " + s, B64, k, utf8(s), true));
        }
        p.add(new Pill("base64 of bad json", B64, k, utf8(Base64.getEncoder().encodeToString(utf8("{\"x\":"))),
                true));
        p.add(new Pill("base64 of wrong shape", B64, k, utf8(Base64.getEncoder().encodeToString(utf8("[1]"))), true));
        p.add(new Pill("plain json, not base64", B64, k,
                utf8("{\"username\":\"u\",\"currency\":\"EUR\",\"amount\":1}"), true));
        // Bad keys.
        byte[] order = utf8("{\"account_id\":\"keyed\",\"amount\":12}");
        p.add(new Pill("key: bad json", KEYED, utf8("{\"user\":"), order, true));
        p.add(new Pill("key: wrong type", KEYED, utf8("[1,2]"), order, true));
        p.add(new Pill("key: missing field", KEYED, utf8("{\"user\":\"u\"}"), order, true));
        p.add(new Pill("key: invalid utf-8", KEYED, bytes(0xff, 0x00), order, true));
        // YAML a parser threw its own exceptions on (a StackOverflowError for the first, issue 21).
        p.add(new Pill("yaml: a list holding an alias of itself", YAML, k, utf8("&a [*a]"), true));
        p.add(new Pill("yaml: a map holding an alias of itself", YAML, k, utf8("&m {x: [*m]}"), true));
        p.add(new Pill("yaml: !!int abc", YAML, k, utf8("!!int abc"), true));
        p.add(new Pill("yaml: month 13", YAML, k, utf8("when: 2020-13-45"), true));
        p.add(new Pill("yaml: 600 levels deep", YAML, k, utf8("[".repeat(600) + "]".repeat(600)), true));
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol]\n");
        for (int l = 1; l <= 16; l++) {
            bomb.append("l").append(l).append(": &l").append(l).append(" [*l").append(l - 1).append(", *l")
                    .append(l - 1).append(", *l").append(l - 1).append("]\n");
        }
        p.add(new Pill("yaml: alias bomb", YAML, k, utf8(bomb.toString()), true));
        p.add(new Pill("yaml: a shared alias", YAML, k, utf8("a: &x [1]\nb: *x\n"), false));
        return p;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(11).nextBytes(b);
        b[0] = (byte) 0xff;
        return b;
    }
}
