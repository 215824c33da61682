package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, defect 2: whatever a codec throws while decoding (a custom codec's {@code NumberFormatException}, a
 * {@link StackOverflowError}, even a checked exception thrown sneakily) reaches a chain's caller as a
 * {@link CodecException} naming the codec and a {@link Serializers} caller as the key or value decode error, so that
 * the error policy decides; a fatal VM error ({@link OutOfMemoryError}) is never caught.
 */
class DecodeFailuresTest {
    private static final byte[] DATA = "payload".getBytes(StandardCharsets.UTF_8);

    /** A codec whose {@code loads} throws what {@code failure} makes. */
    private record Throwing(Supplier<Throwable> failure) implements Codec {
        @Override
        public @Nullable Object dumps(@Nullable Object value) {
            return value;
        }

        @Override
        public @Nullable Object loads(@Nullable Object data) {
            throw DecodeFailuresTest.<RuntimeException>sneaky(failure.get());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    private static Serializers serializers(Supplier<Throwable> failure) {
        return Serializers.of("raw", "json", Codecs.newRegistry(JsonFlavor.FAUST_STREAMING)
                .add("bad", new Throwing(failure)), RecordRegistry.create());
    }

    @Test
    void aCustomCodecsRuntimeExceptionIsADecodeErrorNamingTheCodec() {
        Serializers s = serializers(() -> new NumberFormatException("For input string: \"x\""));
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "bad", "orders"))
                .isInstanceOf(ValueDecodeException.class).hasCauseInstanceOf(CodecException.class)
                .hasMessage("ValueDecodeError: bad: NumberFormatException: For input string: \"x\" (topic orders)");
        assertThatThrownBy(() -> s.loadsKey(DataType.any(), DATA, "bad", "orders"))
                .isInstanceOf(KeyDecodeException.class)
                .hasMessage("KeyDecodeError: bad: NumberFormatException: For input string: \"x\" (topic orders)");
        assertThatThrownBy(() -> s.codecs().codec("json|bad").loads(DATA)).isInstanceOf(CodecException.class)
                .hasMessage("bad: NumberFormatException: For input string: \"x\"")
                .satisfies(e -> assertThat(((CodecException) e).codec()).isEqualTo("bad"));
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "json|bad", "orders"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessage("ValueDecodeError: bad: NumberFormatException: For input string: \"x\" (topic orders)");
    }

    @Test
    void aStackOverflowWhileDecodingIsADecodeError() {
        Serializers s = serializers(StackOverflowError::new);
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "bad", "orders"))
                .isInstanceOf(ValueDecodeException.class).hasRootCauseInstanceOf(StackOverflowError.class)
                .hasMessageContaining("bad: the value is nested too deeply or refers to itself");
        assertThatThrownBy(() -> s.loadsKey(DataType.any(), DATA, "json|bad", "orders"))
                .isInstanceOf(KeyDecodeException.class).hasMessageContaining("bad: the value is nested too deeply");
    }

    @Test
    void aCheckedExceptionThrownSneakilyIsADecodeError() {
        Serializers s = serializers(() -> new java.io.IOException("disk on fire"));
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "bad", "orders"))
                .isInstanceOf(ValueDecodeException.class).hasMessageContaining("bad: IOException: disk on fire");
    }

    @Test
    void aFatalVmErrorIsNeverCaught() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Serializers s = serializers(() -> oom);
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "bad", "orders")).isSameAs(oom);
        assertThatThrownBy(() -> s.loadsKey(DataType.any(), DATA, "bad", "orders")).isSameAs(oom);
        assertThatThrownBy(() -> s.codecs().codec("json|bad").loads(DATA)).isSameAs(oom);
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "json|bad", "orders")).isSameAs(oom);
        InternalError internal = new InternalError("jvm bug");
        assertThatThrownBy(() -> serializers(() -> internal).loadsValue(DataType.any(), DATA, "bad", "t"))
                .isSameAs(internal);
    }

    /** jfaust's own errors keep their message: the codec's name is already in it. */
    @Test
    void aCodecExceptionKeepsItsMessage() {
        Serializers s = serializers(() -> new CodecException("bad", "not base-13"));
        assertThatThrownBy(() -> s.loadsValue(DataType.any(), DATA, "json|bad", "orders"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessage("ValueDecodeError: bad: not base-13 (topic orders)");
    }
}
