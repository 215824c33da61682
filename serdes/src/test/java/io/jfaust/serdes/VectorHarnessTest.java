package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The harness itself: it runs a file whose cases and models are all renamed without code changes
 * ({@code renamed_vectors.jsonl}, derived from the shared file by {@code derive_renamed.py}), and it fails cases
 * whose expectations are wrong and lines it cannot read.
 */
class VectorHarnessTest {
    private static final String RENAMED = "/faust-vectors/renamed_vectors.jsonl";

    @Test
    void runsRenamedCasesAndModelsWithoutCodeChanges() {
        VectorFile shared = VectorFile.load(null, FaustVectorsTest.RESOURCE);
        VectorFile renamed = VectorFile.load(null, RENAMED);
        Set<Object> sharedNames = shared.cases().stream().map(c -> c.get("case")).collect(Collectors.toSet());
        assertThat(renamed.cases()).hasSameSizeAs(shared.cases());
        assertThat(renamed.cases()).noneMatch(c -> sharedNames.contains(c.get("case")));
        Set<String> renamedNamespaces = renamed.cases().stream().filter(c -> c.get("model") instanceof Map<?, ?>)
                .map(c -> (String) ((Map<?, ?>) c.get("model")).get("namespace")).collect(Collectors.toSet());
        assertThat(renamedNamespaces).isNotEmpty().noneMatch(ns -> ns.startsWith("vecmodels."));

        VectorHarness.Summary want = new VectorHarness(shared).summarize();
        VectorHarness.Summary got = new VectorHarness(renamed).summarize();
        System.out.println("renamed " + got.text().lines().findFirst().orElse(""));
        assertThat(got.failed()).isEmpty();
        assertThat(got.passed()).isEqualTo(want.passed());
        assertThat(got.notRun()).hasSameSizeAs(want.notRun());
        assertThat(got.different()).hasSameSizeAs(want.different());
    }

    @Test
    @SuppressWarnings("unchecked")
    void wrongExpectationsAndUnreadableLinesFail() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Map<String, Object> c : VectorFile.load(null, FaustVectorsTest.RESOURCE).cases()) {
            cases.add(deepCopy(c));
        }
        List<String> tampered = new ArrayList<>();
        // One case of each shape gets a wrong expectation.
        tamper(cases, tampered, c -> "encode_value".equals(c.get("kind")) && c.get("bytes_utf8") instanceof String
                && Boolean.TRUE.equals(c.get("ok")), c -> c.put("bytes_b64", b64(c.get("bytes_utf8") + " ")));
        tamper(cases, tampered, c -> "decode_value".equals(c.get("kind")) && c.get("decoded") instanceof Map<?, ?> m
                && m.containsKey("$record"), c -> ((Map<String, Object>) ((Map<String, Object>) c.get("decoded"))
                .get("fields")).replaceAll((k, v) -> v instanceof String ? v + "?" : v));
        tamper(cases, tampered, c -> "api".equals(c.get("kind")) && c.get("result") instanceof Map<?, ?> m
                && m.containsKey("$datetime"), c -> ((Map<String, Object>) c.get("result"))
                .put("$datetime", "1999-01-01T00:00:00+00:00"));
        tamper(cases, tampered, c -> "api".equals(c.get("kind")) && c.get("result") instanceof Map<?, ?> m
                && !m.containsKey("__faust") && !m.containsKey("$record") && !m.containsKey("$datetime"),
                c -> {
                    // asdict() outcomes are checked for their keys, in order: swap the first two.
                    Map<String, Object> r = (Map<String, Object>) c.get("result");
                    List<String> keys = new ArrayList<>(r.keySet());
                    Map<String, Object> swapped = new LinkedHashMap<>();
                    swapped.put(keys.get(1), r.get(keys.get(1)));
                    r.forEach(swapped::putIfAbsent);
                    c.put("result", swapped);
                });
        tamper(cases, tampered, c -> "api".equals(c.get("kind")) && c.get("error") instanceof Map<?, ?> e
                && "faust.exceptions.ValidationError".equals(e.get("exception_class")),
                c -> ((Map<String, Object>) c.get("error")).compute("message", (k, v) -> "x" + v));
        tamper(cases, tampered, c -> "api".equals(c.get("kind")) && c.get("bytes_b64") != null,
                c -> c.put("bytes_b64", b64("{\"username\":\"bob\"}")));
        StringBuilder text = new StringBuilder();
        FaustJson json = FaustJson.of(JsonFlavor.FAUST_STREAMING);
        for (Map<String, Object> c : cases) {
            text.append(json.dumpsString(c)).append('\n');
        }
        text.append("{\"case\": \"cut off\n");

        VectorHarness.Summary s = new VectorHarness(VectorFile.parse("tampered", text.toString())).summarize();
        assertThat(tampered).hasSize(6);
        assertThat(s.failed()).hasSize(tampered.size() + 1);
        assertThat(s.failed()).anyMatch(f -> f.startsWith("line " + (cases.size() + 1) + ": not JSON"));
        for (String name : tampered) {
            assertThat(s.failed()).anyMatch(f -> f.startsWith(name + ": "));
        }
    }

    private static void tamper(List<Map<String, Object>> cases, List<String> names,
                               Predicate<Map<String, Object>> which, java.util.function.Consumer<Map<String, Object>> how) {
        for (Map<String, Object> c : cases) {
            if (which.test(c) && !names.contains((String) c.get("case"))) {
                how.accept(c);
                names.add((String) c.get("case"));
                return;
            }
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, deepCopy(x)));
            return (T) out;
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(deepCopy(x)));
            return (T) out;
        }
        return v;
    }
}
