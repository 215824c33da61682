package io.jfaust.serdes.internal;

import io.jfaust.serdes.CoercionException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Faust's date handling: {@link #format} writes what Faust's JSON encoder writes ({@code isoformat()}, {@code +00:00}
 * shortened to {@code Z}); {@link #parse} reads as {@code faust.utils.iso8601.parse} (the pure-Python parser a plain
 * {@code pip install faust-streaming} uses) does, quirks included: a fraction of a second is read as an integer number
 * of microseconds ({@code ".5"} is 5 µs), a comma fraction and what follows it are ignored, and an unknown suffix
 * after a match is ignored. This is why jfaust always writes 0 or 6 fractional digits.
 *
 * <pre>{@code
 * Iso8601.parse("2024-01-02T03:04:05Z");                 // OffsetDateTime 2024-01-02T03:04:05Z
 * Iso8601.parse("2024-01-02 03:04:05");                  // LocalDateTime (naive)
 * Iso8601.format(LocalDate.of(2024, 1, 2));              // "2024-01-02T00:00:00"
 * }</pre>
 */
public final class Iso8601 {
    private static final Pattern ISO8601 = Pattern.compile(
            "(?<year>[0-9]{4})(-(?<month>[0-9]{1,2})(-(?<day>[0-9]{1,2})"
                    + "((?<separator>.)(?<hour>[0-9]{2}):(?<minute>[0-9]{2})"
                    + "(:(?<second>[0-9]{2})(\\.(?<microsecond>[0-9]+))?)?"
                    + "(?<timezone>Z|(([-+])([0-9]{2}).?([0-9]{2})))?)?)?)?",
            Pattern.DOTALL);
    private static final Pattern TIMEZONE = Pattern.compile("(?<prefix>[+-])(?<hours>[0-9]{2}).?(?<minutes>[0-9]{2})$",
            Pattern.DOTALL);

    private Iso8601() {}

