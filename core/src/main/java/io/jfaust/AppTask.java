package io.jfaust;

/**
 * A task ({@code @app.task(on_leader=...)}): a function run once when a runtime has started the app and recovered
 * its tables (a {@code Worker} when Kafka Streams first reaches {@code RUNNING}; a {@code FaustTestDriver} when it
 * is created). With {@code onLeader}, it runs only if this instance is the leader at that moment, as in Faust. It
 * runs on the runtime's timer thread, bound to the runtime (sends go through the runtime's producer).
 *
 * <pre>{@code
 * app.task(() -> greetings.send("hello", "started"));
 * app.task(() -> System.out.println("I lead"), t -> t.onLeader(true));
 * }</pre>
 */
public final class AppTask {
    private final Runnable body;
    private final Options options;

    AppTask(Runnable body, Options options) {
        this.body = body;
        this.options = options;
    }

    Runnable body() {
        return body;
    }

    boolean onLeader() {
        return options.onLeader;
    }

    @Override
    public String toString() {
        return "AppTask(" + (options.onLeader ? "on leader" : "every instance") + ")";
    }

    /**
     * Task options, set in the lambda of {@link App#task(Runnable, java.util.function.Consumer)}.
     *
     * <pre>{@code
     * app.task(fn, t -> t.onLeader(true));
     * }</pre>
     */
    public static final class Options {
        private boolean onLeader;

        Options() {}

        /** Faust's {@code on_leader}: run only if this instance is the leader when the app starts. */
        public Options onLeader(boolean onLeader) {
            this.onLeader = onLeader;
            return this;
        }
    }
}
