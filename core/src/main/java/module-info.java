/**
 * jfaust's core: the API a Faust porter uses ({@code App}, topics, agents, streams, tables, windowed tables), the
 * engine that compiles it into a Kafka Streams {@code Topology} (package-private beside the API), {@code app.attach}
 * for a {@code KafkaStreams} of your own, and the runtime SPI ({@code io.jfaust.runtime}) through which jfaust's
 * runtimes drive a compiled app. Exports {@code io.jfaust} and {@code io.jfaust.web}; its nullness is
 * {@code @NullMarked} (JSpecify). The worker ({@code jfaust-worker}) and the test driver ({@code jfaust-testing})
 * are separate artifacts; nothing of the operator stack (CLI, web server, metrics) is on core's path.
 *
 * <pre>{@code
 * module my.app {
 *     requires io.jfaust.core;
 * }
 * }</pre>
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})   // Kafka's jars have no module names yet
module io.jfaust.core {
    requires transitive io.jfaust.serdes;
    requires transitive kafka.streams;
    requires transitive kafka.clients;
    requires org.slf4j;
    requires com.cronutils;   // crontab expressions
    requires static transitive org.jspecify;

    exports io.jfaust;
    exports io.jfaust.web;
    // Kafka Streams instantiates jfaust's exception handlers by class name.
    exports io.jfaust.internal to kafka.clients, kafka.streams;
    // The runtime SPI: how jfaust's own runtimes drive a compiled app. Not for users.
    exports io.jfaust.runtime to io.jfaust.worker;

    // app.main(args) finds the command line (jfaust-worker) through the ServiceLoader.
    uses io.jfaust.runtime.CommandLine;
}
