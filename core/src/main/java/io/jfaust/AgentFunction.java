package io.jfaust;

/**
 * The body of an agent: it receives the agent's {@link Stream} and describes what happens to each event, as the
 * body of an {@code @app.agent} coroutine does. It runs once, when the agent is declared; the steps it describes run
 * for every event.
 *
 * <pre>{@code
 * AgentFunction<String, Purchase> convert = stream -> stream
 *         .filter(p -> p.amount() > 0)
 *         .forEach(p -> dollars.send(p.username(), PurchaseDollars.of(p)));
 * }</pre>
 */
@FunctionalInterface
public interface AgentFunction<K, V> {
    /** Describes the processing of {@code stream}. */
    void process(Stream<K, V> stream);
}
