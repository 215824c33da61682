package io.jfaust.serdes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Faust vector file (JSON lines): each line is a case, or {@code kind: meta}. A line that is not a JSON object is
 * kept as an unreadable line, to be reported as a failed case rather than stop the run.
 *
 * <pre>{@code
 * VectorFile f = VectorFile.load(System.getProperty("faust.vectors"), "/faust-vectors/faust_vectors.jsonl");
 * f.cases();        // the cases, meta lines left out
 * f.unreadable();   // "line 7: <why>" for lines that are no JSON object
 * }</pre>
 */
record VectorFile(String source, List<Map<String, Object>> cases, List<String> unreadable) {

    /** The file at {@code path} when it is set, else the class-path {@code resource}. */
    static VectorFile load(String path, String resource) {
        try {
            if (path != null && !path.isBlank()) {
                return parse(path, Files.readString(Path.of(path), StandardCharsets.UTF_8));
            }
            try (InputStream in = VectorFile.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no vector file at class-path resource " + resource);
                }
                return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static VectorFile parse(String source, String text) {
        List<Map<String, Object>> cases = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Object parsed;
            try {
                parsed = FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(line);
            } catch (RuntimeException e) {
                unreadable.add("line " + (i + 1) + ": not JSON: " + e.getMessage());
                continue;
            }
            if (!(parsed instanceof Map<?, ?> m)) {
                unreadable.add("line " + (i + 1) + ": not a JSON object");
                continue;
            }
            if (!"meta".equals(m.get("kind"))) {
                cases.add((Map<String, Object>) m);
            }
        }
        return new VectorFile(source, cases, unreadable);
    }
}
