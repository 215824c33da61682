package io.jfaust.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark side by side and prints one table of ratios (jfaust / baseline, measured in the same run):
 * serdes against plain Jackson, topologies in a TopologyTestDriver against hand-written Kafka Streams, and
 * purchases_app.py and the lesson job end to end on a real broker (speed, start, CPU by thread, memory).
 * {@code --quick} shortens the JMH runs and makes one end-to-end run per side; {@code --no-purchases} leaves out
 * purchases_app.py, {@code --only-purchases} runs only that (with {@code --only-e2e}); {@code -De2e.jvm="..."} sets
 * both children's JVM flags, {@code -De2e.jvm.jfaust="..."} one side's. The table is also written to
 * {@code benchmarks/target/results.md}.
 *
 * <pre>{@code
 * mvn -B -q -ntp -Pbench package -DskipTests -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar
 * }</pre>
 */
public final class BenchmarkMain {
    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        boolean e2e = !List.of(args).contains("--no-e2e");
        boolean jmh = !List.of(args).contains("--only-e2e");
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append("\n\n");
        Map<String, double[]> scores = new HashMap<>();
        ChainedOptionsBuilder opts = new OptionsBuilder().include(SerdeBench.class.getSimpleName())
                .shouldFailOnError(true);
        if (quick) {
            opts.warmupIterations(2).measurementIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = jmh ? new Runner(opts.build()).run() : List.of();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            Map<String, String> params = new java.util.TreeMap<>();
            for (String p : r.getParams().getParamsKeys()) {
                params.put(p, r.getParams().getParam(p));
            }
            scores.put(name + " " + params, new double[] {r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()});
        }
        Map<String, List<double[]>> rounds = jmh ? topologyRounds(quick ? 1 : 5, quick) : Map.of();
        md.append("| benchmark | jfaust | baseline | ratio (jfaust/baseline) |\n|---|---|---|---|\n");
        for (String rec : List.of("purchase", "nested")) {
            for (String codec : List.of("json", "json|binary")) {
                for (String op : List.of("Encode", "Decode")) {
                    String params = "{codec=" + codec + ", record=" + rec + "}";
                    double[] j = scores.get("jfaust" + op + " " + params);
                    double[] b = scores.get("jackson" + op + " " + params);
                    row(md, "serde " + op.toLowerCase() + " " + rec + " `" + codec.replace("|", "\\|") + "` (ops/s; baseline Jackson)",
                            j, b);
                }
            }
        }
        md.append("\nTopologyTestDriver, one fork per job and side, the two sides alternating (kstreams, jfaust) round "
                + "after round: medians of the rounds, then each round's ratio.\n\n| job | jfaust | hand-written "
                + "| ratio of medians | ratio per round |\n|---|---|---|---|---|\n");
        for (String job : TopologyBench.JOBS) {
            List<double[]> pairs = rounds.getOrDefault(job, List.of());
            if (pairs.isEmpty()) {
                continue;
            }
            double j = median(pairs.stream().mapToDouble(x -> x[0]).toArray());
            double k = median(pairs.stream().mapToDouble(x -> x[1]).toArray());
            md.append(String.format(Locale.ROOT, "| TTD %s (records/s) | %.0f | %.0f | %.2f | %s |%n", job, j, k, j / k,
                    pairs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x[0] / x[1]))
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        // --only-purchases: purchases_app.py only (no lesson); --no-purchases: the lesson only
        boolean lesson = !List.of(args).contains("--only-purchases");
        boolean purchases = e2e && !List.of(args).contains("--no-purchases");
        if (e2e) {
            md.append("\nEnd to end: jfaust as a worker (").append(String.join(" ", EndToEnd.jvmFlags("jfaust")))
                    .append(") against the hand-written job on Kafka Streams' defaults (")
                    .append(String.join(" ", EndToEnd.jvmFlags("kstreams")))
                    .append("); medians, then every run in order.\n\n| figure | jfaust | hand-written | ratio | jfaust runs "
                            + "| hand-written runs |\n|---|---|---|---|---|---|\n");
        }
        if (purchases) {
            e2eRows(md, "purchases_app.py", EndToEnd.runPurchases(200_000, quick ? 1 : 3));
        }
        if (e2e && lesson) {
            e2eRows(md, "lesson", EndToEnd.run(200_000, quick ? 1 : 3));
            md.append("\nFor context, real Faust 0.15.2 on this class of machine, same lesson job end to end: ~2 250 "
                    + "records/s (~2 900 with its C extensions); with a table ~1 800; with a tumbling windowed table "
                    + "~1 650.\n");
        }
        System.out.println();
        System.out.println(md);
        Path out = Path.of("benchmarks", "target", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    /**
     * The TopologyTestDriver jobs, one JMH fork per job and side, the sides alternating within each round so that a
     * pair's two forks run minutes apart at most (forks of one side run back to back otherwise, and a shared machine
     * drifts between them): per job, each round's {jfaust, hand-written} records/s.
     */
    private static Map<String, List<double[]>> topologyRounds(int rounds, boolean quick) throws Exception {
        Map<String, List<double[]>> out = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String job : TopologyBench.JOBS) {
                double[] pair = new double[2];
                for (String impl : List.of("kstreams", "jfaust")) {
                    ChainedOptionsBuilder o = new OptionsBuilder().include(TopologyBench.class.getSimpleName())
                            .param("job", job).param("impl", impl).forks(1).shouldFailOnError(true);
                    if (quick) {
                        o.warmupIterations(2).measurementIterations(3).warmupTime(TimeValue.seconds(1))
                                .measurementTime(TimeValue.seconds(1));
                    } else {
                        o.warmupIterations(2).measurementIterations(4).warmupTime(TimeValue.seconds(2))
                                .measurementTime(TimeValue.seconds(2));
                    }
                    double score = new Runner(o.build()).runSingle().getPrimaryResult().getScore();
                    pair[impl.equals("jfaust") ? 0 : 1] = score;
                }
                out.computeIfAbsent(job, j -> new ArrayList<>()).add(pair);
            }
        }
        return out;
    }

