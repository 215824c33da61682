package io.jfaust.serdes;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faust's model registry: record schemas by {@code __faust} namespace, used to honour the blessed key (a payload's
 * {@code "__faust":{"ns":...}} may pick a subtype) and to decode untyped topics. As in Faust, a later schema with the
 * same namespace replaces the earlier one.
 *
 * <p>{@link #global()} holds every {@code @FaustRecord} class used so far; tests and dynamic schemas may use their
 * own registry.
 *
 * <pre>{@code
 * RecordRegistry registry = RecordRegistry.create();
 * RecordSchema<GenericRecord> s = RecordSchema.builder("shop.Order").registry(registry).field("id", FieldType.STR).build();
 * registry.lookup("shop.Order");   // s
 * }</pre>
 */
public final class RecordRegistry {
    private static final RecordRegistry GLOBAL = new RecordRegistry();

    private final Map<String, RecordSchema<?>> byNamespace = new ConcurrentHashMap<>();

    private RecordRegistry() {}

    /** The process-wide registry. */
    public static RecordRegistry global() {
        return GLOBAL;
    }

    /** A new, empty registry. */
    public static RecordRegistry create() {
        return new RecordRegistry();
    }

    /** Adds {@code schema} under its namespace, replacing any earlier schema with that namespace. */
    public RecordRegistry register(RecordSchema<?> schema) {
        byNamespace.put(schema.namespace(), Objects.requireNonNull(schema, "schema"));
        return this;
    }

    /** The schema registered under {@code namespace}, or null. */
    public RecordSchema<?> lookup(String namespace) {
        return byNamespace.get(namespace);
    }
}
