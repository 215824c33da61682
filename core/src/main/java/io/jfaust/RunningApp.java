package io.jfaust;

import java.util.function.Supplier;

/**
 * An app being run: the handle through which code outside agents sends to topics and reads tables. A {@link Worker},
 * a test driver ({@code FaustTestDriver}, artifact {@code jfaust-testing}) and {@link App#attach} (for a
 * {@code KafkaStreams} of your own) each give one; the {@link App} itself is only a declaration, so one app can be run
 * by several of them at once (two test drivers in parallel tests, two workers in one JVM).
 *
 * <p><b>Which runtime a call uses.</b> Inside an agent, {@code topic.send} and {@code table.get} go through the
 * Kafka Streams task processing the event (under exactly-once, part of its transaction). Outside agents they go
 * through the runtime bound to the calling thread: the thread that created the runtime, threads the runtime runs
 * for you, and any thread inside {@link #run(Runnable)} or {@link #call(Supplier)}. On any other thread they throw an
 * {@link IllegalStateException} naming these ways; the explicit methods below work from every thread.
 *
 * <pre>{@code
 * RunningApp running = app.attach(kafkaStreams, Map.of("bootstrap.servers", "localhost:9092"));
 * running.send(orders, "alice", new Order("alice", 10));
 * long n = running.get(counts, "alice");           // any key held by this instance's tasks
 * running.run(() -> orders.send("bob", new Order("bob", 5)));
 * }</pre>
 */
public interface RunningApp extends AutoCloseable {
    /** The app this runtime runs. */
    App app();

    /** Sends {@code value} under {@code key} to {@code topic}, encoded as Faust would (outside any transaction). */
    default <K, V> void send(Topic<K, V> topic, K key, V value) {
        send(topic, key, value, Send.options());
    }

    /** Sends with per-send options. */
    <K, V> void send(Topic<K, V> topic, K key, V value, Send send);

    /** The value of {@code key} in {@code table} (the default when it has none), read from this instance's stores. */
    <K, V> V get(Table<K, V> table, K key);

    /** Whether {@code table} holds {@code key} in this instance's stores. */
    <K, V> boolean containsKey(Table<K, V> table, K key);

    /** The value of {@code key} in this instance's copy of a global table, or its default. */
    <K, V> V get(GlobalTable<K, V> table, K key);

    /**
     * Runs {@code body} with this runtime bound to the current thread, so that {@code topic.send}, {@code table.get}
     * and window reads in it use this runtime.
     */
    void run(Runnable body);

    /** Like {@link #run(Runnable)}, returning {@code body}'s result. */
    <T> T call(Supplier<T> body);

    /**
     * Stops what this runtime runs and releases what it created: a worker stops, a test driver closes, an attached
     * handle closes its producer (your {@code KafkaStreams} keeps running). Calls through it then fail clearly.
     */
    @Override
    void close();
}
