package io.jfaust;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

/**
 * TLS to the brokers (Faust's {@code ssl_context}): whom to trust (a trust store file, PEM certificates, or the JVM's
 * defaults) and, for mutual TLS, the client's own key (a key store file or PEM). Immutable; {@code with…} methods
 * return a copy. Passwords and PEM keys are held as Kafka {@code Password}s and never printed.
 *
 * <pre>{@code
 * Ssl tls = Ssl.truststore(Path.of("/etc/kafka/truststore.p12"), "changeit")
 *         .withKeystore(Path.of("/etc/kafka/client.p12"), "store-secret", "key-secret");
 * App.create("orders", conf -> conf.brokerCredentials(BrokerCredentials.ssl(tls)));
 * }</pre>
 */
public final class Ssl {
    private final Map<String, Object> props;

    private Ssl(Map<String, Object> props) {
        this.props = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(props));
    }

    private Ssl with(Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>(props);
        p.putAll(more);
        return new Ssl(p);
    }

    /** Trust the JVM's default certificate authorities. */
    public static Ssl defaults() {
        return new Ssl(Map.of());
    }

    /**
     * Trust the certificates in a trust store file: PKCS12, or JKS when the name ends in {@code .jks}.
     *
     * @param password the store's password; null for a store without one
     */
    public static Ssl truststore(Path path, @Nullable String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ssl.truststore.location", path.toAbsolutePath().toString());
        p.put("ssl.truststore.type", storeType(path));
        if (password != null) {
            p.put("ssl.truststore.password", new Password(password));
        }
        return new Ssl(p);
    }

    /** Trust the PEM certificates given ({@code -----BEGIN CERTIFICATE-----...}), Faust's {@code cadata}. */
    public static Ssl pem(String caCertificates) {
        return new Ssl(Map.of("ssl.truststore.type", "PEM",
                "ssl.truststore.certificates", new Password(Objects.requireNonNull(caCertificates, "caCertificates"))));
    }

    /**
     * The client's key and certificate (mutual TLS) from a key store file: PKCS12, or JKS when named {@code .jks}.
     *
     * @param keyPassword the key's password; null when it is the store's
     */
    public Ssl withKeystore(Path path, String storePassword, @Nullable String keyPassword) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ssl.keystore.location", path.toAbsolutePath().toString());
        p.put("ssl.keystore.type", storeType(path));
        p.put("ssl.keystore.password", new Password(Objects.requireNonNull(storePassword, "storePassword")));
        p.put("ssl.key.password", new Password(keyPassword != null ? keyPassword : storePassword));
        return with(p);
    }

    /**
     * The client's key and certificate chain in PEM (mutual TLS).
     *
     * @param keyPassword the password of an encrypted private key; null for an unencrypted one
     */
    public Ssl withPemKey(String certificateChain, String privateKey, @Nullable String keyPassword) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ssl.keystore.type", "PEM");
        p.put("ssl.keystore.certificate.chain", new Password(Objects.requireNonNull(certificateChain, "chain")));
        p.put("ssl.keystore.key", new Password(Objects.requireNonNull(privateKey, "privateKey")));
        if (keyPassword != null) {
            p.put("ssl.key.password", new Password(keyPassword));
        }
        return with(p);
    }

    /** Do not check that the broker's certificate names its host (Faust's {@code check_hostname=False}). */
    public Ssl withoutHostnameVerification() {
        return with(Map.of("ssl.endpoint.identification.algorithm", ""));
    }

    /** The client properties ({@code ssl.*}). */
    Map<String, Object> properties() {
        return props;
    }

    private static String storeType(Path path) {
        return path.getFileName().toString().toLowerCase().endsWith(".jks") ? "JKS" : "PKCS12";
    }

    @Override
    public String toString() {
        return "Ssl" + Secrets.toString(props);
    }
}
