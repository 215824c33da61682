package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.testing.PoisonPills.Pill;
import io.jfaust.testing.TestModels.Order;
import io.jfaust.testing.TestModels.Purchase;
import io.jfaust.testing.TestModels.UserKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The poison-pill suite: every malformed payload of {@link PoisonPills} (bad JSON, wrong shapes and types, non-UTF-8,
 * lone surrogates, empty, null, 5 MB, deep nesting, unknown namespaces, bad base64, bad keys, self-referencing and
 * other bad YAML, agent exceptions),
 * each after a good record, under each policy: no crash (skip, dead letter), no good record lost, every bad one
 * skipped and counted, dead-lettered (its original bytes, or a pointer when too large) or failed with a message naming
 * it.
 */
class PoisonPillTest {
    private static final List<Pill> PILLS = PoisonPills.all();
    private static final long BAD = PILLS.stream().filter(Pill::bad).count();

    private final List<Object> seen = new ArrayList<>();

    @BeforeAll
    static void enoughPayloads() {
        assertThat(BAD).as("malformed payloads").isGreaterThanOrEqualTo(50);
        System.out.println("poison pills: " + PILLS.size() + " payloads, " + BAD + " bad");
    }

    private App app(ErrorPolicy policy) {
        App app = App.create("pills", c -> c.onError(policy));
        Topic<String, Order> orders = app.topic(PoisonPills.ORDERS, String.class, Order.class);
        Topic<String, Purchase> b64 = app.topic(PoisonPills.B64, String.class, Purchase.class,
                t -> t.valueSerializer("json|binary"));
        Topic<String, Object> any = app.topic(PoisonPills.ANY, String.class, Object.class);
        Topic<UserKey, Order> keyed = app.topic(PoisonPills.KEYED, UserKey.class, Order.class,
                t -> t.keySerializer("json"));
        Topic<String, Object> yaml = app.topic(PoisonPills.YAML, String.class, Object.class,
                t -> t.valueSerializer("yaml"));
        app.agent("pills.orders", orders, s -> s.forEach(o -> {
            if (o.amount() == 13) {
                throw new IllegalStateException("unlucky order " + o.account_id());
            }
            seen.add(o);
        }));
        app.agent("pills.b64", b64, s -> s.forEach(seen::add));
        app.agent("pills.any", any, s -> s.forEach(seen::add));
        app.agent("pills.keyed", keyed, s -> s.forEach(seen::add));
        app.agent("pills.yaml", yaml, s -> s.forEach(seen::add));
        return app;
    }

    /** Pipes a good order, then the pill, for every pill; returns each pill's offset in its topic. */
    private static List<Long> feed(FaustTestDriver d, List<Pill> pills) {
        Map<String, Long> next = new HashMap<>();
        List<Long> offsets = new ArrayList<>();
        int i = 0;
        for (Pill p : pills) {
            d.sendRaw(PoisonPills.ORDERS, "g".getBytes(), PoisonPills.goodOrder(i++), 0, new RecordHeaders());
            next.merge(PoisonPills.ORDERS, 1L, Long::sum);
            long offset = next.getOrDefault(p.topic(), 0L);
            RecordHeaders h = new RecordHeaders();
            h.add("pill", p.name().getBytes(StandardCharsets.UTF_8));
            d.sendRaw(p.topic(), p.key(), p.value(), 0, h);
            next.put(p.topic(), offset + 1);
            offsets.add(offset);
        }
        d.sendRaw(PoisonPills.ORDERS, "g".getBytes(), PoisonPills.goodOrder(i), 0, new RecordHeaders());
        return offsets;
    }

    /** What the agents must see: every good order, and the pills that are not bad. */
    private void assertNoGoodRecordLost() {
        List<Object> goods = seen.stream().filter(o -> o instanceof Order or && or.account_id().startsWith("good"))
                .toList();
        assertThat(goods).hasSize(PILLS.size() + 1);
        for (int i = 0; i < goods.size(); i++) {
            assertThat(goods.get(i)).isEqualTo(new Order("good" + i, 100 + i));
        }
        assertThat(seen.size() - goods.size()).as("pills processed as records").isEqualTo(PILLS.size() - BAD);
        assertThat(seen).contains(new Order("\ud800", 7), new Order("nk", 8), new Order("ek", 9),
                new Order("ns", 11));
    }

    @Test
    void skipLogsCountsAndGoesOnWithNoGoodRecordLost() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.skip()))) {
            feed(d, PILLS);
            assertThat(d.errorCounts().skipped()).isEqualTo(BAD);
            assertThat(d.errorCounts().deadLettered()).isZero();
        }
        assertNoGoodRecordLost();
    }

    @Test
    void deadLetterKeepsEveryBadRecordsBytesOrAPointerToIt() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.deadLetter("pills-dlq")))) {
            List<Long> offsets = feed(d, PILLS);
            List<TestRecord<byte[], byte[]>> dlq = d.readRaw("pills-dlq");
            assertThat(dlq).hasSize((int) BAD);
            int j = 0;
            long pointers = 0;
            for (int i = 0; i < PILLS.size(); i++) {
                Pill p = PILLS.get(i);
                if (!p.bad()) {
                    continue;
                }
                TestRecord<byte[], byte[]> r = dlq.get(j++);
                assertThat(header(r, "__streams.errors.topic")).as(p.name()).isEqualTo(p.topic());
                assertThat(header(r, "__streams.errors.offset")).as(p.name()).isEqualTo(offsets.get(i).toString());
                if (r.headers().lastHeader("jfaust.dead_letter.pointer") != null) {
                    pointers++;
                    assertThat(p.value().length).as(p.name()).isGreaterThan(1_000_000);
                    assertThat(new String(r.value(), StandardCharsets.UTF_8)).as(p.name())
                            .contains("\"topic\":\"" + p.topic() + "\"", "\"offset\":" + offsets.get(i),
                                    "\"value_bytes\":" + p.value().length);
                } else {
                    assertThat(r.value()).as(p.name()).isEqualTo(p.value());
                    assertThat(r.key()).as(p.name()).isEqualTo(p.key());
                    assertThat(header(r, "pill")).isEqualTo(p.name());
                }
            }
            assertThat(pointers).as("the two bad 5 MB pills, larger than the 1 MB default dead letter").isEqualTo(2);
            assertThat(d.errorCounts().deadLettered()).isEqualTo(BAD);
            assertThat(d.errorCounts().pointers()).isEqualTo(pointers);
        }
        assertNoGoodRecordLost();
    }

    @Test
    void failStopsAtEachBadRecordNamingItTheErrorAndThePolicy() {
        App app = app(ErrorPolicy.fail());
        int failed = 0;
        for (Pill p : PILLS) {
            if (!p.bad()) {
                continue;
            }
            try (FaustTestDriver d = FaustTestDriver.create(app)) {
                seen.clear();
                long offset = p.topic().equals(PoisonPills.ORDERS) ? 1 : 0;
                assertThat(catchThrowable(() -> feed(d, List.of(p)))).as(p.name()).isInstanceOf(WorkerException.class)
                        .hasMessageContaining("app pills stopped: the record at topic " + p.topic()
                                + ", partition 0, offset " + offset)
                        .hasMessageContaining("(error policy fail())")
                        .satisfies(e -> assertThat(((WorkerException) e).exitCode()).isEqualTo(1));
                assertThat(seen).as("the good record before it").containsExactly(new Order("good0", 100));
                failed++;
            }
        }
        assertThat(failed).isEqualTo(BAD);
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
