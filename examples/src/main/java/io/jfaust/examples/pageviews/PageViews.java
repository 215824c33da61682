package io.jfaust.examples.pageviews;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.examples.ExampleRunner;
import java.time.Duration;

/**
 * Faust's page-views example, ported, with the rest of a Faust app: views grouped by page id, counted per page in
 * tumbling windows and in total; a timer that reports {@code len(counts)} (how many pages were seen) every window;
 * and an alert for each window of each page when the window closes, with its final count.
 *
 * <pre>{@code
 * App app = PageViews.create("kafka://localhost:9092");
 * try (Worker w = Worker.start(app, w -> { })) { w.awaitStopped(); }
 * }</pre>
 *
 * <p>The Faust app it ports:
 * <pre>{@code
 * @app.agent(page_view_topic)
 * async def count_page_views(views):
 *     async for view in views.group_by(PageView.id):
 *         page_views[view.id] += 1
 *         counts[view.id] += 1
 *
 * @app.timer(interval=10.0)
 * async def report():
 *     await stats.send(key='pages', value=len(counts))
 * }</pre>
 */
public final class PageViews {
    /** The input topic. */
    public static final String TOPIC = "page_views";
    /** Where the timer reports {@code len(counts)}, under the key {@code "pages"}. */
    public static final String STATS = "page_views_stats";
    /** Where closed windows are reported: key the page, value {@code "/home (1700000000.0, 1700000009.9): 2 views"}. */
    public static final String ALERTS = "page_views_alerts";

    private PageViews() {}

    /** The app, on {@code broker}: 10-second windows kept 10 minutes, a report every 10 seconds. */
    public static App create(String broker) {
        return create(broker, Duration.ofSeconds(10), Duration.ofMinutes(10));
    }

    /**
     * The app with windows of {@code window} (also the report interval) kept for {@code expires}; expired windows
     * are looked for every half window (at most every 30 s).
     */
    public static App create(String broker, Duration window, Duration expires) {
        Duration cleanup = window.dividedBy(2).compareTo(Duration.ofSeconds(30)) < 0 ? window.dividedBy(2)
                : Duration.ofSeconds(30);
        App app = App.create("page-views", conf -> conf.broker(broker).topicPartitions(4)
                .tableCleanupInterval(cleanup));
        Topic<String, PageView> views = app.topic(TOPIC, String.class, PageView.class);
        Topic<String, Long> stats = app.topic(STATS, String.class, Long.class, t -> t.internal(true).partitions(1));
        Topic<String, String> alerts = app.topic(ALERTS, String.class, String.class, t -> t.internal(true));
        Table<String, Long> counts = app.table("page_counts", String.class, Long.class, () -> 0L);
        WindowedTable<String, Long> pageViews = app.table("page_views", String.class, Long.class, () -> 0L)
                .tumbling(window, expires)
                .onWindowClose((page, w, n) -> alerts.send(page, page + " " + w + ": " + n + " views"));
        app.agent("page_views.count_page_views", views, stream -> stream
                .groupBy("id")
                .forEach(view -> {
                    pageViews.update(view.id(), n -> n + 1);
                    counts.update(view.id(), n -> n + 1);
                }));
        app.timer(window, () -> stats.send("pages", (long) counts.size()), t -> t.name("page_views.report"));
        return app;
    }

    /** Runs the app's worker on an embedded broker (or {@code --broker URL}) until Ctrl-C. */
    public static void main(String[] args) {
        ExampleRunner.run(args, PageViews::create);
    }
}
