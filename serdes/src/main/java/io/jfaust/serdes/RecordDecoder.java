package io.jfaust.serdes;

import io.jfaust.serdes.internal.JsonReader;
import io.jfaust.serdes.internal.PyTypes;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Faust's record construction: {@code from_data} (with the blessed key), the generated {@code __init__} in its
 * strict (Python) and non-strict (decoding) forms, field conversion and validation.
 *
 * <p>Faust converts nested records and containers lazily, on first attribute access; jfaust converts them while
 * decoding, so a bad nested value is a decode error instead of a later surprise.
 */
final class RecordDecoder {
    private static final String BLESSED_KEY = "__faust";

    private RecordDecoder() {}

    /**
     * {@code from_data}. With {@code anyType} the namespace is honoured as for an abstract preferred type (an
     * unknown one is an error); otherwise only schemas that allow the blessed key or have polymorphic fields win.
     * Namespaces resolve in {@code registry} (the decoding app's, or the schema's own), then among the records the
     * schema reaches.
     */
    static <T> T fromData(RecordSchema<T> schema, @Nullable Object data, boolean anyType, RecordRegistry registry) {
        if (data != null && schema.isInstance(data)) {
            @SuppressWarnings("unchecked")
            T already = (T) data;
            return already;
        }
        if (schema.options().isAbstract()) {
            return fromAbstract(schema, data, registry);
        }
        RecordSchema<? extends T> target = maybeNamespace(schema, data, anyType, registry);
        return target != null ? construct(target, data, registry) : construct(schema, data, registry);
    }

    /**
     * A key or value typed with an abstract model, or {@code loads} on one: the model the payload's
     * {@code __faust.ns} names, as for a field of that type ({@link #abstractField}). Faust itself fails there on
     * every payload: {@code from_data} calls {@code cls._input_translate_fields} (fs:faust/models/record.py:309),
     * which an abstract class never gets ({@code _init_subclass} returns before {@code _contribute_methods},
     * fs:faust/models/base.py:367-372, record.py:187-193). A payload naming no model cannot be one of the abstract's
     * models: that is Faust's {@code E_ABSTRACT_INSTANCE} (base.py:117-126, 409-414).
     */
    @SuppressWarnings("unchecked")
    private static <T> T fromAbstract(RecordSchema<T> schema, @Nullable Object data, RecordRegistry registry) {
        if (RecordSchema.forObject(data) != null && schema.javaType().isInstance(data)) {
            return (T) data;
        }
        String ns = namespaceOf(data);
        if (ns == null) {
            throw abstractInstance(schema);
        }
        return (T) named(schema, schema, ns, data, registry);
    }

    /**
     * Faust's {@code _from_data_field} on an abstract model (fs:faust/models/base.py:225-228, then
     * {@code _maybe_reconstruct} :219-222 and {@code _maybe_namespace} :175-217 with no preferred type): the model
     * the payload's {@code __faust.ns} names, whatever its options and whether or not it extends the abstract; the
     * value itself when it names none (a plain mapping stays a mapping, a string a string); an unknown namespace, the
     * abstract's own included (never registered, base.py:367-372), is Faust's {@code KeyError}. A Java abstract base
     * cannot hold a mapping or a record of another type: those are errors saying so.
     */
    private static Object abstractField(RecordSchema<?> owner, RecordSchema<?> base, Object v,
                                        RecordRegistry registry) {
        if (RecordSchema.forObject(v) != null) {
            return v; // from_data keeps a model as it is (record.py:305-306)
        }
        String ns = namespaceOf(v);
        if (ns == null) {
            if (base.javaType() == GenericRecord.class) {
                return v;
            }
            throw new RecordException(owner.className() + ": " + base.className() + " is abstract and the payload "
                    + "names no model (no __faust.ns): Faust keeps the plain " + PyTypes.typeName(v) + " there, "
                    + "which a Java " + base.className() + " cannot hold; use a GenericRecord model "
                    + "(RecordSchema.builder) to keep it");
        }
        return named(owner, base, ns, v, registry);
    }

    /** The record the payload names for a field or value typed with the abstract {@code base}. */
    private static Object named(RecordSchema<?> owner, RecordSchema<?> base, String ns, @Nullable Object data,
                                RecordRegistry registry) {
        RecordSchema<?> found = lookup(registry, owner, ns);
        if (found == null) {
            throw unknownNamespace(ns, ns.equals(base.namespace()) ? " (" + base.className() + " is abstract: "
                    + "Faust never registers abstract models)" : "");
        }
        if (base.javaType() != GenericRecord.class && !base.javaType().isAssignableFrom(found.javaType())) {
            throw new RecordException(owner.className() + ": the payload's __faust.ns " + ns + " names "
                    + found.javaType().getName() + ", which does not implement " + base.javaType().getName()
                    + " (Faust would decode it anyway; a Java " + base.className() + " cannot hold it)");
        }
        return fromData(found, data, true, registry);
    }

