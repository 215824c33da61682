package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import org.jspecify.annotations.Nullable;

/** Faust's {@code raw} codec: a str becomes UTF-8 bytes; every other value passes through unchanged both ways.
 *
 * <pre>{@code
 * Codec raw = Codecs.get("raw");
 * raw.dumps("alice");          // UTF-8 bytes
 * raw.loads(bytes);            // the same bytes
 * }</pre>
 */
public final class RawCodec implements Codec {
    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        return PyTypes.wantBytes(value);
    }

    @Override
    public @Nullable Object loads(@Nullable Object data) {
        return PyTypes.wantBytes(data);
    }

    @Override
    public String toString() {
        return "raw";
    }
}
