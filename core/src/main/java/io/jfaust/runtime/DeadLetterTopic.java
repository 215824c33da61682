package io.jfaust.runtime;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.WorkerException;
import io.jfaust.internal.ErrorHandlers;
import io.jfaust.runtime.KafkaErrors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letter topic, prepared with the worker's topics: created (with {@code topic_partitions} partitions) when
 * missing, with a {@code max.message.bytes} that fits the largest record the app's inputs take plus the error
 * headers; the worker's producers are allowed records that large; and the error handlers are told the largest dead
 * letter the topic and producer take, so a larger copy becomes a pointer record instead of a send that fails.
 *
 * <pre>{@code
 * DeadLetterTopic.prepare(admin, app, props, Duration.ofSeconds(15));
 * }</pre>
 */
public final class DeadLetterTopic {
    /** Room for the error headers (message, stack trace, coordinates) beside the original record. */
    static final int HEADROOM = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterTopic.class);

    private DeadLetterTopic() {}

    public static void prepare(Admin admin, App app, Properties props, long timeoutMs)
            throws InterruptedException, TimeoutException {
        ErrorPolicy policy = app.settings().errorPolicy();
        if (policy.kind() != ErrorPolicy.Kind.DEAD_LETTER) {
            return;
        }
        String dlq = policy.topic();
        List<String> inputs = new ArrayList<>();
        app.agents().forEach(a -> inputs.add(a.channel().name()));
        app.topics().stream().filter(t -> t.name().endsWith("-repartition")).forEach(t -> inputs.add(t.name()));
        Map<String, Integer> sizes = maxMessageBytes(admin, inputs, timeoutMs);
        int largestInput = sizes.values().stream().mapToInt(Integer::intValue).max().orElse(1_048_588);
        int wanted = largestInput + HEADROOM;
        Integer existing = maxMessageBytes(admin, List.of(dlq), timeoutMs).get(dlq);
        int topicMax;
        if (existing == null) {
            NewTopic nt = new NewTopic(dlq, app.settings().topicPartitions(), app.settings().topicReplicationFactor())
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(wanted)));
            try {
                admin.createTopics(List.of(nt)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
                LOG.info("created dead letter topic {} ({} partitions, max.message.bytes {})", dlq,
                        nt.numPartitions(), wanted);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new WorkerException("Cannot create the dead letter topic " + dlq + ": " + e.getCause()
                            + ". Create it yourself, or let the worker's credentials create topics.",
                            WorkerException.TOPIC_MISMATCH, e);
                }
            }
            topicMax = wanted;
        } else {
            topicMax = existing;
            if (existing < wanted) {
                LOG.warn("dead letter topic {} takes records up to {} bytes (max.message.bytes), the app's inputs up "
                        + "to {}: larger dead letters will be pointer records naming topic, partition and offset",
                        dlq, existing, largestInput);
            }
        }
        boolean producerSet = props.containsKey(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)
                || props.containsKey("producer." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int producerMax = ((Number) ClientConfigs.of(props).producer().getOrDefault(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576)).intValue();
        if (!producerSet && topicMax > producerMax) {
            props.put("producer." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG, topicMax);
            producerMax = topicMax;
        }
        props.put(ErrorHandlers.MAX_BYTES, Math.min(topicMax, producerMax));
    }

    /** {@code max.message.bytes} of each existing topic among {@code topics}. */
    private static Map<String, Integer> maxMessageBytes(Admin admin, Collection<String> topics, long timeoutMs)
            throws InterruptedException, TimeoutException {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (String topic : Set.copyOf(topics)) {
            ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            try {
                Config c = Objects.requireNonNull(admin.describeConfigs(List.of(r)).all()
                        .get(timeoutMs, TimeUnit.MILLISECONDS).get(r), "the broker describes the topic asked");
                ConfigEntry e = c.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (e != null && e.value() != null) {
                    out.put(topic, Integer.parseInt(e.value()));
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw KafkaErrors.classify("Cannot describe topic " + topic + ": " + e.getCause(), e);
                }
            }
        }
        return out;
    }
}
