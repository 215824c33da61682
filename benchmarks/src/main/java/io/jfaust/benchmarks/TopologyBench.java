package io.jfaust.benchmarks;

import io.jfaust.App;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 100 000 records per invocation through a TopologyTestDriver: each job as a jfaust app and as hand-written Kafka
 * Streams. Score: records per second. Output (and changelog) records are drained every invocation for both.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TopologyBench
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TopologyBench -p job=lesson
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TopologyBench -p impl=jfaust -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(TopologyBench.RECORDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class TopologyBench {
    static final int RECORDS = 100_000;

    /** The jobs, as {@link #job} takes them. */
    static final List<String> JOBS = List.of("lesson", "count-memory", "count-rocksdb", "window");

    @Param({"lesson", "count-memory", "count-rocksdb", "window"})
    public String job;

    @Param({"kstreams", "jfaust"})
    public String impl;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<byte[], byte[]> output;
    private List<TestRecord<byte[], byte[]>> records;
    private Path stateDir;
    private long round;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        records = BenchData.records(RECORDS);
        stateDir = Files.createTempDirectory("jfaust-bench-");
        driver = driver(job, impl, stateDir);
        input = driver.createInputTopic(JfaustJobs.IN, new ByteArraySerializer(), new ByteArraySerializer());
        output = driver.createOutputTopic(outputTopic(job, impl), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    static String appId(String impl) {
        return "bench-" + impl;
    }

    /** Where each job's bytes come out: the dollars topic, or the table's changelog. */
    static String outputTopic(String job, String impl) {
        return job.equals("lesson") ? JfaustJobs.OUT : appId(impl) + "-counts-changelog";
    }

    static TopologyTestDriver driver(String job, String impl, Path stateDir) {
        Topology topology;
        if (impl.equals("jfaust")) {
            App app = switch (job) {
                case "lesson" -> JfaustJobs.lesson(appId(impl), "localhost:9092", JfaustJobs.OUT);
                case "count-memory" -> JfaustJobs.count(appId(impl), false);
                case "count-rocksdb" -> JfaustJobs.count(appId(impl), true);
                case "purchases" -> io.jfaust.examples.purchasesapp.PurchasesApp.create("kafka://localhost:9092");
                default -> JfaustJobs.window(appId(impl));
            };
            topology = app.topology();
        } else {
            topology = switch (job) {
                case "lesson" -> KafkaStreamsJobs.lesson(JfaustJobs.OUT);
                case "count-memory" -> KafkaStreamsJobs.count(false, false);
                case "count-rocksdb" -> KafkaStreamsJobs.count(true, false);
                case "purchases" -> KafkaStreamsJobs.purchases();
                default -> KafkaStreamsJobs.count(false, true);
            };
        }
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId(impl));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        return new TopologyTestDriver(topology, p);
    }

    @Benchmark
    public int pipe() {
        round++;
        input.pipeRecordList(records);
        return output.readRecordsToList().size();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        driver.close();
        io.jfaust.embedded.TempDirs.deleteQuietly(stateDir);
    }
}
