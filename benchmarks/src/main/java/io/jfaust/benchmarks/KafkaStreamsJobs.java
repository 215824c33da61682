package io.jfaust.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jfaust.examples.purchases.Purchase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The same jobs as a good engineer would write them by hand in Kafka Streams' Processor API, with Jackson streaming
 * serdes producing Faust's bytes (checked equal to jfaust's before timing).
 */
final class KafkaStreamsJobs {
    private static final JsonFactory JSON = new JsonFactory();

    private KafkaStreamsJobs() {}

    /** A decoded lesson purchase. */
    record P(String username, String currency, long amount) {}

    static P readPurchase(byte[] value) {
        try (JsonParser p = JSON.createParser(value)) {
            String username = null;
            String currency = null;
            long amount = 0;
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "username" -> username = p.getText();
                    case "currency" -> currency = p.getText();
                    case "amount" -> amount = p.getLongValue();
                    default -> p.skipChildren();
                }
                if (t == null) {
                    break;
                }
            }
            return new P(username, currency, amount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] writeDollars(String username, String currency, double amount) {
        return writeDollars(username, currency, amount, "lesson.PurchaseDollars");
    }

    static byte[] writeDollars(String username, String currency, double amount, String namespace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("username", username);
            g.writeStringField("currency", currency);
            g.writeNumberField("amount", amount);
            g.writeObjectFieldStart("__faust");
            g.writeStringField("ns", namespace);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jsonKey(String key) {
        return ("\"" + key + "\"").getBytes(StandardCharsets.UTF_8);
    }

    static Topology lesson(String out) {
        Topology t = new Topology();
        t.addSource("source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), JfaustJobs.IN);
        t.addProcessor("convert", () -> new Processor<byte[], byte[], byte[], byte[]>() {
            private ProcessorContext<byte[], byte[]> ctx;

            @Override
            public void init(ProcessorContext<byte[], byte[]> context) {
                ctx = context;
            }

            @Override
            public void process(Record<byte[], byte[]> r) {
                P p = readPurchase(r.value());
                ctx.forward(r.withValue(writeDollars(p.username(), p.currency(), p.amount() / 100.0))
                        .withTimestamp(ctx.currentSystemTimeMs()));
            }
        }, "source");
        t.addSink("sink", out, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(), "convert");
        return t;
    }

    static Topology count(boolean rocksdb, boolean windowed) {
        Topology t = new Topology();
        t.addSource("source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), JfaustJobs.IN);
        t.addProcessor("count", () -> new Processor<byte[], byte[], Void, Void>() {
            private KeyValueStore<Bytes, byte[]> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore("counts");
            }

            @Override
            public void process(Record<byte[], byte[]> r) {
                P p = readPurchase(r.value());
                byte[] key;
                if (windowed) {
                    long start = Math.floorDiv(r.timestamp(), 10_000L) * 10;
                    key = ("[\"" + p.username() + "\",[" + start + ".0," + (start + 9) + ".9]]")
                            .getBytes(StandardCharsets.UTF_8);
                } else {
                    key = jsonKey(p.username());
                }
                Bytes k = Bytes.wrap(key);
                byte[] old = store.get(k);
                long n = old == null ? 0 : Long.parseLong(new String(old, StandardCharsets.US_ASCII));
                store.put(k, Long.toString(n + 1).getBytes(StandardCharsets.US_ASCII));
            }
        }, "source");
        t.addStateStore(Stores.keyValueStoreBuilder(rocksdb ? Stores.persistentKeyValueStore("counts")
                : Stores.inMemoryKeyValueStore("counts"), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled(), "count");
        return t;
    }

    /** The repartition topic of purchases_app.by_currency (named by jfaust as Faust names it). */
    static final String BY_CURRENCY = "purchases_app.by_currency-purchases-Purchase.currency-repartition";

    /** One more to a count stored as its ASCII digits (Faust's JSON of an int). */
    static void increment(KeyValueStore<Bytes, byte[]> store, Bytes key, long by) {
        byte[] old = store.get(key);
        long n = old == null ? 0 : Long.parseLong(new String(old, StandardCharsets.US_ASCII));
        store.put(key, Long.toString(n + by).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Faust's purchases_app.py by hand: {@code convert} (dollars out, {@code purchase_counts} and the 10 s tumbling
     * {@code amount_sums_10s}; a DELETE purchase deletes the count), and {@code by_currency} (the original record
     * through a repartition topic keyed by currency, then {@code currency_counts}). In-memory stores, as the port.
     */
    static Topology purchases() {
        Topology t = new Topology();
        t.addSource("source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), JfaustJobs.IN);
        t.addProcessor("convert", () -> new Processor<byte[], byte[], byte[], byte[]>() {
            private ProcessorContext<byte[], byte[]> ctx;
            private KeyValueStore<Bytes, byte[]> counts;
            private KeyValueStore<Bytes, byte[]> sums;

            @Override
            public void init(ProcessorContext<byte[], byte[]> context) {
                ctx = context;
                counts = context.getStateStore("purchase_counts");
                sums = context.getStateStore("amount_sums_10s");
            }

            @Override
            public void process(Record<byte[], byte[]> r) {
                P p = readPurchase(r.value());
                Bytes user = Bytes.wrap(jsonKey(p.username()));
                if (p.currency().equals("DELETE")) {
                    if (counts.get(user) != null) {
                        counts.delete(user);
                    }
                    return;
                }
                ctx.forward(new Record<>(p.username().getBytes(StandardCharsets.UTF_8),
                        writeDollars(p.username(), p.currency(), p.amount() / 100.0, "purchases_app.DollarPurchase"),
                        ctx.currentSystemTimeMs()));
                increment(counts, user, 1);
                long start = Math.floorDiv(r.timestamp(), 10_000L) * 10;
                increment(sums, Bytes.wrap(("[\"" + p.username() + "\",[" + start + ".0," + (start + 9) + ".9]]")
                        .getBytes(StandardCharsets.UTF_8)), p.amount());
            }
        }, "source");
        t.addSink("dollars", "purchases-dollars", Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(),
                "convert");
        t.addProcessor("by_currency", () -> new Processor<byte[], byte[], byte[], byte[]>() {
            private ProcessorContext<byte[], byte[]> ctx;

            @Override
            public void init(ProcessorContext<byte[], byte[]> context) {
                ctx = context;
            }

            @Override
            public void process(Record<byte[], byte[]> r) {
                P p = readPurchase(r.value());
                ctx.forward(r.withKey(p.currency().getBytes(StandardCharsets.UTF_8))
                        .withTimestamp(ctx.currentSystemTimeMs()));
            }
        }, "source");
        t.addSink("to-currency", BY_CURRENCY, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer(),
                "by_currency");
        t.addSource("currency-source", Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                BY_CURRENCY);
        t.addProcessor("count_currency", () -> new Processor<byte[], byte[], Void, Void>() {
            private KeyValueStore<Bytes, byte[]> counts;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                counts = context.getStateStore("currency_counts");
            }

            @Override
            public void process(Record<byte[], byte[]> r) {
                increment(counts, Bytes.wrap(jsonKey(readPurchase(r.value()).currency())), 1);
            }
        }, "currency-source");
        t.addStateStore(memoryStore("purchase_counts"), "convert");
        t.addStateStore(memoryStore("amount_sums_10s"), "convert");
        t.addStateStore(memoryStore("currency_counts"), "count_currency");
        return t;
    }

    private static org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<Bytes, byte[]>> memoryStore(String n) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(n), Serdes.Bytes(), Serdes.ByteArray())
                .withCachingDisabled();
    }
}
