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
        this(name, name, known);
    }

    /** No codec is registered under {@code name}, found in the serializer {@code spec}. */
    UnknownCodecException(String name, String spec, Iterable<String> known) {
        super(name, message(name, spec) + " (known codecs: " + String.join(", ", known)
                + "; add one to the app's registry with Codecs.add, register it with Codecs.register(name, codec), "
                + "or declare a CodecProvider)");
    }

    private static String message(String name, String spec) {
        if (name.isEmpty()) {
            return "empty codec name in '" + spec + "' (as in Faust, only empty names at the start of a chain are "
                    + "skipped: '|json' is 'json', but 'json|' and 'json||binary' are errors)";
        }
        return "unknown codec '" + name + "'" + (spec.equals(name) ? "" : " in '" + spec + "'");
    }
}
