package io.jfaust.worker.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM for the {@code worker} command: closes the worker cleanly (commit, flush, leave the group) and lets the
 * command return 0, as a Faust worker exits 0 when told to stop. The JVM's own SIGTERM handling runs the shutdown
 * hooks and exits 143 whatever they do; this replaces it while the worker runs and restores it afterwards. Where the
 * JVM does not allow it ({@code -Xrs}), the shutdown hook still closes the worker (exit 143).
 *
 * <pre>{@code
 * try (Signals.Installed term = Signals.onTerm(worker::close)) { worker.awaitStopped(); }
 * }</pre>
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    /** An installed handler; closing restores the previous one. */
    public interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code stop} on SIGTERM (once, on the signal's thread) instead of exiting 143. */
    public static Installed onTerm(Runnable stop) {
        Signal term = new Signal("TERM");
        SignalHandler previous;
        try {
            previous = Signal.handle(term, s -> {
                System.err.println("SIGTERM: stopping the worker (commit, flush, leave the group)");
                stop.run();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("cannot handle SIGTERM here ({}); the shutdown hook closes the worker", e.toString());
            return () -> { };
        }
        return () -> {
            try {
                Signal.handle(term, previous);
            } catch (IllegalArgumentException | UnsupportedOperationException ignored) {
                // nothing to restore
            }
        };
    }
}
