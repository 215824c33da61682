package io.jfaust.serdes.internal;

import io.jfaust.serdes.CodecException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Python's textual conversions that Faust's wire format depends on: {@code repr(bytes)}, {@code repr(str)}, UTF-8.
 *
 * <pre>{@code
 * PyText.bytesRepr(new byte[] {0, 'a'});  // b'\x00a'
 * PyText.strRepr("it's");                  // "it's"
 * PyText.decodeUtf8(bytes);                // strict, like bytes.decode()
 * }</pre>
 */
public final class PyText {
    private PyText() {}

    /** Python's {@code repr(b)}: {@code b'ab\x00c'}. Faust's JSON writer emits this for bytes nested in a value. */
    public static String bytesRepr(byte[] b) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte x : b) {
            if (x == '\'') {
                hasSingle = true;
            } else if (x == '"') {
                hasDouble = true;
            }
        }
        char quote = (hasSingle && !hasDouble) ? '"' : '\'';
        StringBuilder out = new StringBuilder(b.length + 3);
        out.append('b').append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else {
                out.append((char) c);
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code repr(s)} for a str, used in error messages ({@code 'abc'}). */
    public static String strRepr(String s) {
        boolean hasSingle = s.indexOf('\'') >= 0;
        boolean hasDouble = s.indexOf('"') >= 0;
        char quote = (hasSingle && !hasDouble) ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }

    /**
     * Strict UTF-8 encoding, as Python's {@code str.encode()} (errors='strict'): a lone surrogate (a high surrogate
     * not followed by a low one, or a low one alone) is refused with Python's {@code UnicodeEncodeError} message
     * instead of becoming {@code ?} as {@link String#getBytes} would make it. Python reports the whole run of
     * surrogates, in code point positions (CPython {@code Objects/unicodeobject.c}, {@code unicode_encode_utf8};
     * the message is {@code UnicodeEncodeError.__str__} in {@code Objects/exceptions.c}).
     */
    public static byte[] encodeUtf8(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw surrogates(s, i);
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CodecException surrogates(String s, int at) {
        int start = s.codePointCount(0, at);
        int end = at;
        // The run of code points that are surrogates (a valid pair is one non-surrogate code point).
        while (end < s.length() && Character.isSurrogate(s.charAt(end))
                && !(Character.isHighSurrogate(s.charAt(end)) && end + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(end + 1)))) {
            end++;
        }
        int count = end - at;
        String message = count == 1
                ? String.format("'utf-8' codec can't encode character '\\u%04x' in position %d: surrogates not allowed",
                        (int) s.charAt(at), start)
                : String.format("'utf-8' codec can't encode characters in position %d-%d: surrogates not allowed",
                        start, start + count - 1);
        return new CodecException("utf-8", message);
    }

    /** Strict UTF-8 decoding, as Python's {@code bytes.decode()}; malformed input raises a CodecException naming the position. */
    public static String decodeUtf8(byte[] b) {
        boolean ascii = true;
        for (byte x : b) {
            if (x < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            int pos = firstInvalidUtf8(b);
            String where = pos >= 0 ? String.format(" byte 0x%02x in position %d", b[pos] & 0xff, pos) : "";
            throw new CodecException("utf-8", "'utf-8' codec can't decode" + where + ": invalid UTF-8", e);
        }
    }

    private static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xe ? 2 : (c >> 3) == 0x1e ? 3 : -1;
            if (n < 0 || i + n >= b.length) {
                return i;
            }
            for (int k = 1; k <= n; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }
}
