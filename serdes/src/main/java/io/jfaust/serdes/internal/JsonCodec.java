package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.JsonFlavor;
import org.jspecify.annotations.Nullable;

/** Faust's {@code json} codec: any JSON-able value to UTF-8 JSON bytes in the given flavour, and back.
 *
 * <pre>{@code
 * Codec json = new JsonCodec(JsonFlavor.FAUST_STREAMING);
 * byte[] b = (byte[]) json.dumps(Map.of("a", 1));   // {"a":1}
 * json.loads(b);                                      // {a=1}
 * }</pre>
 */
public final class JsonCodec implements Codec {
    private final JsonWriter writer;

    public JsonCodec(JsonFlavor flavor) {
        this.writer = new JsonWriter(flavor);
    }

    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        return writer.write(value);
    }

    @Override
    public @Nullable Object loads(@Nullable Object data) {
        if (data instanceof byte[] b) {
            return JsonReader.read(b);
        } else if (data instanceof String s) {
            return JsonReader.read(s);
        }
        throw new CodecException("json", "the JSON object must be str, bytes or bytearray, not "
                + PyTypes.typeName(data));
    }

    @Override
    public String toString() {
        return "json";
    }
}
