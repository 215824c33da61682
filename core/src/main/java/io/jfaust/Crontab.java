package io.jfaust;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A crontab ({@code @app.crontab(cron_format, timezone=..., on_leader=...)}): a function run at the times a Unix
 * cron expression names ({@code minute hour day-of-month month day-of-week}), in a time zone (UTC unless set, as
 * Faust's {@code timezone} setting defaults to UTC). Like Faust, each run sleeps until the next matching time after
 * the previous run. The expression is parsed by cron-utils when declared: a bad one is an
 * {@link ImproperlyConfigured}. It runs as a {@link Timer} does: on the runtime's timer thread, bound to the runtime.
 *
 * <pre>{@code
 * app.crontab("0 * * * *", () -> report.send("k", "on the hour"));
 * app.crontab("30 18 * * *", fn, c -> c.timezone(ZoneId.of("US/Pacific")).onLeader(true));
 * }</pre>
 */
public final class Crontab {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime times;
    private final Runnable body;
    private final Options options;

    Crontab(String expression, Runnable body, Options options) {
        this.expression = expression;
        this.times = ExecutionTime.forCron(parse(expression));
        this.body = body;
        this.options = options;
    }

    static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new ImproperlyConfigured("a crontab needs a cron expression such as \"*/5 * * * *\"");
        }
        try {
            return PARSER.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            throw new ImproperlyConfigured("crontab \"" + expression + "\" is not a Unix cron expression (minute hour "
                    + "day-of-month month day-of-week, e.g. \"*/5 * * * *\"): " + e.getMessage(), e);
        }
    }

    /** The cron expression. */
    public String expression() {
        return expression;
    }

    /** The time zone its times are read in. */
    public ZoneId timezone() {
        return options.timezone;
    }

    /** The first time after {@code after} that the expression names (Faust's {@code cron.secs_for_next}). */
    Instant nextAfter(Instant after) {
        Optional<ZonedDateTime> next = times.nextExecution(after.atZone(options.timezone));
        return next.map(ZonedDateTime::toInstant).orElseThrow(() -> new IllegalStateException("crontab \""
                + expression + "\" names no time after " + after));
    }

    Runnable body() {
        return body;
    }

    boolean onLeader() {
        return options.onLeader;
    }

    @Override
    public String toString() {
        return "Crontab(\"" + expression + "\" " + options.timezone + (options.onLeader ? ", on leader" : "") + ")";
    }

    /**
     * Crontab options, set in the lambda of {@link App#crontab(String, Runnable, java.util.function.Consumer)}.
     *
     * <pre>{@code
     * app.crontab("0 9 * * 1", fn, c -> c.timezone(ZoneId.of("Europe/Oslo")).onLeader(true));
     * }</pre>
     */
    public static final class Options {
        private ZoneId timezone = ZoneOffset.UTC;
        private boolean onLeader;

        Options() {}

        /** Faust's {@code timezone}: the zone the expression's times are in (default UTC). */
        public Options timezone(ZoneId zone) {
            this.timezone = Objects.requireNonNull(zone, "timezone");
            return this;
        }

        /** Faust's {@code on_leader}: run only on the app's leader (default false). */
        public Options onLeader(boolean onLeader) {
            this.onLeader = onLeader;
            return this;
        }
    }
}
