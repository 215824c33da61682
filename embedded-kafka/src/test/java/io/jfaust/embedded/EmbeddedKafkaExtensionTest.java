package io.jfaust.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One broker per test class: running before {@code @BeforeAll}, shared by the tests, given as a parameter too. */
class EmbeddedKafkaExtensionTest {
    @RegisterExtension
    static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.create().autoCreateTopics(false);

    private static String urlSeenBeforeAll;

    @BeforeAll
    static void topics(EmbeddedKafka broker) {
        urlSeenBeforeAll = kafka.brokerUrl();
        assertThat(broker.brokerUrl()).isEqualTo(urlSeenBeforeAll);
        kafka.createTopic("shared", 3);
    }

    @Test
    void theBrokerIsUpBeforeAllAndTheSameForEveryTest() throws Exception {
        assertThat(kafka.brokerUrl()).isEqualTo(urlSeenBeforeAll).startsWith("kafka://127.0.0.1:");
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("shared");
            assertThat(admin.describeTopics(Set.of("shared")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("shared").partitions()).hasSize(3);
        }
    }

    @Test
    void anExtensionNotYetStartedSaysHowToRegisterIt() {
        assertThatThrownBy(() -> EmbeddedKafkaExtension.create().kafka()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@RegisterExtension static final EmbeddedKafkaExtension");
    }

    /** A @Nested class inherits the extension: it shares the outer class's broker, and leaving it stops nothing. */
    @Nested
    class Nested1 {
        @Test
        void sharesTheOuterBroker() {
            assertThat(kafka.brokerUrl()).isEqualTo(urlSeenBeforeAll);
        }
    }

    @Nested
    class Nested2 {
        @Test
        void stillHasItAfterAnotherNestedClassEnded() {
            assertThat(kafka.brokerUrl()).isEqualTo(urlSeenBeforeAll);
        }
    }
}
