package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.RunningApp;
import io.jfaust.Table;
import io.jfaust.Topic;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka Streams team's path: only jfaust-core (and jfaust-testing for tests), none of the worker's stack. The app
 * joins a topology of the team's own, is attached to the team's {@code KafkaStreams}, and is unit-tested with the
 * test driver.
 */
class CoreOnlyPathTest {
    @TempDir
    Path state;

    private static App app() {
        App app = App.create("kst", c -> c.broker("kafka://127.0.0.1:1"));
        Topic<String, String> words = app.topic("words", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        Topic<String, Long> out = app.topic("counted", String.class, Long.class);
        app.agent("kst.count", words, s -> s.forEachItem((k, w) -> {
            counts.update(w, n -> n + 1);
            out.send(w, counts.get(w));
        }));
        return app;
    }

    @Test
    void theWorkerStackIsNotOnThePath() {
        for (String absent : new String[] {"io.jfaust.worker.Worker", "picocli.CommandLine",
            "io.micrometer.core.instrument.MeterRegistry", "io.jfaust.embedded.EmbeddedKafka"}) {
            assertThatThrownBy(() -> Class.forName(absent)).as(absent).isInstanceOf(ClassNotFoundException.class);
        }
        assertThatThrownBy(() -> app().run("--version")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.jfaust:jfaust-worker");
    }

    @Test
    void anAppJoinsAndIsAttachedToAKafkaStreamsOfTheTeamsOwn() {
        App app = app();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("their-input", Consumed.with(Serdes.String(), Serdes.String()).withName("their-source"))
                .to("their-output");
        Topology topology = builder.build();
        app.addTo(topology);
        assertThat(topology.describe().toString()).contains("their-source", "agent:kst.count");
        Properties props = app.streamsConfig();
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             RunningApp running = app.attach(streams, Map.of("bootstrap.servers", "127.0.0.1:1"))) {
            assertThat(running.app()).isSameAs(app);
            assertThat(streams.state()).isEqualTo(KafkaStreams.State.CREATED);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameAppIsUnitTestedWithTheDriver() {
        App app = app();
        Topic<String, String> words = (Topic<String, String>) topic(app, "words");
        Topic<String, Long> counted = (Topic<String, Long>) topic(app, "counted");
        FaustTestDriver.test(app, d -> {
            d.send(words, "k", "a");
            d.send(words, "k", "a");
            assertThat(d.read(counted)).extracting(Event::value).containsExactly(1L, 2L);
        });
    }

    private static Topic<?, ?> topic(App app, String name) {
        return app.topics().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
