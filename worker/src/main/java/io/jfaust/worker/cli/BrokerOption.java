package io.jfaust.worker.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Faust's {@code -b/--broker}, shared by every verb that talks to Kafka (a picocli mixin): the broker URLs that
 * override the app's {@code broker} setting, or null for the app's.
 *
 * <pre>{@code
 * @Mixin BrokerOption broker;       // in a verb
 * ClientConfigs.of(app, broker.urls).admin();
 * }</pre>
 */
public final class BrokerOption {
    @Option(names = {"-b", "--broker"},
            description = "Broker URL(s), overriding the app's: kafka://host:port, several joined by ';'.")
    @Nullable String urls;
}
