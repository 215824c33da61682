package io.jfaust;

import io.jfaust.runtime.Sensors;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * A table as an agent changes it: reads and writes the task's store, each write stamped with the wall clock, as
 * Faust stamps its changelogs. Kafka Streams' logged (and cached) stores stamp a changelog record with the timestamp
 * of the record context; for the length of a write this class puts the wall clock there and then restores the
 * event's context. With the event's time instead, a backlog older than a windowed changelog's {@code retention.ms}
 * would be written into segments the broker may delete at once, and a later restore would lose those windows.
 *
 * <p>The record context is Kafka Streams' internal {@code InternalProcessorContext} (what every Kafka Streams
 * runtime, the test driver included, hands a processor). The public way, forwarding each write to a child processor
 * with the wall-clock timestamp, cost about 8% of a counting job's throughput in the test driver (a {@code Record},
 * an {@code OutgoingKey}, the node switch and the end-to-end latency sensor of a terminal node, per write); see the
 * README's benchmarks.
 *
 * <pre>{@code
 * TableWrites counts = processor.tableWrites("counts");
 * counts.put(Bytes.wrap(key), value);   // changelog record at wall-clock time
 * counts.delete(Bytes.wrap(key));       // a tombstone, at wall-clock time
 * }</pre>
 */
final class TableWrites {
    private final InternalProcessorContext<?, ?> context;
    private final KeyValueStore<Bytes, byte[]> store;
    /** The table's meters in a worker, or null (a test driver counts nothing). */
    private final Sensors.@Nullable TableSensor meters;

    TableWrites(InternalProcessorContext<?, ?> context, KeyValueStore<Bytes, byte[]> store,
                Sensors.@Nullable TableSensor meters) {
        this.context = context;
        this.store = store;
        this.meters = meters;
    }

    /** The table's meters, or null when nothing is counted. */
    Sensors.@Nullable TableSensor meters() {
        return meters;
    }

    byte @Nullable [] get(Bytes key) {
        return store.get(key);
    }

    void put(Bytes key, byte @Nullable [] value) {
        ProcessorRecordContext event = stampWallClock();
        try {
            store.put(key, value);
        } finally {
            context.setRecordContext(event);
        }
    }

    void delete(Bytes key) {
        ProcessorRecordContext event = stampWallClock();
        try {
            store.delete(key);
        } finally {
            context.setRecordContext(event);
        }
    }

    /**
     * Puts the wall clock in the record context (the event's offset, partition, topic, headers and source bytes, which
     * a failed changelog send hands to the error handler) and returns the event's context.
     */
    private ProcessorRecordContext stampWallClock() {
        ProcessorRecordContext event = context.recordContext();
        context.setRecordContext(new ProcessorRecordContext(context.currentSystemTimeMs(), event.offset(),
                event.partition(), event.topic(), event.headers(), event.sourceRawKey(), event.sourceRawValue()));
        return event;
    }
}
