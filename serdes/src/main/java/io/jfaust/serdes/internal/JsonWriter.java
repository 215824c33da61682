package io.jfaust.serdes.internal;

import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.FaustEnum;
import io.jfaust.serdes.JsonFlavor;
import io.jfaust.serdes.RecordSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes values as faust's {@code json.dumps(obj, cls=JSONEncoder)} does: {@code ensure_ascii} escaping with
 * lowercase hex, floats as Python's repr, {@code NaN}/{@code Infinity} tokens, the flavour's separators, and Faust's
 * {@code on_default} conversions (Decimal/UUID/bytes as text, dates as isoformat, enums by value, sets as lists,
 * records as {@code to_representation()}).
 *
 * <pre>{@code
 * JsonWriter w = new JsonWriter(JsonFlavor.ROBINHOOD);
 * w.write(Map.of("k", 1.0));       // {"k": 1.0}
 * w.write(List.of("é"));           // ["\u00e9"]
 * }</pre>
 */
public final class JsonWriter {
    private static final int MAX_DEPTH = 1000;
    private static final byte[] HEX = "0123456789abcdef".getBytes();

    private final byte[] itemSep;
    private final byte[] keySep;

    public JsonWriter(JsonFlavor flavor) {
        this.itemSep = flavor.itemSeparator().getBytes();
        this.keySep = flavor.keySeparator().getBytes();
    }

    /** The JSON bytes of {@code value}. */
    public byte[] write(@Nullable Object value) {
        if (value instanceof Long || value instanceof Integer) {
            // What a counting table writes on every event: the digits, without a sink to grow.
            return value.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        ByteSink out = SINKS.get();
        if (out.busy) { // a codec inside this write writing JSON of its own
            out = new ByteSink(128);
        }
        out.busy = true;
        out.size = 0;
        try {
            writeValue(out, value, 0);
            return out.toByteArray();
        } finally {
            out.busy = false;
            if (out.buf.length > MAX_KEPT_SINK) {
                out.buf = new byte[256]; // do not keep a large document's buffer per thread
            }
        }
    }

    /** Each thread's sink, reused: a write allocates only its result (a table key or value per event). */
    private static final ThreadLocal<ByteSink> SINKS = ThreadLocal.withInitial(() -> new ByteSink(256));
    private static final int MAX_KEPT_SINK = 64 * 1024;

    private void writeValue(ByteSink out, @Nullable Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CodecException("json", "value nested deeper than " + MAX_DEPTH + " levels (circular reference?)");
        }
        if (v == null) {
            out.ascii("null");
        } else if (v instanceof String s) {
            writeString(out, s);
        } else if (v instanceof Boolean b) {
            out.ascii(b ? "true" : "false");
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.ascii(v.toString());
        } else if (v instanceof BigInteger i) {
            out.ascii(PyInts.format(i));
        } else if (v instanceof Double d) {
            writeFloat(out, d);
        } else if (v instanceof Float f) {
            writeFloat(out, f.doubleValue());
        } else if (v instanceof Map<?, ?> m) {
            writeMap(out, m, depth);
        } else if (v instanceof Collection<?> c) {
            writeCollection(out, c, depth);
        } else if (v instanceof Object[] arr) {
            writeCollection(out, Arrays.asList(arr), depth);
        } else {
            writeSpecial(out, v, depth);
        }
    }

    /** Faust's {@code on_default}: the types stdlib json does not know. */
    private void writeSpecial(ByteSink out, Object v, int depth) {
        if (v instanceof BigDecimal d) {
            writeString(out, d.toString());
        } else if (v instanceof NonFiniteDecimal d) {
            writeString(out, d.text());
        } else if (v instanceof NegativeZeroDecimal z) {
            writeString(out, z.toString());
        } else if (v instanceof UUID u) {
            writeString(out, u.toString());
        } else if (v instanceof byte[] b) {
            writeString(out, PyText.bytesRepr(b));
        } else if (v instanceof Character c) {
            writeString(out, c.toString());
        } else if (v instanceof Optional<?> o) {
            writeValue(out, o.orElse(null), depth);
        } else if (v instanceof FaustEnum e) {
            writeValue(out, e.faustValue(), depth + 1);
        } else if (v instanceof Enum<?> e) {
            writeString(out, e.name());
        } else if (isTemporal(v)) {
            writeString(out, Iso8601.format(v));
        } else if (v instanceof int[] ints) {
            writeCollection(out, Arrays.stream(ints).boxed().toList(), depth);
        } else if (v instanceof long[] longs) {
            writeCollection(out, Arrays.stream(longs).boxed().toList(), depth);
        } else if (v instanceof double[] doubles) {
            writeCollection(out, Arrays.stream(doubles).boxed().toList(), depth);
        } else {
            RecordSchema<?> schema = RecordSchema.forObject(v);
            if (schema == null) {
                throw new CodecException("json", "JSON cannot serialize '" + v.getClass().getName() + "': " + v
                        + " (annotate the class with @FaustRecord, or pass a Map, List or scalar)");
            }
            writeRecord(out, schema, v, depth);
        }
    }

