package io.jfaust.examples;

import io.jfaust.App;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.worker.Worker;
import java.time.Duration;
import java.util.function.Function;

/**
 * Runs an example app on an embedded broker (or {@code --broker URL}) until Ctrl-C: the shared {@code main} of the
 * examples other than the lesson.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     ExampleRunner.run(args, WordCount::create);
 * }
 * }</pre>
 */
public final class ExampleRunner {
    private ExampleRunner() {}

    /** Starts the app made by {@code factory} (given a Faust broker URL) and runs its worker until stopped. */
    public static void run(String[] args, Function<String, App> factory) {
        String broker = args.length >= 2 && args[0].equals("--broker") ? args[1] : null;
        EmbeddedKafka embedded = broker == null ? EmbeddedKafka.start(false) : null;
        String url = broker != null ? broker : embedded.brokerUrl();
        App app = factory.apply(url);
        try (Worker worker = Worker.start(app, w -> w.broker(url))) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                worker.close();
                if (embedded != null) {
                    embedded.close();
                }
            }));
            worker.awaitRunning(Duration.ofSeconds(60));
            worker.awaitStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
