/**
 * Classes Kafka Streams instantiates by name (jfaust's exception handlers, the decoding deserializer and its
 * carriers) and the error policy they apply. Layer: core. Exported only to {@code kafka.clients} and
 * {@code kafka.streams}; nothing outside core uses it.
 *
 * <pre>{@code
 * ErrorHandlers.configure(props, "dead_letter", "orders-dlq", "skip");   // called by App.streamsConfig()
 * }</pre>
 */
@NullMarked
package io.jfaust.internal;

import org.jspecify.annotations.NullMarked;
