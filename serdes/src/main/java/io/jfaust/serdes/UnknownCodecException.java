package io.jfaust.serdes;

/**
 * A serializer name that no codec is registered under (Faust raises {@code KeyError} for it).
 *
 * <pre>{@code
 * try { Codecs.get("json|msgpack"); }
 * catch (UnknownCodecException e) { e.codec(); } // "msgpack"
 * }</pre>
 */
public class UnknownCodecException extends CodecException {
    /** No codec is registered under {@code name}; {@code known} lists the names that are. */
    public UnknownCodecException(String name, Iterable<String> known) {
        super(name, "unknown codec '" + name + "' (known codecs: " + String.join(", ", known)
                + "; register a custom one with Codecs.register(name, codec))");
    }
}
