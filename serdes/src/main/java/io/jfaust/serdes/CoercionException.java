package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A value could not be converted to the type asked for, as Python's {@code int("abc")}, {@code Decimal("x")} or
 * Faust's ISO-8601 parser fail (Faust raises {@code ValueError}); the message is Python's.
 *
 * <pre>{@code
 * try { FaustJson.parseDate("yesterday"); }
 * catch (CoercionException e) { e.getMessage(); } // unable to parse date string 'yesterday'
 * }</pre>
 */
public class CoercionException extends FaustException {
    /** A conversion failure with Python's message. */
    public CoercionException(String message) {
        super(message);
    }

    /** A conversion failure with Python's message and the Java cause. */
    public CoercionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
