package io.jfaust;

import java.util.Map;
import java.util.StringJoiner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * Which client properties are secrets (Kafka's {@code PASSWORD}-typed configs: {@code sasl.jaas.config},
 * {@code ssl.*.password}, {@code ssl.keystore.key}...), how they are held (as Kafka's {@link Password}, whose
 * {@code toString} is {@code [hidden]}, so a logged map, a Kafka config dump or an error shows no secret) and how
 * jfaust prints a map of properties.
 *
 * <pre>{@code
 * Object v = Secrets.hold("sasl.jaas.config", jaas);    // a Password
 * String s = Secrets.toString(props);                    // {sasl.jaas.config=[hidden], ...}
 * }</pre>
 */
final class Secrets {
    private static final Map<String, ConfigDef.ConfigKey> KEYS = ProducerConfig.configDef().configKeys();

    private Secrets() {}

    /** Whether Kafka types {@code key} as a password, or its name says it is one. */
    static boolean isSecret(String key) {
        ConfigDef.ConfigKey k = KEYS.get(key.replaceFirst("^(producer|consumer|admin|main\\.consumer"
                + "|restore\\.consumer|global\\.consumer)\\.", ""));
        if (k != null) {
            return k.type == ConfigDef.Type.PASSWORD;
        }
        String lower = key.toLowerCase();
        return lower.contains("password") || lower.contains("secret") || lower.contains("jaas");
    }

    /** {@code value} held as a {@link Password} when {@code key} is a Kafka password config; else unchanged. */
    static Object hold(String key, Object value) {
        ConfigDef.ConfigKey k = KEYS.get(key);
        if (value instanceof String s && k != null && k.type == ConfigDef.Type.PASSWORD) {
            return new Password(s);
        }
        return value;
    }

    /** {@code {key=value, ...}} with every secret shown as {@code [hidden]}. */
    static String toString(Map<String, ?> props) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        props.forEach((k, v) -> j.add(k + "=" + (isSecret(k) || v instanceof Password ? Password.HIDDEN : v)));
        return j.toString();
    }
}
