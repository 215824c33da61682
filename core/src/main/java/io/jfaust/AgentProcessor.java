package io.jfaust;

import io.jfaust.internal.Decoded;
import io.jfaust.internal.OutgoingKey;
import io.jfaust.runtime.AgentResult;
import io.jfaust.runtime.Replies;
import io.jfaust.runtime.Sensors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The one Kafka Streams processor an agent compiles to (per source topic): it runs every step of the agent's
 * stream for each record, sends through its sink, reads and writes tables, flushes {@code take} batches and
 * expires windows on wall-clock punctuations.
 */
final class AgentProcessor implements Processor<Decoded<Object>, Decoded<Object>, OutgoingKey, byte[]> {
    /** Suffix of the sink that honours explicit partitions. */
    static final String PARTITIONED = ":partitioned";

    private final App app;
    private final Agent<?, ?> agent;
    private final String sinkName;
    private final List<List<Op>> segments;
    private final List<String> tables;
    private final List<WindowedTable<?, ?>> windowedTables;
    private final List<Object> sinks;
    private final Map<String, String> plainSinks = new HashMap<>();
    private final Map<String, String> partitionedSinks = new HashMap<>();
    private final boolean yields;
    private final @Nullable Consumer<AgentResult> results;
    private final Map<String, TableWrites> tableWrites = new HashMap<>();

    private ProcessorContext<OutgoingKey, byte[]> context;
    private final Map<String, KeyValueStore<Bytes, byte[]>> stores = new HashMap<>();
    /** Per windowed table, the latest event time seen (one mutable slot each: updated on every windowed write). */
    private final Map<String, double[]> latestTimestamps = new HashMap<>();
    private Step[] chains;
    private final List<Step.Take> takes = new ArrayList<>();
    /** The worker's meters (null in a test driver: nothing is counted), and this processor's agent meters. */
    private @Nullable Sensors sensors;
    private Sensors.@Nullable AgentSensor meters;

    AgentProcessor(App app, Agent<?, ?> agent, String sinkName, List<List<Op>> segments, List<String> tables,
                   List<WindowedTable<?, ?>> windowedTables, java.util.Set<String> staticSinks,
                   @Nullable Consumer<AgentResult> results) {
        this.app = app;
        this.agent = agent;
        this.sinkName = sinkName;
        this.segments = segments;
        this.tables = tables;
        this.windowedTables = windowedTables;
        this.sinks = agent.options().sinks();
        this.results = results;
        for (String topic : staticSinks) {
            plainSinks.put(topic, sinkName + ":" + topic);
            partitionedSinks.put(topic, sinkName + PARTITIONED + ":" + topic);
        }
        this.yields = segments.stream().anyMatch(ops -> !ops.isEmpty() && ops.get(ops.size() - 1) instanceof Op.Yield);
    }

    @Override
    public void init(ProcessorContext<OutgoingKey, byte[]> context) {
        this.context = context;
        if (context.appConfigs().get(Sensors.CONFIG_KEY) instanceof Sensors s) {
            sensors = s;
        }
        if (!tables.isEmpty() && !(context instanceof InternalProcessorContext<?, ?>)) {
            throw new IllegalStateException("agent " + agent.name() + " uses tables " + tables + " in a "
                    + context.getClass().getName() + ": jfaust's tables need the processor context of a Kafka "
                    + "Streams runtime (KafkaStreams or TopologyTestDriver) to stamp changelogs with the wall clock");
        }
        for (String t : tables) {
            stores.put(t, context.getStateStore(t));
        }
        chains = new Step[segments.size()];
        for (int i = 0; i < chains.length; i++) {
            chains[i] = Step.chain(segments.get(i), this, takes);
        }
        long tick = Long.MAX_VALUE;
        for (Step.Take t : takes) {
            tick = Math.min(tick, t.withinMs() / 4);
        }
        if (!takes.isEmpty()) {
            context.schedule(Duration.ofMillis(Math.max(10, tick)), PunctuationType.WALL_CLOCK_TIME,
                    this::flushDueBatches);
        }
        if (!windowedTables.isEmpty()) {
            context.schedule(app.settings().tableCleanupInterval(), PunctuationType.WALL_CLOCK_TIME,
                    this::expireWindows);
        }
    }

