package io.jfaust.serdes;

import io.jfaust.buildchecks.ApiSignature;
import org.junit.jupiter.api.Test;

/** serdes' public API is the one recorded in serdes/api/io.jfaust.serdes.api: changing it is a deliberate act. */
class ApiSignatureTest {
    @Test
    void thePublicApiIsTheCheckedInOne() {
        ApiSignature.of(RecordSchema.class).check();
    }
}
