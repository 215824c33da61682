package io.jfaust;

import org.apache.kafka.streams.errors.TopologyException;

/**
 * A declaration of the app is wrong: Faust's {@code ImproperlyConfigured}, and a Kafka Streams
 * {@link TopologyException} since it is raised while the app is declared or compiled into its topology, never
 * while records flow. The message names what is wrong and what to change: an unknown codec, a topic declared twice
 * with different options, a name used twice, two record classes claiming one namespace, a table or sink of another
 * app, an agent option Kafka Streams cannot honour.
 *
 * <pre>{@code
 * App app = App.create("shop", conf -> conf.valueSerializer("jsno"));
 * app.topology();   // ImproperlyConfigured: value_serializer: unknown codec 'jsno' ... known: binary, json, raw, yaml
 * }</pre>
 */
public final class ImproperlyConfigured extends TopologyException {
    private static final long serialVersionUID = 1L;

    ImproperlyConfigured(String message) {
        super(message);
    }

    ImproperlyConfigured(String message, Throwable cause) {
        super(message, cause);
    }
}