    @Override
    public void process(Record<Decoded<Object>, Decoded<Object>> record) {
        long started = 0L;
        if (sensors != null) {
            started = startMetering(sensors);
        }
        Scope previous = Scope.enter(new Scope(this, record));
        try {
            Object key = record.key() == null ? null : record.key().value();
            Object value = record.value() == null ? null : record.value().value();
            for (Step chain : chains) {
                chain.accept(key, value);
            }
            if (!yields && results != null) {
                // Faust's test_context records a non-yielding agent's input value as its result (fs >= 0.13.1).
                Event<Object, Object> e = Objects.requireNonNull(Scope.current().event(), "a record is processed");
                results.accept(new AgentResult(agent.name(), e.offset(), value));
            }
        } finally {
            Scope.exit(previous);
            if (meters != null) {
                meters.processed(System.nanoTime() - started);
            }
        }
    }

    /** Counts the event in (resolving this processor's meters on its first event) and returns the start time. */
    private long startMetering(Sensors sensors) {
        if (meters == null) {
            meters = sensors.agent(agent.name(), context.recordMetadata().map(RecordMetadata::topic).orElse(""));
        }
        meters.eventIn();
        return System.nanoTime();
    }

    /** The meters of {@code table}, or null when nothing is counted. */
    Sensors.@Nullable TableSensor tableMeters(String table) {
        return sensors == null ? null : sensors.table(table);
    }

    /** Faust's group_by: the original value bytes and headers, under the new key encoded with the source codec. */
    @SuppressWarnings("unchecked")
    void forwardRekeyed(Op.GroupBy g, @Nullable Object value) {
        Event<Object, Object> e = Objects.requireNonNull(Scope.current().event(), "group_by runs on a record");
        Object newKey = g.key().apply(value);
        Topic<Object, Object> repartition = (Topic<Object, Object>) g.repartition();
        byte[] keyBytes = repartition.schema().dumpsKey(app.serializers(), newKey, null);
        Send send = Send.options();
        for (var h : e.kafkaHeaders()) {
            send = send.withHeader(h.key(), h.value());
        }
        send(repartition.name(), keyBytes, e.rawValue(), send);
    }

