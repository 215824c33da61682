package io.jfaust.worker.metrics;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.runtime.Sensors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * jfaust's meters for one worker (Faust's sensors), every one tagged {@code app=<id>}: events into each agent (by
 * source topic), its sends and processing time, records sent by topic, decode errors by error policy, table gets,
 * puts and deletes, windows closed. The engine reaches it through the runtime SPI ({@link Sensors}, in Kafka
 * Streams' configs under {@link Sensors#CONFIG_KEY}); a
 * test driver has none, and then nothing is counted.
 */
public final class MicrometerSensors implements Sensors {
    public static final String EVENTS_IN = "jfaust.agent.events.in";
    public static final String EVENTS_OUT = "jfaust.agent.events.out";
    public static final String PROCESSING = "jfaust.agent.processing";
    public static final String SENDS = "jfaust.sends";
    public static final String DECODE_ERRORS = "jfaust.decode.errors";
    public static final String TABLE_GETS = "jfaust.table.gets";
    public static final String TABLE_PUTS = "jfaust.table.puts";
    public static final String TABLE_DELETES = "jfaust.table.deletes";
    public static final String WINDOWS_CLOSED = "jfaust.table.windows.closed";

    private final MeterRegistry registry;
    private final String app;
    private final String policy;
    private final Map<String, Counter> sends = new ConcurrentHashMap<>();
    private final Map<String, Counter> decodeErrors = new ConcurrentHashMap<>();
    private final Map<String, TableMeters> tables = new ConcurrentHashMap<>();

    public MicrometerSensors(MeterRegistry registry, App app) {
        this.registry = registry;
        this.app = app.id();
        this.policy = app.settings().errorPolicy().kind().name().toLowerCase(java.util.Locale.ROOT);
        app.tables().forEach(t -> table(t.name()));
        app.agents().forEach(a -> agent(a.name(), a.channel().name()));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The meters of one agent reading one topic. */
    @Override
    public AgentMeters agent(String agent, String topic) {
        return new AgentMeters(
                Counter.builder(EVENTS_IN).description("Events an agent received").tag("app", app)
                        .tag("agent", agent).tag("topic", topic).register(registry),
                Counter.builder(EVENTS_OUT).description("Records an agent sent").tag("app", app)
                        .tag("agent", agent).register(registry),
                Timer.builder(PROCESSING).description("Time an agent spent on one event").tag("app", app)
                        .tag("agent", agent).register(registry));
    }

    /** Counts a record sent to {@code topic} (from an agent or from outside). */
    @Override
    public void sent(String topic) {
        sends.computeIfAbsent(topic, t -> Counter.builder(SENDS).description("Records sent, by topic")
                .tag("app", app).tag("topic", t).register(registry)).increment();
    }

    /** Counts a record of {@code topic} that failed to decode, tagged by the app's error policy. */
    @Override
    public void decodeError(String topic) {
        decodeErrors.computeIfAbsent(topic, t -> Counter.builder(DECODE_ERRORS)
                .description("Records that failed to decode, by error policy").tag("app", app)
                .tag("policy", policy).tag("topic", t).register(registry)).increment();
    }

    /** The meters of one table. */
    @Override
    public TableMeters table(String table) {
        return tables.computeIfAbsent(table, t -> new TableMeters(
                counter(TABLE_GETS, "Table reads in agents", t), counter(TABLE_PUTS, "Table writes in agents", t),
                counter(TABLE_DELETES, "Table deletes in agents", t),
                counter(WINDOWS_CLOSED, "Windows that closed (expired) in a windowed table", t)));
    }

    /** Counts {@code count} windows of {@code table} closed (for the window-close feature to call). */
    @Override
    public void windowsClosed(String table, int count) {
        table(table).windowsClosed.increment(count);
    }

    private Counter counter(String name, String description, String table) {
        return Counter.builder(name).description(description).tag("app", app).tag("table", table)
                .register(registry);
    }

    /** Sum of a counter over every tag set, by the value of {@code tag} (or under "" without {@code tag}). */
    public Map<String, Double> totals(String name, String tag) {
        Map<String, Double> out = new java.util.TreeMap<>();
        registry.find(name).tag("app", app).counters().forEach(c -> out.merge(
                tag == null ? "" : String.valueOf(c.getId().getTag(tag)), c.count(), Double::sum));
        return out;
    }

    /** The mean time an agent spent on one event, in seconds (0.0 before any). */
    public double meanProcessingSeconds() {
        long n = 0;
        double total = 0;
        for (Timer t : registry.find(PROCESSING).tag("app", app).timers()) {
            n += t.count();
            total += t.totalTime(java.util.concurrent.TimeUnit.SECONDS);
        }
        return n == 0 ? 0.0 : total / n;
    }

    /** The meters of one agent on one source topic. */
    public record AgentMeters(Counter eventsIn, Counter eventsOut, Timer processing) implements AgentSensor {
        @Override
        public void eventIn() {
            eventsIn.increment();
        }

        @Override
        public void eventOut() {
            eventsOut.increment();
        }

        @Override
        public void processed(long nanos) {
            processing.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** The meters of one table. */
    public record TableMeters(Counter gets, Counter puts, Counter deletes, Counter windowsClosed)
            implements TableSensor {
        @Override
        public void get() {
            gets.increment();
        }

        @Override
        public void put() {
            puts.increment();
        }

        @Override
        public void delete() {
            deletes.increment();
        }
    }
}
