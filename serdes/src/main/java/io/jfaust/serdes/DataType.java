package io.jfaust.serdes;

import io.jfaust.serdes.internal.PyTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code key_type} or {@code value_type} of a Faust topic or table: what decoded bytes become. Faust's types
 * map as {@code None} → {@link #any()} (a record if the payload names one, else the plain decoded value),
 * {@code str} → {@code String}, {@code bytes} → {@code byte[]}, {@code int} → {@code Long}/{@code Integer},
 * {@code float} → {@code Double}, {@code Decimal} → {@code BigDecimal}, a model → a {@code @FaustRecord} class or a
 * {@link RecordSchema}.
 *
 * <pre>{@code
 * DataType<Purchase> value = DataType.of(Purchase.class);
 * DataType<String> key = DataType.of(String.class);
 * DataType<Object> untyped = DataType.any();
 * }</pre>
 */
public final class DataType<T> {
    /**
     * What a type decodes to, which decides how a payload is prepared (Faust's {@code _prepare_payload}).
     *
     * <pre>{@code
     * DataType.of(Purchase.class).kind();   // RECORD
     * DataType.any().kind();                // ANY
     * }</pre>
     */
    enum Kind {
        /** No declared type: a record if the payload names a registered one, else the decoded value. */
        ANY,
        /** {@code str}. */
        STR,
        /** {@code bytes}. */
        BYTES,
        /** {@code int}. */
        INT,
        /** {@code float}. */
        FLOAT,
        /** {@code Decimal}. */
        DECIMAL,
        /** A record type. */
        RECORD
    }

    private static final DataType<Object> ANY = new DataType<>(Kind.ANY, Object.class, null);

    private final Kind kind;
    private final Class<T> javaType;
    private final @Nullable RecordSchema<T> schema;

    private DataType(Kind kind, Class<T> javaType, @Nullable RecordSchema<T> schema) {
        this.kind = kind;
        this.javaType = javaType;
        this.schema = schema;
    }

    /** No declared type (Faust's {@code None}): autodetect records by their {@code __faust.ns}. */
    public static DataType<Object> any() {
        return ANY;
    }

    /**
     * A Java type: String, byte[], Long, Integer, Double, BigDecimal, a {@code @FaustRecord}, an abstract base (a
     * sealed interface: values decode to the implementation the payload's {@code __faust.ns} names), or Object
     * (any).
     */
    @SuppressWarnings("unchecked")
    public static <T> DataType<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type == Object.class) {
            return (DataType<T>) ANY;
        } else if (type == String.class) {
            return new DataType<>(Kind.STR, type, null);
        } else if (type == byte[].class) {
            return new DataType<>(Kind.BYTES, type, null);
        } else if (type == Long.class || type == Integer.class || type == BigInteger.class) {
            return new DataType<>(Kind.INT, type, null);
        } else if (type == Double.class) {
            return new DataType<>(Kind.FLOAT, type, null);
        } else if (type == BigDecimal.class) {
            return new DataType<>(Kind.DECIMAL, type, null);
        } else if (type.isAnnotationPresent(FaustRecord.class) && type.isRecord()
                || JavaRecords.isAbstract(type) && (type.isSealed() || type.isAnnotationPresent(FaustRecord.class))) {
            return new DataType<>(Kind.RECORD, type, RecordSchema.of(type));
        }
        throw new IllegalArgumentException("unsupported key/value type " + type.getName() + ": use String, byte[], "
                + "Long, Integer, Double, BigDecimal, Object, a Java record annotated with @FaustRecord, or an "
                + "abstract base (a sealed interface permitting such records)");
    }

    /** A record type known by its schema (generic records, or a Java record's schema). */
    public static <T> DataType<T> of(RecordSchema<T> schema) {
        return new DataType<>(Kind.RECORD, schema.javaType(), schema);
    }

    /** What this type decodes to. */
    Kind kind() {
        return kind;
    }

    /** The Java type decoded values have. */
    public Class<T> javaType() {
        return javaType;
    }

    /** The record schema, or null when this is not a record type. */
    public @Nullable RecordSchema<T> schema() {
        return schema;
    }

    /** True for string and bytes types, which default to the {@code raw} codec when no serializer is set. */
    boolean isStrOrBytes() {
        return kind == Kind.STR || kind == Kind.BYTES;
    }

    /** Faust's {@code _prepare_payload}: turns what the codec decoded into a value of this type. */
    @SuppressWarnings("unchecked")
    @Nullable T prepare(@Nullable Object payload, RecordRegistry registry) {
        switch (kind) {
            case ANY:
                return (T) reconstruct(payload, registry);
            case STR: {
                Object s = PyTypes.wantStr(payload);
                if (s instanceof String || s == null) {
                    return (T) s;
                }
                throw notHeldBy("str", s);
            }
            case BYTES: {
                Object b = PyTypes.wantBytes(payload);
                if (b instanceof byte[] || b == null) {
                    return (T) b;
                }
                throw notHeldBy("bytes", b);
            }
            case INT: {
                Object i = FieldConversions.toInt(PyTypes.wantStr(payload));
                return (T) JavaValues.convert(i, javaType, "int value");
            }
            case FLOAT:
                return (T) FieldConversions.toFloat(PyTypes.wantStr(payload));
            case DECIMAL: {
                Object d = FieldConversions.toDecimal(PyTypes.wantStr(payload));
                return (T) JavaValues.convert(d, BigDecimal.class, "Decimal value");
            }
            default:
                return RecordDecoder.fromData(Objects.requireNonNull(schema), payload, false, registry);
        }
    }

    /**
     * The one rule for str and bytes types receiving a decoded payload of another type (a JSON number, list, object
     * or boolean): Faust's {@code _prepare_payload} calls {@code want_str}/{@code want_bytes}, which hand any
     * non-bytes value over unchanged ({@code fs:faust/serializers/registry.py}), so a Faust agent on a
     * {@code value_type=str} topic receives the int {@code 5}. A Java {@code String} cannot hold it, and turning it
     * into text would make {@code 5} and {@code "5"} the same; so it is a decode error naming what arrived. A topic
     * typed {@code Object} ({@link #any()}) receives every JSON value unchanged, as Faust's agent does.
     */
    private static RecordException notHeldBy(String pythonType, Object payload) {
        return new RecordException("a " + pythonType + "-typed key or value received a JSON "
                + PyTypes.typeName(payload) + " (" + FieldConversions.pyRepr(payload) + "): Faust would hand the "
                + PyTypes.typeName(payload) + " over unchanged, which a Java " + (pythonType.equals("str") ? "String"
                : "byte[]") + " cannot hold; type the topic's key or value as Object to receive any JSON value");
    }

    /** Faust's {@code Model._maybe_reconstruct}: a mapping naming a registered record becomes that record. */
    private static @Nullable Object reconstruct(@Nullable Object payload, RecordRegistry registry) {
        String ns = RecordDecoder.namespaceOf(payload);
        if (ns == null) {
            return payload;
        }
        RecordSchema<?> schema = registry.lookup(ns);
        if (schema == null) {
            throw RecordDecoder.unknownNamespace(ns, "; register its class in the app's record registry"
                    + " (conf.records(...) or RecordRegistry.register)");
        }
        return RecordDecoder.fromData(schema, payload, true, registry);
    }

    @Override
    public String toString() {
        return schema != null ? schema.namespace() : kind == Kind.ANY ? "any" : javaType.getSimpleName();
    }
}
