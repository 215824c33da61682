package io.jfaust.serdes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Binds a schema to {@link GenericRecord}s: values are kept exactly as decoded. */
final class GenericBinding implements RecordBinding<GenericRecord> {
    private final String namespace;

    GenericBinding(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public Class<GenericRecord> type() {
        return GenericRecord.class;
    }

    @Override
    public boolean isInstance(@Nullable Object o) {
        return o instanceof GenericRecord g && g.schema().namespace().equals(namespace);
    }

    @Override
    public boolean keepsExtras() {
        return true;
    }

    @Override
    public @Nullable Object get(GenericRecord record, int index) {
        return record.get(index);
    }

    @Override
    public GenericRecord construct(RecordSchema<GenericRecord> schema, Object[] values, Map<String, Object> extras) {
        return new GenericRecord(schema, values, extras);
    }
}
