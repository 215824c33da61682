package io.jfaust.serdes;

import io.jfaust.serdes.internal.Iso8601;
import io.jfaust.serdes.internal.JsonReader;
import io.jfaust.serdes.internal.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Faust's JSON, byte for byte: {@link #dumps} writes what {@code faust.utils.json.dumps} writes (the flavour's
 * separators, non-ASCII as lowercase {@code \\uXXXX}, floats as Python's {@code repr}, Decimal/UUID as strings,
 * dates as {@code isoformat()} with {@code Z}, enums by value, sets as arrays, records with {@code __faust}), and
 * {@link #loads} reads every variant Faust or robinhood Faust writes.
 *
 * <pre>{@code
 * FaustJson json = FaustJson.of(JsonFlavor.FAUST_STREAMING);
 * json.dumpsString(List.of(1.0, 1e-7, "é"));   // [1.0,1e-07,"\u00e9"]
 * json.loads("{\"a\": NaN}".getBytes());        // {a=NaN}
 * FaustJson.parseDate("2024-01-02T03:04:05Z");   // OffsetDateTime 2024-01-02T03:04:05Z
 * }</pre>
 */
public final class FaustJson {
    private static final FaustJson FAUST_STREAMING = new FaustJson(JsonFlavor.FAUST_STREAMING);
    private static final FaustJson ROBINHOOD = new FaustJson(JsonFlavor.ROBINHOOD);

    private final JsonFlavor flavor;
    private final JsonWriter writer;

    private FaustJson(JsonFlavor flavor) {
        this.flavor = flavor;
        this.writer = new JsonWriter(flavor);
    }

    /** The JSON of the given flavour. */
    public static FaustJson of(JsonFlavor flavor) {
        return Objects.requireNonNull(flavor, "flavor") == JsonFlavor.ROBINHOOD ? ROBINHOOD : FAUST_STREAMING;
    }

    /** The flavour this instance writes. */
    public JsonFlavor flavor() {
        return flavor;
    }

    /** The UTF-8 (in fact ASCII) JSON bytes of {@code value}. */
    public byte[] dumps(@Nullable Object value) {
        return writer.write(value);
    }

    /** The JSON text of {@code value}. */
    public String dumpsString(@Nullable Object value) {
        return new String(writer.write(value), StandardCharsets.US_ASCII);
    }

    /**
     * The value held by UTF-8 JSON {@code bytes}: maps, lists, String, Long/BigInteger, Double, Boolean, null.
     *
     * @throws CodecException when the bytes are not valid UTF-8 JSON (nesting deeper than 1000 levels included)
     * @throws CoercionException for an integer of more than 4300 digits, as Python's {@code int()}
     */
    public @Nullable Object loads(byte[] bytes) {
        return JsonReader.read(bytes);
    }

    /**
     * The value held by JSON {@code text}.
     *
     * @throws CodecException when the text is not valid JSON (nesting deeper than 1000 levels included)
     * @throws CoercionException for an integer of more than 4300 digits, as Python's {@code int()}
     */
    public @Nullable Object loads(String text) {
        return JsonReader.read(text);
    }

    /**
     * Reads a date as Faust does ({@code faust.utils.iso8601.parse}, used for {@code isodates} fields and date
     * strings): a {@link LocalDateTime} for a naive string, an {@link OffsetDateTime} when it has a zone, with
     * Faust's quirks (a fraction of a second is read as an integer number of microseconds, so {@code ".5"} is
     * 5 µs; an unknown suffix after a match is ignored).
     *
     * @throws CoercionException with Python's message when the string cannot be read
     */
    public static Temporal parseDate(String text) {
        return Iso8601.parse(text);
    }
}
