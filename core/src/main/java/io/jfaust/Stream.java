package io.jfaust;

import io.jfaust.serdes.RecordSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An agent's stream of events (Faust's {@code Stream}): the steps each value goes through, described once and run for
 * every event by the agent's processor. Steps return a new stream; a terminal step ({@code forEach...} or
 * {@link #yieldEach()}) ends the description. All steps of an agent run in one Kafka Streams processor, except that
 * {@link #groupBy} and {@link #through} continue in a second processor reading the topic they write to.
 *
 * <pre>{@code
 * app.agent("shop.by_currency", purchases, stream -> stream
 *         .groupBy(Purchase::currency, "Purchase.currency")
 *         .forEach(p -> currencyCounts.update(p.currency(), n -> n + 1)));
 * }</pre>
 */
public final class Stream<K, V> {
    private final Agent<?, ?> agent;
    private final Topic<?, ?> source;
    private final List<Op> ops;
    private final boolean transformed;

    Stream(Agent<?, ?> agent, Topic<?, ?> source, List<Op> ops, boolean transformed) {
        this.agent = agent;
        this.source = source;
        this.ops = ops;
        this.transformed = transformed;
    }

    private <K2, V2> Stream<K2, V2> then(Op op, Topic<?, ?> newSource, boolean newTransformed) {
        List<Op> next = new ArrayList<>(ops);
        next.add(op);
        return new Stream<>(agent, newSource, Collections.unmodifiableList(next), newTransformed);
    }

    private void terminate(Op op) {
        List<Op> all = new ArrayList<>(ops);
        all.add(op);
        agent.addPipeline(List.copyOf(all));
    }

    /** Keeps the values for which {@code predicate} is true (Faust's {@code filter}); the others are skipped. */
    @SuppressWarnings("unchecked")
    public Stream<K, V> filter(Predicate<? super V> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return then(new Op.Filter(v -> predicate.test((V) v)), source, transformed);
    }

    /** Replaces each value (Faust's processors, {@code add_processor}). */
    @SuppressWarnings("unchecked")
    public <R> Stream<K, R> map(Function<? super V, ? extends R> function) {
        Objects.requireNonNull(function, "function");
        return then(new Op.Mapper(v -> function.apply((V) v)), source, true);
    }

    /** Sends each value (re-encoded, key dropped) to every topic, then goes on (Faust's {@code echo}). */
    public Stream<K, V> echo(Topic<?, ?>... topics) {
        if (topics.length == 0) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": echo needs at least one topic");
        }
        return then(new Op.Echo(List.of(topics)), source, transformed);
    }

    /**
     * Batches of up to {@code max} values, each flushed when full or when {@code within} has passed on the
     * wall clock since the batch started (Faust's {@code take(max_, within)}). Buffered values are held in
     * memory: under at-least-once their offsets may be committed before the batch is processed.
     */
    public Stream<K, List<V>> take(int max, Duration within) {
        if (max < 1) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": take needs max >= 1, got " + max);
        }
        Objects.requireNonNull(within, "within");
        return then(new Op.Take(max, within), source, true);
    }

    /**
     * Re-keys the stream by a function of the value (Faust's {@code group_by(key, name=...)}): each event's original
     * bytes are forwarded under the new key to the repartition topic
     * {@code "<agent name>-<source topic>-<name>-repartition"}, and the stream continues from it. The new key is
     * encoded with the source topic's key codec, so it has the source key's type.
     *
     * @param name the topic suffix Faust derives from {@code Model.field} or requires for a callable; required
     */
    @SuppressWarnings("unchecked")
    public Stream<K, V> groupBy(Function<? super V, ? extends K> key, String name) {
        Objects.requireNonNull(key, "key");
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": group_by with a function must set a name "
                    + "(the repartition topic suffix, e.g. \"Purchase.currency\"), as Faust requires name=");
        }
        if (transformed) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": group_by must come before map/take: it "
                    + "forwards the event's original bytes, so the steps after it see the original value");
        }
        Topic<K, V> repartition = agent.app().repartitionTopic(agent, (Topic<K, V>) source, name);
        return then(new Op.GroupBy(v -> key.apply((V) v), repartition), repartition, false);
    }

    /**
     * Re-keys by a field of the record values: {@code groupBy("currency")} on {@code Purchase} values is Faust's
     * {@code group_by(Purchase.currency)}, with the repartition topic suffix {@code "Purchase.currency"}.
     */
    @SuppressWarnings("unchecked")
    public Stream<K, V> groupBy(String recordField) {
        Class<?> valueClass = source.schema().valueType().javaType();
        RecordSchema<Object> schema = (RecordSchema<Object>) source.schema().valueType().schema();
        if (schema == null) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": groupBy(\"" + recordField + "\") needs "
                    + "record values, but topic " + source.name() + " carries " + valueClass.getSimpleName());
        }
        int index = schema.indexOf(recordField);
        return groupBy(v -> (K) schema.get(v, index), schema.className() + "." + recordField);
    }

    /**
     * Forwards each event's original bytes to {@code topic} and continues from that topic (Faust's
     * {@code through}).
     */
    public <K2, V2> Stream<K2, V2> through(Topic<K2, V2> topic) {
        Objects.requireNonNull(topic, "topic");
        if (transformed) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": through must come before map/take: it "
                    + "forwards the event's original bytes");
        }
        return then(new Op.Through(topic), topic, false);
    }

    /** Runs {@code action} for each value. */
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super V> action) {
        Objects.requireNonNull(action, "action");
        terminate(new Op.ForEach(v -> action.accept((V) v)));
    }

    /** Runs {@code action} for each key and value (Faust's {@code items()}). */
    @SuppressWarnings("unchecked")
    public void forEachItem(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action, "action");
        terminate(new Op.ForEachItem((k, v) -> action.accept((K) k, (V) v)));
    }

    /**
     * Runs {@code action} for each event (Faust's {@code events()}): its key and value are the stream's at this step
     * (after {@code map} the mapped value; after {@code take} the batch, under no key), its headers, raw bytes,
     * topic, partition, offset and timestamp those of the message (of a batch, its last message).
     */
    @SuppressWarnings("unchecked")
    public void forEachEvent(Consumer<Event<K, V>> action) {
        Objects.requireNonNull(action, "action");
        terminate(new Op.ForEachEvent(e -> action.accept((Event<K, V>) e)));
    }

    /** Runs {@code action} for each value with its index from 0 (Faust's {@code enumerate()}). */
    @SuppressWarnings("unchecked")
    public void forEachIndexed(BiConsumer<Long, ? super V> action) {
        Objects.requireNonNull(action, "action");
        terminate(new Op.Enumerate(0, (i, v) -> action.accept(i, (V) v)));
    }

    /**
     * Yields every value: it goes to each of the agent's sinks (topics get it with the key dropped, as Faust does)
     * and into the results of {@code testContext()}. Faust's {@code yield value} in an agent.
     */
    public void yieldEach() {
        terminate(new Op.Yield());
    }
}
