package io.jfaust.examples;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, as {@code kafka-console-consumer --from-beginning
 * --property print.key=true} does, and prints or collects what it sees.
 *
 * <pre>{@code
 * List<ConsumerRecord<byte[], byte[]>> got = ConsoleConsumer.read(bootstrap, "purchases.dollars", 10, Duration.ofSeconds(30));
 * ConsoleConsumer.line(got.get(0));   // alice	{"username":"alice",...}
 * }</pre>
 */
public final class ConsoleConsumer {
    private ConsoleConsumer() {}

    /** Reads until {@code count} records arrived or {@code timeout} passed. */
    public static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int count,
                                                            Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        follow(bootstrap, topic, out::add, r -> out.size() < count, timeout);
        return out;
    }

    /** Passes each record to {@code sink} while {@code goOn} holds and {@code timeout} has not passed. */
    public static void follow(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink,
                              Predicate<ConsumerRecord<byte[], byte[]>> goOn, Duration timeout) {
        Map<String, Object> conf = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "console-consumer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(conf, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    sink.accept(r);
                    if (!goOn.test(r)) {
                        return;
                    }
                }
            }
        }
    }

    /** The console consumer's line: key, a tab, value (UTF-8; {@code null} for a null). */
    public static String line(ConsumerRecord<byte[], byte[]> r) {
        return text(r.key()) + "\t" + text(r.value());
    }

    private static String text(byte[] b) {
        return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
    }
}
