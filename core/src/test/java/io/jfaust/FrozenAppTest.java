package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.CoreModels.Order;
import io.jfaust.serdes.Codecs;
import io.jfaust.serdes.FaustRecord;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Frozen means frozen: once declared or compiled, nothing of an app's declaration can be changed. */
class FrozenAppTest {
    @FaustRecord(namespace = "shop.Refund")
    record Refund(String account_id, long amount) {}

    private final App app = App.create("shop");
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class,
            o -> o.partitions(4));

    FrozenAppTest() {
        app.agent("shop.sum", orders, s -> s.forEach(o -> { }));
    }

    @Test
    void aTopicsOptionsAreFixedOnceItIsDeclared() {
        assertThatThrownBy(() -> orders.options().partitions(99)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("cannot set partitions of topic orders")
                .hasMessageContaining("o -> o.partitions(...)");
        app.topology();
        assertThatThrownBy(() -> orders.options().config("retention.ms", "1")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("cannot set config of topic orders");
        assertThat(orders.options().partitions()).isEqualTo(4);
    }

    @Test
    void theCodecRegistryIsSealedWhenTheAppIsCompiled() {
        app.serializers().codecs().add("rot13", Codecs.get("raw"));   // before: still open
        app.topology();
        assertThatThrownBy(() -> app.serializers().codecs().add("json", Codecs.get("raw")))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("cannot add codec json")
                .hasMessageContaining("app shop was already compiled").hasMessageContaining("conf.codec(name, codec)");
        assertThat(app.serializers().codecs().codec("json")).as("json is still Faust's json")
                .isNotSameAs(Codecs.get("raw"));
        Codecs.register("frozen-probe", Codecs.get("raw"));   // process-wide, after the app was compiled
        assertThatThrownBy(() -> app.serializers().codecs().codec("frozen-probe"))
                .as("a sealed registry sees the process-wide codecs of the moment it was sealed")
                .isInstanceOf(io.jfaust.serdes.UnknownCodecException.class);
        assertThat(App.create("later").serializers().codecs().codec("frozen-probe")).isNotNull();
    }

    @Test
    void theRecordRegistryIsSealedWhenTheAppIsCompiled() {
        app.topology();
        app.serializers().records().register(Order.class);   // one it holds: still nothing to do
        assertThatThrownBy(() -> app.serializers().records().register(Refund.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("cannot register record shop.Refund")
                .hasMessageContaining("conf.records(...)");
    }

    @Test
    void noDeclarationIsTakenAfterCompiling() {
        app.topology();
        assertThatThrownBy(() -> app.topic("late", String.class, String.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("cannot declare topic late");
        assertThatThrownBy(() -> app.windowedTable("late_w", String.class, Long.class,
                t -> t.tumbling(Duration.ofSeconds(10)))).isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void declarationErrorsShareOneRoot() {
        assertThatThrownBy(() -> app.topic(" ", String.class, String.class)).isInstanceOf(ImproperlyConfigured.class)
                .isInstanceOf(org.apache.kafka.streams.errors.TopologyException.class);
        assertThatThrownBy(() -> App.create("x", c -> c.topicPartitions(0))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("topic_partitions must be 1 or more");
        assertThatThrownBy(() -> app.timer(Duration.ZERO, () -> { })).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("positive interval");
    }

    @Test
    void aWindowedTableIsDeclaredAsOneThing() {
        WindowedTable<String, Long> views = app.windowedTable("views", String.class, Long.class,
                t -> t.defaultValue(() -> 0L).tumbling(Duration.ofSeconds(10), Duration.ofHours(1)));
        assertThat(views.window().size()).isEqualTo(10.0);
        assertThat(views.expires()).isEqualTo(Duration.ofHours(1));
        assertThat(views.changelogTopic()).isEqualTo("shop-views-changelog");
        assertThatThrownBy(() -> app.table("w2", String.class, Long.class, t -> t.tumbling(Duration.ofSeconds(1))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("declare it with app.windowedTable");
        assertThatThrownBy(() -> app.windowedTable("w3", String.class, Long.class, t -> t.defaultValue(() -> 0L)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has no window");
        assertThatThrownBy(() -> app.windowedTable("w4", String.class, Long.class,
                t -> t.tumbling(Duration.ofSeconds(1)).hopping(Duration.ofSeconds(2), Duration.ofSeconds(1))))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("has one window");
    }

    @Test
    void thePlainHandleOfAChainedWindowedTableNamesTheFix() {
        Table<String, Long> plain = app.table("clicks", String.class, Long.class, () -> 0L);
        plain.tumbling(Duration.ofSeconds(10));
        assertThatThrownBy(() -> plain.get("k")).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("use the WindowedTable that tumbling()/hopping() returned")
                .hasMessageContaining("app.windowedTable");
    }
}
