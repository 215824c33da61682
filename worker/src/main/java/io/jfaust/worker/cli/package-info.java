/**
 * Faust's command line ({@code worker}, {@code send}, {@code agents}, {@code tables}, {@code topics},
 * {@code models}, {@code model}, {@code reset}, {@code preflight}) on picocli. Layer: the top of
 * {@code jfaust-worker}; nothing depends on it. {@code app.main(args)} finds it through
 * {@link java.util.ServiceLoader} ({@code io.jfaust.runtime.CommandLine}).
 *
 * <pre>{@code
 * int exit = app.run("worker", "--broker", "kafka://localhost:9092", "--web-port", "6066");
 * }</pre>
 */
@NullMarked
package io.jfaust.worker.cli;

import org.jspecify.annotations.NullMarked;
