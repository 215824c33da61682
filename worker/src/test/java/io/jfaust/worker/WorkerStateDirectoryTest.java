package io.jfaust.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WorkerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a worker keeps its tables (one rule, which the {@code reset} verb asks the worker for), its check of that
 * directory before it touches the broker, and the log level its banner shows.
 */
class WorkerStateDirectoryTest {
    @TempDir
    Path tmp;

    private static App app(String store, Consumer<io.jfaust.Settings.Builder> conf) {
        App app = App.create("state", c -> {
            c.broker("kafka://127.0.0.1:1").store(store);
            conf.accept(c);
        });
        Topic<String, String> in = app.topic("state-in", String.class, String.class);
        Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);
        app.agent("state.count", in, s -> s.forEach(v -> counts.update(v, n -> n + 1)));
        return app;
    }

    private static Path stateOf(App app, Consumer<Worker.Options> options) {
        try (Worker w = Worker.create(app, options)) {
            return w.stateDirectory();
        }
    }

    @Test
    void theStateDirectoryIsKafkaStreamsStateDirAndAppIdResolvedAsKafkaStreamsDoes() {
        App relative = app("rocksdb://", c -> c.datadir("rel-data"));
        assertThat(stateOf(relative, o -> { })).isEqualTo(Path.of("rel-data", "state").toAbsolutePath());
        assertThat(stateOf(app("rocksdb://", c -> { }), o -> { }))
                .as("Faust's default datadir, <name>-data, in the working directory")
                .isEqualTo(Path.of("state-data", "state").toAbsolutePath());
        assertThat(stateOf(relative, o -> o.datadir(tmp.toString()))).as("--datadir wins")
                .isEqualTo(tmp.resolve("state"));
        // The app's (or the worker's) state.dir property is what Kafka Streams reads: it wins over datadir.
        App stateDir = app("rocksdb://", c -> c.datadir("rel-data").streamsProperty("state.dir", tmp.toString()));
        assertThat(stateOf(stateDir, o -> { })).isEqualTo(tmp.resolve("state"));
        assertThat(stateOf(relative, o -> o.property("state.dir", tmp.resolve("w").toString())))
                .isEqualTo(tmp.resolve("w").resolve("state"));
        App v2 = App.create("state", c -> c.store("rocksdb://").version(2).datadir(tmp.toString()));
        v2.table("t", String.class, Long.class);
        assertThat(stateOf(v2, o -> { })).as("the app id, <name>-v<version>").isEqualTo(tmp.resolve("state-v2"));
        assertThat(stateOf(app("memory://", c -> c.datadir(tmp.toString())), o -> { }))
                .as("tables in memory: nothing on disk").isNull();
    }

    @Test
    void aDatadirThatCannotHoldTheTablesFailsTheStartBeforeTheBrokerIsAsked() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Worker w = Worker.create(app("rocksdb://", c -> { }), o -> o.datadir(file.resolve("sub").toString())
                .banner(false).startupTimeout(Duration.ofSeconds(2)));
        // No broker listens on 127.0.0.1:1: a check after the broker's would fail with exit 3 instead.
        assertThatThrownBy(w::start).isInstanceOfSatisfying(WorkerException.class,
                e -> assertThat(e.exitCode()).isEqualTo(WorkerException.IMPROPERLY_CONFIGURED))
                .hasMessageContaining(file.resolve("sub").resolve("state").toString())
                .hasMessageContaining("--datadir").hasMessageContaining("nothing was created on the broker");
    }

    @Test
    void theBannerShowsTheLevelTheLoggingBackendLogsAtAndTheAbsoluteDatadir() {
        // src/test/resources/simplelogger.properties: io.jfaust at info, everything else (Kafka) at warn.
        try (Worker w = Worker.create(app("rocksdb://", c -> c.datadir("rel-data")), o -> { })) {
            assertThat(w.banner()).contains("| log       | -stderr- (info; kafka: warn)")
                    .contains("| datadir   | " + Path.of("rel-data").toAbsolutePath());
            assertThat(w.levelWarning()).as("no --loglevel asked for").isNull();
        }
        try (Worker w = Worker.create(app("rocksdb://", c -> { }), o -> o.loglevel("INFO"))) {
            assertThat(w.levelWarning()).isNull();
        }
        try (Worker w = Worker.create(app("rocksdb://", c -> { }), o -> o.loglevel("DEBUG"))) {
            assertThat(w.levelWarning()).contains("--loglevel DEBUG is not applied", "logs io.jfaust at info",
                    "org.slf4j.simpleLogger.log.io.jfaust=debug");
        }
        assertThatThrownBy(() -> Worker.create(app("rocksdb://", c -> { }), o -> o.loglevel("verbose")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loglevel must be CRIT, ERROR, WARN, INFO or DEBUG, got 'verbose'");
    }
}
