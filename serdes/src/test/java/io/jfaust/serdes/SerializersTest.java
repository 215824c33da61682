package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.VecModels.DollarPurchase;
import io.jfaust.serdes.VecModels.Purchase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class SerializersTest {
    private final Serializers s = Serializers.defaults();

    private static String str(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void appDefaultsAreRawKeysAndJsonValues() {
        assertThat(str(s.dumpsKey(DataType.any(), "alice", null))).isEqualTo("alice");
        assertThat(str(s.dumpsValue(DataType.of(String.class), "hello", null))).isEqualTo("\"hello\"");
        assertThat(str(s.dumpsValue(DataType.any(), null, null))).isEqualTo("null");
        assertThat(s.dumpsValue(DataType.any(), null, "raw")).isNull();
        assertThat(s.dumpsKey(DataType.any(), null, null)).isNull();
    }

    @Test
    void aRecordsOwnSerializerWinsAndBytesAreNeverReencoded() {
        DollarPurchase d = new DollarPurchase("a", "USD", 1.5);
        assertThat(str(s.dumpsValue(DataType.of(DollarPurchase.class), d, "binary")))
                .startsWith("{\"username\"");
        byte[] raw = {1, 2, 3};
        assertThat(s.dumpsValue(DataType.any(), raw, "json|binary")).isSameAs(raw);
    }

    @Test
    void strAndBytesFallBackToRawOnlyWhenNothingIsSet() {
        Serializers none = Serializers.of(null, null, Codecs.global(), RecordRegistry.create());
        assertThat(str(none.dumpsValue(DataType.of(String.class), "v", null))).isEqualTo("v");
        assertThatThrownBy(() -> none.dumpsValue(DataType.any(), Map.of("a", 1), null))
                .isInstanceOf(CodecException.class).hasMessageContaining("not bytes");
    }

    @Test
    void aRecordKeyWithoutAKeySerializerIsAClearError() {
        assertThatThrownBy(() -> s.dumpsKey(DataType.of(Purchase.class), new Purchase("a", "USD", 1), null))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("gave a dict, not bytes")
                .hasMessageContaining("serializer such as 'json'");
        assertThat(str(s.dumpsKey(DataType.of(Purchase.class), new Purchase("a", "USD", 1), "json")))
                .isEqualTo("{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,"
                        + "\"__faust\":{\"ns\":\"vecmodels.Purchase\"}}");
    }

    @Test
    void decodeErrorsNameTheTopicAndCanBeLocated() {
        ValueDecodeException e = (ValueDecodeException) org.assertj.core.api.Assertions.catchThrowable(
                () -> s.loadsValue(DataType.of(Purchase.class), "not json".getBytes(), null, "purchases"));
        assertThat(e).isInstanceOf(SerializationException.class);
        assertThat(e.topic()).isEqualTo("purchases");
        assertThat(e.getCause()).isInstanceOf(CodecException.class);
        DecodeException located = e.at(3, 42L);
        assertThat(located.getMessage()).contains("topic purchases, partition 3, offset 42");
        assertThat(located.partition()).isEqualTo(3);
        assertThat(located.offset()).isEqualTo(42L);
        assertThatThrownBy(() -> s.loadsKey(DataType.of(Long.class), "abc".getBytes(), null, "t"))
                .isInstanceOf(KeyDecodeException.class)
                .hasMessageContaining("invalid literal for int() with base 10: 'abc'");
    }

    @Test
    void schemaSerdesAreKafkaSerdes() {
        Schema<String, Purchase> schema = Schema.of(String.class, Purchase.class);
        Serde<Purchase> values = schema.valueSerde(s);
        Serde<String> keys = schema.keySerde(s);
        Purchase p = new Purchase("alice", "USD", 1234);
        byte[] bytes = values.serializer().serialize("purchases", p);
        assertThat(values.deserializer().deserialize("purchases", bytes)).isEqualTo(p);
        assertThat(str(keys.serializer().serialize("purchases", "alice"))).isEqualTo("alice");
        assertThat(keys.deserializer().deserialize("purchases", "alice".getBytes())).isEqualTo("alice");
        assertThat(schema.withAllowEmpty(true).valueSerde(s).deserializer().deserialize("p", null)).isNull();
        assertThatThrownBy(() -> values.deserializer().deserialize("p", null))
                .isInstanceOf(ValueDecodeException.class);
    }

    @Test
    void aSchemaTakesTheModelSerializerWhenItHasNone() {
        Schema<String, DollarPurchase> schema = Schema.of(String.class, DollarPurchase.class);
        assertThat(schema.valueSerializer()).isEqualTo("json");
        assertThat(schema.withValueSerializer("json|binary").valueSerializer()).isEqualTo("json|binary");
        assertThat(Schema.of(String.class, Purchase.class).valueSerializer()).isNull();
    }

    @Test
    void unsupportedTypesFailWhenDeclared() {
        assertThatThrownBy(() -> DataType.of(Thread.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@FaustRecord");
    }

    @Test
    void robinhoodAppsWriteSpacedJsonEverywhere() {
        Serializers rh = Serializers.of("raw", "json", Codecs.newRegistry(JsonFlavor.ROBINHOOD),
                RecordRegistry.create());
        assertThat(str(rh.dumpsValue(DataType.of(Purchase.class), new Purchase("youngcarol", "USD", 1), null)))
                .isEqualTo("{\"username\": \"youngcarol\", \"currency\": \"USD\", \"amount\": 1, "
                        + "\"__faust\": {\"ns\": \"vecmodels.Purchase\"}}");
        assertThat(str(rh.dumpsKey(DataType.of(String.class), "k", "json"))).isEqualTo("\"k\"");
    }
}
