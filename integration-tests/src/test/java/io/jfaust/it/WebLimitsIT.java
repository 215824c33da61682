package io.jfaust.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Topic;
import io.jfaust.embedded.EmbeddedKafkaExtension;
import io.jfaust.worker.Worker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web server's limits against a real worker: request bodies capped at 1 MiB (and refused on Faust's routes,
 * which take none) without being read, methods a route does not serve answered 405 with {@code Allow}, slow clients
 * unable to starve {@code /health/}, and slow or idle connections closed after the request and idle timeouts. HTTP
 * is spoken over raw sockets where a client must misbehave (trickle a body, send nothing).
 */
class WebLimitsIT {
    private static final int MIB = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    @TempDir
    static Path state;
    private static Worker worker;
    private static int port;
    private final List<Socket> sockets = new ArrayList<>();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trickler");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void start() throws Exception {
        App app = App.create("weblimits", c -> c.broker(kafka.brokerUrl()).topicPartitions(1));
        Topic<String, String> in = app.topic("limits-in", String.class, String.class);
        app.agent("limits.noop", in, s -> s.forEach(v -> { }));
        app.page("/echo/{name}/", req -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("method", req.method());
            out.put("bytes", req.body().length);
            return out;
        });
        worker = Worker.start(app, o -> o.broker(kafka.brokerUrl()).datadir(state.toString()).banner(false)
                .webPort(0));
        assertThat(worker.awaitRunning(Duration.ofSeconds(90))).as("worker running").isTrue();
        port = worker.webPort();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    /**
     * Closes this test's sockets and awaits the server reading page bodies and lingering after refused ones again
     * (a closed socket frees its place at once, the request timeout at the latest).
     */
    @AfterEach
    void closeSockets() throws Exception {
        trickler.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!bodiesServedAgain()) {
            assertThat(System.nanoTime()).as("bodies served again within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private boolean bodiesServedAgain() throws Exception {
        try {
            return send(HttpRequest.newBuilder(url("/echo/x/")).POST(HttpRequest.BodyPublishers.ofString("x")))
                    .statusCode() == 200 && send(HttpRequest.newBuilder(url("/health/"))
                    .method("GET", HttpRequest.BodyPublishers.ofString("x"))).statusCode() == 413;
        } catch (IOException e) {
            return false;   // a refused body closed without lingering: the answer may be lost
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413WithoutBeingRead() throws Exception {
        // 1.5 GB declared, 10 bytes sent: answered at once, nothing more read (was: read into memory until OOM)
        Socket huge = open("POST /echo/x/ HTTP/1.1\r\nHost: w\r\nContent-Length: 1500000000\r\n\r\n0123456789");
        Answer a = read(huge);
        assertThat(a.status).as(a.toString()).isEqualTo(413);
        assertThat(a.body).isEqualTo("{\"error\":\"Request body too large: POST /echo/x/ declares 1500000000 bytes, "
                + "the limit is 1048576\",\"limit\":1048576}");
        assertThat(a.headers).containsEntry("connection", "close");

        // chunked: read up to the limit and one byte more, then refused
        Socket chunked = open("POST /echo/x/ HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n");
        OutputStream out = chunked.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0; sent <= MIB; sent += chunk.length) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        Answer c = read(chunked);
        assertThat(c.status).as(c.toString()).isEqualTo(413);
        assertThat(c.body).contains("the limit is 1048576");

        // exactly the limit is served; the worker is healthy after all this
        HttpResponse<String> full = send(HttpRequest.newBuilder(url("/echo/x/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB])));
        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.body()).isEqualTo("{\"method\":\"POST\",\"bytes\":1048576}");
        assertThat(send(HttpRequest.newBuilder(url("/health/"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOnARouteThatTakesNoneIsRefusedWith413() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url("/health/"))
                .method("GET", HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).isEqualTo("{\"error\":\"GET /health/ takes no request body (5 bytes declared)\","
                + "\"limit\":0}");
        // chunked: one byte read to tell an empty body from one
        Socket chunked = open("GET /table/ HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
                + "0\r\n\r\n");
        Answer a = read(chunked);
        assertThat(a.status).as(a.toString()).isEqualTo(413);
        assertThat(a.body).isEqualTo("{\"error\":\"GET /table/ takes no request body\",\"limit\":0}");
        Socket empty = open("GET /table/ HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertThat(read(empty).status).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url("/"))).body()).isEqualTo("{\"status\":\"OK\"}");
    }

    @Test
    void methodsARouteDoesNotServeAreAnswered405WithAllow() throws Exception {
        for (String route : List.of("/", "/table/", "/table/nope/", "/router/", "/assignment/", "/stats/",
                "/health/", "/ready/", "/metrics")) {
            for (String method : List.of("DELETE", "POST", "PUT", "PATCH", "OPTIONS")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(url(route))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertThat(r.statusCode()).as(method + " " + route).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as(method + " " + route).hasValue("GET, HEAD");
                assertThat(r.body()).isEqualTo("{\"error\":\"Method " + method + " not allowed.\"}");
            }
        }
        // HEAD: the GET's status and headers, no body
        HttpResponse<String> get = send(HttpRequest.newBuilder(url("/health/")));
        HttpResponse<String> head = send(HttpRequest.newBuilder(url("/health/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length()));
        assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");

        // a page serves GET, HEAD, POST, PUT, PATCH and DELETE; nothing else
        assertThat(send(HttpRequest.newBuilder(url("/echo/x/")).DELETE()).body())
                .isEqualTo("{\"method\":\"DELETE\",\"bytes\":0}");
        assertThat(send(HttpRequest.newBuilder(url("/echo/x/")).PUT(HttpRequest.BodyPublishers.ofString("abc")))
                .body()).isEqualTo("{\"method\":\"PUT\",\"bytes\":3}");
        HttpResponse<String> trace = send(HttpRequest.newBuilder(url("/echo/x/"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.headers().firstValue("Allow")).hasValue("GET, HEAD, POST, PUT, PATCH, DELETE");
        // an unknown path stays 404 whatever the method
        assertThat(send(HttpRequest.newBuilder(url("/nothing/")).DELETE()).statusCode()).isEqualTo(404);
    }

    @Test
    void slowClientsTricklingBodiesDoNotStarveHealth() throws Exception {
        // 8 clients trickle a declared 1 MB body to the page, 4 to /health/ (twice the 4 threads the server had)
        List<Socket> page = new ArrayList<>();
        List<Socket> health = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            page.add(open("POST /echo/x/ HTTP/1.1\r\nHost: w\r\nContent-Length: 1000000\r\n\r\n"));
        }
        for (int i = 0; i < 4; i++) {
            health.add(open("GET /health/ HTTP/1.1\r\nHost: w\r\nContent-Length: 1000000\r\n\r\n"));
        }
        List<Socket> all = new ArrayList<>(page);
        all.addAll(health);
        trickler.scheduleAtFixedRate(() -> {
            for (Socket s : all) {
                try {
                    s.getOutputStream().write('x');
                } catch (IOException e) {
                    // closed by the server: nothing more to send
                }
            }
        }, 0, 200, TimeUnit.MILLISECONDS);

        // those on /health/ are refused at once; 4 page bodies are read at a time, the others are told to retry
        for (Socket s : health) {
            assertThat(read(s).status).isEqualTo(413);
        }
        int busy = 0;
        for (Socket s : page) {
            s.setSoTimeout(500);
            try {
                Answer a = read(s);
                assertThat(a.status).as(a.toString()).isEqualTo(503);
                assertThat(a.headers).containsEntry("retry-after", "1");
                busy++;
            } catch (SocketTimeoutException e) {
                // one of the 4 being read
            }
        }
        assertThat(busy).as("page requests refused while 4 bodies are read").isEqualTo(4);

        // meanwhile /health/ and /ready/ answer, each within a generous bound (they timed out 20 of 20 before)
        for (int i = 0; i < 10; i++) {
            for (String route : List.of("/health/", "/ready/")) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = send(HttpRequest.newBuilder(url(route)));
                assertThat(r.statusCode()).as(route).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            }
        }
        // and the 4 slow bodies still hold their places: one more body is told to retry
        Answer more = read(open("POST /echo/x/ HTTP/1.1\r\nHost: w\r\nContent-Length: 3\r\n\r\nabc"));
        assertThat(more.status).as(more.toString()).isEqualTo(503);
        assertThat(more.body).isEqualTo("{\"error\":\"Service unavailable: 4 request bodies are being read; "
                + "retry later\"}");
    }

    @Test
    void slowAndIdleConnectionsAreClosedAfterTheirTimeouts() throws Exception {
        Socket silent = open("");                                                     // connects, sends nothing
        Socket slowBody = open("POST /echo/x/ HTTP/1.1\r\nHost: w\r\nContent-Length: 1000\r\n\r\n");
        Socket slowHeaders = open("GET /health/ HTTP/1.1\r\nHost: w\r\nX-Slow: ");
        Socket keptAlive = open("GET /health/ HTTP/1.1\r\nHost: w\r\n\r\n");
        assertThat(read(keptAlive).status).isEqualTo(200);                          // then idle on keep-alive
        long t0 = System.nanoTime();
        trickler.scheduleAtFixedRate(() -> {
            for (Socket s : List.of(slowBody, slowHeaders)) {
                try {
                    s.getOutputStream().write('x');
                } catch (IOException e) {
                    // closed by the server
                }
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        Map<String, Socket> cases = new LinkedHashMap<>();
        cases.put("idle after connecting", silent);
        cases.put("body trickled", slowBody);
        cases.put("headers trickled", slowHeaders);
        cases.put("idle on keep-alive", keptAlive);
        for (Map.Entry<String, Socket> c : cases.entrySet()) {
            Duration closedAfter = awaitClosed(c.getValue(), t0);
            // 10 s timeouts checked every second; on a loaded machine give them room either side
            assertThat(closedAfter).as(c.getKey()).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(25));
        }
        assertThat(send(HttpRequest.newBuilder(url("/health/"))).statusCode()).isEqualTo(200);
    }

    /** How long after {@code t0} the server closed {@code s}, reading until then; fails after 40 s. */
    private static Duration awaitClosed(Socket s, long t0) throws IOException {
        s.setSoTimeout(1000);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(40)) {
            try {
                if (in.read(buf) < 0) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (SocketException e) {
                return Duration.ofNanos(System.nanoTime() - t0);   // reset
            }
        }
        throw new AssertionError("the connection is still open after 40 s");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket open(String start) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        sockets.add(s);
        s.setSoTimeout(20_000);
        s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private record Answer(int status, Map<String, String> headers, String body) {}

    /** One HTTP/1.1 response from {@code s} (status, lower-cased headers, a Content-Length body). */
    private static Answer read(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1)
                    .trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }
}
