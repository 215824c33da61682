package io.jfaust.serdes.internal;

import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.FaustException;

/**
 * What decoding does with a failure that is not already one of jfaust's errors: bad input may make a parser or a
 * custom codec throw anything (a {@link NumberFormatException}, an {@link IllegalArgumentException}, a
 * {@link StackOverflowError} on deep or self-referencing input), and all of it is reported as the documented decode
 * error so that the app's error policy decides what happens to the record. A {@link VirtualMachineError} other than
 * a stack overflow ({@link OutOfMemoryError}, {@link InternalError}) is never caught: it propagates.
 *
 * <pre>{@code
 * try { return codec.loads(data); }
 * catch (Throwable t) { throw DecodeFailures.asCodecException("rot13", t); }
 * }</pre>
 */
public final class DecodeFailures {
    private DecodeFailures() {}

    /**
     * {@code t} when decoding may report it as bad input; throws {@code t} itself when it is a fatal VM error
     * (any {@link VirtualMachineError} but {@link StackOverflowError}).
     */
    public static Throwable recoverable(Throwable t) {
        if (t instanceof VirtualMachineError fatal && !(t instanceof StackOverflowError)) {
            throw fatal;
        }
        return t;
    }

    /** What went wrong, for a message: {@code "NumberFormatException: For input string: \"x\""}. */
    public static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "the value is nested too deeply or refers to itself (StackOverflowError while decoding)";
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * {@code t} as the failure of the codec named {@code codec}: one of jfaust's own errors as it is (it already
     * says what was wrong), anything else as a {@link CodecException} naming the codec and the error.
     *
     * @throws VirtualMachineError {@code t} itself, when it is a fatal VM error
     */
    public static FaustException asCodecException(String codec, Throwable t) {
        if (recoverable(t) instanceof FaustException fe) {
            return fe;
        }
        return new CodecException(codec, describe(t), t);
    }
}
