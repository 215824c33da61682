package io.jfaust.examples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a changelog topic with a plain consumer and folds it into the table it describes (last value per key), as
 * an operator checks what a table holds.
 *
 * <pre>{@code
 * Map<String, String> counts = Changelogs.table(bootstrap, "word-counts-word_counts-changelog",
 *         t -> t.containsKey("\"two\""), Duration.ofSeconds(60));
 * }</pre>
 */
public final class Changelogs {
    private Changelogs() {}

    /** The table a changelog describes, read until {@code done} holds for it or the timeout passes. */
    public static Map<String, String> table(String bootstrap, String topic, Predicate<Map<String, String>> done,
                                     Duration timeout) {
        Map<String, String> state = new LinkedHashMap<>();
        ConsoleConsumer.follow(bootstrap, topic, r -> apply(state, r), r -> !done.test(state), timeout);
        return state;
    }

    private static void apply(Map<String, String> state, ConsumerRecord<byte[], byte[]> r) {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            state.remove(key);
        } else {
            state.put(key, new String(r.value(), StandardCharsets.UTF_8));
        }
    }

    /** The keys of a table read by {@link #table}, in changelog order. */
    public static List<String> keys(Map<String, String> state) {
        return List.copyOf(state.keySet());
    }
}
