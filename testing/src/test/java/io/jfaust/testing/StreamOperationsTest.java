package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.Topic;
import io.jfaust.testing.TestModels.Order;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class StreamOperationsTest {
    private final App app = App.create("ops");
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
    private final Topic<String, Object> out = app.topic("out", String.class, Object.class);

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void filterMapAndItemsRunInOrder() {
        List<String> seen = new ArrayList<>();
        app.agent("a", orders, s -> s.filter(o -> o.amount() > 5).map(o -> o.amount() * 2)
                .forEachItem((k, v) -> seen.add(k + "=" + v)));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "x", new Order("x", 3));
            d.send(orders, "y", new Order("y", 10));
        });
        assertThat(seen).containsExactly("y=20");
    }

    @Test
    void eventsCarryKeyValueHeadersAndWhereTheyCameFrom() {
        List<Event<String, Order>> events = new ArrayList<>();
        app.agent("a", orders, s -> s.forEachEvent(events::add));
        FaustTestDriver.test(app, d -> {
            RecordHeaders h = new RecordHeaders();
            h.add("trace", "t1".getBytes());
            h.add("trace", "t2".getBytes());
            byte[] value = "{\"account_id\":\"k\",\"amount\":1}".getBytes();
            d.sendRaw("orders", "k".getBytes(), value, 1_700_000_000_500L, h);
        });
        Event<String, Order> e = events.get(0);
        assertThat(e.key()).isEqualTo("k");
        assertThat(e.value()).isEqualTo(new Order("k", 1));
        assertThat(e.topic()).isEqualTo("orders");
        assertThat(e.offset()).isZero();
        assertThat(e.timestamp()).isEqualTo(1_700_000_000.5);
        assertThat(text(e.headers().get("trace"))).isEqualTo("t2");
        assertThat(text(e.rawValue())).isEqualTo("{\"account_id\":\"k\",\"amount\":1}");
    }

    @Test
    void anEventAfterMapCarriesTheMappedValueAndTheMessagesKeyAndMetadata() {
        List<Event<String, Long>> events = new ArrayList<>();
        app.agent("a", orders, s -> s.map(Order::amount).forEachEvent(events::add));
        FaustTestDriver.test(app, d -> {
            RecordHeaders h = new RecordHeaders();
            h.add("trace", "t1".getBytes());
            byte[] value = "{\"account_id\":\"k\",\"amount\":7}".getBytes();
            d.sendRaw("orders", "k".getBytes(), value, 1_700_000_000_500L, h);
        });
        assertThat(events).hasSize(1);
        Event<String, Long> e = events.get(0);
        Long amount = e.value();   // typed by the stream: the mapped value, not the Order
        assertThat(amount).isEqualTo(7L);
        assertThat(e.key()).isEqualTo("k");
        assertThat(e.topic()).isEqualTo("orders");
        assertThat(e.offset()).isZero();
        assertThat(e.timestampMs()).isEqualTo(1_700_000_000_500L);
        assertThat(text(e.headers().get("trace"))).isEqualTo("t1");
        assertThat(text(e.rawValue())).as("forward re-sends the message's bytes")
                .isEqualTo("{\"account_id\":\"k\",\"amount\":7}");
    }

    @Test
    void anEventAfterFilterOrEchoIsTheMessagesOwn() {
        List<Event<String, Order>> events = new ArrayList<>();
        app.agent("a", orders, s -> s.filter(o -> o.amount() > 1).echo(out).forEachEvent(events::add));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "x", new Order("x", 1));
            d.send(orders, "y", new Order("y", 2));
        });
        assertThat(events).extracting(Event::value).containsExactly(new Order("y", 2));
        assertThat(events).extracting(Event::key).containsExactly("y");
        assertThat(events).extracting(Event::offset).containsExactly(1L);
    }

    @Test
    void anEventAfterGroupByAndMapHasTheNewKeyAndTheMappedValue() {
        List<Event<String, Long>> events = new ArrayList<>();
        app.agent("a", orders, s -> s.groupBy(o -> o.account_id() + "!", "Order.account_id")
                .map(Order::amount).forEachEvent(events::add));
        FaustTestDriver.test(app, d -> d.send(orders, "k", new Order("acct", 3)));
        assertThat(events).hasSize(1);
        Long amount = events.get(0).value();
        assertThat(amount).isEqualTo(3L);
        assertThat(events.get(0).key()).isEqualTo("acct!");
        assertThat(events.get(0).topic()).isEqualTo("a-orders-Order.account_id-repartition");
    }

    @Test
    void anEventOfAFullTakeBatchHasTheBatchNoKeyAndItsLastMessagesMetadata() {
        List<Event<String, List<Order>>> events = new ArrayList<>();
        app.agent("a", orders, s -> s.take(2, Duration.ofSeconds(5)).forEachEvent(events::add));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            d.send(orders, "a", new Order("a", 1), 100.0);
            d.send(orders, "b", new Order("b", 2), 101.0);
        }
        assertThat(events).hasSize(1);
        List<Order> batch = events.get(0).value();
        assertThat(batch).extracting(Order::account_id).containsExactly("a", "b");
        assertThat(events.get(0).key()).isNull();
        assertThat(events.get(0).offset()).isEqualTo(1L);
        assertThat(events.get(0).timestamp()).isEqualTo(101.0);
    }

    @Test
    void aTakeBatchFlushedByTheClockStillHasAnEventAsOneFlushedFull() {
        List<Event<String, List<Order>>> events = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        app.agent("a", orders, s -> s.take(10, Duration.ofSeconds(5)).forEachEvent(e -> {
            events.add(e);
            current.add(Event.current().map(Event::offset).orElse(null));
        }));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            RecordHeaders h = new RecordHeaders();
            h.add("trace", "last".getBytes());
            d.send(orders, "a", new Order("a", 1), 100.0);
            d.sendRaw("orders", "b".getBytes(), "{\"account_id\":\"b\",\"amount\":2}".getBytes(), 101_000L, h);
            assertThat(events).isEmpty();
            d.advanceWallClock(Duration.ofSeconds(6));
        }
        assertThat(events).hasSize(1);
        Event<String, List<Order>> e = events.get(0);
        assertThat(e).as("a batch flushed by the clock has an event").isNotNull();
        assertThat(e.value()).extracting(Order::account_id).containsExactly("a", "b");
        assertThat(e.key()).isNull();
        assertThat(e.topic()).isEqualTo("orders");
        assertThat(e.offset()).isEqualTo(1L);
        assertThat(e.timestamp()).isEqualTo(101.0);
        assertThat(text(e.headers().get("trace"))).isEqualTo("last");
        assertThat(current).as("current_event() is the batch's last event, as Faust's stream.current_event")
                .containsExactly(1L);
    }

    @Test
    void enumerateCountsFromZero() {
        List<String> seen = new ArrayList<>();
        app.agent("a", orders, s -> s.forEachIndexed((i, o) -> seen.add(i + ":" + o.account_id())));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "a", new Order("a", 1));
            d.send(orders, "b", new Order("b", 1));
        });
        assertThat(seen).containsExactly("0:a", "1:b");
    }

    @Test
    void echoSendsTheValueWithoutItsKeyAndGoesOn() {
        List<Order> after = new ArrayList<>();
        app.agent("a", orders, s -> s.echo(out).forEach(after::add));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "k", new Order("k", 7));
            List<TestRecord<byte[], byte[]>> echoed = d.readRaw("out");
            assertThat(echoed).hasSize(1);
            assertThat(echoed.get(0).key()).isNull();
            assertThat(text(echoed.get(0).value()))
                    .isEqualTo("{\"account_id\":\"k\",\"amount\":7,\"__faust\":{\"ns\":\"shop.Order\"}}");
        });
        assertThat(after).hasSize(1);
    }

    @Test
    void throughForwardsTheOriginalBytesAndContinuesFromThatTopic() {
        Topic<String, Order> copy = app.topic("orders-copy", String.class, Order.class);
        List<String> topics = new ArrayList<>();
        app.agent("a", orders, s -> s.through(copy).forEachEvent(e -> topics.add(e.topic())));
        FaustTestDriver.test(app, d -> {
            byte[] odd = "{\"amount\": 5, \"account_id\": \"k\"}".getBytes();
            d.sendRaw("orders", "k".getBytes(), odd, 0, new RecordHeaders());
            assertThat(d.readRaw("orders-copy")).extracting(r -> text(r.value())).containsExactly(text(odd));
        });
        assertThat(topics).containsExactly("orders-copy");
    }

    @Test
    void takeFlushesWhenFullAndWhenTheWallClockRunsOut() {
        List<List<Order>> batches = new ArrayList<>();
        app.agent("a", orders, s -> s.take(2, Duration.ofSeconds(5)).forEach(batches::add));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            d.send(orders, "a", new Order("a", 1));
            d.send(orders, "b", new Order("b", 2));
            d.send(orders, "c", new Order("c", 3));
            assertThat(batches).hasSize(1);
            d.advanceWallClock(Duration.ofSeconds(2));
            assertThat(batches).hasSize(1);
            d.advanceWallClock(Duration.ofSeconds(4));
            assertThat(batches).hasSize(2);
        }
        assertThat(batches.get(0)).extracting(Order::account_id).containsExactly("a", "b");
        assertThat(batches.get(1)).extracting(Order::account_id).containsExactly("c");
    }

    @Test
    void takeKeepsNullValuesAndABatchHasNoKeyWhetherFullOrTimedOut() {
        List<Object> keys = new ArrayList<>();
        List<List<Object>> batches = new ArrayList<>();
        app.agent("a", out, s -> s.take(2, Duration.ofSeconds(5)).forEachItem((k, batch) -> {
            keys.add(k);
            batches.add(batch);
        }));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            d.send(out, "a", null);                      // JSON null: a value, not a tombstone
            d.send(out, "b", 2L);
            d.send(out, "c", null);
            d.advanceWallClock(Duration.ofSeconds(6));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(null, 2L);
        assertThat(batches.get(1)).containsExactly((Object) null);
        assertThat(keys).containsExactly(null, null);
    }

    @Test
    void yieldedValuesGoToEverySinkWithTheKeyDropped() {
        List<Object> called = new ArrayList<>();
        Topic<String, Long> doubled = app.topic("doubled", String.class, Long.class);
        Agent<String, Long> collector = app.agent("collector", String.class, Long.class,
                s -> s.forEach(called::add));
        app.agent("a", orders, s -> s.map(o -> o.amount() * 2).yieldEach(),
                o -> o.sink(doubled).sink(collector).sink(called::add));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "k", new Order("k", 21));
            List<TestRecord<byte[], byte[]>> recs = d.readRaw("doubled");
            assertThat(recs).extracting(r -> text(r.value())).containsExactly("42");
            assertThat(recs.get(0).key()).isNull();
        });
        assertThat(called).containsExactly(42L, 42L);
    }

    @Test
    void forwardKeepsBytesWhileSendReencodes() {
        Topic<String, Order> fwd = app.topic("fwd", String.class, Order.class);
        Topic<String, Order> snd = app.topic("snd", String.class, Order.class);
        app.agent("a", orders, s -> s.forEachEvent(e -> {
            e.forward(fwd);
            e.send(snd);
        }));
        FaustTestDriver.test(app, d -> {
            d.sendRaw("orders", "k".getBytes(), "{\"amount\": 5, \"account_id\": \"k\"}".getBytes(), 0,
                    new RecordHeaders());
            assertThat(text(d.readRaw("fwd").get(0).value())).isEqualTo("{\"amount\": 5, \"account_id\": \"k\"}");
            assertThat(text(d.readRaw("snd").get(0).value()))
                    .isEqualTo("{\"account_id\":\"k\",\"amount\":5,\"__faust\":{\"ns\":\"shop.Order\"}}");
        });
    }

    @Test
    void severalAgentsOnOneTopicEachSeeEveryEvent() {
        List<String> seen = new ArrayList<>();
        app.agent("one", orders, s -> s.forEach(o -> seen.add("one:" + o.account_id())));
        app.agent("two", orders, s -> s.forEach(o -> seen.add("two:" + o.account_id())));
        FaustTestDriver.test(app, d -> d.send(orders, "k", new Order("k", 1)));
        assertThat(seen).containsExactlyInAnyOrder("one:k", "two:k");
    }
}
