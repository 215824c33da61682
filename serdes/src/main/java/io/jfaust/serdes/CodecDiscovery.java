package io.jfaust.serdes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link CodecProvider}s a class loader sees, one provider at a time: a provider that cannot be loaded
 * (its class missing or not linkable, not a {@code CodecProvider}), built (its constructor or static initializer
 * throws) or asked for its name or codec is skipped and becomes a {@link Failure} naming its class and where it came
 * from; the others still load. Each instance hands each distinct failure to its reporter once; {@link #jvm()}, the
 * one {@link Codecs} uses, logs it to {@code System.Logger} {@value #LOGGER} at {@code WARNING}, so once per JVM.
 *
 * <p>Nothing here runs in a static initializer that can fail: {@link #jvm()} holds only an empty set and the
 * logger is looked up when a failure is reported.
 */
final class CodecDiscovery {
    static final String SERVICE_FILE = "META-INF/services/" + CodecProvider.class.getName();
    static final String LOGGER = "io.jfaust.serdes.Codecs";
    /** A ServiceLoader that keeps failing at one place would never end; a class path has far fewer providers. */
    private static final int MAX_ERRORS = 1000;
    private static final String UNKNOWN = "(unknown)";

    private static final CodecDiscovery JVM = new CodecDiscovery(CodecDiscovery::log);

    private final Consumer<? super Failure> reporter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** A discovery that hands each distinct failure to {@code reporter} once (tests give their own). */
    CodecDiscovery(Consumer<? super Failure> reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
    }

    /** The process-wide discovery: each failure is logged once per JVM. */
    static CodecDiscovery jvm() {
        return JVM;
    }

    /**
     * A provider that was skipped: {@code provider} is its class name (or, when the JDK's error does not say, the
     * candidates or {@code "(unknown)"}), {@code sources} where it came from ({@code "listed in <services file URL>"},
     * {@code "loaded from <jar or directory>"}).
     */
    record Failure(String provider, List<String> sources, Throwable cause) {
        Failure {
            sources = List.copyOf(sources);
        }

        /** One line: the provider, where it came from, and why it was skipped (the causes included). */
        String message() {
            return "codec provider " + provider + " ("
                    + (sources.isEmpty() ? "source unknown" : String.join(", ", sources))
                    + ") could not be used and is skipped: " + describe(cause);
        }

        @Override
        public String toString() {
            return message();
        }
    }

    /** The codecs by name of the providers found, and the providers skipped (in the order met). */
    record Found(Map<String, Codec> codecs, List<Failure> failures) {}

    /**
     * The codecs of the providers {@code loader} sees ({@code null}: the system class loader), reporting failures
     * not reported before.
     *
     * @throws IllegalStateException when two providers claim one name, or a provider's name is not a valid name
     */
    Found discover(@Nullable ClassLoader loader) {
        List<Failure> failures = new ArrayList<>();
        Listing listing = new Listing(loader);
        try {
            List<CodecProvider> providers = load(loader, listing, failures);
            Map<String, Codec> codecs = codecs(providers, failures, type -> origin(type, listing.get()));
            return new Found(codecs, List.copyOf(failures));
        } finally {
            report(failures);
        }
    }

    private void report(List<Failure> failures) {
        for (Failure f : failures) {
            String key = f.provider() + " " + f.sources() + (f.provider().equals(UNKNOWN) ? " " + f.cause() : "");
            if (reported.add(key)) {
                try {
                    reporter.accept(f);
                } catch (RuntimeException e) {
                    // a broken logger must not stop the registry: the failure is still in providerFailures()
                }
            }
        }
    }

    private static void log(Failure f) {
        System.getLogger(LOGGER).log(System.Logger.Level.WARNING, f.message(), f.cause());
    }

    /**
     * The codecs of {@code providers} by name. A provider whose {@code name()} or {@code codec()} throws is added
     * to {@code failures} (with {@code origin} of its class) and skipped; two providers claiming one name, a bad
     * name or a null codec are errors.
     */
    static Map<String, Codec> codecs(Iterable<? extends CodecProvider> providers, List<Failure> failures,
                                     Function<Class<?>, List<String>> origin) {
        Map<String, Codec> found = new LinkedHashMap<>();
        Map<String, String> claimedBy = new LinkedHashMap<>();
        for (CodecProvider p : providers) {
            String who = p.getClass().getName();
            String name;
            Codec codec;
            try {
                name = p.name();
                codec = p.codec();
            } catch (RuntimeException | LinkageError e) {
                failures.add(new Failure(who, origin.apply(p.getClass()), e));
                continue;
            }
            try {
                Codecs.checkName(name, "codec provider " + who + ": name");
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            String earlier = claimedBy.putIfAbsent(name, who);
            if (earlier != null) {
                throw new IllegalStateException("two codec providers claim the codec name '" + name + "': " + earlier
                        + " and " + who + "; remove one of them from the class or module path");
            }
            found.put(name, Objects.requireNonNull(codec, () -> who + ".codec() returned null"));
        }
        return Map.copyOf(found);
    }

    /** An error met while loading: {@code type} is the provider's class when the loader got that far. */
    private record Met(@Nullable Class<?> type, Throwable error) {}

    /** The providers {@code loader} sees, built; each one that fails is added to {@code failures}. */
    private static List<CodecProvider> load(@Nullable ClassLoader loader, Listing listing, List<Failure> failures) {
        List<CodecProvider> providers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Met> met = new ArrayList<>();
        Spliterator<ServiceLoader.Provider<CodecProvider>> it =
                ServiceLoader.load(CodecProvider.class, loader).stream().spliterator();
        Consumer<ServiceLoader.Provider<CodecProvider>> build = p -> {
            Class<? extends CodecProvider> type = p.type();
            seen.add(type.getName());
            try {
                providers.add(p.get());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                met.add(new Met(type, e));   // its constructor or static initializer threw
            }
        };
        int errors = 0;
        boolean more = true;
        while (more) {
            try {
                more = it.tryAdvance(build);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // Finding the next provider failed (its class is missing, not linkable or not a CodecProvider, or a
                // services file is unreadable); the JDK's loader goes on with the next one.
                met.add(new Met(null, e));
                if (++errors == MAX_ERRORS) {
                    met.add(new Met(null, new ServiceConfigurationError(CodecProvider.class.getName()
                            + ": gave up looking for more providers after " + MAX_ERRORS + " errors", e)));
                    break;
                }
            }
        }
        if (!met.isEmpty()) {
            failures.addAll(place(met, seen, listing.get()));
        }
        return providers;
    }

    /**
     * A failure for each error met. The JDK's message names the class of a provider that is missing or not a
     * {@code CodecProvider} ("Provider a.B not found"); for a class that cannot be linked (a
     * {@code NoClassDefFoundError} naming a class it needs) it does not, and the provider is the one left over:
     * listed, yet neither seen nor named by another error.
     */
    private static List<Failure> place(List<Met> met, Set<String> seen, Map<String, List<String>> listed) {
        Set<String> accounted = new HashSet<>(seen);
        Set<String> brokenFiles = new HashSet<>();
        List<@Nullable String> named = new ArrayList<>();
        int anonymous = 0;
        for (Met m : met) {
            String name = m.type() != null ? m.type().getName() : namedIn(m.error(), listed.keySet());
            List<String> files = mentionedFiles(m.error(), listed);
            named.add(name);
            if (name != null) {
                accounted.add(name);
            } else if (files.isEmpty()) {
                anonymous++;
            }
            brokenFiles.addAll(files);
        }
        List<String> leftOver = new ArrayList<>();
        listed.forEach((name, files) -> {
            if (!accounted.contains(name) && !brokenFiles.containsAll(files)) {
                leftOver.add(name);
            }
        });
        List<Failure> failures = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < met.size(); i++) {
            Met m = met.get(i);
            String name = named.get(i);
            List<String> files = mentionedFiles(m.error(), listed);
            Set<String> sources = new LinkedHashSet<>();
            if (m.type() != null) {
                sources.addAll(origin(m.type(), listed));
            } else if (name != null) {
                listed.getOrDefault(name, List.of()).forEach(f -> sources.add("listed in " + f));
            } else if (!files.isEmpty()) {
                name = UNKNOWN;
                files.forEach(f -> sources.add("in " + f));
            } else if (leftOver.size() == anonymous && next < leftOver.size()) {
                name = leftOver.get(next++);   // the loader meets the listed classes in listing order
                listed.getOrDefault(name, List.of()).forEach(f -> sources.add("listed in " + f));
            } else if (!leftOver.isEmpty()) {
                name = "one of " + String.join(", ", leftOver);
                leftOver.forEach(n -> listed.getOrDefault(n, List.of()).forEach(f -> sources.add("listed in " + f)));
            } else {
                name = UNKNOWN;
            }
            failures.add(new Failure(name, new ArrayList<>(sources), m.error()));
        }
        return failures;
    }

    /** The listed class name the message has as a word or, failing that, the word after "Provider". */
    private static @Nullable String namedIn(Throwable e, Set<String> listedNames) {
        String[] words = String.valueOf(e.getMessage()).split("\\s+");
        for (String w : words) {
            if (listedNames.contains(w)) {
                return w;
            }
        }
        if (e instanceof ServiceConfigurationError) {
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals("Provider")) {
                    return words[i + 1];
                }
            }
        }
        return null;
    }

    /** The services files the message names (one the JDK could not parse). */
    private static List<String> mentionedFiles(Throwable e, Map<String, List<String>> listed) {
        String message = String.valueOf(e.getMessage());
        Set<String> files = new LinkedHashSet<>();
        listed.values().forEach(fs -> fs.stream().filter(message::contains).forEach(files::add));
        return new ArrayList<>(files);
    }

    /** Where a provider class came from: the services files listing it and the jar or directory holding it. */
    private static List<String> origin(Class<?> type, Map<String, List<String>> listed) {
        List<String> sources = new ArrayList<>();
        listed.getOrDefault(type.getName(), List.of()).forEach(f -> sources.add("listed in " + f));
        URL location = null;
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            location = cs == null ? null : cs.getLocation();
        } catch (RuntimeException e) {
            // no location to tell (a security manager may refuse it)
        }
        if (location != null) {
            sources.add("loaded from " + location);
        } else if (type.getModule().isNamed()) {
            sources.add("module " + type.getModule().getName());
        }
        return sources;
    }

    /**
     * The services files a class loader sees, read on first use: each provider class name listed, with the files
     * (URLs as text) listing it, in the order the JDK's loader reads them (files in resource order, names in file
     * order). Unreadable files are left out.
     */
    private static final class Listing {
        private final @Nullable ClassLoader loader;
        private @Nullable Map<String, List<String>> listed;

        Listing(@Nullable ClassLoader loader) {
            this.loader = loader;
        }

        Map<String, List<String>> get() {
            Map<String, List<String>> l = listed;
            if (l == null) {
                l = read(loader);
                listed = l;
            }
            return l;
        }
    }

    private static Map<String, List<String>> read(@Nullable ClassLoader loader) {
        Map<String, List<String>> listed = new LinkedHashMap<>();
        Enumeration<URL> files;
        try {
            files = loader == null ? ClassLoader.getSystemResources(SERVICE_FILE) : loader.getResources(SERVICE_FILE);
        } catch (IOException | RuntimeException e) {
            return listed;
        }
        for (URL u : Collections.list(files)) {
            String file = u.toString();
            try (InputStream in = u.openStream();
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    int hash = line.indexOf('#');
                    String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                    if (!name.isEmpty()) {
                        List<String> where = listed.computeIfAbsent(name, n -> new ArrayList<>());
                        if (!where.contains(file)) {
                            where.add(file);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // this file's names stay unknown; the loader reports the file itself
            }
        }
        return listed;
    }

    /** The error and its causes, one after another. */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        Set<Throwable> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        shown.add(e);
        for (Throwable c = e.getCause(); c != null && shown.add(c); c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }
}
