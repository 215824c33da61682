package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.CoreModels.Order;
import org.junit.jupiter.api.Test;

/** Faust's agent options: what maps onto Kafka Streams is accepted, the rest refused when declared. */
class AgentOptionsTest {
    @Test
    void concurrencyAndIsolatedPartitionsAcceptOnlyWhatKafkaStreamsDoes() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        assertThatCode(() -> app.agent("shop.a", orders, s -> s.forEach(o -> { }),
                o -> o.concurrency(1).isolatedPartitions(true))).doesNotThrowAnyException();
        assertThatThrownBy(() -> app.agent("shop.b", orders, s -> s.forEach(o -> { }), o -> o.concurrency(4)))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageContaining("concurrency=4")
                .hasMessageContaining("num.stream.threads");
        assertThatThrownBy(() -> app.agent("shop.c", orders, s -> s.forEach(o -> { }),
                o -> o.isolatedPartitions(false))).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("isolated_partitions=False");
    }

    @Test
    void supervisorStrategiesThatMatchAnErrorPolicyAreAcceptedTheOthersRefused() {
        App skipping = App.create("shop");
        Topic<String, Order> orders = skipping.topic("orders", String.class, Order.class);
        skipping.agent("shop.a", orders, s -> s.forEach(o -> { }),
                o -> o.supervisorStrategy(SupervisorStrategy.ONE_FOR_ONE));
        assertThatCode(skipping::topology).doesNotThrowAnyException();

        for (SupervisorStrategy refused : new SupervisorStrategy[] {SupervisorStrategy.ONE_FOR_ALL,
                SupervisorStrategy.FORFEIT_ONE_FOR_ONE, SupervisorStrategy.FORFEIT_ONE_FOR_ALL}) {
            App x = App.create("x");
            Topic<String, Order> xOrders = x.topic("orders", String.class, Order.class);
            assertThatThrownBy(() -> x.agent("x.a", xOrders, s -> s.forEach(o -> { }),
                    o -> o.supervisorStrategy(refused))).isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining(refused.faustName()).hasMessageContaining("ONE_FOR_ONE");
        }

        App crashingWithoutFail = App.create("shop");
        Topic<String, Order> o2 = crashingWithoutFail.topic("orders", String.class, Order.class);
        crashingWithoutFail.agent("shop.a", o2, s -> s.forEach(o -> { }),
                o -> o.supervisorStrategy(SupervisorStrategy.CRASHING));
        assertThatThrownBy(crashingWithoutFail::topology).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("mode.CrashingSupervisor").hasMessageContaining("ErrorPolicy.fail()");

        App failing = App.create("shop", conf -> conf.onError(ErrorPolicy.fail()));
        Topic<String, Order> o3 = failing.topic("orders", String.class, Order.class);
        failing.agent("shop.a", o3, s -> s.forEach(o -> { }), o -> o.supervisorStrategy(SupervisorStrategy.CRASHING));
        failing.agent("shop.b", o3, s -> s.forEach(o -> { }));
        assertThatCode(failing::topology).doesNotThrowAnyException();
    }

    @Test
    void tablesAndWindowedTablesAddToOneSetInAnyOrder() {
        App app = App.create("shop");
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        Table<String, Long> plain = app.table("plain", String.class, Long.class, () -> 0L);
        WindowedTable<String, Long> windowed = app.windowedTable("windowed", String.class, Long.class,
                t -> t.defaultValue(() -> 0L).tumbling(java.time.Duration.ofSeconds(10)));
        Agent<String, Order> a = app.agent("shop.a", orders, s -> s.forEach(o -> { }),
                o -> o.windowedTables(windowed).tables(plain));
        Agent<String, Order> b = app.agent("shop.b", orders, s -> s.forEach(o -> { }),
                o -> o.tables(plain).windowedTables(windowed));
        Agent<String, Order> none = app.agent("shop.none", orders, s -> s.forEach(o -> { }),
                o -> o.tables(new Table<?, ?>[0]));   // in this package o.tables() is the getter
        assertThat(a.options().tables()).extracting(Table::name).containsExactly("windowed", "plain");
        assertThat(b.options().tables()).extracting(Table::name).containsExactly("plain", "windowed");
        assertThat(none.options().tables()).isEmpty();
    }
}
