package io.jfaust.runtime;

import io.jfaust.App;

/**
 * Faust's command line for an app ({@code worker}, {@code preflight}, {@code send}, ...), provided by
 * {@code jfaust-worker} through {@link java.util.ServiceLoader} so that {@code app.main(args)} works without the
 * core knowing the worker.
 *
 * <pre>{@code
 * // module-info.java of jfaust-worker
 * provides io.jfaust.runtime.CommandLine with io.jfaust.worker.cli.FaustCommandLine.Provider;
 * }</pre>
 */
public interface CommandLine {
    /** Runs {@code args} against {@code app}; returns the exit code. */
    public int run(App app, String... args);
}
