/**
 * jfaust's worker: the process a porter runs ({@code Worker}, Faust's command-line verbs, the web server and its
 * views, metrics, preflight and topic administration). {@code app.main(args)} finds its command line through
 * {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * module my.app {
 *     requires io.jfaust.worker;
 * }
 * }</pre>
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})   // Kafka's jars have no module names yet
module io.jfaust.worker {
    requires transitive io.jfaust.core;
    requires java.management;   // the banner names the JVM
    requires jdk.unsupported;   // sun.misc.Signal: SIGTERM closes the worker and exits 0
    requires org.slf4j;
    requires info.picocli;
    requires static transitive org.jspecify;
    requires transitive micrometer.core;             // Worker.Options.meterRegistry(MeterRegistry)
    requires micrometer.registry.prometheus;         // the /metrics scrape route
    requires jdk.httpserver;                          // the worker's web server
    requires java.net.http;                           // forwarding a table request to the worker owning the key

    exports io.jfaust.worker;
    // picocli reads the verbs' annotated options by reflection.
    opens io.jfaust.worker.cli to info.picocli;

    provides io.jfaust.runtime.CommandLine with io.jfaust.worker.cli.FaustCommandLine.Provider;
}
