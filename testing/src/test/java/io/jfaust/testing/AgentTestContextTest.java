package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.testing.TestModels.Order;
import org.junit.jupiter.api.Test;

/** Faust's testing guide example, ported: {@code async with process.test_context() as agent: ...}. */
class AgentTestContextTest {
    private final App app = App.create("test-app", c -> c.store("memory://"));
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
    private final Table<String, Long> totals = app.table("totals", String.class, Long.class, () -> 0L);
    private final Agent<String, Order> process = app.agent("test.process", orders, stream -> stream
            .groupBy("account_id")
            .map(order -> {
                totals.update(order.account_id(), t -> t + order.amount());
                return order.amount() * 2;
            })
            .yieldEach());

    @Test
    void putWaitsForTheAgentAndResultsAreKeyedByOffset() {
        try (AgentTestContext<String, Order> agent = AgentTestContext.of(process)) {
            Event<String, Order> event = agent.put(new Order("a", 10));
            assertThat(event.offset()).isZero();
            assertThat(agent.results()).containsEntry(0L, 20L);
            assertThat(totals.get("a")).isEqualTo(10L);
            agent.put(new Order("a", 5));
            assertThat(agent.results()).containsEntry(0L, 20L).containsEntry(1L, 10L);
            assertThat(totals.get("a")).isEqualTo(15L);
        }
    }

    @Test
    void theAgentsExceptionIsRethrown() {
        App app2 = App.create("t2");
        Topic<String, Order> in = app2.topic("in", String.class, Order.class);
        Agent<String, Order> boom = app2.agent("boom", in, s -> s.forEach(o -> {
            throw new IllegalArgumentException("bad amount " + o.amount());
        }));
        try (AgentTestContext<String, Order> agent = AgentTestContext.of(boom)) {
            assertThatThrownBy(() -> agent.put(new Order("a", -1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad amount -1");
        }
    }

    @Test
    void anAgentThatNeverYieldsRecordsWhatItConsumed() {
        App app3 = App.create("t3");
        Topic<String, Order> in = app3.topic("in", String.class, Order.class);
        Agent<String, Order> quiet = app3.agent("quiet", in, s -> s.forEach(o -> { }));
        try (AgentTestContext<String, Order> agent = AgentTestContext.of(quiet)) {
            agent.put("k", new Order("k", 3));
            assertThat(agent.results()).containsEntry(0L, new Order("k", 3));
        }
    }
}
