package io.jfaust.internal;

import org.jspecify.annotations.Nullable;

/**
 * A key or value as read from Kafka: the original bytes (for {@code forward}, {@code through}, {@code group_by}
 * and dead letters) and the value Faust's rules decoded them to.
 *
 * <pre>{@code
 * Decoded<String> key = new Decoded<>("alice".getBytes(), "alice");
 * key.value();   // "alice"
 * key.raw();     // the bytes as read
 * }</pre>
 */
public record Decoded<T>(byte @Nullable [] raw, @Nullable T value) {}
