package io.jfaust;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * How the app's clients authenticate to the brokers (Faust's {@code broker_credentials}): SASL PLAIN or SCRAM with a
 * user name and password ({@code faust.SASLCredentials}), Kerberos ({@code faust.GSSAPICredentials}), TLS
 * ({@code faust.SSLCredentials} / {@code ssl_context}), each optionally over TLS, plus any raw client property.
 * Given once, in {@code conf.brokerCredentials(...)}, they apply to every client: Kafka Streams' consumers, producers
 * and admin, and every client jfaust creates itself (the worker's admin and producer, an attached app's producer).
 * Secrets are held as Kafka {@code Password}s: no banner, log line, error or {@code toString} shows them.
 *
 * <pre>{@code
 * App.create("orders", conf -> conf.broker("kafka://broker:9093").brokerCredentials(
 *         BrokerCredentials.sasl("alice", System.getenv("KAFKA_PASSWORD"), "SCRAM-SHA-512")
 *                 .withSsl(Ssl.truststore(Path.of("truststore.p12"), "changeit"))));
 * }</pre>
 */
public final class BrokerCredentials {
    private final @Nullable String mechanism;
    private final @Nullable Ssl ssl;
    private final Map<String, Object> props;
    private final String description;

    private BrokerCredentials(@Nullable String mechanism, @Nullable Ssl ssl, Map<String, Object> props,
                              String description) {
        this.mechanism = mechanism;
        this.ssl = ssl;
        this.props = Collections.unmodifiableMap(new LinkedHashMap<>(props));
        this.description = description;
    }

    /** SASL PLAIN with a user name and password (Faust's {@code SASLCredentials} default mechanism). */
    public static BrokerCredentials sasl(String username, String password) {
        return sasl(username, password, "PLAIN");
    }

    /**
     * SASL with a user name and password.
     *
     * @param mechanism {@code "PLAIN"}, {@code "SCRAM-SHA-256"} or {@code "SCRAM-SHA-512"}
     */
    public static BrokerCredentials sasl(String username, String password, String mechanism) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String module = switch (Objects.requireNonNull(mechanism, "mechanism")) {
            case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
            case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
            default -> throw new ImproperlyConfigured("broker_credentials: SASL mechanism must be PLAIN, "
                    + "SCRAM-SHA-256 or SCRAM-SHA-512, got '" + mechanism + "' (GSSAPI: BrokerCredentials.gssapi)");
        };
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sasl.mechanism", mechanism);
        p.put("sasl.jaas.config", new Password(module + " required username=\"" + jaas(username)
                + "\" password=\"" + jaas(password) + "\";"));
        return new BrokerCredentials(mechanism, null, p, "sasl(" + mechanism + ", username=" + username
                + ", password=" + Password.HIDDEN + ")");
    }

    /**
     * Kerberos (SASL GSSAPI) with the ticket cache of the user running the worker ({@code kinit});
     * {@link #withKeytab} for a service's keytab instead.
     *
     * @param kerberosServiceName the brokers' Kerberos service name (Faust's default: {@code "kafka"})
     */
    public static BrokerCredentials gssapi(String kerberosServiceName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sasl.mechanism", "GSSAPI");
        p.put("sasl.kerberos.service.name", Objects.requireNonNull(kerberosServiceName, "kerberosServiceName"));
        p.put("sasl.jaas.config", new Password("com.sun.security.auth.module.Krb5LoginModule required "
                + "useTicketCache=true;"));
        return new BrokerCredentials("GSSAPI", null, p, "gssapi(service=" + kerberosServiceName + ", ticket cache)");
    }

    /** Kerberos from a keytab file instead of the ticket cache ({@link #gssapi} only). */
    public BrokerCredentials withKeytab(String principal, Path keytab) {
        if (!"GSSAPI".equals(mechanism)) {
            throw new ImproperlyConfigured("withKeytab applies to BrokerCredentials.gssapi(...) only, not to "
                    + this);
        }
        Map<String, Object> p = new LinkedHashMap<>(props);
        p.put("sasl.jaas.config", new Password("com.sun.security.auth.module.Krb5LoginModule required "
                + "useKeyTab=true storeKey=true keyTab=\"" + jaas(keytab.toAbsolutePath().toString())
                + "\" principal=\"" + jaas(Objects.requireNonNull(principal, "principal")) + "\";"));
        return new BrokerCredentials(mechanism, ssl, p, "gssapi(service=" + props.get("sasl.kerberos.service.name")
                + ", principal=" + principal + ", keytab=" + keytab + ")");
    }

    /** TLS only (Faust's {@code SSLCredentials}): the brokers' {@code SSL} listener, mutual TLS if it has a key. */
    public static BrokerCredentials ssl(Ssl ssl) {
        return new BrokerCredentials(null, Objects.requireNonNull(ssl, "ssl"), Map.of(), "ssl");
    }

    /** These SASL credentials over TLS ({@code SASL_SSL}). */
    public BrokerCredentials withSsl(Ssl ssl) {
        return new BrokerCredentials(mechanism, Objects.requireNonNull(ssl, "ssl"), props, description);
    }

    /**
     * A raw client property applied with the credentials to every client ({@code sasl.login.callback.handler.class},
     * {@code ssl.cipher.suites}, an OAUTHBEARER setting...). Kafka's password-typed properties are held as secrets.
     */
    public BrokerCredentials withProperty(String key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(props);
        p.put(Objects.requireNonNull(key, "key"), Secrets.hold(key, Objects.requireNonNull(value, "value")));
        return new BrokerCredentials(mechanism, ssl, p, description);
    }

    /** {@code SASL_PLAINTEXT}, {@code SASL_SSL} or {@code SSL}. */
    String securityProtocol() {
        if (mechanism == null) {
            return "SSL";
        }
        return ssl == null ? "SASL_PLAINTEXT" : "SASL_SSL";
    }

    /** Every client property these credentials set, secrets as {@code Password}s. */
    Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("security.protocol", securityProtocol());
        if (ssl != null) {
            p.putAll(ssl.properties());
        }
        p.putAll(props);
        return p;
    }

    /** The mechanism and user, never a secret. */
    @Override
    public String toString() {
        Map<String, Object> extra = new LinkedHashMap<>(props);
        extra.keySet().removeAll(java.util.Set.of("sasl.mechanism", "sasl.jaas.config", "sasl.kerberos.service.name"));
        return "BrokerCredentials[" + securityProtocol() + ", " + description + (ssl == null ? "" : ", " + ssl)
                + (extra.isEmpty() ? "" : ", " + Secrets.toString(extra)) + "]";
    }

    /** A value inside a JAAS config's double quotes. */
    private static String jaas(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
