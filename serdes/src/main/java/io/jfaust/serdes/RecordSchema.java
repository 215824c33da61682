package io.jfaust.serdes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Faust record type: its namespace (the {@code __faust.ns} it writes), class options and fields, and how its
 * values are held in Java (an annotated Java record, or {@link GenericRecord}). It encodes and decodes exactly as
 * Faust's {@code Record} does: fields in declaration order, {@code "__faust":{"ns":...}} last, explicit nulls taking
 * defaults, unknown fields ignored, the blessed key and polymorphic fields honoured.
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
    private final RecordRegistry registry;
    private final RecordBinding<T> binding;

    RecordSchema(String namespace, String className, RecordOptions options, List<Field> fields,
                 RecordRegistry registry, RecordBinding<T> binding) {
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

    /** The schema of a {@code @FaustRecord} Java record, built once per class and registered globally. */
    public static <T> RecordSchema<T> of(Class<T> type) {
        return JavaRecords.schemaOf(type);
    }

    /** The schema of {@code value} if it is a record (generic or annotated), else null. */
    public static RecordSchema<?> forObject(Object value) {
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

    /** The registry that resolves namespaces for this schema's payloads and nested records. */
    public RecordRegistry registry() {
        return registry;
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
    public boolean isInstance(Object o) {
        return binding.isInstance(o);
    }

    /** The value of field {@code index} of {@code record}. */
    public Object get(T record, int index) {
        return binding.get(record, index);
    }

    /** Faust's {@code asdict()}: output names to values, excluded fields left out; nested records stay records. */
    public Map<String, Object> asDict(T record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (!f.exclude()) {
                out.put(f.outputName(), binding.get(record, i));
            }
        }
        return out;
    }

    /** Faust's {@code to_representation()}: {@link #asDict} plus {@code "__faust":{"ns":...}} when metadata is on. */
    public Map<String, Object> toRepresentation(T record) {
        Map<String, Object> out = asDict(record);
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
    public T fromData(Object data) {
        return RecordDecoder.fromData(this, data, false);
    }

    /**
     * Faust's {@code Model.loads(bytes)}: decodes with the record's own serializer, else {@code serializer}, then
     * {@code from_data} with no preferred type, so a known {@code __faust.ns} always wins (if it fits the Java type).
     */
    public T loads(byte[] data, String serializer, Codecs codecs) {
        String codec = options.serializer() != null ? options.serializer() : serializer;
        if (codec == null) {
            throw new IllegalArgumentException(className + ".loads needs a serializer: the record has none");
        }
        Object decoded = codecs.codec(codec).loads(data);
        return RecordDecoder.fromData(this, decoded, true);
    }

    /**
     * Faust's {@code Record.dumps(serializer=...)}: the given serializer, else the record's own. With neither,
     * Faust returns the representation itself (a dict), and so does this method (a {@link Map}).
     */
    public Object dumps(T record, String serializer, Codecs codecs) {
        String codec = serializer != null ? serializer : options.serializer();
        Map<String, Object> rep = toRepresentation(record);
        return codec == null ? rep : codecs.codec(codec).dumps(rep);
    }

    /**
     * Creates a record as Python code does ({@code Purchase(username="a", ...)}): unknown names are an error,
     * coercion and validation apply as the options say, values are not parsed further.
     */
    public T create(Map<String, ?> values) {
        return RecordDecoder.create(this, values);
    }

    /** Creates a record from positional values: required fields first, then optional ones, as Faust's __init__. */
    public T create(Object... positional) {
        List<Field> order = new ArrayList<>();
        fields.stream().filter(Field::required).forEach(order::add);
        fields.stream().filter(f -> !f.required()).forEach(order::add);
        if (positional.length > order.size()) {
            throw new RecordException(className + "() takes " + order.size() + " positional arguments but "
                    + positional.length + " were given");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
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
    public boolean equals(Object o) {
        return o instanceof RecordSchema<?> s && s.namespace.equals(namespace) && s.fields.equals(fields)
                && s.binding.type() == binding.type();
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, binding.type());
    }

    /** Builds a schema for {@link GenericRecord}s; {@link #build()} registers it in its registry. */
    public static final class Builder {
        private final String namespace;
        private String className;
        private RecordOptions options = RecordOptions.defaults();
        private final List<Field> fields = new ArrayList<>();
        private RecordRegistry registry = RecordRegistry.global();

        private Builder(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** The class name used in messages (defaults to the last part of the namespace). */
        public Builder className(String className) {
            this.className = className;
            return this;
        }

        /** The class options. */
        public Builder options(RecordOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The registry to register in and resolve namespaces from (default: the global one). */
        public Builder registry(RecordRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Inherits from {@code parent} as a Python subclass does: its fields come first and its options are
         * inherited, except {@code validation} (Faust does not inherit it, but keeps the implied {@code coerce}).
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

        /** Adds a field with a default: it becomes optional. */
        public Builder field(String name, FieldType type, Object defaultValue) {
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

        /** The schema, registered in the builder's registry. */
        public RecordSchema<GenericRecord> build() {
            String cls = className;
            if (cls == null) {
                int dot = namespace.lastIndexOf('.');
                cls = dot < 0 ? namespace : namespace.substring(dot + 1);
            }
            RecordSchema<GenericRecord> schema = new RecordSchema<>(namespace, cls, options, fields, registry,
                    new GenericBinding(namespace));
            registry.register(schema);
            return schema;
        }
    }
}
