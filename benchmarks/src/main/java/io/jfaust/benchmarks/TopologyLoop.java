package io.jfaust.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * One side of a {@link PairedRuns} round: a {@link TopologyBench} job in a TopologyTestDriver, piped 50 000 records
 * at a time for a warm-up and then a measured period; prints the median batch rate and the thread's CPU per record.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.jfaust.benchmarks.TopologyLoop count-memory jfaust 8 10
 * # -> median 198765 records/s, cpu 5012 ns/record, 38 batches
 * }</pre>
 */
public final class TopologyLoop {
    private static final int BATCH = 50_000;

    private TopologyLoop() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: TopologyLoop <job> <kstreams|jfaust> <warm-up s> <measured s>");
        }
        String job = args[0];
        String impl = args[1];
        long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        List<TestRecord<byte[], byte[]>> records = BenchData.records(BATCH);
        Path stateDir = Files.createTempDirectory("jfaust-loop-");
        try (TopologyTestDriver driver = TopologyBench.driver(job, impl, stateDir)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(JfaustJobs.IN, new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(TopologyBench.outputTopic(job, impl),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            for (long end = System.nanoTime() + warmupNanos; System.nanoTime() < end; ) {
                in.pipeRecordList(records);
                out.readRecordsToList();
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            List<Double> rates = new ArrayList<>();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            for (long end = System.nanoTime() + measureNanos; System.nanoTime() < end; ) {
                long start = System.nanoTime();
                in.pipeRecordList(records);
                if (out.readRecordsToList().isEmpty()) {
                    throw new IllegalStateException(job + " (" + impl + ") wrote nothing to " +
                            TopologyBench.outputTopic(job, impl));
                }
                rates.add(BATCH / ((System.nanoTime() - start) / 1e9));
            }
            double cpuPerRecord = (threads.getCurrentThreadCpuTime() - cpuBefore) / ((double) rates.size() * BATCH);
            Collections.sort(rates);
            System.out.printf(Locale.ROOT, "median %.0f records/s, cpu %.0f ns/record, %d batches%n",
                    rates.get(rates.size() / 2), cpuPerRecord, rates.size());
        } finally {
            io.jfaust.embedded.TempDirs.deleteQuietly(stateDir);
        }
    }
}
