package io.jfaust.it;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inputs of the takeover fixture ({@code faust-vectors/takeover/README.md}) by its rules, and what
 * {@code purchases_app.py} makes of them, computed here from the rules alone (not by jfaust): the output records and
 * the final value of every table key, as the bytes Faust writes.
 */
final class FaustlabInputs {
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin"};
    private static final String[] CURRENCIES = {"USD", "EUR", "NOK"};

    /** Input seq {@code i}: key, fields, timestamp. */
    record Input(int seq, String username, String currency, long amount, long timestampMs) {
        byte[] key() {
            return username.getBytes(StandardCharsets.UTF_8);
        }

        /** The bytes Faust's {@code Purchase(...)} send writes. */
        byte[] value() {
            return ("{\"username\":\"" + username + "\",\"currency\":\"" + currency + "\",\"amount\":" + amount
                    + ",\"__faust\":{\"ns\":\"purchases_app.Purchase\"}}").getBytes(StandardCharsets.UTF_8);
        }

        boolean delete() {
            return currency.equals("DELETE");
        }

        /** The {@code DollarPurchase} Faust sends for it ({@code amount / 100} printed as Python prints floats). */
        String dollars() {
            BigDecimal d = BigDecimal.valueOf(amount).movePointLeft(2).stripTrailingZeros();
            String text = d.scale() <= 0 ? d.setScale(0).toPlainString() + ".0" : d.toPlainString();
            return "{\"username\":\"" + username + "\",\"currency\":\"" + currency + "\",\"amount\":" + text
                    + ",\"__faust\":{\"ns\":\"purchases_app.DollarPurchase\"}}";
        }

        /** The 10 s tumbling window's key, {@code ["alice",[1700001000.0,1700001009.9]]}. */
        String windowKey() {
            long start = Math.floorDiv(timestampMs, 10_000L) * 10;
            return "[\"" + username + "\",[" + start + ".0," + (start + 9) + ".9]]";
        }
    }

    private FaustlabInputs() {}

    static Input input(int i) {
        if (i == 3001) {
            return new Input(i, "erin", "DELETE", 0, timestamp(i));
        }
        if (i == 5001) {
            return new Input(i, "dave", "DELETE", 0, timestamp(i));
        }
        return new Input(i, USERS[i % 5], CURRENCIES[(i / 5) % 3], (i * 137L) % 10000 + 1, timestamp(i));
    }

    private static long timestamp(int i) {
        return 1_700_000_003_000L + 500L * i;
    }

    static List<Input> inputs(int from, int to) {
        List<Input> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(input(i));
        }
        return out;
    }

    /** Per username, the {@code purchases-dollars} values of inputs {@code from..to-1}, in order. */
    static Map<String, List<String>> outputs(int from, int to) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Input in : inputs(from, to)) {
            if (!in.delete()) {
                out.computeIfAbsent(in.username(), k -> new ArrayList<>()).add(in.dollars());
            }
        }
        return out;
    }

    /** The three tables after inputs {@code 0..to-1}, as changelog key text to value text. */
    static Map<String, Map<String, String>> tables(int to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> sums = new LinkedHashMap<>();
        Map<String, Long> currencies = new LinkedHashMap<>();
        for (Input in : inputs(0, to)) {
            currencies.merge("\"" + in.currency() + "\"", 1L, Long::sum);   // by_currency counts DELETE too
            if (in.delete()) {
                counts.remove("\"" + in.username() + "\"");
                continue;
            }
            counts.merge("\"" + in.username() + "\"", 1L, Long::sum);
            sums.merge(in.windowKey(), in.amount(), Long::sum);
        }
        return Map.of("purchase_counts", text(counts), "amount_sums_10s", text(sums), "currency_counts",
                text(currencies));
    }

    private static Map<String, String> text(Map<String, Long> m) {
        Map<String, String> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Long.toString(v)));
        return out;
    }
}
