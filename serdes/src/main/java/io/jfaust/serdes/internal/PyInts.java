package io.jfaust.serdes.internal;

import io.jfaust.serdes.CoercionException;
import java.math.BigInteger;

/**
 * CPython's limit on decimal integer text (CVE-2020-10735, Python 3.11+, {@code sys.int_info.default_max_str_digits}
 * = 4300): {@code int(text)} refuses more than 4300 digits and {@code str(n)}/{@code repr(n)} refuses to write them,
 * both with a {@code ValueError} (messages from CPython's {@code Objects/longobject.c},
 * {@code _MAX_STR_DIGITS_ERROR_FMT_TO_INT} / {@code _TO_STR}). The sign does not count as a digit. Python's
 * {@code json.loads} reads integers with {@code int()} and {@code json.dumps} writes them with {@code int.__repr__},
 * so Faust's JSON (and PyYAML's integers) obey it.
 *
 * <pre>{@code
 * PyInts.checkParseDigits(4300);                   // fine
 * PyInts.checkParseDigits(4301);                   // CoercionException: Exceeds the limit (4300 digits) ...
 * PyInts.checkFormat(BigInteger.TEN.pow(4300));    // CoercionException (4301 digits)
 * }</pre>
 */
public final class PyInts {
    /** CPython's default {@code sys.get_int_max_str_digits()}. */
    public static final int MAX_STR_DIGITS = 4300;

    private PyInts() {}

    /** {@code int(text)} of a text holding {@code digits} decimal digits (sign and underscores not counted). */
    public static void checkParseDigits(long digits) {
        if (digits > MAX_STR_DIGITS) {
            throw new CoercionException("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string "
                    + "conversion: value has " + digits + " digits; use sys.set_int_max_str_digits() to increase the "
                    + "limit");
        }
    }

    /** {@code str(n)} of an integer: refused above {@link #MAX_STR_DIGITS} digits. Returns the decimal text. */
    public static String format(BigInteger n) {
        int bits = n.abs().bitLength();
        // |n| >= 2^(bits-1), so it has at least floor((bits-1) * log10(2)) + 1 digits: refuse huge values unprinted.
        if (bits > 0 && (long) Math.floor((bits - 1) * LOG10_2) + 1 > MAX_STR_DIGITS) {
            throw tooLongToFormat();
        }
        String text = n.toString();
        if (text.length() - (n.signum() < 0 ? 1 : 0) > MAX_STR_DIGITS) {
            throw tooLongToFormat();
        }
        return text;
    }

    private static final double LOG10_2 = Math.log10(2);

    private static CoercionException tooLongToFormat() {
        return new CoercionException("Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string "
                + "conversion; use sys.set_int_max_str_digits() to increase the limit");
    }
}
