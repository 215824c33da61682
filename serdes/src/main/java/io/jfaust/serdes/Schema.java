package io.jfaust.serdes;

import java.util.Objects;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code Schema}: a topic's key and value types, their serializers and {@code allow_empty}, turned into
 * Kafka {@link Serde}s that write and read Faust's bytes. A record type's own serializer is the topic's serializer
 * when none is given (Faust's {@code _model_serializer}).
 *
 * <pre>{@code
 * Schema<String, Purchase> schema = Schema.of(String.class, Purchase.class);
 * Serde<Purchase> values = schema.valueSerde(Serializers.defaults());
 * byte[] bytes = values.serializer().serialize("purchases", purchase);
 * }</pre>
 */
public final class Schema<K, V> {
    private final DataType<K> keyType;
    private final DataType<V> valueType;
    private final @Nullable String keySerializer;
    private final @Nullable String valueSerializer;
    private final boolean allowEmpty;

    private Schema(DataType<K> keyType, DataType<V> valueType, @Nullable String keySerializer,
                   @Nullable String valueSerializer,
                   boolean allowEmpty) {
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.allowEmpty = allowEmpty;
    }

    /** A schema for these key and value classes, no explicit serializers. */
    public static <K, V> Schema<K, V> of(Class<K> keyType, Class<V> valueType) {
        return of(DataType.of(keyType), DataType.of(valueType));
    }

    /** A schema for these key and value types, no explicit serializers. */
    public static <K, V> Schema<K, V> of(DataType<K> keyType, DataType<V> valueType) {
        return new Schema<>(keyType, valueType, null, null, false);
    }

    /** A copy with this key serializer (null for the model's or the app's). */
    public Schema<K, V> withKeySerializer(@Nullable String serializer) {
        return new Schema<>(keyType, valueType, serializer, valueSerializer, allowEmpty);
    }

    /** A copy with this value serializer (null for the model's or the app's). */
    public Schema<K, V> withValueSerializer(@Nullable String serializer) {
        return new Schema<>(keyType, valueType, keySerializer, serializer, allowEmpty);
    }

    /** A copy with Faust's {@code allow_empty}: a Kafka null value decodes to null even for a record type. */
    public Schema<K, V> withAllowEmpty(boolean allowEmpty) {
        return new Schema<>(keyType, valueType, keySerializer, valueSerializer, allowEmpty);
    }

    /** The key type. */
    public DataType<K> keyType() {
        return keyType;
    }

    /** The value type. */
    public DataType<V> valueType() {
        return valueType;
    }

    /** The key serializer in force at topic level: explicit, else the key record's own, else null. */
    public @Nullable String keySerializer() {
        return keySerializer != null ? keySerializer : modelSerializer(keyType);
    }

    /** The value serializer in force at topic level: explicit, else the value record's own, else null. */
    public @Nullable String valueSerializer() {
        return valueSerializer != null ? valueSerializer : modelSerializer(valueType);
    }

    /** Whether a Kafka null value is accepted for a record type. */
    public boolean allowEmpty() {
        return allowEmpty;
    }

    private static @Nullable String modelSerializer(DataType<?> type) {
        RecordSchema<?> schema = type.schema();
        return schema != null ? schema.options().serializer() : null;
    }

    /** Encodes a key as this topic would send it ({@code serializer} overrides per send; may be null). */
    public byte @Nullable [] dumpsKey(Serializers s, @Nullable K key, @Nullable String serializer) {
        return s.dumpsKey(keyType, key, serializer != null ? serializer : keySerializer());
    }

    /** Encodes a value as this topic would send it ({@code serializer} overrides per send; may be null). */
    public byte @Nullable [] dumpsValue(Serializers s, @Nullable V value, @Nullable String serializer) {
        return s.dumpsValue(valueType, value, serializer != null ? serializer : valueSerializer());
    }

    /** Decodes a key read from {@code topic} (null when not known). */
    public @Nullable K loadsKey(Serializers s, byte @Nullable [] key, @Nullable String topic) {
        return s.loadsKey(keyType, key, keySerializer(), topic);
    }

    /** Decodes a value read from {@code topic} (null when not known). */
    public @Nullable V loadsValue(Serializers s, byte @Nullable [] value, @Nullable String topic) {
        return s.loadsValue(valueType, value, valueSerializer(), topic, allowEmpty);
    }

    /** A Kafka serde for keys, over {@code serializers}. */
    public Serde<K> keySerde(Serializers serializers) {
        Serializer<K> ser = (topic, key) -> dumpsKey(serializers, key, null);
        Deserializer<K> de = (topic, bytes) -> loadsKey(serializers, bytes, topic);
        return Serdes.serdeFrom(ser, de);
    }

    /** A Kafka serde for values, over {@code serializers}. */
    public Serde<V> valueSerde(Serializers serializers) {
        Serializer<V> ser = (topic, value) -> dumpsValue(serializers, value, null);
        Deserializer<V> de = (topic, bytes) -> loadsValue(serializers, bytes, topic);
        return Serdes.serdeFrom(ser, de);
    }

    @Override
    public String toString() {
        return "Schema(key=" + keyType + ", value=" + valueType + ")";
    }
}
