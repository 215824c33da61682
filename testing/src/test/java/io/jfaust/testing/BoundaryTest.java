package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.buildchecks.JfaustLayers;
import org.junit.jupiter.api.Test;

/** The test kit is built on jfaust's public API and the runtime SPI only: no split package, no internals. */
class BoundaryTest {
    @Test
    void theTestKitUsesOnlyTheApiAndTheSpi() {
        assertThat(JfaustLayers.LAYERS.usesOutside(JfaustLayers.mainClasses(FaustTestDriver.class),
                JfaustLayers.TESTING_MAY_USE)).isEmpty();
        assertThat(JfaustLayers.LAYERS.violations(JfaustLayers.mainClasses(FaustTestDriver.class))).isEmpty();
    }

    @Test
    void noClassOfTheKitSharesAPackageWithTheCore() {
        assertThat(FaustTestDriver.class.getPackageName()).isEqualTo("io.jfaust.testing");
        assertThat(AgentTestContext.class.getPackageName()).isEqualTo("io.jfaust.testing");
    }
}
