package io.jfaust.serdes;

import io.jfaust.serdes.internal.PyText;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Faust record described by a {@link RecordSchema} at run time rather than by a Java class: the values are kept
 * exactly as Faust keeps them (a wrong-typed value stays as it came, as in Faust without {@code coerce}), and
 * unknown fields of a decoded payload are kept in {@link #extras()} but never written back.
 *
 * <pre>{@code
 * RecordSchema<GenericRecord> purchase = RecordSchema.builder("shop.Purchase").field("amount", FieldType.INT).build();
 * GenericRecord p = purchase.create(Map.of("amount", 1234));
 * p.get("amount");   // 1234
 * }</pre>
 */
public final class GenericRecord {
    private final RecordSchema<GenericRecord> schema;
    private final @Nullable Object[] values;
    private final Map<String, @Nullable Object> extras;

    GenericRecord(RecordSchema<GenericRecord> schema, @Nullable Object[] values,
                  @Nullable Map<String, @Nullable Object> extras) {
        this.schema = schema;
        this.values = values;
        this.extras = extras == null || extras.isEmpty() ? Map.of() : Collections.unmodifiableMap(extras);
    }

    /** The schema this record follows. */
    public RecordSchema<GenericRecord> schema() {
        return schema;
    }

    /** The value of field {@code index} (declaration order). */
    public @Nullable Object get(int index) {
        return values[index];
    }

    /** The value of the field called {@code name}; an unknown name raises {@link IllegalArgumentException}. */
    public @Nullable Object get(String name) {
        return values[schema.indexOf(name)];
    }

    /** Fields of the payload this record was decoded from that the schema does not declare. */
    public Map<String, @Nullable Object> extras() {
        return extras;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof GenericRecord other
                && schema.namespace().equals(other.schema.namespace())
                && Arrays.deepEquals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema.namespace(), Arrays.deepHashCode(values));
    }

    /** Faust's repr: {@code <Purchase: username='alice', amount=1234>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(schema.className()).append(": ");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(schema.fields().get(i).name()).append('=')
                    .append(v instanceof String s ? PyText.strRepr(s) : String.valueOf(v));
        }
        return sb.append('>').toString();
    }
}
