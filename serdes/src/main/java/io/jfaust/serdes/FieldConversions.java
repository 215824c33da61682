package io.jfaust.serdes;

import io.jfaust.serdes.internal.Iso8601;
import io.jfaust.serdes.internal.NegativeZeroDecimal;
import io.jfaust.serdes.internal.NonFiniteDecimal;
import io.jfaust.serdes.internal.PyFloat;
import io.jfaust.serdes.internal.PyInts;
import io.jfaust.serdes.internal.PyText;
import io.jfaust.serdes.internal.PyTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Python's built-in conversions as Faust's field descriptors apply them ({@code int()}, {@code float()},
 * {@code Decimal()}, {@code str()}, truthiness, the date parser), with Python's error messages, and the
 * descriptors' validation rules.
 */
final class FieldConversions {
    private static final Pattern INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?((\\d+(_\\d+)*)?\\.?(\\d+(_\\d+)*)?([eE][+-]?\\d+(_\\d+)*)?)");
    private static final Pattern FLOAT_SPECIAL = Pattern.compile("(?i)[+-]?(inf|infinity|nan)");
    private static final Pattern DECIMAL_SPECIAL = Pattern.compile("(?i)([+-]?)(inf|infinity|s?nan)(\\d*)");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private FieldConversions() {}

    /** The descriptor's {@code prepare_value(value, coerce=coerce)}. */
    static @Nullable Object prepare(Field f, @Nullable Object value, boolean coerce) {
        if (!coerce || (!f.required() && value == null)) {
            return value;
        }
        FieldType t = f.valueType();
        if (!(t instanceof FieldType.Scalar s)) {
            return value;
        }
        switch (s) {
            case BOOL:
                return PyTypes.truthy(value);
            case INT:
                return toInt(value);
            case FLOAT:
                return toFloat(value);
            case DECIMAL:
                return toDecimal(value);
            case STR: {
                String str = value instanceof String x ? x : pyStr(value);
                return f.trimWhitespace() ? str.strip() : str;
            }
            case BYTES: {
                if (value instanceof byte[] b) {
                    return b;
                }
                if (!(value instanceof String str)) {
                    throw new CoercionException("'" + PyTypes.typeName(value) + "' object has no attribute 'encode'");
                }
                return PyText.encodeUtf8(f.trimWhitespace() ? str.strip() : str);
            }
            case DATETIME:
                return value == null || value instanceof Temporal ? value : parseDate(value);
            default:
                return value;
        }
    }

    /** Faust's date parser on any value: only strings can be parsed. */
    static Object parseDate(@Nullable Object value) {
        if (!(value instanceof String s)) {
            throw new CoercionException("expected string or bytes-like object, got '" + PyTypes.typeName(value) + "'");
        }
        return Iso8601.parse(s);
    }

