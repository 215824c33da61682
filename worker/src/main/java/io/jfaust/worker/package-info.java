/**
 * The worker a porter runs ({@link io.jfaust.worker.Worker}: Faust's {@code faust worker}) and its takeover check
 * ({@link io.jfaust.worker.Preflight}). Layer: worker, above {@code admin}, {@code web}, {@code metrics} and
 * {@code text}; only {@code io.jfaust.worker.cli} depends on it. The one exported package of {@code jfaust-worker}.
 *
 * <pre>{@code
 * try (Worker worker = Worker.start(app, o -> o.broker("kafka://localhost:9092").web(true))) {
 *     worker.awaitStopped();
 * }
 * }</pre>
 */
@NullMarked
package io.jfaust.worker;

import org.jspecify.annotations.NullMarked;
