package io.jfaust.worker.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies within a route's limit: a declared {@code Content-Length} over the limit is refused without a
 * byte read, a chunked body is read up to the limit and one byte more, and only a few bodies are read at once (a
 * client trickling its body holds one of them, never the threads that answer {@code /health/}). A route that takes
 * no body has a limit of 0.
 */
final class RequestBodies {
    private static final byte[] EMPTY = new byte[0];

    private final int readers;
    private final Semaphore reading;
    private final Semaphore lingering = new Semaphore(WebLimits.LINGERERS);

    RequestBodies(int readers) {
        this.readers = readers;
        this.reading = new Semaphore(readers);
    }

    /** A request refused for its body, answered with {@code status} and {@code {"error": reason, ...}}. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final @Nullable Integer limit;

        Refused(int status, String reason, @Nullable Integer limit) {
            super(reason, null, false, false);
            this.status = status;
            this.limit = limit;
        }

        int status() {
            return status;
        }

        /** The route's limit in bytes, or null when the refusal is not about it. */
        @Nullable Integer limit() {
            return limit;
        }
    }

    /**
     * Ends a request that declares no body (no {@code Content-Length} over 0, not chunked) without touching the
     * socket, so that its connection is kept alive after the answer.
     *
     * @return false when the request declares a body, which is left unread
     */
    static boolean endIfEmpty(HttpExchange ex) throws IOException {
        Headers headers = ex.getRequestHeaders();
        if (isChunked(headers) || declaredLength(headers) > 0) {
            return false;
        }
        // the JDK server keeps a connection open only if its request was read to the end; with drainAmount 0 it no
        // longer reads an empty body itself. A fixed length of 0 answers -1 at once.
        ex.getRequestBody().read();
        return true;
    }

    /**
     * The body of the request, at most {@code limit} bytes.
     *
     * @throws Refused when the body is over the limit (413), or {@link WebLimits#BODY_READERS} bodies are being
     *     read already (503)
     * @throws IOException when the connection fails or is closed (the request timeout) while the body is read
     */
    byte[] read(HttpExchange ex, int limit) throws Refused, IOException {
        String request = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
        Headers headers = ex.getRequestHeaders();
        boolean chunked = isChunked(headers);
        long declared = chunked ? -1 : declaredLength(headers);
        if (declared == 0) {
            endIfEmpty(ex);
            return EMPTY;
        }
        if (declared > limit) {
            throw limit == 0
                    ? new Refused(413, request + " takes no request body (" + declared + " bytes declared)", 0)
                    : new Refused(413, "Request body too large: " + request + " declares " + declared
                            + " bytes, the limit is " + limit, limit);
        }
        if (!reading.tryAcquire()) {
            throw new Refused(503, "Service unavailable: " + readers + " request bodies are being read; retry later",
                    null);
        }
        try {
            byte[] body = ex.getRequestBody().readNBytes(limit + 1);
            if (body.length > limit) {
                throw limit == 0
                        ? new Refused(413, request + " takes no request body", 0)
                        : new Refused(413, "Request body too large: " + request + " sends " + body.length
                                + " bytes or more, the limit is " + limit, limit);
            }
            if (!chunked && body.length < declared) {
                throw new IOException(request + ": the connection ended after " + body.length + " of " + declared
                        + " bytes");
            }
            return body;
        } finally {
            reading.release();
        }
    }

    /**
     * After the answer to a request whose body was refused unread: reads and drops up to
     * {@link WebLimits#LINGER_BYTES} more of it before the connection is closed, as servers do in a lingering close.
     * A connection closed with unread bytes is reset, and the reset can destroy the answer before the client reads
     * it. At most {@link WebLimits#LINGERERS} connections linger at once (when all do, the connection is closed at
     * once), each until the body ends, the bytes are read, or the request timeout closes the connection.
     */
    void discardRest(HttpExchange ex) {
        if (!lingering.tryAcquire()) {
            return;
        }
        try {
            InputStream in = ex.getRequestBody();
            byte[] buffer = new byte[8192];
            int left = WebLimits.LINGER_BYTES;
            int n = 0;
            while (left > 0 && n >= 0) {
                n = in.read(buffer, 0, Math.min(buffer.length, left));
                left -= Math.max(n, 0);
            }
        } catch (IOException e) {
            // the client closed, or the request timeout did: nothing left to drop
        } finally {
            lingering.release();
        }
    }

    /** The JDK server accepts no other transfer coding than {@code chunked} (it answers 501 to others). */
    private static boolean isChunked(Headers headers) {
        return headers.containsKey("Transfer-Encoding");
    }

    /** The declared length (the JDK server refuses a malformed or negative one with 400), 0 when absent. */
    private static long declaredLength(Headers headers) {
        String length = headers.getFirst("Content-Length");
        return length == null ? 0 : Long.parseLong(length.trim());
    }
}
