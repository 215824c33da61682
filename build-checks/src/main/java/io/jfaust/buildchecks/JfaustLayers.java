package io.jfaust.buildchecks;

import java.nio.file.Path;
import java.util.Set;

/**
 * jfaust's layers, lowest first, and the packages the test kit may use. Every library module's tests check their own
 * compiled classes against them, so a lower layer that imports a higher one fails the build.
 *
 * <pre>{@code
 * assertThat(JfaustLayers.LAYERS.violations(JfaustLayers.mainClasses(App.class))).isEmpty();
 * }</pre>
 */
public final class JfaustLayers {
    /** serdes, then core (API, engine, SPI), then the worker's rooms, then the test kit. */
    public static final Layers LAYERS = Layers.builder("io.jfaust")
            .layer("serdes", "io.jfaust.serdes", "io.jfaust.serdes.internal")
            .layer("core", "io.jfaust", "io.jfaust.web", "io.jfaust.runtime", "io.jfaust.internal")
            .layer("worker.text", "io.jfaust.worker.text")
            .layer("worker.metrics", "io.jfaust.worker.metrics")
            .layer("worker.admin", "io.jfaust.worker.admin")
            .layer("worker.web", "io.jfaust.worker.web")
            .layer("worker", "io.jfaust.worker")
            .layer("worker.cli", "io.jfaust.worker.cli")
            .layer("testing", "io.jfaust.testing")
            .build();

    /** What {@code jfaust-testing} may use of jfaust: the public API, the runtime SPI, serdes' API, itself. */
    public static final Set<String> TESTING_MAY_USE = Set.of("io.jfaust", "io.jfaust.web", "io.jfaust.runtime",
            "io.jfaust.serdes", "io.jfaust.testing");

    private JfaustLayers() {}

    /** The main (not test) classes directory or jar root of the module holding {@code anchor}. */
    public static Path mainClasses(Class<?> anchor) {
        try {
            Path p = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
