/**
 * User pages of a worker's web server (Faust's {@code @app.page}): a {@link io.jfaust.web.Page} answers a
 * {@link io.jfaust.web.Request} with a value written as Faust JSON.
 *
 * <pre>{@code
 * app.page("/counts/{word}/", req -> Map.of("word", req.param("word"), "count", counts.get(req.param("word"))));
 * }</pre>
 */
@NullMarked
package io.jfaust.web;

import org.jspecify.annotations.NullMarked;
