package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Faust's ground truth: every case of {@code faust_vectors.jsonl} (bytes produced by real Faust 0.15.2), or of the
 * file named by {@code -Dfaust.vectors=<path>}, run by {@link VectorHarness}. Prints one line
 * {@code faust vectors: N of M passed}, then the answers that differ on purpose, the cases not run here and the
 * failures.
 *
 * <pre>{@code
 * mvn -B -ntp -o -pl serdes test -Dtest=FaustVectorsTest -Dfaust.vectors=/path/to/vectors.jsonl
 * }</pre>
 */
class FaustVectorsTest {
    static final String RESOURCE = "/faust-vectors/faust_vectors.jsonl";

    /** The shared file's cases (for tests that pick cases of the shared file). */
    static List<Map<String, Object>> cases() {
        return VectorFile.load(null, RESOURCE).cases();
    }

    private final VectorHarness harness = new VectorHarness(
            VectorFile.load(System.getProperty("faust.vectors"), RESOURCE));

    @TestFactory
    Stream<DynamicTest> everyCase() {
        return harness.dynamicTests();
    }

    @Test
    void everyCaseIsRunAndTheSummaryIsPrinted() {
        VectorHarness.Summary s = harness.summarize();
        System.out.println(s.text());
        assertThat(s.total()).as("cases in %s", harness.file().source()).isPositive();
        assertThat(s.failed()).as("failed vector cases").isEmpty();
        assertThat(s.passed() + s.notRun().size()).isEqualTo(s.total());
    }
}
