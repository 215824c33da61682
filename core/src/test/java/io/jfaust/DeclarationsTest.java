package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.CoreModels.Order;
import io.jfaust.serdes.FaustRecord;
import java.time.Duration;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

/** Every declaration mistake fails when the app is declared or compiled, with a message naming the fix. */
class DeclarationsTest {
    @FaustRecord(namespace = "shop.Order")
    record OtherOrder(String id) {}

    @Test
    void anUnknownAppSerializerFailsAtCompileNotAtRunTime() {
        App app = App.create("shop", conf -> conf.valueSerializer("jsno"));
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        app.agent("shop.a", orders, s -> s.forEach(o -> { }));
        assertThatThrownBy(app::topology).isInstanceOf(ImproperlyConfigured.class)
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("value_serializer").hasMessageContaining("jsno")
                .hasMessageContaining("conf.codec(");
    }

    @Test
    void aRecordCacheSizeThatIsNoNumberFailsWhenTheAppIsBuilt() {
        App app = App.create("shop", conf -> conf.streamsProperty("statestore.cache.max.bytes", "lots"));
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("shop.count", orders, s -> s.forEach(o -> counts.update("all", n -> n + 1)));
        assertThatThrownBy(app::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("statestore.cache.max.bytes").hasMessageContaining("lots")
                .hasMessageContaining("number of bytes");
    }

    @Test
    void anUnknownTopicSerializerOrChainElementFails() {
        App app = App.create("shop");
        app.topic("raw", String.class, String.class, t -> t.valueSerializer("json|bnary"));
        assertThatThrownBy(app::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("topic raw: value_serializer").hasMessageContaining("bnary");
    }

    @Test
    void anAppRegisteredCodecResolves() {
        App app = App.create("shop", conf -> conf.codec("rev", new Reverse()).valueSerializer("json|rev"));
        app.topic("t", String.class, String.class);
        assertThat(app.topology()).isNotNull();
        assertThat(app.serializers().dumpsValue(io.jfaust.serdes.DataType.of(String.class), "ab", null))
                .isEqualTo("\"ba\"".getBytes());
    }

    @Test
    void aTopicDeclaredTwiceWithOtherOptionsFailsAndTheSameDeclarationIsTheSameTopic() {
        App app = App.create("shop");
        Topic<String, Order> first = app.topic("orders", String.class, Order.class, t -> t.partitions(4));
        assertThat(app.topic("orders", String.class, Order.class, t -> t.partitions(4))).isSameAs(first);
        assertThatThrownBy(() -> app.topic("orders", String.class, Order.class, t -> t.partitions(8)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("partitions 4 and 8")
                .hasMessageContaining("declare it once");
        assertThatThrownBy(() -> app.topic("orders", String.class, Order.class,
                t -> t.partitions(4).valueSerializer("yaml")))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("value serializers");
        assertThatThrownBy(() -> app.topic("orders", String.class, String.class, t -> t.partitions(4)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("value types");
    }

    @Test
    void namesUsedTwiceFail() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        app.agent("shop.a", orders, s -> s.forEach(o -> { }));
        assertThatThrownBy(() -> app.agent("shop.a", orders, s -> s.forEach(o -> { })))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("agent name shop.a is used twice");
        app.table("totals", String.class, Long.class, () -> 0L);
        assertThatThrownBy(() -> app.table("totals", String.class, Long.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("used twice");
        assertThatThrownBy(() -> app.globalTable("totals", String.class, Long.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("used twice");
    }

    @Test
    void twoRecordClassesClaimingOneNamespaceFail() {
        App app = App.create("shop");
        app.topic("orders", String.class, Order.class);
        app.topic("other-orders", String.class, OtherOrder.class);
        assertThatThrownBy(app::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("shop.Order").hasMessageContaining("OtherOrder")
                .hasMessageContaining("another namespace in @FaustRecord(namespace=");
    }

    @Test
    void tablesAndTopicsOfAnotherAppFail() {
        App a = App.create("a");
        App b = App.create("b");
        Topic<String, Order> orders = a.topic("orders", String.class, Order.class);
        Topic<String, Order> foreign = b.topic("out", String.class, Order.class);
        Table<String, Long> foreignTable = b.table("t", String.class, Long.class, () -> 0L);
        assertThatThrownBy(() -> b.agent("b.x", orders, s -> s.forEach(o -> { })))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("declare the topic on this app");
        a.agent("a.x", orders, s -> s.echo(foreign).forEach(o -> { }), o -> o.tables(foreignTable));
        assertThatThrownBy(a::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("lists table t").hasMessageContaining("declare it with app.table");
        App c = App.create("c");
        Topic<String, Order> cOrders = c.topic("orders", String.class, Order.class);
        c.agent("c.x", cOrders, s -> s.echo(foreign).forEach(o -> { }));
        assertThatThrownBy(c::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("echo topic out belongs to app b");
    }

    @Test
    void agentOptionsKafkaStreamsCannotHonourFailClearly() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        assertThatThrownBy(() -> app.agent("shop.a", orders, s -> s.forEach(o -> { }), o -> o.concurrency(4)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("concurrency=4")
                .hasMessageContaining("add partitions");
        assertThatThrownBy(() -> app.agent("shop.b", orders, s -> s.forEach(o -> { }),
                o -> o.isolatedPartitions(false))).isInstanceOf(ImproperlyConfigured.class);
        app.agent("shop.c", orders, s -> s.forEach(o -> { }), o -> o.concurrency(1).isolatedPartitions(true));
        assertThat(app.topology()).isNotNull();
    }

    @Test
    void declaringAfterCompilingFails() {
        App app = App.create("shop");
        Table<String, Long> w = app.table("w", String.class, Long.class, () -> 0L);
        app.topology();
        assertThatThrownBy(() -> app.topic("late", String.class, String.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("declare everything before");
        assertThatThrownBy(() -> w.tumbling(Duration.ofSeconds(1), Duration.ofSeconds(10)))
                .isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void callsOutsideAgentsWithoutARuntimeNameTheWaysToBindOne() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        Table<String, Long> totals = app.table("totals", String.class, Long.class, () -> 0L);
        assertThatThrownBy(() -> orders.send("a", new Order("a", 1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runningApp.run(");
        assertThatThrownBy(() -> totals.get("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reading table totals");
    }

    /** Reverses the bytes (a toy codec). */
    static final class Reverse implements io.jfaust.serdes.Codec {
        @Override
        public Object dumps(Object obj) {
            byte[] b = (byte[]) obj;
            byte[] out = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[b.length - 1 - i];
            }
            return out;
        }

        @Override
        public Object loads(Object data) {
            return dumps(data);
        }
    }
}
