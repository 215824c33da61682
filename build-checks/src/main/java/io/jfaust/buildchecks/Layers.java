package io.jfaust.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Layers of packages, lowest first: a class may use classes of its own layer and of layers below it, never of a
 * layer above. A package of the guarded prefix that no layer names is itself a violation, so that a new package must
 * be placed before it can be used. Checked on compiled classes ({@link ClassReferences}).
 *
 * <pre>{@code
 * Layers layers = Layers.builder("io.jfaust").layer("serdes", "io.jfaust.serdes").layer("core", "io.jfaust").build();
 * assertThat(layers.violations(Path.of("target/classes"))).isEmpty();
 * }</pre>
 */
public final class Layers {
    private final String guarded;
    private final Map<String, Integer> rankOfPackage;
    private final List<String> names;

    private Layers(String guarded, Map<String, Integer> rankOfPackage, List<String> names) {
        this.guarded = guarded;
        this.rankOfPackage = Map.copyOf(rankOfPackage);
        this.names = List.copyOf(names);
    }

    /** Layers over the packages named {@code guardedPrefix} or below it. */
    public static Builder builder(String guardedPrefix) {
        return new Builder(guardedPrefix);
    }

    /** The layer of {@code pkg}, or null when it is not guarded (the JDK, Kafka, ...). */
    public String layerOf(String pkg) {
        Integer rank = rankOfPackage.get(pkg);
        return rank == null ? null : names.get(rank);
    }

    /** One line per reference from a class under {@code classesRoot} up to a higher layer, or to an unplaced package. */
    public List<String> violations(Path classesRoot) {
        List<String> out = new ArrayList<>();
        for (Path classFile : classFiles(classesRoot)) {
            String from = binaryName(classesRoot, classFile);
            String fromPkg = packageOf(from);
            if (!isGuarded(fromPkg)) {
                continue;
            }
            Integer fromRank = rankOfPackage.get(fromPkg);
            if (fromRank == null) {
                out.add(from + ": package " + fromPkg + " is in no layer (place it in build-checks' JfaustLayers)");
                continue;
            }
            for (String used : ClassReferences.of(classFile)) {
                String usedPkg = packageOf(used);
                if (!isGuarded(usedPkg)) {
                    continue;
                }
                Integer usedRank = rankOfPackage.get(usedPkg);
                if (usedRank == null) {
                    out.add(from + " uses " + used + ", whose package is in no layer");
                } else if (usedRank > fromRank) {
                    out.add(from + " (layer " + names.get(fromRank) + ") uses " + used + " (layer "
                            + names.get(usedRank) + ", above it)");
                }
            }
        }
        return out;
    }

    /**
     * One line per reference from a class under {@code classesRoot} to a guarded package outside {@code allowed}:
     * for a module that may use only some packages of the layers below it (an API and an SPI, say).
     */
    public List<String> usesOutside(Path classesRoot, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Path classFile : classFiles(classesRoot)) {
            String from = binaryName(classesRoot, classFile);
            for (String used : ClassReferences.of(classFile)) {
                String usedPkg = packageOf(used);
                if (isGuarded(usedPkg) && !allowed.contains(usedPkg)) {
                    out.add(from + " uses " + used + " (only " + allowed + " are allowed)");
                }
            }
        }
        return out;
    }

    private boolean isGuarded(String pkg) {
        return pkg.equals(guarded) || pkg.startsWith(guarded + ".");
    }

    private static List<Path> classFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no compiled classes at " + root);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class")
                    && !p.endsWith("package-info.class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String binaryName(Path root, Path classFile) {
        String rel = root.relativize(classFile).toString().replace(java.io.File.separatorChar, '/');
        return rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
    }

    private static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    /** Builds {@link Layers}, lowest layer first. */
    public static final class Builder {
        private final String guarded;
        private final Map<String, Integer> rank = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();

        private Builder(String guarded) {
            this.guarded = Objects.requireNonNull(guarded, "guardedPrefix");
        }

        /** The next layer up: {@code packages} may use each other and every layer declared before. */
        public Builder layer(String name, String... packages) {
            int r = names.size();
            names.add(name);
            for (String p : packages) {
                if (rank.putIfAbsent(p, r) != null) {
                    throw new IllegalArgumentException("package " + p + " is placed in two layers");
                }
            }
            return this;
        }

        /** The layers. */
        public Layers build() {
            return new Layers(guarded, rank, names);
        }
    }
}
