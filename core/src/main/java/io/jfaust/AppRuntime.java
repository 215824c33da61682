package io.jfaust;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What every runtime of an app shares: the thread binding that lets {@code topic.send} and {@code table.get} find
 * their runtime outside agents, and the encoding of sends and reads. A worker, a test driver and an attached
 * {@code KafkaStreams} each extend it with how bytes are sent and where stores are read.
 */
abstract class AppRuntime implements RunningApp {
    /** The runtimes bound to each thread, the latest first. */
    private static final ThreadLocal<ArrayDeque<AppRuntime>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    private final App app;
    private volatile boolean closed;

    AppRuntime(App app) {
        this.app = Objects.requireNonNull(app, "app");
    }

    /** Sends encoded bytes from outside any agent. */
    abstract void sendBytes(String topic, byte[] key, byte[] value, Send send);

    /** The store of a table or global table, over every task of this instance. */
    abstract ReadOnlyKeyValueStore<Bytes, byte[]> store(String table);

    /** The wall clock of this runtime, in epoch milliseconds (a test driver's is its own). */
    long wallClockMs() {
        return System.currentTimeMillis();
    }

    @Override
    public final App app() {
        return app;
    }

    /** Binds this runtime to the current thread until {@link #unbindCurrentThread()}. */
    final void bindCurrentThread() {
        BOUND.get().push(this);
    }

    /** Removes the latest binding of this runtime from the current thread. */
    final void unbindCurrentThread() {
        BOUND.get().removeFirstOccurrence(this);
    }

    /** Marks this runtime closed: threads still bound to it get a clear error, and the current thread is unbound. */
    final void markClosed() {
        closed = true;
        BOUND.get().removeIf(r -> r == this);
    }

    final boolean isClosed() {
        return closed;
    }

    /** The runtime of {@code app} bound to the current thread, or null. Closed runtimes are dropped on the way. */
    static AppRuntime bound(App app) {
        ArrayDeque<AppRuntime> bound = BOUND.get();
        for (Iterator<AppRuntime> it = bound.iterator(); it.hasNext(); ) {
            AppRuntime r = it.next();
            if (r.closed) {
                it.remove();
            } else if (r.app == app) {
                return r;
            }
        }
        return null;
    }

    /** The runtime of {@code app} bound to the current thread; {@code what} names the call for the error. */
    static AppRuntime require(App app, String what) {
        AppRuntime r = bound(app);
        if (r == null) {
            throw new IllegalStateException(what + " outside an agent needs a runtime of app " + app.id()
                    + " bound to this thread (" + Thread.currentThread().getName() + "): call it inside an agent, on "
                    + "the thread that created the Worker, test driver or app.attach(...), inside "
                    + "runningApp.run(...), or use runningApp.send(...)/get(...) directly");
        }
        return r;
    }

    @Override
    public final <K, V> void send(Topic<K, V> topic, K key, V value, Send send) {
        checkOwn(topic.app(), "topic " + topic.name());
        byte[] k = topic.schema().dumpsKey(app.serializers(), key, send.keySerializer());
        byte[] v = topic.schema().dumpsValue(app.serializers(), value, send.valueSerializer());
        sendBytes(topic.name(), k, v, send);
    }

    @Override
    public final <K, V> V get(Table<K, V> table, K key) {
        checkOwn(table.app, "table " + table.name());
        return call(() -> table.get(key));
    }

    @Override
    public final <K, V> boolean containsKey(Table<K, V> table, K key) {
        checkOwn(table.app, "table " + table.name());
        return call(() -> table.containsKey(key));
    }

    @Override
    public final <K, V> V get(GlobalTable<K, V> table, K key) {
        checkOwn(table.table().app, "global table " + table.name());
        return call(() -> table.get(key));
    }

    @Override
    public final void run(Runnable body) {
        checkOpen();
        bindCurrentThread();
        try {
            body.run();
        } finally {
            unbindCurrentThread();
        }
    }

    @Override
    public final <T> T call(Supplier<T> body) {
        checkOpen();
        bindCurrentThread();
        try {
            return body.get();
        } finally {
            unbindCurrentThread();
        }
    }

    final void checkOpen() {
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
}
