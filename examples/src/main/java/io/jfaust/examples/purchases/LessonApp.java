package io.jfaust.examples.purchases;

import io.jfaust.App;
import io.jfaust.BrokerCredentials;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import io.jfaust.embedded.EmbeddedKafka;
import io.jfaust.embedded.TempDirs;
import io.jfaust.examples.ConsoleConsumer;
import io.jfaust.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The lesson app: purchases in cents on {@code purchases} become {@code PurchaseDollars} on
 * {@code purchases.dollars}, keyed by username. The command starts a real Kafka broker in-process (unless
 * {@code --broker} names one), runs the app's worker, produces purchases, and prints the output topic as a console
 * consumer shows it: Faust JSON with {@code "__faust":{"ns":...}}.
 *
 * <pre>{@code
 * mvn -q -pl examples exec:java                                   # 10 records on an embedded broker
 * mvn -q -pl examples exec:java -Dexec.args="--records 100"
 * mvn -q -pl examples exec:java -Dexec.args="--broker kafka://localhost:9092 --keep-running"
 * }</pre>
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Run the purchases -> purchases.dollars lesson app and print its output.")
public final class LessonApp implements Callable<Integer> {
    /** The input topic. */
    public static final String PURCHASES = "purchases";
    /** The output topic ({@code <topic>.dollars}). */
    public static final String DOLLARS = "purchases.dollars";

    @Option(names = {"-b", "--broker"}, description = "Broker URL (kafka://host:port). Default: an embedded broker.")
    String broker;

    @Option(names = {"-n", "--records"}, defaultValue = "10", description = "Records to produce and print.")
    int records;

    @Option(names = "--keep-running", description = "Keep producing and printing until Ctrl-C.")
    boolean keepRunning;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of the topics it creates.")
    int partitions;

    /** The lesson app, on {@code broker} (Faust URL form). */
    public static App create(String broker) {
        return create(broker, null);
    }

    /** The lesson app on a secured cluster: {@code credentials} (null: none) reach every client the worker uses. */
    public static App create(String broker, BrokerCredentials credentials) {
        App app = App.create("lesson", conf -> {
            conf.broker(broker).topicPartitions(4);
            if (credentials != null) {
                conf.brokerCredentials(credentials);
            }
        });
        Topic<String, Purchase> purchases = app.topic(PURCHASES, String.class, Purchase.class);
        Topic<String, PurchaseDollars> dollars = app.topic(DOLLARS, String.class, PurchaseDollars.class);
        app.agent("lesson.convert", purchases, stream -> stream.forEach(
                p -> dollars.send(p.username(), PurchaseDollars.of(p))));
        return app;
    }

    @Override
    public Integer call() throws Exception {
        EmbeddedKafka embedded = null;
        Path datadir = Files.createTempDirectory("jfaust-lesson-");
        try {
            String url = broker;
            if (url == null) {
                System.err.println("starting an embedded Kafka broker (pass --broker kafka://host:port to use yours)");
                embedded = EmbeddedKafka.start(false, false);   // as production brokers: no auto-create
                url = embedded.brokerUrl();
                System.err.println("embedded Kafka broker ready at " + embedded.bootstrapServers());
            }
            App app = create(url);
            String bootstrap = app.settings().bootstrapServers();
            if (broker != null) {
                bootstrap = String.join(",", App.create("probe", c -> c.broker(broker)).settings().brokers());
            }
            createTopics(bootstrap);
            String brokerUrl = url;
            try (Worker worker = Worker.start(app, w -> w.broker(brokerUrl).datadir(datadir.toString()))) {
                EmbeddedKafka broker = embedded;
                Thread main = Thread.currentThread();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    System.err.println("stopping: closing the worker (flush, commit) and cleaning up");
                    worker.close();
                    if (broker != null) {
                        broker.close();
                    }
                    TempDirs.deleteQuietly(datadir);
                    main.interrupt();
                }, "lesson-shutdown"));
                if (!worker.awaitRunning(Duration.ofSeconds(60))) {
                    System.err.println("error: the worker did not start within 60 s");
                    return 1;
                }
                Topic<String, Purchase> purchases = topic(app);
                PurchaseGenerator gen = new PurchaseGenerator(42);
                Thread producer = new Thread(() -> {
                    int sent = 0;
                    while (keepRunning || sent < records) {
                        Purchase p = gen.next();
                        worker.send(purchases, p.username(), p);
                        sent++;
                        if (keepRunning) {
                            sleep(500);
                        }
                    }
                    worker.flush();
                }, "lesson-producer");
                producer.setDaemon(true);
                producer.start();
                AtomicInteger printed = new AtomicInteger();
                ConsoleConsumer.follow(bootstrap, DOLLARS, r -> System.out.println(ConsoleConsumer.line(r)),
                        r -> keepRunning || printed.incrementAndGet() < records,
                        keepRunning ? Duration.ofDays(3650) : Duration.ofSeconds(120));
                if (!keepRunning && printed.get() < records) {
                    System.err.println("error: printed " + printed.get() + " of " + records + " records in 120 s");
                    return 1;
                }
            }
            return 0;
        } catch (WorkerException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode();
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            return 5;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            TempDirs.deleteQuietly(datadir);
        }
    }

    @SuppressWarnings("unchecked")
    private static Topic<String, Purchase> topic(App app) {
        return (Topic<String, Purchase>) app.topics().stream().filter(t -> t.name().equals(PURCHASES)).findFirst()
                .orElseThrow();
    }

    private void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            var existing = admin.listTopics().names().get();
            for (String t : new String[] {PURCHASES, DOLLARS}) {
                if (!existing.contains(t)) {
                    admin.createTopics(java.util.List.of(new NewTopic(t, partitions, (short) 1))).all().get();
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new WorkerException("Cannot reach a Kafka broker at " + bootstrap + " to create the lesson's topics: "
                    + e.getCause(), WorkerException.BROKER_UNREACHABLE, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the lesson; exits 0 after printing the records, non-zero with a message on an error. */
    public static void main(String[] args) {
        int code = new CommandLine(new LessonApp()).execute(args);
        System.exit(code);
    }
}
