package io.jfaust.worker.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server's limits: what one request may cost, and how long a connection may take.
 *
 * <p>The body cap, the threads and the body readers are jfaust's own. The timeouts are the JDK server's
 * ({@code jdk.httpserver}), set through its system properties, which are JVM-wide and read once, when the JVM
 * creates its first {@code HttpServer}: {@link #configureJdkServer()} sets each one that is not set already, so a
 * {@code -D} on the command line wins, and a JVM that created an {@code HttpServer} before the worker's keeps the
 * values it read then.
 */
final class WebLimits {
    private static final Logger LOG = LoggerFactory.getLogger(WebLimits.class);

    /** The largest request body a page is given (aiohttp's default {@code client_max_size}, Faust's web). */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Threads reading and answering requests. The JDK server reads a request's line and headers on one of them: a
     * client trickling its headers holds one until the request timeout.
     */
    static final int THREADS = 32;
    /** Requests accepted while every thread is busy; beyond them a new connection is closed unanswered. */
    static final int QUEUE = 64;
    /** Requests whose body is read at once; beyond them a request with a body is answered 503 at once. */
    static final int BODY_READERS = 4;
    /** Refused request bodies read and dropped at once after their answer (a lingering close). */
    static final int LINGERERS = 4;
    /** The most of a refused request body read and dropped after its answer (the JDK's own drain amount). */
    static final int LINGER_BYTES = 64 * 1024;
    /** A request (line, headers, body) must arrive within this, from its first byte (seconds). */
    static final int REQUEST_SECONDS = 10;
    /** A response must be written within this, from the request's last byte (seconds). */
    static final int RESPONSE_SECONDS = 30;
    /** A connection that sends nothing (new, or kept alive between requests) is closed after this (seconds). */
    static final int IDLE_SECONDS = 10;

    /** The JDK server's properties and the values jfaust gives them, in the order set. */
    static final Map<String, String> JDK_PROPERTIES = jdkProperties();

    private static boolean configured;

    private WebLimits() {}

    private static Map<String, String> jdkProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        p.put("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        p.put("sun.net.httpserver.idleInterval", Integer.toString(IDLE_SECONDS));
        // how often idle connections are looked for (ms; the JDK's default, 10 s, would double the idle timeout)
        p.put("sun.net.httpserver.clockTick", "1000");
        // a request body left unread (refused) is not drained by the JDK, which would do it on any thread, for any
        // number of connections: jfaust drops a little of it itself, on at most LINGERERS threads, then the
        // connection is closed, so that clients trickling refused bodies cannot hold the threads
        p.put("sun.net.httpserver.drainAmount", "0");
        // the JDK writes an answer's headers and body apart: without TCP_NODELAY, Nagle's algorithm and the client's
        // delayed ACK hold each answer ~40 ms
        p.put("sun.net.httpserver.nodelay", "true");
        return Collections.unmodifiableMap(p);
    }

    /**
     * Sets the JDK server's properties that nobody has set yet, before the first web server of this JVM starts.
     *
     * @return the properties set by this call (empty after the first call, or when every one was set already)
     */
    static synchronized Map<String, String> configureJdkServer() {
        if (configured) {
            return Map.of();
        }
        configured = true;
        return setAbsent(System.getProperties());
    }

    /** Sets in {@code properties} each of {@link #JDK_PROPERTIES} they do not hold, and says which. */
    static Map<String, String> setAbsent(Properties properties) {
        Map<String, String> set = new LinkedHashMap<>();
        JDK_PROPERTIES.forEach((name, value) -> {
            String given = properties.getProperty(name);
            if (given == null) {
                properties.setProperty(name, value);
                set.put(name, value);
            } else if (!given.equals(value)) {
                LOG.info("web server: {}={} as set, not jfaust's {}", name, given, value);
            }
        });
        return set;
    }
}
