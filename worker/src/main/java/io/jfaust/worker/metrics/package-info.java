/**
 * jfaust's sensors on Micrometer ({@link io.jfaust.worker.metrics.MicrometerSensors}, Faust's sensors): the engine counts
 * through the {@code io.jfaust.runtime.Sensors} SPI, and this package turns the counts into meters. Layer:
 * worker.metrics; used by {@code io.jfaust.worker} and {@code io.jfaust.worker.web}.
 *
 * <pre>{@code
 * props.put(Sensors.CONFIG_KEY, new MicrometerSensors(registry, app));
 * }</pre>
 */
@NullMarked
package io.jfaust.worker.metrics;

import org.jspecify.annotations.NullMarked;
