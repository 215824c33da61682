package io.jfaust.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.buildchecks.ApiBoundary;
import io.jfaust.buildchecks.JfaustLayers;
import org.junit.jupiter.api.Test;

/** The worker module's API mentions only exported, public types, and no room of it reaches up into another. */
class BoundaryTest {
    private static final ApiBoundary BOUNDARY = ApiBoundary.of(Worker.class.getModule(),
            p -> p.startsWith("io.jfaust.worker"));

    @Test
    void theModuleExportsOnlyTheWorkerPackage() {
        Module worker = Worker.class.getModule();
        assertThat(worker.isNamed()).as("tests run on the module path").isTrue();
        assertThat(BOUNDARY.exported()).containsExactly("io.jfaust.worker");
    }

    @Test
    void noPublicSignatureMentionsAnInternalOrHiddenType() {
        assertThat(BOUNDARY.violations(ApiBoundary.classesBeside(Worker.class))).isEmpty();
    }

    @Test
    void noClassUsesAHigherLayer() {
        assertThat(JfaustLayers.LAYERS.violations(JfaustLayers.mainClasses(Worker.class))).isEmpty();
    }

    @Test
    void appMainFindsTheCommandLineThroughTheServiceLoader() {
        io.jfaust.App app = io.jfaust.App.create("cli-probe");
        assertThat(app.run("--version")).isZero();
    }
}
