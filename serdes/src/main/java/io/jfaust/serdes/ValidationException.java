package io.jfaust.serdes;

/**
 * A record field broke one of its rules (blank string, too long, out of range, not finite), like Faust's
 * {@code ValidationError}. The message is Faust's: {@code "s cannot be left blank <StringField: Strict.s: str>"}.
 *
 * <pre>{@code
 * try { schema.create(Map.of("qty", 101)); }
 * catch (ValidationException e) { e.field(); } // "qty"
 * }</pre>
 */
public class ValidationException extends FaustException {
    private final String field;
    private final String reason;

    /** {@code reason} broken by {@code field}, described by {@code fieldRepr} as Faust prints descriptors. */
    public ValidationException(String reason, String field, String fieldRepr) {
        super(reason + " " + fieldRepr);
        this.field = field;
        this.reason = reason;
    }

    /** The name of the field that failed. */
    public String field() {
        return field;
    }

    /** The rule that failed, without the field description. */
    public String reason() {
        return reason;
    }
}
