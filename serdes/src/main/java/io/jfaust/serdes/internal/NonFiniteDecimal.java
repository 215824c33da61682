package io.jfaust.serdes.internal;

/**
 * A Python {@code Decimal} that {@link java.math.BigDecimal} cannot hold: {@code NaN}, {@code sNaN},
 * {@code Infinity}, {@code -Infinity}. Faust accepts them when parsing and rejects them only in validation.
 */
public record NonFiniteDecimal(String text) {
    /** The value Python's {@code str(Decimal)} prints. */
    @Override
    public String toString() {
        return text;
    }
}
