package io.jfaust.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Before anything is timed: the hand-written Kafka Streams jobs write exactly jfaust's (Faust's) bytes. */
class JobsEquivalenceTest {
    private static List<String> run(String job, String impl, List<TestRecord<byte[], byte[]>> in) throws Exception {
        Path dir = Files.createTempDirectory("jfaust-eq-");
        try (TopologyTestDriver d = TopologyBench.driver(job, impl, dir)) {
            d.createInputTopic(JfaustJobs.IN, new ByteArraySerializer(), new ByteArraySerializer()).pipeRecordList(in);
            return d.createOutputTopic(TopologyBench.outputTopic(job, impl), new ByteArrayDeserializer(),
                            new ByteArrayDeserializer()).readRecordsToList().stream()
                    .map(r -> new String(r.key(), StandardCharsets.UTF_8) + "="
                            + new String(r.value(), StandardCharsets.UTF_8)).toList();
        } finally {
            io.jfaust.embedded.TempDirs.deleteQuietly(dir);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lesson", "count-memory", "count-rocksdb", "window"})
    void handWrittenKafkaStreamsWritesTheSameBytes(String job) throws Exception {
        List<TestRecord<byte[], byte[]>> in = BenchData.records(3000);
        List<String> jfaust = run(job, "jfaust", in);
        assertThat(jfaust).hasSize(3000);
        assertThat(run(job, "kstreams", in)).isEqualTo(jfaust);
    }

    /** purchases_app.py: the dollars and the three tables' changelogs, topic by topic. */
    @org.junit.jupiter.api.Test
    void handWrittenPurchasesAppWritesTheSameBytes() throws Exception {
        List<TestRecord<byte[], byte[]>> in = BenchData.records(3000, true);
        java.util.Map<String, List<String>> jfaust = runPurchases("jfaust", in);
        assertThat(jfaust.get("purchases-dollars")).hasSize(3000);
        assertThat(jfaust.get("currency_counts")).hasSize(3000);
        assertThat(jfaust.get("currency_counts")).last().isEqualTo("\"NOK\"=750");
        assertThat(runPurchases("kstreams", in)).isEqualTo(jfaust);
    }

    private static java.util.Map<String, List<String>> runPurchases(String impl, List<TestRecord<byte[], byte[]>> in)
            throws Exception {
        Path dir = Files.createTempDirectory("jfaust-eq-");
        try (TopologyTestDriver d = TopologyBench.driver("purchases", impl, dir)) {
            d.createInputTopic(JfaustJobs.IN, new ByteArraySerializer(), new ByteArraySerializer()).pipeRecordList(in);
            java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
            for (String topic : List.of("purchases-dollars", "purchase_counts", "amount_sums_10s", "currency_counts")) {
                String name = topic.startsWith("purchases") ? topic : TopologyBench.appId(impl) + "-" + topic
                        + "-changelog";
                out.put(topic, d.createOutputTopic(name, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                        .readRecordsToList().stream().map(r -> new String(r.key(), StandardCharsets.UTF_8) + "="
                                + new String(r.value(), StandardCharsets.UTF_8)).toList());
            }
            return out;
        } finally {
            io.jfaust.embedded.TempDirs.deleteQuietly(dir);
        }
    }
}
