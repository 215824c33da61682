package io.jfaust.internal;

import org.jspecify.annotations.Nullable;

/**
 * An encoded key on its way out of an agent: the topic it goes to, its bytes, and the partition the sender asked
 * for (null: Kafka's default partitioner).
 *
 * <pre>{@code
 * OutgoingKey k = new OutgoingKey("purchases.dollars", "alice".getBytes(), null);
 * k.topic();      // where it goes
 * k.partition();  // null: the key decides
 * }</pre>
 */
public record OutgoingKey(String topic, byte @Nullable [] bytes, @Nullable Integer partition) {}
