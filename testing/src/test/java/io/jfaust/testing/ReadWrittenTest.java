package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code read}/{@code readRaw} show everything written to a topic, in order, whoever wrote it. */
class ReadWrittenTest {
    private final App app = App.create("readback");
    private final Topic<String, Order> orders = app.topic("orders", String.class, Order.class);
    private final Topic<String, String> audit = app.topic("audit", String.class, String.class,
            t -> t.valueSerializer("raw"));
    private final List<String> audited = new ArrayList<>();

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** One agent writes to {@code audit}, which another agent reads. */
    private void auditingApp() {
        app.agent("a", orders, s -> s.forEach(o -> audit.send(o.account_id(), "order " + o.account_id())));
        app.agent("b", audit, s -> s.forEach(audited::add));
    }

    @Test
    void whatAnAgentSendsToATopicTheAppReadsCanBeReadAndIsProcessedOnce() {
        auditingApp();
        FaustTestDriver.test(app, d -> {
            d.send(orders, "k", new Order("k", 1));
            List<Event<String, String>> written = d.read(audit);
            assertThat(written).extracting(Event::key).containsExactly("k");
            assertThat(written).extracting(Event::value).containsExactly("order k");
            assertThat(d.read(audit)).as("read drains").isEmpty();
        });
        assertThat(audited).containsExactly("order k");
    }

    @Test
    void sendsFromOutsideToATopicTheAppReadsAreReadInOrderWithTheAgentsAndProcessedOnce() {
        auditingApp();
        FaustTestDriver.test(app, d -> {
            audit.send("x", "from outside");                                  // running app's send
            d.send(orders, "k", new Order("k", 1));                             // agent a writes to audit
            d.send(audit, "y", "from the test");                               // the driver's own send
            d.sendRaw("audit", "z".getBytes(), "raw".getBytes(), 5_000L, new RecordHeaders());
            List<TestRecord<byte[], byte[]>> written = d.readRaw("audit");
            assertThat(written).extracting(r -> text(r.value()))
                    .containsExactly("from outside", "order k", "from the test", "raw");
            assertThat(written).extracting(r -> text(r.key())).containsExactly("x", "k", "y", "z");
            assertThat(written.get(3).timestamp()).isEqualTo(5_000L);
        });
        assertThat(audited).containsExactly("from outside", "order k", "from the test", "raw");
    }

    @Test
    void sendsFromOutsideAndFromAgentsToATopicTheAppDoesNotReadAreReadInTheOrderTheyWereMade() {
        Topic<String, String> log = app.topic("log", String.class, String.class);
        app.agent("a", orders, s -> s.forEach(o -> log.send("agent", "order " + o.account_id())));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            log.send("outside", "before");
            d.send(orders, "k", new Order("k", 1));
            log.send("outside", "after");
            d.send(orders, "m", new Order("m", 2));
            assertThat(d.read(log)).extracting(Event::value)
                    .containsExactly("before", "order k", "after", "order m");
        }
    }

    @Test
    void aTimerSendingToATopicTheAppReadsIsReadBackOnce() {
        app.timer(Duration.ofSeconds(10), () -> audit.send("t", "tick"));
        app.agent("b", audit, s -> s.forEach(audited::add));
        try (FaustTestDriver d = FaustTestDriver.create(app, Instant.parse("2026-01-01T00:00:00Z"))) {
            d.advanceWallClock(Duration.ofSeconds(10));
            assertThat(d.read(audit)).extracting(Event::value).containsExactly("tick");
        }
        assertThat(audited).containsExactly("tick");
    }
}
