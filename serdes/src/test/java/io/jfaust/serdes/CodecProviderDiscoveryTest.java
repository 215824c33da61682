package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codecs declared in {@code META-INF/services/io.jfaust.serdes.CodecProvider} (test resources) are found by every
 * new registry: Faust's {@code faust.codecs} entry points. The JDK reads that file only for providers on the class
 * path, so surefire runs this class in its own execution with {@code useModulePath=false} (a module declares its
 * providers in {@code module-info.java} instead).
 *
 * <p>Broken providers are kept off the test class path: each test writes a jar or directory with its own services
 * file and reads it through its own class loader, with its own {@link CodecDiscovery} (so its own "reported once"
 * memory) unless it means to go through the public, context-class-loader path.
 */
class CodecProviderDiscoveryTest {
    private static final String SERVICE_FILE = "META-INF/services/" + CodecProvider.class.getName();
    /** Classes named so are loaded from the test's jar only, never from the test class path. */
    private static final String JAR_ONLY = CodecProviderDiscoveryTest.class.getName() + "$Jar";

    @TempDir
    Path tmp;

    /** ROT13 over ASCII letters of the bytes. */
    public static final class Rot13Provider implements CodecProvider {
        @Override
        public String name() {
            return "rot13";
        }

        @Override
        public Codec codec() {
            return new Codec() {
                @Override
                public Object dumps(Object value) {
                    return rot13((byte[]) value);
                }

                @Override
                public Object loads(Object data) {
                    return rot13((byte[]) data);
                }
            };
        }

        private static byte[] rot13(byte[] in) {
            byte[] out = in.clone();
            for (int i = 0; i < out.length; i++) {
                int c = out[i];
                if (c >= 'a' && c <= 'z') {
                    out[i] = (byte) ('a' + (c - 'a' + 13) % 26);
                } else if (c >= 'A' && c <= 'Z') {
                    out[i] = (byte) ('A' + (c - 'A' + 13) % 26);
                }
            }
            return out;
        }
    }

    /** A provider may take a built-in's name, as a Faust entry point may. */
    public static final class YamlOverride implements CodecProvider {
        @Override
        public String name() {
            return "yaml";
        }

        @Override
        public Codec codec() {
            return new Codec() {
                @Override
                public Object dumps(Object value) {
                    return "provided".getBytes(StandardCharsets.US_ASCII);
                }

                @Override
                public Object loads(Object data) {
                    return "provided";
                }
            };
        }
    }

    @Test
    void testsRunOnTheClassPath() {
        assertThat(Codecs.class.getModule().isNamed()).isFalse();
    }

    @Test
    void everyRegistryFindsTheProvidersCodecs() {
        Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(app.names()).contains("rot13", "json", "raw");
        byte[] bytes = (byte[]) app.codec("json|rot13").dumps(Map.of("a", "b"));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo("{\"n\":\"o\"}");
        assertThat(app.codec("json|rot13").loads(bytes)).isEqualTo(Map.of("a", "b"));
        assertThat(Codecs.global().names()).contains("rot13");
    }

    @Test
    void providersWinOverBuiltInsAndLoseToRegisteredAndAddedCodecs() {
        Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(app.codec("yaml").loads(new byte[0])).isEqualTo("provided");
        assertThat(Codecs.get("yaml").loads(new byte[0])).isEqualTo("provided");
        app.add("rot13", app.codec("raw"));
        byte[] ab = "ab".getBytes(StandardCharsets.US_ASCII);
        assertThat((byte[]) app.codec("rot13").dumps(ab)).containsExactly('a', 'b');
    }

    @Test
    void aBrokenProviderIsReportedOnceNamingItsClassAndWhereItCameFromAndTheOthersStillLoad() throws IOException {
        Path jar = jar(tmp.resolve("providers.jar"),
                List.of("broken.DoesNotExist", JarThrowing.class.getName(), JarNeedsMissing.class.getName(),
                        JarShout.class.getName()),
                JarThrowing.class, JarNeedsMissing.class, JarShout.class);   // JarMissing left out
        Path dir = servicesDir(tmp.resolve("dir"), DirThrowing.class.getName());
        String jarUrl = jar.toUri().toURL().toString();
        String jarServices = "jar:" + jarUrl + "!/" + SERVICE_FILE;
        String dirServices = dir.toUri().toURL() + SERVICE_FILE;
        String testClasses = DirThrowing.class.getProtectionDomain().getCodeSource().getLocation().toString();
        List<CodecDiscovery.Failure> reported = new CopyOnWriteArrayList<>();
        CodecDiscovery discovery = new CodecDiscovery(reported::add);

        try (URLClassLoader loader = new OwnJarLoader(jar, dir)) {
            Codecs first = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING, loader, discovery);
            Codecs second = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING, loader, discovery);

