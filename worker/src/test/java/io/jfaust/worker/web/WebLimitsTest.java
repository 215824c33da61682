package io.jfaust.worker.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The JDK server's timeouts are jfaust's unless the user set them: a {@code -D} wins. */
class WebLimitsTest {
    @Test
    void setsOnlyTheJdkPropertiesNobodySet() {
        Properties props = new Properties();
        props.setProperty("sun.net.httpserver.idleInterval", "75");

        assertThat(WebLimits.setAbsent(props)).containsOnlyKeys("sun.net.httpserver.maxReqTime",
                "sun.net.httpserver.maxRspTime", "sun.net.httpserver.clockTick", "sun.net.httpserver.drainAmount",
                "sun.net.httpserver.nodelay");
        assertThat(props.getProperty("sun.net.httpserver.idleInterval")).isEqualTo("75");
        assertThat(props.getProperty("sun.net.httpserver.maxReqTime")).isEqualTo("10");
        assertThat(props.getProperty("sun.net.httpserver.maxRspTime")).isEqualTo("30");
        assertThat(props.getProperty("sun.net.httpserver.drainAmount")).isEqualTo("0");
        assertThat(WebLimits.setAbsent(props)).as("nothing left to set").isEmpty();
    }
}
