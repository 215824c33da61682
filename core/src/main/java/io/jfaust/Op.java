package io.jfaust;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** One step of an agent's stream: a transformation, a boundary to another topic, or the terminal step. */
sealed interface Op {
    /** {@code filter}: a falsy result drops the value (it is still acknowledged). */
    record Filter(Predicate<Object> predicate) implements Op {}

    /** {@code add_processor}: replaces the value. */
    record Mapper(Function<Object, Object> function) implements Op {}

    /** {@code echo}: sends the value (key dropped, re-encoded) to each topic, then goes on. */
    record Echo(List<Topic<?, ?>> topics) implements Op {}

    /** {@code take}: batches of up to {@code max} values, flushed early after {@code within} of wall-clock time. */
    record Take(int max, Duration within) implements Op {}

    /** {@code group_by}: forwards the original bytes under a new key to a repartition topic; ends a segment. */
    record GroupBy(Function<Object, Object> key, Topic<?, ?> repartition) implements Op {}

    /** {@code through}: forwards the original bytes to a topic and continues from it; ends a segment. */
    record Through(Topic<?, ?> topic) implements Op {}

    /** Terminal: each value. */
    record ForEach(Consumer<Object> consumer) implements Op {}

    /** Terminal: each (key, value) ({@code items()}). */
    record ForEachItem(BiConsumer<Object, Object> consumer) implements Op {}

    /** Terminal: each event ({@code events()}). */
    record ForEachEvent(Consumer<Event<?, ?>> consumer) implements Op {}

    /** Terminal: each (index, value) ({@code enumerate()}). */
    record Enumerate(long start, BiConsumer<Long, Object> consumer) implements Op {}

    /** Terminal: the values the agent yields: to its sinks, and to the results of a test context. */
    record Yield() implements Op {}

    /** Whether this step ends a segment by moving the stream to another topic. */
    default boolean isBoundary() {
        return this instanceof GroupBy || this instanceof Through;
    }

    /** Whether this step ends a pipeline. */
    default boolean isTerminal() {
        return this instanceof ForEach || this instanceof ForEachItem || this instanceof ForEachEvent
                || this instanceof Enumerate || this instanceof Yield;
    }
}
