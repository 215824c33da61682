package io.jfaust.worker.cli;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.runtime.Engine;
import io.jfaust.serdes.Field;
import io.jfaust.serdes.RecordSchema;
import io.jfaust.worker.admin.TopicDeclarer;
import io.jfaust.worker.text.CliTable;
import io.jfaust.worker.text.PyRepr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Faust's listing verbs: {@code agents}, {@code tables}, {@code topics}, {@code models}, {@code model NAME}, each
 * printing Faust's table ({@link CliTable}), or JSON with {@code --json}. They read the app's declarations only
 * and need no broker.
 */
public final class ListVerbs {
    /** Faust's {@code DEFAULT_TABLE_HELP}. */
    public static final String DEFAULT_TABLE_HELP = "Missing description: use Table(.., help=\"str\")";

    private ListVerbs() {}

    /** What every listing verb shares: the app, {@code --json} (here or before the verb), the output. */
    public abstract static class Listing implements Callable<Integer> {
        final App app;

        @ParentCommand
        FaustCommandLine.@Nullable Root root;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        Listing(App app) {
            this.app = app;
        }

        boolean json() {
            return json || root != null && root.json;
        }

        int print(String title, List<String> headers, List<List<String>> rows) {
            spec.commandLine().getOut().println(CliTable.render(title, headers, rows, json()));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "agents", mixinStandardHelpOptions = true, description = "List agents.")
    public static final class Agents extends Listing {
        Agents(App app) {
            super(app);
        }

        @Override
        public Integer call() {
            List<List<String>> rows = new ArrayList<>();
            app.agents().stream().sorted(Comparator.comparing(Agent::name)).forEach(a -> rows.add(List.of(
                    "@" + a.name(), a.channel().name(), a.help() != null ? a.help() : "<N/A>")));
            return print("Agents", List.of("name", "topic", "help"), rows);
        }
    }

    @Command(name = "tables", mixinStandardHelpOptions = true, description = "List available tables.")
    public static final class Tables extends Listing {
        Tables(App app) {
            super(app);
        }

        @Override
        public Integer call() {
            List<List<String>> rows = new ArrayList<>();
            app.tables().forEach(t -> rows.add(List.of(t.name(), t.help() != null ? t.help() : DEFAULT_TABLE_HELP)));
            app.globalTables().forEach(g -> rows.add(List.of(g.name(),
                    g.help() != null ? g.help() : DEFAULT_TABLE_HELP)));
            return print("Tables", List.of("name", "help"), rows);
        }
    }

    @Command(name = "topics", mixinStandardHelpOptions = true,
            description = "List the topics a worker declares (creates when missing): declared topics and changelogs.")
    public static final class Topics extends Listing {
        Topics(App app) {
            super(app);
        }

        @Override
        public Integer call() {
            Engine.get().freeze(app);
            List<List<String>> rows = new ArrayList<>();
            for (TopicDeclarer.Wanted w : TopicDeclarer.wanted(app, Map.of()).values()) {
                StringBuilder config = new StringBuilder();
                w.configs().forEach((k, v) -> config.append(config.length() == 0 ? "" : ", ").append(k).append('=')
                        .append(v));
                rows.add(List.of(w.name(), Integer.toString(w.partitions()), Integer.toString(w.replicas()),
                        config.length() == 0 ? "<N/A>" : config.toString()));
            }
            return print("Topics", List.of("name", "partitions", "replicas", "config"), rows);
        }
    }

    @Command(name = "models", mixinStandardHelpOptions = true, description = "List all available models.")
    public static final class Models extends Listing {
        @Option(names = "--builtins", description = "Include Faust's own models (namespaces starting with @).")
        boolean builtins;

        Models(App app) {
            super(app);
        }

        @Override
        public Integer call() {
            Engine.get().freeze(app);
            List<List<String>> rows = new ArrayList<>();
            for (String ns : new TreeSet<>(app.serializers().records().namespaces())) {
                if (builtins || !ns.startsWith("@")) {
                    rows.add(List.of(ns, "<N/A>"));
                }
            }
            return print("Models", List.of("name", "help"), rows);
        }
    }

    @Command(name = "model", mixinStandardHelpOptions = true, description = "Show model detail.")
    public static final class Model extends Listing {
        @Parameters(index = "0", paramLabel = "NAME", description = "The model's namespace.")
        String name;

        Model(App app) {
            super(app);
        }

        @Override
        public Integer call() {
            Engine.get().freeze(app);
            RecordSchema<?> schema = app.serializers().records().lookup(name);
            if (schema == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "No model '" + name + "'. "
                        + "Please run \"" + app.id() + " models\" for a list.");
            }
            List<List<String>> rows = new ArrayList<>();
            for (Field f : schema.fields()) {
                rows.add(List.of(f.name(), PyRepr.type(f.type()), f.required() ? "*" : PyRepr.value(f.defaultValue())));
            }
            return print(schema.namespace(), List.of("field", "type", "default"), rows);
        }
    }
}
