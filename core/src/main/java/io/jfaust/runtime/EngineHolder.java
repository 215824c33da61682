package io.jfaust.runtime;

import io.jfaust.App;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Holds the engine that package {@code io.jfaust} installs when {@link App} is initialized: the engine's classes stay
 * package-private there, and runtimes reach them through {@link Engine#get()} only.
 *
 * <pre>{@code
 * static { EngineHolder.install(new EngineBridge()); }   // in io.jfaust.App, and nowhere else
 * }</pre>
 */
public final class EngineHolder {
    private static volatile @Nullable Engine engine;

    private EngineHolder() {}

    static Engine get() {
        Engine e = engine;
        if (e == null) {
            try {
                Class.forName(App.class.getName(), true, App.class.getClassLoader());   // its initializer installs it
            } catch (ClassNotFoundException ex) {
                throw new IllegalStateException("cannot initialize io.jfaust.App", ex);
            }
            e = Objects.requireNonNull(engine, "io.jfaust.App did not install its engine");
        }
        return e;
    }

    /** Called once, by {@code io.jfaust.App}'s static initializer; any other caller, or a second call, fails. */
    public static synchronized void install(Engine e) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        if (caller != App.class) {
            throw new IllegalStateException("only io.jfaust.App installs the engine, not " + caller.getName());
        }
        if (engine != null) {
            throw new IllegalStateException("the engine is installed already");
        }
        engine = e;
    }
}
