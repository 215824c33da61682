package io.jfaust;

import java.util.LinkedHashMap;
import java.util.Map;

/** Client properties for the command-line verbs: the brokers, and the app's security settings passed through. */
final class ClientProps {
    private ClientProps() {}

    static Map<String, Object> of(App app, String broker) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bootstrap.servers", broker != null ? String.join(",", Settings.Builder.parseBrokers(broker))
                : app.settings().bootstrapServers());
        app.settings().streamsProperties().forEach((k, v) -> {
            if (k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")) {
                m.put(k, v);
            }
        });
        return m;
    }
}
