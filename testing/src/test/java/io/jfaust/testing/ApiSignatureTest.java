package io.jfaust.testing;

import io.jfaust.buildchecks.ApiSignature;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The test kit's public API (package io.jfaust.testing; it has no module descriptor) is the one recorded in
 * testing/api/io.jfaust.testing.api: changing it is a deliberate act.
 */
class ApiSignatureTest {
    @Test
    void thePublicApiIsTheCheckedInOne() {
        ApiSignature.of(FaustTestDriver.class, "io.jfaust.testing", Set.of("io.jfaust.testing")).check();
    }
}
