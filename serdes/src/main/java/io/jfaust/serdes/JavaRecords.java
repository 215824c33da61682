package io.jfaust.serdes;

import io.jfaust.serdes.internal.JsonReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds schemas for {@code @FaustRecord} Java records (once per class) and binds them to their components. Building a
 * schema registers nothing anywhere: registries are filled explicitly ({@link RecordRegistry#register(Class)}).
 */
final class JavaRecords {
    private static final ClassValue<RecordSchema<?>> SCHEMAS = new ClassValue<>() {
        @Override
        protected @Nullable RecordSchema<?> computeValue(Class<?> type) {
            FaustRecord ann = type.getAnnotation(FaustRecord.class);
            if (isAbstract(type) && (ann != null || type.isSealed())) {
                return buildAbstract(type, ann);
            }
            if (ann == null || !type.isRecord()) {
                return null;
            }
            return build(type, ann);
        }
    };

    private JavaRecords() {}

    @SuppressWarnings("unchecked")
    static <T> RecordSchema<T> schemaOf(Class<T> type) {
        RecordSchema<T> schema = (RecordSchema<T>) SCHEMAS.get(type);
        if (schema == null) {
            throw new IllegalArgumentException(type.getName() + " is not a Faust record: annotate a Java record "
                    + "with @FaustRecord(namespace = \"...\") (or, for an abstract base, make it a sealed interface)");
        }
        return schema;
    }

    static @Nullable RecordSchema<?> schemaOrNull(Class<?> type) {
        return type.isRecord() ? SCHEMAS.get(type) : null;
    }

    /** An interface or abstract class: a polymorphic base decoded through {@code __faust.ns}. */
    static boolean isAbstract(Class<?> type) {
        return type.isInterface() || Modifier.isAbstract(type.getModifiers());
    }

    /**
     * Adds {@code schema} and every record it reaches to {@code found}: the Java types of its record fields and,
     * for a polymorphic field, its implementations. Deterministic (declaration order); a namespace claimed by two
     * different records is an error.
     */
    static void collectReachable(RecordSchema<?> schema, Map<String, RecordSchema<?>> found) {
        new Walk(found).schema(schema);
    }

    /** Adds the records that may implement {@code base} (and what they reach) to {@code found}. */
    static void collectImplementations(Class<?> base, Map<String, RecordSchema<?>> found) {
        new Walk(found).base(base);
    }

    /** The records that may implement {@code base}: its {@code subtypes}, then its sealed permits. */
    private static List<Class<?>> implementations(Class<?> base) {
        FaustRecord ann = base.getAnnotation(FaustRecord.class);
        List<Class<?>> impls = new ArrayList<>();
        if (ann != null) {
            impls.addAll(List.of(ann.subtypes()));
        }
        if (base.isSealed()) {
            impls.addAll(List.of(base.getPermittedSubclasses()));
        }
        return impls;
    }

    /** A walk over the records a schema or a polymorphic base reaches. */
    private static final class Walk {
        private final Map<String, RecordSchema<?>> found;
        private final Set<Class<?>> bases = new HashSet<>();

        Walk(Map<String, RecordSchema<?>> found) {
            this.found = found;
        }

        void schema(RecordSchema<?> schema) {
            if (schema.options().isAbstract() && schema.javaType() != GenericRecord.class) {
                base(schema.javaType());
                return;
            }
            boolean seen = found.containsKey(schema.namespace());
            RecordRegistry.put(found, schema);
            if (!seen) {
                for (Field f : schema.fields()) {
                    type(f.type());
                }
            }
        }

        void type(FieldType t) {
            if (t instanceof FieldType.OptionalOf o) {
                type(o.inner());
            } else if (t instanceof FieldType.ListOf l) {
                type(l.element());
            } else if (t instanceof FieldType.SetOf s) {
                type(s.element());
            } else if (t instanceof FieldType.TupleOf tuple) {
                tuple.elements().forEach(this::type);
            } else if (t instanceof FieldType.DictOf d) {
                type(d.key());
                type(d.value());
            } else if (t instanceof FieldType.RecordOf r && r.javaType() != null) {
                javaType(r.javaType());
            }
        }

        void javaType(Class<?> type) {
            if (isAbstract(type)) {
                base(type);
            } else if (type.isRecord() && type.isAnnotationPresent(FaustRecord.class)) {
                schema(schemaOf(type));
            }
        }

        void base(Class<?> base) {
            if (bases.add(base)) {
                for (Class<?> impl : implementations(base)) {
                    javaType(impl);
                }
            }
        }
    }

    /**
     * The schema of an abstract base (Faust's {@code abstract=True}): an interface or abstract class, annotated or
     * sealed. It has no fields (its implementations declare theirs) and its namespace, the annotation's or else the
     * Java class name, only appears in messages: abstract models are never registered.
     */
    private static <T> RecordSchema<T> buildAbstract(Class<T> type, FaustRecord ann) {
        RecordOptions options = ann == null ? RecordOptions.defaults()
                : new RecordOptions(ann.serializer(), ann.includeMetadata(), ann.isodates(), ann.decimals(),
                        ann.coerce(), ann.validation(), ann.allowBlessedKey(), ann.polymorphicFields());
        return new RecordSchema<>(ann == null ? type.getName() : ann.namespace(), type.getSimpleName(),
                options.withAbstract(true), List.of(), null, new AbstractBinding<>(type));
    }

    /** An abstract Java base: never constructed, its records are its implementations'. */
    private record AbstractBinding<T>(Class<T> type) implements RecordBinding<T> {
        @Override
        public boolean isInstance(@Nullable Object o) {
            return type.isInstance(o);
        }

        @Override
        public Object get(T record, int index) {
            throw new IndexOutOfBoundsException("the abstract " + type.getSimpleName() + " has no fields");
        }

        @Override
        public T construct(RecordSchema<T> schema, Object[] values, Map<String, Object> extras) {
            throw RecordDecoder.abstractInstance(schema);
        }
    }

    private static <T> RecordSchema<T> build(Class<T> type, FaustRecord ann) {
        RecordOptions options = new RecordOptions(ann.serializer(), ann.includeMetadata(), ann.isodates(),
                ann.decimals(), ann.coerce(), ann.validation(), ann.allowBlessedKey(), ann.polymorphicFields());
        RecordComponent[] components = type.getRecordComponents();
        List<Field> fields = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            fields.add(field(type, c));
        }
        // No registry: the schema resolves namespaces among the records it reaches, computed when first needed.
        return new RecordSchema<>(ann.namespace(), type.getSimpleName(), options, fields, null,
                new Binding<>(type, components));
    }

    private static Field field(Class<?> owner, RecordComponent c) {
        FieldType type = fieldType(c.getGenericType(), owner.getSimpleName() + "." + c.getName());
        FaustField ff = c.getAnnotation(FaustField.class);
        if (ff == null) {
            return Field.of(c.getName(), type);
        }
        Field.Builder b = Field.builder(c.getName(), type);
        if (!ff.inputName().isEmpty()) {
            b.inputName(ff.inputName());
        }
        if (!ff.outputName().isEmpty()) {
            b.outputName(ff.outputName());
        }
        b.exclude(ff.exclude());
        if (!FaustField.UNSET.equals(ff.defaultValue())) {
            Object dflt;
            try {
                dflt = JsonReader.read(ff.defaultValue());
            } catch (CodecException e) {
                throw new IllegalArgumentException(owner.getSimpleName() + "." + c.getName()
                        + ": defaultValue must be JSON text (\"0\", \"\\\"text\\\"\", \"null\"), got "
                        + ff.defaultValue(), e);
            }
            b.defaultValue(dflt);
        } else if (ff.optional()) {
            b.defaultValue(null);
        }
        if (!Double.isNaN(ff.maxValue())) {
            b.maxValue(number(ff.maxValue()));
        }
        if (!Double.isNaN(ff.minValue())) {
            b.minValue(number(ff.minValue()));
        }
        b.maxLength(ff.maxLength() < 0 ? null : ff.maxLength());
        b.minLength(ff.minLength() < 0 ? null : ff.minLength());
        b.allowBlank(ff.allowBlank()).trimWhitespace(ff.trimWhitespace());
        b.maxDigits(ff.maxDigits() < 0 ? null : ff.maxDigits());
        b.maxDecimalPlaces(ff.maxDecimalPlaces() < 0 ? null : ff.maxDecimalPlaces());
        Field f = b.build();
        if (f.exclude() && f.required()) {
            throw new IllegalArgumentException(owner.getSimpleName() + "." + c.getName()
                    + ": an excluded field is never written, so it needs a defaultValue to be read back");
        }
        if (!f.required() && f.defaultValue() == null && c.getType().isPrimitive()) {
            throw new IllegalArgumentException(owner.getSimpleName() + "." + c.getName() + " is a primitive "
                    + c.getType() + ": give it a non-null defaultValue or use the boxed type");
        }
        return f;
    }

    private static Number number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }

    /** The Faust type of a Java component type. */
    static FieldType fieldType(Type t, String where) {
        Class<?> raw = rawClass(t);
        if (raw == String.class || raw == Character.class || raw == char.class || raw == UUID.class) {
            return FieldType.STR;
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class || raw == byte.class || raw == Byte.class
                || raw == BigInteger.class) {
            return FieldType.INT;
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == Number.class) {
            // Number: a Python float field that may hold an int, written as Faust writes it (0, not 0.0).
            return FieldType.FLOAT;
        } else if (raw == boolean.class || raw == Boolean.class) {
            return FieldType.BOOL;
        } else if (raw == BigDecimal.class) {
            return FieldType.DECIMAL;
        } else if (raw == LocalDateTime.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == Instant.class || raw == LocalDate.class) {
            return FieldType.DATETIME;
        } else if (raw == byte[].class) {
            return FieldType.BYTES;
        } else if (raw == Optional.class) {
            return FieldType.optional(fieldType(typeArg(t, 0, where), where));
        } else if (Set.class.isAssignableFrom(raw)) {
            return FieldType.setOf(fieldType(typeArg(t, 0, where), where));
        } else if (Collection.class.isAssignableFrom(raw)) {
            return FieldType.listOf(fieldType(typeArg(t, 0, where), where));
        } else if (Map.class.isAssignableFrom(raw)) {
            return FieldType.dictOf(fieldType(typeArg(t, 0, where), where), fieldType(typeArg(t, 1, where), where));
        } else if (raw.isAnnotationPresent(FaustRecord.class) || (raw.isInterface() && raw.isSealed())) {
            return FieldType.record(raw);
        }
        return FieldType.ANY;
    }

    static Class<?> rawClass(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        } else if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArg(Type t, int i, String where) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        return Object.class;
    }

    /** The class a decoded value must have to be passed to a component as it is, or null when it always converts. */
    private static @Nullable Class<?> directClass(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == String.class || type == Long.class || type == Double.class || type == Boolean.class
                || type == java.math.BigDecimal.class || type == java.time.OffsetDateTime.class
                || type == java.time.LocalDateTime.class || type.isRecord()) {
            return type;
        }
        return null;
    }

    /** Reads and creates Java records through their accessors and canonical constructor. */
    private static final class Binding<T> implements RecordBinding<T> {
        private final Class<T> type;
        private final Method[] accessors;
        private final Type[] types;
        private final Class<?>[] exact;
        private final String[] names;
        private final Constructor<T> constructor;

        Binding(Class<T> type, RecordComponent[] components) {
            this.type = type;
            this.accessors = new Method[components.length];
            this.types = new Type[components.length];
            this.exact = new Class<?>[components.length];
            this.names = new String[components.length];
            Class<?>[] params = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getGenericType();
                exact[i] = directClass(components[i].getType());
                names[i] = type.getSimpleName() + "." + components[i].getName();
                params[i] = components[i].getType();
            }
            try {
                this.constructor = type.getDeclaredConstructor(params);
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        @Override
        public Class<T> type() {
            return type;
        }

        @Override
        public boolean isInstance(@Nullable Object o) {
            return type.isInstance(o);
        }

        @Override
        public @Nullable Object get(T record, int index) {
            try {
                return accessors[index].invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new RecordException(names[index] + ": accessor failed: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public T construct(RecordSchema<T> schema, Object[] values, Map<String, Object> extras) {
            Object[] args = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                // The usual case -- the decoded value already has the component's (boxed) class -- skips conversion.
                args[i] = v != null && v.getClass() == exact[i] ? v : JavaValues.convert(v, types[i], names[i]);
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof FaustException fe) {
                    throw fe;
                }
                throw new RecordException(schema.className() + "(...) rejected the decoded values: " + cause,
                        cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type.getName(), e);
            }
        }
    }
}
