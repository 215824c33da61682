package io.jfaust.runtime;

/**
 * What the engine counts while agents run (Faust's sensors): events in and out of each agent, their processing time,
 * records sent, decode errors, table reads and writes, windows closed. A runtime that keeps metrics puts its
 * implementation in Kafka Streams' configs under {@link #CONFIG_KEY}; with none (a test driver), nothing is counted.
 *
 * <pre>{@code
 * Properties props = app.streamsConfig();
 * props.put(Sensors.CONFIG_KEY, new MicrometerSensors(registry, app));
 * }</pre>
 */
public interface Sensors {
    /** The Kafka Streams config entry through which agent processors reach the runtime's sensors. */
    String CONFIG_KEY = "jfaust.sensors";

    /** The sensor of one agent reading one topic (resolved once per processor, then called per event). */
    public AgentSensor agent(String agent, String topic);

    /** The sensor of one table (resolved once per task, then called per read or write). */
    public TableSensor table(String table);

    /** Counts a record sent to {@code topic}, from an agent or from outside. */
    public void sent(String topic);

    /** Counts a record of {@code topic} that failed to decode. */
    public void decodeError(String topic);

    /** Counts {@code count} windows of {@code table} closed (expired). */
    public void windowsClosed(String table, int count);

    /** An agent's counters. */
    public interface AgentSensor {
        /** One event received. */
        void eventIn();

        /** One record sent by the agent. */
        void eventOut();

        /** One event processed in {@code nanos}. */
        void processed(long nanos);
    }

    /** A table's counters. */
    public interface TableSensor {
        /** One read inside an agent. */
        void get();

        /** One write inside an agent. */
        void put();

        /** One delete inside an agent. */
        void delete();
    }
}
