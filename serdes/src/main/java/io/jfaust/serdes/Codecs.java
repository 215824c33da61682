package io.jfaust.serdes;

import io.jfaust.serdes.internal.BinaryCodec;
import io.jfaust.serdes.internal.JsonCodec;
import io.jfaust.serdes.internal.PickleCodec;
import io.jfaust.serdes.internal.RawCodec;
import io.jfaust.serdes.internal.YamlCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A registry of codecs by name, as {@code faust.serializers.codecs}: the built-ins {@code raw}, {@code json},
 * {@code binary} and {@code yaml} ({@code pickle} refused with a reason), the codecs {@link CodecProvider}s declare
 * (found with {@link java.util.ServiceLoader}, Faust's {@code faust.codecs} entry points), and codecs added by name.
 *
 * <p>An app owns one, made by {@link #newRegistry(JsonFlavor)}: its {@code json} writes the app's flavour. A name
 * resolves, first match wins, to: a codec {@link #add added} to this registry; a codec registered process-wide with
 * {@link #register} (Faust's {@code codecs.register}, kept as a bridge for code ported from Faust); a provider's
 * codec; a built-in. {@link #global()} is that process-wide registry (faust-streaming JSON); nothing is put into it
 * except by {@link #register}.
 *
 * <p>A serializer names one codec or a chain, {@code "json|binary"} (dumps left to right, loads right to left). As
 * in Faust's {@code get_codec}, names are taken exactly as written, empty names at the start of a chain are
 * skipped ({@code "|json"} is {@code "json"}) and an empty name anywhere else is unknown ({@code "json|"},
 * {@code "json||binary"}).
 *
 * <pre>{@code
 * Codecs app = Codecs.newRegistry(JsonFlavor.ROBINHOOD).add("rot13", new Rot13Codec());
 * Codec c = app.codec("json|rot13");
 * Codecs.register("x", new XCodec());   // every registry sees "x" unless it has its own
 * }</pre>
 */
public final class Codecs {
    /** Bumped by every registration, so registries that see the global additions drop stale chains. */
    private static final AtomicInteger GENERATION = new AtomicInteger();

    /** Created on first use, so that providers are found then. */
    private static final class Global {
        static final Codecs INSTANCE = new Codecs(JsonFlavor.FAUST_STREAMING, null);
    }

    private final JsonFlavor jsonFlavor;
    private final @Nullable Codecs bridge;
    private final Map<String, Codec> builtIns;
    private final Map<String, Codec> discovered;
    private final Map<String, Codec> added = new ConcurrentHashMap<>();
    private final Map<String, Codec> chains = new ConcurrentHashMap<>();
    private volatile int generation = -1;

    private Codecs(JsonFlavor jsonFlavor, @Nullable Codecs bridge) {
        this.jsonFlavor = jsonFlavor;
        this.bridge = bridge;
        this.builtIns = Map.of("json", new JsonCodec(jsonFlavor), "raw", new RawCodec(), "binary", new BinaryCodec(),
                "yaml", new YamlCodec(), "pickle", new PickleCodec("pickle"),
                "pickle_restricted", new PickleCodec("pickle_restricted"));
        this.discovered = discover();
    }

    /** The process-wide registry: faust-streaming JSON, providers' codecs and codecs {@link #register}ed. */
    public static Codecs global() {
        return Global.INSTANCE;
    }

    /**
     * A new registry for one app: built-ins with {@code json} in {@code flavor}, the codecs of the
     * {@link CodecProvider}s the context class loader finds, and, for names it does not hold itself, the codecs
     * {@link #register}ed process-wide.
     *
     * @throws IllegalStateException when two providers claim one name, or a provider's name is not a valid name
     */
    public static Codecs newRegistry(JsonFlavor flavor) {
        return new Codecs(Objects.requireNonNull(flavor, "flavor"), global());
    }

    /** The codec (or chain, {@code "json|binary"}) named {@code spec} in the global registry. */
    public static Codec get(String spec) {
        return global().codec(spec);
    }

    /**
     * Registers {@code codec} under {@code name} process-wide (Faust's {@code codecs.register}), replacing any
     * earlier one; every registry resolves it unless it holds that name itself ({@link #add}, the built-ins).
     */
    public static void register(String name, Codec codec) {
        global().add(name, codec);
    }

    /** The JSON flavour this registry's {@code json} codec writes. */
    public JsonFlavor jsonFlavor() {
        return jsonFlavor;
    }

    /** Adds {@code codec} under {@code name} to this registry, replacing any earlier one; no {@code |} in names. */
    public Codecs add(String name, Codec codec) {
        Objects.requireNonNull(codec, "codec");
        checkName(name, "codec name");
        added.put(name, codec);
        GENERATION.incrementAndGet();
        return this;
    }

    /**
     * The codec for {@code spec}: one name or names joined by {@code |}, resolved as Faust's {@code get_codec}.
     *
     * @throws UnknownCodecException for a name no codec is registered under (an empty one included), listing the
     *     known ones
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
        Codec codec = resolve(spec);
        chains.put(spec, codec);
        return codec;
    }

    private Codec resolve(String spec) {
        if (spec.indexOf('|') < 0) {
            return single(spec, spec);
        }
        List<Codec> codecs = new ArrayList<>();
        for (String name : spec.split("\\|", -1)) {
            // Faust: `codecs.get('', '')` is '' (falsy), so the chain starts at the next name; later, codecs[''].
            if (!name.isEmpty() || !codecs.isEmpty()) {
                codecs.add(single(name, spec));
            }
        }
        if (codecs.isEmpty()) {
            throw new UnknownCodecException("", spec, names());
        }
        return CodecChain.of(codecs, spec);
    }

    private Codec single(String name, String spec) {
        Codec c = added.get(name);
        if (c == null && bridge != null) {
            c = bridge.added.get(name);
        }
        if (c == null) {
            c = discovered.get(name);
        }
        if (c == null) {
            c = builtIns.get(name);
        }
        if (c == null) {
            throw new UnknownCodecException(name, spec, names());
        }
        return c;
    }

    /** Every name this registry resolves, sorted. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(builtIns.keySet());
        all.addAll(discovered.keySet());
        if (bridge != null) {
            all.addAll(bridge.added.keySet());
        }
        all.addAll(added.keySet());
        return all;
    }

    @Override
    public String toString() {
        return "Codecs(json=" + jsonFlavor + ", " + names() + ")";
    }

    private static Map<String, Codec> discover() {
        return fromProviders(ServiceLoader.load(CodecProvider.class));
    }

    /** The codecs of {@code providers} by name; two providers claiming one name, or a bad name, are errors. */
    static Map<String, Codec> fromProviders(Iterable<? extends CodecProvider> providers) {
        Map<String, Codec> found = new LinkedHashMap<>();
        Map<String, String> claimedBy = new LinkedHashMap<>();
        for (CodecProvider p : providers) {
            String name = p.name();
            String who = p.getClass().getName();
            try {
                checkName(name, "codec provider " + who + ": name");
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            String earlier = claimedBy.putIfAbsent(name, who);
            if (earlier != null) {
                throw new IllegalStateException("two codec providers claim the codec name '" + name + "': " + earlier
                        + " and " + who + "; remove one of them from the class or module path");
            }
            found.put(name, Objects.requireNonNull(p.codec(), () -> who + ".codec() returned null"));
        }
        return Map.copyOf(found);
    }

    private static void checkName(@Nullable String name, String what) {
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException(what + " must be a non-empty word without '|': " + name);
        }
    }
}
