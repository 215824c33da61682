package io.jfaust.worker;

import io.jfaust.RunningApp;
import io.jfaust.runtime.Sensors;
import io.jfaust.worker.metrics.MicrometerSensors;
import io.jfaust.worker.web.WebHost;
import io.jfaust.worker.web.WebServer;
import io.jfaust.worker.web.WebViews;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

/**
 * What a worker offers its operators: meters (a Prometheus registry, plus the user's registry, Kafka Streams' own
 * metrics bound by Micrometer's {@code KafkaStreamsMetrics}, jfaust's {@link MicrometerSensors}), the web server and its
 * {@code application.server} address, and the restoration and rebalance counts behind {@code /ready/} and
 * {@code /stats/}.
 */
final class WorkerOps implements WebHost, AutoCloseable {
    /** Faust's web settings, as the worker options set them. */
    static final class WebOptions {
        boolean enabled;
        int port = 6066;
        String bind = "127.0.0.1";
        @Nullable String host;
    }

    private final Worker worker;
    private final WebOptions web;
    /** Behind {@code /metrics}: only a worker with a web server has one. */
    private final @Nullable PrometheusMeterRegistry prometheus;
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final MicrometerSensors sensors;
    private final AtomicInteger restoring = new AtomicInteger();
    private final AtomicInteger rebalances = new AtomicInteger();
    private volatile @Nullable WebServer server;
    private volatile @Nullable HostInfo hostInfo;
    private @Nullable KafkaStreamsMetrics streamsMetrics;

    WorkerOps(Worker worker, WebOptions web, @Nullable MeterRegistry userRegistry) {
        this.worker = worker;
        this.web = web;
        this.prometheus = web.enabled ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        if (prometheus != null) {
            registry.add(prometheus);
        }
        if (userRegistry != null) {
            registry.add(userRegistry);
        }
        this.sensors = new MicrometerSensors(registry, worker.app());
    }

    /** Starts the web server when enabled, and tells Kafka Streams where it is ({@code application.server}). */
    void startWeb(Properties props) {
        if (!web.enabled) {
            return;
        }
        server = WebServer.start(this, web.bind, web.port, new WebViews(this));
        String host = web.host != null ? web.host : defaultHost(web.bind);
        hostInfo = new HostInfo(host, server.port());
        props.putIfAbsent(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":" + server.port());
    }

    private static String defaultHost(String bind) {
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Hands the sensors to the agent processors and decode-error handlers through Kafka Streams' configs. */
    void configure(Properties props) {
        props.put(Sensors.CONFIG_KEY, sensors);
    }

    /** Binds Kafka Streams' metrics and counts restorations; call before {@code streams.start()}. */
    void bind(KafkaStreams streams) {
        streams.setGlobalStateRestoreListener(new StateRestoreListener() {
            @Override
            public void onRestoreStart(TopicPartition tp, String store, long start, long end) {
                restoring.incrementAndGet();
            }

            @Override
            public void onBatchRestored(TopicPartition tp, String store, long batchEnd, long restored) {
            }

            @Override
            public void onRestoreEnd(TopicPartition tp, String store, long total) {
                restoring.decrementAndGet();
            }

            @Override
            public void onRestoreSuspended(TopicPartition tp, String store, long total) {
                restoring.decrementAndGet();
            }
        });
        streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("app", worker.app().id()));
        streamsMetrics.bindTo(registry);
    }

    void rebalanced() {
        rebalances.incrementAndGet();
    }

    @Override
    public int rebalances() {
        return rebalances.get();
    }

    @Override
    public int restoringStores() {
        return Math.max(0, restoring.get());
    }

    @Override
    public MicrometerSensors sensors() {
        return sensors;
    }

    @Override
    public PrometheusMeterRegistry prometheus() {
        return Objects.requireNonNull(prometheus, "a worker without a web server has no Prometheus registry");
    }

    /** This worker's web address as other workers reach it, or null without a web server. */
    @Override
    public @Nullable HostInfo hostInfo() {
        return hostInfo;
    }

    int webPort() {
        WebServer s = server;
        return s == null ? -1 : s.port();
    }

    /** The banner's {@code web} row: Faust's {@code web_server_url}, or null without a web server. */
    @Nullable String webDescription() {
        WebServer s = server;
        HostInfo h = hostInfo;
        return s == null || h == null ? null : "http://" + h.host() + ":" + s.port() + "/";
    }

    @Override
    public RunningApp running() {
        return worker;
    }

    @Override
    public @Nullable KafkaStreams streams() {
        return worker.streams();
    }

    @Override
    public void close() {
        WebServer s = server;
        if (s != null) {
            s.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        registry.close();
        if (prometheus != null) {
            prometheus.close();
        }
    }
}
