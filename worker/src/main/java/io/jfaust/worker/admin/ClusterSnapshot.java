package io.jfaust.worker.admin;

import io.jfaust.runtime.ClientConfigs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.StreamsConfig;
import org.jspecify.annotations.Nullable;

/**
 * What the cluster holds for an app, read once with Kafka's Admin client and nothing else (nothing is created,
 * altered or committed): the topics it names (partitions, effective {@code cleanup.policy} and
 * {@code retention.ms}, first and end offset of every partition), the consumer group (state, protocol, members)
 * and the group's committed offsets.
 */
public final class ClusterSnapshot {
    /** A topic as the broker reports it. */
    public record TopicState(int partitions, String cleanupPolicy, String retentionMs, Map<Integer, Long> start,
                      Map<Integer, Long> end) {}

    /** A member of the group: Kafka's member id, the client id and host it connected with, partitions held. */
    public record Member(String id, String clientId, String host, int partitions) {
        @Override
        public String toString() {
            return id + " (client.id " + clientId + ", host " + host + ")";
        }
    }

    /**
     * The consumer group: its state, type ({@code CLASSIC} for Faust and Kafka Streams), the assignor protocol the
     * group runs ({@code faust} for Faust, {@code stream} for Kafka Streams; empty while it rebalances) and members.
     */
    public record Group(String state, String type, String protocol, List<Member> members) {
        public static final Group NONE = new Group("none", "-", "", List.of());
    }

    /** The topics named, by name. */
    public final Map<String, TopicState> topics;
    /** The consumer group. */
    public final Group group;
    /** The group's committed offsets. */
    public final Map<TopicPartition, Long> committed;

    private ClusterSnapshot(Map<String, TopicState> topics, Group group, Map<TopicPartition, Long> committed) {
        this.topics = topics;
        this.group = group;
        this.committed = committed;
    }

    /**
     * The admin client of a worker's start and of the preflight, from the worker's properties (its client settings,
     * security included) with {@code timeout} as request and API timeout.
     */
    public static Admin admin(Properties props, Duration timeout) {
        // The runtime's client settings (broker_credentials included), with the check's own timeouts.
        Map<String, Object> conf = ClientConfigs.of(props).admin();
        conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(conf);
    }

    /** Reads the topics among {@code names} that exist, the group {@code groupId} and its committed offsets. */
    public static ClusterSnapshot read(Admin admin, String groupId, Collection<String> names, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        // The group's side does not depend on the topics: asked at once, waited for last (fewer round trips).
        KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> groupOffsets =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata();
        KafkaFuture<ConsumerGroupDescription> groupDescription = Objects.requireNonNull(
                admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId),
                "the admin client answers for the group asked");
        Set<String> existing = get(admin.listTopics().names(), timeout);
        List<String> present = names.stream().filter(existing::contains).distinct().toList();
        List<ConfigResource> resources = present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        KafkaFuture<Map<ConfigResource, Config>> configsAsked = present.isEmpty() ? null
                : admin.describeConfigs(resources).all();
        Map<String, TopicDescription> described = present.isEmpty() ? Map.of()
                : get(admin.describeTopics(present).allTopicNames(), timeout);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.forEach((t, d) -> d.partitions().forEach(p -> {
            earliest.put(new TopicPartition(t, p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(t, p.partition()), OffsetSpec.latest());
        }));
        KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> startsAsked = earliest.isEmpty()
                ? null : admin.listOffsets(earliest).all();
        KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> endsAsked = latest.isEmpty()
                ? null : admin.listOffsets(latest).all();
        Map<ConfigResource, Config> configs = configsAsked == null ? Map.of() : get(configsAsked, timeout);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = startsAsked == null ? Map.of()
                : get(startsAsked, timeout);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = endsAsked == null ? Map.of()
                : get(endsAsked, timeout);
        Map<String, TopicState> topics = new TreeMap<>();
        for (String t : present) {
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, t));
            Map<Integer, Long> s = new TreeMap<>();
            Map<Integer, Long> e = new TreeMap<>();
            starts.forEach((tp, info) -> {
                if (tp.topic().equals(t)) {
                    s.put(tp.partition(), info.offset());
                }
            });
            ends.forEach((tp, info) -> {
                if (tp.topic().equals(t)) {
                    e.put(tp.partition(), info.offset());
                }
            });
            TopicDescription d = Objects.requireNonNull(described.get(t), "the broker describes the topics it lists");
            topics.put(t, new TopicState(d.partitions().size(), value(c, "cleanup.policy"),
                    value(c, "retention.ms"), s, e));
        }
        Map<TopicPartition, Long> committed = new HashMap<>();
        get(groupOffsets, timeout).forEach((tp, om) -> {
            if (om != null) {
                committed.put(tp, om.offset());
            }
        });
        return new ClusterSnapshot(topics, group(groupDescription, timeout), committed);
    }

    /** The group {@code groupId} as the broker describes it ({@link Group#NONE} when it does not exist). */
    public static Group group(Admin admin, String groupId, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return group(Objects.requireNonNull(admin.describeConsumerGroups(List.of(groupId)).describedGroups()
                .get(groupId), "the admin client answers for the group asked"), timeout);
    }

    private static Group group(KafkaFuture<ConsumerGroupDescription> described, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        ConsumerGroupDescription d;
        try {
            d = get(described, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return Group.NONE;
            }
            throw e;
        }
        List<Member> members = new ArrayList<>();
        for (MemberDescription m : d.members()) {
            members.add(new Member(m.consumerId(), m.clientId(), m.host(), m.assignment().topicPartitions().size()));
        }
        String state = d.groupState() == null ? "unknown" : d.groupState().toString();
        return new Group(state, d.type() == null ? "-" : d.type().toString(),
                d.partitionAssignor() == null ? "" : d.partitionAssignor(), List.copyOf(members));
    }

    private static String value(@Nullable Config config, String name) {
        ConfigEntry e = config == null ? null : config.get(name);
        return e == null || e.value() == null ? "" : e.value();
    }

    private static <T> T get(KafkaFuture<T> future, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
