package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.examples.purchasesapp.PurchasesApp;
import io.jfaust.it.FaustClusterFixture.Rec;
import io.jfaust.it.FaustlabInputs.Input;
import io.jfaust.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The takeover, in CI: the recorded state of a real Faust 0.15.2 cluster that ran {@code purchases_app.py} over
 * inputs 0..1999 and stopped cleanly ({@code faust-vectors/takeover/}) is loaded into a broker, inputs 2000..3999
 * are produced by the fixture's rules, and the Java port takes over under the same app id. Nothing is processed
 * twice or missed, every table continues from Faust's values, and every byte is the one Faust writes.
 */
class TakeoverIT {
    private static final String PURCHASES = "purchases";
    private static final String DOLLARS = "purchases-dollars";
    private static final String REPARTITION = "purchases_app.by_currency-purchases-Purchase.currency-repartition";
    private static final List<String> TABLES = List.of("purchase_counts", "amount_sums_10s", "currency_counts");

    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create();
    private static FaustClusterFixture faust;

    @TempDir
    Path state;

    @BeforeAll
    static void recreateTheFaustCluster() throws Exception {
        faust = new FaustClusterFixture("faust_state_after_2000");
        faust.loadInto(kafka.kafka(), "faustlab");
    }

    @Test
    void theJavaPortTakesOverFromFaustWithNothingLostOrDoneTwice() throws Exception {
        assertTheFixtureFollowsItsRules();
        assertThat(endOffsets(faust.endOffsets.keySet())).as("the cluster as Faust left it")
                .isEqualTo(faust.endOffsets);
        Map<String, Integer> partitionOf = new HashMap<>();
        faust.of(PURCHASES).forEach(r -> partitionOf.put(text(r.key()), r.partition()));
        produce(FaustlabInputs.inputs(2000, 4000), partitionOf);
        long takeover = System.currentTimeMillis();

        App app = PurchasesApp.create(kafka.brokerUrl());
        PreflightRun preflight = PreflightRun.of(app, kafka.brokerUrl());
        assertThat(preflight.exitCode()).as(preflight.report()).isZero();
        assertThat(preflight.report()).contains("GO: app faustlab can start").doesNotContain("NO-GO")
                .doesNotContain("warn");
        // seq 3001 is erin's DELETE (partition 0) in place of a purchase of bob (partition 2)
        assertThat(preflight.cells("purchases", "0")).containsExactly("purchases", "0", "400", "801", "401",
                "ok");
        assertThat(preflight.cells("purchases", "2")).containsExactly("purchases", "2", "1200", "2399", "1199",
                "ok");
        assertThat(preflight.cells("changelog", "faustlab-amount_sums_10s-changelog"))
                .containsExactly("changelog", "faustlab-amount_sums_10s-changelog", "4", "compact,delete",
                        "315360000000", "ok");
        assertThat(preflight.cells("leader", "faustlab-__assignor-__leader")).contains("1", "ok");

        try (Worker worker = Worker.start(app, w -> w.broker(kafka.brokerUrl()).datadir(state.toString())
                .banner(false).property("commit.interval.ms", 100))) {
            assertThat(worker.awaitRunning(Duration.ofSeconds(90))).as("worker running").isTrue();
            awaitCommittedToTheEnd();
        }
        assertThat(committed()).as("committed where a Faust worker taking back would start")
                .isEqualTo(endOffsets(committed().keySet()));

        // outputs: Faust's 2000 untouched, then exactly one per new input, in order per key, with Faust's bytes
        List<ConsumerRecord<byte[], byte[]>> out = TopicContents.read(kafka.bootstrapServers(), DOLLARS);
        List<Rec> faustOut = faust.of(DOLLARS);
        assertThat(out).hasSize(faustOut.size() + 1999);
        for (int i = 0; i < faustOut.size(); i++) {
            assertThat(out.get(i).value()).isEqualTo(faustOut.get(i).value());
        }
        assertThat(perKey(out.subList(faustOut.size(), out.size()))).isEqualTo(FaustlabInputs.outputs(2000, 4000));

        // the repartition topic: every new input once, Faust's bytes under the currency
        List<ConsumerRecord<byte[], byte[]>> rep = TopicContents.read(kafka.bootstrapServers(), REPARTITION);
        List<String> written = new ArrayList<>();
        rep.stream().filter(r -> r.offset() >= faust.endOffsets.get(tp(REPARTITION, r.partition())))
                .forEach(r -> written.add(text(r.key()) + " " + text(r.value())));
        List<String> wanted = new ArrayList<>();
        FaustlabInputs.inputs(2000, 4000).forEach(in -> wanted.add(in.currency() + " " + text(in.value())));
        assertThat(written).containsExactlyInAnyOrderElementsOf(wanted);

        // tables: Faust's changelog then jfaust's, folded, equal the app's result over 0..3999 (windows straddling
        // the cut-over, erin deleted at 3001 then counted again); jfaust's records at the source's partition,
        // stamped with the wall clock
        Map<String, Map<String, String>> expected = FaustlabInputs.tables(4000);
        for (String table : TABLES) {
            String topic = "faustlab-" + table + "-changelog";
            List<ConsumerRecord<byte[], byte[]>> log = TopicContents.read(kafka.bootstrapServers(), topic);
            assertThat(fold(log)).as(table).isEqualTo(expected.get(table));
            List<ConsumerRecord<byte[], byte[]>> ours = log.stream()
                    .filter(r -> r.offset() >= faust.endOffsets.get(tp(topic, r.partition()))).toList();
            assertThat(ours).as(table + ": jfaust continued the changelog").isNotEmpty();
            assertThat(ours).allSatisfy(r -> assertThat(r.timestamp()).isBetween(takeover,
                    System.currentTimeMillis()));
            if (!table.equals("currency_counts")) {
                assertThat(ours).allSatisfy(r -> assertThat(r.partition())
                        .isEqualTo(partitionOf.get(text(r.key()).replaceAll("^\\[?\"([a-z]+)\".*", "$1"))));
            }
        }
        // erin's delete and her next count may fall between the same two commits: the tables' record cache then
        // writes only the count (the fold above is the same either way; a delete left alone is a tombstone:
        // ChangelogRetentionIT on the broker, TableTest and TableDictTest in the driver)
    }

