package io.jfaust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.pageviews.PageView;
import io.jfaust.examples.pageviews.PageViews;
import io.jfaust.examples.purchases.LessonApp;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.examples.purchases.PurchaseDollars;
import io.jfaust.examples.withdrawals.Withdrawal;
import io.jfaust.examples.withdrawals.Withdrawals;
import io.jfaust.examples.wordcount.WordCount;
import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every example on one real Kafka broker, its output read back with a plain consumer and checked value by value. */
class ExamplesIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();

    @TempDir
    Path state;

    private Worker worker(App app) throws Exception {
        Path dir = Files.createTempDirectory(state, "w");
        Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(dir.toString())
                .banner(false).property("commit.interval.ms", 100));
        assertThat(w.awaitRunning(Duration.ofSeconds(60))).as("worker running").isTrue();
        return w;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Topic<K, V> topic(App app, String name) {
        return (Topic<K, V>) app.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void lessonConvertsEveryPurchaseToFaustJsonDollars() throws Exception {
        kafka.createTopic(LessonApp.PURCHASES, 4);
        kafka.createTopic(LessonApp.DOLLARS, 4);
        App app = LessonApp.create(kafka.brokerUrl());
        Map<String, PurchaseDollars> expected = new HashMap<>();
        try (Worker w = worker(app)) {
            Topic<String, Purchase> purchases = topic(app, LessonApp.PURCHASES);
            for (int i = 0; i < 40; i++) {
                Purchase p = new Purchase("user" + i, i % 2 == 0 ? "USD" : "EUR", 100L * i + 7);
                purchases.send(p.username(), p);
                expected.put(p.username(), PurchaseDollars.of(p));
            }
            w.flush();
            List<ConsumerRecord<byte[], byte[]>> out = ConsoleConsumer.read(kafka.bootstrapServers(),
                    LessonApp.DOLLARS, 40, Duration.ofSeconds(60));
            assertThat(out).hasSize(40);
            for (ConsumerRecord<byte[], byte[]> r : out) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .isEqualTo(FaustJson.of(JsonFlavor.FAUST_STREAMING).dumpsString(expected.get(key)));
            }
            assertThat(out).extracting(ConsumerRecord::partition).containsAnyOf(0, 1, 2, 3);
        }
    }

    @Test
    void wordCountCountsEveryWordInItsTable() throws Exception {
        kafka.createTopic(WordCount.POSTS, 4);
        App app = WordCount.create(kafka.brokerUrl());
        try (Worker w = worker(app)) {
            Topic<String, String> posts = topic(app, WordCount.POSTS);
            posts.send("p1", "the quick brown fox");
            posts.send("p2", "the lazy dog");
            posts.send("p3", "the end");
            w.flush();
            Map<String, String> table = Changelogs.table(kafka.bootstrapServers(), "word-counts-word_counts-changelog",
                    s -> "3".equals(s.get("\"the\"")) && s.size() == 7, Duration.ofSeconds(60));
            assertThat(table).containsEntry("\"the\"", "3").containsEntry("\"fox\"", "1").containsEntry("\"end\"", "1")
                    .hasSize(7);
        }
    }

    @Test
    void pageViewsAreCountedPerPageInTumblingWindows() throws Exception {
        kafka.createTopic(PageViews.TOPIC, 4);
        App app = PageViews.create(kafka.brokerUrl());
        try (Worker w = worker(app)) {
            Topic<String, PageView> views = topic(app, PageViews.TOPIC);
            for (int i = 0; i < 12; i++) {
                views.send("u" + i, new PageView(i % 3 == 0 ? "/home" : "/about", "u" + i));
            }
            w.flush();
            Map<String, String> table = Changelogs.table(kafka.bootstrapServers(), "page-views-page_views-changelog",
                    s -> sum(s, "/home") == 4 && sum(s, "/about") == 8, Duration.ofSeconds(60));
            assertThat(sum(table, "/home")).isEqualTo(4.0);
            assertThat(sum(table, "/about")).isEqualTo(8.0);
            assertThat(table.keySet()).allMatch(k -> k.matches("\\[\"/(home|about)\",\\[\\d+\\.0,\\d+\\.9]]"));
        }
    }

    @Test
    void withdrawalsTotalPerUserAndPerCountryInHoppingWindows() throws Exception {
        kafka.createTopic(Withdrawals.TOPIC, 4);
        App app = Withdrawals.create(kafka.brokerUrl());
        try (Worker w = worker(app)) {
            Topic<String, Withdrawal> withdrawals = topic(app, Withdrawals.TOPIC);
            withdrawals.send("alice", new Withdrawal("alice", "NO", 10.5, null));
            withdrawals.send("bob", new Withdrawal("bob", "NO", 2.0, null));
            withdrawals.send("alice", new Withdrawal("alice", "SE", 1.0, null));
            w.flush();
            Map<String, String> users = Changelogs.table(kafka.bootstrapServers(),
                    "withdrawals-user_to_total-changelog", s -> sum(s, "alice") == 11.5 && sum(s, "bob") == 2.0,
                    Duration.ofSeconds(60));
            assertThat(users.entrySet()).filteredOn(e -> e.getKey().startsWith("[\"alice\""))
                    .extracting(Map.Entry::getValue).containsExactly("11.5");
            Map<String, String> countries = Changelogs.table(kafka.bootstrapServers(),
                    "withdrawals-country_to_total-changelog", s -> sum(s, "NO") >= 6 * 12.5 && sum(s, "SE") >= 6,
                    Duration.ofSeconds(60));
            assertThat(sum(countries, "NO")).as("each withdrawal is in 6 hopping windows").isEqualTo(6 * 12.5);
            assertThat(sum(countries, "SE")).isEqualTo(6.0);
        }
    }

    /** Sum of a key's values over its windows (each window's latest value). */
    private static double sum(Map<String, String> table, String key) {
        return table.entrySet().stream().filter(e -> e.getKey().startsWith("[\"" + key + "\""))
                .mapToDouble(e -> Double.parseDouble(e.getValue())).sum();
    }
}
