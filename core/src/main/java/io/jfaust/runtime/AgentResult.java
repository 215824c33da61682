package io.jfaust.runtime;

import org.jspecify.annotations.Nullable;

/**
 * A value an agent yielded, with the offset of the event it yielded it for (Faust's {@code agent.results}), as a
 * test runtime collects them.
 *
 * <pre>{@code
 * engine.compile(app, topology, results::add);   // results: a List<AgentResult>
 * }</pre>
 */
public record AgentResult(String agent, long offset, @Nullable Object value) {}
