package io.jfaust.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request to a user page (Faust's {@code web.Request} with the view's path arguments): its method, path,
 * path parameters ({@code {name}} in the page's path), query parameters and body. Given by jfaust; not implemented by
 * users.
 *
 * <pre>{@code
 * app.page("/counts/{word}/", req -> Map.of("word", req.param("word"), "limit", req.query("limit")));
 * }</pre>
 */
public interface Request {
    /** {@code GET}, {@code POST}... */
    String method();

    /** The path as requested, without the query ({@code /counts/alpha/}). */
    String path();

    /**
     * The path parameter {@code name} ({@code {name}} in the page's path), URL-decoded.
     *
     * @throws IllegalArgumentException when the page's path has no such parameter
     */
    String param(String name);

    /** Every path parameter by name. */
    Map<String, String> params();

    /** The query parameter {@code name} ({@code ?name=value}, the first when repeated), or null when absent. */
    @Nullable String query(String name);

    /** The request body (empty for a GET). */
    byte[] body();
}
