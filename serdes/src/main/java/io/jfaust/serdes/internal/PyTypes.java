package io.jfaust.serdes.internal;

import io.jfaust.serdes.GenericRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Python's view of Java values: type names for messages, {@code want_bytes}/{@code want_str}, truthiness.
 *
 * <pre>{@code
 * PyTypes.typeName(List.of());     // "list"
 * PyTypes.wantBytes("é");          // UTF-8 bytes
 * PyTypes.truthy("false");         // true, as in Python
 * }</pre>
 */
public final class PyTypes {
    private PyTypes() {}

    /** The Python type name a value would have ({@code dict}, {@code list}, {@code str}, {@code NoneType}...). */
    public static String typeName(@Nullable Object v) {
        if (v == null) {
            return "NoneType";
        } else if (v instanceof String || v instanceof Character) {
            return "str";
        } else if (v instanceof byte[]) {
            return "bytes";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return "int";
        } else if (v instanceof Double || v instanceof Float) {
            return "float";
        } else if (v instanceof BigDecimal || v instanceof NonFiniteDecimal || v instanceof NegativeZeroDecimal) {
            return "Decimal";
        } else if (v instanceof Map) {
            return "dict";
        } else if (v instanceof Set) {
            return "set";
        } else if (v instanceof List || v instanceof Collection) {
            return "list";
        } else if (v instanceof GenericRecord || io.jfaust.serdes.RecordSchema.forObject(v) != null) {
            return "dict";
        }
        return v.getClass().getSimpleName();
    }

    /**
     * {@code want_bytes}: a str becomes its UTF-8 bytes ({@code str.encode()}, strict: a lone surrogate raises as
     * Python's {@code UnicodeEncodeError} does), anything else is returned unchanged.
     */
    public static @Nullable Object wantBytes(@Nullable Object v) {
        return v instanceof String s ? PyText.encodeUtf8(s) : v;
    }

    /** {@code want_str}: bytes become their (strict) UTF-8 text, anything else is returned unchanged. */
    public static @Nullable Object wantStr(@Nullable Object v) {
        return v instanceof byte[] b ? PyText.decodeUtf8(b) : v;
    }

    /** Python truthiness, used by {@code bool()} coercion: {@code "false"} is true, {@code 0} and {@code ""} false. */
    public static boolean truthy(@Nullable Object v) {
        if (v == null) {
            return false;
        } else if (v instanceof Boolean b) {
            return b;
        } else if (v instanceof String s) {
            return !s.isEmpty();
        } else if (v instanceof byte[] b) {
            return b.length > 0;
        } else if (v instanceof BigInteger i) {
            return i.signum() != 0;
        } else if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        } else if (v instanceof NegativeZeroDecimal) {
            return false;
        } else if (v instanceof NonFiniteDecimal) {
            return true;
        } else if (v instanceof Number n) {
            return n.doubleValue() != 0.0;
        } else if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        } else if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
