package io.jfaust;

import io.jfaust.runtime.Replies;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * An app being run: the handle through which code outside agents sends to topics and reads tables. A {@code Worker},
 * a test driver ({@code FaustTestDriver}, artifact {@code jfaust-testing}) and {@link App#attach} (for a
 * {@code KafkaStreams} of your own) each give one; the {@link App} itself is only a declaration, so one app can be run
 * by several of them at once (two test drivers in parallel tests, two workers in one JVM). Only jfaust creates
 * them.
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
public abstract class RunningApp implements AutoCloseable {
    /** The runtimes bound to each thread, the latest first. */
    private static final ThreadLocal<ArrayDeque<RunningApp>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    private final App app;
    private volatile boolean closed;
    private @Nullable Replies replies;

    /** For jfaust's runtimes (a worker, a test driver, an attached {@code KafkaStreams}); not for users. */
    protected RunningApp(App app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /** Runtime hook: sends encoded bytes from outside any agent. */
    protected abstract void sendBytes(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send);

    /** Runtime hook: the store of a table or global table, over every task of this instance. */
    protected abstract ReadOnlyKeyValueStore<Bytes, byte[]> store(String table);

    /**
     * Runtime hook: starts receiving the replies to this runtime's requests from {@code replyTopic}, handing each
     * reply's value to {@code onReply} (a worker consumes the topic; a test driver reads its output).
     */
    protected abstract void startReplies(String replyTopic, Consumer<byte @Nullable []> onReply);

    /** Runtime hook, after a request was sent: a test driver hands over the replies its agents produced. */
    protected void afterRequest(String replyTopic, Consumer<byte @Nullable []> onReply) {}

    /** This runtime's reply machinery, started on the first request. */
    final synchronized Replies replies() {
        checkOpen();
        if (replies == null) {
            Replies r = new Replies(app);
            startReplies(r.topic(), r::complete);
            replies = r;
        }
        return replies;
    }

    /**
     * Faust's {@code agent.ask}: sends {@code value} to the agent's topic with Faust's reply headers and waits for
     * the first value the agent yields for it (at most {@code conf.askTimeout}, default 30 s).
     *
     * @throws AskTimeoutException when no reply came in time
     */
    public final <K, V, R> @Nullable R ask(Agent<K, V> agent, @Nullable K key, V value, Class<R> replyType) {
        CompletableFuture<byte[]> reply = request(agent, key, value);
        Duration timeout = app.settings().askTimeout();
        try {
            return replies().decode(reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS), replyType);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new AskTimeoutException("agent " + agent.name() + " did not reply within " + timeout.toMillis()
                    + " ms on " + replies().topic() + " (is a worker running it? raise conf.askTimeout(...))");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for agent " + agent.name(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking agent " + agent.name() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Faust's {@code agent.ask_nowait}: the reply to come, failing with {@link AskTimeoutException} in time. */
    public final <K, V> CompletableFuture<@Nullable Object> askAsync(Agent<K, V> agent, @Nullable K key, V value) {
        CompletableFuture<byte[]> reply = request(agent, key, value);
        Duration timeout = app.settings().askTimeout();
        CompletableFuture<@Nullable Object> out = new CompletableFuture<>();
        reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((bytes, error) -> {
            if (error instanceof TimeoutException) {
                out.completeExceptionally(new AskTimeoutException("agent " + agent.name() + " did not reply within "
                        + timeout.toMillis() + " ms"));
            } else if (error != null) {
                out.completeExceptionally(error);
            } else {
                try {
                    out.complete(replies().decode(bytes, Object.class));
                } catch (RuntimeException e) {
                    out.completeExceptionally(e);
                }
            }
        });
        return out;
    }

    private <K, V> CompletableFuture<byte[]> request(Agent<K, V> agent, @Nullable K key, V value) {
        checkOwn(agent.app(), "agent " + agent.name());
        Replies r = replies();
        Replies.Request request = r.request();
        send(agent.channel(), key, value, request.send());
        afterRequest(r.topic(), r::complete);
        return request.reply();
    }

    /** Runtime hook: the wall clock of this runtime, in epoch milliseconds (a test driver's is its own). */
    protected long wallClockMs() {
        return System.currentTimeMillis();
    }

    /** Runtime hook: whether this instance holds partition 0 of the leader topic (overridden by each runtime). */
    protected boolean holdsLeaderPartition() {
        return false;
    }

    /**
     * Faust's {@code app.is_leader()}: whether this instance is the app's leader, i.e. its active tasks hold
     * partition 0 of {@code <app_id>-__assignor-__leader} (a test driver, the only instance, always is). It changes
     * with Kafka Streams' rebalances: when the leader leaves or misses the session timeout, another instance leads.
     *
     * @throws IllegalStateException when the app declares no timer, crontab or task (it then elects no leader)
     */
    public final boolean isLeader() {
        checkOpen();
        if (!app.services().electsLeader()) {
            throw Leadership.noElection(app);
        }
        return holdsLeaderPartition();
    }

    /** The app this runtime runs. */
    public final App app() {
        return app;
    }

    /** Binds this runtime to the current thread until {@link #unbindCurrentThread()}. */
    protected final void bindCurrentThread() {
        BOUND.get().push(this);
    }

    /** Removes the latest binding of this runtime from the current thread. */
    protected final void unbindCurrentThread() {
        BOUND.get().removeFirstOccurrence(this);
    }

    /** Marks this runtime closed: threads still bound to it get a clear error, and the current thread is unbound. */
    protected final void markClosed() {
        closed = true;
        BOUND.get().removeIf(r -> r == this);
    }

    /** Whether {@link #close()} was called. */
    protected final boolean isClosed() {
        return closed;
    }

    /** The runtime of {@code app} bound to the current thread, or null. Closed runtimes are dropped on the way. */
    static @Nullable RunningApp bound(App app) {
        ArrayDeque<RunningApp> bound = BOUND.get();
        for (Iterator<RunningApp> it = bound.iterator(); it.hasNext(); ) {
            RunningApp r = it.next();
            if (r.closed) {
                it.remove();
            } else if (r.app == app) {
                return r;
            }
        }
        return null;
    }

    /** The runtime of {@code app} bound to the current thread; {@code what} names the call for the error. */
    static RunningApp require(App app, String what) {
        RunningApp r = bound(app);
        if (r == null) {
            throw new IllegalStateException(what + " outside an agent needs a runtime of app " + app.id()
                    + " bound to this thread (" + Thread.currentThread().getName() + "): call it inside an agent, on "
                    + "the thread that created the Worker, test driver or app.attach(...), inside "
                    + "runningApp.run(...), or use runningApp.send(...)/get(...) directly");
        }
        return r;
    }

    /** Sends with per-send options. */
    public final <K, V> void send(Topic<K, V> topic, @Nullable K key, V value, Send send) {
        checkOwn(topic.app(), "topic " + topic.name());
        byte[] k = topic.schema().dumpsKey(app.serializers(), key, send.keySerializer());
        byte[] v = topic.schema().dumpsValue(app.serializers(), value, send.valueSerializer());
        sendBytes(topic.name(), k, v, send);
    }

    /** The value of {@code key} in {@code table} (the default when it has none), read from this instance's stores. */
    public final <K, V> @Nullable V get(Table<K, V> table, K key) {
        checkOwn(table.app, "table " + table.name());
        return call(() -> table.get(key));
    }

    /** Whether {@code table} holds {@code key} in this instance's stores. */
    public final <K, V> boolean containsKey(Table<K, V> table, K key) {
        checkOwn(table.app, "table " + table.name());
        return call(() -> table.containsKey(key));
    }

    /** The value of {@code key} in this instance's copy of a global table, or its default. */
    public final <K, V> V get(GlobalTable<K, V> table, K key) {
        checkOwn(table.table().app, "global table " + table.name());
        return call(() -> table.get(key));
    }

    /**
     * Runs {@code body} with this runtime bound to the current thread, so that {@code topic.send}, {@code table.get}
     * and window reads in it use this runtime.
     */
    public final void run(Runnable body) {
        checkOpen();
        bindCurrentThread();
        try {
            body.run();
        } finally {
            unbindCurrentThread();
        }
    }

    /** Like {@link #run(Runnable)}, returning {@code body}'s result. */
    public final <T> T call(Supplier<T> body) {
        checkOpen();
        bindCurrentThread();
        try {
            return body.get();
        } finally {
            unbindCurrentThread();
        }
    }

    /** Fails when this runtime is closed. */
    protected final void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the runtime of app " + app.id() + " is closed");
        }
    }

    private void checkOwn(App other, String what) {
        if (other != app) {
            throw new IllegalArgumentException(what + " belongs to app " + other.id() + ", not to app " + app.id()
                    + " that this runtime runs");
        }
    }

    /** Sends {@code value} under {@code key} to {@code topic}, encoded as Faust would (outside any transaction). */
    public <K, V> void send(Topic<K, V> topic, K key, V value) {
        send(topic, key, value, Send.options());
    }

    /**
     * Stops what this runtime runs and releases what it created: a worker stops, a test driver closes, an attached
     * handle closes its producer (your {@code KafkaStreams} keeps running). Calls through it then fail clearly.
     */
    @Override
    public abstract void close();
}
