package io.jfaust.worker.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions read from the jars: jfaust's from {@code io/jfaust/worker/text/version.properties} (written by the build), Kafka
 * Streams' from the {@code kafka/kafka-streams-version.properties} its jar carries.
 */
public final class Versions {
    private static final String JFAUST = load(Versions.class, "version.properties", "jfaust.version");
    private static final String KAFKA_STREAMS = load(org.apache.kafka.streams.KafkaStreams.class,
            "/kafka/kafka-streams-version.properties", "version");

    private Versions() {}

    public static String jfaust() {
        return JFAUST;
    }

    public static String kafkaStreams() {
        return KAFKA_STREAMS;
    }

    private static String load(Class<?> from, String resource, String key) {
        try (InputStream in = from.getResourceAsStream(resource)) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
