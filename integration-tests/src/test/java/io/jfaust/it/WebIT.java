package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Send;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.web.Page;
import io.jfaust.worker.Worker;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers of one app, each with its web server: every Faust route answered by both, for keys owned by either
 * (checked with java.net.http), a user page, the Prometheus route moving as records are processed, and the server
 * unreachable on a non-loopback address unless bound to it.
 */
class WebIT {
    private static final String IN = "web-in";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    @TempDir
    Path state;

    /** A word counter with a plain table, a tumbling-window table and a page. */
    static App app() {
        App app = App.create("webapp", c -> c.broker(kafka.brokerUrl()).topicPartitions(4));
        Topic<String, String> in = app.topic(IN, String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class,
                t -> t.defaultValue(() -> 0L).help("Words seen"));
        WindowedTable<String, Long> hourly = app.table("hourly", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofHours(1), Duration.ofDays(3650));
        app.agent("web.count", in, s -> s.forEach(w -> {
            counts.update(w, n -> n + 1);
            hourly.update(w, n -> n + 1);
        }));
        app.page("/counts/{word}/", req -> {
            if (!counts.containsKey(req.param("word"))) {
                throw new Page.NotFound("no such word here");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("word", req.param("word"));
            out.put("count", counts.get(req.param("word")));
            out.put("as", req.query("as"));
            return out;
        });
        return app;
    }

    private Worker worker(Consumer<Worker.Options> web) throws Exception {
        Path dir = Files.createTempDirectory(state, "w");
        Worker w = Worker.start(app(), o -> {
            o.broker(kafka.brokerUrl()).datadir(dir.toString()).banner(false).property("commit.interval.ms", 100);
            web.accept(o);
        });
        assertThat(w.awaitRunning(Duration.ofSeconds(90))).as("worker running").isTrue();
        return w;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String url) throws Exception {
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url + " -> " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static double metric(String scrape, String name, String label) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label)
                + "[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static InetAddress nonLoopback() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to check the binding against");
    }

    @Test
    void everyFaustRouteIsAnsweredByBothWorkersForKeysOwnedByEither() throws Exception {
        try (Worker a = worker(o -> o.webPort(0));
             Worker b = worker(o -> o.webPort(0).webBind("0.0.0.0").webHost("127.0.0.1"))) {
            String urlA = "http://127.0.0.1:" + a.webPort();
            String urlB = "http://127.0.0.1:" + b.webPort();
            waitUntil(() -> body(urlA + "/ready/").contains("\"OK\"") && body(urlB + "/ready/").contains("\"OK\"")
                    && body(urlA + "/assignment/").contains("web-in") && body(urlB + "/assignment/").contains("web-in"));
            String before = body(urlA + "/metrics");
            assertThat(before).contains("kafka_stream_").contains("jfaust_agent_events_in_total");

            @SuppressWarnings("unchecked")
            Topic<String, String> in = (Topic<String, String>) a.app().topics().get(0);
            List<String> words = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta");
            Instant at = Instant.now();
            for (String w : words) {
                for (int i = 0; i <= words.indexOf(w); i++) {
                    a.send(in, w, w, Send.options().withTimestamp(at));
                }
            }
            a.flush();
            waitUntil(() -> body(urlA + "/table/counts/theta/").equals("8")
                    && body(urlB + "/table/counts/alpha/").equals("1"));

            Set<String> owners = new HashSet<>();
            for (String w : words) {
                String expected = Integer.toString(words.indexOf(w) + 1);
                for (String url : List.of(urlA, urlB)) {
                    assertThat(body(url + "/table/counts/" + w + "/")).as(url + " " + w).isEqualTo(expected);
                    assertThat(body(url + "/table/hourly/" + w + "/?at=" + at.getEpochSecond())).isEqualTo(expected);
                    owners.add(body(url + "/router/counts/" + w + "/"));
                }
                assertThat(body(urlA + "/router/counts/" + w + "/")).isEqualTo(body(urlB + "/router/counts/" + w + "/"));
            }
            assertThat(owners).as("keys owned by either worker").hasSize(2);
            assertThat(body(urlB + "/table/counts/nobody/")).as("the default").isEqualTo("0");

            for (String url : List.of(urlA, urlB)) {
                assertThat(body(url + "/")).isEqualTo("{\"status\":\"OK\"}");
                assertThat(body(url + "/table/")).isEqualTo("[{\"name\":\"counts\",\"help\":\"Words seen\"},"
                        + "{\"name\":\"hourly\",\"help\":null}]");
                assertThat(body(url + "/table/counts/")).isEqualTo("{\"name\":\"counts\",\"help\":\"Words seen\"}");
                HttpResponse<String> missing = get(url + "/table/nope/");
                assertThat(missing.statusCode()).isEqualTo(404);
                assertThat(missing.body()).isEqualTo("{\"error\":\"unknown table\",\"name\":\"nope\"}");
                String router = body(url + "/router/");
                assertThat(router).contains("\"http://127.0.0.1:" + a.webPort() + "\":{\"webapp-counts-changelog\":[")
                        .contains("\"http://127.0.0.1:" + b.webPort() + "\":{\"webapp-counts-changelog\":[")
                        .contains("webapp-hourly-changelog");
                assertThat(body(url + "/router/counts/")).doesNotContain("hourly").contains("webapp-counts-changelog");
                assertThat(body(url + "/assignment/")).matches("\\{\"actives\":\\{.*\"web-in\":\\[\\d(,\\d)*].*},"
                        + "\"standbys\":\\{.*}}");
                assertThat(body(url + "/stats/")).startsWith("{\"Sensor0\":{\"messages_received_total\":")
                        .contains("\"tables\":{\"counts\":{\"keys_retrieved\":");
                assertThat(body(url + "/health/")).isEqualTo("{\"status\":\"OK\",\"state\":\"RUNNING\"}");
            }
            long received = 0;
            for (String url : List.of(urlA, urlB)) {
                Matcher m = Pattern.compile("\"messages_received_total\":(\\d+)").matcher(body(url + "/stats/"));
                assertThat(m.find()).isTrue();
                received += Long.parseLong(m.group(1));
            }
            assertThat(received).as("every event counted once, by the worker that processed it").isEqualTo(36);

            // the user page, answered from the worker that owns the key; 404 (Faust's NotFound) elsewhere
            String theta = body(urlA + "/router/counts/theta/");
            String owner = theta.substring(1, theta.length() - 1);
            String other = owner.equals(urlA) ? urlB : urlA;
            assertThat(body(owner + "/counts/theta/?as=json")).isEqualTo("{\"word\":\"theta\",\"count\":8,\"as\":\"json\"}");
            HttpResponse<String> notHere = get(other + "/counts/theta/");
            assertThat(notHere.statusCode()).isEqualTo(404);
            assertThat(notHere.body()).isEqualTo("{\"error\":\"no such word here\"}");

            // Prometheus: Kafka Streams' metrics and jfaust's, moving with the records processed
            String after = body(urlA + "/metrics") + body(urlB + "/metrics");
            assertThat(metric(after, "jfaust_agent_events_in_total", "agent=\"web.count\""))
                    .isEqualTo(36.0 + metric(before, "jfaust_agent_events_in_total", "agent=\"web.count\""));
            assertThat(metric(after, "jfaust_table_puts_total", "table=\"counts\"")).isEqualTo(36.0);
            assertThat(metric(after, "jfaust_table_puts_total", "table=\"hourly\"")).isEqualTo(36.0);
            assertThat(metric(after, "jfaust_sends_total", "topic=\"web-in\"")).isEqualTo(36.0);
            assertThat(metric(after, "jfaust_agent_processing_seconds_count", "agent=\"web.count\"")).isEqualTo(36.0);
            assertThat(after).contains("app=\"webapp\"").containsPattern("kafka_stream_thread_process_total\\{.*} "
                    + "[1-9]");
            // a record that fails to decode is counted by topic (and skipped, the default policy)
            in.sendRaw("bad".getBytes(), "{not json".getBytes(), Send.options());
            a.flush();
            waitUntil(() -> metric(body(urlA + "/metrics") + body(urlB + "/metrics"), "jfaust_decode_errors_total",
                    "topic=\"web-in\"") == 1.0);

            // loopback only unless configured: a is not reachable on this machine's other address, b (0.0.0.0) is
            InetAddress external = nonLoopback();
            assertThatThrownBy(() -> get("http://" + external.getHostAddress() + ":" + a.webPort() + "/"))
                    .isInstanceOf(ConnectException.class);
            assertThat(body("http://" + external.getHostAddress() + ":" + b.webPort() + "/"))
                    .isEqualTo("{\"status\":\"OK\"}");
        }
    }

    @Test
    void aPageOnAFaustRouteOrAMalformedPathFailsWhenDeclared() {
        App app = App.create("pages");
        assertThatThrownBy(() -> app.page("/table/mine/", r -> 1)).hasMessageContaining("belongs to the worker's own "
                + "routes");
        assertThatThrownBy(() -> app.page("counts", r -> 1)).hasMessageContaining("starts with '/'");
        assertThatThrownBy(() -> app.page("/c/{1x}/", r -> 1)).hasMessageContaining("a parameter is written {name}");
        app.page("/c/{x}/", r -> 1);
        assertThatThrownBy(() -> app.page("/c/{x}/", r -> 2)).hasMessageContaining("declared twice");
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Check cond) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (cond.ok()) {
                    return;
                }
            } catch (AssertionError e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 90 s", last);
    }
}
