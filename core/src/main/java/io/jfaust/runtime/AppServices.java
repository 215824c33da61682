package io.jfaust.runtime;

import java.util.function.BooleanSupplier;

/**
 * The app's timers, crontabs and tasks as one runtime runs them: on a thread of their own (a worker, an attached
 * {@code KafkaStreams}) or stepped by the runtime's own clock (a test driver).
 *
 * <pre>{@code
 * AppServices services = Engine.get().services(running, clock, true);
 * services.start();
 * services.runDue(clock.getAsLong());
 * }</pre>
 */
public interface AppServices extends AutoCloseable {
    /** Schedules every timer, crontab and task from the runtime's clock now. */
    void start();

    /** The time the next service is due, in the runtime's clock (epoch or monotonic ms); Long.MAX_VALUE for none. */
    long nextDueMs();

    /** Runs every service due at or before {@code nowMs}, on the calling thread. */
    void runDue(long nowMs);

    /** Starts a thread that runs the services once {@code ready} holds. */
    void startThread(BooleanSupplier ready);

    /** Stops the services (and their thread). */
    @Override
    void close();
}
