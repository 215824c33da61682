package io.jfaust.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.worker.admin.WorkerModels.Order;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the preflight expects of each changelog is what the worker creates it with. */
class ExpectedTopicsTest {
    @Test
    void aChangelogIsExpectedWithTheConfigsTheWorkerCreatesItWith() {
        App app = App.create("shop", conf -> conf.topicPartitions(4));
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        WindowedTable<String, Long> forever = app.table("forever", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10));                      // no expires: windows kept for ever
        WindowedTable<String, Long> hourly = app.table("hourly", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofHours(1));
        app.agent("shop.sum", orders, s -> s.forEach(o -> {
            forever.update(o.account_id(), n -> n + 1);
            hourly.update(o.account_id(), n -> n + 1);
        }));
        app.topology();
        List<ExpectedTopics.Expected> all = new ExpectedTopics(app).all(topic -> 4);
        ExpectedTopics.Expected f = all.stream().filter(e -> e.name().equals("shop-forever-changelog")).findFirst()
                .orElseThrow();
        assertThat(f.cleanupPolicy()).isEqualTo("compact,delete");
        assertThat(f.retentionMs()).as("no expires: the broker's retention, as Faust").isNull();
        ExpectedTopics.Expected h = all.stream().filter(e -> e.name().equals("shop-hourly-changelog")).findFirst()
                .orElseThrow();
        assertThat(h.retentionMs()).isEqualTo(Long.toString(Duration.ofHours(1).toMillis()));
    }
}
