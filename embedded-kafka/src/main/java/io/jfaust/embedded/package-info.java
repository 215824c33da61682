/**
 * Apache Kafka's own KRaft broker started in-process for tests and examples (no Docker):
 * {@link io.jfaust.embedded.EmbeddedKafka}, one that survives a restart ({@link io.jfaust.embedded.RestartableKafka}),
 * and a JUnit 5 extension sharing one broker per test class ({@link io.jfaust.embedded.EmbeddedKafkaExtension}).
 * Knows nothing of jfaust: any Kafka test may depend on it (test scope).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.create();
 * }</pre>
 */
package io.jfaust.embedded;
