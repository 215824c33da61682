package io.jfaust.examples.purchasesapp;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.serdes.FaustRecord;
import java.time.Duration;

/**
 * Faust's {@code purchases_app.py} (the live ground-truth app, {@code faust-vectors/live-app/}) ported line by line:
 * the same app id ({@code faustlab}), topics, agents, tables and bytes, so it can take over from the Python workers
 * and hand back to them. Its {@code main} is Faust's {@code app.main()}: verbs {@code worker} and {@code preflight}.
 *
 * <pre>{@code
 * App app = PurchasesApp.create("kafka://localhost:9092");
 * app.main("preflight");        // read-only: go / no-go, exit code
 * app.main("worker");           // takes over where Faust stopped
 * }</pre>
 */
public final class PurchasesApp {
    /** {@code class Purchase(faust.Record)}: amount in cents. */
    @FaustRecord(namespace = "purchases_app.Purchase")
    public record Purchase(String username, String currency, long amount) {}

    /** {@code class DollarPurchase(faust.Record)}: amount in dollars. */
    @FaustRecord(namespace = "purchases_app.DollarPurchase")
    public record DollarPurchase(String username, String currency, double amount) {}

    /** The Python file's broker ({@code --broker} overrides it). */
    public static final String BROKER = "kafka://127.0.0.1:19092";

    private PurchasesApp() {}

    /**
     * The app on {@code broker}: agent {@code purchases_app.convert} (purchases in cents to
     * {@code purchases-dollars}, tables {@code purchase_counts} and the 10 s tumbling {@code amount_sums_10s}; a
     * {@code DELETE} purchase deletes the user's count) and agent {@code purchases_app.by_currency}
     * ({@code group_by(Purchase.currency)} into {@code currency_counts}).
     */
    public static App create(String broker) {
        App app = App.create("faustlab", conf -> conf.broker(broker).store("memory://").topicPartitions(4));
        Topic<String, Purchase> purchases = app.topic("purchases", String.class, Purchase.class);
        Topic<String, DollarPurchase> dollars = app.topic("purchases-dollars", String.class, DollarPurchase.class);

        Table<String, Long> purchaseCounts = app.table("purchase_counts", String.class, Long.class, () -> 0L);
        // expires is large on purpose: Faust expires windows against the wall clock; the inputs carry 2023 times
        WindowedTable<String, Long> amountSums = app.table("amount_sums_10s", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofDays(3650));
        Table<String, Long> currencyCounts = app.table("currency_counts", String.class, Long.class, () -> 0L);

        app.agent("purchases_app.convert", purchases, stream -> stream.forEach(p -> {
            if (p.currency().equals("DELETE")) {
                if (purchaseCounts.containsKey(p.username())) {
                    purchaseCounts.delete(p.username());
                }
                return;
            }
            dollars.send(p.username(), new DollarPurchase(p.username(), p.currency(), p.amount() / 100.0));
            purchaseCounts.update(p.username(), n -> n + 1);
            amountSums.update(p.username(), s -> s + p.amount());
        }));

        app.agent("purchases_app.by_currency", purchases, stream -> stream
                .groupBy("currency")
                .forEach(p -> currencyCounts.update(p.currency(), n -> n + 1)));
        return app;
    }

    /** {@code python3 purchases_app.py worker}: verbs {@code worker --broker kafka://host:port}, {@code preflight}. */
    public static void main(String[] args) {
        create(BROKER).main(args);
    }
}
