package io.jfaust.serdes.internal;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Formats a double exactly as Python's {@code repr(float)} does, which is what Faust's JSON writer emits.
 *
 * <p>Python prints the shortest digit string that reads back to the same double, in fixed notation when
 * {@code 1e-4 <= |x| < 1e16} (with {@code .0} for integral values) and as {@code d.ddde+XX} otherwise. The shortest
 * digits come from Jackson's Schubfach implementation; Schubfach keeps Java's rule of at least two digits, so a
 * two-digit result is tried once more with one digit.
 *
 * <pre>{@code
 * PyFloat.repr(1e-7);          // 1e-07
 * PyFloat.repr(1700000009.9);  // 1700000009.9
 * PyFloat.repr(2e23);          // 2e+23
 * }</pre>
 */
public final class PyFloat {
    /** Room enough for {@link #writeFast}: a sign, at most 16 digits, a point and the zeros after it. */
    static final int MAX_FAST_LENGTH = 33;

    /** Recently printed values of the slow (Schubfach) path. Racy but safe (immutable entries). */
    private static final Cached[] CACHE = new Cached[512];

    private record Cached(long bits, String repr) {}

    private static final double[] POW10 = new double[16];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private PyFloat() {}

    /** Python's {@code repr(v)}, with Faust's JSON spelling of the non-finite values ({@code NaN}, {@code Infinity}). */
    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        byte[] fast = new byte[MAX_FAST_LENGTH];
        int n = writeFast(fast, 0, v);
        if (n >= 0) {
            return new String(fast, 0, n, StandardCharsets.ISO_8859_1);
        }
        long bits = Double.doubleToRawLongBits(v);
        int slot = (int) (bits ^ (bits >>> 29) ^ (bits >>> 47)) & (CACHE.length - 1);
        Cached c = CACHE[slot];
        if (c != null && c.bits == bits) {
            return c.repr;
        }
        StringBuilder out = new StringBuilder(24);
        appendRepr(out, v);
        String repr = out.toString();
        CACHE[slot] = new Cached(bits, repr);
        return repr;
    }

    /**
     * Writes {@link #repr(double)} into {@code dst} at {@code at} (which must have {@link #MAX_FAST_LENGTH} bytes of
     * room) and returns the end, for the common values: zeros, integral values below 10^16 ({@code 1700000000.0}),
     * and values that are exactly {@code m / 10^k} for an integer {@code m} below 10^15 ({@code 12.34},
     * {@code 1700000009.9}). Decimals of at most 15 significant digits map to distinct doubles, and the division is
     * correctly rounded, so the first {@code k} that round-trips gives Python's shortest repr. Any other value
     * returns -1 with nothing written: use {@link #repr(double)}. No allocation: the JSON writer prints floats so.
     */
    static int writeFast(byte[] dst, int at, double v) {
        double abs = Math.abs(v);
        if (v == 0.0 || (v == Math.rint(v) && abs < 1e16)) {
            if (Double.doubleToRawLongBits(v) < 0) {
                dst[at++] = '-';
            }
            at = writeDigits(dst, at, (long) abs);
            dst[at++] = '.';
            dst[at++] = '0';
            return at;
        }
        if (!(abs >= 1e-4 && abs < 1e15)) {
            return -1;
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = abs * POW10[k];
            if (scaled >= 1e15) {
                return -1;
            }
            double m = Math.rint(scaled);
            if (m / POW10[k] == abs) {
                long digits = (long) m;
                long unit = (long) POW10[k];
                long frac = digits % unit;   // not 0: an integral value took the branch above
                if (v < 0) {
                    dst[at++] = '-';
                }
                at = writeDigits(dst, at, digits / unit);
                dst[at++] = '.';
                for (int i = digitCount(frac); i < k; i++) {
                    dst[at++] = '0';
                }
                return writeDigits(dst, at, frac);
            }
        }
        return -1;
    }

    private static int digitCount(long x) {
        int n = 1;
        while (x >= 10) {
            x /= 10;
            n++;
        }
        return n;
    }

    /** The decimal digits of {@code x >= 0} at {@code at}; returns the end. */
    private static int writeDigits(byte[] dst, int at, long x) {
        int end = at + digitCount(x);
        for (int i = end - 1; i >= at; i--) {
            dst[i] = (byte) ('0' + x % 10);
            x /= 10;
        }
        return end;
    }

    /** Appends {@link #repr(double)} to {@code out}. */
    public static void appendRepr(StringBuilder out, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0.0) {
            out.append(repr(v));
            return;
        }
        boolean negative = v < 0;
        double abs = Math.abs(v);
        // Shortest digits and decimal exponent: value = 0.d1d2d3... * 10^exp10 (scientific exponent = exp10 - 1)
        String digits;
        int sciExp;
        String java = NumberOutput.toString(abs, true);  // Schubfach's shortest digits, through Jackson's exported API
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int javaExp = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String intPart = mantissa.substring(0, dot);
        String fracPart = mantissa.substring(dot + 1);
        String all = intPart + fracPart;
        // position of decimal point relative to start of 'all' is intPart.length(), then shifted by javaExp
        int firstNonZero = 0;
        while (firstNonZero < all.length() && all.charAt(firstNonZero) == '0') {
            firstNonZero++;
        }
        int end = all.length();
        while (end > firstNonZero + 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        digits = all.substring(firstNonZero, end);
        sciExp = intPart.length() - 1 - firstNonZero + javaExp;
        if (digits.length() == 2) {
            String one = tryOneDigit(abs);
            if (one != null) {
                BigDecimal bd = new BigDecimal(one);
                digits = bd.unscaledValue().toString();
                sciExp = bd.precision() - bd.scale() - 1;
            }
        }
        if (negative) {
            out.append('-');
        }
        if (sciExp >= 16 || sciExp < -4) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(sciExp < 0 ? '-' : '+');
            int ae = Math.abs(sciExp);
            if (ae < 10) {
                out.append('0');
            }
            out.append(ae);
        } else if (sciExp < 0) {
            out.append("0.");
            for (int i = -1; i > sciExp; i--) {
                out.append('0');
            }
            out.append(digits);
        } else {
            int intDigits = sciExp + 1;
            if (digits.length() <= intDigits) {
                out.append(digits);
                for (int i = digits.length(); i < intDigits; i++) {
                    out.append('0');
                }
                out.append(".0");
            } else {
                out.append(digits, 0, intDigits).append('.').append(digits, intDigits, digits.length());
            }
        }
    }

    /** The one-digit decimal nearest to {@code abs}, if it reads back as {@code abs}; otherwise null. */
    private static @Nullable String tryOneDigit(double abs) {
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal rounded = exact.round(new MathContext(1, RoundingMode.HALF_EVEN));
        if (rounded.doubleValue() == abs) {
            return rounded.toString();
        }
        return null;
    }
}
