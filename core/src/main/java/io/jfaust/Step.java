package io.jfaust;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One step of an agent's stream as it runs in one Kafka Streams task: built from the declared {@link Op}s when the
 * task's processor starts, linked to the step after it, and holding its own per-task state ({@code take} buffers,
 * {@code enumerate} counters). A value goes down the chain with the key it has at that point; a {@code take} batch
 * has no key (null), whether it was flushed full or on time, and runs in the scope of its last event either way.
 */
abstract class Step {
    @SuppressWarnings("NullAway.Init")   // set by chain(); a segment's last step (terminal, boundary) never calls it
    Step next;

    /** Processes one value under {@code key}. */
    abstract void accept(@Nullable Object key, @Nullable Object value);

    /** Builds the chain of {@code ops} for {@code processor}; {@code takes} collects the take steps to flush. */
    static Step chain(List<Op> ops, AgentProcessor processor, List<Take> takes) {
        Step head = null;
        Step last = null;
        for (Op op : ops) {
            Step s = of(op, processor);
            if (s instanceof Take t) {
                takes.add(t);
            }
            if (last == null) {
                head = s;
            } else {
                last.next = s;
            }
            last = s;
        }
        return head == null ? new End() : head;
    }

    private static Step of(Op op, AgentProcessor p) {
        if (op instanceof Op.Filter f) {
            return new Filter(f.predicate());
        } else if (op instanceof Op.Mapper m) {
            return new MapValue(m.function());
        } else if (op instanceof Op.Echo e) {
            return new Echo(e.topics(), p);
        } else if (op instanceof Op.Take t) {
            return new Take(t.max(), t.within(), p);
        } else if (op instanceof Op.GroupBy g) {
            return new GroupBy(g, p);
        } else if (op instanceof Op.Through t) {
            return new Through(t.topic());
        } else if (op instanceof Op.ForEach f) {
            return new ForEach(f.consumer());
        } else if (op instanceof Op.ForEachItem f) {
            return new ForEachItem(f.consumer());
        } else if (op instanceof Op.ForEachEvent f) {
            return new ForEachEvent(f.consumer());
        } else if (op instanceof Op.Enumerate f) {
            return new Enumerate(f.start(), f.consumer());
        }
        return new Yield(p);
    }

    /** An empty chain. */
    static final class End extends Step {
        @Override
        void accept(@Nullable Object key, @Nullable Object value) {}
    }

    static final class Filter extends Step {
        private final Predicate<Object> predicate;

        Filter(Predicate<Object> predicate) {
            this.predicate = predicate;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            if (predicate.test(value)) {
                next.accept(key, value);
            }
        }
    }

    static final class MapValue extends Step {
        private final Function<Object, Object> function;

        MapValue(Function<Object, Object> function) {
            this.function = function;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            next.accept(key, function.apply(value));
        }
    }

    static final class Echo extends Step {
        private final List<Topic<?, ?>> topics;
        private final AgentProcessor processor;

        Echo(List<Topic<?, ?>> topics, AgentProcessor processor) {
            this.topics = topics;
            this.processor = processor;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            for (Topic<?, ?> t : topics) {
                processor.sendValue(t, value);
            }
            next.accept(key, value);
        }
    }

    /** {@code take(max, within)}: this task's buffer, flushed when full or when {@code within} has passed. */
    static final class Take extends Step {
        private final int max;
        private final long withinMs;
        private final AgentProcessor processor;
        private List<Object> values = new ArrayList<>();
        /** The scope of the batch's last value: a batch flushed by the clock runs in it, as one flushed full does. */
        private @Nullable Scope last;
        private long startedMs;

        Take(int max, Duration within, AgentProcessor processor) {
            this.max = max;
            this.withinMs = within.toMillis();
            this.processor = processor;
        }

        long withinMs() {
            return withinMs;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            if (values.isEmpty()) {
                startedMs = processor.nowMs();   // only a batch's first value needs the clock
            }
            values.add(value);
            if (values.size() >= max) {
                next.accept(null, drain());
            } else {
                last = Scope.current().kept();
            }
        }

        /**
         * Flushes the batch if it has waited {@code within}, in the scope of its last event (Faust's
         * {@code stream.current_event} is still the last event read); true if it did.
         */
        boolean flushIfDue(long nowMs) {
            if (!values.isEmpty() && nowMs - startedMs >= withinMs) {
                Scope previous = Scope.enter(Objects.requireNonNull(last, "a waiting batch keeps its last scope"));
                try {
                    next.accept(null, drain());
                } finally {
                    Scope.exit(previous);
                }
                return true;
            }
            return false;
        }

        private List<Object> drain() {
            List<Object> out = Collections.unmodifiableList(values);
            values = new ArrayList<>();
            last = null;
            return out;
        }
    }

    /** Faust's group_by: the original value bytes and headers, under the new key, to the repartition topic. */
    static final class GroupBy extends Step {
        private final Op.GroupBy op;
        private final AgentProcessor processor;

        GroupBy(Op.GroupBy op, AgentProcessor processor) {
            this.op = op;
            this.processor = processor;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            processor.forwardRekeyed(op, value);
        }
    }

    static final class Through extends Step {
        private final Topic<?, ?> topic;

        Through(Topic<?, ?> topic) {
            this.topic = topic;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            Event<Object, Object> e = Scope.current().event();
            if (e != null) {
                e.forward(topic);
            }
        }
    }

    static final class ForEach extends Step {
        private final Consumer<Object> consumer;

        ForEach(Consumer<Object> consumer) {
            this.consumer = consumer;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            consumer.accept(value);
        }
    }

    static final class ForEachItem extends Step {
        private final BiConsumer<Object, Object> consumer;

        ForEachItem(BiConsumer<Object, Object> consumer) {
            this.consumer = consumer;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            consumer.accept(key, value);
        }
    }

    static final class ForEachEvent extends Step {
        private final Consumer<Event<?, ?>> consumer;

        ForEachEvent(Consumer<Event<?, ?>> consumer) {
            this.consumer = consumer;
        }

        /** The message's event with the key and value the steps before this one made (a mapped value, a batch). */
        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            Event<Object, Object> event = Objects.requireNonNull(Scope.current().event(), "forEachEvent runs in an event");
            consumer.accept(event.withKeyValue(key, value));
        }
    }

    /** {@code enumerate()}: this task's count. */
    static final class Enumerate extends Step {
        private final BiConsumer<Long, Object> consumer;
        private long index;

        Enumerate(long start, BiConsumer<Long, Object> consumer) {
            this.consumer = consumer;
            this.index = start;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            consumer.accept(index++, value);
        }
    }

    static final class Yield extends Step {
        private final AgentProcessor processor;

        Yield(AgentProcessor processor) {
            this.processor = processor;
        }

        @Override
        void accept(@Nullable Object key, @Nullable Object value) {
            processor.yielded(value);
        }
    }
}
