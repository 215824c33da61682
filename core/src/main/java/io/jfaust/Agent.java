package io.jfaust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Faust agent: a named processor of a topic's events ({@code @app.agent(channel, name=..., sink=[...])}). Its
 * {@link AgentFunction} describes the stream once; jfaust compiles it into one Kafka Streams processor (plus one
 * per {@code groupBy}/{@code through}) named {@code agent:<name>}.
 *
 * <pre>{@code
 * Agent<String, Purchase> convert = app.agent("purchases_app.convert", purchases,
 *         stream -> stream.forEach(p -> dollars.send(p.username(), PurchaseDollars.of(p))));
 * convert.send("alice", new Purchase("alice", "USD", 100));   // to its topic
 * }</pre>
 */
public final class Agent<K, V> {
    private final App app;
    private final String name;
    private final Topic<K, V> channel;
    private final Options options;
    private final List<List<Op>> pipelines = new ArrayList<>();

    Agent(App app, String name, Topic<K, V> channel, Options options) {
        this.app = app;
        this.name = name;
        this.channel = channel;
        this.options = options;
    }

    /** Faust's {@code help=}: what the {@code agents} verb shows, or null. */
    public @org.jspecify.annotations.Nullable String help() {
        return options.help();
    }

    /** The agent's name: the prefix of its repartition topics, so keep Faust's ({@code module.function}). */
    public String name() {
        return name;
    }

    /** The topic the agent consumes. */
    public Topic<K, V> channel() {
        return channel;
    }

    /** The app the agent belongs to. */
    public App app() {
        return app;
    }

    /** Sends to the agent's topic (Faust's {@code agent.send}). */
    public void send(K key, V value) {
        channel.send(key, value);
    }

    /**
     * Faust's {@code await agent.ask(value, key=key)}: sends {@code value} with Faust's reply headers and returns the
     * first value the agent yields for it (JSON values as maps/lists, records the app knows as records). Works
     * across languages: a Faust agent answers it, and a jfaust agent answers Faust's {@code ask}. Uses the runtime
     * bound to this thread (see {@link RunningApp}).
     *
     * @throws AskTimeoutException when no reply comes within {@code conf.askTimeout} (default 30 s)
     */
    public @Nullable Object ask(@Nullable K key, V value) {
        return ask(key, value, Object.class);
    }

    /** {@link #ask(Object, Object)} with the reply decoded as {@code replyType}. */
    public <R> @Nullable R ask(@Nullable K key, V value, Class<R> replyType) {
        return RunningApp.require(app, "agent.ask(" + name + ")").ask(this, key, value, replyType);
    }

    /** Faust's {@code ask_nowait}: the reply to come. */
    public CompletableFuture<@Nullable Object> askAsync(@Nullable K key, V value) {
        return RunningApp.require(app, "agent.ask(" + name + ")").askAsync(this, key, value);
    }

    /**
     * Faust's {@code await agent.join(values)}: asks for every value (no key) at once and returns the replies in
     * the order of the values.
     *
     * @throws AskTimeoutException when a reply does not come in time
     */
    public List<@Nullable Object> join(Iterable<? extends V> values) {
        RunningApp running = RunningApp.require(app, "agent.join(" + name + ")");
        List<CompletableFuture<@Nullable Object>> replies = new ArrayList<>();
        for (V v : values) {
            replies.add(running.askAsync(this, null, v));
        }
        List<@Nullable Object> out = new ArrayList<>();
        for (CompletableFuture<@Nullable Object> f : replies) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return out;
    }

    Options options() {
        return options;
    }

    void addPipeline(List<Op> ops) {
        pipelines.add(ops);
    }

    List<List<Op>> pipelines() {
        return Collections.unmodifiableList(pipelines);
    }

    @Override
    public String toString() {
        return "Agent(" + name + " <- " + channel.name() + ")";
    }

    /**
     * Agent options, set in the lambda of {@link App#agent(String, Topic, AgentFunction, Consumer)}: sinks
     * (Faust's {@code sink=[...]}), the tables the agent may use, and Faust's {@code concurrency},
     * {@code isolated_partitions} and {@code supervisor_strategy} where Kafka Streams can honour them (the others
     * are refused when declared, with an {@link ImproperlyConfigured} naming what to do instead).
     *
     * <pre>{@code
     * app.agent("shop.count", orders, s -> s.map(Order::amount).yieldEach(),
     *         o -> o.sink(amounts).tables(totals));
     * }</pre>
     */
    public static final class Options {
        private final List<Object> sinks = new ArrayList<>();
        private @Nullable Set<Table<?, ?>> tables;
        private @Nullable SupervisorStrategy supervisorStrategy;
        private @Nullable String help;

        private final DeclaredOptions latch = new DeclaredOptions();

        Options() {}

        /** Fixes these options: {@code declaration} (e.g. "topic orders") was declared with them. */
        void freeze(String declaration) {
            latch.freeze(declaration);
        }

        /** Faust's {@code help=} (else the docstring): what the {@code agents} verb shows. */
        public Options help(String help) {
            latch.checkOpen("help");
            this.help = Objects.requireNonNull(help, "help");
            return this;
        }

