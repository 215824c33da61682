package io.jfaust.internal;

import io.jfaust.serdes.DecodeException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;

/**
 * Kafka Streams' deserialization handlers, given jfaust's decode errors located at the record's partition and offset
 * (a deserializer only knows the topic), so that the log line, the dead letter's error headers and a failure all
 * name where the bad record is. {@link Skip} continues (skip and dead-letter policies), {@link Fail} stops.
 * Kafka Streams instantiates them by class name; they are not part of jfaust's API.
 *
 * <pre>{@code
 * props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DecodeErrors.Skip.class);
 * }</pre>
 */
public final class DecodeErrors {
    private DecodeErrors() {}

    /** The config entry a worker sets to count decode errors: a {@code Consumer<String>} given the topic. */
    static final String COUNTER_KEY = "jfaust.decode.errors";

    /** The worker's decode-error counter in {@code configs}, or one that counts nothing. */
    @SuppressWarnings("unchecked")
    static java.util.function.Consumer<String> counter(Map<String, ?> configs) {
        return configs.get(COUNTER_KEY) instanceof java.util.function.Consumer<?> c
                ? (java.util.function.Consumer<String>) c : topic -> { };
    }

    /** The error located at the record, when it is a decode error that does not know its place yet. */
    static Exception located(ErrorHandlerContext context, Exception e) {
        if (e instanceof DecodeException d && d.partition() == null) {
            return d.at(context.partition(), context.offset());
        }
        return e;
    }

    /** Kafka's handler, given the located error; counts it for the worker's metrics. */
    private abstract static class Located implements DeserializationExceptionHandler {
        private final DeserializationExceptionHandler delegate;
        private java.util.function.Consumer<String> counter = topic -> { };

        Located(DeserializationExceptionHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            counter.accept(record.topic());
            return delegate.handleError(context, record, located(context, exception));
        }

        @Override
        public void configure(Map<String, ?> configs) {
            delegate.configure(configs);
            counter = counter(configs);
        }
    }

    /** Logs, counts and skips the record (and dead-letters it when a dead letter topic is set). */
    public static final class Skip extends Located {
        public Skip() {
            super(new LogAndContinueExceptionHandler());
        }
    }

    /** Logs the record and stops processing. */
    public static final class Fail extends Located {
        public Fail() {
            super(new LogAndFailExceptionHandler());
        }
    }
}
