/**
 * Faust's web server: its routes ({@code /}, {@code /stats/}, {@code /table/...}, {@code /health/}, {@code /ready/},
 * {@code /metrics}, {@code /router/}) and the app's own pages, with table requests routed to the worker that owns the
 * key. Layer: worker.web; it sees its worker only through {@link io.jfaust.worker.web.WebHost}. Used by
 * {@code io.jfaust.worker}.
 *
 * <pre>{@code
 * WebServer server = WebServer.start(host, "127.0.0.1", 6066, new WebViews(host));
 * }</pre>
 */
@NullMarked
package io.jfaust.worker.web;

import org.jspecify.annotations.NullMarked;
