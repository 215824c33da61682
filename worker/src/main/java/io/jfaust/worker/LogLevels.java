package io.jfaust.worker;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log levels a worker reports: what the logging backend behind SLF4J actually logs at (the banner's
 * {@code log} row), and Faust's {@code --loglevel} names. jfaust cannot set a level through SLF4J: the backend's
 * configuration decides, so the banner shows the backend's level, not the one asked for.
 */
final class LogLevels {
    /** Faust's level names (and Python's aliases) as the SLF4J level that logs the same lines. */
    private static final Map<String, String> FAUST = Map.of("crit", "error", "critical", "error", "error", "error",
            "warn", "warn", "warning", "warn", "info", "info", "debug", "debug");

    private LogLevels() {}

    /** The most detailed level {@code logger} logs at ({@code trace} ... {@code error}), or {@code off}. */
    static String of(Logger logger) {
        if (logger.isTraceEnabled()) {
            return "trace";
        }
        if (logger.isDebugEnabled()) {
            return "debug";
        }
        if (logger.isInfoEnabled()) {
            return "info";
        }
        if (logger.isWarnEnabled()) {
            return "warn";
        }
        return logger.isErrorEnabled() ? "error" : "off";
    }

    /** The level of the worker's own lines ({@code io.jfaust}). */
    static String jfaust() {
        return of(LoggerFactory.getLogger(Worker.class));
    }

    /** The level of Kafka Streams' and the clients' lines ({@code org.apache.kafka}). */
    static String kafka() {
        return of(LoggerFactory.getLogger("org.apache.kafka.streams.KafkaStreams"));
    }

    /** The banner's level, as Faust writes it: {@code info}, or {@code info; kafka: warn} when Kafka's differs. */
    static String banner() {
        String own = jfaust();
        String kafka = kafka();
        return own.equals(kafka) ? own : own + "; kafka: " + kafka;
    }

    /**
     * Faust's {@code --loglevel} name as an SLF4J level ({@code CRIT} → {@code error}, {@code WARNING} →
     * {@code warn}), case-insensitive.
     *
     * @throws IllegalArgumentException for a name Faust does not accept
     */
    static String faust(String level) {
        @Nullable String slf4j = FAUST.get(level.toLowerCase(Locale.ROOT));
        if (slf4j == null) {
            throw new IllegalArgumentException("loglevel must be CRIT, ERROR, WARN, INFO or DEBUG, got '" + level
                    + "'");
        }
        return slf4j;
    }
}