            assertThat(first.providerFailures()).satisfiesExactly(
                    f -> assertThat(f).startsWith("codec provider broken.DoesNotExist (listed in " + jarServices
                            + ") could not be used and is skipped: ")
                            .contains("Provider broken.DoesNotExist not found"),
                    f -> assertThat(f).startsWith("codec provider " + JarThrowing.class.getName() + " (listed in "
                            + jarServices + ", loaded from " + jarUrl + ") could not be used and is skipped: ")
                            .contains("could not be instantiated",
                                    "IllegalStateException: JarThrowing fails on purpose"),
                    f -> assertThat(f).startsWith("codec provider " + JarNeedsMissing.class.getName()
                            + " (listed in " + jarServices + ") could not be used and is skipped: ")
                            .contains("NoClassDefFoundError", "JarMissing"),
                    f -> assertThat(f).startsWith("codec provider " + DirThrowing.class.getName() + " (listed in "
                            + dirServices + ", loaded from " + testClasses + ") could not be used and is skipped: ")
                            .contains("IllegalStateException: DirThrowing fails on purpose"));
            assertThat(second.providerFailures()).as("every registry lists its skipped providers")
                    .isEqualTo(first.providerFailures());
            assertThat(reported).as("each failure is reported once, however many registries meet it")
                    .extracting(CodecDiscovery.Failure::message).containsExactlyElementsOf(first.providerFailures());

