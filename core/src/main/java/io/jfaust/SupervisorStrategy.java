package io.jfaust;

/**
 * Faust's {@code supervisor_strategy} (mode's supervisors), for {@link Agent.Options#supervisorStrategy}. What
 * happens when agent code throws is Kafka Streams' processing exception handler, set app-wide by the app's
 * {@link ErrorPolicy}; the strategies that match a policy are accepted, the others are refused when declared.
 *
 * <pre>{@code
 * App app = App.create("shop", conf -> conf.onError(ErrorPolicy.fail()));
 * app.agent("shop.audit", orders, s -> s.forEach(o -> audit(o)), o -> o.supervisorStrategy(SupervisorStrategy.CRASHING));
 * }</pre>
 */
public enum SupervisorStrategy {
    /**
     * {@code mode.OneForOneSupervisor} (Faust's default): the failing actor restarts and goes on with the next event.
     * Kafka Streams under {@code ErrorPolicy.skip()} or {@code deadLetter(...)} does the same: the event is logged
     * (or dead-lettered) and the task goes on.
     */
    ONE_FOR_ONE("mode.OneForOneSupervisor"),
    /**
     * {@code mode.CrashingSupervisor}: an error stops the worker. That is {@code ErrorPolicy.fail()}, which the app
     * must then set (Kafka Streams' handlers are app-wide).
     */
    CRASHING("mode.CrashingSupervisor"),
    /** {@code mode.OneForAllSupervisor}: restarts every actor of the agent. Refused: Kafka Streams has no such thing. */
    ONE_FOR_ALL("mode.OneForAllSupervisor"),
    /** {@code mode.ForfeitOneForOneSupervisor}: gives up a failing actor. Refused: a task cannot be left stopped. */
    FORFEIT_ONE_FOR_ONE("mode.ForfeitOneForOneSupervisor"),
    /** {@code mode.ForfeitOneForAllSupervisor}: gives up every actor. Refused, as for {@link #FORFEIT_ONE_FOR_ONE}. */
    FORFEIT_ONE_FOR_ALL("mode.ForfeitOneForAllSupervisor");

    private final String faustName;

    SupervisorStrategy(String faustName) {
        this.faustName = faustName;
    }

    /** The mode class this stands for. */
    public String faustName() {
        return faustName;
    }
}
