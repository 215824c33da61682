package io.jfaust.serdes;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How a schema's values live in Java objects: generic records or a Java type. */
interface RecordBinding<T> {
    /** The Java type of the records. */
    Class<T> type();

    /** Whether {@code o} is a record of this binding. */
    boolean isInstance(@Nullable Object o);

    /** The value of field {@code index} of {@code record}, as Java holds it. */
    @Nullable Object get(T record, int index);

    /** Whether records keep the payload's unknown fields (generic records do; Java records cannot). */
    default boolean keepsExtras() {
        return false;
    }

    /** A record from decoded field values (Python-like values in field order) and unknown fields. */
    T construct(RecordSchema<T> schema, Object[] values, Map<String, Object> extras);
}
