package io.jfaust.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The dead letter of a record: its original key, value and headers plus Kafka Streams' error headers
 * ({@code __streams.errors.*}); or, when that copy would not fit in {@code maxBytes} (the dead letter topic's
 * {@code max.message.bytes} and the producer's {@code max.request.size}), a small pointer record naming the original's
 * topic, partition, offset, sizes and error, marked by the header {@value #POINTER}.
 *
 * <pre>{@code
 * DeadLetters.Letter l = DeadLetters.of("orders-dlq", 1_000_000, origin, key, value, headers, ts, error);
 * }</pre>
 */
final class DeadLetters {
    static final String EXCEPTION = "__streams.errors.exception";
    static final String MESSAGE = "__streams.errors.message";
    static final String STACKTRACE = "__streams.errors.stacktrace";
    static final String TOPIC = "__streams.errors.topic";
    static final String PARTITION = "__streams.errors.partition";
    static final String OFFSET = "__streams.errors.offset";
    /** Marks a pointer record; its value says why ({@code too large: <bytes> > <limit>}). */
    static final String POINTER = "jfaust.dead_letter.pointer";
    /** Record batch and record framing the size estimate adds to the payload, with a margin. */
    private static final int OVERHEAD = 512;
    private static final int MESSAGE_LIMIT = 4096;
    private static final int STACK_LIMIT = 8192;
    private static final int POINTER_KEY_LIMIT = 1024;

    private DeadLetters() {}

    /** Where the failing record was read. */
    record Origin(@Nullable String topic, int partition, long offset) {
        @Override
        public String toString() {
            return "topic " + topic + ", partition " + partition + ", offset " + offset;
        }
    }

    /** A dead letter and whether it is a pointer in place of a copy. */
    record Letter(ProducerRecord<byte[], byte[]> record, boolean pointer) {}

    static Letter of(String topic, int maxBytes, Origin origin, byte @Nullable [] key, byte @Nullable [] value,
                     @Nullable Headers headers, long timestamp, Exception error) {
        Long ts = timestamp >= 0 ? timestamp : null;
        RecordHeaders h = new RecordHeaders();
        if (headers != null) {
            for (Header header : headers) {
                h.add(header.key(), header.value());
            }
        }
        addErrorHeaders(h, origin, error, MESSAGE_LIMIT, true);
        ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, null, ts, key, value, h);
        int size = size(key, value, h);
        if (size <= maxBytes) {
            return new Letter(copy, false);
        }
        RecordHeaders ph = new RecordHeaders();
        addErrorHeaders(ph, origin, error, 1024, false);
        ph.add(POINTER, utf8("too large: " + size + " > " + maxBytes + " bytes"));
        String json = "{\"jfaust_dead_letter\":\"pointer\",\"topic\":" + quote(origin.topic())
                + ",\"partition\":" + origin.partition() + ",\"offset\":" + origin.offset()
                + ",\"timestamp\":" + timestamp + ",\"key_bytes\":" + (key == null ? -1 : key.length)
                + ",\"value_bytes\":" + (value == null ? -1 : value.length) + ",\"dead_letter_bytes\":" + size
                + ",\"max_bytes\":" + maxBytes + ",\"error\":" + quote(truncate(error.toString(), 1024)) + "}";
        byte[] pointerKey = key != null && key.length <= POINTER_KEY_LIMIT ? key : null;
        return new Letter(new ProducerRecord<>(topic, null, ts, pointerKey, utf8(json), ph), true);
    }

    /** The original record's place, as a dead letter's error headers name it, or null when they do not. */
    static @Nullable Origin originOf(Headers headers) {
        Header t = headers.lastHeader(TOPIC);
        Header p = headers.lastHeader(PARTITION);
        Header o = headers.lastHeader(OFFSET);
        if (t == null || p == null || o == null) {
            return null;
        }
        try {
            return new Origin(new String(t.value(), StandardCharsets.UTF_8),
                    Integer.parseInt(new String(p.value(), StandardCharsets.UTF_8)),
                    Long.parseLong(new String(o.value(), StandardCharsets.UTF_8)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void addErrorHeaders(RecordHeaders h, Origin origin, Exception error, int messageLimit,
                                        boolean stack) {
        h.add(EXCEPTION, utf8(error.getClass().getName()));
        h.add(MESSAGE, utf8(truncate(String.valueOf(error.getMessage()), messageLimit)));
        if (stack) {
            StringWriter w = new StringWriter();
            error.printStackTrace(new PrintWriter(w));
            h.add(STACKTRACE, utf8(truncate(w.toString(), STACK_LIMIT)));
        }
        h.add(TOPIC, utf8(String.valueOf(origin.topic())));
        h.add(PARTITION, utf8(Integer.toString(origin.partition())));
        h.add(OFFSET, utf8(Long.toString(origin.offset())));
    }

    /** An upper bound of the record's size on the wire, as the producer and the broker count it. */
    static int size(byte @Nullable [] key, byte @Nullable [] value, Headers headers) {
        long n = OVERHEAD + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Header header : headers) {
            n += 10 + header.key().getBytes(StandardCharsets.UTF_8).length
                    + (header.value() == null ? 0 : header.value().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "... (" + (s.length() - max) + " more characters)";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(@Nullable String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
