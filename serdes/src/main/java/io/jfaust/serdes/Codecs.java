package io.jfaust.serdes;

import io.jfaust.serdes.internal.BinaryCodec;
import io.jfaust.serdes.internal.JsonCodec;
import io.jfaust.serdes.internal.PickleCodec;
import io.jfaust.serdes.internal.RawCodec;
import io.jfaust.serdes.internal.YamlCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of codecs by name, as {@code faust.serializers.codecs}: the built-ins {@code raw}, {@code json},
 * {@code binary} and {@code yaml}, {@code pickle} refused with a reason, and any custom codec registered by name.
 *
 * <p>{@link #global()} is the process-wide registry; an app makes its own with {@link #newRegistry(JsonFlavor)} so
 * that {@code json} writes the app's flavour everywhere, while codecs registered globally stay visible to it.
 *
 * <pre>{@code
 * Codecs.register("rot13", new Rot13Codec());
 * Codec c = Codecs.get("json|rot13");
 * Codecs app = Codecs.newRegistry(JsonFlavor.ROBINHOOD);
 * }</pre>
 */
public final class Codecs {
    /** Bumped by every registration, so registries that resolve through the global one drop stale chains. */
    private static final java.util.concurrent.atomic.AtomicInteger GENERATION =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final Codecs GLOBAL = new Codecs(null, JsonFlavor.FAUST_STREAMING);

    private final Codecs parent;
    private final JsonFlavor jsonFlavor;
    private final Map<String, Codec> byName = new ConcurrentHashMap<>();
    private final Map<String, Codec> chains = new ConcurrentHashMap<>();
    private volatile int generation = -1;

    private Codecs(Codecs parent, JsonFlavor jsonFlavor) {
        this.parent = parent;
        this.jsonFlavor = jsonFlavor;
        if (parent == null || parent.jsonFlavor != jsonFlavor) {
            byName.put("json", new JsonCodec(jsonFlavor));
        }
        if (parent == null) {
            byName.put("raw", new RawCodec());
            byName.put("binary", new BinaryCodec());
            byName.put("yaml", new YamlCodec());
            byName.put("pickle", new PickleCodec("pickle"));
            byName.put("pickle_restricted", new PickleCodec("pickle_restricted"));
        }
    }

    /** The process-wide registry (faust-streaming JSON flavour). */
    public static Codecs global() {
        return GLOBAL;
    }

    /** A registry for one app: {@code json} writes {@code flavor}; every other name falls back to {@link #global()}. */
    public static Codecs newRegistry(JsonFlavor flavor) {
        return new Codecs(GLOBAL, Objects.requireNonNull(flavor, "flavor"));
    }

    /** The codec (or chain, {@code "json|binary"}) named {@code spec} in the global registry. */
    public static Codec get(String spec) {
        return GLOBAL.codec(spec);
    }

    /** Registers {@code codec} under {@code name} in the global registry, replacing any earlier one. */
    public static void register(String name, Codec codec) {
        GLOBAL.add(name, codec);
    }

    /** The JSON flavour this registry's {@code json} codec writes. */
    public JsonFlavor jsonFlavor() {
        return jsonFlavor;
    }

    /** Registers {@code codec} under {@code name} in this registry; names may not contain {@code |}. */
    public Codecs add(String name, Codec codec) {
        Objects.requireNonNull(codec, "codec");
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException("codec name must be a non-empty word without '|': " + name);
        }
        byName.put(name, codec);
        GENERATION.incrementAndGet();
        return this;
    }

    /**
     * The codec for {@code spec}: one name or names joined by {@code |}. An unknown name raises
     * {@link UnknownCodecException} listing the known ones.
     */
    public Codec codec(String spec) {
        Objects.requireNonNull(spec, "codec name");
        int now = GENERATION.get();
        if (now != generation) {
            chains.clear();
            generation = now;
        }
        Codec cached = chains.get(spec);
        if (cached != null) {
            return cached;
        }
        String[] parts = spec.split("\\|", -1);
        List<Codec> codecs = new ArrayList<>(parts.length);
        for (String part : parts) {
            codecs.add(single(part.trim()));
        }
        Codec codec = CodecChain.of(codecs, spec);
        chains.put(spec, codec);
        return codec;
    }

    private Codec single(String name) {
        for (Codecs r = this; r != null; r = r.parent) {
            Codec c = r.byName.get(name);
            if (c != null) {
                return c;
            }
        }
        throw new UnknownCodecException(name, names());
    }

    /** Every name this registry resolves, sorted. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>();
        for (Codecs r = this; r != null; r = r.parent) {
            all.addAll(r.byName.keySet());
        }
        return all;
    }
}
