package io.jfaust.examples.pageviews;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.examples.ExampleRunner;
import java.time.Duration;

/**
 * Faust's page-views example, ported: views grouped by page id, counted per page in 10-second tumbling windows
 * (expiring after 10 minutes).
 *
 * <pre>{@code
 * App app = PageViews.create("kafka://localhost:9092");
 * try (Worker w = Worker.start(app, w -> { })) { w.awaitStopped(); }
 * }</pre>
 */
public final class PageViews {
    /** The input topic. */
    public static final String TOPIC = "page_views";

    private PageViews() {}

    /** The app, on {@code broker}. */
    public static App create(String broker) {
        App app = App.create("page-views", conf -> conf.broker(broker).topicPartitions(4));
        Topic<String, PageView> views = app.topic(TOPIC, String.class, PageView.class);
        WindowedTable<String, Long> pageViews = app.table("page_views", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofMinutes(10));
        app.agent("page_views.count_page_views", views, stream -> stream
                .groupBy("id")
                .forEach(view -> pageViews.update(view.id(), n -> n + 1)));
        return app;
    }

    /** Runs the app's worker on an embedded broker (or {@code --broker URL}) until Ctrl-C. */
    public static void main(String[] args) {
        ExampleRunner.run(args, PageViews::create);
    }
}
