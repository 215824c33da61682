package io.jfaust.internal;

import io.jfaust.runtime.Sensors;
import io.jfaust.serdes.DecodeException;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Decode errors for jfaust's deserialization handler ({@link ErrorHandlers.Decode}): located at the record's partition
 * and offset (a deserializer only knows the topic), so that the log line, the dead letter's error headers and a
 * failure all name where the bad record is; and the runtime's decode-error sensor, passed in the configs.
 *
 * <pre>{@code
 * Exception located = DecodeErrors.located(context, exception);
 * }</pre>
 */
public final class DecodeErrors {
    private DecodeErrors() {}

    /** The runtime's decode-error counter ({@link Sensors} in {@code configs}), or one that counts nothing. */
    static java.util.function.Consumer<String> counter(Map<String, ?> configs) {
        return configs.get(Sensors.CONFIG_KEY) instanceof Sensors s ? s::decodeError : topic -> { };
    }

    /** The error located at the record, when it is a decode error that does not know its place yet. */
    static Exception located(ErrorHandlerContext context, Exception e) {
        if (e instanceof DecodeException d && d.partition() == null) {
            return d.at(context.partition(), context.offset());
        }
        return e;
    }
}
