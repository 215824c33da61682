package io.jfaust.runtime;

import io.jfaust.Send;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/** The producer runtimes use for sends outside agents, and the record a {@link Send} describes. */
public final class Producers {
    private Producers() {}

    public static KafkaProducer<byte[], byte[]> create(Map<String, Object> props) {
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The record for {@code send}: its partition, timestamp (seconds → ms; null: the producer's clock), headers. */
    public static ProducerRecord<byte[], byte[]> record(String topic, byte @Nullable [] key, byte @Nullable [] value,
                                                        Send send) {
        RecordHeaders headers = new RecordHeaders();
        send.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
        Long ts = send.timestamp() == null ? null : Math.round(send.timestamp() * 1000.0);
        return new ProducerRecord<>(topic, send.partition(), ts, key, value, headers);
    }
}
