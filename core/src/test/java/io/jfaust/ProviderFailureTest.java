package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken codec provider on the class path is reported by name, and every app in the JVM still starts. */
class ProviderFailureTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenProviderIsReportedAndAppsStillStart() throws IOException {
        Path services = dir.resolve("META-INF/services/io.jfaust.serdes.CodecProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.MissingCodecProvider\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            Thread.currentThread().setContextClassLoader(loader);
            App first = App.create("first");
            App second = App.create("second");
            assertThat(first.serializers().codecs().providerFailures()).singleElement().asString()
                    .contains("com.example.MissingCodecProvider").contains(dir.toString());
            for (App app : new App[] {first, second}) {
                Topic<String, String> in = app.topic("in", String.class, String.class);
                app.agent(app.id() + ".print", in, s -> s.forEach(v -> { }));
                assertThat(app.topology().describe().subtopologies()).hasSize(1);
                assertThat(app.serializers().codecs().codec("json")).isNotNull();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertThat(App.create("after").serializers().codecs().providerFailures()).isEmpty();
    }
}
