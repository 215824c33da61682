package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.CoreModels.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

class TopologyNamingTest {
    private App shop() {
        App app = App.create("shop", conf -> conf.topicPartitions(4));
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        Topic<String, Order> big = app.topic("big-orders", String.class, Order.class);
        Table<String, Long> totals = app.table("totals", String.class, Long.class, () -> 0L);
        app.agent("shop.totals", orders, s -> s.groupBy("account_id")
                .forEach(o -> totals.update(o.account_id(), t -> t + o.amount())));
        app.agent("shop.big", orders, s -> s.filter(o -> o.amount() > 100).forEachEvent(e -> e.forward(big)));
        return app;
    }

    private static List<String> nodes(Topology t) {
        List<String> names = new ArrayList<>();
        for (TopologyDescription.Subtopology st : t.describe().subtopologies()) {
            st.nodes().forEach(n -> names.add(n.name()));
        }
        return names;
    }

    @Test
    void oneNamedProcessorPerAgentAndSourceSharedByAgents() {
        Topology t = shop().topology();
        List<String> names = nodes(t);
        assertThat(names).contains(
                "source:orders", "agent:shop.totals", "agent:shop.big", "sink:agent:shop.totals", "sink:agent:shop.big",
                "sink:agent:shop.totals:partitioned", "sink:agent:shop.big:partitioned",
                "sink:agent:shop.big:big-orders", "sink:agent:shop.big:partitioned:big-orders",
                "source:shop.totals-orders-Order.account_id-repartition",
                "agent:shop.totals@shop.totals-orders-Order.account_id-repartition",
                "sink:agent:shop.totals@shop.totals-orders-Order.account_id-repartition");
        assertThat(names).allMatch(n -> n.startsWith("source:") || n.startsWith("agent:") || n.startsWith("sink:"));
        assertThat(names.stream().filter(n -> n.startsWith("agent:"))).hasSize(3);
        assertThat(t.describe().toString()).contains("stores: [totals]");
    }

    @Test
    void explicitNamingIsEnforcedAndTheAppIdIsFaustsConfId() {
        App app = App.create("shop", conf -> conf.version(2));
        assertThat(app.id()).isEqualTo("shop-v2");
        assertThat(app.streamsConfig()).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "shop-v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        Table<String, Long> t = app.table("counts", String.class, Long.class, () -> 0L);
        assertThat(t.changelogTopic()).isEqualTo("shop-v2-counts-changelog");
    }

    @Test
    void repartitionTopicsAreNamedAsFaustNamesThem() {
        App app = App.create("myapp");
        Topic<String, Order> withdrawals = app.topic("withdrawals", String.class, Order.class);
        app.agent("app1.process", withdrawals, s -> s.groupBy("account_id").forEach(o -> { }));
        Agent<String, Order> own = app.agent("app1.agent", String.class, Order.class,
                s -> s.groupBy(Order::account_id, "acct").forEach(o -> { }));
        assertThat(own.channel().name()).isEqualTo("myapp-app1.agent");
        assertThat(app.topics()).extracting(Topic::name).contains(
                "app1.process-withdrawals-Order.account_id-repartition",
                "myapp-app1.agent-acct-repartition");
        Topic<?, ?> repartition = app.topics().stream()
                .filter(x -> x.name().equals("app1.process-withdrawals-Order.account_id-repartition")).findFirst()
                .orElseThrow();
        assertThat(repartition.options().partitions()).isEqualTo(8);
        assertThat(repartition.options().internal()).isTrue();
    }

    @Test
    void brokerUrlsInFaustsFormsBecomeBootstrapServers() {
        assertThat(App.create("a", c -> c.broker("kafka://h1:9092;PLAINTEXT://h2:9093,h3")).settings()
                .bootstrapServers()).isEqualTo("h1:9092,h2:9093,h3:9092");
        assertThat(App.create("a", c -> c.broker(List.of("kafka://x:1", "y:2"))).settings().brokers())
                .containsExactly("x:1", "y:2");
        assertThat(App.create("a").settings().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(App.create("a", c -> c.processingGuarantee("exactly_once")).streamsConfig())
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(App.create("a", c -> c.streamsProperty("num.stream.threads", 3)).streamsConfig())
                .containsEntry("num.stream.threads", 3);
    }

    @Test
    void misconfigurationFailsWhenTheAppIsBuiltNamingTheOption() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        assertThatThrownBy(() -> app.agent("a", orders, s -> s.groupBy(Order::account_id, "").forEach(o -> { })))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("must set a name");
        assertThatThrownBy(() -> app.agent("b", orders, s -> s.filter(o -> true)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("describes no processing");
        assertThatThrownBy(() -> app.agent("c", orders, s -> s.map(Order::amount).forEach(x -> { }),
                o -> o.sink(orders))).hasMessageContaining("must yield to use sinks");
        assertThatThrownBy(() -> app.agent("d", orders, s -> s.map(o -> o).groupBy(Order::account_id, "x")
                .forEach(o -> { }))).hasMessageContaining("group_by must come before map");
        assertThatThrownBy(() -> app.agent(" ", orders, s -> s.forEach(o -> { })))
                .hasMessageContaining("needs a name");
        app.table("t", String.class, Long.class, () -> 0L);
        assertThatThrownBy(() -> app.table("t", String.class, Long.class, () -> 0L)).hasMessageContaining("twice");
        Table<String, Long> w = app.table("w", String.class, Long.class, () -> 0L);
        assertThatThrownBy(() -> w.tumbling(Duration.ofSeconds(10), null)).hasMessageContaining("expires");
        assertThatThrownBy(() -> app.topic("orders", String.class, Long.class)).hasMessageContaining("twice");
        assertThatThrownBy(() -> App.create("x", c -> c.store("redis://"))).hasMessageContaining("store");
        assertThatThrownBy(() -> App.create("x", c -> c.processingGuarantee("maybe")))
                .hasMessageContaining("processing_guarantee");
        app.topology();
        assertThatThrownBy(() -> app.table("late", String.class, Long.class))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("already compiled");
    }

    @Test
    void anAppAddsItselfToAKafkaStreamsTeamsOwnTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("clicks", Consumed.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()).withName("their-source"))
                .to("clicks-copy", Produced.with(org.apache.kafka.common.serialization.Serdes.String(),
                        org.apache.kafka.common.serialization.Serdes.String()).withName("their-sink"));
        Topology theirs = builder.build();
        shop().addTo(theirs);
        assertThat(nodes(theirs)).contains("their-source", "their-sink", "agent:shop.totals", "agent:shop.big");
    }
}
