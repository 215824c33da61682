package io.jfaust.examples.purchasesapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import io.jfaust.testing.FaustTestDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live Faust app's recorded inputs ({@code faust-vectors/live-app/}) through {@link PurchasesApp} in a test
 * driver: the outputs, the changelogs of all three tables and the repartition topic must carry, per key, the same
 * sequence of bytes as the live Faust worker wrote.
 */
class LiveAppPortTest {
    private App app;
    private FaustTestDriver driver;

    @BeforeEach
    void pipeTheRecordedInputs() {
        app = PurchasesApp.create(PurchasesApp.BROKER);
        driver = FaustTestDriver.create(app, Instant.parse("2026-11-27T00:00:00Z"));
        List<Map<String, Object>> inputs = new ArrayList<>(rows("faust_live_input.jsonl"));
        inputs.sort(Comparator.comparingLong(r -> ((Number) r.get("timestamp_ms")).longValue()));
        for (Map<String, Object> r : inputs) {
            driver.sendRaw("purchases", bytes(r, "key_b64"), bytes(r, "value_b64"),
                    ((Number) r.get("timestamp_ms")).longValue(), new RecordHeaders());
        }
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** Per key (as text), the sequence of values (as text, null for a tombstone) in offset order. */
    private static Map<String, List<String>> perKey(List<Map<String, Object>> rows) {
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong((Map<String, Object> r) -> ((Number) r.get("partition")).longValue())
                .thenComparingLong(r -> ((Number) r.get("offset")).longValue()));
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, Object> r : sorted) {
            out.computeIfAbsent(text(bytes(r, "key_b64")), k -> new ArrayList<>()).add(text(bytes(r, "value_b64")));
        }
        return out;
    }

    private static Map<String, List<String>> perKeyRecorded(List<TestRecord<byte[], byte[]>> records) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (TestRecord<byte[], byte[]> r : records) {
            out.computeIfAbsent(text(r.key()), k -> new ArrayList<>()).add(text(r.value()));
        }
        return out;
    }

    private static Map<String, List<String>> perKeyAndUser(Map<String, List<String>> byKey) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        byKey.forEach((key, values) -> values.forEach(v -> out.computeIfAbsent(
                key + "/" + v.replaceAll(".*\"username\":\"([^\"]*)\".*", "$1"), k -> new ArrayList<>()).add(v)));
        return out;
    }

    /** The rows of a live-run file (topic, partition, offset, timestamp, key and value bytes in base64). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(String file) {
        try (InputStream in = LiveAppPortTest.class.getResourceAsStream("/faust-vectors/live-app/" + file)) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add((Map<String, Object>) FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Map<String, Object> row, String field) {
        Object b64 = row.get(field);
        return b64 == null ? null : Base64.getDecoder().decode((String) b64);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> ofTopic(String file, String topic) {
        return rows(file).stream().filter(r -> topic.equals(r.get("topic"))).toList();
    }

    @Test
    void outputsAreFaustsBytesKeyByKey() {
        List<TestRecord<byte[], byte[]>> out = driver.readRaw("purchases-dollars");
        assertThat(out).hasSize(100);
        assertThat(perKeyRecorded(out)).isEqualTo(perKey(rows("faust_live_output.jsonl")));
        assertThat(out).allSatisfy(r -> assertThat(r.headers().toArray()).isEmpty());
    }

    @Test
    void plainTableChangelogIsFaustsIncludingTheTombstone() {
        String topic = "faustlab-purchase_counts-changelog";
        assertThat(perKeyRecorded(driver.readRaw(topic)))
                .isEqualTo(perKey(ofTopic("faust_live_changelog.jsonl", topic)))
                .containsEntry("\"erin\"", expectedErin());
    }

    private static List<String> expectedErin() {
        List<String> erin = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            erin.add(Integer.toString(i));
        }
        erin.add(null);
        return erin;
    }

    @Test
    void windowedTableChangelogHasFaustsWindowKeys() {
        String topic = "faustlab-amount_sums_10s-changelog";
        Map<String, List<String>> got = perKeyRecorded(driver.readRaw(topic));
        assertThat(got).isEqualTo(perKey(ofTopic("faust_live_changelog.jsonl", topic)));
        assertThat(got).containsKey("[\"erin\",[1700000000.0,1700000009.9]]").hasSize(25);
    }

    @Test
    void groupByUsesFaustsRepartitionTopicAndForwardsTheOriginalBytes() {
        String topic = "purchases_app.by_currency-purchases-Purchase.currency-repartition";
        assertThat(app.topics()).extracting(t -> t.name()).contains(topic);
        // Faust interleaves its four source partitions, so only the order within one source partition (one user)
        // is defined: compare per (currency, user).
        assertThat(perKeyAndUser(perKeyRecorded(driver.readRaw(topic))))
                .isEqualTo(perKeyAndUser(perKey(rows("faust_live_repartition.jsonl"))));
        String counts = "faustlab-currency_counts-changelog";
        assertThat(perKeyRecorded(driver.readRaw(counts))).isEqualTo(perKey(ofTopic("faust_live_changelog.jsonl",
                counts)));
        @SuppressWarnings("unchecked")
        Table<String, Long> currencyCounts = (Table<String, Long>) app.tables().stream()
                .filter(t -> t.name().equals("currency_counts")).findFirst().orElseThrow();
        assertThat(currencyCounts.get("EUR")).isEqualTo(35L);
        assertThat(currencyCounts.get("DELETE")).isEqualTo(1L);
    }
}
