package io.jfaust.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The waits of the ITs: a condition polled until it holds, failing after a generous limit with what was awaited
 * (never a fixed sleep); and the barrier that makes an absence checkable, a consumer group committed to the end of its
 * input, after which nothing of that input is processed again.
 *
 * <pre>{@code
 * Await.until("the other worker to lead", () -> follower.isLeader());
 * Await.committedToTheEnd(kafka.bootstrapServers(), "eos-count", "eos-in");
 * }</pre>
 */
final class Await {
    /** What no healthy run comes near, even on a loaded 2-core machine; a hang still fails within it. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    private Await() {}

    /** Polls {@code condition} until it holds, or fails naming {@code what} after {@link #LIMIT}. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        until(what, LIMIT, condition);
    }

    /** Polls {@code condition} until it holds, or fails naming {@code what} after {@code limit}. */
    static void until(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Until consumer group {@code group} has committed every record of {@code topic} (its committed offsets equal the
     * topic's end offsets; an empty partition needs no commit). Under exactly-once the outputs of those records were
     * committed in the same transactions, so once this holds they are all in, and nothing more of the input comes.
     */
    static void committedToTheEnd(String bootstrap, String group, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            String[] last = {"nothing read yet"};
            try {
                until("group " + group + " to commit " + topic + " to its end", () -> {
                    try {
                        Map<TopicPartition, Long> ends = endOffsets(admin, topic);
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                        last[0] = "committed " + committed + ", end offsets " + ends;
                        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                                || committed.get(e.getKey()) != null
                                && committed.get(e.getKey()).offset() == e.getValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } catch (Exception e) {   // the broker not answering yet (a restart, say): asked again
                        last[0] = e.toString();
                        return false;
                    }
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + " (last seen: " + last[0] + ")", e);
            }
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        List<TopicPartition> parts = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        parts.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }
}
