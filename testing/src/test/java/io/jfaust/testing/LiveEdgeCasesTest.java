package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.Send;
import io.jfaust.Topic;
import io.jfaust.serdes.FaustRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code faust_live_edge_cases.jsonl}: sends through Faust's real producer on an untyped topic, and what reached the
 * broker. The same sends from a jfaust agent must put the same bytes, headers and timestamps on the wire, and the
 * sends Faust's producer could not make must fail here too.
 */
class LiveEdgeCasesTest {
    @FaustRecord(namespace = "vecmodels.UserKey")
    record UserKey(String user, long region) {}

    @FaustRecord(namespace = "vecmodels.Purchase")
    record Purchase(String username, String currency, long amount) {}

    @FaustRecord(namespace = "vecmodels.NoMeta", includeMetadata = false)
    record NoMeta(long a, String b) {}

    @FaustRecord(namespace = "vecmodels.YamlRec", serializer = "yaml")
    record YamlRec(long a, List<String> b) {}

    /** Each case's send, written in Java from the case's {@code send_kwargs}. */
    private static Map<String, Consumer<Topic<Object, Object>>> sends() {
        Map<String, Object> dict = Map.of("a", 1L);
        Map<String, Consumer<Topic<Object, Object>>> m = new LinkedHashMap<>();
        m.put("str_key_raw_json_dict", t -> t.send("alice", dict));
        m.put("str_key_json", t -> t.send("alice", dict, Send.options().withKeySerializer("json")));
        m.put("unicode_key_raw", t -> t.send("\u00e6\u00f8\u00e5", "v"));
        m.put("none_key", t -> t.send(null, dict));
        m.put("int_key_raw", t -> t.send(5L, dict));
        m.put("int_key_json", t -> t.send(5L, dict, Send.options().withKeySerializer("json")));
        m.put("record_key_untyped_topic", t -> t.send(new UserKey("alice", 3), dict));
        m.put("record_key_json", t -> t.send(new UserKey("alice", 3), dict, Send.options().withKeySerializer("json")));
        m.put("value_none_json", t -> t.send("k", null));
        m.put("value_none_raw_tombstone", t -> t.send("k", null, Send.options().withValueSerializer("raw")));
        m.put("value_bytes_binary_passthrough", t -> t.send("k", new byte[] {0, 1},
                Send.options().withValueSerializer("binary")));
        m.put("value_str_binary", t -> t.send("k", "hello", Send.options().withValueSerializer("binary")));
        m.put("record_value", t -> t.send("k", new Purchase("alice", "USD", 1234)));
        m.put("record_value_no_meta", t -> t.send("k", new NoMeta(1, "x")));
        m.put("record_value_yaml_class", t -> t.send("k", new YamlRec(1, List.of("x"))));
        m.put("headers_bytes", t -> t.send("k", 1L, Send.options().withHeader("h1", "v1".getBytes())
                .withHeader("h2", new byte[0])));
        m.put("headers_list", t -> t.send("k", 1L, Send.options().withHeader("h", "a".getBytes())
                .withHeader("h", "b".getBytes())));
        m.put("explicit_timestamp", t -> t.send("k", 1L, Send.options().withTimestamp(1700000000.123)));
        m.put("explicit_partition", t -> t.send("k", 1L, Send.options().withPartition(0)));
        return m;
    }

    @Test
    void everySendPutsFaustsBytesOnTheWire() {
        List<Map<String, Object>> cases = VectorFiles.rows("faust_live_edge_cases.jsonl");
        Map<String, Consumer<Topic<Object, Object>>> sends = sends();
        int checked = 0;
        for (Map<String, Object> c : cases) {
            String name = (String) c.get("case");
            if (name.equals("headers_str_value")) {
                continue; // a str header value: Java's header API takes bytes, so it cannot be written at all
            }
            assertThat(sends).as("a Java send for %s", name).containsKey(name);
            App app = App.create("edge", conf -> conf.onError(ErrorPolicy.fail()));
            Topic<String, String> trigger = app.topic("trigger", String.class, String.class);
            Topic<Object, Object> out = app.topic("faust-edge", Object.class, Object.class);
            app.agent("edge.send", trigger, s -> s.forEach(v -> sends.get(name).accept(out)));
            try (FaustTestDriver d = FaustTestDriver.create(app)) {
                if (!Boolean.TRUE.equals(c.get("sent"))) {
                    assertThatThrownBy(() -> d.send(trigger, "go", "go")).as(name).rootCause()
                            .hasMessageContaining("not bytes");
                    checked++;
                    continue;
                }
                d.send(trigger, "go", "go");
                List<TestRecord<byte[], byte[]>> recs = d.readRaw("faust-edge");
                assertThat(recs).as(name).hasSize(1);
                @SuppressWarnings("unchecked")
                Map<String, Object> wire = (Map<String, Object>) c.get("wire");
                TestRecord<byte[], byte[]> r = recs.get(0);
                assertThat(b64(r.key())).as("key of %s", name).isEqualTo(wire.get("key_b64"));
                assertThat(b64(r.value())).as("value of %s", name).isEqualTo(wire.get("value_b64"));
                List<List<String>> headers = new ArrayList<>();
                for (Header h : r.headers()) {
                    headers.add(List.of(h.key(), Base64.getEncoder().encodeToString(h.value())));
                }
                assertThat(headers).as("headers of %s", name).isEqualTo(wire.get("headers"));
                if (name.equals("explicit_timestamp")) {
                    assertThat(r.timestamp()).isEqualTo(((Number) wire.get("timestamp_ms")).longValue());
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(cases.size() - 1);
    }

    private static String b64(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
