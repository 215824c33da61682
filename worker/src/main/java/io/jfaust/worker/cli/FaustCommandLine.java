package io.jfaust.worker.cli;

import io.jfaust.App;
import io.jfaust.ImproperlyConfigured;
import io.jfaust.WorkerException;
import io.jfaust.worker.Worker;
import io.jfaust.worker.text.Versions;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Faust's command line for an app ({@code app.main()}): the {@code worker} verb and its options, via picocli. */
public final class FaustCommandLine {
    private FaustCommandLine() {}

    public static int run(App app, String... args) {
        CommandLine cli = new CommandLine(new Root(app));
        cli.setCommandName(app.id());
        cli.addSubcommand("worker", new WorkerCommand(app));
        cli.addSubcommand("send", new SendVerb(app));
        cli.addSubcommand("agents", new ListVerbs.Agents(app));
        cli.addSubcommand("tables", new ListVerbs.Tables(app));
        cli.addSubcommand("topics", new ListVerbs.Topics(app));
        cli.addSubcommand("models", new ListVerbs.Models(app));
        cli.addSubcommand("model", new ListVerbs.Model(app));
        cli.addSubcommand("reset", new ResetVerb(app));
        cli.addSubcommand("preflight", new PreflightCommand(app));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof WorkerException we) {
                cmd.getErr().println("error: " + we.getMessage());
                return we.exitCode();
            }
            if (e instanceof ImproperlyConfigured ic) {
                cmd.getErr().println("error: " + ic.getMessage());
                return WorkerException.IMPROPERLY_CONFIGURED;
            }
            cmd.getErr().println("error: " + e);
            return WorkerException.FAILED;
        });
        return cli.execute(args);
    }

    /** How {@code app.main(args)} finds this command line ({@link java.util.ServiceLoader}). */
    public static final class Provider implements io.jfaust.runtime.CommandLine {
        @Override
        public int run(App app, String... args) {
            return FaustCommandLine.run(app, args);
        }
    }

    /** The version {@code --version} prints, read from the jar's build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"jfaust " + Versions.jfaust()};
        }
    }

    @Command(mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "A Faust app on Kafka Streams. Verbs: worker, send, agents, tables, topics, models, model, "
                    + "reset, preflight.")
    public static final class Root implements Callable<Integer> {
        private final App app;

        @Option(names = "--json", scope = CommandLine.ScopeType.LOCAL,
                description = "Print JSON instead of tables (Faust's --json, before the verb).")
        boolean json;

        Root(App app) {
            this.app = app;
        }

        @Override
        public Integer call() {
            CommandLine.usage(this, System.out);
            return 0;
        }
    }

    @Command(name = "worker", mixinStandardHelpOptions = true,
            description = "Start a worker: create the app's internal topics and process its agents until stopped.")
    public static final class WorkerCommand implements Callable<Integer> {
        private final App app;

        @Spec
        CommandSpec spec;

        @Mixin
        BrokerOption broker = new BrokerOption();

        @Option(names = {"-l", "--loglevel"}, description = "Log level: CRIT, ERROR, WARN, INFO or DEBUG. The logging "
                + "backend's configuration decides what is printed: the banner shows its level, and the worker warns "
                + "when it is not this one.")
        @Nullable String loglevel;

        @Option(names = {"-D", "--datadir"}, description = "Directory for table state (default: the app's datadir "
                + "setting, <name>-data, in the working directory). Tables in RocksDB live in <datadir>/<id>.")
        @Nullable String datadir;

        @Option(names = "--startup-timeout", defaultValue = "15",
                description = "Seconds to wait for the broker before giving up (default: ${DEFAULT-VALUE}).")
        int startupTimeout;

        @Option(names = "--foreign-member-timeout", defaultValue = "75",
                description = "Seconds to wait for members of another protocol (Faust workers, or a crashed one) to "
                        + "leave the group before exiting with code 6 (default: ${DEFAULT-VALUE}).")
        int foreignMemberTimeout;

        @Option(names = {"-p", "--web-port"}, defaultValue = "6066",
                description = "Port of the web server (default: ${DEFAULT-VALUE}; 0 picks a free one).")
        int webPort;

        @Option(names = "--web-bind", defaultValue = "127.0.0.1",
                description = "Address the web server listens on (default: ${DEFAULT-VALUE}, this machine only; "
                        + "0.0.0.0 for every interface).")
        String webBind;

        @Option(names = "--web-host", description = "Host name other workers reach this one by (default: the bind "
                + "address, or the host name when bound to all).")
        @Nullable String webHost;

        @Option(names = "--with-web", description = "Serve Faust's web routes, pages, /health/, /ready/ and "
                + "/metrics (the default).")
        boolean withWeb;

        @Option(names = "--without-web", description = "Do not start the web server.")
        boolean withoutWeb;

        WorkerCommand(App app) {
            this.app = app;
        }

        @Override
        public Integer call() throws Exception {
            Worker worker;
            try {
                worker = worker();
            } catch (IllegalArgumentException badOption) {   // --loglevel, --web-port: a usage error (exit 2)
                throw new CommandLine.ParameterException(spec.commandLine(), badOption.getMessage(), badOption);
            }
            Thread hook = new Thread(worker::close, "jfaust-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try (Signals.Installed term = Signals.onTerm(worker::close)) {
                worker.start();
                worker.awaitStopped();
                if (worker.failure() != null) {
                    System.err.println("error: " + worker.failure().getMessage());
                    return worker.failure() instanceof WorkerException we ? we.exitCode() : WorkerException.FAILED;
                }
                return 0;
            } finally {
                worker.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already running its hooks (Ctrl-C): ours is among them
                }
            }
        }

        private Worker worker() {
            return Worker.create(app, o -> {
                o.startupTimeout(java.time.Duration.ofSeconds(startupTimeout));
                o.foreignMemberTimeout(java.time.Duration.ofSeconds(foreignMemberTimeout));
                if (loglevel != null) {
                    o.loglevel(loglevel);
                }
                if (broker.urls != null) {
                    o.broker(broker.urls);
                }
                if (datadir != null) {
                    o.datadir(datadir);
                }
                if (!withoutWeb) {
                    o.webPort(webPort).webBind(webBind);
                    if (webHost != null) {
                        o.webHost(webHost);
                    }
                }
            });
        }
    }
}
