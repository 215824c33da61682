package io.jfaust.benchmarks;

import io.jfaust.App;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * One end-to-end run in its own JVM (so its memory is its own): the lesson job as jfaust or as hand-written Kafka
 * Streams, over the records already in {@code purchases}; it reports records/s from RUNNING to the last output
 * record written, and peak RSS and heap. Prints one line: {@code impl seconds peakRssMb peakHeapMb heapAfterGcMb}.
 *
 * <pre>{@code
 * // started by EndToEnd, one JVM per run:
 * java -Xmx512m -cp benchmarks.jar io.jfaust.benchmarks.E2eChild jfaust 127.0.0.1:9092 out-topic 200000
 * // prints: RESULT jfaust 200000 4.120 297.0 149.0 11.0
 * }</pre>
 */
public final class E2eChild {
    private E2eChild() {}

    public static void main(String[] args) throws Exception {
        String impl = args[0];
        String bootstrap = args[1];
        String out = args[2];
        long records = Long.parseLong(args[3]);
        Path state = Files.createTempDirectory("jfaust-e2e-");
        App app = JfaustJobs.lesson("e2e-" + out, "kafka://" + bootstrap, out);
        Properties props = app.streamsConfig();
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        Topology topology = impl.equals("jfaust") ? app.topology() : KafkaStreamsJobs.lesson(out);
        CountDownLatch running = new CountDownLatch(1);
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
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            if (!running.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not running after 60 s");
            }
            long t0 = System.nanoTime();
            int partitions = admin.describeTopics(List.of(out)).allTopicNames().get().get(out).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(out, p), OffsetSpec.latest());
            }
            long written = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (written < records && System.nanoTime() < deadline) {
                Thread.sleep(20);
                written = admin.listOffsets(latest).all().get().values().stream().mapToLong(i -> i.offset()).sum();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            System.gc();
            long afterGc = mem.getHeapMemoryUsage().getUsed();
            System.out.printf("RESULT %s %d %.3f %.1f %.1f %.1f%n", impl, written, seconds,
                    Math.max(peakRss[0], hwmKb() * 1024) / 1048576.0, peakHeap[0] / 1048576.0, afterGc / 1048576.0);
        } finally {
            io.jfaust.examples.TempDirs.deleteQuietly(state);
        }
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
