package io.jfaust.live;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.live.LiveModels.DollarPurchase;
import io.jfaust.live.LiveModels.Purchase;
import java.time.Duration;

/** The live Faust app ({@code faust-vectors/live-app/purchases_app.py}) ported line by line. */
final class PurchasesApp {
    final App app = App.create("faustlab", conf -> conf.broker("kafka://127.0.0.1:19092").store("memory://")
            .topicPartitions(4));

    final Topic<String, Purchase> purchases = app.topic("purchases", String.class, Purchase.class);
    final Topic<String, DollarPurchase> dollars = app.topic("purchases-dollars", String.class, DollarPurchase.class);

    final Table<String, Long> purchaseCounts = app.table("purchase_counts", String.class, Long.class, () -> 0L);
    final WindowedTable<String, Long> amountSums = app.table("amount_sums_10s", String.class, Long.class, () -> 0L)
            .tumbling(Duration.ofSeconds(10), Duration.ofDays(3650));
    final Table<String, Long> currencyCounts = app.table("currency_counts", String.class, Long.class, () -> 0L);

    PurchasesApp() {
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
    }
}
