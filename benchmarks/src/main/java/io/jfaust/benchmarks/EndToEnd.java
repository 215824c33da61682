package io.jfaust.benchmarks;

import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.worker.Worker;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The end-to-end figure: a real broker in this JVM, the input loaded once into a 4-partition {@code purchases}
 * topic, then each implementation run in a child JVM of its own (alternating, {@code runs} times each).
 */
final class EndToEnd {
    /**
     * One child run's figures: output records, seconds from RUNNING to the last output, memory, seconds from launch
     * to RUNNING and to the first output, from the first to the last output, CPU seconds of the child process, the
     * rate after the first 5 s of output, and the records out in the first 5 s after RUNNING.
     */
    record Run(String impl, long records, double seconds, double peakRssMb, double peakHeapMb, double heapAfterGcMb,
               double launchToReady, double launchToFirst, double firstToLast, double cpuSeconds, double steadyRate,
               long first5s, double jitCpu, double gcCpu, double streamCpu, double producerCpu) {
        double recordsPerSecond() {
            return records / seconds;
        }

        double firstToLastRate() {
            return records / firstToLast;
        }

        double recordsPerCpuSecond() {
            return records / cpuSeconds;
        }
    }

    private EndToEnd() {}

    /** The lesson job: one broker, the input loaded once, {@code runs} alternating child runs per side. */
    static List<Run> run(int records, int runs) throws Exception {
        List<Run> out = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            load(kafka, BenchData.records(records));
            for (int i = 0; i < runs; i++) {
                for (String impl : IMPLS) {
                    String topic = "dollars-" + impl + "-" + i;
                    kafka.createTopic(topic, 4);
                    out.add(child(impl, kafka.bootstrapServers(), topic, records, "lesson"));
                }
            }
        }
        return out;
    }

    /**
     * purchases_app.py: its topic names are fixed (app {@code faustlab}), so each child run gets a fresh broker with
     * the input loaded, the output and repartition topics created with 4 partitions, as a Faust deployment has them.
     */
    static List<Run> runPurchases(int records, int runs) throws Exception {
        List<Run> out = new ArrayList<>();
        List<TestRecord<byte[], byte[]>> in = BenchData.records(records, true);
        for (int i = 0; i < runs; i++) {
            for (String impl : IMPLS) {
                try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
                    load(kafka, in);
                    kafka.createTopic("purchases-dollars", 4);
                    kafka.createTopic(KafkaStreamsJobs.BY_CURRENCY, 4);
                    out.add(child(impl, kafka.bootstrapServers(), "purchases-dollars", records, "purchases"));
                }
            }
        }
        return out;
    }

    private static void load(EmbeddedKafka kafka, List<TestRecord<byte[], byte[]>> in) throws Exception {
        kafka.createTopic(JfaustJobs.IN, 4);
        // Not idempotent: on a fresh broker the first batch to a partition may meet NOT_LEADER_OR_FOLLOWER, and the
        // idempotent producer's retry of it was then refused forever as out of order (Kafka 4.4, seen here). One
        // request in flight keeps the order; the count is checked below.
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (TestRecord<byte[], byte[]> r : in) {
                p.send(new ProducerRecord<>(JfaustJobs.IN, r.key(), r.value()));
            }
            p.flush();
        }
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int i = 0; i < 4; i++) {
                latest.put(new TopicPartition(JfaustJobs.IN, i), OffsetSpec.latest());
            }
            long loaded = admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
            if (loaded != in.size()) {
                throw new IllegalStateException("loaded " + loaded + " input records, wanted " + in.size());
            }
        }
    }

    private static Run child(String impl, String bootstrap, String topic, int records, String job)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmFlags(impl));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), E2eChild.class.getName(), impl, bootstrap,
                topic, Integer.toString(records), job, Long.toString(System.currentTimeMillis())));
        // -De2e.log=<file>: the children's standard error, and their other output lines, appended there.
        String log = System.getProperty("e2e.log");
        Process p = new ProcessBuilder(cmd).redirectError(log == null ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(new File(log))).start();
        Run run = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    run = new Run(f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                            Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
                            Double.parseDouble(f[11]), Long.parseLong(f[12]), Double.parseDouble(f[13]),
                            Double.parseDouble(f[14]), Double.parseDouble(f[15]), Double.parseDouble(f[16]));
                } else if (log != null) {
                    Files.writeString(Path.of(log), impl + "> " + line + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
        p.waitFor();
        if (run == null) {
            throw new IllegalStateException(impl + " end-to-end run reported nothing (exit " + p.exitValue() + ")");
        }
        return run;
    }

    /**
     * A child JVM's flags: {@code -De2e.jvm.<impl>="..."} (space-separated) if given, else {@code -De2e.jvm="..."},
     * else the worker's {@link Worker#JVM_FLAGS} for jfaust and {@code -Xmx512m} for the hand-written job.
     */
    static List<String> jvmFlags(String impl) {
        String flags = System.getProperty("e2e.jvm." + impl, System.getProperty("e2e.jvm"));
        if (flags == null) {
            return impl.startsWith("jfaust") ? Worker.JVM_FLAGS : List.of("-Xmx512m");
        }
        return flags.isBlank() ? List.of() : List.of(flags.trim().split("\\s+"));
    }

    /** The sides run, in this order: {@code -De2e.impls=jfaust} runs only jfaust (default: both). */
    static final List<String> IMPLS = List.of(System.getProperty("e2e.impls", "kstreams,jfaust").split(","));
}
