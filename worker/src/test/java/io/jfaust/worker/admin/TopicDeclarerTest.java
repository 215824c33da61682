package io.jfaust.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.worker.admin.WorkerModels.Order;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The topics a worker declares for its tables: partitions, strictness and configs. */
class TopicDeclarerTest {
    @Test
    void aWorkerWantsTheChangelogWithThatCount() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class, t -> t.partitions(7));
        app.table("totals", String.class, Long.class, t -> t.partitions(7)).tumbling(Duration.ofSeconds(10));
        app.table("plain", String.class, Long.class, () -> 0L);
        app.globalTable("names", String.class, String.class, t -> t.partitions(3));
        app.agent("shop.sum", orders, s -> s.forEach(o -> { }));
        app.topology();
        Map<String, TopicDeclarer.Wanted> wanted = TopicDeclarer.wanted(app, Map.of("orders", 7));
        TopicDeclarer.Wanted totals = wanted.get("shop-totals-changelog");
        assertThat(totals.partitions()).isEqualTo(7);
        assertThat(totals.strict()).as("an existing changelog of another count is refused").isTrue();
        assertThat(totals.configs()).containsEntry("cleanup.policy", "compact,delete").doesNotContainKey("retention.ms");
        TopicDeclarer.Wanted names = wanted.get("shop-names-changelog");
        assertThat(names.partitions()).isEqualTo(3);
        assertThat(names.strict()).isTrue();
        assertThat(names.configs()).containsEntry("cleanup.policy", "compact");
    }
}
