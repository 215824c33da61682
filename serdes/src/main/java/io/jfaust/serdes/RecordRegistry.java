package io.jfaust.serdes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Faust's model registry, scoped: record schemas by {@code __faust} namespace, used to honour the blessed key (a
 * payload's {@code "__faust":{"ns":...}} may pick a subtype), to decode polymorphic fields and to decode untyped
 * topics. An app owns one (its {@link Serializers#records()}); nothing is registered as a side effect of using a
 * class.
 *
 * <p>Registering a record also registers every record it reaches: the Java types of its record fields, and the
 * implementations of its polymorphic fields (the permitted subclasses of a sealed interface, or
 * {@link FaustRecord#subtypes()}). A namespace holds one record: registering another one under a taken namespace
 * is an error naming both, and registering the same one again does nothing. Lookups are map lookups and safe from
 * any thread.
 *
 * <p>Abstract models ({@link RecordOptions#withAbstract}) are kept apart, as Faust never registers them: a payload
 * naming one is an unknown namespace ({@link #lookup} does not see them), but fields typed with one by namespace
 * ({@link FieldType#record(String)}) know it is abstract. Java abstract bases need no entry: their type says it.
 *
 * <pre>{@code
 * RecordRegistry records = RecordRegistry.create().register(Purchase.class);
 * records.lookup("purchases_app.Purchase");   // RecordSchema.of(Purchase.class)
 * Serializers s = Serializers.of("raw", "json", Codecs.newRegistry(JsonFlavor.FAUST_STREAMING), records);
 * }</pre>
 */
public final class RecordRegistry {
    private final Map<String, RecordSchema<?>> byNamespace = new ConcurrentHashMap<>();
    private final Map<String, RecordSchema<?>> abstracts = new ConcurrentHashMap<>();
    private volatile @Nullable Function<String, ? extends RuntimeException> sealedBy;

    private RecordRegistry() {}

    /** A new, empty registry. */
    public static RecordRegistry create() {
        return new RecordRegistry();
    }

    /**
     * Registers a {@code @FaustRecord} Java record, or a polymorphic base (a sealed interface or an
     * {@code @FaustRecord} interface listing {@code subtypes}), and every record it reaches.
     *
     * @throws IllegalArgumentException when {@code type} is neither, or when one of these records' namespaces is
     *     taken by another record (nothing is registered then)
     */
    public RecordRegistry register(Class<?> type) {
        Objects.requireNonNull(type, "type");
        if (!JavaRecords.isAbstract(type)) {
            return register(RecordSchema.of(type));
        }
        Map<String, RecordSchema<?>> found = new LinkedHashMap<>();
        JavaRecords.collectImplementations(type, found);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @FaustRecord implementations to register: "
                    + "make it a sealed interface permitting them, or list them in @FaustRecord(subtypes = ...)");
        }
        return registerAll(found);
    }

    /**
     * Registers {@code schema} and every record it reaches through Java-typed record fields. A schema's fields
     * that name a record only by namespace ({@link FieldType#record(String)}) resolve in the registry doing the
     * decoding, so register those records too.
     *
     * @throws IllegalArgumentException when one of these namespaces is taken by another record (nothing is
     *     registered then)
     */
    public RecordRegistry register(RecordSchema<?> schema) {
        Objects.requireNonNull(schema, "schema");
        Map<String, RecordSchema<?>> found = new LinkedHashMap<>();
        JavaRecords.collectReachable(schema, found);
        return registerAll(found);
    }

    /** Registers the records of a key or value type ({@link #register(RecordSchema)}); other types add nothing. */
    public RecordRegistry register(DataType<?> type) {
        RecordSchema<?> schema = Objects.requireNonNull(type, "type").schema();
        return schema == null ? this : register(schema);
    }

    /**
     * Seals this registry: registering a record it does not hold yet then throws what {@code refusal} makes of the
     * attempt (e.g. "cannot register record shop.Order"); registering one it holds still does nothing.
     */
    public RecordRegistry seal(Function<String, ? extends RuntimeException> refusal) {
        sealedBy = Objects.requireNonNull(refusal, "refusal");
        return this;
    }

    private synchronized RecordRegistry registerAll(Map<String, RecordSchema<?>> schemas) {
        for (RecordSchema<?> s : schemas.values()) {
            RecordSchema<?> taken = declared(s.namespace());
            if (taken != null && !sameRecord(taken, s)) {
                throw conflict(taken, s);
            }
            Function<String, ? extends RuntimeException> sealed = sealedBy;
            if (taken == null && sealed != null) {
                throw sealed.apply("cannot register record " + s.namespace());
            }
        }
        schemas.values().forEach(s -> (s.options().isAbstract() ? abstracts : byNamespace).put(s.namespace(), s));
        return this;
    }

    /** The schema registered under {@code namespace}, or null (abstract models are never found: Faust's rule). */
    public @Nullable RecordSchema<?> lookup(String namespace) {
        return byNamespace.get(namespace);
    }

    /** The schema declared under {@code namespace}, abstract or not, or null: what a field typed by it means. */
    @Nullable RecordSchema<?> declared(String namespace) {
        RecordSchema<?> s = byNamespace.get(namespace);
        return s != null ? s : abstracts.get(namespace);
    }

    /** Every namespace registered, sorted. */
    public Set<String> namespaces() {
        return new TreeSet<>(byNamespace.keySet());
    }

    /** Adds {@code s} to {@code into}, failing if another record already holds its namespace there. */
    static void put(Map<String, RecordSchema<?>> into, RecordSchema<?> s) {
        RecordSchema<?> taken = into.putIfAbsent(s.namespace(), s);
        if (taken != null && !sameRecord(taken, s)) {
            throw conflict(taken, s);
        }
    }

    /** The same Java record class, or the same (or an equal) generic schema. */
    static boolean sameRecord(RecordSchema<?> a, RecordSchema<?> b) {
        if (a == b) {
            return true;
        }
        if (a.javaType() != GenericRecord.class || b.javaType() != GenericRecord.class) {
            return a.javaType() == b.javaType();
        }
        return a.equals(b) && a.options().equals(b.options()) && a.className().equals(b.className());
    }

    private static IllegalArgumentException conflict(RecordSchema<?> taken, RecordSchema<?> other) {
        return new IllegalArgumentException("two records claim the namespace '" + taken.namespace() + "': "
                + describe(taken) + " and " + describe(other) + "; a payload's __faust.ns must name one record: give "
                + "one of them another namespace in @FaustRecord(namespace=...) (or RecordSchema.builder(...))");
    }

    private static String describe(RecordSchema<?> s) {
        return s.javaType() == GenericRecord.class ? "the " + (s.options().isAbstract() ? "abstract " : "")
                + "GenericRecord schema " + s.className() + " " + s.fields() : s.javaType().getName();
    }

    @Override
    public String toString() {
        return "RecordRegistry" + namespaces();
    }
}
