package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * Base of jfaust's own errors, like Faust's {@code FaustError}.
 *
 * <pre>{@code
 * try { Codecs.get("msgpack"); }
 * catch (FaustException e) { log.warn(e.getMessage()); }
 * }</pre>
 */
public class FaustException extends RuntimeException {
    /** An error with a message that says what was wrong. */
    public FaustException(String message) {
        super(message);
    }

    /** An error with a message and the exception that caused it. */
    public FaustException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
