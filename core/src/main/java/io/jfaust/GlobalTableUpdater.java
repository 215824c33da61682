package io.jfaust;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies a global table's changelog to its global store: a value sets the key's bytes, a tombstone deletes it. */
final class GlobalTableUpdater implements Processor<byte[], byte[], Void, Void> {
    private final String store;
    private KeyValueStore<Bytes, byte[]> kv;

    GlobalTableUpdater(String store) {
        this.store = store;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        kv = context.getStateStore(store);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            kv.delete(Bytes.wrap(record.key()));
        } else {
            kv.put(Bytes.wrap(record.key()), record.value());
        }
    }
}
