package io.jfaust.examples.withdrawals;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.examples.ExampleRunner;
import java.time.Duration;

/**
 * Faust's {@code withdrawals.py}, ported: totals per user in hour-long tumbling windows, and totals per country
 * (after {@code group_by(Withdrawal.country)}) in hopping windows of one minute every ten seconds.
 *
 * <pre>{@code
 * App app = Withdrawals.create("kafka://localhost:9092");
 * try (Worker w = Worker.start(app, w -> { })) { w.awaitStopped(); }
 * }</pre>
 */
public final class Withdrawals {
    /** The input topic. */
    public static final String TOPIC = "withdrawals";

    private Withdrawals() {}

    /** The app, on {@code broker}. */
    public static App create(String broker) {
        App app = App.create("withdrawals", conf -> conf.broker(broker).topicPartitions(4));
        Topic<String, Withdrawal> withdrawals = app.topic(TOPIC, String.class, Withdrawal.class);
        WindowedTable<String, Double> userToTotal = app.table("user_to_total", String.class, Double.class, () -> 0.0)
                .tumbling(Duration.ofHours(1), Duration.ofDays(1)).relativeToStream();
        WindowedTable<String, Double> countryToTotal = app.table("country_to_total", String.class, Double.class,
                () -> 0.0).hopping(Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofHours(1))
                .relativeToStream();
        app.agent("withdrawals.track_user_withdrawal", withdrawals, stream -> stream.forEach(
                w -> userToTotal.update(w.user(), t -> t + w.amount())));
        app.agent("withdrawals.track_country_withdrawal", withdrawals, stream -> stream
                .groupBy("country")
                .forEach(w -> countryToTotal.update(w.country(), t -> t + w.amount())));
        return app;
    }

    /** Runs the app's worker on an embedded broker (or {@code --broker URL}) until Ctrl-C. */
    public static void main(String[] args) {
        ExampleRunner.run(args, Withdrawals::create);
    }
}
