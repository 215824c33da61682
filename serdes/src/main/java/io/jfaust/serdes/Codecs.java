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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * except by {@link #register}. A provider that cannot be loaded or used is skipped, logged once per JVM and listed
 * by {@link #providerFailures()}; it never stops a registry from being made.
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

    /**
     * Made on first use, so that providers are found then; not in a class initializer, so that a failure (two
     * providers claiming one name) is thrown to that caller and the next call tries again.
     */
    private static volatile @Nullable Codecs global;
    private static final Object GLOBAL_LOCK = new Object();

    private final JsonFlavor jsonFlavor;
    private final @Nullable Codecs bridge;
    private final Map<String, Codec> builtIns;
    private final Map<String, Codec> discovered;
    private final List<String> providerFailures;
    private final Map<String, Codec> added = new ConcurrentHashMap<>();
    private final Map<String, Codec> chains = new ConcurrentHashMap<>();
    private volatile int generation = -1;
    private volatile @Nullable Function<String, ? extends RuntimeException> sealedBy;
    /** Once sealed, the process-wide codecs as they were then: a later {@link #register} does not reach this one. */
    private volatile @Nullable Map<String, Codec> bridgeAtSeal;

    private Codecs(JsonFlavor jsonFlavor, @Nullable Codecs bridge, @Nullable ClassLoader loader,
                   CodecDiscovery discovery) {
        this.jsonFlavor = jsonFlavor;
        this.bridge = bridge;
        this.builtIns = Map.of("json", new JsonCodec(jsonFlavor), "raw", new RawCodec(), "binary", new BinaryCodec(),
                "yaml", new YamlCodec(), "pickle", new PickleCodec("pickle"),
                "pickle_restricted", new PickleCodec("pickle_restricted"));
        CodecDiscovery.Found found = discovery.discover(loader);
        this.discovered = found.codecs();
        this.providerFailures = found.failures().stream().map(CodecDiscovery.Failure::message).toList();
    }

    /**
     * The process-wide registry: faust-streaming JSON, providers' codecs (found by the context class loader of the
     * first caller) and codecs {@link #register}ed.
     *
     * @throws IllegalStateException when two providers claim one name, or a provider's name is not a valid name
     *     (the next call looks again)
     */
    public static Codecs global() {
        Codecs g = global;
        if (g == null) {
            synchronized (GLOBAL_LOCK) {
                g = global;
                if (g == null) {
                    g = new Codecs(JsonFlavor.FAUST_STREAMING, null, contextLoader(), CodecDiscovery.jvm());
                    global = g;
                }
            }
        }
        return g;
    }

    /**
     * A new registry for one app: built-ins with {@code json} in {@code flavor}, the codecs of the
     * {@link CodecProvider}s the context class loader finds, and, for names it does not hold itself, the codecs
     * {@link #register}ed process-wide. A provider that cannot be loaded or used is skipped: see
     * {@link #providerFailures()}.
     *
     * @throws IllegalStateException when two providers claim one name, or a provider's name is not a valid name
     */
    public static Codecs newRegistry(JsonFlavor flavor) {
        return newRegistry(flavor, contextLoader(), CodecDiscovery.jvm());
    }

    /** A registry whose providers are those {@code loader} finds, failures going to {@code discovery} (tests). */
    static Codecs newRegistry(JsonFlavor flavor, @Nullable ClassLoader loader, CodecDiscovery discovery) {
        return new Codecs(Objects.requireNonNull(flavor, "flavor"), global(), loader, discovery);
    }

    private static @Nullable ClassLoader contextLoader() {
        return Thread.currentThread().getContextClassLoader();
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

    /**
     * Adds {@code codec} under {@code name} to this registry, replacing any earlier one; no {@code |} in names.
     *
     * @throws RuntimeException what the {@linkplain #seal seal} says, when the registry is sealed
     */
    public Codecs add(String name, Codec codec) {
        Objects.requireNonNull(codec, "codec");
        checkName(name, "codec name");
        Function<String, ? extends RuntimeException> sealed = sealedBy;
        if (sealed != null) {
            throw sealed.apply("cannot add codec " + name);
        }
        added.put(name, codec);
        GENERATION.incrementAndGet();
        return this;
    }

    /**
     * Seals this registry: {@link #add} then throws what {@code refusal} makes of the attempt (e.g. "cannot add codec
     * rot13"), and the process-wide codecs it sees are those of that moment ({@link #register} later does not
     * reach it). An app seals its registry when it is compiled, so that what it was checked with is what it runs with.
     */
    public Codecs seal(Function<String, ? extends RuntimeException> refusal) {
        sealedBy = Objects.requireNonNull(refusal, "refusal");
        bridgeAtSeal = bridge == null ? Map.of() : Map.copyOf(bridge.added);
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
        List<String> names = new ArrayList<>();
        for (String name : spec.split("\\|", -1)) {
            // Faust: `codecs.get('', '')` is '' (falsy), so the chain starts at the next name; later, codecs[''].
            if (!name.isEmpty() || !codecs.isEmpty()) {
                codecs.add(single(name, spec));
                names.add(name);
            }
        }
        if (codecs.isEmpty()) {
            throw new UnknownCodecException("", spec, names());
        }
        return CodecChain.of(codecs, names, spec);
    }

    private Codec single(String name, String spec) {
        Codec c = added.get(name);
        if (c == null) {
            c = bridged().get(name);
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

    /** The process-wide codecs this registry sees: live, or as they were when it was sealed. */
    private Map<String, Codec> bridged() {
        Map<String, Codec> atSeal = bridgeAtSeal;
        if (atSeal != null) {
            return atSeal;
        }
        return bridge == null ? Map.of() : bridge.added;
    }

    /** Every name this registry resolves, sorted. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(builtIns.keySet());
        all.addAll(discovered.keySet());
        all.addAll(bridged().keySet());
        all.addAll(added.keySet());
        return all;
    }

    /**
     * The {@link CodecProvider}s this registry skipped, one message each naming the provider's class, where it came
     * from (the {@code META-INF/services} file listing it, the jar or directory holding it) and why; empty when
     * every provider loaded. A provider is skipped when its class is missing or cannot be linked, is not a
     * {@code CodecProvider}, or its constructor, {@code name()} or {@code codec()} throws; the other providers and
     * the built-ins still work. Each such failure is also logged once per JVM ({@code System.Logger}
     * {@code io.jfaust.serdes.Codecs}, {@code WARNING}, with the error).
     *
     * <pre>{@code
     * Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
     * if (!app.providerFailures().isEmpty()) {
     *     throw new IllegalStateException("broken codec providers: " + app.providerFailures());
     * }
     * }</pre>
     */
    public List<String> providerFailures() {
        return providerFailures;
    }

    @Override
    public String toString() {
        return "Codecs(json=" + jsonFlavor + ", " + names() + ")";
    }

    static void checkName(@Nullable String name, String what) {
        if (name == null || name.isBlank() || name.contains("|")) {
            throw new IllegalArgumentException(what + " must be a non-empty word without '|': " + name);
        }
    }
}
