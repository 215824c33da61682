package io.jfaust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The timers, crontabs and tasks an app declares (Faust's {@code app._app_tasks}); a runtime runs them. */
final class Services {
    private final List<Timer> timers = new ArrayList<>();
    private final List<Crontab> crontabs = new ArrayList<>();
    private final List<AppTask> tasks = new ArrayList<>();

    synchronized Timer timer(App app, Duration interval, Runnable body, Consumer<Timer.Options> options) {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(body, "timer body");
        if (interval.isZero() || interval.isNegative()) {
            throw new ImproperlyConfigured("a timer needs a positive interval, got " + interval);
        }
        Timer.Options o = new Timer.Options("timer-" + (timers.size() + 1));
        options.accept(o);
        return added(app, timers, new Timer(interval, body, o));
    }

    synchronized Crontab crontab(App app, String expression, Runnable body, Consumer<Crontab.Options> options) {
        Objects.requireNonNull(body, "crontab body");
        Crontab.Options o = new Crontab.Options();
        options.accept(o);
        return added(app, crontabs, new Crontab(expression, body, o));
    }

    synchronized AppTask task(App app, Runnable body, Consumer<AppTask.Options> options) {
        Objects.requireNonNull(body, "task body");
        AppTask.Options o = new AppTask.Options();
        options.accept(o);
        return added(app, tasks, new AppTask(body, o));
    }

    private <T> T added(App app, List<T> list, T service) {
        if (!electsLeader()) {
            Leadership.declare(app);
        }
        list.add(service);
        return service;
    }

    /** Whether the app has anything that may ask who leads: then its topology reads the leader topic. */
    synchronized boolean electsLeader() {
        return !timers.isEmpty() || !crontabs.isEmpty() || !tasks.isEmpty();
    }

    synchronized boolean isEmpty() {
        return !electsLeader();
    }

    synchronized List<Timer> timers() {
        return List.copyOf(timers);
    }

    synchronized List<Crontab> crontabs() {
        return List.copyOf(crontabs);
    }

    synchronized List<AppTask> tasks() {
        return List.copyOf(tasks);
    }
}
