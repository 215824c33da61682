package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Topic;
import io.jfaust.serdes.ValueDecodeException;
import io.jfaust.testing.TestModels.Order;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Bad input and failing agent code under each policy: skip (Faust's default), fail, dead letter. */
class ErrorPolicyTest {
    private static final byte[] GOOD = "{\"account_id\":\"k\",\"amount\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BAD = "{\"account_id\": ".getBytes(StandardCharsets.UTF_8);

    private final List<Order> seen = new ArrayList<>();

    private App app(ErrorPolicy policy) {
        App app = App.create("errs", c -> c.onError(policy));
        Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
        app.agent("a", orders, s -> s.forEach(o -> {
            if (o.amount() == 13) {
                throw new IllegalStateException("unlucky order " + o.account_id());
            }
            seen.add(o);
        }));
        return app;
    }

    private static double dropped(FaustTestDriver d) {
        double total = 0;
        for (var e : d.driver().metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals("dropped-records-total")) {
                Metric m = e.getValue();
                total += ((Number) m.metricValue()).doubleValue();
            }
        }
        return total;
    }

    private static void pipe(FaustTestDriver d, byte[] value) {
        RecordHeaders h = new RecordHeaders();
        h.add("origin", "test".getBytes());
        d.sendRaw("orders", "k".getBytes(), value, 0, h);
    }

    @Test
    void byDefaultABadRecordIsSkippedCountedAndProcessingGoesOn() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.skip()))) {
            pipe(d, BAD);
            pipe(d, "{\"account_id\":\"x\",\"amount\":13}".getBytes());
            pipe(d, GOOD);
            assertThat(seen).containsExactly(new Order("k", 1));
            assertThat(dropped(d)).isEqualTo(2.0);
        }
    }

    @Test
    void theFailPolicyStopsWithTheDecodeErrorNamingTheTopic() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.fail()))) {
            assertThatThrownBy(() -> pipe(d, BAD)).hasRootCauseInstanceOf(
                    com.fasterxml.jackson.core.JsonProcessingException.class)
                    .satisfies(t -> assertThat(causes(t)).anyMatch(c -> c instanceof ValueDecodeException
                            && c.getMessage().contains("topic orders")));
        }
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.fail()))) {
            assertThatThrownBy(() -> pipe(d, "{\"account_id\":\"x\",\"amount\":13}".getBytes()))
                    .hasRootCauseMessage("unlucky order x");
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    @Test
    void theDeadLetterPolicyKeepsTheOriginalBytesAndNamesTheError() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.deadLetter("orders-dlq")))) {
            pipe(d, BAD);
            pipe(d, "{\"account_id\":\"x\",\"amount\":13}".getBytes());
            pipe(d, GOOD);
            List<TestRecord<byte[], byte[]>> dlq = d.readRaw("orders-dlq");
            assertThat(dlq).hasSize(2);
            assertThat(dlq.get(0).value()).isEqualTo(BAD);
            assertThat(dlq.get(0).key()).isEqualTo("k".getBytes());
            assertThat(new String(dlq.get(0).headers().lastHeader("origin").value())).isEqualTo("test");
            assertThat(new String(dlq.get(0).headers().lastHeader("__streams.errors.exception").value()))
                    .contains("ValueDecodeException");
            // The decode error names where the record is, though a deserializer only knows the topic.
            assertThat(new String(dlq.get(0).headers().lastHeader("__streams.errors.message").value()))
                    .contains("topic orders, partition 0, offset 0");
            assertThat(new String(dlq.get(1).headers().lastHeader("__streams.errors.message").value()))
                    .contains("unlucky order x");
            assertThat(seen).containsExactly(new Order("k", 1));
        }
    }
}
