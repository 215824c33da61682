package io.jfaust;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A table as an agent changes it: reads from the task's store, writes through the agent's {@link TableWriter}, so
 * that the changelog record is stamped with the wall clock (as Faust's are) rather than the event's time.
 */
final class TableWrites {
    private final AgentProcessor processor;
    private final String table;
    private final KeyValueStore<Bytes, byte[]> store;
    /** The table's meters in a worker, or null (a test driver counts nothing). */
    private final Sensors.TableMeters meters;

    TableWrites(AgentProcessor processor, String table, KeyValueStore<Bytes, byte[]> store,
                Sensors.TableMeters meters) {
        this.processor = processor;
        this.table = table;
        this.store = store;
        this.meters = meters;
    }

    /** The table's meters, or null when nothing is counted. */
    Sensors.TableMeters meters() {
        return meters;
    }

    byte[] get(Bytes key) {
        return store.get(key);
    }

    void put(Bytes key, byte[] value) {
        processor.writeTable(table, key.get(), value);
    }

    void delete(Bytes key) {
        processor.writeTable(table, key.get(), null);
    }
}
