package io.jfaust.worker.web;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.runtime.Engine;
import io.jfaust.worker.metrics.MicrometerSensors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.jspecify.annotations.Nullable;

/**
 * Faust's web routes with Faust's JSON: {@code /} ({@code {"status": "OK"}}), {@code /table/...} (tables and values,
 * any key: a worker that does not own it forwards the request to the one that does, as faust-streaming's router
 * does), {@code /router/...} (which worker holds which changelog partitions, or a key), {@code /assignment/} (this
 * worker's partitions) and {@code /stats/} (Faust's monitor shape); plus {@code /health/}, {@code /ready/} and the
 * Prometheus scrape route {@code /metrics}.
 */
public final class WebViews {
    private final WebHost worker;
    private final App app;
    private final TableRouter router;
    // Made on the first forward: an HttpClient starts a selector thread and loads the JDK's TLS stack (~500 classes).
    private volatile @Nullable HttpClient client;
    private WebServer web;

    @SuppressWarnings("NullAway.Init")   // web: set by register(server), which WebServer.start calls before serving
    public WebViews(WebHost worker) {
        this.worker = worker;
        this.app = worker.running().app();
        this.router = new TableRouter(worker);
    }

    public void register(WebServer server) {
        this.web = server;
        server.route("/", x -> web.json(200, Map.of("status", "OK")));
        server.route("/table/", x -> web.json(200, tableList()));
        server.route("/table/{name}/", x -> tableDetail(x.param("name")));
        server.route("/table/{name}/{key}/", x -> tableKey(x, x.param("name"), x.param("key")));
        server.route("/router/", x -> web.json(200, router.metadata(allTables())));
        server.route("/router/{name}/", x -> routerTable(x.param("name")));
        server.route("/router/{name}/{key}/", x -> routerKey(x.param("name"), x.param("key")));
        server.route("/assignment/", x -> web.json(200, router.assignment()));
        server.route("/stats/", x -> web.json(200, Map.of("Sensor0", Stats.of(worker))));
        server.route("/health/", x -> health());
        server.route("/ready/", x -> ready());
        server.route("/metrics", x -> new WebServer.Reply(200, "text/plain; version=0.0.4; charset=utf-8",
                worker.prometheus().scrape().getBytes(StandardCharsets.UTF_8)));
    }

    private List<Table<?, ?>> allTables() {
        List<Table<?, ?>> out = new ArrayList<>(app.tables());
        app.globalTables().forEach(g -> out.add(Engine.get().tableOf(g)));
        return out;
    }

