package io.jfaust;

import io.jfaust.internal.ErrorHandlers;
import io.jfaust.runtime.AgentResult;
import io.jfaust.runtime.EngineHolder;
import io.jfaust.runtime.WebPaths;
import io.jfaust.serdes.Codecs;
import io.jfaust.serdes.DataType;
import io.jfaust.serdes.RecordRegistry;
import io.jfaust.serdes.Schema;
import io.jfaust.serdes.Serializers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.UsePartitionTimeOnInvalidTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * A Faust app ({@code faust.App(id, **settings)}): it declares topics, agents and tables, and compiles them into a
 * Kafka Streams {@link Topology} whose every topic, changelog and repartition topic carries Faust's names and bytes.
 * {@link #topology()} gives the topology and {@link #streamsConfig()} its properties; {@link #addTo(Topology)} adds
 * the app to a topology of your own, and {@link #attach} binds it to the {@code KafkaStreams} that runs it.
 *
 * <p>An app is a declaration only: it holds no running state. It is checked and frozen the first time it is compiled
 * (every codec, serializer, table, sink and record namespace resolved; a mistake is an {@link ImproperlyConfigured}
 * naming the fix), and can then be run by any number of runtimes at once: a {@code Worker}, test drivers, an
 * attached {@code KafkaStreams} ({@link RunningApp}).
 *
 * <pre>{@code
 * App app = App.create("faustlab", conf -> conf.broker("kafka://localhost:9092").topicPartitions(4));
 * Topic<String, Purchase> purchases = app.topic("purchases", String.class, Purchase.class);
 * app.agent("purchases_app.convert", purchases, stream -> stream.forEach(p -> System.out.println(p)));
 * }</pre>
 */
public final class App {
    static {
        EngineHolder.install(new EngineBridge());   // the runtime SPI's door into the engine
    }

    private final Settings settings;
    private final Serializers serializers;
    private final Map<String, Topic<?, ?>> topics = new LinkedHashMap<>();
    private final List<Agent<?, ?>> agents = new ArrayList<>();
    private final Map<String, Table<?, ?>> tables = new LinkedHashMap<>();
    private final Map<String, GlobalTable<?, ?>> globalTables = new LinkedHashMap<>();
    private final Map<String, SetTable<?, ?>> setTables = new LinkedHashMap<>();
    private final Services services = new Services();
    private final Map<String, io.jfaust.web.Page> pages = new LinkedHashMap<>();
    private volatile boolean built;

    private App(Settings settings) {
        this.settings = settings;
        Codecs codecs = Codecs.newRegistry(settings.jsonFlavor());
        settings.codecs().forEach(codecs::add);
        this.serializers = Serializers.of(settings.keySerializer(), settings.valueSerializer(), codecs,
                RecordRegistry.create());
    }

    /** An app with Faust's default settings. */
    public static App create(String id) {
        return create(id, conf -> { });
    }

    /** An app configured by {@code conf} (Javalin-style: {@code conf -> conf.broker(...).topicPartitions(4)}). */
    public static App create(String id, Consumer<Settings.Builder> conf) {
        Settings.Builder b = Settings.builder(id);
        conf.accept(b);
        return new App(b.build());
    }

    /** Faust's {@code conf.id}: the name, suffixed {@code -v<version>} above version 1. */
    public String id() {
        return settings.id();
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The app's serializer registry (its default codecs and JSON flavour). */
    public Serializers serializers() {
        return serializers;
    }

    /** Declares a topic ({@code app.topic(name, key_type=..., value_type=...)}); {@code Object.class} is untyped. */
    public <K, V> Topic<K, V> topic(String name, Class<K> keyType, Class<V> valueType) {
        return topic(name, keyType, valueType, o -> { });
    }

    /** Declares a topic with Faust's topic options. */
    public <K, V> Topic<K, V> topic(String name, Class<K> keyType, Class<V> valueType,
                                    Consumer<Topic.Options> options) {
        return topic(name, DataType.of(keyType), DataType.of(valueType), options);
    }

    /** Declares a topic with key and value types given as {@link DataType}s (generic records, say). */
    public <K, V> Topic<K, V> topic(String name, DataType<K> keyType, DataType<V> valueType,
                                    Consumer<Topic.Options> options) {
        checkNotBuilt("declare topic " + name);
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("a topic needs a name");
        }
        Topic.Options o = new Topic.Options();
        options.accept(o);
        o.freeze("topic " + name);
        Schema<K, V> schema = Schema.of(keyType, valueType).withKeySerializer(o.keySerializer())
                .withValueSerializer(o.valueSerializer()).withAllowEmpty(o.allowEmpty());
        return declareTopic(new Topic<>(this, name, schema, o));
    }

    /** Faust returns the same topic for the same declaration; a different one under the same name is a mistake. */
    @SuppressWarnings("unchecked")
    private synchronized <K, V> Topic<K, V> declareTopic(Topic<K, V> topic) {
        Topic<?, ?> earlier = topics.get(topic.name());
        if (earlier == null) {
            topics.put(topic.name(), topic);
            return topic;
        }
        String difference = Declarations.difference(earlier, topic);
        if (difference != null) {
            throw new ImproperlyConfigured("topic " + topic.name() + " is declared twice with different " + difference
                    + ": declare it once and use that Topic everywhere (or give the second one another name)");
        }
        return (Topic<K, V>) earlier;
    }

    /**
     * Declares an agent on {@code channel}: {@code fn} describes its stream now, and runs for every event later.
     * Keep Faust's agent name ({@code module.function}): it prefixes the agent's repartition topics.
     */
    public <K, V> Agent<K, V> agent(String name, Topic<K, V> channel, AgentFunction<K, V> fn) {
        return agent(name, channel, fn, o -> { });
    }

    /** Declares an agent with options (sinks, tables). */
    public <K, V> Agent<K, V> agent(String name, Topic<K, V> channel, AgentFunction<K, V> fn,
                                    Consumer<Agent.Options> options) {
        checkNotBuilt("declare agent " + name);
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("an agent needs a name (Faust's module.function, e.g. "
                    + "\"purchases_app.convert\"): it prefixes its repartition topics");
        }
        Objects.requireNonNull(channel, "channel of agent " + name);
        Objects.requireNonNull(fn, "function of agent " + name);
        if (channel.app() != this) {
            throw new ImproperlyConfigured("agent " + name + " reads topic " + channel.name() + " of app "
                    + channel.app().id() + ": declare the topic on this app (" + id() + ")");
        }
        for (Agent<?, ?> a : agents) {
            if (a.name().equals(name)) {
                throw new ImproperlyConfigured("agent name " + name + " is used twice: give each agent its own "
                        + "Faust name (module.function)");
            }
        }
        Agent.Options o = new Agent.Options();
        options.accept(o);
        o.freeze("agent " + name);
        Agent<K, V> agent = new Agent<>(this, name, channel, o);
        fn.process(new Stream<>(agent, channel, List.of(), false));
        if (agent.pipelines().isEmpty()) {
            throw new ImproperlyConfigured("agent " + name + " describes no processing: end its stream with "
                    + "forEach(...), forEachItem(...), forEachEvent(...) or yieldEach()");
        }
        if (!o.sinks().isEmpty() && agent.pipelines().stream().noneMatch(p -> p.get(p.size() - 1) instanceof Op.Yield)) {
            throw new ImproperlyConfigured("agent " + name + " has sinks but never yields: end its stream with "
                    + "yieldEach() (Faust: \"Agent must yield to use sinks\")");
        }
        agents.add(agent);
        return agent;
    }

    /** Declares an agent with no channel: it reads its own internal topic {@code "<app_id>-<name>"}. */
    public <K, V> Agent<K, V> agent(String name, Class<K> keyType, Class<V> valueType, AgentFunction<K, V> fn) {
        Topic<K, V> channel = topic(id() + "-" + name, keyType, valueType, t -> t.internal(true).hasPrefix(true));
        return agent(name, channel, fn);
    }

    /** Declares a table with no default ({@code app.Table(name)}): a missing key reads as null. */
    public <K, V> Table<K, V> table(String name, Class<K> keyType, Class<V> valueType) {
        return table(name, DataType.of(keyType), DataType.of(valueType), t -> { });
    }

    /** Declares a table ({@code app.Table(name, default=int)}): a missing key reads as {@code defaultValue.get()}. */
    public <K, V> Table<K, V> table(String name, Class<K> keyType, Class<V> valueType, Supplier<V> defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue (use table(name, keyType, valueType) for none)");
        return table(name, DataType.of(keyType), DataType.of(valueType), t -> t.defaultValue(defaultValue));
    }

    /** Declares a table with options ({@code t -> t.defaultValue(() -> 0L)}). */
    public <K, V> Table<K, V> table(String name, Class<K> keyType, Class<V> valueType,
                                    Consumer<Table.Options<V>> options) {
        return table(name, DataType.of(keyType), DataType.of(valueType), options);
    }

    /** Declares a table with types given as {@link DataType}s. */
    public <K, V> Table<K, V> table(String name, DataType<K> keyType, DataType<V> valueType,
                                    Consumer<Table.Options<V>> options) {
        checkNotBuilt("declare table " + name);
        Table.Options<V> o = new Table.Options<>();
        options.accept(o);
        if (o.window() != null) {
            throw new ImproperlyConfigured("table " + name + " has a window (" + o.window() + "): declare it with "
                    + "app.windowedTable(name, keyType, valueType, options), which returns the WindowedTable");
        }
        return declareTable(name, keyType, valueType, o);
    }

    /**
     * Declares a windowed table in one go, the window given as an option as Faust's {@code window=} does
     * ({@code app.windowedTable("views", String.class, Long.class, t -> t.defaultValue(() -> 0L)
     * .tumbling(Duration.ofMinutes(1), Duration.ofHours(1)))}): no plain {@link Table} handle exists for it.
     *
     * @throws ImproperlyConfigured when the options give no window, or as {@link #table}
     */
    public <K, V> WindowedTable<K, V> windowedTable(String name, Class<K> keyType, Class<V> valueType,
                                                    Consumer<Table.Options<V>> options) {
        checkNotBuilt("declare table " + name);
        Table.Options<V> o = new Table.Options<>();
        options.accept(o);
        Window window = o.window();
        if (window == null) {
            throw new ImproperlyConfigured("windowed table " + name + " has no window: give one in its options "
                    + "(t -> t.tumbling(size) or t.hopping(size, step)), or declare a plain app.table(...)");
        }
        return declareTable(name, DataType.of(keyType), DataType.of(valueType), o).windowed(window, o.expires());
    }

    private <K, V> Table<K, V> declareTable(String name, DataType<K> keyType, DataType<V> valueType,
                                            Table.Options<V> o) {
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("a table needs a name (its changelog is <app_id>-<name>-changelog)");
        }
        Table<K, V> table = new Table<>(this, name, keyType, valueType, o.defaultValue());
        table.partitions = o.partitions();
        table.help(o.help());
        synchronized (this) {
            checkTableName(name);
            tables.put(name, table);
        }
        return table;
    }

    private void checkTableName(String name) {
        if (tables.containsKey(name) || globalTables.containsKey(name) || setTables.containsKey(name)) {
            throw new ImproperlyConfigured("table name " + name + " is used twice: each table needs its own name "
                    + "(its changelog is " + id() + "-" + name + "-changelog)");
        }
    }

    /** Declares a global table with no default ({@code app.GlobalTable(name)}). */
    public <K, V> GlobalTable<K, V> globalTable(String name, Class<K> keyType, Class<V> valueType) {
        return globalTable(name, keyType, valueType, t -> { });
    }

    /** Declares a global table whose missing keys read as {@code defaultValue.get()}. */
    public <K, V> GlobalTable<K, V> globalTable(String name, Class<K> keyType, Class<V> valueType,
                                                Supplier<V> defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue (use globalTable(name, keyType, valueType) for none)");
        return globalTable(name, keyType, valueType, t -> t.defaultValue(defaultValue));
    }

    /**
     * Declares a global table ({@code app.GlobalTable(name, default=...)}): every instance holds all of it, read
     * from {@code <app_id>-<name>-changelog}.
     */
    public <K, V> GlobalTable<K, V> globalTable(String name, Class<K> keyType, Class<V> valueType,
                                                Consumer<Table.Options<V>> options) {
        checkNotBuilt("declare global table " + name);
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("a global table needs a name");
        }
        Table.Options<V> o = new Table.Options<>();
        options.accept(o);
        GlobalTable<K, V> g = new GlobalTable<>(new Table<>(this, name, DataType.of(keyType), DataType.of(valueType),
                o.defaultValue()));
        g.table().partitions = o.partitions();
        g.table().help(o.help());
        synchronized (this) {
            checkTableName(name);
            globalTables.put(name, g);
        }
        return g;
    }

    /**
     * Declares a timer ({@code @app.timer(interval)}): {@code body} runs every {@code interval} while a runtime runs
     * the app, on the runtime's timer thread (see {@link Timer}).
     */
    public Timer timer(Duration interval, Runnable body) {
        return timer(interval, body, t -> { });
    }

    /** Declares a timer with options ({@code t -> t.onLeader(true).name("stats")}). */
    public Timer timer(Duration interval, Runnable body, Consumer<Timer.Options> options) {
        checkNotBuilt("declare a timer");
        return services.timer(this, interval, body, options);
    }

    /**
     * Declares a crontab ({@code @app.crontab("0 * * * *")}): {@code body} runs at the times the Unix cron
     * expression names, in UTC unless set (see {@link Crontab}).
     *
     * @throws ImproperlyConfigured when the expression does not parse
     */
    public Crontab crontab(String cronExpression, Runnable body) {
        return crontab(cronExpression, body, c -> { });
    }

    /** Declares a crontab with options ({@code c -> c.timezone(ZoneId.of("US/Pacific")).onLeader(true)}). */
    public Crontab crontab(String cronExpression, Runnable body, Consumer<Crontab.Options> options) {
        checkNotBuilt("declare a crontab");
        return services.crontab(this, cronExpression, body, options);
    }

    /** Declares a task ({@code @app.task}): {@code body} runs once when a runtime has started (see {@link AppTask}). */
    public AppTask task(Runnable body) {
        return task(body, t -> { });
    }

    /** Declares a task with options ({@code t -> t.onLeader(true)}). */
    public AppTask task(Runnable body, Consumer<AppTask.Options> options) {
        checkNotBuilt("declare a task");
        return services.task(this, body, options);
    }

    Services services() {
        return services;
    }

    /**
     * Declares a user page of the worker's web server (Faust's {@code @app.page(path)}): {@code path} may hold
     * parameters ({@code "/counts/{word}/"}, read with {@code req.param("word")}); the page's return value is
     * answered as Faust JSON. It runs on a web thread bound to the worker, so tables and topics work in it.
     *
     * @throws ImproperlyConfigured when the path is malformed, taken by another page or by one of Faust's routes
     */
    public void page(String path, io.jfaust.web.Page page) {
        checkNotBuilt("declare page " + path);
        Objects.requireNonNull(page, "page " + path);
        String problem = WebPaths.problem(path);
        if (problem != null) {
            throw new ImproperlyConfigured("page " + path + ": " + problem);
        }
        synchronized (this) {
            if (pages.containsKey(path)) {
                throw new ImproperlyConfigured("page " + path + " is declared twice: declare each path once");
            }
            pages.put(path, page);
        }
    }

    /** The user pages by path (declared with {@link #page}). */
    public Map<String, io.jfaust.web.Page> pages() {
        return Collections.unmodifiableMap(pages);
    }

    /** Declares a set table ({@code app.SetTable(name, value_type=...)}): a set of {@code V} per key. */
    public <K, V> SetTable<K, V> setTable(String name, Class<K> keyType, Class<V> valueType) {
        return setTable(name, keyType, valueType, t -> { });
    }

    /** Declares a set table with options ({@code t -> t.startManager(true)}). */
    public <K, V> SetTable<K, V> setTable(String name, Class<K> keyType, Class<V> valueType,
                                          Consumer<SetTable.Options> options) {
        checkNotBuilt("declare set table " + name);
        if (name == null || name.isBlank()) {
            throw new ImproperlyConfigured("a set table needs a name (its changelog is <app_id>-<name>-changelog)");
        }
        SetTable.Options o = new SetTable.Options();
        options.accept(o);
        SetTable<K, V> t = new SetTable<>(new Table<>(this, name, DataType.of(keyType), DataType.of(valueType), null),
                o.startManager(), o.global());
        synchronized (this) {
            checkTableName(name);
            setTables.put(name, t);
        }
        SetTableManager<K, V> manager = t.managerOrNull();
        if (manager != null) {
            manager.declare(this);
        }
        return t;
    }

    /**
     * Declares a global set table ({@code app.SetGlobalTable(name, value_type=...)}): every instance holds every set,
     * read from the changelog.
     */
    public <K, V> SetTable<K, V> setGlobalTable(String name, Class<K> keyType, Class<V> valueType) {
        return setTable(name, keyType, valueType, t -> t.global(true));
    }

    /** The set tables. */
    public List<SetTable<?, ?>> setTables() {
        return List.copyOf(setTables.values());
    }

    /** The global tables. */
    public List<GlobalTable<?, ?>> globalTables() {
        return List.copyOf(globalTables.values());
    }

    /** The topics declared so far, repartition topics included. */
    public List<Topic<?, ?>> topics() {
        return List.copyOf(topics.values());
    }

    /** The agents. */
    public List<Agent<?, ?>> agents() {
        return Collections.unmodifiableList(agents);
    }

    /** The tables. */
    public List<Table<?, ?>> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * Faust's {@code app.main()}: runs the command line ({@code worker --broker ... --loglevel ... --datadir ...},
     * {@code --help}) and exits with its code. The command line is artifact {@code jfaust-worker}, found on the
     * class or module path.
     */
    public void main(String... args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (0 ok, 1 failed, 2 usage, 3 broker unreachable, 4 a topic does
     * not fit, 5 a declaration is wrong, 6 members of another protocol stayed in the group).
     *
     * @throws IllegalStateException when {@code jfaust-worker} (which holds the command line) is not on the path
     */
    public int run(String... args) {
        return CommandLines.find().run(this, args);
    }

    /** Compiles the app into a new Kafka Streams topology (checking and freezing it the first time). */
    public Topology topology() {
        Topology topology = new Topology();
        addTo(topology);
        return topology;
    }

    /**
     * Adds this app's sources, agent processors, sinks and stores to {@code topology} (one built from your own
     * {@code StreamsBuilder}, say); then run it with your {@code KafkaStreams} and {@link #attach} the app to it.
     *
     * @throws ImproperlyConfigured when a declaration is wrong (the message names the fix)
     */
    public void addTo(Topology topology) {
        compile(topology, null);
    }

    /** Compiles into {@code topology}; {@code results} receives what agents yield (test contexts), or null. */
    void compile(Topology topology, @Nullable Consumer<AgentResult> results) {
        freeze();
        TopologyCompiler.compile(this, topology, results);
    }

    /** Checks every declaration once and forbids new ones. */
    synchronized void freeze() {
        if (!built) {
            Declarations.check(this);
            serializers.codecs().seal(what -> new ImproperlyConfigured(what + ": app " + id() + " was already "
                    + "compiled; add codecs when the app is created (App.create(id, conf -> conf.codec(name, codec)))"));
            serializers.records().seal(what -> new ImproperlyConfigured(what + ": app " + id() + " was already "
                    + "compiled; name its records when the app is created (conf.records(...)) or in its topics"));
            built = true;
        }
    }

    /**
     * Binds this app to a {@code KafkaStreams} you created and run (from a topology to which you {@link #addTo added}
     * the app): the handle sends to topics and reads tables outside agents (reads through Kafka Streams' interactive
     * queries, over every task of this instance). Sends go through a producer the handle creates from
     * {@code clientProperties} ({@code bootstrap.servers} and any security settings); closing the handle closes that
     * producer, not your {@code KafkaStreams}. The calling thread is bound to the handle until it is closed.
     */
    public RunningApp attach(KafkaStreams streams, Map<String, ?> clientProperties) {
        freeze();
        return new AttachedRuntime(this, streams, clientProperties);
    }

    /**
     * Kafka Streams properties for this app: {@code application.id} = Faust's {@code conf.id} (so changelogs are
     * {@code <id>-<table>-changelog}), brokers, processing guarantee, state dir, explicit naming, the error
     * policy's handlers and the broker credentials' client properties; then every pass-through property.
     */
    public Properties streamsConfig() {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, id());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                settings.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.datadir());
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.topicReplicationFactor());
        p.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, UsePartitionTimeOnInvalidTimestamp.class);
        if (!settings.exactlyOnce()) {
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 2800);
        }
        // Faust takes records from each partition as they come, never holding one partition back for another's
        // timestamps; Kafka Streams' default (0) does, and formats log text on every pass while a queue is empty.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        ErrorPolicy policy = settings.errorPolicy();
        ErrorHandlers.configure(p, policy.kind() == ErrorPolicy.Kind.DEAD_LETTER ? "dead_letter"
                : policy.kind().name().toLowerCase(java.util.Locale.ROOT), policy.topic(),
                policy.fallback() == null ? null : policy.fallback().kind().name().toLowerCase(java.util.Locale.ROOT));
        if (settings.brokerCredentials() != null) {
            p.putAll(settings.brokerCredentials().clientProperties());
        }
        settings.streamsProperties().forEach(p::put);
        return p;
    }

    /** The repartition topic of {@code group_by}: {@code [<agent>-]<source>-<name>-repartition}, internal. */
    <K, V> Topic<K, V> repartitionTopic(Agent<?, ?> agent, Topic<K, V> source, String name) {
        String prefix = source.options().hasPrefix() ? "" : agent.name() + "-";
        String topicName = prefix + source.name() + "-" + name + "-repartition";
        Schema<K, V> s = source.schema();
        return topic(topicName, s.keyType(), s.valueType(), o -> o.keySerializer(s.keySerializer())
                .valueSerializer(s.valueSerializer()).allowEmpty(s.allowEmpty()).internal(true)
                .partitions(settings.topicPartitions()));
    }

    void checkNotBuilt(String what) {
        if (built) {
            throw new ImproperlyConfigured("cannot " + what + ": app " + id() + " was already compiled (its "
                    + "topology built or a runtime started); declare everything before that");
        }
    }

    boolean isGlobalTable(String name) {
        return globalTables.containsKey(name);
    }

    @Nullable Table<?, ?> tableNamed(String name) {
        return tables.get(name);
    }

    /** The wall clock for window time outside events: the current task's, else the bound runtime's, else the JVM's. */
    double wallClockSeconds() {
        Scope scope = Scope.current();
        if (scope != null) {
            return scope.processor().nowMs() / 1000.0;
        }
        RunningApp r = RunningApp.bound(this);
        return (r != null ? r.wallClockMs() : System.currentTimeMillis()) / 1000.0;
    }
}