    /** The fixture's own records agree with the rules the expectations are computed from. */
    private static void assertTheFixtureFollowsItsRules() {
        List<Rec> inputs = new ArrayList<>(faust.of(PURCHASES));
        inputs.sort(java.util.Comparator.comparingLong(Rec::timestampMs));
        assertThat(inputs).hasSize(2000);
        for (int i = 0; i < 2000; i++) {
            Input want = FaustlabInputs.input(i);
            assertThat(text(inputs.get(i).key())).isEqualTo(want.username());
            assertThat(text(inputs.get(i).value())).isEqualTo(text(want.value()));
            assertThat(inputs.get(i).timestampMs()).isEqualTo(want.timestampMs());
        }
        Map<String, Map<String, String>> atCut = FaustlabInputs.tables(2000);
        for (String table : TABLES) {
            Map<String, String> folded = new TreeMap<>();
            faust.of("faustlab-" + table + "-changelog").forEach(r -> {
                if (r.value() == null) {
                    folded.remove(text(r.key()));
                } else {
                    folded.put(text(r.key()), text(r.value()));
                }
            });
            assertThat(folded).as("Faust's " + table + " after 2000 inputs").isEqualTo(atCut.get(table));
        }
        Map<String, List<String>> faustOut = new TreeMap<>();
        faust.of(DOLLARS).forEach(r -> faustOut.computeIfAbsent(text(r.key()), k -> new ArrayList<>())
                .add(text(r.value())));
        assertThat(faustOut).isEqualTo(FaustlabInputs.outputs(0, 2000));
    }

    private static void produce(List<Input> inputs, Map<String, Integer> partitionOf) throws Exception {
        Map<String, Object> conf = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(conf, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (Input in : inputs) {
                // Kafka's default partitioner (murmur2 on the key bytes), as Faust's producer used
                sent.add(p.send(new ProducerRecord<>(PURCHASES, null, in.timestampMs(), in.key(), in.value())));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(sent.get(i).get().partition()).as("partition of " + inputs.get(i).username())
                        .isEqualTo(partitionOf.get(inputs.get(i).username()));
            }
        }
    }

    /** Until the group has committed every input and every repartitioned record (4000 in all). */
    private static void awaitCommittedToTheEnd() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<TopicPartition, Long> committed = committed();
            Map<TopicPartition, Long> ends = endOffsets(faust.endOffsets.keySet());
            long inputs = 0;
            long repartitioned = 0;
            boolean atEnd = true;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                String topic = e.getKey().topic();
                if (topic.equals(PURCHASES) || topic.equals(REPARTITION)) {
                    atEnd &= e.getValue() == 0 || e.getValue().equals(committed.get(e.getKey()));
                    inputs += topic.equals(PURCHASES) ? e.getValue() : 0;
                    repartitioned += topic.equals(REPARTITION) ? e.getValue() : 0;
                }
            }
            if (atEnd && inputs == 4000 && repartitioned == 4000) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not committed to the end within 120 s: " + committed + " vs " + ends);
            }
            Thread.sleep(200);
        }
    }

    private static Map<TopicPartition, Long> committed() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, Long> out = new HashMap<>();
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets("faustlab")
                    .partitionsToOffsetAndMetadata().get();
            m.forEach((k, v) -> out.put(k, v.offset()));
            return out;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(java.util.Collection<TopicPartition> parts) throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
            parts.forEach(p -> spec.put(p, OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(spec).all().get().forEach((k, v) -> out.put(k, v.offset()));
            return out;
        }
    }

    private static Map<String, String> fold(List<ConsumerRecord<byte[], byte[]>> log) {
        Map<String, String> state = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : log) {
            if (r.value() == null) {
                state.remove(text(r.key()));
            } else {
                state.put(text(r.key()), text(r.value()));
            }
        }
        return state;
    }

    private static Map<String, List<String>> perKey(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<String>> out = new TreeMap<>();
        records.forEach(r -> out.computeIfAbsent(text(r.key()), k -> new ArrayList<>()).add(text(r.value())));
        return out;
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