        @Nullable String help() {
            return help;
        }

        /**
         * Faust's {@code supervisor_strategy}: unset, the app's {@link ErrorPolicy} decides what an error in the agent
         * does. {@link SupervisorStrategy#ONE_FOR_ONE} (Faust's default) is what Kafka
         * Streams does under the app's skip or dead-letter policy; {@link SupervisorStrategy#CRASHING} needs
         * {@code conf.onError(ErrorPolicy.fail())}; the others cannot be honoured.
         *
         * @throws ImproperlyConfigured for a strategy Kafka Streams cannot honour (and, when the app is compiled,
         *     for one that does not match the app's error policy)
         */
        public Options supervisorStrategy(SupervisorStrategy strategy) {
            latch.checkOpen("supervisorStrategy");
            java.util.Objects.requireNonNull(strategy, "supervisorStrategy");
            if (strategy != SupervisorStrategy.ONE_FOR_ONE && strategy != SupervisorStrategy.CRASHING) {
                throw new ImproperlyConfigured("supervisor_strategy=" + strategy.faustName() + " cannot be honoured "
                        + "on Kafka Streams, whose tasks never stop on their own: use ONE_FOR_ONE (log or dead-letter "
                        + "the failing event and go on) or CRASHING with conf.onError(ErrorPolicy.fail())");
            }
            this.supervisorStrategy = strategy;
            return this;
        }

        /** The strategy set, or null (the app's error policy decides). */
        @Nullable SupervisorStrategy supervisorStrategy() {
            return supervisorStrategy;
        }

        /**
         * Faust's {@code concurrency}: only 1 is possible. Kafka Streams runs one instance of the agent per partition
         * (task), each on one stream thread at a time, so the events of a partition stay in order; for more
         * parallelism give the source topic more partitions and the app more {@code num.stream.threads} or workers.
         *
         * @throws ImproperlyConfigured for anything but 1
         */
        public Options concurrency(int concurrency) {
            latch.checkOpen("concurrency");
            if (concurrency != 1) {
                throw new ImproperlyConfigured("concurrency=" + concurrency + " cannot be honoured on Kafka Streams, "
                        + "which runs one instance of an agent per partition to keep each partition in order: drop "
                        + "the option and add partitions to the source topic, and num.stream.threads or workers");
            }
            return this;
        }

        /**
         * Faust's {@code isolated_partitions=True}: one instance of the agent per partition. Kafka Streams always
         * works so (one task per partition, each with its own state), so {@code true} is accepted as it is;
         * {@code false} (Faust's one actor for every partition of a worker) cannot be had.
         *
         * @throws ImproperlyConfigured for {@code false}
         */
        public Options isolatedPartitions(boolean isolated) {
            latch.checkOpen("isolatedPartitions");
            if (!isolated) {
                throw new ImproperlyConfigured("isolated_partitions=False (one actor for all partitions) cannot be "
                        + "honoured on Kafka Streams, which runs one task per partition: drop the option");
            }
            return this;
        }

        /** Values the agent yields are sent to {@code topic}, the key dropped, as Faust does. */
        public Options sink(Topic<?, ?> topic) {
            latch.checkOpen("sink");
            sinks.add(Objects.requireNonNull(topic, "sink topic"));
            return this;
        }

        /** Values the agent yields are sent to another agent's topic. */
        public Options sink(Agent<?, ?> agent) {
            latch.checkOpen("sink");
            sinks.add(Objects.requireNonNull(agent, "sink agent").channel());
            return this;
        }

        /** Values the agent yields are passed to {@code callback}. */
        public Options sink(Consumer<Object> callback) {
            latch.checkOpen("sink");
            sinks.add(Objects.requireNonNull(callback, "sink callback"));
            return this;
        }

        /**
         * Limits the tables this agent may use, adding to those named before. By default every table of the app is
         * attached to every agent, which Kafka Streams turns into one sub-topology whose source topics must be
         * co-partitioned (as Faust's assignor co-partitions them); naming the tables keeps unrelated agents apart.
         * {@code tables()} with none names no table at all.
         */
        public Options tables(Table<?, ?>... tables) {
            latch.checkOpen("tables");
            Set<Table<?, ?>> set = named();
            for (Table<?, ?> t : tables) {
                set.add(Objects.requireNonNull(t, "table"));
            }
            return this;
        }

        /** Names windowed tables this agent may use, adding to those named before (see {@link #tables}). */
        public Options windowedTables(WindowedTable<?, ?>... tables) {
            latch.checkOpen("windowedTables");
            Set<Table<?, ?>> set = named();
            for (WindowedTable<?, ?> t : tables) {
                set.add(Objects.requireNonNull(t, "windowed table").table());
            }
            return this;
        }

        private Set<Table<?, ?>> named() {
            Set<Table<?, ?>> set = tables;
            if (set == null) {
                set = new LinkedHashSet<>();
                tables = set;
            }
            return set;
        }

        List<Object> sinks() {
            return sinks;
        }

        @Nullable Set<Table<?, ?>> tables() {
            return tables;
        }
    }
}
