package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.CodecException;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code binary} codec: standard padded base64. Decoding follows Python's non-validating
 * {@code base64.b64decode}: characters outside the alphabet are skipped, and the same padding errors are raised.
 *
 * <pre>{@code
 * Codec b64 = Codecs.get("binary");
 * b64.dumps("hello");                 // aGVsbG8=
 * b64.loads("AP9oZWxsbw".getBytes()); // CodecException: Incorrect padding
 * }</pre>
 */
public final class BinaryCodec implements Codec {
    private static final byte[] TABLE = new byte[256];

    static {
        Arrays.fill(TABLE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            TABLE[alphabet.charAt(i)] = (byte) i;
        }
    }

    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        Object bytes = PyTypes.wantBytes(value);
        if (!(bytes instanceof byte[] b)) {
            throw new CodecException("binary", "a bytes-like object is required, not '" + PyTypes.typeName(value)
                    + "' (the binary codec encodes bytes or str; put json before it: \"json|binary\")");
        }
        return Base64.getEncoder().encode(b);
    }

    @Override
    public @Nullable Object loads(@Nullable Object data) {
        byte[] in;
        if (data instanceof byte[] b) {
            in = b;
        } else if (data instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 0x7f) {
                    throw new CodecException("binary", "string argument should contain only ASCII characters");
                }
            }
            in = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } else {
            throw new CodecException("binary", "argument should be a bytes-like object or ASCII string, not '"
                    + PyTypes.typeName(data) + "'");
        }
        return decode(in);
    }

    /**
     * CPython's {@code binascii.a2b_base64} in non-strict mode. Well-formed padded input (the usual case) goes
     * through the JDK's decoder, which gives the same bytes; anything else takes the lenient path.
     */
    static byte[] decode(byte[] in) {
        if (in.length % 4 == 0) {
            try {
                return Base64.getDecoder().decode(in);
            } catch (IllegalArgumentException notStrict) {
                // Python skips what the JDK rejects: fall through.
            }
        }
        return lenient(in);
    }

    private static byte[] lenient(byte[] in) {
        byte[] out = new byte[in.length / 4 * 3 + 3];
        int n = 0;
        int quadPos = 0;
        int leftChar = 0;
        int pads = 0;
        for (byte raw : in) {
            int ch = raw & 0xff;
            if (ch == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return Arrays.copyOf(out, n);
                }
                continue;
            }
            int v = TABLE[ch];
            if (v < 0) {
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    leftChar = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out[n++] = (byte) ((leftChar << 2) | (v >> 4));
                    leftChar = v & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out[n++] = (byte) ((leftChar << 4) | (v >> 2));
                    leftChar = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out[n++] = (byte) ((leftChar << 6) | v);
                    leftChar = 0;
                }
            }
        }
        if (quadPos == 1) {
            throw new CodecException("binary", "Invalid base64-encoded string: number of data characters ("
                    + (n / 3 * 4 + 1) + ") cannot be 1 more than a multiple of 4");
        } else if (quadPos != 0) {
            throw new CodecException("binary", "Incorrect padding");
        }
        return Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return "binary";
    }
}
