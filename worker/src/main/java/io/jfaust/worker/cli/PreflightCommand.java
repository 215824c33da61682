package io.jfaust.worker.cli;

import io.jfaust.App;
import io.jfaust.worker.Preflight;
import io.jfaust.worker.Worker;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code preflight} verb (alias {@code takeover-check}): prints the {@link Preflight} of the app against the
 * cluster and exits with its code (0 go, 3 broker unreachable, 4 a topic does not fit, 6 members of another
 * protocol in the group). Read-only: safe to run while Faust workers still run.
 */
@Command(name = "preflight", aliases = "takeover-check", mixinStandardHelpOptions = true,
        description = "Check, read-only, the app's topics, consumer group and committed offsets against the cluster "
                + "before a worker starts (or takes over from Faust): prints a go/no-go table. Exit codes: 0 go, "
                + "3 broker unreachable, 4 a topic does not fit, 5 the app is misdeclared or Kafka refused its "
                + "credentials, 6 members of another "
                + "protocol (Faust workers) in the group.")
public final class PreflightCommand implements Callable<Integer> {
    private final App app;

    @Mixin
    BrokerOption broker = new BrokerOption();

    @Option(names = "--startup-timeout", defaultValue = "15",
            description = "Seconds to wait for the broker before giving up (default: ${DEFAULT-VALUE}).")
    int timeout;

    public PreflightCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        try (Worker worker = Worker.create(app, o -> {
            o.startupTimeout(Duration.ofSeconds(timeout));
            if (broker.urls != null) {
                o.broker(broker.urls);
            }
        })) {
            Preflight check = worker.preflight();
            System.out.println(check.report());
            return check.exitCode();
        }
    }
}
