package io.jfaust.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.examples.purchases.LessonApp;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job as a user runs it: a separate JVM on its own embedded broker, then stopped with Ctrl-C. */
class LessonCommandIT {
    @TempDir
    Path tmp;

    private final List<String> out = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Starts the job in its own JVM; its stderr goes to a file and its stdout is drained by a thread of its own, so a
     * full pipe never blocks the child (which would look like a hang on a loaded machine).
     */
    private Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), LessonApp.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(stderr().toFile()).start();
        Thread drain = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (java.io.IOException closed) {
                // the child is gone
            }
        }, "lesson-stdout");
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private Path stderr() {
        return tmp.resolve("lesson-stderr.txt");   // removed with the temp dir; not a jfaust- leftover
    }

    @Test
    void printsFaustJsonAndExitsZeroLeavingNoTempDirectories() throws Exception {
        Process p = start("--records", "5");
        List<String> lines = readLines(p, 5);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(lines.stream().filter(l -> l.contains("\t{\"username\":"))).hasSize(5)
                .allMatch(l -> l.endsWith(",\"__faust\":{\"ns\":\"lesson.PurchaseDollars\"}}"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void ctrlCStopsCleanlyWithAMessage() throws Exception {
        Process p = start("--keep-running");
        readLines(p, 2);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("stopped after Ctrl-C").isTrue();
        String err = Files.readString(stderr(), StandardCharsets.UTF_8);
        assertThat(err).contains("stopping: closing the worker");
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(leftovers()).isEmpty();
    }

    /** Waits (at most 120 s, or until the child ends) until stdout holds {@code n} output records (key TAB json). */
    private List<String> readLines(Process p, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (out.stream().filter(l -> l.contains("\t{")).count() < n && System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                Thread.sleep(200);   // let the drain thread read what is left
                break;
            }
            Thread.sleep(50);
        }
        return List.copyOf(out);
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(Path::getFileName).map(Path::toString).filter(f -> f.startsWith("jfaust-"))
                    .map(f -> f + File.separator).toList();
        }
    }
}
