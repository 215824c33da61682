package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.CoreModels.Order;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Faust's table options {@code partitions=} and windows without {@code expires}: what is checked when the app is
 * built, what a worker creates or refuses, and the changelog configs.
 */
class TablePartitionsTest {
    @Test
    void aTableWithItsOwnPartitionsNeedsItsAgentsToReadTopicsOfThatCount() {
        App ok = App.create("shop");
        Topic<String, Order> orders = ok.topic("orders", String.class, Order.class, t -> t.partitions(7));
        ok.table("totals", String.class, Long.class, t -> t.defaultValue(() -> 0L).partitions(7));
        ok.agent("shop.sum", orders, s -> s.forEach(o -> { }));
        assertThat(ok.topology()).isNotNull();

        App fewer = App.create("shop");
        Topic<String, Order> four = fewer.topic("orders", String.class, Order.class, t -> t.partitions(4));
        fewer.table("totals", String.class, Long.class, t -> t.partitions(7));
        fewer.agent("shop.sum", four, s -> s.forEach(o -> { }));
        assertThatThrownBy(fewer::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("table totals has partitions=7 but agent shop.sum")
                .hasMessageContaining("reads topic orders with 4 partitions")
                .hasMessageContaining("o -> o.tables(...)");

        App undeclared = App.create("shop");
        Topic<String, Order> unknown = undeclared.topic("orders", String.class, Order.class);
        undeclared.table("totals", String.class, Long.class, t -> t.partitions(7));
        undeclared.agent("shop.sum", unknown, s -> s.forEach(o -> { }));
        assertThatThrownBy(undeclared::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("partition count of topic orders").hasMessageContaining("t.partitions(7)");
    }

    @Test
    void anAgentKeptOffTheTableOrReadingInternalTopicsOfThatCountPasses() {
        App app = App.create("shop", conf -> conf.topicPartitions(7));
        Topic<String, Order> four = app.topic("orders", String.class, Order.class, t -> t.partitions(4));
        Topic<String, Order> seven = app.topic("big-orders", String.class, Order.class, t -> t.partitions(7));
        Table<String, Long> totals = app.table("totals", String.class, Long.class, t -> t.partitions(7));
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("shop.count", four, s -> s.forEach(o -> { }), o -> o.tables(counts));
        // group_by's repartition topic is internal: created with topic_partitions (7).
        app.agent("shop.sum", seven, s -> s.groupBy(Order::account_id, "Order.account_id").forEach(o -> { }),
                o -> o.tables(totals));
        assertThat(app.topology()).isNotNull();

        App own = App.create("shop", conf -> conf.topicPartitions(7));
        Table<String, Long> t7 = own.table("totals", String.class, Long.class, t -> t.partitions(7));
        Topic<String, Order> internal = own.topic("shop-own", String.class, Order.class, t -> t.internal(true));
        own.agent("shop.own", internal, s -> s.forEach(o -> { }), o -> o.tables(t7));
        assertThat(own.topology()).as("an internal topic is created with topic_partitions").isNotNull();
    }


    @Test
    void windowsWithoutExpiresAreKeptAndTheirChangelogHasNoRetention() {
        App app = App.create("shop");
        WindowedTable<String, Long> forever = app.table("forever", String.class, Long.class, () -> 0L)
                .hopping(Duration.ofSeconds(10), Duration.ofSeconds(5));
        WindowedTable<String, Long> hour = app.table("hour", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofHours(1));
        WindowedTable<String, Long> tumbling = app.table("t", String.class, Long.class).tumbling(Duration.ofMinutes(1));
        assertThat(forever.expires()).isNull();
        assertThat(tumbling.expires()).isNull();
        assertThat(TopologyCompiler.storeFor(app, app.tableNamed("forever")).logConfig())
                .isEqualTo(Map.of("cleanup.policy", "compact,delete"));
        assertThat(TopologyCompiler.storeFor(app, app.tableNamed("hour")).logConfig())
                .isEqualTo(Map.of("cleanup.policy", "compact,delete", "retention.ms", "3600000"));
        assertThat(hour.expires()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> app.table("zero", String.class, Long.class).tumbling(Duration.ofSeconds(1),
                Duration.ZERO)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("expires must be positive").hasMessageContaining("tumbling(size)");
        assertThatThrownBy(() -> app.table("p", String.class, Long.class, t -> t.partitions(0)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("partitions must be 1 or more");
    }

    @Test
    void windowedChangelogsAreCompactDeleteWithRetentionEqualToExpires() {
        App app = App.create("shop");
        Table<String, Long> t = app.table("w", String.class, Long.class, () -> 0L);
        t.tumbling(Duration.ofSeconds(10), Duration.ofHours(1));
        assertThat(TopologyCompiler.storeFor(app, t).logConfig())
                .containsEntry("cleanup.policy", "compact,delete").containsEntry("retention.ms", "3600000");
        Table<String, Long> plain = app.table("p", String.class, Long.class, () -> 0L);
        assertThat(TopologyCompiler.storeFor(app, plain).logConfig()).doesNotContainKey("retention.ms");
    }
}
