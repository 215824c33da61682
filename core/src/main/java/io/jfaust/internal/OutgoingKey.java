package io.jfaust.internal;

/**
 * An encoded key on its way out of an agent: the topic it goes to, its bytes, and the partition the sender asked
 * for (null: Kafka's default partitioner).
 */
public record OutgoingKey(String topic, byte[] bytes, Integer partition) {}
