package io.jfaust;

import io.jfaust.internal.OutgoingKey;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Writes an agent's tables, as the child of its {@link AgentProcessor}, so that every changelog record carries the
 * wall-clock time of the write, as Faust stamps its changelogs. Kafka Streams' logged stores stamp a changelog
 * record with the timestamp of the record being processed; a record forwarded to this node carries the wall clock,
 * so the write made while processing it does too (public API only: {@code context.forward} sets the record context
 * of the child). With the event's time instead, a backlog older than a windowed changelog's {@code retention.ms}
 * would be written into segments the broker may delete at once, and a later restore would lose those windows.
 *
 * <p>The record's key names the table ({@code topic}) and holds the encoded key; a null value is a delete
 * (a tombstone in the changelog). Forwarding is synchronous, so a read right after a write sees it.
 */
final class TableWriter implements Processor<OutgoingKey, byte[], Void, Void> {
    private ProcessorContext<Void, Void> context;
    private final Map<String, KeyValueStore<Bytes, byte[]>> stores = new HashMap<>();

    /** The name of the table writer of the agent processor named {@code processor}. */
    static String nameFor(String processor) {
        return "tables:" + processor;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
    }

    @Override
    public void process(Record<OutgoingKey, byte[]> record) {
        KeyValueStore<Bytes, byte[]> store = stores.get(record.key().topic());
        if (store == null) {
            // Not computeIfAbsent(topic, context::getStateStore): that would allocate a method reference per write.
            store = context.getStateStore(record.key().topic());
            stores.put(record.key().topic(), store);
        }
        Bytes key = Bytes.wrap(record.key().bytes());
        if (record.value() == null) {
            store.delete(key);
        } else {
            store.put(key, record.value());
        }
    }
}
