package io.jfaust.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.runtime.Sensors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The engine counts through the runtime SPI; the worker's sensors turn those counts into Micrometer meters. */
class MicrometerSensorsTest {
    @Test
    void whatTheEngineCountsThroughTheSpiLandsInTheMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        App app = App.create("meters");
        Sensors sensors = new MicrometerSensors(registry, app);
        Sensors.AgentSensor agent = sensors.agent("meters.count", "words");
        agent.eventIn();
        agent.eventIn();
        agent.eventOut();
        agent.processed(2_000_000);
        Sensors.TableSensor table = sensors.table("counts");
        table.get();
        table.put();
        table.delete();
        sensors.windowsClosed("counts", 3);
        sensors.sent("out");
        sensors.decodeError("words");
        assertThat(registry.get("jfaust.agent.events.in").tag("agent", "meters.count").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("jfaust.agent.events.out").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("jfaust.agent.processing").timer().count()).isEqualTo(1);
        assertThat(registry.get("jfaust.table.gets").tag("table", "counts").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("jfaust.table.puts").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("jfaust.table.deletes").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("jfaust.table.windows.closed").counter().count()).isEqualTo(3.0);
        assertThat(registry.get("jfaust.sends").tag("topic", "out").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("jfaust.decode.errors").tag("topic", "words").counter().count()).isEqualTo(1.0);
    }
}
