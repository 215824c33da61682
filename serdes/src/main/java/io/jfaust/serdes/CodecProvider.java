package io.jfaust.serdes;

/**
 * A codec that registries find with {@link java.util.ServiceLoader}: the Java form of Faust's {@code faust.codecs}
 * entry points. Every registry made by {@link Codecs#newRegistry(JsonFlavor)} (and {@link Codecs#global()}) asks
 * each provider once for its codec; the name is then usable in serializers ({@code "json|rot13"}).
 *
 * <p>Declare the implementation in {@code module-info.java} ({@code provides io.jfaust.serdes.CodecProvider with
 * ...}) or, on the class path, in {@code META-INF/services/io.jfaust.serdes.CodecProvider}. A provider may reuse a
 * built-in name (Faust's entry points may too); two providers may not claim one name. A provider whose class is
 * missing or cannot be linked, or whose constructor, {@link #name()} or {@link #codec()} throws, is skipped: the
 * registry still holds the other providers' codecs and the built-ins, logs the failure once per JVM (naming the
 * class and the jar or services file it came from) and lists it in {@link Codecs#providerFailures()}.
 *
 * <pre>{@code
 * public final class Rot13Provider implements CodecProvider {
 *     public String name() { return "rot13"; }
 *     public Codec codec() { return new Rot13Codec(); }
 * }
 * }</pre>
 */
public interface CodecProvider {
    /** The name the codec is known by: a non-empty word without {@code |}. */
    String name();

    /** A codec for one registry (called once per registry; it must not look codecs up itself). */
    Codec codec();
}