    private @Nullable Table<?, ?> table(String name) {
        for (Table<?, ?> t : allTables()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Faust's {@code TableInfo(name, help).asdict()}. */
    private static Map<String, Object> info(Table<?, ?> t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("help", t.help());
        return m;
    }

    private List<Map<String, Object>> tableList() {
        List<Map<String, Object>> out = new ArrayList<>();
        allTables().forEach(t -> out.add(info(t)));
        return out;
    }

    private WebServer.Reply tableDetail(String name) {
        Table<?, ?> t = table(name);
        return t == null ? web.error(404, "unknown table", "name", name) : web.json(200, info(t));
    }

    private WebServer.Reply tableKey(WebServer.Exchange x, String name, String keyText) throws Exception {
        Table<?, ?> t = table(name);
        if (t == null) {
            return web.error(404, "unknown table", "name", name);
        }
        Object key;
        try {
            key = Engine.get().parseKey(app, t, keyText);
        } catch (IllegalArgumentException e) {
            return web.error(400, e.getMessage(), "key", keyText, "table", name);
        }
        if (!TableRouter.isGlobalTable(app, name) && !x.forwarded()) {
            HostInfo owner = router.owner(t, key);
            if (owner == null) {
                return web.error(503, "Service unavailable: the partitions of table " + name + " are not assigned "
                        + "yet", "table", name);
            }
            if (!owner.equals(worker.hostInfo())) {
                return forward(owner, x);
            }
        }
        Object found = Engine.get().readKey(worker.running(), t, key, x.query("at"));
        if (found == Engine.get().missing()) {
            return web.error(404, "key not found", "key", keyText, "table", name);
        }
        return web.json(200, found);
    }

    /** Faust's {@code Router._route_req}: the same request to the owner, its answer passed back as it is. */
    private WebServer.Reply forward(HostInfo owner, WebServer.Exchange x) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port()
                        + x.uri())).header(WebServer.FORWARDED, "1").timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<byte[]> r = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new WebServer.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"),
                r.body());
    }

    private WebServer.Reply routerTable(String name) {
        Table<?, ?> t = table(name);
        if (t == null) {
            return web.error(404, "unknown table", "name", name);
        }
        return web.json(200, router.metadata(List.of(t)));
    }

    private WebServer.Reply routerKey(String name, String keyText) {
        Table<?, ?> t = table(name);
        if (t == null) {
            return web.error(404, "unknown table", "name", name);
        }
        HostInfo owner;
        try {
            owner = TableRouter.isGlobalTable(app, name) ? worker.hostInfo()
                    : router.owner(t, Engine.get().parseKey(app, t, keyText));
        } catch (IllegalArgumentException e) {   // a key the table's key type cannot read: the caller's mistake
            return web.error(400, e.getMessage(), "key", keyText, "table", name);
        }
        if (owner == null) {
            return web.error(503, "Service unavailable: the partitions of table " + name + " are not assigned yet",
                    "table", name);
        }
        return web.json(200, TableRouter.url(owner));
    }

    private WebServer.Reply health() {
        KafkaStreams s = worker.streams();
        KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", state.isRunningOrRebalancing() ? "OK" : "FAIL");
        body.put("state", state.name());
        return web.json(state.isRunningOrRebalancing() ? 200 : 503, body);
    }

    private WebServer.Reply ready() {
        KafkaStreams s = worker.streams();
        KafkaStreams.State state = s == null ? KafkaStreams.State.CREATED : s.state();
        int restoring = worker.restoringStores();
        boolean ready = state == KafkaStreams.State.RUNNING && restoring == 0;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "OK" : "NOT_READY");
        body.put("state", state.name());
        body.put("restoring", restoring);
        return web.json(ready ? 200 : 503, body);
    }

    /** Faust's {@code Monitor.asdict()}, for the keys jfaust's sensors count. */
    public static final class Stats {
        private Stats() {}

        static Map<String, Object> of(WebHost worker) {
            MicrometerSensors s = worker.sensors();
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Double> in = s.totals(MicrometerSensors.EVENTS_IN, "topic");
            Map<String, Double> sent = s.totals(MicrometerSensors.SENDS, "topic");
            long received = sum(in);
            m.put("messages_received_total", received);
            m.put("messages_sent", sum(sent));
            m.put("messages_sent_by_topic", longs(sent));
            m.put("messages_received_by_topic", longs(in));
            m.put("events_total", received);
            m.put("events_by_task", longs(s.totals(MicrometerSensors.EVENTS_IN, "agent")));
            m.put("events_runtime_avg", s.meanProcessingSeconds());
            Map<String, Object> tables = new TreeMap<>();
            for (Table<?, ?> t : worker.running().app().tables()) {
                Map<String, Object> st = new LinkedHashMap<>();
                MicrometerSensors.TableMeters tm = s.table(t.name());
                st.put("keys_retrieved", (long) tm.gets().count());
                st.put("keys_updated", (long) tm.puts().count());
                st.put("keys_deleted", (long) tm.deletes().count());
                tables.put(t.name(), st);
            }
            m.put("tables", tables);
            m.put("rebalances", worker.rebalances());
            return m;
        }

        private static long sum(Map<String, Double> m) {
            return (long) m.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        private static Map<String, Long> longs(Map<String, Double> m) {
            Map<String, Long> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, v.longValue()));
            return out;
        }
    }

    /** Sorted partitions per topic, as Faust's {@code _topic_grouped}. */
    public static Map<String, List<Integer>> grouped(Map<String, TreeSet<Integer>> tps) {
        Map<String, List<Integer>> out = new TreeMap<>();
        tps.forEach((t, ps) -> out.put(t, List.copyOf(ps)));
        return out;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    client = c;
                }
            }
        }
        return c;
    }
}
