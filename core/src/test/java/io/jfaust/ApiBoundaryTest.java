package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.buildchecks.ApiBoundary;
import io.jfaust.buildchecks.JfaustLayers;
import io.jfaust.internal.DecodeErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core module's API mentions only exported, public types: the build checks it on every run. */
class ApiBoundaryTest {
    /** jfaust's packages, less those another jfaust module exports (serdes' API may appear in core's). */
    private static final ApiBoundary BOUNDARY = ApiBoundary.of(App.class.getModule(),
            p -> (p.equals("io.jfaust") || p.startsWith("io.jfaust.")) && !exportedByAnotherModule(p));

    private static boolean exportedByAnotherModule(String pkg) {
        return ModuleLayer.boot().modules().stream().anyMatch(m -> m != App.class.getModule()
                && m.getPackages().contains(pkg) && m.isExported(pkg));
    }

    @Test
    void testsRunInTheNamedModuleWhichExportsOnlyItsApiPackage() {
        Module core = App.class.getModule();
        assertThat(core.isNamed()).as("tests run on the module path").isTrue();
        assertThat(core.getName()).isEqualTo("io.jfaust.core");
        assertThat(BOUNDARY.exported()).containsExactlyInAnyOrder("io.jfaust", "io.jfaust.web");
        assertThat(core.isExported("io.jfaust.internal")).isFalse();
        assertThat(core.isExported("io.jfaust.runtime")).as("the SPI: only to jfaust's runtime modules").isFalse();
    }

    @Test
    void noClassUsesAHigherLayer() {
        assertThat(JfaustLayers.LAYERS.violations(JfaustLayers.mainClasses(App.class))).isEmpty();
    }

    @Test
    void theOperatorStackIsNotOnCoresPath() {
        for (String absent : new String[] {"picocli.CommandLine", "io.micrometer.core.instrument.MeterRegistry",
            "io.micrometer.prometheusmetrics.PrometheusMeterRegistry", "io.jfaust.worker.Worker"}) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(App.class.getModule().getDescriptor().requires()).extracting(r -> r.name())
                .doesNotContain("jdk.httpserver", "info.picocli", "micrometer.core");
    }

    @Test
    void noPublicSignatureMentionsAnInternalOrHiddenType() {
        List<Class<?>> classes = ApiBoundary.classesBeside(App.class);
        assertThat(classes).contains(App.class, AgentProcessor.class, DecodeErrors.class, io.jfaust.web.Page.class,
                io.jfaust.runtime.Engine.class);
        assertThat(BOUNDARY.violations(classes)).isEmpty();
    }
}
