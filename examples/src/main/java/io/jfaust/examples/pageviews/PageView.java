package io.jfaust.examples.pageviews;

import io.jfaust.serdes.FaustRecord;

/**
 * A page view: which page, by which user.
 *
 * <pre>{@code
 * PageView v = new PageView("/home", "alice");
 * v.id();   // "/home"
 * }</pre>
 */
@FaustRecord(namespace = "page_views.PageView")
public record PageView(String id, String user) {}
