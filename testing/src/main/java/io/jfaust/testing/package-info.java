/**
 * Unit tests of jfaust apps on Kafka's {@code TopologyTestDriver}: {@link io.jfaust.testing.FaustTestDriver}
 * (Faust's app under test, with its own wall clock) and {@link io.jfaust.testing.AgentTestContext} (Faust's
 * {@code agent.test_context()}). Built on jfaust's public API and the runtime SPI only (the build checks it);
 * nothing depends on it but tests.
 *
 * <pre>{@code
 * FaustTestDriver.test(app, driver -> {
 *     driver.send(purchases, "alice", new Purchase("alice", "USD", 1234));
 *     assertThat(driver.read(dollars)).hasSize(1);
 * });
 * }</pre>
 */
@NullMarked
package io.jfaust.testing;

import org.jspecify.annotations.NullMarked;
