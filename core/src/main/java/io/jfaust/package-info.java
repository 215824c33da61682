/**
 * Faust's API on Kafka Streams: what a porter declares ({@link io.jfaust.App}, {@link io.jfaust.Topic},
 * {@link io.jfaust.Agent}, {@link io.jfaust.Stream}, {@link io.jfaust.Table}, {@link io.jfaust.WindowedTable},
 * {@link io.jfaust.GlobalTable}) and what runs it ({@link io.jfaust.Worker}, {@link io.jfaust.RunningApp}). Engines
 * (the topology compiler, the agent processor and its steps) are package-private beside them. Nothing is null unless
 * marked {@code @Nullable}.
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