    private static boolean isTemporal(Object v) {
        return v instanceof LocalDateTime || v instanceof OffsetDateTime || v instanceof ZonedDateTime
                || v instanceof Instant || v instanceof LocalDate || v instanceof LocalTime || v instanceof OffsetTime;
    }

    @SuppressWarnings("unchecked")
    private <T> void writeRecord(ByteSink out, RecordSchema<T> schema, Object record, int depth) {
        T rec = (T) record;
        out.write('{');
        boolean first = true;
        int n = schema.fields().size();
        for (int i = 0; i < n; i++) {
            if (schema.fields().get(i).exclude()) {
                continue;
            }
            if (!first) {
                out.write(itemSep);
            }
            first = false;
            writeString(out, schema.fields().get(i).outputName());
            out.write(keySep);
            writeValue(out, schema.get(rec, i), depth + 1);
        }
        if (schema.options().includeMetadata()) {
            if (!first) {
                out.write(itemSep);
            }
            out.ascii("\"__faust\"");
            out.write(keySep);
            out.write('{');
            out.ascii("\"ns\"");
            out.write(keySep);
            writeString(out, schema.namespace());
            out.write('}');
        }
        out.write('}');
    }

    private void writeMap(ByteSink out, Map<?, ?> m, int depth) {
        out.write('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.write(itemSep);
            }
            first = false;
            writeString(out, keyString(e.getKey()));
            out.write(keySep);
            writeValue(out, e.getValue(), depth + 1);
        }
        out.write('}');
    }

    /** Python's json coerces int, float, bool and None keys to strings and refuses every other key type. */
    private static String keyString(Object k) {
        if (k instanceof String s) {
            return s;
        } else if (k == null) {
            return "null";
        } else if (k instanceof Boolean b) {
            return b ? "true" : "false";
        } else if (k instanceof Integer || k instanceof Long || k instanceof Short || k instanceof Byte) {
            return k.toString();
        } else if (k instanceof BigInteger i) {
            return PyInts.format(i);
        } else if (k instanceof Double d) {
            return PyFloat.repr(d);
        } else if (k instanceof Float f) {
            return PyFloat.repr(f.doubleValue());
        }
        throw new CodecException("json", "keys must be str, int, float, bool or None, not "
                + k.getClass().getSimpleName());
    }

    private void writeCollection(ByteSink out, Collection<?> c, int depth) {
        out.write('[');
        boolean first = true;
        for (Object o : c) {
            if (!first) {
                out.write(itemSep);
            }
            first = false;
            writeValue(out, o, depth + 1);
        }
        out.write(']');
    }

    /** Python's {@code repr} of a float, the common values written in place (window bounds, amounts). */
    private static void writeFloat(ByteSink out, double v) {
        out.ensure(PyFloat.MAX_FAST_LENGTH);
        int end = PyFloat.writeFast(out.buf, out.size, v);
        if (end >= 0) {
            out.size = end;
        } else {
            out.ascii(PyFloat.repr(v));
        }
    }

    /** {@code ensure_ascii=True}: {@code \" \\ \n \r \t \b \f}, everything else outside 0x20..0x7e as {@code \\uxxxx}. */
    private static void writeString(ByteSink out, String s) {
        out.write('"');
        int len = s.length();
        out.ensure(len + 2);
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.write(c);
                continue;
            }
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\n' -> out.ascii("\\n");
                case '\r' -> out.ascii("\\r");
                case '\t' -> out.ascii("\\t");
                case '\b' -> out.ascii("\\b");
                case '\f' -> out.ascii("\\f");
                default -> {
                    out.write('\\');
                    out.write('u');
                    out.write(HEX[(c >> 12) & 0xf]);
                    out.write(HEX[(c >> 8) & 0xf]);
                    out.write(HEX[(c >> 4) & 0xf]);
                    out.write(HEX[c & 0xf]);
                }
            }
        }
        out.write('"');
    }

    /** A growable byte buffer for ASCII output. */
    static final class ByteSink {
        private byte[] buf;
        private int size;
        private boolean busy;

        ByteSink(int capacity) {
            buf = new byte[capacity];
        }

        void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void write(int b) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[size++] = (byte) b;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        void ascii(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[size++] = (byte) s.charAt(i);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }
}
