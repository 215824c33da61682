package io.jfaust.testing;

import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.JsonFlavor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reads the live-run files of faust-vectors (rows of topic, partition, offset, timestamp, key/value bytes). */
final class VectorFiles {
    private VectorFiles() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rows(String file) {
        try (InputStream in = VectorFiles.class.getResourceAsStream("/faust-vectors/" + file)) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add((Map<String, Object>) FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Map<String, Object> row, String field) {
        Object b64 = row.get(field);
        return b64 == null ? null : Base64.getDecoder().decode((String) b64);
    }

    static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
