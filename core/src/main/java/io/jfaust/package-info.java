/**
 * Faust's API on Kafka Streams: what a porter declares ({@link io.jfaust.App}, {@link io.jfaust.Topic},
 * {@link io.jfaust.Agent}, {@link io.jfaust.Stream}, {@link io.jfaust.Table}, {@link io.jfaust.WindowedTable},
 * {@link io.jfaust.GlobalTable}, {@link io.jfaust.SetTable}) and the handle of an app being run
 * ({@link io.jfaust.RunningApp}). The engine (the topology compiler, the agent processor and its steps, table writes)
 * is package-private beside the API; runtimes reach it through {@code io.jfaust.runtime}. Layer: core, above serdes;
 * every other jfaust module may depend on it. Nothing is null unless marked {@code @Nullable}.
 *
 * <pre>{@code
 * App app = App.create("faustlab", conf -> conf.broker("kafka://localhost:9092"));
 * Topic<String, Purchase> purchases = app.topic("purchases", String.class, Purchase.class);
 * app.agent("purchases_app.print", purchases, s -> s.forEach(System.out::println));
 * }</pre>
 */
@NullMarked
package io.jfaust;

import org.jspecify.annotations.NullMarked;
