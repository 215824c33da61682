package io.jfaust.worker.web;

import io.jfaust.RunningApp;
import io.jfaust.worker.metrics.MicrometerSensors;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

/**
 * What the web server needs of the worker that runs it: the running app, its {@code KafkaStreams}, its meters and its
 * address. The worker implements it, so that this package never reaches up into the worker.
 *
 * <pre>{@code
 * WebServer server = WebServer.start(host, "127.0.0.1", 6066, new WebViews(host));
 * }</pre>
 */
public interface WebHost {
    /** The running app (tables are read through it, user pages run bound to it). */
    RunningApp running();

    /** The worker's {@code KafkaStreams}, or null before it is created. */
    @Nullable KafkaStreams streams();

    /** This worker's web address as other workers reach it, or null without a web server. */
    @Nullable HostInfo hostInfo();

    /** The Prometheus registry behind {@code /metrics}. */
    PrometheusMeterRegistry prometheus();

    /** jfaust's meters. */
    MicrometerSensors sensors();

    /** Rebalances since start. */
    int rebalances();

    /** State stores being restored now. */
    int restoringStores();
}
