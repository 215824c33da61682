package io.jfaust.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/** Compiles small sources for the checks' tests: {@code compile(dir, "a/B.java", "package a; class B {}")}. */
final class Javac {
    private Javac() {}

    /** Compiles path/source pairs under {@code dir/src} into {@code dir/classes}; returns the classes directory. */
    static Path compile(Path dir, String... pathsAndSources) throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            Path f = src.resolve(pathsAndSources[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, pathsAndSources[i + 1]);
            args.add(f.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        return out;
    }
}
