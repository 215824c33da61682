package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Table;
import io.jfaust.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An app is a declaration: runtimes of one app, even at once on several threads, each keep their own state. */
class RuntimeIsolationTest {
    private final App app = App.create("iso");
    private final Topic<String, String> words = app.topic("words", String.class, String.class);
    private final Topic<String, String> echoed = app.topic("echoed", String.class, String.class);
    private final Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);

    RuntimeIsolationTest() {
        app.agent("iso.count", words, s -> s.forEachItem((k, v) -> {
            counts.update(k, n -> n + 1);
            echoed.send(k, v);
        }));
    }

    @Test
    void twoDriversOnOneAppInParallelThreadsSeeOnlyTheirOwnState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        try {
            CompletableFuture<List<Object>> one = CompletableFuture.supplyAsync(() -> run(1, together), pool);
            CompletableFuture<List<Object>> two = CompletableFuture.supplyAsync(() -> run(3, together), pool);
            // Each driver counted only its own sends, read outside the agent on its own thread.
            assertThat(one.get(60, TimeUnit.SECONDS)).containsExactly(1L, 1, true);
            assertThat(two.get(60, TimeUnit.SECONDS)).containsExactly(3L, 3, true);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code n} words from outside the agent, waits for the other thread, reads back; then closes. */
    private List<Object> run(int n, CyclicBarrier together) {
        try (FaustTestDriver driver = FaustTestDriver.create(app)) {
            for (int i = 0; i < n; i++) {
                words.send("w", "x" + i);          // outside any agent: through this thread's driver
            }
            await(together);                       // both drivers are open and have sent
            long count = counts.get("w");          // outside any agent: this thread's driver's store
            int out = driver.read(echoed).size();
            await(together);                       // neither closes before both have read
            boolean viaHandle = driver.get(counts, "w") == count;
            return List.of(count, out, viaHandle);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void closingOneDriverLeavesTheOtherWorkingAndUnbindsItsThread() {
        FaustTestDriver first = FaustTestDriver.create(app);
        FaustTestDriver second = FaustTestDriver.create(app);
        words.send("a", "1");                      // the latest driver bound to this thread
        assertThat(second.get(counts, "a")).isEqualTo(1L);
        assertThat(first.get(counts, "a")).isEqualTo(0L);
        second.close();
        words.send("a", "2");                      // falls back to the first, still open
        assertThat(counts.get("a")).isEqualTo(1L);
        first.send(words, "a", "3");
        assertThat(first.get(counts, "a")).isEqualTo(2L);
        assertThatThrownBy(() -> second.send(words, "a", "4")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        first.close();
        assertThatThrownBy(() -> words.send("a", "5")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bound to this thread");
    }

    @io.jfaust.serdes.FaustRecord(namespace = "iso.Refund")
    record Refund(String id, long cents) {}

    @Test
    void anUntypedTopicDecodesOnlyRecordsTheAppRegistered() {
        App untyped = App.create("untyped", conf -> conf.records(Refund.class));
        Topic<String, Object> any = untyped.topic("any", String.class, Object.class);
        List<Object> seen = new java.util.ArrayList<>();
        untyped.agent("untyped.seen", any, s -> s.forEach(seen::add));
        byte[] refund = "{\"id\":\"r1\",\"cents\":5,\"__faust\":{\"ns\":\"iso.Refund\"}}".getBytes();
        try (FaustTestDriver d = FaustTestDriver.create(untyped)) {
            d.sendRaw("any", "k".getBytes(), refund, 0, new org.apache.kafka.common.header.internals.RecordHeaders());
        }
        assertThat(seen).containsExactly(new Refund("r1", 5));
        // Without conf.records the namespace is unknown to the app: a decode error naming it (Faust's KeyError).
        App bare = App.create("bare", conf -> conf.onError(ErrorPolicy.fail()));
        Topic<String, Object> bareAny = bare.topic("any", String.class, Object.class);
        bare.agent("bare.seen", bareAny, s -> s.forEach(v -> { }));
        try (FaustTestDriver d = FaustTestDriver.create(bare)) {
            assertThatThrownBy(() -> d.sendRaw("any", "k".getBytes(), refund, 0,
                    new org.apache.kafka.common.header.internals.RecordHeaders()))
                    .satisfies(t -> assertThat(org.assertj.core.util.Throwables.getRootCause(t).getMessage()
                            + String.valueOf(t.getCause())).contains("iso.Refund"));
        }
    }

    @Test
    void anotherThreadUsesTheDriverOnlyInsideRun() throws Exception {
        try (FaustTestDriver driver = FaustTestDriver.create(app)) {
            Thread t = new Thread(() -> driver.run(() -> words.send("b", "1")));
            t.start();
            t.join();
            CompletableFuture<Throwable> unbound = CompletableFuture.supplyAsync(() -> {
                try {
                    words.send("b", "2");
                    return null;
                } catch (IllegalStateException e) {
                    return e;
                }
            });
            assertThat(unbound.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(counts.get("b")).isEqualTo(1L);
        }
    }
}