    /** Faust's {@code KeyError(ns)} for a namespace no record is registered under. */
    static RecordException unknownNamespace(String ns, String why) {
        return new RecordException("unknown __faust namespace '" + ns + "': no record is registered under it"
                + why + " (Faust: KeyError '" + ns + "')");
    }

    /** Faust's {@code E_ABSTRACT_INSTANCE} (fs:faust/models/base.py:117-126): an abstract model was instantiated. */
    static RecordException abstractInstance(RecordSchema<?> schema) {
        return new RecordException("Cannot instantiate abstract model " + schema.className() + " ("
                + schema.namespace() + "): a value of an abstract type is one of the models extending it, named by "
                + "the payload's __faust.ns, and this payload names none");
    }

    /** The record registered under {@code ns}: in {@code registry}, else among the records {@code owner} reaches. */
    static @Nullable RecordSchema<?> lookup(RecordRegistry registry, RecordSchema<?> owner, String ns) {
        RecordSchema<?> found = registry.lookup(ns);
        if (found == null) {
            RecordRegistry own = owner.registry();
            found = own == registry ? null : own.lookup(ns);
        }
        return found;
    }

    /** Faust's {@code _maybe_namespace}: the schema the payload's {@code __faust.ns} selects, or null. */
    @SuppressWarnings("unchecked")
    static <T> @Nullable RecordSchema<? extends T> maybeNamespace(RecordSchema<T> preferred, @Nullable Object data,
                                                                   boolean anyType, RecordRegistry registry) {
        String ns = namespaceOf(data);
        if (ns == null || ns.equals(preferred.namespace())) {
            return null;
        }
        RecordSchema<?> found = lookup(registry, preferred, ns);
        if (found == null) {
            if (anyType) {
                throw unknownNamespace(ns, "");
            }
            return null;
        }
        if (!preferred.javaType().isAssignableFrom(found.javaType())) {
            return null;
        }
        if (anyType || found.options().allowBlessedKey() || found.options().polymorphicFields()) {
            return (RecordSchema<? extends T>) found;
        }
        return null;
    }

    /**
     * {@code from_data} straight from JSON bytes, for schemas that keep no unknown fields: the payload's keys go
     * into field slots without building a map. A payload whose {@code __faust.ns} selects another schema, or that
     * is not an object, takes the general path.
     */
    static <T> T fromJson(RecordSchema<T> schema, byte[] json, RecordRegistry registry) {
        if (schema.options().isAbstract()) {
            return fromData(schema, JsonReader.read(json), false, registry);
        }
        JsonReader.Slots s = JsonReader.readSlots(json, schema.inputNames());
        if (!s.object()) {
            return fromData(schema, s.whole(), false, registry);
        }
        if (s.ns() != null && !s.ns().equals(schema.namespace())) {
            return fromData(schema, JsonReader.read(json), false, registry);
        }
        List<Field> fields = schema.fields();
        boolean[] present = Objects.requireNonNull(s.present(), "the slots of a JSON object");
        boolean[] has = new boolean[fields.size()];
        for (int i = 0; i < has.length; i++) {
            has[i] = present[i] || !fields.get(i).inputName().equals(fields.get(i).name());
        }
        return build(schema, Objects.requireNonNull(s.values(), "the slots of a JSON object"), has, Map.of(),
                registry);
    }

    /** The {@code __faust.ns} of a mapping payload, or null when there is none (or it is malformed). */
    static @Nullable String namespaceOf(@Nullable Object data) {
        if (data instanceof Map<?, ?> m && m.get(BLESSED_KEY) instanceof Map<?, ?> meta
                && meta.get("ns") instanceof String ns) {
            return ns;
        }
        return null;
    }

