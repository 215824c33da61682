package io.jfaust.serdes.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.jfaust.serdes.CodecException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonReader() {}

    /** The value held by {@code bytes} (UTF-8 JSON). */
    public static Object read(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                // Non-ASCII: decode strictly first, as Python's want_str does (Jackson would autodetect encodings).
                return read(PyText.decodeUtf8(bytes));
            }
        }
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new CodecException("json", "invalid JSON: " + e.getMessage(), e);
        }
    }

    /** The value held by {@code text}. */
    public static Object read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            return readDocument(p);
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (IOException e) {
            throw new CodecException("json", "invalid JSON: " + e.getMessage(), e);
        }
    }

    private static Object readDocument(JsonParser p) throws IOException {
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

    private static Object readValue(JsonParser p, JsonToken t) throws IOException {
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
