package io.jfaust.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A/B of one TopologyTestDriver job with the two sides running <em>at the same time</em>, one JVM per core: a shared
 * machine that drifts by 30% within minutes slows both sides of a round alike, which forks run one after the other
 * do not get. Each side is {@code impl} or {@code impl@jar} (another build of the benchmarks jar, to compare two
 * versions of jfaust). Prints each round's figures and ratio (B over A; CPU per record A over B, so above 1 means
 * B is cheaper), then the medians. Use it on a machine with at least two cores and nothing else running.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.jfaust.benchmarks.PairedRuns count-memory kstreams jfaust
 * java -cp benchmarks/target/benchmarks.jar io.jfaust.benchmarks.PairedRuns window jfaust@/tmp/before.jar jfaust 6
 * }</pre>
 */
public final class PairedRuns {
    private static final Pattern RESULT = Pattern.compile("median (\\d+) records/s, cpu (\\d+) ns/record");
    private static final List<String> JVM = List.of("-XX:+UseSerialGC", "-Xms1g", "-Xmx1g");

    private PairedRuns() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !TopologyBench.JOBS.contains(args[0])) {
            throw new IllegalArgumentException("usage: PairedRuns <" + String.join("|", TopologyBench.JOBS)
                    + "> <sideA> <sideB> [rounds=4] [warm-up s=8] [measured s=10]; a side is kstreams, jfaust, "
                    + "or either @ another benchmarks jar");
        }
        String job = args[0];
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        String warmup = args.length > 4 ? args[4] : "8";
        String measure = args.length > 5 ? args[5] : "10";
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Side a = start(args[1], job, warmup, measure);
            Side b = start(args[2], job, warmup, measure);
            double[] fa = result(a, args[1]);
            double[] fb = result(b, args[2]);
            ratios[r] = fb[0] / fa[0];
            cpuRatios[r] = fa[1] / fb[1];
            System.out.printf(Locale.ROOT, "%s round %d: A %s %.0f records/s %.0f ns; B %s %.0f records/s %.0f ns;"
                    + " B/A %.3f, CPU A/B %.3f%n", job, r + 1, args[1], fa[0], fa[1], args[2], fb[0], fb[1],
                    ratios[r], cpuRatios[r]);
        }
        System.out.printf(Locale.ROOT, "%s: median B/A %.3f (rounds %s), median CPU A/B %.3f%n", job,
                BenchmarkMain.median(ratios), Arrays.toString(round3(ratios)), BenchmarkMain.median(cpuRatios));
    }

    private static Side start(String side, String job, String warmup, String measure) throws Exception {
        String[] parts = side.split("@", 2);
        if (!List.of("kstreams", "jfaust").contains(parts[0])) {
            throw new IllegalArgumentException("side " + side + ": give kstreams or jfaust, optionally @<jar>");
        }
        String classPath = parts.length == 2 ? parts[1] : System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        cmd.addAll(List.of("-cp", classPath, TopologyLoop.class.getName(), job, parts[0], warmup, measure));
        // the side's log (Kafka Streams' warnings) goes to a file, whose end a failure shows
        File log = File.createTempFile("paired-" + parts[0] + "-", ".log");
        log.deleteOnExit();
        return new Side(new ProcessBuilder(cmd).redirectError(log).start(), log);
    }

    /** A running side and the file its standard error goes to. */
    private record Side(Process process, File log) {}

    /** {records/s, CPU ns/record} from a side's output; fails naming the side when it printed no result. */
    private static double[] result(Side s, String side) throws Exception {
        Process p = s.process();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        int exit = p.waitFor();
        for (String line : lines) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
            }
        }
        List<String> log = Files.readAllLines(s.log().toPath(), StandardCharsets.UTF_8);
        throw new IllegalStateException("side " + side + " exited " + exit + " without a result (a side on another "
                + "jar needs its TopologyLoop, in the benchmarks jar since 2026-12-02); output " + lines
                + ", end of its log:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
    }

    private static String[] round3(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format(Locale.ROOT, "%.3f", x)).toArray(String[]::new);
    }
}
