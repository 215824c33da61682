package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A jfaust caller's side of Faust's request/reply: the request headers it sends, and a Faust agent's reply. */
class RepliesTest {
    private final App app = App.create("rpc");
    private final Agent<String, Long> silent = app.agent("rpc.silent", String.class, Long.class,
            s -> s.forEach(v -> { }));

    /** A runtime that keeps what it sends and hands replies over when the test says so. */
    private static final class Recording extends RunningApp {
        final List<Send> sent = new ArrayList<>();
        @Nullable Consumer<byte @Nullable []> onReply;

        Recording(App app) {
            super(app);
        }

        @Override
        protected void sendBytes(String topic, byte[] key, byte[] value, Send send) {
            sent.add(send);
        }

        @Override
        protected ReadOnlyKeyValueStore<Bytes, byte[]> store(String table) {
            throw new UnsupportedOperationException("no stores here");
        }

        @Override
        protected void startReplies(String replyTopic, Consumer<byte @Nullable []> onReply) {
            this.onReply = onReply;
        }

        @Override
        public void close() {
            markClosed();
        }
    }

    @Test
    void aJfaustCallerUnderstandsAFaustEncodedReply() {
        try (Recording running = new Recording(app)) {
            CompletableFuture<@Nullable Object> reply = running.askAsync(silent, "k", 1L);
            assertThat(running.sent).hasSize(1);
            String replyTo = header(running.sent.get(0), "Faust-Ag-ReplyTo");
            String cid = header(running.sent.get(0), "Faust-Ag-CorrelationId");
            assertThat(replyTo).startsWith("f-reply-");
            assertThat(cid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
            // A reply as a Faust agent writes it (robinhood's separators too: the reader takes every flavour).
            assertThat(running.onReply).isNotNull();
            running.onReply.accept(("{\"key\": null, \"value\": {\"a\": [1, 2.5]}, \"correlation_id\": \"" + cid
                    + "\", \"__faust\": {\"ns\": \"@ReqRepResponse\"}}").getBytes(StandardCharsets.UTF_8));
            assertThat(reply.join()).isEqualTo(Map.of("a", List.of(1L, 2.5)));
        }
    }

    private static String header(Send send, String name) {
        return send.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue)
                .map(v -> new String(v, StandardCharsets.UTF_8)).findFirst().orElseThrow();
    }
}
