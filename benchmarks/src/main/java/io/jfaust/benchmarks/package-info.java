/**
 * JMH and end-to-end benchmarks of jfaust against hand-written Kafka Streams jobs (not deployed). See
 * {@code docs/benchmarks.md}.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar --quick
 * }</pre>
 */
package io.jfaust.benchmarks;