    /** Python's {@code int(v)}: a {@link Long} when it fits, else a {@link BigInteger}. */
    static Object toInt(@Nullable Object v) {
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        } else if (v instanceof Long || v instanceof BigInteger) {
            return v;
        } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                throw new CoercionException("cannot convert float NaN to integer");
            } else if (Double.isInfinite(d)) {
                throw new CoercionException("cannot convert float infinity to integer");
            }
            return normalize(new BigDecimal(d).toBigInteger());
        } else if (v instanceof BigDecimal d) {
            return normalize(d.setScale(0, RoundingMode.DOWN).toBigIntegerExact());
        } else if (v instanceof String || v instanceof byte[]) {
            String s = v instanceof String x ? x : PyText.decodeUtf8((byte[]) v);
            String t = s.strip();
            if (!INT.matcher(t).matches()) {
                throw new CoercionException("invalid literal for int() with base 10: " + PyText.strRepr(s));
            }
            String digits = t.replace("_", "");
            PyInts.checkParseDigits(digits.length() - (digits.startsWith("-") || digits.startsWith("+") ? 1 : 0));
            return normalize(new BigInteger(digits));
        }
        throw new CoercionException("int() argument must be a string, a bytes-like object or a real number, not '"
                + PyTypes.typeName(v) + "'");
    }

    private static Object normalize(BigInteger i) {
        return i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0 ? (Object) i.longValue() : i;
    }

    /** Python's {@code float(v)}. */
    static Double toFloat(@Nullable Object v) {
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (v instanceof Number n && !(v instanceof BigDecimal)) {
            double d = n.doubleValue();
            if (v instanceof BigInteger && Double.isInfinite(d)) {
                throw new CoercionException("int too large to convert to float");
            }
            return d;
        } else if (v instanceof BigDecimal d) {
            return d.doubleValue();
        } else if (v instanceof NegativeZeroDecimal) {
            return -0.0;
        } else if (v instanceof NonFiniteDecimal d) {
            return d.text().contains("nan") || d.text().contains("NaN") ? Double.NaN
                    : d.text().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (v instanceof String || v instanceof byte[]) {
            String s = v instanceof String x ? x : PyText.decodeUtf8((byte[]) v);
            String t = s.strip();
            if (FLOAT_SPECIAL.matcher(t).matches()) {
                boolean neg = t.startsWith("-");
                return t.toLowerCase().contains("nan") ? Double.NaN
                        : neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (!t.isEmpty() && FLOAT.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)) {
                try {
                    return Double.parseDouble(t.replace("_", ""));
                } catch (NumberFormatException ignored) {
                    // falls through to Python's message
                }
            }
            throw new CoercionException("could not convert string to float: " + PyText.strRepr(s));
        }
        throw new CoercionException("float() argument must be a string or a real number, not '"
                + PyTypes.typeName(v) + "'");
    }

    /** Python's {@code Decimal(v)}: exact for floats; NaN and infinities kept as {@link NonFiniteDecimal}. */
    static Object toDecimal(@Nullable Object v) {
        if (v instanceof BigDecimal || v instanceof NonFiniteDecimal || v instanceof NegativeZeroDecimal) {
            return v;
        } else if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return new NonFiniteDecimal("NaN");
            } else if (Double.isInfinite(d)) {
                return new NonFiniteDecimal(d > 0 ? "Infinity" : "-Infinity");
            }
            // Decimal(-0.0) is Decimal('-0'): the float's sign survives.
            return d == 0.0 && 1 / d < 0 ? new NegativeZeroDecimal(0) : new BigDecimal(d);
        } else if (v instanceof String s) {
            return parseDecimal(s);
        }
        throw new CoercionException("conversion from " + PyTypes.typeName(v) + " to Decimal is not supported");
    }

    static Object parseDecimal(String s) {
        String t = s.strip().replace("_", "");
        var special = DECIMAL_SPECIAL.matcher(t);
        if (special.matches()) {
            String word = special.group(2).toLowerCase();
            String text = word.startsWith("inf") ? "Infinity" : word.equals("snan") ? "sNaN" : "NaN";
            return new NonFiniteDecimal(special.group(1).equals("-") ? "-" + text : text);
        }
        if (!t.isEmpty() && FLOAT.matcher(t).matches() && t.chars().anyMatch(Character::isDigit)) {
            try {
                BigDecimal d = new BigDecimal(t);
                // Python's Decimal keeps the sign of a zero ('-0.00' stays '-0.00'); BigDecimal drops it.
                return d.signum() == 0 && t.startsWith("-") ? new NegativeZeroDecimal(d.scale()) : d;
            } catch (NumberFormatException ignored) {
                // falls through
            }
        }
        throw new CoercionException("[<class 'decimal.ConversionSyntax'>]");
    }

    /** Faust's {@code str_to_decimal} for Decimals inside containers: at most 1000 characters, finite only. */
    static @Nullable Object strToDecimal(@Nullable Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            if (s.length() > 1000) {
                throw new CoercionException("string of length " + s.length() + " is longer than limit (1000)");
            }
            Object d = parseDecimal(s);
            if (d instanceof NonFiniteDecimal) {
                throw new CoercionException("Illegal value in decimal: " + PyText.strRepr(s));
            }
            return d;
        }
        return toDecimal(v);
    }

    /** Python's {@code str(v)} for the values a payload can hold. */
    static String pyStr(@Nullable Object v) {
        if (v == null) {
            return "None";
        } else if (v instanceof String s) {
            return s;
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf") : PyFloat.repr(d);
        } else if (v instanceof BigDecimal || v instanceof NonFiniteDecimal || v instanceof NegativeZeroDecimal
                || v instanceof Number) {
            return v.toString();
        } else if (v instanceof Temporal) {
            return Iso8601.format(v).replace('T', ' ').replace("Z", "+00:00");
        }
        return pyRepr(v);
    }

    /** Python's {@code repr(v)} for messages and field descriptions. */
    static String pyRepr(@Nullable Object v) {
        if (v instanceof String s) {
            return PyText.strRepr(s);
        } else if (v instanceof byte[] b) {
            return PyText.bytesRepr(b);
        } else if (v instanceof BigDecimal || v instanceof NonFiniteDecimal || v instanceof NegativeZeroDecimal) {
            return "Decimal('" + v + "')";
        } else if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, x) -> sb.append(sb.length() > 1 ? ", " : "").append(pyRepr(k)).append(": ")
                    .append(pyRepr(x)));
            return sb.append('}').toString();
        } else if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            c.forEach(x -> sb.append(sb.length() > 1 ? ", " : "").append(pyRepr(x)));
            return sb.append(']').toString();
        }
        return v instanceof Temporal || v instanceof Boolean || v instanceof Number || v == null ? pyStr(v)
                : String.valueOf(v);
    }

    /** The first rule {@code value} breaks for field {@code f} (Faust's {@code validate}), or null. */
    static @Nullable String firstViolation(Field f, @Nullable Object value) {
        FieldType t = f.valueType();
        if (!(t instanceof FieldType.Scalar s)) {
            return null;
        }
        String name = f.name();
        switch (s) {
            case BOOL:
                return value instanceof Boolean ? null : name + " must be True or False, of type bool";
            case INT:
            case FLOAT:
                return numberViolation(f, value);
            case DECIMAL:
                return decimalViolation(f, value);
            case STR:
            case BYTES:
                return charViolation(f, value);
            default:
                return null;
        }
    }

    private static @Nullable String numberViolation(Field f, @Nullable Object value) {
        Number max = f.maxValue();
        Number min = f.minValue();
        if (max != null && isSet(max) && compare(value, max) > 0) {
            return f.name() + " cannot be more than " + pyStr(max);
        }
        if (min != null && isSet(min) && compare(value, min) < 0) {
            return f.name() + " must be at least " + pyStr(min);
        }
        return null;
    }

    /** Faust skips a bound that is falsy (None, which the callers check first, or zero). */
    private static boolean isSet(Number bound) {
        return bound.doubleValue() != 0.0;
    }

    private static int compare(@Nullable Object value, Number bound) {
        if (!(value instanceof Number n) || value instanceof Boolean) {
            throw new RecordException("'>' not supported between instances of '" + PyTypes.typeName(value)
                    + "' and '" + PyTypes.typeName(bound) + "'");
        }
        return new BigDecimal(n.toString()).compareTo(new BigDecimal(bound.toString()));
    }

    private static @Nullable String decimalViolation(Field f, @Nullable Object value) {
        if (value instanceof NonFiniteDecimal) {
            return "Illegal value in decimal: " + pyRepr(value);
        }
        if (value instanceof NegativeZeroDecimal z) {
            value = z.unsigned(); // as_tuple() gives the same digits and exponent; only the sign differs
        }
        if (!(value instanceof BigDecimal d)) {
            return null;
        }
        int exponent = -d.scale();
        Integer mdp = f.maxDecimalPlaces();
        if (mdp != null && mdp != 0 && Math.abs(exponent) > mdp) {
            return f.name() + " must have less than " + mdp + " decimal places.";
        }
        Integer maxDigits = f.maxDigits();
        if (maxDigits != null && maxDigits != 0) {
            int len = d.unscaledValue().abs().toString().length();
            // Python: len(digits[:exponent]) -- a slice, so exponent >= 0 behaves as a prefix of that length.
            int digits = exponent < 0 ? Math.max(0, len + exponent) : Math.min(len, exponent);
            if (digits > maxDigits) {
                return f.name() + " must have less than " + maxDigits + " digits.";
            }
        }
        return null;
    }

    private static @Nullable String charViolation(Field f, @Nullable Object value) {
        int length;
        if (value instanceof String s) {
            length = s.codePointCount(0, s.length());
        } else if (value instanceof byte[] b) {
            length = b.length;
        } else {
            throw new RecordException("object of type '" + PyTypes.typeName(value) + "' has no len()");
        }
        if (!f.allowBlank() && length == 0) {
            return f.name() + " cannot be left blank";
        }
        Integer min = f.minLength();
        if (min != null && min != 0 && length < min) {
            return f.name() + " must have at least " + min + " " + (min == 1 ? "character" : "characters");
        }
        Integer max = f.maxLength();
        if (max != null && max != 0 && length > max) {
            // Faust's message for max_length really says "at least" (a bug kept for byte-identical errors).
            return f.name() + " must be at least " + max + " " + (max == 1 ? "character" : "characters");
        }
        return null;
    }
}
