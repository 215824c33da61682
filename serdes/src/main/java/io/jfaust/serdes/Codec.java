package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A Faust codec: one step that turns a value into its encoded form and back, as {@code faust.serializers.Codec}.
 *
 * <p>Values between steps are Python-like Java objects: {@code byte[]}, {@link String}, maps, lists, numbers,
 * records. {@code dumps} of a chain applies its codecs left to right and {@code loads} right to left, so
 * {@code "json|binary"} is JSON then base64. A custom codec implements both methods and is named in an app's
 * registry ({@link Codecs#add}), process-wide ({@link Codecs#register(String, Codec)}) or by a {@link CodecProvider}.
 *
 * <pre>{@code
 * Codec codec = Codecs.get("json|binary");
 * byte[] bytes = (byte[]) codec.dumps(Map.of("a", 1));   // eyJhIjoxfQ==
 * Object back = codec.loads(bytes);                       // {a=1}
 * }</pre>
 */
public interface Codec {
    /** Encodes {@code value}; usually returns {@code byte[]}, but a step may hand other objects to the next one. */
    @Nullable Object dumps(@Nullable Object value);

    /**
     * Decodes {@code data} (usually {@code byte[]}) back into a value.
     *
     * <p>jfaust's codecs and chains answer any input with a value or a {@link FaustException}: a
     * {@link CodecException} naming the codec (bad syntax, a recursive YAML alias, nesting too deep, anything a
     * parser throws), or a {@link CoercionException} where Python refuses a number as Faust would ({@code int()}'s
     * 4300-digit limit). A custom codec should do the same; whatever else it throws, a chain reports as a
     * {@code CodecException} naming it, and {@link Serializers} as a {@link KeyDecodeException} or
     * {@link ValueDecodeException}, so that the app's error policy decides. Only a fatal VM error
     * ({@link OutOfMemoryError}, any {@link VirtualMachineError} but {@link StackOverflowError}) goes through.
     *
     * @throws FaustException when {@code data} cannot be decoded
     */
    @Nullable Object loads(@Nullable Object data);

    /** This codec followed by {@code next}, as Faust's {@code codec | next}. */
    default Codec then(Codec next) {
        return CodecChain.of(this, next);
    }
}
