package io.jfaust.internal;

import io.jfaust.ErrorPolicy;
import io.jfaust.runtime.ErrorLog;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jfaust's error policy as Kafka Streams' three exception handlers: a record that fails to decode ({@link Decode}),
 * whose agent code throws ({@link Processing}), or whose output cannot be written ({@link Production}) is skipped
 * (logged and counted), stops the runtime (its place and error kept for the worker's message), or is dead-lettered
 * with a record that always fits ({@link DeadLetters}). A dead letter the topic does not take is handled by the
 * policy's fallback (fail, or skip and count), so the dead letter path cannot crash-loop a worker. Kafka Streams
 * creates the handlers by class name; {@link #configure} puts them and their settings in a runtime's properties.
 *
 * <pre>{@code
 * ErrorHandlers.configure(props, "dead_letter", "orders-dlq", "skip");
 * }</pre>
 */
public final class ErrorHandlers {
    /** {@code skip}, {@code fail} or {@code dead_letter}. */
    public static final String POLICY = "jfaust.errors.policy";
    /** The dead letter topic. */
    public static final String TOPIC = "jfaust.errors.dead.letter.topic";
    /** What happens when the dead letter topic does not take a record: {@code fail} or {@code skip}. */
    public static final String FALLBACK = "jfaust.errors.dead.letter.fallback";
    /** The largest dead letter, in bytes; larger ones become pointer records. */
    public static final String MAX_BYTES = "jfaust.errors.dead.letter.max.bytes";
    /** Faust's {@code producer_max_request_size}, below Kafka's defaults for both the producer and the topic. */
    public static final int DEFAULT_MAX_BYTES = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {}

    /** Puts the handlers, the policy and a fresh {@link ErrorLog} in {@code props}. */
    public static void configure(Properties props, String policy, @Nullable String topic, @Nullable String fallback) {
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Decode.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Production.class);
        props.put("processing.exception.handler.global.enabled", true);
        props.put(POLICY, policy);
        if (topic != null) {
            props.put(TOPIC, topic);
            props.put(FALLBACK, fallback == null ? "fail" : fallback);
        }
        props.put(ErrorLog.CONFIG, new ErrorLog());
    }

    /** What a handler decided: fail, or go on after sending these dead letters. */
    private record Outcome(boolean fail, List<ProducerRecord<byte[], byte[]>> deadLetters) {}

    /** The policy read from the configs, shared by the three handlers. */
    abstract static class Handler {
        private String policy = "skip";
        private @Nullable String topic;
        private boolean fallbackFails = true;
        private int maxBytes = DEFAULT_MAX_BYTES;
        ErrorLog log = new ErrorLog();

        public void configure(Map<String, ?> configs) {
            Object p = configs.get(POLICY);
            policy = p == null ? "skip" : p.toString();
            Object t = configs.get(TOPIC);
            topic = t == null ? null : t.toString();
            fallbackFails = !"skip".equals(String.valueOf(configs.get(FALLBACK)));
            Object m = configs.get(MAX_BYTES);
            maxBytes = m == null ? DEFAULT_MAX_BYTES : Integer.parseInt(m.toString());
            log = ErrorLog.of(configs);
        }

        final @Nullable String deadLetterTopic() {
            return topic;
        }

        final Outcome handle(String what, DeadLetters.Origin origin, byte @Nullable [] key, byte @Nullable [] value,
                             @Nullable Headers headers, long timestamp, Exception error) {
            switch (policy) {
                case "fail" -> {
                    String d = "the record at " + origin + " " + what + ": " + error + " (error policy fail())";
                    log.failed(d);
                    LOG.error("stopping: {}", d);
                    return new Outcome(true, List.of());
                }
                case "dead_letter" -> {
                    DeadLetters.Letter l = DeadLetters.of(Objects.requireNonNull(topic, "a dead letter policy's topic"),
                            maxBytes, origin, key, value, headers, timestamp, error);
                    log.countDeadLettered(l.pointer());
                    if (l.pointer()) {
                        LOG.warn("dead-lettered the record at {} ({}: {}) as a pointer record: its copy is larger "
                                + "than the {} bytes topic {} takes", origin, what, String.valueOf(error), maxBytes, topic);
                    } else {
                        LOG.warn("dead-lettered the record at {} to {}: {}: {}", origin, topic, what, String.valueOf(error));
                    }
                    return new Outcome(false, List.of(l.record()));
                }
                default -> {
                    log.countSkipped();
                    LOG.warn("skipped the record at {} ({}: {}); error policy skip()", origin, what, String.valueOf(error));
                    return new Outcome(false, List.of());
                }
            }
        }

        /** A dead letter the topic did not take: the fallback decides. */
        final boolean deadLetterFailed(DeadLetters.Origin origin, Exception error) {
            log.countDeadLetterFailure();
            String d = "the dead letter topic " + topic + " did not take the dead letter of the record at " + origin
                    + ": " + error;
            if (fallbackFails) {
                log.failed(d + " (error policy deadLetter(" + topic + "), ifUnavailable(fail()))");
                LOG.error("stopping: {}; fix the topic or choose ifUnavailable(ErrorPolicy.skip())", d);
                return true;
            }
            log.countSkipped();
            LOG.error("{}; the record is skipped and counted (ifUnavailable(skip()))", d);
            return false;
        }
    }

    static DeadLetters.Origin origin(ErrorHandlerContext c) {
        return new DeadLetters.Origin(c.topic(), c.partition(), c.offset());
    }

    /** Records that fail to decode. */
    public static final class Decode extends Handler implements DeserializationExceptionHandler {
        private java.util.function.Consumer<String> counter = topic -> { };

        @Override
        public void configure(Map<String, ?> configs) {
            super.configure(configs);
            counter = DecodeErrors.counter(configs);   // the worker's jfaust.decode.errors meter, by topic
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            counter.accept(record.topic());
            Outcome o = handle("failed to decode", origin(context), record.key(), record.value(), record.headers(),
                    record.timestamp(), DecodeErrors.located(context, exception));
            return o.fail() ? Response.fail() : Response.resume(o.deadLetters());
        }
    }

    /** Records whose agent code throws. */
    public static final class Processing extends Handler implements ProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            Outcome o = handle("failed in agent code (" + context.processorNodeId() + ")", origin(context),
                    context.sourceRawKey(), context.sourceRawValue(), context.headers(), context.timestamp(),
                    exception);
            return o.fail() ? Response.fail() : Response.resume(o.deadLetters());
        }
    }

    /**
     * Records Kafka Streams could not write: a dead letter goes to the fallback; an output on a retriable error is
     * retried from the last commit (Kafka's default); any other output error follows the policy.
     */
    public static final class Production extends Handler implements ProductionExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                    Exception exception) {
            if (record.topic().equals(deadLetterTopic())) {
                // Kafka Streams sends dead letters after the record's context is gone: the letter's headers name it.
                DeadLetters.Origin named = DeadLetters.originOf(record.headers());
                DeadLetters.Origin origin = named != null ? named : origin(context);
                return deadLetterFailed(origin, exception) ? Response.fail() : Response.resume();
            }
            if (exception instanceof RetriableException) {
                return Response.retry();
            }
            Outcome o = handle("could not be written to " + record.topic(), origin(context), context.sourceRawKey(),
                    context.sourceRawValue(), context.headers(), context.timestamp(), exception);
            return o.fail() ? Response.fail() : Response.resume(o.deadLetters());
        }
    }
}
