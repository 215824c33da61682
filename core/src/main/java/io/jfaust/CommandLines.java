package io.jfaust;

import io.jfaust.runtime.CommandLine;
import java.util.ServiceLoader;

/** Finds the command line ({@code jfaust-worker}) for {@code app.main(args)}. */
final class CommandLines {
    private CommandLines() {}

    static CommandLine find() {
        return ServiceLoader.load(CommandLine.class, App.class.getClassLoader()).findFirst()
                .or(() -> ServiceLoader.load(CommandLine.class).findFirst())
                .orElseThrow(() -> new IllegalStateException("app.main(...) runs Faust's command line, which is in "
                        + "artifact io.jfaust:jfaust-worker: add it to your dependencies (on the module path, "
                        + "'requires io.jfaust.worker;')"));
    }
}
