package io.jfaust.testing;

import io.jfaust.Agent;
import io.jfaust.Event;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.runtime.AgentResult;
import io.jfaust.runtime.Engine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.StreamsException;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code agent.test_context()}: put values straight into an agent and read what it yielded. Offsets start
 * at 0; {@link #put} returns after the agent processed the value and rethrows the agent's exception; results map
 * offsets to yielded values (or, for an agent that never yields, to the value it consumed). Tables work as in the
 * app; everything runs on a {@link FaustTestDriver}.
 *
 * <pre>{@code
 * try (AgentTestContext<String, Order> agent = AgentTestContext.of(process)) {
 *     Event<String, Order> e = agent.put("a", new Order("a", 10));
 *     assertThat(agent.results()).containsEntry(e.offset(), 20L);
 * }
 * }</pre>
 */
public final class AgentTestContext<K, V> implements AutoCloseable {
    private final Agent<K, V> agent;
    private final FaustTestDriver driver;
    private long nextOffset;

    private AgentTestContext(Agent<K, V> agent) {
        this.agent = agent;
        this.driver = FaustTestDriver.failing(agent.app());
    }

    /** A test context for {@code agent} (its whole app runs). */
    public static <K, V> AgentTestContext<K, V> of(Agent<K, V> agent) {
        return new AgentTestContext<>(agent);
    }

    /** Puts a value with no key. */
    public Event<K, V> put(V value) {
        return put(null, value);
    }

    /** Puts a value under {@code key}, waits until it is processed, and returns its event. */
    public Event<K, V> put(@Nullable K key, V value) {
        Topic<K, V> topic = agent.channel();
        byte[] k = topic.schema().dumpsKey(agent.app().serializers(), key, null);
        byte[] v = topic.schema().dumpsValue(agent.app().serializers(), value, null);
        long ts = driver.wallClock().toEpochMilli();
        try {
            driver.sendRaw(topic.name(), k, v, ts, new RecordHeaders());
        } catch (StreamsException | WorkerException e) {
            throw unwrap(e);
        }
        return Engine.get().event(key, value, k, v, new RecordHeaders(), topic.name(), 0, nextOffset++, ts);
    }

    /** The agent's own exception, as Faust's test context raises it (not the driver's wrappers around it). */
    private static RuntimeException unwrap(RuntimeException e) {
        Throwable t = e;
        while ((t instanceof StreamsException || t instanceof WorkerException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RuntimeException r ? r : e;
    }

    /** Offset to what the agent yielded for it (Faust's {@code agent.results}). */
    public Map<Long, Object> results() {
        Map<Long, Object> out = new LinkedHashMap<>();
        for (AgentResult r : driver.results()) {
            if (r.agent().equals(agent.name())) {
                out.put(r.offset(), r.value());
            }
        }
        return out;
    }

    /** The driver underneath, to read topics and tables. */
    public FaustTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
    }
}
