/**
 * The runtime SPI: how jfaust's own runtimes (the worker in {@code jfaust-worker}, the test driver in
 * {@code jfaust-testing}) drive a compiled app. Not for users: on the module path it is exported only to jfaust's
 * runtime modules, and it may change in any release. Layer: core; it may use {@code io.jfaust} and
 * {@code io.jfaust.serdes}, never a runtime module.
 *
 * <pre>{@code
 * Engine engine = Engine.get();
 * engine.compile(app, topology, result -> results.add(result));
 * ServiceRunner services = engine.services(runningApp, clock, true);
 * }</pre>
 */
@NullMarked
package io.jfaust.runtime;

import org.jspecify.annotations.NullMarked;
