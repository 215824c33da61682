package io.jfaust.web;

import org.jspecify.annotations.Nullable;

/**
 * A user page of the worker's web server (Faust's {@code @app.page(path)} view returning {@code self.json(...)}):
 * the value it returns is written as Faust JSON ({@code application/json}, records with their {@code __faust}
 * namespace). It runs on a web server thread bound to the worker, so {@code table.get(key)} and
 * {@code topic.send(...)} work in it (tables answer from this worker's partitions). A thrown exception is answered
 * with status 500 and {@code {"error": "..."}}; throw {@link NotFound} for a 404.
 *
 * <pre>{@code
 * app.page("/counts/{word}/", req -> Map.of("word", req.param("word"), "count", counts.get(req.param("word"))));
 * }</pre>
 */
@FunctionalInterface
public interface Page {
    /** The value to answer with, written as Faust JSON (null is {@code null}). */
    @Nullable Object handle(Request request) throws Exception;

    /**
     * Faust's {@code self.NotFound(reason)}: answered with status 404 and {@code {"error": reason}}.
     *
     * <pre>{@code
     * if (!counts.containsKey(word)) throw new Page.NotFound("unknown word");
     * }</pre>
     */
    final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A 404 whose body is {@code {"error": reason}}. */
        public NotFound(String reason) {
            super(reason);
        }
    }
}
