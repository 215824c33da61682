package io.jfaust.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayersTest {
    private static final Layers LAYERS = Layers.builder("io.jfaust").layer("low", "io.jfaust.low")
            .layer("high", "io.jfaust.high").build();

    @TempDir
    Path dir;

    private Path compile(String... sources) throws IOException {
        return Javac.compile(dir, sources);
    }

    @Test
    void aLowerLayerUsingAHigherOneIsAViolationAndTheOtherWayIsNot() throws IOException {
        Path classes = compile(
                "io/jfaust/low/A.java", "package io.jfaust.low; public class A { java.util.List<io.jfaust.high.B> bs; }",
                "io/jfaust/high/B.java", "package io.jfaust.high; public class B { io.jfaust.low.A a; }");
        assertThat(LAYERS.violations(classes)).containsExactly(
                "io.jfaust.low.A (layer low) uses io.jfaust.high.B (layer high, above it)");
    }

    @Test
    void anUnplacedPackageIsAViolation() throws IOException {
        Path classes = compile("io/jfaust/other/C.java", "package io.jfaust.other; public class C {}");
        assertThat(LAYERS.violations(classes)).singleElement().asString().contains("package io.jfaust.other is in no layer");
    }

    @Test
    void usesOutsideNamesEveryReferenceToAPackageNotAllowed() throws IOException {
        Path classes = compile(
                "io/jfaust/low/A.java", "package io.jfaust.low; public class A { public static int n() { return 1; } }",
                "io/jfaust/high/B.java", "package io.jfaust.high; public class B { int m() { return io.jfaust.low.A.n(); } }");
        assertThat(LAYERS.usesOutside(classes, Set.of("io.jfaust.high"))).singleElement().asString()
                .startsWith("io.jfaust.high.B uses io.jfaust.low.A");
    }
}
