package io.jfaust.serdes;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A sequence of codecs: dumps left to right, loads right to left (Faust's {@code "a|b|c"}). */
final class CodecChain implements Codec {
    private final Codec[] codecs;
    private final String name;

    private CodecChain(List<Codec> codecs, String name) {
        this.codecs = codecs.toArray(new Codec[0]);
        this.name = name;
    }

    static Codec of(Codec first, Codec next) {
        List<Codec> all = new ArrayList<>();
        addFlat(all, first);
        addFlat(all, next);
        return new CodecChain(all, first + "|" + next);
    }

    static Codec of(List<Codec> codecs, String name) {
        return codecs.size() == 1 ? codecs.get(0) : new CodecChain(codecs, name);
    }

    private static void addFlat(List<Codec> out, Codec c) {
        if (c instanceof CodecChain chain) {
            out.addAll(List.of(chain.codecs));
        } else {
            out.add(c);
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
        Object v = data;
        for (int i = codecs.length - 1; i >= 0; i--) {
            v = codecs[i].loads(v);
        }
        return v;
    }

    /** The first codec (the last to run when loading). */
    Codec first() {
        return codecs[0];
    }

    /** Loads through every codec but the first (right to left). */
    @Nullable Object loadsAllButFirst(@Nullable Object data) {
        Object v = data;
        for (int i = codecs.length - 1; i >= 1; i--) {
            v = codecs[i].loads(v);
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
