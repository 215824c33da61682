package io.jfaust;

import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired windows from a task's store, calling the table's {@link WindowCloseCallback} for each first. The
 * callback and the delete run in the same punctuation, so under exactly-once the callback's sends and the delete's
 * changelog tombstone commit together or not at all; a removed window is not restored, an unremoved one is closed
 * by whichever instance owns its partition next.
 */
final class WindowClose {
    private static final Logger LOG = LoggerFactory.getLogger(WindowClose.class);

    private WindowClose() {}

    static void close(AgentProcessor processor, WindowedTable<?, ?> table, KeyValueStore<Bytes, byte[]> store,
                      List<Bytes> stale) {
        for (Bytes key : stale) {
            byte[] value = store.get(key);
            if (value != null && table.table().windowClose() != null) {
                callback(processor, table, key.get(), value);
            }
            store.delete(key);
        }
    }

    private static <K, V> void callback(AgentProcessor processor, WindowedTable<K, V> table, byte[] key,
                                        byte[] value) {
        Scope previous = Scope.enter(new Scope(processor, null));
        WindowKeys.Windowed<K> w = null;
        try {
            w = table.decodeWindowKey(key);
            WindowCloseCallback<? super K, ? super V> onClose = Objects.requireNonNull(table.table().windowClose(),
                    "close() calls back the tables that have on_window_close");
            if (w != null) {
                onClose.onWindowClose(w.key(), w.range(), table.table().decodeValue(value));
            }
        } catch (RuntimeException e) {
            if (table.table().app.settings().errorPolicy().kind() == ErrorPolicy.Kind.FAIL) {
                throw e;
            }
            LOG.error("on_window_close of table {} raised {} for {} (the window is removed all the same)",
                    table.name(), e, w == null ? "a window" : w.key() + " " + w.range(), e);
        } finally {
            Scope.exit(previous);
        }
    }
}
