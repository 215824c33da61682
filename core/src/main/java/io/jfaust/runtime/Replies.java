package io.jfaust.runtime;

import io.jfaust.App;
import io.jfaust.Send;
import io.jfaust.serdes.DataType;
import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.RecordSchema;
import io.jfaust.web.Request;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Faust's request/reply wire format (faust/agents/agent.py, replies.py, models.py): a request is the value sent
 * unchanged to the agent's topic with headers {@code Faust-Ag-ReplyTo} (the reply topic) and
 * {@code Faust-Ag-CorrelationId} (a uuid4); every value the agent yields for it goes to the reply topic, key null,
 * as {@code {"key":<request key>,"value":<yielded>,"correlation_id":"<id>","__faust":{"ns":"@ReqRepResponse"}}}
 * ({@code faust.agents.models.ModelReqRepResponse} for a record value). One instance per runtime holds the
 * caller's pending requests by correlation id.
 */
public final class Replies {
    static final String REPLY_TO = "Faust-Ag-ReplyTo";
    static final String CORRELATION_ID = "Faust-Ag-CorrelationId";
    static final String RESPONSE = "@ReqRepResponse";
    static final String MODEL_RESPONSE = "faust.agents.models.ModelReqRepResponse";

    private final App app;
    private final String topic;
    private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();

    public Replies(App app) {
        this.app = app;
        String configured = app.settings().replyTo();
        this.topic = configured != null ? configured : "f-reply-" + UUID.randomUUID();
    }

    /** This runtime's reply topic ({@code conf.reply_to}, default {@code f-reply-<uuid4>}, as Faust's). */
    public String topic() {
        return topic;
    }

    /** A new request: its correlation id, and the send options carrying Faust's reply headers. */
    public Request request() {
        String id = UUID.randomUUID().toString();
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        pending.put(id, reply);
        reply.whenComplete((v, e) -> pending.remove(id));
        Send send = Send.options().withHeader(REPLY_TO, topic.getBytes(StandardCharsets.UTF_8))
                .withHeader(CORRELATION_ID, id.getBytes(StandardCharsets.UTF_8));
        return new Request(id, send, reply);
    }

    /** A request in flight. */
    public record Request(String correlationId, Send send, CompletableFuture<byte[]> reply) {}

    /** Completes the request a reply answers; replies to no pending request (another process's, late) are ignored. */
    public void complete(byte @Nullable [] replyValue) {
        if (replyValue == null) {
            return;
        }
        Object parsed = FaustJson.of(app.settings().jsonFlavor()).loads(replyValue);
        if (parsed instanceof Map<?, ?> m && m.get("correlation_id") instanceof String id) {
            CompletableFuture<byte[]> f = pending.get(id);
            if (f != null) {
                f.complete(replyValue);
            }
        }
    }

    /** The reply's {@code value}, decoded as {@code type} (records by the app's registry when untyped). */
    @SuppressWarnings("unchecked")
    public <R> @Nullable R decode(byte[] replyValue, Class<R> type) {
        FaustJson json = FaustJson.of(app.settings().jsonFlavor());
        Map<String, Object> envelope = (Map<String, Object>) Objects.requireNonNull(json.loads(replyValue),
                "a reply is a JSON object");
        Object value = envelope.get("value");
        if (value == null) {
            return null;
        }
        if (type == Object.class && !(value instanceof Map<?, ?> m && m.get("__faust") instanceof Map<?, ?> f
                && f.get("ns") instanceof String ns && app.serializers().records().lookup(ns) != null)) {
            return (R) value;
        }
        return app.serializers().loadsValue(DataType.of(type), json.dumps(value), "json", topic);
    }

    /** Faust's reply address of an event, or null when it is no request. */
    public static @Nullable Address addressOf(@Nullable Headers headers) {
        if (headers == null) {
            return null;
        }
        Header to = headers.lastHeader(REPLY_TO);
        Header id = headers.lastHeader(CORRELATION_ID);
        if (to == null || id == null || to.value() == null || id.value() == null) {
            return null;
        }
        return new Address(new String(to.value(), StandardCharsets.UTF_8), new String(id.value(),
                StandardCharsets.UTF_8));
    }

    /** Where a reply goes. */
    public record Address(String topic, String correlationId) {}

    /** The reply record's value for one yielded value, in the app's JSON flavour. */
    public static byte[] response(App app, @Nullable Object requestKey, @Nullable Object yielded, String correlationId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", requestKey);
        out.put("value", yielded);
        out.put("correlation_id", correlationId);
        out.put("__faust", Map.of("ns", RecordSchema.forObject(yielded) != null ? MODEL_RESPONSE : RESPONSE));
        return FaustJson.of(app.settings().jsonFlavor()).dumps(out);
    }
}
