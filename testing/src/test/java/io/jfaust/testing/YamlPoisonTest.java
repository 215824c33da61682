package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, defect 2: a 7-byte YAML record, {@code &a [*a]}, made the decoder throw a {@link StackOverflowError},
 * which no error policy sees, so the worker died on it at every restart. Now it is a decode error like any other:
 * skipped (and counted) under skip, dead-lettered with its original bytes under dead letter, named under fail; and
 * the record after it is processed. So are the other YAML records a parser used to throw its own exceptions on.
 */
class YamlPoisonTest {
    private static final byte[] SELF_REFERENCE = "&a [*a]".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOT_AN_INT = "!!int abc".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GOOD = "- 1\n- two\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

    private final List<Object> seen = new ArrayList<>();

    private App app(ErrorPolicy policy) {
        App app = App.create("yamlpills", c -> c.onError(policy));
        Topic<String, Object> docs = app.topic("docs", String.class, Object.class, t -> t.valueSerializer("yaml"));
        app.agent("yamlpills.docs", docs, s -> s.forEach(seen::add));
        return app;
    }

    private static void pipe(FaustTestDriver d, byte[] value) {
        RecordHeaders h = new RecordHeaders();
        h.add("origin", "test".getBytes(StandardCharsets.UTF_8));
        d.sendRaw("docs", KEY, value, 0, h);
    }

    @Test
    void skipDropsTheSelfReferencingRecordAndProcessesTheNext() {
        assertThat(SELF_REFERENCE).hasSize(7);
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.skip()))) {
            pipe(d, SELF_REFERENCE);
            pipe(d, GOOD);
            pipe(d, NOT_AN_INT);
            pipe(d, GOOD);
            assertThat(d.errorCounts().skipped()).isEqualTo(2);
        }
        assertThat(seen).containsExactly(List.of(1L, "two"), List.of(1L, "two"));
    }

    @Test
    void deadLetterKeepsTheOriginalBytesAndNamesTheError() {
        try (FaustTestDriver d = FaustTestDriver.create(app(ErrorPolicy.deadLetter("docs-dlq")))) {
            pipe(d, SELF_REFERENCE);
            pipe(d, GOOD);
            pipe(d, NOT_AN_INT);
            List<TestRecord<byte[], byte[]>> dlq = d.readRaw("docs-dlq");
            assertThat(dlq).hasSize(2);
            Map<String, String> first = headers(dlq.get(0));
            assertThat(dlq.get(0).value()).isEqualTo(SELF_REFERENCE);
            assertThat(dlq.get(0).key()).isEqualTo(KEY);
            assertThat(first.get("origin")).isEqualTo("test");
            assertThat(first.get("__streams.errors.exception")).contains("ValueDecodeException");
            assertThat(first.get("__streams.errors.message"))
                    .contains("yaml: the alias *a is inside the sequence &a names (line 1, column 1)")
                    .contains("topic docs, partition 0, offset 0");
            assertThat(dlq.get(1).value()).isEqualTo(NOT_AN_INT);
            assertThat(headers(dlq.get(1)).get("__streams.errors.message"))
                    .contains("yaml: cannot construct !!int 'abc' (line 1, column 1): NumberFormatException");
            assertThat(d.errorCounts().deadLettered()).isEqualTo(2);
        }
        assertThat(seen).containsExactly(List.of(1L, "two"));
    }

    @Test
    void failStopsNamingTheRecordAndTheError() {
        App app = app(ErrorPolicy.fail());
        try (FaustTestDriver d = FaustTestDriver.create(app)) {
            assertThat(catchThrowable(() -> pipe(d, SELF_REFERENCE))).isInstanceOf(WorkerException.class)
                    .hasMessageContaining("the record at topic docs, partition 0, offset 0")
                    .hasMessageContaining("the alias *a");
        }
    }

    private static Map<String, String> headers(TestRecord<byte[], byte[]> r) {
        Map<String, String> out = new java.util.HashMap<>();
        r.headers().forEach(h -> out.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return out;
    }
}
