package io.jfaust;

import java.util.List;
import java.util.Map;

/** Public access to {@link VectorFiles} for tests in other packages. */
public final class VectorFilesAccess {
    private VectorFilesAccess() {}

    public static List<Map<String, Object>> rows(String file) {
        return VectorFiles.rows(file);
    }

    public static byte[] bytes(Map<String, Object> row, String field) {
        return VectorFiles.bytes(row, field);
    }

    public static String text(byte[] b) {
        return VectorFiles.text(b);
    }
}
