package io.jfaust.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the temporary directories jfaust and its tools create (state, broker logs), quietly.
 *
 * <pre>{@code
 * Path dir = Files.createTempDirectory("jfaust-");
 * // ... use it ...
 * TempDirs.deleteQuietly(dir);
 * }</pre>
 */
public final class TempDirs {
    private TempDirs() {}

    /** Deletes {@code dir} and everything under it; a directory that cannot be deleted is left behind silently. */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