    /**
     * Parses like Faust: a {@link LocalDateTime} for a naive string, an {@link OffsetDateTime} when it has a zone.
     *
     * @throws CoercionException with Python's message when the string cannot be read
     */
    public static Temporal parse(String s) {
        Temporal fast = parseCanonical(s);
        if (fast != null) {
            return fast;
        }
        Matcher m = ISO8601.matcher(s);
        if (!m.lookingAt()) {
            throw new CoercionException("unable to parse date string " + PyText.strRepr(s));
        }
        int year = Integer.parseInt(m.group("year"));
        int month = requiredInt(m.group("month"));
        int day = requiredInt(m.group("day"));
        int hour = optionalInt(m.group("hour"));
        int minute = optionalInt(m.group("minute"));
        int second = optionalInt(m.group("second"));
        long micro = m.group("microsecond") == null ? 0 : parseMicros(m.group("microsecond"));
        check(year >= 1, "year " + year + " is out of range");
        check(month >= 1 && month <= 12, "month must be in 1..12");
        check(day >= 1 && day <= LocalDate.of(year, month, 1).lengthOfMonth(), "day is out of range for month");
        check(hour <= 23, "hour must be in 0..23");
        check(minute <= 59, "minute must be in 0..59");
        check(second <= 59, "second must be in 0..59");
        check(micro <= 999_999, "microsecond must be in 0..999999");
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, (int) micro * 1000);
        String tz = m.group("timezone");
        if (tz == null || tz.isEmpty()) {
            return local;
        }
        return OffsetDateTime.of(local, parseZone(tz));
    }

    /**
     * The form Faust and jfaust write ({@code YYYY-MM-DDTHH:MM:SS}, optional {@code .ffffff} with exactly six
     * digits, optional {@code Z} or {@code ±HH:MM}), parsed without the regex; null for any other form, which the
     * general parser then reads with Faust's rules.
     */
    private static @Nullable Temporal parseCanonical(String s) {
        int len = s.length();
        if (len < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int pos = 19;
        int micros = 0;
        if (pos < len && s.charAt(pos) == '.') {
            if (pos + 7 > len || (micros = digits(s, pos + 1, 6)) < 0
                    || (pos + 7 < len && Character.isDigit(s.charAt(pos + 7)))) {
                return null;
            }
            pos += 7;
        }
        ZoneOffset zone = null;
        if (pos < len) {
            char c = s.charAt(pos);
            if (c == 'Z' && pos + 1 == len) {
                zone = ZoneOffset.UTC;
            } else if ((c == '+' || c == '-') && pos + 6 == len && s.charAt(pos + 3) == ':') {
                int hh = digits(s, pos + 1, 2);
                int mm = digits(s, pos + 4, 2);
                if ((hh | mm) < 0 || hh > 17) {
                    return null;
                }
                int total = (hh * 60 + mm) * 60;
                zone = ZoneOffset.ofTotalSeconds(c == '-' ? -total : total);
            } else {
                return null;
            }
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1)
                .lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
        return zone == null ? local : OffsetDateTime.of(local, zone);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static long parseMicros(String digits) {
        // Python int() of the digit string: arbitrarily long, so clamp anything huge above the valid range.
        return digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static ZoneOffset parseZone(String tz) {
        if (tz.equals("Z")) {
            return ZoneOffset.UTC;
        }
        Matcher m = TIMEZONE.matcher(tz);
        if (!m.find() || m.start() != 0) {
            throw new CoercionException("Missing or invalid timezone information: " + tz);
        }
        int sign = m.group("prefix").equals("-") ? -1 : 1;
        int minutes = sign * (Integer.parseInt(m.group("hours")) * 60 + Integer.parseInt(m.group("minutes")));
        try {
            return ZoneOffset.ofTotalSeconds(minutes * 60);
        } catch (DateTimeException e) {
            throw new CoercionException("offset must be a timedelta strictly between -timedelta(hours=24) and "
                    + "timedelta(hours=24), not " + tz, e);
        }
    }

    private static int requiredInt(String group) {
        if (group == null) {
            throw new CoercionException(
                    "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
        }
        return Integer.parseInt(group);
    }

    private static int optionalInt(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new CoercionException(message);
        }
    }

    /**
     * Faust's JSON text for a date or time: {@code isoformat()} with microseconds only when not zero, a date as
     * midnight, and a zero UTC offset written {@code Z}. Accepts {@link LocalDateTime}, {@link OffsetDateTime},
     * {@link ZonedDateTime}, {@link Instant} (UTC), {@link LocalDate}, {@link LocalTime} and {@link OffsetTime}.
     */
    public static String format(Object temporal) {
        StringBuilder sb = new StringBuilder(32);
        if (temporal instanceof LocalDateTime t) {
            appendDateTime(sb, t);
        } else if (temporal instanceof OffsetDateTime t) {
            appendDateTime(sb, t.toLocalDateTime());
            appendOffset(sb, t.getOffset());
        } else if (temporal instanceof ZonedDateTime t) {
            appendDateTime(sb, t.toLocalDateTime());
            appendOffset(sb, t.getOffset());
        } else if (temporal instanceof Instant t) {
            appendDateTime(sb, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            sb.append('Z');
        } else if (temporal instanceof LocalDate d) {
            appendDateTime(sb, d.atStartOfDay());
        } else if (temporal instanceof LocalTime t) {
            appendTime(sb, t);
        } else if (temporal instanceof OffsetTime t) {
            appendTime(sb, t.toLocalTime());
            appendOffset(sb, t.getOffset());
        } else {
            throw new IllegalArgumentException("not a date or time: " + temporal);
        }
        return sb.toString();
    }

    private static void appendDateTime(StringBuilder sb, LocalDateTime t) {
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        appendTime(sb, t.toLocalTime());
    }

    private static void appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            pad(sb.append('.'), micros, 6);
        }
    }

    private static void appendOffset(StringBuilder sb, ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        if (total == 0) {
            sb.append('Z');
            return;
        }
        sb.append(total < 0 ? '-' : '+');
        int abs = Math.abs(total);
        pad(sb, abs / 3600, 2).append(':');
        pad(sb, (abs / 60) % 60, 2);
        if (abs % 60 != 0) {
            pad(sb.append(':'), abs % 60, 2);
        }
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
