package io.jfaust.worker.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jfaust.WorkerException;
import io.jfaust.runtime.WebPaths;
import io.jfaust.serdes.FaustJson;
import io.jfaust.web.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's web server (Faust's {@code aiohttp} web, port 6066) on the JDK's own HTTP server: Faust's routes
 * ({@link WebViews}), the operator routes (health, readiness, Prometheus) and the app's pages, each answered on one
 * of a bounded pool of daemon threads bound to the worker. Errors are answered as Faust answers them:
 * {@code {"error": reason, ...}} with the status.
 *
 * <p>Faust's routes serve {@code GET} and {@code HEAD} (the {@code GET} answer without its body) and take no request
 * body; a page serves {@code GET}, {@code HEAD}, {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} and takes
 * a body of up to {@link WebLimits#MAX_BODY_BYTES}. Another method is answered 405 with {@code Allow}; a body over the
 * limit 413, without being read. The limits and timeouts are {@link WebLimits}'.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** Set on a request one worker forwards to another, so that the owner answers it itself. */
    public static final String FORWARDED = "X-Jfaust-Forwarded";
    /** The methods of Faust's routes: Faust's views define {@code get}, and {@code head} answers as {@code get}. */
    private static final List<String> VIEW_METHODS = List.of("GET", "HEAD");
    /** The methods of a page: a jfaust page sees {@code req.method()}, as a Faust class-based view would. */
    private static final List<String> PAGE_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Route> routes = new ArrayList<>();
    private final RequestBodies bodies = new RequestBodies(WebLimits.BODY_READERS);
    private final FaustJson json;

    /** A view: what to answer to one request. */
    public interface View {
        Reply get(Exchange exchange) throws Exception;
    }

    /** An answer: status, content type, body. */
    public record Reply(int status, String contentType, byte[] body) {}

    /** One request with the path parameters of its route. */
    public record Exchange(String method, String path, @Nullable String rawQuery, Map<String, String> params,
                    byte[] body, boolean forwarded) {
        /** The path parameter {@code name}, which the route's pattern names. */
        String param(String name) {
            return Objects.requireNonNull(params.get(name), "the route has no parameter " + name);
        }

        @Nullable String query(String name) {
            if (rawQuery == null) {
                return null;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (k.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        String uri() {
            return rawQuery == null ? path : path + "?" + rawQuery;
        }
    }

    /** A path template, the methods it serves, the largest body it takes and its view. */
    private record Route(WebPaths path, List<String> methods, int maxBody, View view) {}

    private WebServer(HttpServer server, ExecutorService threads, FaustJson json) {
        this.server = server;
        this.threads = threads;
        this.json = json;
    }

    /**
     * Binds {@code bind:port} (port 0: any free port) and serves {@code views} and the app's pages.
     *
     * @throws WorkerException when the address is taken or cannot be bound
     */
    public static WebServer start(WebHost worker, String bind, int port, WebViews views) {
        Map<String, String> set = WebLimits.configureJdkServer();
        if (!set.isEmpty()) {
            LOG.info("web server: set the JVM-wide JDK HTTP server properties {} (every com.sun.net.httpserver server "
                    + "in this JVM reads them; set them yourself to keep other values)", set);
        }
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(bind, port), 64);
        } catch (BindException e) {
            throw new WorkerException("Cannot start the web server on " + bind + ":" + port + " (" + e.getMessage()
                    + "): another worker or program holds the port. Pass --web-port with another port (0 picks a "
                    + "free one), or --without-web.", WorkerException.FAILED, e);
        } catch (IOException e) {
            throw new WorkerException("Cannot start the web server on " + bind + ":" + port + ": " + e,
                    WorkerException.FAILED, e);
        }
        WebServer web = new WebServer(http, threads(), FaustJson.of(worker.running().app().settings().jsonFlavor()));
        views.register(web);
        worker.running().app().pages().forEach((path, page) -> web.routes.add(new Route(WebPaths.of(path),
                PAGE_METHODS, WebLimits.MAX_BODY_BYTES, x -> web.page(worker, page, x))));
        http.setExecutor(web.threads);
        http.createContext("/", web::handle);
        http.start();
        LOG.info("web server of app {} listening on http://{}:{}", worker.running().app().id(), bind, web.port());
        return web;
    }

    /**
     * A pool of {@link WebLimits#THREADS} threads and {@link WebLimits#QUEUE} waiting requests: the JDK server closes
     * a connection the pool refuses. Idle threads end after 30 s.
     */
    private static ThreadPoolExecutor threads() {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WebLimits.THREADS, WebLimits.THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WebLimits.QUEUE), r -> {
                    Thread t = new Thread(r, "jfaust-web-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** A Faust route: {@code GET} and {@code HEAD}, no request body. */
    public void route(String template, View view) {
        routes.add(new Route(WebPaths.of(template), VIEW_METHODS, 0, view));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A JSON answer. */
    public Reply json(int status, @Nullable Object value) {
        return new Reply(status, "application/json", json.dumps(value));
    }

    /** Faust's error answer: {@code {"error": reason, ...context}}. */
    public Reply error(int status, @Nullable String reason, Object... context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", reason);
        for (int i = 0; i + 1 < context.length; i += 2) {
            body.put(String.valueOf(context[i]), context[i + 1]);
        }
        return json(status, body);
    }

    private Reply page(WebHost worker, Page page, Exchange x) {
        PageRequest request = new PageRequest(x);
        try {
            return worker.running().call(() -> {
                try {
                    return json(200, page.handle(request));
                } catch (Page.NotFound e) {
                    return error(404, e.getMessage());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        Reply reply;
        try {
            reply = dispatch(ex, headers);
        } catch (RequestBodies.Refused e) {
            reply = e.limit() == null ? error(e.status(), e.getMessage()) : error(e.status(), e.getMessage(), "limit",
                    e.limit());
            if (e.status() == 503) {
                headers.put("Retry-After", "1");
            }
            headers.put("Connection", "close");
        } catch (RuntimeException e) {
            reply = error(500, "Internal server error.");
        }
        // "Connection: close" is set exactly when a request body is left unread: the JDK server then closes the
        // connection after the answer (it does not drain it: drainAmount 0)
        boolean unread = "close".equals(headers.get("Connection"));
        ex.getResponseHeaders().set("Content-Type", reply.contentType);
        headers.forEach(ex.getResponseHeaders()::set);
        if (ex.getRequestMethod().equals("HEAD")) {   // the GET answer's status and headers, without its body
            ex.getResponseHeaders().set("Content-Length", Integer.toString(reply.body.length));
            ex.sendResponseHeaders(reply.status, -1);   // closes the exchange
            return;
        }
        ex.sendResponseHeaders(reply.status, reply.body.length == 0 ? -1 : reply.body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply.body);
            if (unread) {
                out.flush();
                bodies.discardRest(ex);
            }
        }
    }

    /** The route's answer, or 404, or 405 (with {@code Allow}); a body is read only for a route and method served. */
    private Reply dispatch(HttpExchange ex, Map<String, String> headers) throws RequestBodies.Refused, IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        for (Route r : routes) {
            Map<String, String> params = r.path.match(path);
            if (params == null) {
                continue;
            }
            if (!r.methods.contains(method)) {
                headers.put("Allow", String.join(", ", r.methods));
                closeIfBodyUnread(ex, headers);
                return error(405, "Method " + method + " not allowed.");
            }
            byte[] body = bodies.read(ex, r.maxBody);
            return answer(r, new Exchange(method, path, ex.getRequestURI().getRawQuery(), params, body,
                    ex.getRequestHeaders().containsKey(FORWARDED)));
        }
        closeIfBodyUnread(ex, headers);
        return error(404, "Not Found", "path", path);
    }

    /** A body this server does not read closes the connection after the answer. */
    private static void closeIfBodyUnread(HttpExchange ex, Map<String, String> headers) throws IOException {
        if (!RequestBodies.endIfEmpty(ex)) {
            headers.put("Connection", "close");
        }
    }

    private Reply answer(Route r, Exchange x) {
        try {
            return r.view.get(x);
        } catch (Exception e) {
            Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("web {} {} failed: {}", x.method(), x.path(), cause.toString(), cause);
            return error(500, cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
                    : ": " + cause.getMessage()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** A user page's view of an exchange. */
    private record PageRequest(Exchange x) implements io.jfaust.web.Request {
        @Override
        public String method() {
            return x.method();
        }

        @Override
        public String path() {
            return x.path();
        }

        @Override
        public String param(String name) {
            String v = x.params().get(name);
            if (v == null) {
                throw new IllegalArgumentException("this page's path has no parameter {" + name + "}; it has "
                        + x.params().keySet());
            }
            return v;
        }

        @Override
        public Map<String, String> params() {
            return x.params();
        }

        @Override
        public @Nullable String query(String name) {
            return x.query(name);
        }

        @Override
        public byte[] body() {
            return x.body().clone();
        }
    }
}
