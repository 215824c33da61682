package io.jfaust.serdes.internal;

import java.math.BigDecimal;

/**
 * A Python {@code Decimal} negative zero ({@code Decimal('-0')}, {@code Decimal('-0.00')}, {@code Decimal('-0E+3')}),
 * which {@link BigDecimal} cannot hold (it has no signed zero). Python keeps the sign: {@code str(Decimal('-0.00'))}
 * is {@code '-0.00'}, so Faust writes {@code "-0.00"} back. Untyped values and {@code GenericRecord}s keep this
 * type; a Java {@code BigDecimal} component receives {@link #unsigned()} (equal in Python: {@code -0 == 0}).
 *
 * <pre>{@code
 * NegativeZeroDecimal z = new NegativeZeroDecimal(2);
 * z.toString();     // "-0.00", as str(Decimal('-0.00'))
 * z.unsigned();     // BigDecimal 0.00
 * }</pre>
 *
 * @param scale the number of digits after the point (negative for {@code -0E+n}), as {@link BigDecimal#scale()}
 */
public record NegativeZeroDecimal(int scale) {
    /** The same zero without its sign. */
    public BigDecimal unsigned() {
        return BigDecimal.ZERO.setScale(scale);
    }

    /**
     * Python's {@code str(Decimal)}: the General Decimal Arithmetic "to-scientific-string", the same algorithm as
     * {@link BigDecimal#toString()} (CPython {@code Lib/_pydecimal.py} {@code Decimal.__str__}), with the sign.
     */
    @Override
    public String toString() {
        return "-" + unsigned();
    }
}
