package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.AskTimeoutException;
import io.jfaust.Topic;
import io.jfaust.testing.TestModels.Order;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Faust's request/reply (spec §4.2, faust/agents/agent.py:755-889, models.py): requests carry the headers
 * {@code Faust-Ag-ReplyTo} and {@code Faust-Ag-CorrelationId}; every yielded value goes to the reply topic, key
 * null, as {@code {"key":..,"value":..,"correlation_id":..,"__faust":{"ns":"@ReqRepResponse"}}}.
 */
class RequestReplyTest {
    private final App app = App.create("rpc", conf -> conf.askTimeout(Duration.ofMillis(300)));
    private final Agent<String, Long> doubler = app.agent("rpc.double", String.class, Long.class,
            s -> s.map(v -> v * 2).yieldEach());
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
    private final Agent<String, Order> echo = app.agent("rpc.echo", orders, s -> s.yieldEach());
    private final List<Map<String, byte[]>> silentHeaders = new ArrayList<>();
    private final Agent<String, Long> silent = app.agent("rpc.silent", String.class, Long.class,
            s -> s.forEachEvent(e -> silentHeaders.add(e.headers())));

    /** A request exactly as Faust's producer writes it (value unchanged, the two headers). */
    private static void fausRequest(FaustTestDriver d, String topic, byte[] key, byte[] value) {
        RecordHeaders h = new RecordHeaders();
        h.add("Faust-Ag-ReplyTo", "f-reply-x".getBytes(StandardCharsets.UTF_8));
        h.add("Faust-Ag-CorrelationId", "cid".getBytes(StandardCharsets.UTF_8));
        d.sendRaw(topic, key, value, 0, h);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void aJfaustAgentAnswersAFaustRequestWithFaustsReplyBytes() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            fausRequest(d, "rpc-rpc.double", null, "2".getBytes());
            fausRequest(d, "rpc-rpc.double", "alice".getBytes(), "5".getBytes());
            List<TestRecord<byte[], byte[]>> replies = d.readRaw("f-reply-x");
            assertThat(replies).hasSize(2);
            // The spec's verified bytes for a null key.
            assertThat(replies.get(0).key()).isNull();
            assertThat(text(replies.get(0).value()))
                    .isEqualTo("{\"key\":null,\"value\":4,\"correlation_id\":\"cid\",\"__faust\":{\"ns\":\"@ReqRepResponse\"}}");
            assertThat(text(replies.get(1).value()))
                    .isEqualTo("{\"key\":\"alice\",\"value\":10,\"correlation_id\":\"cid\",\"__faust\":{\"ns\":\"@ReqRepResponse\"}}");
            assertThat(replies.get(1).headers().toArray()).isEmpty();
        }
    }

    @Test
    void aRecordReplyIsAModelResponse() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            fausRequest(d, "orders", null, "{\"account_id\":\"a\",\"amount\":1,\"__faust\":{\"ns\":\"shop.Order\"}}"
                    .getBytes());
            assertThat(text(d.readRaw("f-reply-x").get(0).value())).isEqualTo("{\"key\":null,\"value\":{\"account_id\":"
                    + "\"a\",\"amount\":1,\"__faust\":{\"ns\":\"shop.Order\"}},\"correlation_id\":\"cid\",\"__faust\":{\"ns\":"
                    + "\"faust.agents.models.ModelReqRepResponse\"}}");
        }
    }

    @Test
    void askSendsFaustsHeadersAndReturnsTheYieldedValue() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThat(doubler.ask("k", 21L)).isEqualTo(42L);
            assertThat(doubler.ask("k", 4L, Long.class)).isEqualTo(8L);
            assertThat(echo.ask(null, new Order("b", 7), Order.class)).isEqualTo(new Order("b", 7));
            assertThat(echo.ask(null, new Order("c", 8))).as("a record the app knows, untyped")
                    .isEqualTo(new Order("c", 8));
            assertThat(doubler.join(List.of(1L, 2L, 3L))).containsExactly(2L, 4L, 6L);
            CompletableFuture<Object> later = doubler.askAsync("k", 50L);
            assertThat(later.join()).isEqualTo(100L);
            assertThat(d.ask(doubler, "k", 1L, Long.class)).as("through the handle").isEqualTo(2L);
        }
    }


    @Test
    void noReplyInTimeIsAClearError() {
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThatThrownBy(() -> silent.ask("k", 1L)).isInstanceOf(AskTimeoutException.class)
                    .hasMessageContaining("rpc.silent").hasMessageContaining("300 ms").hasMessageContaining("f-reply-");
            assertThat(silent.askAsync("k", 2L)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(AskTimeoutException.class);
        }
    }
}
