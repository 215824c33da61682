package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A payload does not fit a Faust record: not a mapping, a required field missing, an unknown {@code __faust}
 * namespace where one is needed, or a value a Java-typed field cannot hold. Messages follow Faust's wording.
 *
 * <pre>{@code
 * try { schema.fromData(Map.of("username", "a")); }
 * catch (RecordException e) { e.getMessage(); } // Purchase() missing 2 required positional arguments: ...
 * }</pre>
 */
public class RecordException extends FaustException {
    /** An error that says which record and field were wrong, and why. */
    public RecordException(String message) {
        super(message);
    }

    /** An error with its cause. */
    public RecordException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