            for (Codecs app : List.of(first, second)) {
                assertThat(app.names()).contains("shout", "rot13", "json", "raw", "binary", "yaml");
                byte[] shouted = (byte[]) app.codec("json|shout").dumps(Map.of("a", "b"));
                assertThat(new String(shouted, StandardCharsets.US_ASCII)).isEqualTo("{\"A\":\"B\"}");
                assertThat(app.codec("yaml").loads(new byte[0])).as("the class path's providers").isEqualTo("provided");
                assertThat(app.codec("binary").dumps(new byte[] {1}))
                        .isEqualTo("AQ==".getBytes(StandardCharsets.US_ASCII));
            }
        }
        assertThat(Codecs.newRegistry(JsonFlavor.FAUST_STREAMING).providerFailures()).isEmpty();
    }

    @Test
    void newRegistryLooksInTheContextClassLoaderAndABrokenProviderThereDoesNotStopLaterApps() throws IOException {
        Path dir = servicesDir(tmp.resolve("dir"), DirThrowing.class.getName());
        String dirServices = dir.toUri().toURL() + SERVICE_FILE;
        Codecs global = Codecs.global();
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        try (URLClassLoader loader = new OwnJarLoader(dir)) {
            thread.setContextClassLoader(loader);
            for (int app = 0; app < 2; app++) {   // logged (System.Logger io.jfaust.serdes.Codecs) the first time
                Codecs codecs = Codecs.newRegistry(JsonFlavor.ROBINHOOD);
                assertThat(codecs.providerFailures()).singleElement().asString().startsWith("codec provider "
                        + DirThrowing.class.getName() + " (listed in " + dirServices + ", loaded from ");
                assertThat(codecs.names()).contains("rot13", "json");
                assertThat(new String((byte[]) codecs.codec("json").dumps(Map.of("a", 1L)), StandardCharsets.UTF_8))
                        .isEqualTo("{\"a\": 1}");
            }
        } finally {
            thread.setContextClassLoader(context);
        }
        Codecs later = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING);
        assertThat(later.providerFailures()).isEmpty();
        assertThat(later.names()).contains("rot13").doesNotContain("shout");
        assertThat(Codecs.global()).isSameAs(global);
        assertThat(Codecs.get("json|binary").dumps(Map.of())).isEqualTo("e30=".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aServicesFileTheJdkCannotParseIsReportedByItsUrl() throws IOException {
        Path dir = servicesDir(tmp.resolve("bad"), "not a class name");
        List<CodecDiscovery.Failure> reported = new CopyOnWriteArrayList<>();
        try (URLClassLoader loader = new OwnJarLoader(dir)) {
            Codecs app = Codecs.newRegistry(JsonFlavor.FAUST_STREAMING, loader, new CodecDiscovery(reported::add));
            assertThat(app.providerFailures()).singleElement().asString()
                    .startsWith("codec provider (unknown) (in " + dir.toUri().toURL() + SERVICE_FILE + ")")
                    .contains("Illegal configuration-file syntax");
            assertThat(app.names()).contains("rot13", "raw");
        }
        assertThat(reported).hasSize(1);
    }

    @Test
    void twoProvidersClaimingOneNameFailThatRegistryEveryTimeWithTheReasonAndNotTheNextOnes() throws IOException {
        Path dir = servicesDir(tmp.resolve("dup"), AnotherRot13.class.getName());
        try (URLClassLoader loader = new OwnJarLoader(dir)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> Codecs.newRegistry(JsonFlavor.FAUST_STREAMING, loader,
                        new CodecDiscovery(f -> {})))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("two codec providers claim the codec name 'rot13'")
                        .hasMessageContaining(AnotherRot13.class.getName());
            }
        }
        assertThat(Codecs.newRegistry(JsonFlavor.FAUST_STREAMING).codec("rot13")).isNotNull();
    }

    /** A jar holding a services file listing {@code names} and the class files of {@code classes}. */
    private static Path jar(Path jar, List<String> names, Class<?>... classes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(SERVICE_FILE));
            j.write(("# written by " + CodecProviderDiscoveryTest.class.getSimpleName() + "\n"
                    + String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : classes) {
                String file = c.getName().replace('.', '/') + ".class";
                try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
                    assertThat(in).as(file).isNotNull();
                    j.putNextEntry(new JarEntry(file));
                    in.transferTo(j);
                }
            }
        }
        return jar;
    }

    /** A directory of classes holding only a services file listing {@code names}. */
    private static Path servicesDir(Path dir, String... names) throws IOException {
        Path file = dir.resolve(SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", names) + "\n");
        return dir;
    }

    /** Loads {@code Jar*} classes from its own jar only, as if they were in no other jar; the rest as usual. */
    private static final class OwnJarLoader extends URLClassLoader {
        OwnJarLoader(Path... roots) throws IOException {
            super(urls(roots), CodecProviderDiscoveryTest.class.getClassLoader());
        }

        private static URL[] urls(Path... roots) throws IOException {
            URL[] urls = new URL[roots.length];
            for (int i = 0; i < roots.length; i++) {
                urls[i] = roots[i].toUri().toURL();
            }
            return urls;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(JAR_ONLY)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** A good provider in the test's jar: its codec upper-cases ASCII letters. */
    public static final class JarShout implements CodecProvider, Codec {
        @Override
        public String name() {
            return "shout";
        }

        @Override
        public Codec codec() {
            return this;
        }

        @Override
        public Object dumps(Object value) {
            return new String((byte[]) value, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public Object loads(Object data) {
            return new String((byte[]) data, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** A provider in the test's jar whose constructor throws. */
    public static final class JarThrowing extends AbstractProvider {
        public JarThrowing() {
            throw new IllegalStateException("JarThrowing fails on purpose");
        }
    }

    /** Left out of the test's jar, so that {@link JarNeedsMissing} cannot be linked. */
    public static class JarMissing extends AbstractProvider {}

    /** A provider in the test's jar whose superclass is not there. */
    public static final class JarNeedsMissing extends JarMissing {}

    /** A provider listed in a test's directory (its class on the test class path) whose constructor throws. */
    public static final class DirThrowing extends AbstractProvider {
        public DirThrowing() {
            throw new IllegalStateException("DirThrowing fails on purpose");
        }
    }

    /** Claims the name {@link Rot13Provider} has. */
    public static final class AnotherRot13 extends AbstractProvider {
        @Override
        public String name() {
            return "rot13";
        }
    }

    /** A provider of the {@code raw} codec under the name "unused", for the broken ones above. */
    public abstract static class AbstractProvider implements CodecProvider {
        @Override
        public String name() {
            return "unused";
        }

        @Override
        public Codec codec() {
            return Codecs.get("raw");
        }
    }
}
