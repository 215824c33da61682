package io.jfaust.serdes;

import io.jfaust.serdes.internal.DecodeFailures;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sequence of codecs: dumps left to right, loads right to left (Faust's {@code "a|b|c"}). A step that fails to
 * load with anything but one of jfaust's errors (a custom codec's {@code NumberFormatException}, a stack overflow)
 * fails the chain with a {@link CodecException} naming that step.
 */
final class CodecChain implements Codec {
    private final Codec[] codecs;
    private final String[] names;
    private final String name;

    private CodecChain(List<Codec> codecs, List<String> names, String name) {
        this.codecs = codecs.toArray(new Codec[0]);
        this.names = names.toArray(new String[0]);
        this.name = name;
    }

    static Codec of(Codec first, Codec next) {
        List<Codec> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        addFlat(all, names, first);
        addFlat(all, names, next);
        return new CodecChain(all, names, first + "|" + next);
    }

    /** The chain of {@code codecs}, registered under {@code names}, written {@code spec}. */
    static Codec of(List<Codec> codecs, List<String> names, String spec) {
        return codecs.size() == 1 ? codecs.get(0) : new CodecChain(codecs, names, spec);
    }

    private static void addFlat(List<Codec> out, List<String> names, Codec c) {
        if (c instanceof CodecChain chain) {
            out.addAll(List.of(chain.codecs));
            names.addAll(List.of(chain.names));
        } else {
            out.add(c);
            names.add(String.valueOf(c));
        }
    }

    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        Object v = value;
        for (Codec c : codecs) {
            v = c.dumps(v);
        }
        return v;
    }

    @Override
    public @Nullable Object loads(@Nullable Object data) {
        return loadsDownTo(0, data);
    }

    /** The first codec (the last to run when loading). */
    Codec first() {
        return codecs[0];
    }

    /** Loads through every codec but the first (right to left). */
    @Nullable Object loadsAllButFirst(@Nullable Object data) {
        return loadsDownTo(1, data);
    }

    private @Nullable Object loadsDownTo(int last, @Nullable Object data) {
        Object v = data;
        for (int i = codecs.length - 1; i >= last; i--) {
            try {
                v = codecs[i].loads(v);
            } catch (Throwable t) {
                throw DecodeFailures.asCodecException(names[i], t);
            }
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
