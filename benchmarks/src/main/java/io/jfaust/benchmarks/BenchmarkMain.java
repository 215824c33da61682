package io.jfaust.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * serdes against plain Jackson, topologies in a TopologyTestDriver against hand-written Kafka Streams, the lesson
 * job end to end on a real broker, and memory. {@code --quick} shortens the JMH runs and makes one end-to-end run
 * per side; {@code --purchases} adds purchases_app.py end to end, {@code --only-purchases} runs only that (with
 * {@code --only-e2e}); {@code -De2e.jvm="..."} sets the child JVMs' flags. The table is also written to
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
                .include(TopologyBench.class.getSimpleName()).shouldFailOnError(true);
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
        for (String job : List.of("lesson", "count-memory", "count-rocksdb", "window")) {
            row(md, "TTD " + job + " (records/s; baseline hand-written Kafka Streams)",
                    scores.get("pipe {impl=jfaust, job=" + job + "}"), scores.get("pipe {impl=kstreams, job=" + job + "}"));
        }
        // purchases_app.py end to end is opt-in: it starts a broker per child run, and one run of six hung in the
        // input producer's flush on the fifth broker (2026-12-01, cause not found yet).
        boolean lesson = !List.of(args).contains("--only-purchases");
        if (e2e && (List.of(args).contains("--purchases") || !lesson)) {
            List<EndToEnd.Run> purchases = EndToEnd.runPurchases(200_000, quick ? 1 : 3);
            purchasesRows(md, purchases);
        }
        if (e2e && lesson) {
            List<EndToEnd.Run> runs = EndToEnd.run(200_000, quick ? 1 : 3);
            EndToEnd.Run bestJ = median(runs, "jfaust");
            EndToEnd.Run bestK = median(runs, "kstreams");
            md.append(String.format(Locale.ROOT, "| end to end, lesson, 200k records, 4 partitions (records/s; median of %d) "
                    + "| %.0f | %.0f | %.2f |%n", runs.size() / 2, bestJ.recordsPerSecond(), bestK.recordsPerSecond(),
                    bestJ.recordsPerSecond() / bestK.recordsPerSecond()));
            md.append(String.format(Locale.ROOT, "| memory: peak RSS of the lesson worker (MB) | %.0f | %.0f | %.2f |%n",
                    maxOf(runs, "jfaust", true), maxOf(runs, "kstreams", true),
                    maxOf(runs, "jfaust", true) / maxOf(runs, "kstreams", true)));
            md.append(String.format(Locale.ROOT, "| memory: peak heap used (MB) | %.0f | %.0f | %.2f |%n",
                    maxOf(runs, "jfaust", false), maxOf(runs, "kstreams", false),
                    maxOf(runs, "jfaust", false) / maxOf(runs, "kstreams", false)));
            md.append(String.format(Locale.ROOT, "%nFor context, real Faust 0.15.2 on this class of machine, same job end "
                    + "to end: ~2 250 records/s (~2 900 with its C extensions); with a table ~1 800; with a tumbling "
                    + "windowed table ~1 650. jfaust end to end (median): %.0f records/s (%.0fx Faust's lesson figure).%n",
                    bestJ.recordsPerSecond(), bestJ.recordsPerSecond() / 2250));
            for (EndToEnd.Run r : runs) {
                md.append(String.format(Locale.ROOT, "- run %s: %d records in %.2f s (%.0f/s), peak RSS %.0f MB, peak heap "
                        + "%.0f MB, heap after GC %.0f MB%n", r.impl(), r.records(), r.seconds(), r.recordsPerSecond(),
                        r.peakRssMb(), r.peakHeapMb(), r.heapAfterGcMb()));
            }
        }
        System.out.println();
        System.out.println(md);
        Path out = Path.of("benchmarks", "target", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
    }

    /** purchases_app.py end to end: medians over the runs of each side, and every run. */
    private static void purchasesRows(StringBuilder md, List<EndToEnd.Run> runs) {
        int n = runs.size() / 2;
        String p = "purchases_app.py, 200k records, 4 partitions: ";
        e2eRow(md, p + "first to last output (records/s; median of " + n + ")", runs,
                EndToEnd.Run::firstToLastRate, "%.0f");
        e2eRow(md, p + "records per CPU-second of the worker process (median)", runs,
                EndToEnd.Run::recordsPerCpuSecond, "%.0f");
        e2eRow(md, p + "steady state, after the first 5 s of output (records/s; median)", runs,
                EndToEnd.Run::steadyRate, "%.0f");
        e2eRow(md, p + "launch to ready (s; median)", runs, EndToEnd.Run::launchToReady, "%.2f");
        e2eRow(md, p + "launch to first output (s; median)", runs, EndToEnd.Run::launchToFirst, "%.2f");
        e2eRow(md, p + "output in the first 5 s after ready (records; median)", runs, r -> (double) r.first5s(),
                "%.0f");
        e2eRow(md, p + "peak RSS (MB; max)", runs, EndToEnd.Run::peakRssMb, "max");
        for (EndToEnd.Run r : runs) {
            md.append(String.format(Locale.ROOT, "- purchases run %s: %d records, first to last %.2f s (%.0f/s), "
                    + "CPU %.1f s (%.0f/CPU-s), steady %.0f/s, launch to ready %.2f s, to first output %.2f s, "
                    + "%d out in the first 5 s, peak RSS %.0f MB, peak heap %.0f MB, heap after GC %.0f MB%n", r.impl(), r.records(),
                    r.firstToLast(), r.firstToLastRate(), r.cpuSeconds(), r.recordsPerCpuSecond(), r.steadyRate(),
                    r.launchToReady(), r.launchToFirst(), r.first5s(), r.peakRssMb(), r.peakHeapMb(), r.heapAfterGcMb()));
        }
    }

    private static void e2eRow(StringBuilder md, String what, List<EndToEnd.Run> runs,
                               java.util.function.ToDoubleFunction<EndToEnd.Run> f, String format) {
        double[] v = new double[2];
        String[] impls = {"jfaust", "kstreams"};
        for (int i = 0; i < 2; i++) {
            String impl = impls[i];
            double[] xs = runs.stream().filter(r -> r.impl().equals(impl)).mapToDouble(f).sorted().toArray();
            v[i] = xs.length == 0 ? Double.NaN : format.equals("max") ? xs[xs.length - 1] : xs[xs.length / 2];
        }
        String fmt = format.equals("max") ? "%.0f" : format;
        md.append(String.format(Locale.ROOT, "| %s | " + fmt + " | " + fmt + " | %.2f |%n", what, v[0], v[1],
                v[0] / v[1]));
    }

    private static EndToEnd.Run median(List<EndToEnd.Run> runs, String impl) {
        List<EndToEnd.Run> mine = runs.stream().filter(r -> r.impl().equals(impl))
                .sorted((a, b) -> Double.compare(a.recordsPerSecond(), b.recordsPerSecond())).toList();
        return mine.get(mine.size() / 2);
    }

    private static double maxOf(List<EndToEnd.Run> runs, String impl, boolean rss) {
        return runs.stream().filter(r -> r.impl().equals(impl)).mapToDouble(r -> rss ? r.peakRssMb() : r.peakHeapMb())
                .max().orElse(Double.NaN);
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
