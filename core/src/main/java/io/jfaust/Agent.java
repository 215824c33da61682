package io.jfaust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

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
     * (Faust's {@code sink=[...]}), the tables the agent may use, and Faust's {@code concurrency} and
     * {@code isolated_partitions} where Kafka Streams can honour them.
     *
     * <pre>{@code
     * app.agent("shop.count", orders, s -> s.map(Order::amount).yieldEach(),
     *         o -> o.sink(amounts).tables(totals));
     * }</pre>
     */
    public static final class Options {
        private final List<Object> sinks = new ArrayList<>();
        private Set<Table<?, ?>> tables;
        private String help;

        Options() {}

        /** Faust's {@code help=} (else the docstring): what the {@code agents} verb shows. */
        public Options help(String help) {
            this.help = Objects.requireNonNull(help, "help");
            return this;
        }

        String help() {
            return help;
        }

        /**
         * Faust's {@code concurrency}: only 1 is possible. Kafka Streams runs one instance of the agent per partition
         * (task), each on one stream thread at a time, so the events of a partition stay in order; for more
         * parallelism give the source topic more partitions and the app more {@code num.stream.threads} or workers.
         *
         * @throws ImproperlyConfigured for anything but 1
         */
        public Options concurrency(int concurrency) {
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
            if (!isolated) {
                throw new ImproperlyConfigured("isolated_partitions=False (one actor for all partitions) cannot be "
                        + "honoured on Kafka Streams, which runs one task per partition: drop the option");
            }
            return this;
        }

        /** Values the agent yields are sent to {@code topic}, the key dropped, as Faust does. */
        public Options sink(Topic<?, ?> topic) {
            sinks.add(Objects.requireNonNull(topic, "sink topic"));
            return this;
        }

        /** Values the agent yields are sent to another agent's topic. */
        public Options sink(Agent<?, ?> agent) {
            sinks.add(Objects.requireNonNull(agent, "sink agent").channel());
            return this;
        }

        /** Values the agent yields are passed to {@code callback}. */
        public Options sink(Consumer<Object> callback) {
            sinks.add(Objects.requireNonNull(callback, "sink callback"));
            return this;
        }

        /**
         * Limits the tables this agent may use. By default every table of the app is attached to every agent,
         * which Kafka Streams turns into one sub-topology whose source topics must be co-partitioned (as Faust's
         * assignor co-partitions them); naming the tables keeps unrelated agents apart.
         */
        public Options tables(Table<?, ?>... tables) {
            Set<Table<?, ?>> set = new LinkedHashSet<>();
            for (Table<?, ?> t : tables) {
                set.add(Objects.requireNonNull(t, "table"));
            }
            this.tables = set;
            return this;
        }

        List<Object> sinks() {
            return sinks;
        }

        Set<Table<?, ?>> tables() {
            return tables;
        }
    }
}
