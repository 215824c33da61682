package io.jfaust.serdes.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.CoercionException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON as Python's {@code json.loads} does: objects become insertion-ordered, read-only maps (a duplicate key keeps its
 * first position and its last value), integers become {@link Long} or {@link BigInteger}, other numbers
 * {@link Double} ({@code 1e400} is infinity), {@code NaN}/{@code Infinity}/{@code -Infinity} are accepted, input must
 * be strict UTF-8 and hold exactly one value. Both separator styles and raw UTF-8 or escaped text are accepted.
 *
 * <pre>{@code
 * JsonReader.read("{\"a\": NaN}");     // {a=NaN}
 * JsonReader.read(bytes);             // strict UTF-8, one value
 * JsonReader.read("[1] [2]");          // CodecException: Extra data
 * }</pre>
 */
public final class JsonReader {
    /** Deeper input is refused: Python's {@code json.loads} reads 994 levels and raises RecursionError beyond. */
    static final int MAX_NESTING_DEPTH = 1000;

    /**
     * Python's {@code json} has no limit on number length (a float of any length is read; {@code 1e400} is
     * infinity); integers are limited by {@code int()} alone (see {@link PyInts#MAX_STR_DIGITS}). Jackson's default
     * 1000-character limit is lifted and the integer limit checked on each integer token. Nesting is limited to
     * {@value #MAX_NESTING_DEPTH} levels (Jackson's default, stated here), which Jackson checks as it reads, before
     * {@link #readValue} recurses.
     */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE)
                    .maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private JsonReader() {}

    /**
     * The value held by {@code bytes} (UTF-8 JSON). Input nested deeper than Jackson's default 1000 levels is refused
     * (Python's {@code json} gives up near the same depth, with a {@code RecursionError}).
     *
     * @throws CodecException when the input is not valid JSON (or cannot be read for any other reason)
     * @throws CoercionException for an integer of more than 4300 digits, as Python's {@code int()}
     */
    public static @Nullable Object read(byte[] bytes) {
        Long integer = plainInteger(bytes);
        if (integer != null) {
            return integer;
        }
        if (!isAscii(bytes)) {
            // Non-ASCII: decode strictly first, as Python's want_str does (Jackson would autodetect encodings).
            return read(PyText.decodeUtf8(bytes));
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new CodecException("json", "invalid JSON: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw DecodeFailures.asCodecException("json", e);
        }
    }

    /**
     * The value of a document that is nothing but a canonical JSON integer of at most 18 digits ({@code 0},
     * {@code -12}, {@code 345}: what a counting table stores), read without a parser; null for any other document,
     * which then takes the parser's path. Same result as the parser's: a {@link Long}.
     */
    static @Nullable Long plainInteger(byte[] bytes) {
        int n = bytes.length;
        int i = n > 0 && bytes[0] == '-' ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18 || (bytes[i] == '0' && digits > 1)) {
            return null;
        }
        long v = 0;
        for (; i < n; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + d;
        }
        return bytes[0] == '-' ? -v : v;
    }

    /** Whether every byte is ASCII (eight bytes a step: this runs on every record a topic decodes). */
    static boolean isAscii(byte[] bytes) {
        int i = 0;
        for (int end = bytes.length - 7; i < end; i += 8) {
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value held by {@code text}. */
    public static @Nullable Object read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new CodecException("json", "invalid JSON: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw DecodeFailures.asCodecException("json", e);
        }
    }

    /**
     * A top-level JSON object read straight into slots by key (the record fast path): {@code values[i]} holds the
     * value of key {@code names[i]}, {@code present[i]} whether it was there, {@code ns} the {@code __faust.ns}
     * (null when absent or malformed); other keys are read and dropped. A document that is not an object comes back
     * whole, with {@code object} false.
     */
    public record Slots(boolean object, @Nullable Object whole, Object @Nullable [] values,
                        boolean @Nullable [] present, @Nullable String ns) {}

    /** Reads {@code bytes} (UTF-8 JSON) into {@link Slots} for keys {@code names}. */
    public static Slots readSlots(byte[] bytes, String[] names) {
        try (JsonParser p = isAscii(bytes) ? FACTORY.createParser(bytes)
                : FACTORY.createParser(PyText.decodeUtf8(bytes))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new CodecException("json", "Expecting value: line 1 column 1 (char 0)");
            }
            Slots slots;
            if (t != JsonToken.START_OBJECT) {
                slots = new Slots(false, readValue(p, t), null, null, null);
            } else {
                Object[] values = new Object[names.length];
                boolean[] present = new boolean[names.length];
                String ns = null;
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken vt = p.nextToken();
                    int i = indexOf(names, name);
                    if (i >= 0) {
                        values[i] = readValue(p, vt);
                        present[i] = true;
                    } else if (name.equals("__faust")) {
                        ns = readNamespace(p, vt);
                    } else {
                        readValue(p, vt);
                    }
                }
                slots = new Slots(true, null, values, present, ns);
            }
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new CodecException("json", "Extra data: line " + loc.getLineNr() + " column "
                        + loc.getColumnNr() + " (char " + loc.getCharOffset() + ")");
            }
            return slots;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new CodecException("json", "invalid JSON: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw DecodeFailures.asCodecException("json", e);
        }
    }

    /**
     * The {@code ns} of a {@code __faust} value starting at token {@code t}: its {@code ns} when it is an object whose
     * last {@code ns} (a Python dict keeps the last) is a string, else null. Reads the whole value, every part checked
     * as {@link #readValue} checks it, without building a map.
     */
    private static @Nullable String readNamespace(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            readValue(p, t);
            return null;
        }
        String ns = null;
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
            String name = p.currentName();
            JsonToken vt = p.nextToken();
            boolean isNs = name.equals("ns");
            if (isNs && vt == JsonToken.VALUE_STRING) {
                ns = p.getText();
            } else {
                readValue(p, vt);
                if (isNs) {
                    ns = null;
                }
            }
        }
        return ns;
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static @Nullable Object readDocument(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new CodecException("json", "Expecting value: line 1 column 1 (char 0)");
        }
        Object value = readValue(p, t);
        if (p.nextToken() != null) {
            JsonLocation loc = p.currentTokenLocation();
            throw new CodecException("json", "Extra data: line " + loc.getLineNr() + " column "
                    + loc.getColumnNr() + " (char " + loc.getCharOffset() + ")");
        }
        return value;
    }

    private static CodecException invalid(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : ": line " + loc.getLineNr() + " column " + loc.getColumnNr()
                + " (char " + loc.getCharOffset() + ")";
        return new CodecException("json", "invalid JSON: " + e.getOriginalMessage() + where, e);
    }

    private static @Nullable Object readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                JsonObject map = new JsonObject();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, readValue(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(readValue(p, e));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getTextLength() > PyInts.MAX_STR_DIGITS) {
                    // json's scanner calls int() on the token (Lib/json/scanner.py), which counts digits, not the sign.
                    String text = p.getText();
                    PyInts.checkParseDigits(text.length() - (text.startsWith("-") ? 1 : 0));
                }
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return p.getLongValue();
                    default:
                        BigInteger big = p.getBigIntegerValue();
                        return big.bitLength() < 64 ? (Object) big.longValue() : big;
                }
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new CodecException("json", "unexpected token " + t);
        }
    }
}
