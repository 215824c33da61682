package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.Changelogs;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.examples.pageviews.PageView;
import io.jfaust.examples.pageviews.PageViews;
import io.jfaust.examples.purchases.LessonApp;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.examples.withdrawals.Withdrawal;
import io.jfaust.examples.withdrawals.Withdrawals;
import io.jfaust.examples.wordcount.WordCount;
import io.jfaust.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker with {@code auto.create.topics.enable=false}, as production brokers run: every example starts and runs on
 * the topics its worker declares, and an existing topic that conflicts with the declaration stops the worker.
 */
class DeclaredTopicsIT {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    @TempDir
    Path state;

    private Worker worker(App app) throws Exception {
        Path dir = Files.createTempDirectory(state, "w");
        Worker w = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(dir.toString()).banner(false)
                .property("commit.interval.ms", 100));
        assertThat(w.awaitRunning(Duration.ofSeconds(60))).as("worker running").isTrue();
        return w;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Topic<K, V> topic(App app, String name) {
        return (Topic<K, V>) app.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static TopicDescription describe(String topic) throws Exception {
        try (Admin admin = kafka.admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        }
    }

    private static String config(String topic, String key) throws Exception {
        try (Admin admin = kafka.admin()) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
            return c.get(key).value();
        }
    }

    @Test
    void everyExampleStartsAndRunsOnTheTopicsItsWorkerDeclares() throws Exception {
        App lesson = LessonApp.create(kafka.brokerUrl());
        try (Worker w = worker(lesson)) {
            w.send(topic(lesson, LessonApp.PURCHASES), "alice", new Purchase("alice", "USD", 1250));
            w.flush();
            assertThat(ConsoleConsumer.read(kafka.bootstrapServers(), LessonApp.DOLLARS, 1, Duration.ofSeconds(60)))
                    .hasSize(1);
        }
        assertThat(describe(LessonApp.PURCHASES).partitions()).as("topic_partitions=4").hasSize(4);
        assertThat(describe(LessonApp.DOLLARS).partitions()).as("a sink is declared too").hasSize(4);

        App words = WordCount.create(kafka.brokerUrl());
        try (Worker w = worker(words)) {
            w.send(topic(words, WordCount.POSTS), "p1", "one two two");
            w.flush();
            assertThat(Changelogs.table(kafka.bootstrapServers(), "word-counts-word_counts-changelog",
                    s -> "2".equals(s.get("\"two\"")), Duration.ofSeconds(60))).containsEntry("\"two\"", "2");
        }
        assertThat(config("word-counts-word_counts-changelog", "cleanup.policy")).isEqualTo("compact");

        App views = PageViews.create(kafka.brokerUrl());
        try (Worker w = worker(views)) {
            w.send(topic(views, PageViews.TOPIC), "u1", new PageView("/home", "u1"));
            w.flush();
            assertThat(Changelogs.table(kafka.bootstrapServers(), "page-views-page_views-changelog",
                    s -> !s.isEmpty(), Duration.ofSeconds(60))).isNotEmpty();
        }
        assertThat(config("page-views-page_views-changelog", "cleanup.policy")).isEqualTo("compact,delete");

        App withdrawals = Withdrawals.create(kafka.brokerUrl());
        try (Worker w = worker(withdrawals)) {
            w.send(topic(withdrawals, Withdrawals.TOPIC), "alice", new Withdrawal("alice", "NO", 3.0, null));
            w.flush();
            assertThat(Changelogs.table(kafka.bootstrapServers(), "withdrawals-country_to_total-changelog",
                    s -> !s.isEmpty(), Duration.ofSeconds(60))).isNotEmpty();
        }
    }

    /** An app counting its input in a table, with two partitions. */
    private static App counting(String id) {
        App app = App.create(id, c -> c.broker(kafka.brokerUrl()).topicPartitions(2));
        Topic<String, String> in = app.topic(id + "-in", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("conflict.count", in, s -> s.forEach(v -> counts.update(v, n -> n + 1)));
        return app;
    }

    @Test
    void aChangelogThatIsNotCompactedIsRefusedWithWhatToFix() throws Exception {
        App app = counting("conflict-policy");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("conflict-policy-counts-changelog", 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> Worker.start(app, o -> o.banner(false)))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("Topic conflict-policy-counts-changelog has cleanup.policy=delete but the app "
                        + "declares compact")
                .hasMessageContaining("--add-config cleanup.policy=[compact]")
                .satisfies(e -> assertThat(((WorkerException) e).exitCode()).isEqualTo(4));
    }

    @Test
    void aChangelogWithOtherPartitionsThanItsSourceIsRefused() throws Exception {
        App app = counting("conflict-parts");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic("conflict-parts-counts-changelog", 3, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> Worker.start(app, o -> o.banner(false)))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("Topic conflict-parts-counts-changelog has 3 partitions but the app declares 2");
    }

    @Test
    void withDeclaringOffAMissingSourceIsRefusedAndNothingIsCreated() throws Exception {
        App app = App.create("no-declare", c -> c.broker(kafka.brokerUrl()).topicAllowDeclare(false));
        Topic<String, String> in = app.topic("no-declare-in", String.class, String.class);
        app.agent("no_declare.echo", in, s -> s.forEach(v -> { }));
        assertThatThrownBy(() -> Worker.start(app, o -> o.banner(false)))
                .isInstanceOf(WorkerException.class)
                .hasMessageContaining("Topic no-declare-in does not exist and topic_allow_declare is off");
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("no-declare-in");
        }
    }
}
