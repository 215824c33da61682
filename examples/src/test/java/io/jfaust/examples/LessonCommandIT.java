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

    private Process start(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), LessonApp.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(false).start();
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
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).contains("stopping: closing the worker");
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(leftovers()).isEmpty();
    }

    /** Reads stdout until {@code n} output records (key TAB json) were printed. */
    private static List<String> readLines(Process p, int n) throws Exception {
        List<String> lines = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        int records = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines.add(line);
            if (line.contains("\t{") && ++records >= n) {
                break;
            }
        }
        return lines;
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(Path::getFileName).map(Path::toString).filter(f -> f.startsWith("jfaust-"))
                    .map(f -> f + File.separator).toList();
        }
    }
}
