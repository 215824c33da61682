package io.jfaust.serdes;

import io.jfaust.serdes.internal.DecodeFailures;
import io.jfaust.serdes.internal.JsonCodec;
import io.jfaust.serdes.internal.PyTypes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An app's serializer registry (Faust's {@code app.serializers}): the default key and value serializers, the codec
 * registry (and so the JSON flavour) and the record registry, with Faust's rules for choosing a codec:
 * <ul>
 *   <li>a record's own {@code serializer} wins over the topic's and the send's;</li>
 *   <li>otherwise the first of (send/topic serializer, app default) that is set; {@code str}/{@code bytes} types fall
 *       back to {@code raw} only when nothing is set at all;</li>
 *   <li>{@code byte[]} values are never re-encoded; a null key stays null; a null value is encoded by the codec
 *       ({@code json} writes {@code null}, {@code raw} gives a Kafka null).</li>
 * </ul>
 *
 * <p>Decoding resolves a payload's {@code __faust.ns} (the blessed key, polymorphic fields, untyped payloads) in
 * this object's record registry, then among the records the expected type reaches. An untyped payload
 * ({@link DataType#any()}) is only ever resolved in the registry: register the records it may carry.
 *
 * <pre>{@code
 * Serializers s = Serializers.of("raw", "json", Codecs.newRegistry(JsonFlavor.FAUST_STREAMING),
 *         RecordRegistry.create().register(Purchase.class));
 * byte[] v = s.dumpsValue(DataType.of(Purchase.class), purchase, null);
 * Purchase p = s.loadsValue(DataType.of(Purchase.class), v, null, "purchases");
 * }</pre>
 */
public final class Serializers {
    private final @Nullable String keySerializer;
    private final @Nullable String valueSerializer;
    private final Codecs codecs;
    private final RecordRegistry records;

    private Serializers(@Nullable String keySerializer, @Nullable String valueSerializer, Codecs codecs,
                        RecordRegistry records) {
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
        this.codecs = Objects.requireNonNull(codecs, "codecs");
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * Faust's defaults: keys {@code raw}, values {@code json}, over the process-wide codec bridge
     * ({@link Codecs#global()}, faust-streaming JSON) and a new, empty record registry (each call makes a new one).
     */
    public static Serializers defaults() {
        return new Serializers("raw", "json", Codecs.global(), RecordRegistry.create());
    }

    /**
     * Serializers with these app defaults ({@code key_serializer}, {@code value_serializer}; null for none), codec
     * registry and record registry.
     */
    public static Serializers of(@Nullable String keySerializer, @Nullable String valueSerializer, Codecs codecs,
                                 RecordRegistry records) {
        return new Serializers(keySerializer, valueSerializer, codecs, records);
    }

    /** The app's default key serializer, or null for none. */
    public @Nullable String keySerializer() {
        return keySerializer;
    }

    /** The app's default value serializer, or null for none. */
    public @Nullable String valueSerializer() {
        return valueSerializer;
    }

    /** The codec registry. */
    public Codecs codecs() {
        return codecs;
    }

    /** The record registry decoding resolves {@code __faust.ns} in (untyped payloads, blessed key, polymorphism). */
    public RecordRegistry records() {
        return records;
    }

    /** Encodes a key: {@code dumps_key}. {@code serializer} is the send's or topic's (null for none). */
    public byte @Nullable [] dumpsKey(DataType<?> type, @Nullable Object key, @Nullable String serializer) {
        return dumps(type, key, serializer, keySerializer, true);
    }

    /** Encodes a value: {@code dumps_value}. {@code serializer} is the send's or topic's (null for none). */
    public byte @Nullable [] dumpsValue(DataType<?> type, @Nullable Object value, @Nullable String serializer) {
        return dumps(type, value, serializer, valueSerializer, false);
    }

    private byte @Nullable [] dumps(DataType<?> type, @Nullable Object obj, @Nullable String serializer,
                                    @Nullable String appDefault, boolean isKey) {
        RecordSchema<?> schema = RecordSchema.forObject(obj);
        String chosen = serializer;
        if (schema != null && schema.options().serializer() != null) {
            chosen = schema.options().serializer();
        }
        chosen = resolve(type, chosen, appDefault);
        Object out;
        if (chosen != null && !(obj instanceof byte[])) {
            // A record goes to the codec as it is: JSON writes its representation without building a map, and the
            // other codecs ask the schema for it.
            out = codecs.codec(chosen).dumps(obj);
        } else {
            out = isKey ? PyTypes.wantBytes(obj) : obj;
        }
        if (out == null || out instanceof byte[]) {
            return (byte[]) out;
        }
        throw new CodecException(chosen == null ? "(none)" : chosen, "encoding the " + (isKey ? "key" : "value")
                + " gave a " + PyTypes.typeName(out) + ", not bytes (Faust would hand it to the producer, which "
                + "fails): give this " + (isKey ? "key" : "value") + " a serializer such as 'json'");
    }

    /** Faust's {@code _serializer(typ, *alt)}: the first serializer set; raw for str/bytes types when none is. */
    static @Nullable String resolve(@Nullable DataType<?> type, @Nullable String explicit,
                                    @Nullable String appDefault) {
        if (explicit != null && !explicit.isEmpty()) {
            return explicit;
        }
        if (appDefault != null && !appDefault.isEmpty()) {
            return appDefault;
        }
        return type != null && type.isStrOrBytes() ? "raw" : null;
    }

    /**
     * Decodes a key: {@code loads_key}. The key codec is {@code serializer} or the app's key serializer (no
     * str/bytes special case, as in Faust). A null key is null unless a record type is expected.
     *
     * @throws KeyDecodeException naming {@code topic} (may be null) and the cause, for any failure to decode but a
     *     fatal VM error (see {@link Codec#loads})
     */
    public <T> @Nullable T loadsKey(DataType<T> type, byte @Nullable [] key, @Nullable String serializer,
                                    @Nullable String topic) {
        if (key == null) {
            if (type.kind() == DataType.Kind.RECORD) {
                throw new KeyDecodeException("Expected " + type + ", received None!", null, topic);
            }
            return null;
        }
        String chosen = serializer != null && !serializer.isEmpty() ? serializer : keySerializer;
        try {
            return decode(type, key, chosen);
        } catch (Throwable e) {
            throw new KeyDecodeException(reasonOf(DecodeFailures.recoverable(e)), e, topic);
        }
    }

    /**
     * Decodes a value: {@code loads_value}. A Kafka null is null, or an error when a record type is expected and
     * {@code allowEmpty} is off.
     *
     * @throws ValueDecodeException naming {@code topic} (may be null) and the cause, for any failure to decode but
     *     a fatal VM error (see {@link Codec#loads})
     */
    public <T> @Nullable T loadsValue(DataType<T> type, byte @Nullable [] value, @Nullable String serializer,
                                      @Nullable String topic) {
        return loadsValue(type, value, serializer, topic, false);
    }

    /** {@link #loadsValue(DataType, byte[], String, String)} with Faust's {@code allow_empty}. */
    public <T> @Nullable T loadsValue(DataType<T> type, byte @Nullable [] value, @Nullable String serializer,
                                      @Nullable String topic, boolean allowEmpty) {
        if (value == null) {
            if (type.kind() == DataType.Kind.RECORD && !allowEmpty) {
                throw new ValueDecodeException("Expected " + type + ", received None!", null, topic);
            }
            return null;
        }
        String chosen = resolve(type, serializer, valueSerializer);
        try {
            return decode(type, value, chosen);
        } catch (Throwable e) {
            throw new ValueDecodeException(reasonOf(DecodeFailures.recoverable(e)), e, topic);
        }
    }

    /** Codec then type; a Java record under a JSON codec is read straight from the parser (no payload map). */
    private <T> @Nullable T decode(DataType<T> type, byte[] data, @Nullable String chosen) {
        if (chosen == null) {
            return type.prepare(data, records);
        }
        Codec codec = codecs.codec(chosen);
        RecordSchema<T> schema = type.schema();
        if (schema != null && !schema.binding().keepsExtras()) {
            Object json = null;
            if (codec instanceof JsonCodec) {
                json = data;
            } else if (codec instanceof CodecChain chain && chain.first() instanceof JsonCodec) {
                json = chain.loadsAllButFirst(data);
            }
            if (json instanceof byte[] bytes) {
                return RecordDecoder.fromJson(schema, bytes, records);
            }
            if (json != null) {
                return type.prepare(codecs.codec("json").loads(json), records);
            }
        }
        return type.prepare(loads(codec, chosen, data), records);
    }

    /** {@code codec.loads(data)}, whatever it throws (a custom codec's own exceptions) naming the codec. */
    private static @Nullable Object loads(Codec codec, String name, byte[] data) {
        try {
            return codec.loads(data);
        } catch (Throwable t) {
            throw DecodeFailures.asCodecException(name, t);
        }
    }

    /** The reason a decode error gives: jfaust's own message, or the error and its message. */
    private static String reasonOf(Throwable e) {
        if (e instanceof FaustException && e.getMessage() != null) {
            return e.getMessage();
        }
        return DecodeFailures.describe(e);
    }
}
