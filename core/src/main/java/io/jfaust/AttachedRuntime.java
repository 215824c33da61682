package io.jfaust;

import io.jfaust.runtime.ClientConfigs;
import io.jfaust.runtime.Producers;
import io.jfaust.runtime.ReplyConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * An app bound to a {@code KafkaStreams} its user runs ({@link App#attach}): sends by its own producer, and runs the
 * app's timers, crontabs and tasks once that {@code KafkaStreams} is running.
 */
final class AttachedRuntime extends RunningApp {
    private final KafkaStreams streams;
    private final KafkaProducer<byte[], byte[]> producer;
    private final ClientConfigs clients;
    private volatile @Nullable ReplyConsumer replyConsumer;
    private final @Nullable ServiceRunner services;

    AttachedRuntime(App app, KafkaStreams streams, Map<String, ?> clientProperties) {
        super(app);
        this.streams = Objects.requireNonNull(streams, "streams");
        Map<String, Object> props = new HashMap<>(Objects.requireNonNull(clientProperties, "clientProperties"));
        if (!props.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("app.attach needs bootstrap.servers in clientProperties (and any "
                    + "security settings beyond the app's broker_credentials): the handle sends through a producer of "
                    + "its own");
        }
        // The app's settings (broker_credentials included), then the properties given here.
        Properties all = app.streamsConfig();
        props.forEach(all::put);
        this.clients = ClientConfigs.of(all);
        this.producer = Producers.create(clients.producer());
        bindCurrentThread();
        if (app.services().isEmpty()) {
            this.services = null;
        } else {
            this.services = new ServiceRunner(this, ServiceRunner::monotonicMs, false);
            services.startThread(() -> streams.state() == KafkaStreams.State.RUNNING);
        }
    }

    @Override
    protected void sendBytes(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send) {
        checkOpen();
        producer.send(Producers.record(topic, key, value, send));
    }

    @Override
    protected ReadOnlyKeyValueStore<Bytes, byte[]> store(String table) {
        checkOpen();
        return streams.store(StoreQueryParameters.fromNameAndType(table, QueryableStoreTypes.keyValueStore()));
    }

    @Override
    protected void startReplies(String replyTopic, Consumer<byte @Nullable []> onReply) {
        replyConsumer = ReplyConsumer.start(clients, replyTopic, onReply, app().settings().topicReplicationFactor());
    }

    @Override
    protected boolean holdsLeaderPartition() {
        return Leadership.holds(app(), streams);
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        if (!isClosed()) {
            markClosed();
            ReplyConsumer replies = replyConsumer;
            if (replies != null) {
                replies.close();
            }
            producer.close(Duration.ofSeconds(10));
        }
    }
}
