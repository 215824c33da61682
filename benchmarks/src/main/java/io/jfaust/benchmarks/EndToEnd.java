package io.jfaust.benchmarks;

import io.jfaust.examples.EmbeddedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The end-to-end figure: a real broker in this JVM, the input loaded once into a 4-partition {@code purchases}
 * topic, then each implementation run in a child JVM of its own (alternating, {@code runs} times each).
 */
final class EndToEnd {
    /** One child run's figures. */
    record Run(String impl, long records, double seconds, double peakRssMb, double peakHeapMb, double heapAfterGcMb) {
        double recordsPerSecond() {
            return records / seconds;
        }
    }

    private EndToEnd() {}

    static List<Run> run(int records, int runs) throws Exception {
        List<Run> out = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopic(JfaustJobs.IN, 4);
            List<TestRecord<byte[], byte[]>> in = BenchData.records(records);
            try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 20),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                for (TestRecord<byte[], byte[]> r : in) {
                    p.send(new ProducerRecord<>(JfaustJobs.IN, r.key(), r.value()));
                }
                p.flush();
            }
            for (int i = 0; i < runs; i++) {
                for (String impl : List.of("kstreams", "jfaust")) {
                    String topic = "dollars-" + impl + "-" + i;
                    kafka.createTopic(topic, 4);
                    out.add(child(impl, kafka.bootstrapServers(), topic, records));
                }
            }
        }
        return out;
    }

    private static Run child(String impl, String bootstrap, String topic, int records) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                E2eChild.class.getName(), impl, bootstrap, topic, Integer.toString(records))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Run run = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    run = new Run(f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                }
            }
        }
        p.waitFor();
        if (run == null) {
            throw new IllegalStateException(impl + " end-to-end run reported nothing (exit " + p.exitValue() + ")");
        }
        return run;
    }
}
