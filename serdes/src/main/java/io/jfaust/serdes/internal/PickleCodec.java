package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.CodecException;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code pickle} codecs, refused: unpickling bytes from a topic runs code chosen by whoever wrote them, and
 * the JVM has no pickle runtime to write them faithfully. The error says so and names the alternatives.
 *
 * <pre>{@code
 * Codecs.get("pickle").loads(bytes);
 * // CodecException: jfaust will not decode pickle: unpickling untrusted bytes can run arbitrary code...
 * Codecs.register("pickle", vettedCodec);   // the way out, if you must
 * }</pre>
 */
public final class PickleCodec implements Codec {
    private final String name;

    public PickleCodec(String name) {
        this.name = name;
    }

    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        throw refused("encode");
    }

    @Override
    public @Nullable Object loads(@Nullable Object data) {
        throw refused("decode");
    }

    private CodecException refused(String what) {
        return new CodecException(name, "jfaust will not " + what + " pickle: unpickling untrusted bytes can run "
                + "arbitrary code, and pickle is Python-only. Switch the Faust side to 'json' (or 'json|binary'), "
                + "or register a vetted custom codec under this name with Codecs.register(\"" + name + "\", codec)");
    }

    @Override
    public String toString() {
        return name;
    }
}
