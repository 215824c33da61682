package io.jfaust;

import io.jfaust.internal.Decoded;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * What the current thread is processing: the agent processor and the record (null inside a punctuation, except for
 * a {@code take} batch flushed by the clock, which runs in its last event's scope). It is Faust's
 * {@code current_event()} context: sends and table operations act through it.
 */
final class Scope {
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private final AgentProcessor processor;
    private final @Nullable Record<Decoded<Object>, Decoded<Object>> record;
    private @Nullable Event<Object, Object> event;

    Scope(AgentProcessor processor, @Nullable Record<Decoded<Object>, Decoded<Object>> record) {
        this.processor = processor;
        this.record = record;
    }

    static Scope current() {
        return CURRENT.get();
    }

    static Scope enter(Scope scope) {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        return previous;
    }

    static void exit(Scope previous) {
        CURRENT.set(previous);
    }

    AgentProcessor processor() {
        return processor;
    }

    @Nullable Event<Object, Object> event() {
        if (event == null && record != null) {
            event = processor.eventOf(record);
        }
        return event;
    }

    /**
     * This scope, kept to be entered again after its record (a {@code take} batch flushed by the clock runs in the
     * scope of its last event, as one flushed full does): builds the event now, while the context still has the
     * record's topic, partition and offset.
     */
    Scope kept() {
        event();
        return this;
    }

    /** Whether a record is being processed (false inside a punctuation, but for a take batch's last record). */
    boolean hasRecord() {
        return record != null;
    }

    /** The timestamp of the record being processed, as its {@link Event#timestampMs()}; only with a record. */
    long timestampMs() {
        return Objects.requireNonNull(record, "a record is being processed").timestamp();
    }

    /** The headers of the record being processed, or null inside a punctuation (but for a take batch's). */
    org.apache.kafka.common.header.@org.jspecify.annotations.Nullable Headers headers() {
        return record == null ? null : record.headers();
    }

    void send(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send) {
        processor.send(topic, key, value, send);
    }

    KeyValueStore<Bytes, byte[]> store(String table) {
        return processor.store(table);
    }
}
