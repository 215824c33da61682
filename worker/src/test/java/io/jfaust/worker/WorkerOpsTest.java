package io.jfaust.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Topic;
import org.junit.jupiter.api.Test;

/** What a worker allocates for its operators depends on what it serves: no web server, no Prometheus registry. */
class WorkerOpsTest {
    private static App app() {
        App app = App.create("ops", c -> c.broker("kafka://127.0.0.1:1"));
        Topic<String, String> in = app.topic("in", String.class, String.class);
        app.agent("ops.print", in, s -> s.forEach(v -> { }));
        return app;
    }

    @Test
    void aWorkerWithoutAWebServerHasNoPrometheusRegistry() {
        try (Worker w = Worker.create(app(), o -> o.web(false))) {
            assertThatThrownBy(() -> w.ops().prometheus()).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("without a web server");
        }
    }

    @Test
    void aWorkerWithAWebServerHasOne() {
        try (Worker w = Worker.create(app(), o -> o.web(true).webPort(0))) {
            assertThat(w.ops().prometheus().scrape()).isNotNull();
        }
    }
}
