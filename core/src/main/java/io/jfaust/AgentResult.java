package io.jfaust;

/** A value an agent yielded, with the offset of the event it yielded it for (Faust's {@code agent.results}). */
record AgentResult(String agent, long offset, Object value) {}
