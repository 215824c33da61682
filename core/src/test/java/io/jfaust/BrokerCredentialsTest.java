package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.runtime.ClientConfigs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/** Faust's broker_credentials shapes become the client properties of every client, and no secret is ever printed. */
class BrokerCredentialsTest {
    private static final String SECRET = "s3cr3t-\"quoted\"";

    private static String value(Map<String, Object> props, String key) {
        Object v = props.get(key);
        return v instanceof Password p ? p.value() : String.valueOf(v);
    }

    @Test
    void saslPlainAndScramBecomeJaasConfigsHeldAsPasswords() {
        Map<String, Object> plain = BrokerCredentials.sasl("alice", SECRET).clientProperties();
        assertThat(plain).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
        assertThat(plain.get("sasl.jaas.config")).isInstanceOf(Password.class);
        assertThat(value(plain, "sasl.jaas.config")).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required username=\"alice\" password=\"s3cr3t-\\\"quoted\\\"\";");
        Map<String, Object> scram = BrokerCredentials.sasl("bob", "pw", "SCRAM-SHA-512")
                .withSsl(Ssl.truststore(Path.of("/etc/t.jks"), "trust-pw")).clientProperties();
        assertThat(scram).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism",
                "SCRAM-SHA-512").containsEntry("ssl.truststore.type", "JKS")
                .containsEntry("ssl.truststore.location", "/etc/t.jks");
        assertThat(value(scram, "sasl.jaas.config")).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(value(scram, "ssl.truststore.password")).isEqualTo("trust-pw");
        assertThatThrownBy(() -> BrokerCredentials.sasl("a", "b", "SCRAM-SHA-1"))
                .hasMessageContaining("PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, got 'SCRAM-SHA-1'");
    }

    @Test
    void gssapiAndSslShapes() {
        Map<String, Object> krb = BrokerCredentials.gssapi("kafka").withKeytab("svc@EXAMPLE.COM",
                Path.of("/etc/svc.keytab")).clientProperties();
        assertThat(krb).containsEntry("sasl.mechanism", "GSSAPI").containsEntry("sasl.kerberos.service.name", "kafka");
        assertThat(value(krb, "sasl.jaas.config")).contains("useKeyTab=true", "keyTab=\"/etc/svc.keytab\"",
                "principal=\"svc@EXAMPLE.COM\"");
        assertThatThrownBy(() -> BrokerCredentials.sasl("a", "b").withKeytab("p", Path.of("k")))
                .hasMessageContaining("gssapi");
        Map<String, Object> mtls = BrokerCredentials.ssl(Ssl.pem("CA-PEM").withPemKey("CHAIN", "KEY-PEM", null)
                .withoutHostnameVerification()).clientProperties();
        assertThat(mtls).containsEntry("security.protocol", "SSL").containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.endpoint.identification.algorithm", "");
        assertThat(value(mtls, "ssl.keystore.key")).isEqualTo("KEY-PEM");
        assertThat(mtls.get("ssl.keystore.key")).isInstanceOf(Password.class);
    }

    @Test
    void theCredentialsReachKafkaStreamsAndEveryClientJfaustCreates() {
        App app = App.create("secure", c -> c.broker("kafka://b1:9093").brokerCredentials(
                BrokerCredentials.sasl("alice", SECRET, "SCRAM-SHA-256")
                        .withProperty("sasl.login.retry.backoff.ms", 500)));
        Properties streams = app.streamsConfig();
        assertThat(streams).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256").containsEntry("sasl.login.retry.backoff.ms", 500);
        ClientConfigs clients = ClientConfigs.of(streams);
        for (Map<String, Object> client : java.util.List.of(clients.admin(), clients.producer(),
                clients.consumer("g"))) {
            assertThat(client).containsEntry("bootstrap.servers", "b1:9093")
                    .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-256");
            assertThat(value(client, "sasl.jaas.config")).contains("username=\"alice\"");
        }
        assertThat(clients.producer()).containsEntry("acks", "all");
        // Settings passed through as streams properties (the workaround) reach jfaust's clients too.
        App raw = App.create("raw", c -> c.streamsProperty("security.protocol", "SSL")
                .streamsProperty("producer.ssl.truststore.password", "x"));
        assertThat(ClientConfigs.of(raw.streamsConfig()).producer()).containsEntry("security.protocol", "SSL")
                .containsKey("ssl.truststore.password");
        assertThat(ClientConfigs.of(raw.streamsConfig()).admin()).containsEntry("security.protocol", "SSL")
                .doesNotContainKey("ssl.truststore.password");
    }

    @Test
    void noSecretAppearsInToStringOfCredentialsSslOrSettings() {
        BrokerCredentials creds = BrokerCredentials.sasl("alice", SECRET, "SCRAM-SHA-512")
                .withSsl(Ssl.truststore(Path.of("t.p12"), "trust-" + SECRET)
                        .withKeystore(Path.of("k.p12"), "store-" + SECRET, "key-" + SECRET))
                .withProperty("sasl.oauthbearer.client.credentials.client.secret", "oauth-" + SECRET);
        App app = App.create("secure", c -> c.brokerCredentials(creds)
                .streamsProperty("sasl.jaas.config", "x password=\"raw-" + SECRET + "\";")
                .streamsProperty("my.token.secret", "tok-" + SECRET));
        String printed = creds + " " + app.settings() + " " + Secrets.toString(ClientConfigs.of(app.streamsConfig())
                .producer());
        // Kafka's password-typed settings travel as Passwords: even a raw print of a client's config shows none.
        // (A property Kafka does not know, such as my.token.secret, is passed on as given.)
        App known = App.create("secure", c -> c.brokerCredentials(creds)
                .streamsProperty("sasl.jaas.config", "x password=\"raw-" + SECRET + "\";"));
        assertThat(ClientConfigs.of(known.streamsConfig()).admin().toString()).doesNotContain("s3cr3t");
        assertThat(printed).doesNotContain("s3cr3t").contains("alice", "SCRAM-SHA-512", "[hidden]");
        assertThat(creds.toString()).isEqualTo("BrokerCredentials[SASL_SSL, sasl(SCRAM-SHA-512, username=alice, "
                + "password=[hidden]), Ssl{ssl.truststore.location=" + Path.of("t.p12").toAbsolutePath()
                + ", ssl.truststore.type=PKCS12, ssl.truststore.password=[hidden], ssl.keystore.location="
                + Path.of("k.p12").toAbsolutePath() + ", ssl.keystore.type=PKCS12, ssl.keystore.password=[hidden], "
                + "ssl.key.password=[hidden]}, {sasl.oauthbearer.client.credentials.client.secret=[hidden]}]");
    }

    @Test
    void aBrokerUrlHoldingCredentialsIsRefusedWithoutPrintingThemAndNamesBrokerCredentials() {
        for (String url : List.of("kafka://alice:" + SECRET + "@broker-1:9093", "alice:" + SECRET + "@broker-1:9093",
                "kafka://ok:9092;kafka://alice:" + SECRET + "@broker-1:9093", "kafka://alice@broker-1:9093")) {
            assertThatThrownBy(() -> App.create("creds", c -> c.broker(url)), url)
                    .isInstanceOf(ImproperlyConfigured.class)
                    .hasMessageContaining("broker-1:9093")
                    .hasMessageContaining("conf.brokerCredentials(BrokerCredentials.sasl(user, password))")
                    .hasMessageNotContaining("s3cr3t").hasMessageNotContaining("alice");
        }
        App app = App.create("creds", c -> c.broker("kafka://broker-1:9093"));
        // --broker of a verb, a worker's broker(...): the same parser.
        assertThatThrownBy(() -> ClientConfigs.of(app, "kafka://alice:" + SECRET + "@broker-1:9093"))
                .isInstanceOf(ImproperlyConfigured.class).hasMessageNotContaining("s3cr3t");
        assertThat(ClientConfigs.of(app, "kafka://b2;b3:9094").admin()).containsEntry("bootstrap.servers",
                "b2:9092,b3:9094");
    }
}
