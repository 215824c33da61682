package io.jfaust.it;

import io.jfaust.App;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code preflight} verb run as an operator runs it: its exit code and what it printed. */
record PreflightRun(int exitCode, String report) {
    static PreflightRun of(App app, String brokerUrl) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = app.run("preflight", "--broker", brokerUrl);
        } finally {
            System.setOut(old);
        }
        String report = buf.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        return new PreflightRun(exit, report);
    }

    /** The cells of the report's table row whose first two cells are {@code first} and {@code second}. */
    List<String> cells(String first, String second) {
        for (String line : report.split("\n")) {
            if (line.startsWith("| ")) {
                List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|")).stream()
                        .map(String::strip).toList();
                if (cells.get(0).equals(first) && cells.get(1).equals(second)) {
                    return cells;
                }
            }
        }
        throw new AssertionError("no row " + first + " | " + second + " in\n" + report);
    }
}
