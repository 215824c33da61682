package io.jfaust;

import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code on_window_close}: called once for each window of each key when the window leaves a windowed table,
 * with the window's final value. Set it with {@link WindowedTable#onWindowClose}.
 *
 * <p>It runs on the Kafka Streams thread of the task that owns the key's partition, in the task's wall-clock
 * punctuation every {@code table_cleanup_interval}, just before the window is deleted (a changelog tombstone): so a
 * window with a single event still closes on time, without waiting for later events. {@code topic.send} in it goes
 * through the task, part of its transaction under exactly-once.
 *
 * <pre>{@code
 * views.onWindowClose((page, window, count) ->
 *         alerts.send(page, page + ": " + count + " views in " + window));
 * }</pre>
 */
@FunctionalInterface
public interface WindowCloseCallback<K, V> {
    /** Called when {@code window} of {@code key} closes, with its final {@code value}. */
    void onWindowClose(@Nullable K key, WindowRange window, @Nullable V value);
}
