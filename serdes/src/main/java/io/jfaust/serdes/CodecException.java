package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A codec could not encode or decode a value: bad base64, bad JSON, a type JSON cannot hold, pickle refused.
 *
 * <pre>{@code
 * try { Codecs.get("binary").loads("abcde".getBytes()); }
 * catch (CodecException e) { e.codec(); } // "binary"
 * }</pre>
 */
public class CodecException extends FaustException {
    private final String codec;

    /** An error raised by the codec named {@code codec}. */
    public CodecException(String codec, String message) {
        super(codec + ": " + message);
        this.codec = codec;
    }

    /** An error raised by the codec named {@code codec}, caused by {@code cause}. */
    public CodecException(String codec, String message, @Nullable Throwable cause) {
        super(codec + ": " + message, cause);
        this.codec = codec;
    }

    /** The name of the codec that failed. */
    public String codec() {
        return codec;
    }
}
