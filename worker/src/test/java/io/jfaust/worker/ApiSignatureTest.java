package io.jfaust.worker;

import io.jfaust.buildchecks.ApiSignature;
import org.junit.jupiter.api.Test;

/** The worker's public API is the one recorded in worker/api/io.jfaust.worker.api: changing it is deliberate. */
class ApiSignatureTest {
    @Test
    void thePublicApiIsTheCheckedInOne() {
        ApiSignature.of(Worker.class).check();
    }
}
