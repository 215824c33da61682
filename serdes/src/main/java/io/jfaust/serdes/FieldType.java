package io.jfaust.serdes;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The declared type of a record field, in Faust's (Python typing) terms: it decides which field descriptor applies
 * (string, integer, float, boolean, Decimal, datetime, bytes) and how a decoded value is converted.
 *
 * <p>{@link #parse(String)} reads Python annotations such as {@code "Optional[str]"}, {@code "List[vecmodels.Address]"}
 * or {@code "Dict[str, decimal.Decimal]"}; a dotted name is a record namespace, resolved when decoding (a name
 * that is no registered record, like an enum, passes values through as Faust does).
 *
 * <pre>{@code
 * FieldType t = FieldType.parse("List[vecmodels.Address]");
 * FieldType money = FieldType.optional(FieldType.DECIMAL);
 * RecordSchema.builder("shop.Order").field("lines", t).field("total", money).build();
 * }</pre>
 */
public sealed interface FieldType
        permits FieldType.Scalar, FieldType.ListOf, FieldType.SetOf, FieldType.TupleOf, FieldType.DictOf,
        FieldType.OptionalOf, FieldType.RecordOf {

    /** Python {@code str}. */
    Scalar STR = Scalar.STR;
    /** Python {@code int}. */
    Scalar INT = Scalar.INT;
    /** Python {@code float}. */
    Scalar FLOAT = Scalar.FLOAT;
    /** Python {@code bool}. */
    Scalar BOOL = Scalar.BOOL;
    /** {@code decimal.Decimal}. */
    Scalar DECIMAL = Scalar.DECIMAL;
    /** {@code datetime.datetime}. */
    Scalar DATETIME = Scalar.DATETIME;
    /** Python {@code bytes}. */
    Scalar BYTES = Scalar.BYTES;
    /** Any other type ({@code Any}, enums, unions): values pass through unconverted. */
    Scalar ANY = Scalar.ANY;

    /** Python's name for this type, as Faust prints it in a field description ({@code str}, {@code Optional}...). */
    String pythonName();

    /** True when decoding must convert values inside this type (records, datetimes or Decimals in containers). */
    boolean hasCustomTypes();

    /** {@code List[element]}. */
    static FieldType listOf(FieldType element) {
        return new ListOf(element);
    }

    /** {@code Set[element]} (written as a JSON array). */
    static FieldType setOf(FieldType element) {
        return new SetOf(element);
    }

    /** {@code Tuple[a, b, ...]} (written as a JSON array). */
    static FieldType tupleOf(FieldType... elements) {
        return new TupleOf(List.of(elements));
    }

    /** {@code Dict[key, value]}. */
    static FieldType dictOf(FieldType key, FieldType value) {
        return new DictOf(key, value);
    }

    /** {@code Optional[inner]}: the field defaults to null. */
    static FieldType optional(FieldType inner) {
        return new OptionalOf(inner);
    }

    /** A nested record known by its Faust namespace, resolved in the schema's registry when decoding. */
    static FieldType record(String namespace) {
        return new RecordOf(namespace, null);
    }

    /** A nested record of a {@code @FaustRecord} Java type (or a polymorphic base type). */
    static FieldType record(Class<?> javaType) {
        return new RecordOf(null, javaType);
    }

    /** Parses a Python annotation: {@code str}, {@code int}, {@code Optional[X]}, {@code List[X]}, {@code ns.Model}... */
    static FieldType parse(String annotation) {
        return FieldTypeParser.parse(annotation);
    }

    /**
     * The scalar types: each maps to one of Faust's field descriptors.
     *
     * <pre>{@code
     * FieldType.INT.descriptor();   // "IntegerField"
     * FieldType.INT.pythonName();   // "int"
     * }</pre>
     */
    enum Scalar implements FieldType {
        STR("str", "StringField"), INT("int", "IntegerField"), FLOAT("float", "FloatField"),
        BOOL("bool", "BooleanField"), DECIMAL("Decimal", "DecimalField"), DATETIME("datetime", "DatetimeField"),
        BYTES("bytes", "BytesField"), ANY("Any", "FieldDescriptor");

        private final String pythonName;
        private final String descriptor;

        Scalar(String pythonName, String descriptor) {
            this.pythonName = pythonName;
            this.descriptor = descriptor;
        }

        @Override
        public String pythonName() {
            return pythonName;
        }

        /** The name of Faust's descriptor class for this type ({@code StringField}...). */
        public String descriptor() {
            return descriptor;
        }

        @Override
        public boolean hasCustomTypes() {
            return this == DECIMAL || this == DATETIME;
        }
    }

    /**
     * {@code List[element]}.
     *
     * <pre>{@code
     * FieldType.listOf(FieldType.STR);          // List[str]
     * }</pre>
     */
    record ListOf(FieldType element) implements FieldType {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String pythonName() {
            return "List";
        }

        @Override
        public boolean hasCustomTypes() {
            return element.hasCustomTypes();
        }
    }

    /**
     * {@code Set[element]}.
     *
     * <pre>{@code
     * FieldType.setOf(FieldType.INT);           // Set[int]
     * }</pre>
     */
    record SetOf(FieldType element) implements FieldType {
        public SetOf {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public String pythonName() {
            return "Set";
        }

        @Override
        public boolean hasCustomTypes() {
            return element.hasCustomTypes();
        }
    }

    /**
     * {@code Tuple[elements...]}.
     *
     * <pre>{@code
     * FieldType.tupleOf(FieldType.STR, FieldType.INT);   // Tuple[str, int]
     * }</pre>
     */
    record TupleOf(List<FieldType> elements) implements FieldType {
        public TupleOf {
            elements = List.copyOf(elements);
        }

        @Override
        public String pythonName() {
            return "Tuple";
        }

        @Override
        public boolean hasCustomTypes() {
            return elements.stream().anyMatch(FieldType::hasCustomTypes);
        }
    }

    /**
     * {@code Dict[key, value]}.
     *
     * <pre>{@code
     * FieldType.dictOf(FieldType.STR, FieldType.DECIMAL);   // Dict[str, Decimal]
     * }</pre>
     */
    record DictOf(FieldType key, FieldType value) implements FieldType {
        public DictOf {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String pythonName() {
            return "Dict";
        }

        @Override
        public boolean hasCustomTypes() {
            return key.hasCustomTypes() || value.hasCustomTypes();
        }
    }

    /**
     * {@code Optional[inner]}.
     *
     * <pre>{@code
     * FieldType.optional(FieldType.STR);        // Optional[str]
     * }</pre>
     */
    record OptionalOf(FieldType inner) implements FieldType {
        public OptionalOf {
            Objects.requireNonNull(inner, "inner");
        }

        @Override
        public String pythonName() {
            return "Optional";
        }

        @Override
        public boolean hasCustomTypes() {
            return inner.hasCustomTypes();
        }
    }

    /**
     * A nested record, by namespace or by Java type (exactly one is set).
     *
     * <pre>{@code
     * FieldType.record("shop.Address");   // resolved by namespace when decoding
     * FieldType.record(Address.class);    // a @FaustRecord Java record
     * }</pre>
     */
    record RecordOf(@Nullable String namespace, @Nullable Class<?> javaType) implements FieldType {
        public RecordOf {
            if ((namespace == null) == (javaType == null)) {
                throw new IllegalArgumentException("a record type needs exactly one of namespace or Java type");
            }
        }

        @Override
        public String pythonName() {
            if (javaType != null) {
                return javaType.getSimpleName();
            }
            String ns = Objects.requireNonNull(namespace, "a record type has a namespace or a Java type");
            int dot = ns.lastIndexOf('.');
            return dot < 0 ? ns : ns.substring(dot + 1);
        }

        @Override
        public boolean hasCustomTypes() {
            return true;
        }
    }
}
