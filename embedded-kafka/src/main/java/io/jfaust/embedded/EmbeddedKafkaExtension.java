package io.jfaust.embedded;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link EmbeddedKafka} broker for a test class, before its {@code @BeforeAll}
 * methods, and stops it after its {@code @AfterAll} methods: every test of the class shares it (give each test its
 * own topics and app ids). Test methods and lifecycle methods may also take the broker as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);
 * // in a test: App app = App.create("it", conf -> conf.broker(kafka.brokerUrl()));
 * }</pre>
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final boolean autoCreateTopics;
    private final Map<String, String> brokerProperties;
    private volatile EmbeddedKafka kafka;
    /** The class whose lifetime the broker has: @Nested classes inherit the extension and share its broker. */
    private volatile String owner;

    private EmbeddedKafkaExtension(boolean autoCreateTopics, Map<String, String> brokerProperties) {
        this.autoCreateTopics = autoCreateTopics;
        this.brokerProperties = Map.copyOf(brokerProperties);
    }

    /** A broker with the broker's defaults (topics are created on first use). */
    public static EmbeddedKafkaExtension create() {
        return new EmbeddedKafkaExtension(true, Map.of());
    }

    /** A copy with {@code auto.create.topics.enable} as given ({@code false}: as production brokers run). */
    public EmbeddedKafkaExtension autoCreateTopics(boolean enabled) {
        return new EmbeddedKafkaExtension(enabled, brokerProperties);
    }

    /** A copy with {@code properties} over the broker's defaults (e.g. {@code log.retention.check.interval.ms}). */
    public EmbeddedKafkaExtension brokerProperties(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(brokerProperties);
        all.putAll(Objects.requireNonNull(properties, "properties"));
        return new EmbeddedKafkaExtension(autoCreateTopics, all);
    }

    /**
     * The running broker.
     *
     * @throws IllegalStateException outside the test class's lifetime (the extension was not registered static)
     */
    public EmbeddedKafka kafka() {
        EmbeddedKafka k = kafka;
        if (k == null) {
            throw new IllegalStateException("the embedded broker is not running: register the extension on a static "
                    + "field (@RegisterExtension static final EmbeddedKafkaExtension ...), so that it starts "
                    + "before @BeforeAll");
        }
        return k;
    }

    /** The running broker's {@code host:port} ({@link EmbeddedKafka#bootstrapServers()}). */
    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** The running broker as a Faust broker URL, {@code kafka://host:port} ({@link EmbeddedKafka#brokerUrl()}). */
    public String brokerUrl() {
        return kafka().brokerUrl();
    }

    /** Creates a topic on the running broker and waits for its leaders ({@link EmbeddedKafka#createTopic}). */
    public void createTopic(String name, int partitions) {
        kafka().createTopic(name, partitions);
    }

    /** An admin client of the running broker, to close after use ({@link EmbeddedKafka#admin()}). */
    public org.apache.kafka.clients.admin.Admin admin() {
        return kafka().admin();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(false, autoCreateTopics, brokerProperties);
            owner = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        EmbeddedKafka k = kafka;
        if (k != null && context.getUniqueId().equals(owner)) {
            kafka = null;
            owner = null;
            k.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return kafka();
    }
}
