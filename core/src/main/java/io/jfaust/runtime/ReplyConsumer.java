package io.jfaust.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the replies to a runtime's {@code ask}s: creates the reply topic as Faust declares it (1 partition,
 * {@code cleanup.policy=delete}, {@code retention.ms} one day) and reads its partition 0 from its end on a thread of
 * its own, outside any consumer group.
 */
public final class ReplyConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyConsumer.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private ReplyConsumer(ClientConfigs clients, String topic, Consumer<byte @Nullable []> onReply, short replicas) {
        createTopic(clients.admin(), topic, replicas);
        Map<String, Object> props = clients.consumer(null);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        TopicPartition p0 = new TopicPartition(topic, 0);
        try {
            consumer.assign(List.of(p0));
            consumer.seekToEnd(List.of(p0));
            consumer.position(p0);   // resolved now, so no reply to a request sent after this is missed
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        thread = new Thread(() -> poll(onReply), "jfaust-replies-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public static ReplyConsumer start(ClientConfigs clients, String topic, Consumer<byte @Nullable []> onReply,
                                      short replicas) {
        return new ReplyConsumer(clients, topic, onReply, replicas);
    }

    private void poll(Consumer<byte @Nullable []> onReply) {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        onReply.accept(r.value());
                    } catch (RuntimeException e) {
                        LOG.warn("ignoring an unreadable reply on {} at offset {}: {}", r.topic(), r.offset(),
                                e.toString());
                    }
                }
            }
        } catch (WakeupException stopping) {
            // closed
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static void createTopic(Map<String, Object> clientProps, String topic, short replicas) {
        try (Admin admin = Admin.create(clientProps)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicas).configs(Map.of("cleanup.policy", "delete",
                    "retention.ms", Long.toString(Duration.ofDays(1).toMillis()))))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the reply topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the reply topic " + topic + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the reply topic " + topic, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
