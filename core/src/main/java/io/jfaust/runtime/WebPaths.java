package io.jfaust.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A web path template ({@code /table/{name}/{key}/}, aiohttp's syntax): each {@code {param}} matches one path
 * segment; a trailing slash is optional when matching (Faust's routes end with one, curl users often omit it).
 */
public final class WebPaths {
    /** Prefixes of Faust's own routes and jfaust's operator routes, which user pages may not take. */
    static final List<String> RESERVED = List.of("/table", "/router", "/assignment", "/stats", "/metrics",
            "/health", "/ready");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String template;
    private final Pattern pattern;
    private final List<String> names;

    private WebPaths(String template) {
        this.template = template;
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            params.add(m.group(1));
            last = m.end();
        }
        String tail = template.substring(last);
        if (tail.endsWith("/")) {
            tail = tail.substring(0, tail.length() - 1);
        }
        if (!tail.isEmpty()) {
            regex.append(Pattern.quote(tail));
        }
        regex.append("/?");
        this.pattern = Pattern.compile(regex.toString());
        this.names = List.copyOf(params);
    }

    public static WebPaths of(String template) {
        return new WebPaths(template);
    }

    /** What is wrong with a user page's path, or null when it is fine. */
    public static @Nullable String problem(@Nullable String path) {
        if (path == null || !path.startsWith("/")) {
            return "a page path starts with '/' (\"/counts/{word}/\")";
        }
        String stripped = PARAM.matcher(path).replaceAll("x");
        if (stripped.contains("{") || stripped.contains("}")) {
            return "a parameter is written {name}, a Java identifier between braces";
        }
        for (String r : RESERVED) {
            if (path.equals(r) || path.startsWith(r + "/")) {
                return "the path " + r + "/ belongs to the worker's own routes (" + String.join(", ", RESERVED)
                        + "): choose another";
            }
        }
        if (path.equals("/")) {
            return "/ is Faust's index ({\"status\": \"OK\"}): choose another path";
        }
        return null;
    }

    /** The URL-decoded parameters when {@code path} matches, else null. */
    public @Nullable Map<String, String> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Override
    public String toString() {
        return template;
    }
}
