package io.jfaust.benchmarks;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.examples.purchases.PurchaseDollars;
import java.time.Duration;

/** The benchmark jobs written with jfaust, as a Faust user would port them. */
final class JfaustJobs {
    static final String IN = "purchases";
    static final String OUT = "purchases.dollars";

    private JfaustJobs() {}

    /**
     * The tables of the driver jobs write every update, as the hand-written ones: a test driver commits after each
     * record, so a record cache would only add work there.
     */
    static final String NO_CACHE = org.apache.kafka.streams.StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG;

    /** The lesson: purchases in cents to dollars. */
    static App lesson(String id, String broker, String out) {
        App app = App.create(id, c -> c.broker(broker));
        Topic<String, Purchase> purchases = app.topic(IN, String.class, Purchase.class);
        Topic<String, PurchaseDollars> dollars = app.topic(out, String.class, PurchaseDollars.class);
        app.agent("bench.convert", purchases, s -> s.forEach(p -> dollars.send(p.username(), PurchaseDollars.of(p))));
        return app;
    }

    /** {@code counts[username] += 1}. */
    static App count(String id, boolean rocksdb) {
        App app = App.create(id, c -> c.store(rocksdb ? "rocksdb://" : "memory://").streamsProperty(NO_CACHE, 0));
        Topic<String, Purchase> purchases = app.topic(IN, String.class, Purchase.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("bench.count", purchases, s -> s.forEach(p -> counts.update(p.username(), n -> n + 1)));
        return app;
    }

    /** {@code counts[username] += 1} in 10-second tumbling windows. */
    static App window(String id) {
        App app = App.create(id, c -> c.streamsProperty(NO_CACHE, 0));
        Topic<String, Purchase> purchases = app.topic(IN, String.class, Purchase.class);
        WindowedTable<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(3650));
        app.agent("bench.window", purchases, s -> s.forEach(p -> counts.update(p.username(), n -> n + 1)));
        return app;
    }
}
