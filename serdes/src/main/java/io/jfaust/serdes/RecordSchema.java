package io.jfaust.serdes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Faust record type: its namespace (the {@code __faust.ns} it writes), class options and fields, and how its
 * values are held in Java (an annotated Java record, or {@link GenericRecord}). It encodes and decodes exactly as
 * Faust's {@code Record} does: fields in declaration order, {@code "__faust":{"ns":...}} last, explicit nulls taking
 * defaults, unknown fields ignored, the blessed key and polymorphic fields honoured.
 *
 * <p>Used on its own ({@link #fromData}, {@link #loads}), a schema resolves {@code __faust.ns} among the records it
 * reaches ({@link #registry()}); through {@link Serializers}, the app's registry is asked first.
 *
 * <pre>{@code
 * RecordSchema<Purchase> s = RecordSchema.of(Purchase.class);          // from @FaustRecord
 * Map<String, Object> rep = s.toRepresentation(new Purchase("a", "USD", 1));
 * Purchase p = s.fromData(rep);
 * }</pre>
 */
public final class RecordSchema<T> {
    private final String namespace;
    private final String className;
    private final RecordOptions options;
    private final List<Field> fields;
    private final Map<String, Integer> indexByName;
    private final String[] inputNames;
    private volatile @Nullable RecordRegistry registry;
    private final RecordBinding<T> binding;

    RecordSchema(String namespace, String className, RecordOptions options, List<Field> fields,
                 @Nullable RecordRegistry registry, RecordBinding<T> binding) {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("a Faust record needs a namespace (the __faust.ns it writes)");
        }
        this.namespace = namespace;
        this.className = className;
        this.options = options;
        this.fields = List.copyOf(fields);
        this.registry = registry;
        this.binding = binding;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.fields.size(); i++) {
            Field f = this.fields.get(i);
            if (idx.put(f.name(), i) != null) {
                throw new IllegalArgumentException(className + ": field '" + f.name() + "' declared twice");
            }
        }
        this.indexByName = idx;
        this.inputNames = this.fields.stream().map(f -> f.inputName().intern()).toArray(String[]::new);
    }

    /**
     * The schema of a {@code @FaustRecord} Java record, built once per class. Registers nothing; checks that the
     * records it reaches have distinct namespaces. For an abstract base (a sealed interface, or an interface
     * annotated with {@code @FaustRecord}), an abstract schema with no fields, decoding to the implementation a
     * payload names.
     *
     * @throws IllegalArgumentException when {@code type} is neither a {@code @FaustRecord} Java record nor an
     *     abstract base, or two records it reaches claim one namespace
     */
    public static <T> RecordSchema<T> of(Class<T> type) {
        RecordSchema<T> schema = JavaRecords.schemaOf(type);
        schema.registry();
        return schema;
    }

    /** The schema of {@code value} if it is a record (generic or annotated), else null. */
    public static @Nullable RecordSchema<?> forObject(@Nullable Object value) {
        if (value instanceof GenericRecord g) {
            return g.schema();
        }
        return value == null ? null : JavaRecords.schemaOrNull(value.getClass());
    }

    /** Starts a schema for {@link GenericRecord}s with this namespace. */
    public static Builder builder(String namespace) {
        return new Builder(namespace);
    }

    /** The {@code __faust.ns} this record writes and is registered under. */
    public String namespace() {
        return namespace;
    }

    /** The record's class name, used in Faust's messages ({@code Purchase}). */
    public String className() {
        return className;
    }

    /** The class options. */
    public RecordOptions options() {
        return options;
    }

    /** The fields in declaration order (parents' first). */
    public List<Field> fields() {
        return fields;
    }

    /**
     * The registry this schema resolves {@code __faust.ns} in when used on its own: the one given to its builder,
     * else the records it reaches (itself, the Java types of its record fields, the implementations of its
     * polymorphic fields), computed once.
     *
     * @throws IllegalArgumentException when two records it reaches claim one namespace
     */
    public RecordRegistry registry() {
        RecordRegistry r = registry;
        if (r == null) {
            r = RecordRegistry.create().register(this);
            registry = r;
        }
        return r;
    }

    /** The Java type of this schema's records. */
    public Class<T> javaType() {
        return binding.type();
    }

    /** The position of the field called {@code name}. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new IllegalArgumentException(className + " has no field '" + name + "' (fields: " + fields + ")");
        }
        return i;
    }

    /** The JSON keys this schema reads, in field order (interned, as the JSON parser's names are). */
    String[] inputNames() {
        return inputNames;
    }

    /** Whether {@code o} is a record of this schema. */
    public boolean isInstance(@Nullable Object o) {
        return binding.isInstance(o);
    }

    /** The value of field {@code index} of {@code record}. */
    public @Nullable Object get(T record, int index) {
        return binding.get(record, index);
    }

    /** Faust's {@code asdict()}: output names to values, excluded fields left out; nested records stay records. */
    public Map<String, @Nullable Object> asDict(T record) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!f.exclude()) {
                out.put(f.outputName(), binding.get(record, i));
            }
        }
        return out;
    }

    /** Faust's {@code to_representation()}: {@link #asDict} plus {@code "__faust":{"ns":...}} when metadata is on. */
    public Map<String, @Nullable Object> toRepresentation(T record) {
        Map<String, @Nullable Object> out = asDict(record);
        if (options.includeMetadata()) {
            out.put("__faust", Map.of("ns", namespace));
        }
        return out;
    }

    /**
     * Faust's {@code from_data(data, preferred_type=this)}: a mapping (as a codec decoded it) to a record. The
     * payload's {@code __faust.ns} picks another registered schema only if that one allows the blessed key or has
     * polymorphic fields (and, for Java types, is a subtype of this one).
     *
     * @throws RecordException when {@code data} is not a mapping or a required field is missing
     * @throws ValidationException when {@code validation} is on and a field breaks a rule
     * @throws CoercionException when {@code coerce} is on and a value cannot be converted
     */
    public T fromData(@Nullable Object data) {
        return RecordDecoder.fromData(this, data, false, registry());
    }

    /**
     * Faust's {@code Model.loads(bytes)}: decodes with the record's own serializer, else {@code serializer}, then
     * {@code from_data} with no preferred type, so a known {@code __faust.ns} always wins (if it fits the Java type).
     *
     * @param serializer the codec to use when the record has no serializer of its own (null for none)
     */
    public T loads(byte[] data, @Nullable String serializer, Codecs codecs) {
        String codec = options.serializer() != null ? options.serializer() : serializer;
        if (codec == null) {
            throw new IllegalArgumentException(className + ".loads needs a serializer: the record has none");
        }
        Object decoded = codecs.codec(codec).loads(data);
        return RecordDecoder.fromData(this, decoded, true, registry());
    }

    /**
     * Faust's {@code Record.dumps(serializer=...)}: the given serializer, else the record's own. With neither,
     * Faust returns the representation itself (a dict), and so does this method (a {@link Map}).
     *
     * @param serializer the codec to use, overriding the record's own (null for the record's)
     */
    public @Nullable Object dumps(T record, @Nullable String serializer, Codecs codecs) {
        String codec = serializer != null ? serializer : options.serializer();
        Map<String, @Nullable Object> rep = toRepresentation(record);
        return codec == null ? rep : codecs.codec(codec).dumps(rep);
    }

    /**
     * Creates a record as Python code does ({@code Purchase(username="a", ...)}): unknown names are an error,
     * coercion and validation apply as the options say, values are not parsed further.
     */
    public T create(Map<String, ? extends @Nullable Object> values) {
        return RecordDecoder.create(this, values);
    }

    /** Creates a record from positional values: required fields first, then optional ones, as Faust's __init__. */
    public T create(@Nullable Object... positional) {
        List<Field> order = new ArrayList<>();
        fields.stream().filter(Field::required).forEach(order::add);
        fields.stream().filter(f -> !f.required()).forEach(order::add);
        if (positional.length > order.size()) {
            throw new RecordException(className + "() takes " + order.size() + " positional arguments but "
                    + positional.length + " were given");
        }
        Map<String, @Nullable Object> kwargs = new LinkedHashMap<>();
        for (int i = 0; i < positional.length; i++) {
            kwargs.put(order.get(i).name(), positional[i]);
        }
        return create(kwargs);
    }

    /** Every validation error of {@code record} (Faust's {@code validate()}), in field order. */
    public List<ValidationException> validate(T record) {
        return RecordDecoder.validate(this, record);
    }

    /** Faust's description of field {@code f}: {@code <StringField: Strict.s: str>}. */
    String describe(Field f) {
        String dflt = f.required() ? "" : " = " + FieldConversions.pyRepr(f.defaultValue());
        return "<" + f.descriptor() + ": " + className + "." + f.name() + ": " + f.type().pythonName() + dflt + ">";
    }

    RecordBinding<T> binding() {
        return binding;
    }

    @Override
    public String toString() {
        return "RecordSchema(" + namespace + ", " + fields + ")";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RecordSchema<?> s && s.namespace.equals(namespace) && s.fields.equals(fields)
                && s.binding.type() == binding.type();
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, binding.type());
    }

    /**
     * Builds a schema for {@link GenericRecord}s. With {@link #registry(RecordRegistry)}, {@link #build()} registers
     * the schema there and the schema resolves namespaces in it; without, it registers nothing.
     *
     * <pre>{@code
     * RecordRegistry records = RecordRegistry.create();
     * RecordSchema<GenericRecord> address = RecordSchema.builder("shop.Address").registry(records)
     *         .field("street", FieldType.STR).build();
     * }</pre>
     */
    public static final class Builder {
        private final String namespace;
        private @Nullable String className;
        private RecordOptions options = RecordOptions.defaults();
        private final List<Field> fields = new ArrayList<>();
        private @Nullable RecordRegistry registry;

        private Builder(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** The class name used in messages (null for the default: the last part of the namespace). */
        public Builder className(@Nullable String className) {
            this.className = className;
            return this;
        }

        /**
         * The class options; {@code RecordOptions.defaults().withAbstract(true)} makes an abstract base
         * ({@code abstract=True}): registered apart (payloads cannot name it), never instantiated, extended by the
         * models a payload may name.
         */
        public Builder options(RecordOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * The registry to register the schema in and to resolve namespaces from, records named by namespace in
         * field types ({@link FieldType#record(String)}) included. Without one, the schema registers nothing and
         * resolves only the records it reaches through Java types.
         */
        public Builder registry(RecordRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Inherits from {@code parent} as a Python subclass does: its fields come first and its options are
         * inherited, except {@code validation} (Faust does not inherit it, but keeps the implied {@code coerce}) and
         * {@code abstract} (a subclass of an abstract model is concrete unless it says otherwise).
         */
        public Builder extend(RecordSchema<?> parent) {
            fields.addAll(0, parent.fields());
            RecordOptions p = parent.options();
            this.options = new RecordOptions(p.serializer(), p.includeMetadata(), p.isodates(), p.decimals(),
                    p.coerce(), false, p.allowBlessedKey(), p.polymorphicFields());
            return this;
        }

        /** Adds a required field (or an optional one, for an {@code Optional[...]} type). */
        public Builder field(String name, FieldType type) {
            return field(Field.of(name, type));
        }

        /** Adds a field with a default (null is a default): it becomes optional. */
        public Builder field(String name, FieldType type, @Nullable Object defaultValue) {
            return field(Field.builder(name, type).defaultValue(defaultValue).build());
        }

        /** Adds a field; a subclass field with a parent's name replaces it in place. */
        public Builder field(Field field) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().equals(field.name())) {
                    fields.set(i, field);
                    return this;
                }
            }
            fields.add(field);
            return this;
        }

        /**
         * The schema, registered in the builder's registry if it has one.
         *
         * @throws IllegalArgumentException when that registry holds another record under this namespace
         */
        public RecordSchema<GenericRecord> build() {
            String cls = className;
            if (cls == null) {
                int dot = namespace.lastIndexOf('.');
                cls = dot < 0 ? namespace : namespace.substring(dot + 1);
            }
            RecordSchema<GenericRecord> schema = new RecordSchema<>(namespace, cls, options, fields, registry,
                    new GenericBinding(namespace));
            if (registry != null) {
                registry.register(schema);
            }
            return schema;
        }
    }
}
