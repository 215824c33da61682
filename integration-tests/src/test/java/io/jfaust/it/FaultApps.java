package io.jfaust.it;

import io.jfaust.App;
import io.jfaust.BrokerCredentials;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.examples.purchases.LessonApp;

/**
 * The apps the fault tests run as separate worker processes, through {@code app.main} exactly as a user runs a
 * worker: {@code secure-lesson <sasl bootstrap> <datadir>} (the lesson app with SASL PLAIN credentials given once,
 * the password from {@code $KAFKA_PASSWORD}) and {@code eos-count <bootstrap> <datadir>} (exactly-once: each input
 * counted in a table and echoed to an output topic, slowly enough to be killed mid-run).
 *
 * <pre>{@code
 * java -cp ... io.jfaust.examples.FaultApps eos-count 127.0.0.1:9092 /tmp/state
 * }</pre>
 */
public final class FaultApps {
    static final String EOS_IN = "eos-in";
    static final String EOS_OUT = "eos-out";
    static final String EOS_CHANGELOG = "eos-count-counts-changelog";

    private FaultApps() {}

    static App eosCount(String bootstrap) {
        App app = App.create("eos-count", c -> c.broker(bootstrap).topicPartitions(4)
                .processingGuarantee("exactly_once").streamsProperty("commit.interval.ms", 200)
                // Faust's consumer_group_instance_id (static membership): a worker restarted after kill -9 takes its
                // place at once instead of waiting out the dead member's session timeout.
                .streamsProperty("group.instance.id", "eos-worker-1"));
        Topic<String, String> in = app.topic(EOS_IN, String.class, String.class);
        Topic<String, String> out = app.topic(EOS_OUT, String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("eos.count", in, s -> s.forEachItem((user, id) -> {
            counts.update(user, n -> n + 1);
            out.send(user, id);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return app;
    }

    public static void main(String[] args) {
        App app = switch (args[0]) {
            case "secure-lesson" -> LessonApp.create("kafka://" + args[1],
                    BrokerCredentials.sasl("alice", System.getenv("KAFKA_PASSWORD")));
            case "eos-count" -> eosCount("kafka://" + args[1]);
            default -> throw new IllegalArgumentException("unknown app " + args[0]);
        };
        app.main("worker", "--loglevel", "INFO", "--datadir", args[2]);
    }
}
