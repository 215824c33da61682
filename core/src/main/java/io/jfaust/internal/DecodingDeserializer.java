package io.jfaust.internal;

import io.jfaust.serdes.DataType;
import io.jfaust.serdes.Serializers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a topic's keys or values with Faust's rules and keeps the original bytes beside them. A failure is a
 * {@code KeyDecodeException}/{@code ValueDecodeException}, which Kafka Streams hands to the app's deserialization
 * exception handler (skip and log by default, as Faust does).
 *
 * <pre>{@code
 * var values = new DecodingDeserializer<>(serializers, DataType.of(Purchase.class), null, false, false);
 * Decoded<Purchase> d = values.deserialize("purchases", bytes);
 * d.value(); d.raw();
 * }</pre>
 */
public final class DecodingDeserializer<T> implements Deserializer<Decoded<T>> {
    private final Serializers serializers;
    private final DataType<T> type;
    private final @Nullable String serializer;
    private final boolean isKey;
    private final boolean allowEmpty;

    public DecodingDeserializer(Serializers serializers, DataType<T> type, @Nullable String serializer, boolean isKey,
                                boolean allowEmpty) {
        this.serializers = serializers;
        this.type = type;
        this.serializer = serializer;
        this.isKey = isKey;
        this.allowEmpty = allowEmpty;
    }

    @Override
    public Decoded<T> deserialize(String topic, byte @Nullable [] data) {
        T value = isKey ? serializers.loadsKey(type, data, serializer, topic)
                : serializers.loadsValue(type, data, serializer, topic, allowEmpty);
        return new Decoded<>(data, value);
    }
}
