package io.jfaust.benchmarks;

import io.jfaust.App;
import io.jfaust.examples.purchasesapp.PurchasesApp;
import io.jfaust.worker.Worker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * One end-to-end run in its own JVM (so its memory and CPU time are its own): the lesson job or purchases_app.py,
 * as jfaust or as hand-written Kafka Streams, over the records already in {@code purchases}. It reports the output
 * records written, seconds from RUNNING to the last output, peak RSS and heap, heap after GC, then seconds from
 * launch (the parent's clock just before it started this JVM) to RUNNING and to the first output, seconds from the
 * first to the last output, this process's CPU seconds, the rate after the first 5 s of output, and the records out
 * in the first 5 s after RUNNING. The job is done when its last output topic holds one record per input (the dollars
 * for the lesson; for purchases_app.py also the {@code currency_counts} changelog, at the end of the repartition).
 *
 * <pre>{@code
 * // started by EndToEnd, one JVM per run:
 * java -Xmx512m -cp benchmarks.jar io.jfaust.benchmarks.E2eChild jfaust 127.0.0.1:9092 out-topic 200000 lesson 0
 * // prints: RESULT jfaust 200000 4.120 297.0 149.0 11.0 2.1 2.3 4.0 9.5 52000 31000 5.9 0.4 3.8 0.9
 * }</pre>
 */
public final class E2eChild {
    private E2eChild() {}

    public static void main(String[] args) throws Exception {
        String impl = args[0];
        String bootstrap = args[1];
        String out = args[2];
        long records = Long.parseLong(args[3]);
        String jobName = args.length > 4 ? args[4] : "lesson";
        long launchedMs = args.length > 5 ? Long.parseLong(args[5]) : ManagementFactory.getRuntimeMXBean().getStartTime();
        Path state = Files.createTempDirectory("jfaust-e2e-");
        boolean purchases = jobName.equals("purchases");
        App app = purchases ? PurchasesApp.create("kafka://" + bootstrap)
                : JfaustJobs.lesson("e2e-" + out, "kafka://" + bootstrap, out);
        String appId = app.id();
        // Done when the output holds one record per input and, for purchases_app.py, the table currency_counts
        // (at the end of the repartition) counts every input, as the app's interactive queries see it.
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long[] peakHeap = {0};
        long[] peakRss = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap[0] = Math.max(peakHeap[0], mem.getHeapMemoryUsage().getUsed());
                peakRss[0] = Math.max(peakRss[0], rssKb() * 1024);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long[] readyMs = {0};
        // "jfaust" or a variant of it ("jfaust-b": its own flags and -De2e.props, to measure one default)
        Worker worker = impl.startsWith("jfaust") ? worker(app, state, readyMs) : null;
        KafkaStreams streams = worker != null ? worker.streams()
                : handWritten(purchases ? KafkaStreamsJobs.purchases() : KafkaStreamsJobs.lesson(out), appId,
                        bootstrap, state, readyMs);
        try (AutoCloseable job = worker != null ? worker : streams;
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long t0 = System.nanoTime();
            long firstNanos = 0;
            long firstMs = 0;
            long outAt5s = -1;
            long outAtFirstPlus5 = -1;
            long nanosAtFirstPlus5 = 0;
            long written = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("e2e.deadline", 300));
            while ((written < records || purchases && total(streams, "currency_counts") < records)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                long now = System.nanoTime();
                Map<String, Long> ends = endOffsets(admin, List.of(out));
                if (ends.isEmpty()) {
                    continue;
                }
                written = ends.getOrDefault(out, 0L);
                if (written > 0 && firstNanos == 0) {
                    firstNanos = now;
                    firstMs = System.currentTimeMillis();
                }
                if (outAt5s < 0 && now - t0 >= 5_000_000_000L) {
                    outAt5s = written;
                }
                if (firstNanos != 0 && outAtFirstPlus5 < 0 && now - firstNanos >= 5_000_000_000L) {
                    outAtFirstPlus5 = written;
                    nanosAtFirstPlus5 = now;
                }
            }
            long end = System.nanoTime();
            if (written < records) { // stalled: what every thread was doing, for the log (-De2e.log)
                Thread.getAllStackTraces().forEach((t, stack) -> {
                    System.err.println("STALLED " + t.getName() + " " + t.getState());
                    for (StackTraceElement e : stack) {
                        System.err.println("    at " + e);
                    }
                });
            }
            if (Boolean.getBoolean("e2e.threads")) { // CPU seconds per thread name, JIT and GC threads included
                threadCpu().forEach((name, cpu) -> System.err.printf(java.util.Locale.ROOT, "CPU %-20s %.2f%n",
                        name, cpu));
            }
            double seconds = (end - t0) / 1e9;
            double steady = outAtFirstPlus5 < 0 || end <= nanosAtFirstPlus5 ? Double.NaN
                    : (written - outAtFirstPlus5) / ((end - nanosAtFirstPlus5) / 1e9);
            double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            sampler.interrupt();
            System.gc();
            long afterGc = mem.getHeapMemoryUsage().getUsed();
            Map<String, Double> perThread = threadCpu();
            double jit = sum(perThread, n -> n.contains("CompilerThre"));
            double gc = sum(perThread, n -> n.equals("VM Thread") || n.startsWith("GC Thread") || n.startsWith("GN "));
            double stream = javaThreadCpu("StreamThread");
            double producer = javaThreadCpu("kafka-producer-network-thread");
            System.out.printf(java.util.Locale.ROOT, "RESULT %s %d %.3f %.1f %.1f %.1f %.3f %.3f %.3f %.3f %.0f %d "
                    + "%.2f %.2f %.2f %.2f%n",
                    impl, written, seconds, Math.max(peakRss[0], hwmKb() * 1024) / 1048576.0,
                    peakHeap[0] / 1048576.0, afterGc / 1048576.0, (readyMs[0] - launchedMs) / 1000.0,
                    (firstMs - launchedMs) / 1000.0, (end - firstNanos) / 1e9, cpu, steady,
                    outAt5s < 0 ? written : outAt5s, jit, gc, stream, producer);
        } finally {
            io.jfaust.embedded.TempDirs.deleteQuietly(state);
        }
    }

    /**
     * jfaust as its users run it: a {@link Worker} with the {@code worker} verb's defaults (web server on a free
     * port, meters, preflight, declared topics), its state in {@code state}.
     */
    private static Worker worker(App app, Path state, long[] readyMs) throws InterruptedException {
        // -De2e.props=key=value,... : Kafka Streams / client properties on top of the worker's (to measure one)
        String extra = System.getProperty("e2e.props", "");
        Worker w = Worker.create(app, o -> {
            o.datadir(state.toString()).banner(false).webPort(0);
            for (String kv : extra.split(",")) {
                if (!kv.isBlank()) {
                    o.property(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
                }
            }
        }).start();
        if (!w.awaitRunning(Duration.ofSeconds(60))) {
            w.close();
            throw new IllegalStateException("jfaust worker not running after 60 s: " + w.failure());
        }
        readyMs[0] = System.currentTimeMillis();
        return w;
    }

    /**
     * The hand-written job as a Kafka Streams user writes it: only what it must set (application id, brokers, state
     * directory); every other setting is Kafka Streams' default.
     */
    private static KafkaStreams handWritten(Topology topology, String appId, String bootstrap, Path state,
                                             long[] readyMs) throws InterruptedException {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        KafkaStreams streams = new KafkaStreams(topology, props);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && running.getCount() > 0) {
                readyMs[0] = System.currentTimeMillis();
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(60, TimeUnit.SECONDS)) {
            streams.close();
            throw new IllegalStateException("hand-written job not running after 60 s");
        }
        return streams;
    }

    /** The sum of a counting table's values (ASCII integers), over every task of {@code streams}. */
    static long total(KafkaStreams streams, String table) {
        long sum = 0;
        try (KeyValueIterator<Bytes, byte[]> all = streams.store(StoreQueryParameters.fromNameAndType(table,
                QueryableStoreTypes.<Bytes, byte[]>keyValueStore())).all()) {
            while (all.hasNext()) {
                sum += Long.parseLong(new String(all.next().value, java.nio.charset.StandardCharsets.US_ASCII));
            }
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return 0; // rebalancing or restoring: not counted yet
        }
        return sum;
    }

    /**
     * The sum of the end offsets of each topic's partitions; empty when a topic is not there yet or the broker does
     * not answer within 2 s (a just-created changelog may have no leader yet: the admin would retry for a minute).
     */
    private static Map<String, Long> endOffsets(Admin admin, List<String> topics) throws InterruptedException {
        Map<String, Long> sums = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        try {
            admin.describeTopics(topics).allTopicNames().get(2, TimeUnit.SECONDS).forEach((t, d) -> d.partitions()
                    .forEach(p -> latest.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
            admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS)
                    .forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return Map.of();
        }
        return sums;
    }

    private static double sum(Map<String, Double> perThread, java.util.function.Predicate<String> which) {
        return perThread.entrySet().stream().filter(e -> which.test(e.getKey())).mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** CPU seconds of the live Java threads whose name contains {@code part}. */
    private static double javaThreadCpu(String part) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sum = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(part)) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId())) / 1e9;
            }
        }
        return sum;
    }

    /** CPU seconds of this process's threads by name (digits folded), from /proc; empty where there is none. */
    private static Map<String, Double> threadCpu() {
        Map<String, Double> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9]+", "N");
                String stat = Files.readString(t.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in ticks
                out.merge(name, cpu, Double::sum);
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return out;
    }

    private static long rssKb() {
        return statusKb("VmRSS:");
    }

    private static long hwmKb() {
        return statusKb("VmHWM:");
    }

    private static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return 0;
    }
}