    @SuppressWarnings("unchecked")
    void yielded(@Nullable Object value) {
        Scope scope = Scope.current();
        if (results != null) {
            Event<Object, Object> e = scope.event();
            results.accept(new AgentResult(agent.name(), e == null ? -1 : e.offset(), value));
        }
        Replies.Address reply = Replies.addressOf(scope.headers());
        if (reply != null) {
            // Faust's agent replies to a request (Faust-Ag-* headers) with each value it yields: key null.
            Event<Object, Object> e = Objects.requireNonNull(scope.event(), "a request is a record");
            send(reply.topic(), null, Replies.response(app, e.key(), value, reply.correlationId()), Send.options());
        }
        for (Object sink : sinks) {
            if (sink instanceof Topic<?, ?> t) {
                sendValue(t, value);
            } else {
                ((Consumer<Object>) sink).accept(value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    void sendValue(Topic<?, ?> topic, @Nullable Object value) {
        ((Topic<Object, Object>) topic).send(null, value);
    }

    /** Sends encoded bytes to {@code topic} through this processor's sink. */
    void send(String topic, byte @Nullable [] key, byte @Nullable [] value, Send send) {
        long ts = send.timestamp() != null ? Math.round(send.timestamp() * 1000.0) : context.currentSystemTimeMs();
        RecordHeaders headers = new RecordHeaders();
        for (var h : send.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        // Records with an explicit partition go through the sink that has a partitioner; the others through one
        // without, so Kafka Streams does not look up the partition count of every record.
        String sink = send.partition() == null ? plainSinks.getOrDefault(topic, sinkName)
                : partitionedSinks.getOrDefault(topic, sinkName + PARTITIONED);
        context.forward(new Record<>(new OutgoingKey(topic, key, send.partition()), value, ts, headers), sink);
        if (sensors != null) {
            sensors.sent(topic);
            if (meters != null) {
                meters.eventOut();
            }
        }
    }

    KeyValueStore<Bytes, byte[]> store(String table) {
        KeyValueStore<Bytes, byte[]> store = stores.get(table);
        if (store == null) {
            if (tables.contains(table) || app.isGlobalTable(table)) {
                store = context.getStateStore(table);
                stores.put(table, store);
            } else {
                throw new IllegalStateException("agent " + agent.name() + " uses table " + table + ", which its "
                        + "options do not list: add it to tables(...)");
            }
        }
        return store;
    }

    /** The table {@code table} as this agent changes it (writes stamped with the wall clock). */
    TableWrites tableWrites(String table) {
        TableWrites w = tableWrites.get(table);
        if (w == null) {
            w = new TableWrites((InternalProcessorContext<?, ?>) context, store(table), tableMeters(table));
            tableWrites.put(table, w);
        }
        return w;
    }

    Event<Object, Object> eventOf(Record<Decoded<Object>, Decoded<Object>> record) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        Decoded<Object> k = record.key();
        Decoded<Object> v = record.value();
        return new Event<>(k == null ? null : k.value(), v == null ? null : v.value(), k == null ? null : k.raw(),
                v == null ? null : v.raw(), record.headers(), meta == null ? null : meta.topic(),
                meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset(), record.timestamp());
    }

    /** The partition of the record being processed, or -1 inside a punctuation. */
    int partition() {
        int partition = context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
        if (partition < 0) {
            // A take batch flushed by the clock runs in its last event's scope: that event's partition.
            Scope scope = Scope.current();
            Event<Object, Object> event = scope == null ? null : scope.event();
            if (event != null) {
                return event.partition();
            }
        }
        return partition;
    }

    /** The store of a set table, attached to every agent's processors. */
    SetStore setStore(String table) {
        return context.getStateStore(table);
    }

    long nowMs() {
        return context.currentSystemTimeMs();
    }

    @Nullable Double latestTimestamp(String table) {
        double[] latest = latestTimestamps.get(table);
        return latest == null ? null : latest[0];
    }

    void recordTimestamp(String table, double ts) {
        double[] latest = latestTimestamps.get(table);
        if (latest == null) {
            latestTimestamps.put(table, new double[] {ts});
        } else {
            latest[0] = Math.max(latest[0], ts);
        }
    }

    /** Flushes the batches that have waited long enough, each in the scope of its last event. */
    private void flushDueBatches(long now) {
        for (Step.Take take : takes) {
            take.flushIfDue(now);
        }
    }

    /** Removes windows whose end is before {@code current(now - expires).start} (faust-streaming's wall clock). */
    private void expireWindows(long nowMs) {
        double now = nowMs / 1000.0;
        for (WindowedTable<?, ?> wt : windowedTables) {
            KeyValueStore<Bytes, byte[]> store = store(wt.name());
            double expires = Objects.requireNonNull(wt.expires(), "tables expired have expires").toNanos() / 1e9;
            List<Bytes> stale = new ArrayList<>();
            try (KeyValueIterator<Bytes, byte[]> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<Bytes, byte[]> kv = it.next();
                    Double end = WindowKeys.endOf(app, wt, kv.key.get());
                    if (end != null && wt.window().stale(end, now, expires)) {
                        stale.add(kv.key);
                    }
                }
            }
            WindowClose.close(this, wt, store, stale);
            if (sensors != null && !stale.isEmpty()) {
                sensors.windowsClosed(wt.name(), stale.size());
            }
        }
    }
}
