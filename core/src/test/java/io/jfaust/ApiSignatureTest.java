package io.jfaust;

import io.jfaust.buildchecks.ApiSignature;
import org.junit.jupiter.api.Test;

/** core's public API is the one recorded in core/api/io.jfaust.core.api: changing it is a deliberate act. */
class ApiSignatureTest {
    @Test
    void thePublicApiIsTheCheckedInOne() {
        ApiSignature.of(App.class).check();
    }
}
