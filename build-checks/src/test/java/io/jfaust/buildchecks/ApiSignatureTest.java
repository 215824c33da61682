package io.jfaust.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiSignatureTest {
    private static final String MODULE_INFO = """
            module demo {
                requires transitive java.logging;
                requires java.sql;
                exports demo.api;
                exports demo.friends to java.sql;
            }
            """;
    private static final String NULLABLE = """
            package demo.api;
            @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface Nullable {}
            """;
    private static final String MARKED = """
            package demo.api;
            @java.lang.annotation.Documented
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface Marked {}
            """;
    private static final String SHAPES = """
            package demo.api;
            public class Shapes<T extends Comparable<? super T>> implements java.io.Serializable {
                public static final int SIDES = 4;
                protected String name;
                int packagePrivate;
                public Shapes(String name) {}
                private Shapes() {}
                public <R> java.util.List<R> map(java.util.function.Function<? super T, ? extends R> f, String... tags)
                        throws java.io.IOException { return null; }
                public String describe(String s) { return s; }
                public String label() { return ""; }
                public <E extends @Nullable Object> E first(java.util.List<E> list) { return list.get(0); }
                public byte @Nullable [] bytes(java.util.Map<String, @Nullable Object> m) { return null; }
                @Deprecated(since = "2") public void old() {}
                protected void forSubclasses() {}
                void hidden() {}
                public static final class Inner {}
                protected static class ForSubclasses {}
                static class Hidden { public void invisible() {} }
                public sealed interface Shape permits Circle {}
                public record Circle(double r) implements Shape {}
                public enum Kind { A, B }
            }
            """;
    private static final List<String> SHAPES_API = List.of(
            "module demo",
            "  requires transitive java.logging",
            "package demo.api @Marked",
            "@Documented @Retention(RetentionPolicy.RUNTIME) public @interface demo.api.Marked",
            "@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.TYPE_USE})"
                    + " public @interface demo.api.Nullable",
            "public class demo.api.Shapes<T extends Comparable<? super T>> implements java.io.Serializable",
            "  public static final int SIDES",
            "  protected String name",
            "  public Shapes(String)",
            "  public byte @Nullable [] bytes(java.util.Map<String, @Nullable Object>)",
            "  public String describe(String)",
            "  public <E extends @Nullable Object> E first(java.util.List<E>)",
            "  protected void forSubclasses()",
            "  public String label()",
            "  public <R> java.util.List<R> map(java.util.function.Function<? super T, ? extends R>, String...)"
                    + " throws java.io.IOException",
            "  @Deprecated(since=\"2\") public void old()",
            "public record demo.api.Shapes.Circle(double r) implements Shapes.Shape",
            "  public Circle(double)",
            "  public final boolean equals(Object)",
            "  public final int hashCode()",
            "  public double r()",
            "  public final String toString()",
            "protected static class demo.api.Shapes.ForSubclasses",
            "  protected ForSubclasses()",
            "public static final class demo.api.Shapes.Inner",
            "  public Inner()",
            "public enum demo.api.Shapes.Kind",
            "  public static final Shapes.Kind A",
            "  public static final Shapes.Kind B",
            "  public static Shapes.Kind valueOf(String)",
            "  public static Shapes.Kind[] values()",
            "public sealed interface demo.api.Shapes.Shape permits Shapes.Circle");

    @TempDir
    Path dir;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader l : loaders) {
            l.close();
        }
    }

    /** The API of a module compiled from {@code MODULE_INFO}, the annotations and {@code shapes}. */
    private ApiSignature module(String version, String shapes) throws IOException {
        Path classes = compile(version, "module-info.java", MODULE_INFO, "demo/api/Nullable.java", NULLABLE,
                "demo/api/Marked.java", MARKED, "demo/api/package-info.java", "@Marked package demo.api;",
                "demo/api/Shapes.java", shapes,
                "demo/friends/Friend.java", "package demo.friends; public class Friend { public void f() {} }",
                "demo/internal/Impl.java", "package demo.internal; public class Impl { public void f() {} }");
        return ApiSignature.read(classes, loader(classes));
    }

    private Path compile(String version, String... sources) throws IOException {
        return Javac.compile(dir.resolve(version), sources);
    }

    private URLClassLoader loader(Path classes) throws IOException {
        URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                ApiSignatureTest.class.getClassLoader());
        loaders.add(loader);
        return loader;
    }

    private static List<String> uncommented(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
    }

    @Test
    void theLinesAreTheExportedPublicApiInOrder() throws IOException {
        ApiSignature api = module("v1", SHAPES);
        assertThat(api.name()).isEqualTo("demo");
        assertThat(api.lines()).containsExactlyElementsOf(SHAPES_API);
        assertThat(String.join("\n", api.lines())).doesNotContain(dir.toString(), "Hidden", "invisible",
                "packagePrivate", "Friend", "Impl", "java.sql");
    }

    @Test
    void aChangedSignatureFailsWithADiffAndTheWayToUpdate() throws IOException {
        Path file = dir.resolve("demo/api/demo.api");
        module("v1", SHAPES).check(file, true);
        ApiSignature changed = module("v2", SHAPES.replace("describe(String s) { return s; }",
                "describe(CharSequence s) { return s.toString(); }"));
        assertThatThrownBy(() -> changed.check(file, false)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("The public API of demo differs from " + file)
                .hasMessageContaining("""
                          public class demo.api.Shapes<T extends Comparable<? super T>> implements java.io.Serializable
                        -   public String describe(String)
                        +   public String describe(CharSequence)
                        If the change is deliberate, rerun the tests with -Dapi.update=true""");
    }

    @Test
    void anAddedNullableShows() throws IOException {
        Path file = dir.resolve("demo/api/demo.api");
        module("v1", SHAPES).check(file, true);
        ApiSignature nullable = module("v2", SHAPES.replace("public String label()",
                "public @Nullable String label()"));
        assertThatThrownBy(() -> nullable.check(file, false)).hasMessageContaining("""
                -   public String label()
                +   public @Nullable String label()
                """);
    }

    @Test
    void theUpdateFlagRewritesTheFileAndPasses() throws IOException {
        Path file = dir.resolve("demo/api/demo.api");
        ApiSignature v1 = module("v1", SHAPES);
        v1.check(file, true);
        assertThat(uncommented(file)).isEqualTo(SHAPES_API);
        ApiSignature v2 = module("v2", SHAPES.replace("public static final class Inner {}", ""));
        v2.check(file, true);
        assertThat(uncommented(file)).isEqualTo(v2.lines()).doesNotContain("  public Inner()");
        v2.check(file, false);
        assertThatThrownBy(() -> v1.check(file, false)).hasMessageContaining("""
                + public static final class demo.api.Shapes.Inner
                +   public Inner()
                """);
    }

    @Test
    void aMissingFileFailsSayingSo() throws IOException {
        Path file = dir.resolve("nowhere/api/demo.api");
        assertThatThrownBy(() -> module("v1", SHAPES).check(file, false)).hasMessageContaining("which does not exist")
                .hasMessageContaining("+ module demo").hasMessageContaining("-Dapi.update=true");
        assertThat(file).doesNotExist();
    }

    @Test
    void onTheClassPathTheApiIsTheGivenPackages() throws IOException {
        Path classes = compile("cp", "demo/api/Nullable.java", NULLABLE, "demo/api/Tool.java",
                "package demo.api; public final class Tool { public @Nullable String name() { return null; } "
                        + "protected void unreachable() {} }",
                "demo/impl/Impl.java", "package demo.impl; public class Impl {}");
        ApiSignature api = ApiSignature.read(classes, loader(classes), "demo.tools", Set.of("demo.api"));
        assertThat(api.name()).isEqualTo("demo.tools");
        assertThat(api.lines()).containsExactly(
                "package demo.api",
                "@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.TYPE_USE})"
                        + " public @interface demo.api.Nullable",
                "public final class demo.api.Tool",
                "  public Tool()",
                "  public @Nullable String name()");
    }

    @Test
    void theFileIsFoundBesideThePomAboveTheClasses() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThat(module("v1", SHAPES).file()).isEqualTo(dir.resolve("api/demo.api"));
    }
}
