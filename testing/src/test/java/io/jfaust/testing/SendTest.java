package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Send;
import io.jfaust.Topic;
import io.jfaust.testing.TestModels.Order;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class SendTest {
    private final App app = App.create("sends");
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
    private final Topic<String, Object> out = app.topic("out", String.class, Object.class);

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void sendsCarryPartitionTimestampHeadersAndPerSendCodecs() {
        app.agent("a", orders, s -> s.forEach(o -> {
            out.send(o.account_id(), o.amount(), Send.options().withPartition(0).withTimestamp(1_700_000_000.25)
                    .withHeader("h", "v".getBytes()).withKeySerializer("json").withValueSerializer("json|binary"));
            out.send("none", null);
        }));
        FaustTestDriver.test(app, d -> {
            d.send(orders, "k", new Order("k", 5));
            List<TestRecord<byte[], byte[]>> recs = d.readRaw("out");
            assertThat(text(recs.get(0).key())).isEqualTo("\"k\"");
            assertThat(text(recs.get(0).value())).isEqualTo("NQ==");
            assertThat(recs.get(0).timestamp()).isEqualTo(1_700_000_000_250L);
            assertThat(text(recs.get(0).headers().lastHeader("h").value())).isEqualTo("v");
            assertThat(text(recs.get(1).value())).as("None with json is the 4 bytes null").isEqualTo("null");
        });
    }

    @Test
    void withoutATimestampASendUsesTheProducersClockAsFaustDoes() {
        app.agent("a", orders, s -> s.forEach(o -> out.send("k", 1L)));
        Instant start = Instant.parse("2026-03-01T12:00:00Z");
        try (FaustTestDriver d = FaustTestDriver.create(app, start)) {
            d.send(orders, "k", new Order("k", 5), 1_000.0);
            assertThat(d.readRaw("out").get(0).timestamp()).isEqualTo(start.toEpochMilli());
        }
    }

    @Test
    void sendingOutsideAnAgentGoesThroughTheDriverAndOtherwiseSaysWhatIsMissing() {
        StringBuilder seen = new StringBuilder();
        app.agent("a", orders, s -> s.forEach(o -> seen.append(o.account_id())));
        assertThatThrownBy(() -> orders.send("k", new Order("k", 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test driver");
        FaustTestDriver.test(app, d -> orders.send("k", new Order("k", 1)));
        assertThat(seen.toString()).isEqualTo("k");
    }

    @Test
    void agentSendGoesToItsTopic() {
        StringBuilder seen = new StringBuilder();
        Agent<String, Order> agent = app.agent("a", orders, s -> s.forEach(o -> seen.append(o.amount())));
        FaustTestDriver.test(app, d -> agent.send("k", new Order("k", 9)));
        assertThat(seen.toString()).isEqualTo("9");
    }

    @Test
    void aValueThatCannotBeEncodedIsAClearErrorUnderTheFailPolicy() {
        App strict = App.create("strict", c -> c.onError(ErrorPolicy.fail()));
        Topic<String, Order> in = strict.topic("orders", String.class, Order.class);
        Topic<String, Object> any = strict.topic("any", String.class, Object.class);
        strict.agent("a", in, s -> s.forEach(o -> any.send("k", new Object())));
        FaustTestDriver.test(strict, d -> assertThatThrownBy(() -> d.send(in, "k", new Order("k", 1)))
                .rootCause().hasMessageContaining("JSON cannot serialize"));
    }
}
