/**
 * jfaust's core: the API a Faust porter uses ({@code App}, topics, agents, streams, tables, windowed tables) and
 * what runs it ({@code Worker}, {@code app.attach} for a {@code KafkaStreams} of your own). Only {@code io.jfaust} is
 * exported; its nullness is {@code @NullMarked} (JSpecify). The test driver is the separate artifact
 * {@code jfaust-testing}, which like Kafka's own test utilities runs on the class path.
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
    requires java.management;   // the banner names the JVM
    requires jdk.unsupported;   // sun.misc.Signal: SIGTERM closes the worker and exits 0
    requires org.slf4j;
    requires info.picocli;
    requires com.cronutils;   // crontab expressions
    requires static transitive org.jspecify;
    requires transitive micrometer.core;             // Worker.Options.meterRegistry(MeterRegistry)
    requires micrometer.registry.prometheus;         // the /metrics scrape route
    requires jdk.httpserver;                          // the worker's web server
    requires java.net.http;                           // forwarding a table request to the worker owning the key

    exports io.jfaust;
    exports io.jfaust.web;
    // Kafka Streams instantiates jfaust's exception handlers by class name.
    exports io.jfaust.internal to kafka.clients, kafka.streams;
    // picocli reads the worker command's annotated options by reflection.
    opens io.jfaust to info.picocli;
}
