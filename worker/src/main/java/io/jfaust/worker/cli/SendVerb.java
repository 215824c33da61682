package io.jfaust.worker.cli;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Send;
import io.jfaust.Topic;
import io.jfaust.runtime.ClientConfigs;
import io.jfaust.runtime.Engine;
import io.jfaust.runtime.Producers;
import io.jfaust.serdes.FaustException;
import io.jfaust.serdes.RecordSchema;
import io.jfaust.worker.text.CliTable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Faust's {@code send ENTITY [VALUE]}: sends to a topic, or to an agent's topic ({@code @name}), and prints the
 * record's metadata as Faust does ({@code {"topic": ..., "partition": ..., "topic_partition": [...], "offset": ...,
 * "timestamp": ..., "timestamp_type": 0}}). As in Faust, key and value go as their UTF-8 bytes unless a model is
 * named ({@code --key-type}/{@code --value-type}): then the text is loaded as that model with the serializer (the
 * model's own, else the app's) and sent encoded with it.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = "Send message to agent/topic.")
public final class SendVerb implements Callable<Integer> {
    private final App app;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENTITY", description = "Topic name, or @agent for an agent's topic.")
    String entity;

    @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1", description = "The value (none: a null value).")
    @Nullable String value;

    @Option(names = {"-k", "--key"}, description = "The key (none: a null key).")
    @Nullable String key;

    @Option(names = {"-K", "--key-type"}, description = "Namespace of the model to load the key as.")
    @Nullable String keyType;

    @Option(names = "--key-serializer", description = "Codec of the key (with --key-type only).")
    @Nullable String keySerializer;

    @Option(names = {"-V", "--value-type"}, description = "Namespace of the model to load the value as.")
    @Nullable String valueType;

    @Option(names = "--value-serializer", description = "Codec of the value (with --value-type only).")
    @Nullable String valueSerializer;

    @Option(names = "--partition", description = "Specific partition to send to.")
    @Nullable Integer partition;

    @Option(names = {"-r", "--repeat"}, defaultValue = "1", description = "Send message n times (1 or more).")
    int repeat;

    @Mixin
    BrokerOption broker = new BrokerOption();

    public SendVerb(App app) {
        this.app = app;
    }

    @Override
    public Integer call() throws Exception {
        Engine.get().freeze(app);
        if (repeat < 1) {
            throw usage("--repeat must be 1 or more, got " + repeat + ": nothing was sent.");
        }
        if (partition != null && partition < 0) {
            throw usage("--partition must be 0 or more, got " + partition + ": nothing was sent.");
        }
        String topic = topicName();
        byte[] k = encode(key, keyType, keySerializer, "--key-serializer", "--key-type", true);
        byte[] v = encode(value, valueType, valueSerializer, "--value-serializer", "--value-type", false);
        Map<String, Object> props = ClientConfigs.of(app, broker.urls).producer();   // acks=all, credentials
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaProducer<byte[], byte[]> producer = Producers.create(props)) {
            for (int i = 0; i < repeat; i++) {
                RecordMetadata meta = producer.send(new ProducerRecord<>(topic, partition, k, v)).get();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("topic", meta.topic());
                out.put("partition", meta.partition());
                out.put("topic_partition", List.of(meta.topic(), meta.partition()));
                out.put("offset", meta.offset());
                out.put("timestamp", meta.timestamp());
                out.put("timestamp_type", 0);
                spec.commandLine().getOut().println(CliTable.dumps(out));
            }
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String topicName() {
        if (!entity.startsWith("@")) {
            return entity;
        }
        String name = entity.substring(1);
        for (Agent<?, ?> a : app.agents()) {
            if (a.name().equals(name)) {
                return a.channel().name();
            }
        }
        throw usage("No agent " + entity + ". Please run \"" + app.id() + " agents\" for a list.");
    }

    /**
     * Faust's {@code to_model}: the text's bytes, or the model loaded from them and dumped again. What cannot be
     * sent is refused before anything is: a serializer without a model (Faust would send the bytes and ignore it),
     * an unknown codec, a codec jfaust refuses ({@code pickle}), a text the model does not load.
     */
    @SuppressWarnings("unchecked")
    private byte @Nullable [] encode(@Nullable String text, @Nullable String type, @Nullable String serializer,
                                     String serializerOption, String typeOption, boolean isKey) {
        if (type == null) {
            if (serializer != null) {
                throw usage(serializerOption + " " + serializer + " applies to a model only: name one with "
                        + typeOption + " (without one the text is sent as its UTF-8 bytes, as in Faust).");
            }
            return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }
        RecordSchema<Object> schema = (RecordSchema<Object>) app.serializers().records().lookup(type);
        if (schema == null) {
            throw usage("No model '" + type + "'. Please run \"" + app.id() + " models\" for a list.");
        }
        String modelCodec = schema.options().serializer();
        String codec = serializer != null ? serializer : modelCodec != null ? modelCodec
                : isKey ? "json" : app.settings().valueSerializer();
        try {
            app.serializers().codecs().codec(codec);
            if (text == null) {
                return null;
            }
            Object record = schema.loads(text.getBytes(StandardCharsets.UTF_8), codec, app.serializers().codecs());
            Object encoded = schema.dumps(record, codec, app.serializers().codecs());
            return encoded instanceof byte[] b ? b : String.valueOf(encoded).getBytes(StandardCharsets.UTF_8);
        } catch (FaustException e) {
            throw usage("Cannot send the " + (isKey ? "key" : "value") + " as " + type + " with codec '" + codec
                    + "': " + e.getMessage() + ". Nothing was sent.");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
