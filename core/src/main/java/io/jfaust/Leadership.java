package io.jfaust;

import io.jfaust.App;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Faust's leader election: the instance that holds partition 0 of {@code <app_id>-__assignor-__leader} (one
 * partition, created by the worker) is the leader. jfaust reads that topic in the app's topology with a processor
 * that does nothing, so Kafka Streams' own assignment elects the leader: the instance whose active task owns
 * partition 0 leads, and when it leaves (or misses the session timeout) the task, and leadership, moves to another
 * instance at the next rebalance. Apps that declare no timer, crontab or task elect no leader.
 */
final class Leadership {
    private Leadership() {}

    /** {@code <app_id>-__assignor-__leader}. */
    static String topic(App app) {
        return app.id() + "-__assignor-__leader";
    }

    /** Declares the leader topic as Faust does: internal, one partition. */
    static void declare(App app) {
        app.topic(topic(app), byte[].class, byte[].class,
                t -> t.internal(true).partitions(1).keySerializer("raw").valueSerializer("raw"));
    }

    /** Adds the leader topic's source and idle processor to {@code topology}, when the app elects a leader. */
    static void addTo(App app, Topology topology) {
        if (!app.services().electsLeader()) {
            return;
        }
        String topic = topic(app);
        topology.addSource("source:" + topic, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topic);
        topology.addProcessor("leader:" + topic, Idle::new, "source:" + topic);
    }

    /** Whether {@code streams}' active tasks hold partition 0 of the leader topic. */
    static boolean holds(App app, KafkaStreams streams) {
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING
                && streams.state() != KafkaStreams.State.REBALANCING) {
            return false;
        }
        TopicPartition leader = new TopicPartition(topic(app), 0);
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.topicPartitions().contains(leader)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The error for {@code isLeader()} on an app that elects no leader. */
    static IllegalStateException noElection(App app) {
        return new IllegalStateException("app " + app.id() + " elects no leader: jfaust reads " + topic(app)
                + " only for apps that declare a timer, crontab or task (app.timer/crontab/task, e.g. with "
                + "onLeader(true)); declare one before the app is compiled");
    }

    /** Nobody writes to the leader topic (Faust declares it with acks=False); its records are ignored. */
    private static final class Idle implements Processor<byte[], byte[], Void, Void> {
        @Override
        public void process(Record<byte[], byte[]> record) {
            // leadership is the assignment of partition 0, not anything in it
        }
    }
}