    /** The median of {@code xs} (the mean of the middle two for an even count), NaN for none. */
    static double median(double[] xs) {
        double[] sorted = xs.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One job end to end: each figure's median per side, their ratio, and every run's figure. */
    private static void e2eRows(StringBuilder md, String job, List<EndToEnd.Run> runs) {
        String p = job + ", 200k records, 4 partitions: ";
        e2eRow(md, p + "first to last output (records/s)", runs, EndToEnd.Run::firstToLastRate, "%.0f");
        e2eRow(md, p + "records per CPU-second of the worker process", runs, EndToEnd.Run::recordsPerCpuSecond,
                "%.0f");
        e2eRow(md, p + "steady state, after the first 5 s of output (records/s)", runs, EndToEnd.Run::steadyRate,
                "%.0f");
        e2eRow(md, p + "launch to ready (s)", runs, EndToEnd.Run::launchToReady, "%.2f");
        e2eRow(md, p + "launch to first output (s)", runs, EndToEnd.Run::launchToFirst, "%.2f");
        e2eRow(md, p + "output in the first 5 s after ready (records)", runs, r -> (double) r.first5s(), "%.0f");
        e2eRow(md, p + "peak RSS (MB)", runs, EndToEnd.Run::peakRssMb, "%.0f");
        e2eRow(md, p + "peak heap used (MB)", runs, EndToEnd.Run::peakHeapMb, "%.0f");
        e2eRow(md, p + "heap after GC at the end (MB)", runs, EndToEnd.Run::heapAfterGcMb, "%.0f");
        e2eRow(md, p + "CPU s of the whole process", runs, EndToEnd.Run::cpuSeconds, "%.2f");
        e2eRow(md, p + "CPU s of the JIT compiler threads", runs, EndToEnd.Run::jitCpu, "%.2f");
        e2eRow(md, p + "CPU s of garbage collection (VM and GC threads)", runs, EndToEnd.Run::gcCpu, "%.2f");
        e2eRow(md, p + "CPU s of the stream threads", runs, EndToEnd.Run::streamCpu, "%.2f");
        e2eRow(md, p + "CPU s of the producer I/O threads", runs, EndToEnd.Run::producerCpu, "%.2f");
    }

    private static void e2eRow(StringBuilder md, String what, List<EndToEnd.Run> runs,
                               java.util.function.ToDoubleFunction<EndToEnd.Run> f, String format) {
        double[] v = new double[2];
        String[] each = new String[2];
        // jfaust against the other side run (the hand-written job; or a jfaust variant, -De2e.impls=jfaust-b,jfaust)
        String other = EndToEnd.IMPLS.stream().filter(i -> !i.equals("jfaust")).findFirst().orElse("kstreams");
        String[] impls = {"jfaust", other};
        for (int i = 0; i < 2; i++) {
            String impl = impls[i];
            double[] xs = runs.stream().filter(r -> r.impl().equals(impl)).mapToDouble(f).toArray();
            // a run with no such figure (done within 5 s of its first output: no steady state) is listed, not ranked
            each[i] = java.util.Arrays.stream(xs).mapToObj(x -> String.format(Locale.ROOT, format, x))
                    .collect(java.util.stream.Collectors.joining(" / "));
            v[i] = median(java.util.Arrays.stream(xs).filter(x -> !Double.isNaN(x)).toArray());
        }
        md.append(String.format(Locale.ROOT, "| %s | " + format + " | " + format + " | %.2f | %s | %s |%n", what, v[0],
                v[1], v[0] / v[1], each[0], each[1]));
    }

    private static void row(StringBuilder md, String what, double[] j, double[] b) {
        if (j == null || b == null) {
            md.append("| ").append(what).append(" | missing | missing | |\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %.0f ± %.0f | %.0f ± %.0f | %.2f |%n", what, j[0], j[1], b[0], b[1],
                j[0] / b[0]));
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", max heap per fork as configured ("
                + ManagementFactory.getRuntimeMXBean().getInputArguments() + ")";
    }
}
