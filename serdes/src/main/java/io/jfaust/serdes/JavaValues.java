package io.jfaust.serdes;

import io.jfaust.serdes.internal.Iso8601;
import io.jfaust.serdes.internal.NegativeZeroDecimal;
import io.jfaust.serdes.internal.NonFiniteDecimal;
import io.jfaust.serdes.internal.PyText;
import io.jfaust.serdes.internal.PyTypes;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts decoded (Python-like) values to the Java types of record components. Faust keeps a wrong-typed value as
 * it came; a Java field cannot, so a value that does not fit is a {@link RecordException} naming the field, the
 * expected type and what came instead (turn on {@code coerce} to convert {@code "5"} to 5 first).
 */
final class JavaValues {
    private JavaValues() {}

    static @Nullable Object convert(@Nullable Object v, Type target, String where) {
        Class<?> raw = JavaRecords.rawClass(target);
        if (v == null) {
            if (raw.isPrimitive()) {
                throw new RecordException(where + ": got null (None) for a primitive " + raw.getName()
                        + " field (use the boxed type, or give the field a default)");
            }
            return raw == Optional.class ? Optional.empty() : null;
        }
        if (raw == Object.class) {
            return v;
        }
        if (raw == Optional.class) {
            return Optional.of(Objects.requireNonNull(convert(v, typeArg(target, 0), where),
                    "a value that is not null converts to one that is not null"));
        }
        if (raw.isPrimitive()) {
            raw = box(raw);
        }
        if (raw.isInstance(v) && !(v instanceof Collection) && !(v instanceof Map)) {
            return v;
        }
        if (raw == Long.class || raw == Integer.class || raw == Short.class || raw == Byte.class
                || raw == BigInteger.class) {
            return integer(v, raw, where);
        } else if (raw == Double.class || raw == Float.class) {
            if (v instanceof Number n && !(v instanceof BigDecimal) || v instanceof BigDecimal) {
                double d = ((Number) v).doubleValue();
                return raw == Double.class ? (Object) d : (Object) (float) d;
            }
        } else if (raw == BigDecimal.class) {
            return decimal(v, where);
        } else if (raw == String.class) {
            if (v instanceof Character c) {
                return c.toString();
            }
        } else if (raw == Character.class && v instanceof String s && s.length() == 1) {
            return s.charAt(0);
        } else if (raw == UUID.class && v instanceof String s) {
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                throw mismatch(where, "a UUID", v);
            }
        } else if (Temporal.class.isAssignableFrom(raw)) {
            return temporal(v, raw, where);
        } else if (raw == byte[].class && v instanceof String s) {
            return PyText.encodeUtf8(s);
        } else if (raw.isEnum()) {
            return enumValue(v, raw, where);
        } else if (Collection.class.isAssignableFrom(raw) && v instanceof Collection<?> c) {
            Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
            Type elem = typeArg(target, 0);
            int i = 0;
            for (Object x : c) {
                out.add(convert(x, elem, where + "[" + i++ + "]"));
            }
            return Set.class.isAssignableFrom(raw) ? Set.copyOf(out) : List.copyOf(out);
        } else if (Map.class.isAssignableFrom(raw) && v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            Type kt = typeArg(target, 0);
            Type vt = typeArg(target, 1);
            m.forEach((k, x) -> out.put(convert(k, kt, where + " key"), convert(x, vt, where + "[" + k + "]")));
            return java.util.Collections.unmodifiableMap(out);
        } else if (raw.isInstance(v)) {
            return v;
        }
        throw mismatch(where, raw.getSimpleName(), v);
    }

    private static Object integer(Object v, Class<?> raw, String where) {
        if (!(v instanceof Long || v instanceof BigInteger || v instanceof Integer || v instanceof Short
                || v instanceof Byte)) {
            throw mismatch(where, "an int", v);
        }
        BigInteger big = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        if (raw == BigInteger.class) {
            return big;
        }
        int bits = raw == Long.class ? 63 : raw == Integer.class ? 31 : raw == Short.class ? 15 : 7;
        if (big.bitLength() > bits) {
            throw new RecordException(where + ": " + big + " does not fit in a " + raw.getSimpleName());
        }
        long l = big.longValue();
        return raw == Long.class ? (Object) l : raw == Integer.class ? (Object) (int) l
                : raw == Short.class ? (Object) (short) l : (Object) (byte) l;
    }

    private static Object decimal(Object v, String where) {
        if (v instanceof NegativeZeroDecimal z) {
            // BigDecimal has no signed zero: the component gets 0 with the same scale (equal in Python, -0 == 0).
            return z.unsigned();
        }
        if (v instanceof NonFiniteDecimal d) {
            throw new RecordException(where + ": Decimal('" + d.text() + "') cannot be held by a BigDecimal");
        }
        if (v instanceof String || v instanceof Number) {
            Object d = FieldConversions.toDecimal(v);
            if (d instanceof BigDecimal bd) {
                return bd;
            } else if (d instanceof NegativeZeroDecimal z) {
                return z.unsigned();
            }
            throw new RecordException(where + ": Decimal('" + d + "') cannot be held by a BigDecimal");
        }
        throw mismatch(where, "a Decimal", v);
    }

    private static Object temporal(Object v, Class<?> raw, String where) {
        Object t = v instanceof String s ? Iso8601.parse(s) : v;
        if (raw == LocalDateTime.class && t instanceof LocalDateTime) {
            return t;
        } else if (raw == LocalDate.class && t instanceof LocalDateTime ldt) {
            return ldt.toLocalDate();
        } else if (t instanceof OffsetDateTime odt) {
            if (raw == OffsetDateTime.class) {
                return odt;
            } else if (raw == Instant.class) {
                return odt.toInstant();
            } else if (raw == ZonedDateTime.class) {
                return odt.toZonedDateTime();
            }
        }
        String what = t instanceof LocalDateTime ? "a naive datetime (no zone)" : "a datetime with a zone";
        throw new RecordException(where + ": got " + what + " '" + v + "' for a " + raw.getSimpleName() + " field");
    }

    private static Object enumValue(Object v, Class<?> raw, String where) {
        Object[] constants = raw.getEnumConstants();
        for (Object c : constants) {
            Object wire = c instanceof FaustEnum fe ? fe.faustValue() : ((Enum<?>) c).name();
            if (sameWireValue(wire, v)) {
                return c;
            }
        }
        List<Object> allowed = new ArrayList<>();
        for (Object c : constants) {
            allowed.add(c instanceof FaustEnum fe ? fe.faustValue() : ((Enum<?>) c).name());
        }
        throw new RecordException(where + ": " + FieldConversions.pyRepr(v) + " is not a valid "
                + raw.getSimpleName() + " (values: " + allowed + ")");
    }

    private static boolean sameWireValue(Object wire, Object v) {
        if (wire instanceof Number a && v instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return wire.equals(v);
    }

    private static Type typeArg(Type t, int i) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[i] : Object.class;
    }

    private static Class<?> box(Class<?> p) {
        if (p == int.class) {
            return Integer.class;
        } else if (p == long.class) {
            return Long.class;
        } else if (p == double.class) {
            return Double.class;
        } else if (p == float.class) {
            return Float.class;
        } else if (p == boolean.class) {
            return Boolean.class;
        } else if (p == short.class) {
            return Short.class;
        } else if (p == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }

    private static RecordException mismatch(String where, String expected, Object v) {
        return new RecordException(where + ": expected " + expected + ", got " + PyTypes.typeName(v) + " "
                + FieldConversions.pyRepr(v) + " (Faust would keep it as it came; a Java field cannot -- "
                + "turn on coerce in @FaustRecord to convert)");
    }
}
