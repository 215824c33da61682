package io.jfaust;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Applies a global set table's changelog (Faust's operation log) to its global store, record by record. */
final class SetTableUpdater implements Processor<byte[], byte[], Void, Void> {
    private final SetTable<?, ?> table;
    private SetStore store;

    SetTableUpdater(SetTable<?, ?> table) {
        this.table = table;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(table.name());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        table.replay(store, new byte[][] {record.key(), record.value()});
    }
}
