package io.jfaust.serdes.internal;

/**
 * A Python {@code Decimal} that {@link java.math.BigDecimal} cannot hold: {@code NaN}, {@code sNaN},
 * {@code Infinity}, {@code -Infinity}. Faust accepts them when parsing and rejects them only in validation.
 *
 * <pre>{@code
 * Object d = new NonFiniteDecimal("NaN");   // Decimal('NaN')
 * // written as the JSON string "NaN";
 * // validation rejects it: Illegal value in decimal
 * }</pre>
 */
public record NonFiniteDecimal(String text) {
    /** The value Python's {@code str(Decimal)} prints. */
    @Override
    public String toString() {
        return text;
    }
}