    /** The non-strict {@code __init__}: decoding a payload mapping. */
    private static <T> T construct(RecordSchema<T> schema, @Nullable Object data, RecordRegistry registry) {
        if (!(data instanceof Map<?, ?> raw)) {
            throw new RecordException(schema.namespace() + "() argument after ** must be a mapping, not "
                    + PyTypes.typeName(data));
        }
        List<Field> fields = schema.fields();
        int n = fields.size();
        // Faust's input translation: data[name] = data.pop(input_name, None) -- present (maybe null) afterwards.
        Object[] given = new Object[n];
        boolean[] has = new boolean[n];
        int consumed = raw.containsKey(BLESSED_KEY) ? 1 : 0;
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            Object v = raw.get(f.inputName());
            boolean inPayload = v != null || raw.containsKey(f.inputName());
            consumed += inPayload ? 1 : 0;
            given[i] = v;
            has[i] = inPayload || !f.inputName().equals(f.name());
        }
        Map<String, Object> extras = Map.of();
        if (schema.binding().keepsExtras() && raw.size() > consumed) {
            extras = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                extras.put(String.valueOf(e.getKey()), e.getValue());
            }
            for (Field f : fields) {
                extras.remove(f.inputName());
                extras.remove(f.name());
            }
            extras.remove(BLESSED_KEY);
        }
        return build(schema, given, has, extras, registry);
    }

    /** The non-strict {@code __init__} proper: missing check, conversion, coercion, validation, construction. */
    private static <T> T build(RecordSchema<T> schema, @Nullable Object[] given, boolean[] has,
                               Map<String, @Nullable Object> extras, RecordRegistry registry) {
        List<Field> fields = schema.fields();
        int n = fields.size();
        List<String> missing = null;
        for (int i = 0; i < n; i++) {
            if (fields.get(i).required() && !has[i]) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add("'" + fields.get(i).name() + "'");
            }
        }
        if (missing != null) {
            throw missing(schema, missing);
        }
        RecordOptions o = schema.options();
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            Field f = fields.get(i);
            Object v = given[i];
            Object value = (!f.required() && v == null) ? f.defaultValue() : toPython(schema, f, v, registry);
            values[i] = FieldConversions.prepare(f, value, o.coerce());
        }
        if (o.validation()) {
            raiseFirstViolation(schema, values);
        }
        return schema.binding().construct(schema, values, extras);
    }

    /** The strict {@code __init__}: a record created from values in code. */
    static <T> T create(RecordSchema<T> schema, Map<String, ?> given) {
        if (schema.options().isAbstract()) {
            throw abstractInstance(schema);
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(given);
        checkMissing(schema, kwargs);
        List<Field> fields = schema.fields();
        RecordOptions o = schema.options();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field f = fields.get(i);
            Object v = kwargs.remove(f.name());
            Object value = (!f.required() && v == null) ? f.defaultValue() : v;
            values[i] = FieldConversions.prepare(f, value, o.coerce());
        }
        if (!kwargs.isEmpty()) {
            Set<String> unexpected = new TreeMap<String, Object>(kwargs).keySet();
            throw new RecordException(schema.className() + " got unexpected "
                    + (unexpected.size() == 1 ? "argument" : "arguments") + ": " + String.join(", ", unexpected));
        }
        if (o.validation()) {
            raiseFirstViolation(schema, values);
        }
        return schema.binding().construct(schema, values, Map.of());
    }

    static <T> List<ValidationException> validate(RecordSchema<T> schema, T record) {
        List<ValidationException> errors = new ArrayList<>();
        List<Field> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            ValidationException e = violation(schema, fields.get(i), schema.get(record, i));
            if (e != null) {
                errors.add(e);
            }
        }
        return errors;
    }

    private static void raiseFirstViolation(RecordSchema<?> schema, Object[] values) {
        List<Field> fields = schema.fields();
        for (int i = 0; i < values.length; i++) {
            ValidationException e = violation(schema, fields.get(i), values[i]);
            if (e != null) {
                throw e;
            }
        }
    }

    /** Faust's {@code validate_all}: coerce if the field does not, then check the rules unless optional and null. */
    private static @Nullable ValidationException violation(RecordSchema<?> schema, Field f,
                                                           @Nullable Object value) {
        Object v = value;
        if (!schema.options().coerce()) {
            try {
                v = FieldConversions.prepare(f, value, true);
            } catch (CoercionException | RecordException e) {
                return new ValidationException(f.name() + " is not correct type for " + schema.describe(f)
                        + ", got " + PyTypes.typeName(value) + ": " + e.getMessage(), f.name(), schema.describe(f));
            }
        }
        if (v == null && !f.required()) {
            return null;
        }
        String reason = FieldConversions.firstViolation(f, v);
        return reason == null ? null : new ValidationException(reason, f.name(), schema.describe(f));
    }

    /** Python checks the call signature first: every required field must be present (null counts as present). */
    private static void checkMissing(RecordSchema<?> schema, Map<String, Object> kwargs) {
        List<String> missing = new ArrayList<>();
        for (Field f : schema.fields()) {
            if (f.required() && !kwargs.containsKey(f.name())) {
                missing.add("'" + f.name() + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw missing(schema, missing);
        }
    }

    private static RecordException missing(RecordSchema<?> schema, List<String> missing) {
        String list;
        int n = missing.size();
        if (n == 1) {
            list = missing.get(0);
        } else if (n == 2) {
            list = missing.get(0) + " and " + missing.get(1);
        } else {
            list = String.join(", ", missing.subList(0, n - 1)) + ", and " + missing.get(n - 1);
        }
        return new RecordException(schema.className() + "() missing " + n + " required positional "
                + (n == 1 ? "argument" : "arguments") + ": " + list);
    }

    /** The descriptor's {@code to_python} (isodates, decimals) or the type expression for containers and records. */
    private static @Nullable Object toPython(RecordSchema<?> schema, Field f, @Nullable Object v,
                                             RecordRegistry registry) {
        FieldType t = f.valueType();
        RecordOptions o = schema.options();
        if (t == FieldType.DATETIME) {
            return o.isodates() ? FieldConversions.prepare(f, v, true) : v;
        } else if (t == FieldType.DECIMAL) {
            return o.decimals() ? FieldConversions.prepare(f, v, true) : v;
        } else if (t instanceof FieldType.Scalar) {
            return v;
        }
        if (v == null && !f.required()) {
            return null;
        }
        return convert(schema, f.type(), v, registry);
    }

    /** Faust's compiled type expression: converts records, datetimes and Decimals inside a declared type. */
    static @Nullable Object convert(RecordSchema<?> owner, FieldType t, @Nullable Object v, RecordRegistry registry) {
        if (!t.hasCustomTypes()) {
            return v;
        }
        if (t instanceof FieldType.OptionalOf o) {
            return v == null ? null : convert(owner, o.inner(), v, registry);
        } else if (t instanceof FieldType.RecordOf r) {
            if (v == null) {
                return null;
            }
            RecordSchema<?> nested = declaredSchema(owner, r, registry);
            if (nested == null) {
                return v;
            }
            return nested.options().isAbstract() ? abstractField(owner, nested, v, registry)
                    : fromData(nested, v, false, registry);
        } else if (t == FieldType.DATETIME) {
            return v == null || v instanceof Temporal ? v : FieldConversions.parseDate(v);
        } else if (t == FieldType.DECIMAL) {
            return FieldConversions.strToDecimal(v);
        } else if (t instanceof FieldType.ListOf l) {
            List<Object> out = new ArrayList<>();
            for (Object x : iterable(owner, t, v)) {
                out.add(convert(owner, l.element(), x, registry));
            }
            return out;
        } else if (t instanceof FieldType.SetOf s) {
            Set<Object> out = new LinkedHashSet<>();
            for (Object x : iterable(owner, t, v)) {
                out.add(convert(owner, s.element(), x, registry));
            }
            return out;
        } else if (t instanceof FieldType.TupleOf tuple) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object x : iterable(owner, t, v)) {
                List<FieldType> types = tuple.elements();
                FieldType et = types.isEmpty() ? FieldType.ANY : types.get(Math.min(i++, types.size() - 1));
                out.add(convert(owner, et, x, registry));
            }
            return out;
        } else if (t instanceof FieldType.DictOf d) {
            if (!(v instanceof Map<?, ?> m)) {
                throw new RecordException(owner.className() + ": expected a mapping for " + t.pythonName()
                        + ", got " + PyTypes.typeName(v));
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(convert(owner, d.key(), k, registry),
                    convert(owner, d.value(), x, registry)));
            return out;
        }
        return v;
    }

    private static Iterable<?> iterable(RecordSchema<?> owner, FieldType t, @Nullable Object v) {
        if (v instanceof Collection<?> c) {
            return c;
        }
        throw new RecordException(owner.className() + ": expected a list for " + t.pythonName() + ", got "
                + PyTypes.typeName(v));
    }

    /**
     * The schema a record field's type declares: its Java type's (an abstract base's for an interface), or the one
     * declared under its namespace, abstract or not. A namespace no record is declared under (an enum, say) is not
     * a record for Faust either: the value passes through (null is returned).
     */
    private static @Nullable RecordSchema<?> declaredSchema(RecordSchema<?> owner, FieldType.RecordOf r,
                                                            RecordRegistry registry) {
        Class<?> type = r.javaType();
        if (type != null) {
            return JavaRecords.schemaOf(type);
        }
        String ns = Objects.requireNonNull(r.namespace());
        RecordSchema<?> found = registry.declared(ns);
        if (found == null) {
            RecordRegistry own = owner.registry();
            found = own == registry ? null : own.declared(ns);
        }
        return found;
    }
}
