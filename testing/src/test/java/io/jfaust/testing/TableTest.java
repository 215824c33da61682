package io.jfaust.testing;

import static io.jfaust.testing.VectorFiles.bytes;
import static io.jfaust.testing.VectorFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.ErrorPolicy;
import io.jfaust.GlobalTable;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.testing.TestModels.Purchase;
import io.jfaust.testing.TestModels.UserKey;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Tables against Faust's changelog bytes ({@code faust_changelog.jsonl}, computed by Faust's own send path). */
class TableTest {
    private final App app = App.create("clapp", c -> c.topicPartitions(4));
    private final Topic<String, String> cmds = app.topic("cmds", String.class, String.class,
            t -> t.valueSerializer("raw"));

    private static Map<String, Object> offline(String caseName) {
        return VectorFiles.rows("faust_changelog.jsonl").stream()
                .filter(r -> "offline".equals(r.get("source")) && caseName.equals(r.get("case")))
                .findFirst().orElseThrow();
    }

    private static void assertFaustRecord(TestRecord<byte[], byte[]> got, Map<String, Object> want) {
        assertThat(text(got.key())).isEqualTo(text(bytes(want, "key_b64")));
        assertThat(got.value() == null ? null : new String(got.value(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(want.get("value_b64") == null ? null
                        : new String(bytes(want, "value_b64"), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void plainTableWritesFaustsChangelogAndDefaultsAreNotWritten() {
        Table<String, Long> counts = app.table("purchase_counts", String.class, Long.class, () -> 0L);
        app.agent("a", cmds, s -> s.forEach(cmd -> {
            switch (cmd) {
                case "peek" -> assertThat(counts.get("nobody")).isZero();
                case "three" -> counts.put("alice", 3L);
                case "zero" -> counts.put("bob", 0L);
                case "unicode" -> counts.put("J\u00fcrgen", 1L);
                case "delete" -> counts.delete("alice");
                default -> counts.update("carol", n -> n + 1);
            }
        }));
        FaustTestDriver.test(app, d -> {
            for (String c : List.of("peek", "three", "zero", "unicode", "delete", "inc", "inc")) {
                d.send(cmds, "k", c);
            }
            List<TestRecord<byte[], byte[]>> log = d.readRaw("clapp-purchase_counts-changelog");
            assertThat(log).hasSize(6);
            assertFaustRecord(log.get(0), offline("plain_str_int"));
            assertFaustRecord(log.get(1), offline("plain_str_int_zero"));
            assertFaustRecord(log.get(2), offline("plain_unicode_key"));
            assertFaustRecord(log.get(3), offline("plain_delete_tombstone"));
            assertThat(text(log.get(5).value())).isEqualTo("2");
            assertThat(counts.get("carol")).isEqualTo(2L);
            assertThat(counts.containsKey("alice")).isFalse();
            assertThat(counts.get("nobody")).isZero();
            assertThatThrownBy(() -> counts.put("x", 1L)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Cannot modify table key from outside of stream iteration");
        });
    }

    @Test
    void recordValuesRecordKeysAndBytesTablesAreFaustsBytes() {
        Table<String, Purchase> last = app.table("last_purchase", String.class, Purchase.class);
        Table<UserKey, Long> byKey = app.table("by_userkey", UserKey.class, Long.class, () -> 0L);
        Table<byte[], byte[]> raw = app.table("raw_values", byte[].class, byte[].class);
        app.agent("a", cmds, s -> s.forEach(cmd -> {
            if (cmd.equals("set")) {
                last.put("alice", new Purchase("alice", "USD", 1234));
                byKey.put(new UserKey("alice", 3), 7L);
                raw.put(new byte[] {'k', 0}, new byte[] {'v', (byte) 0xff});
            } else {
                last.delete("alice");
            }
        }));
        FaustTestDriver.test(app, d -> {
            d.send(cmds, "k", "set");
            d.send(cmds, "k", "del");
            List<TestRecord<byte[], byte[]>> lastLog = d.readRaw("clapp-last_purchase-changelog");
            assertThat(text(lastLog.get(0).value())).isEqualTo(
                    "{\"username\":\"alice\",\"currency\":\"USD\",\"amount\":1234,"
                            + "\"__faust\":{\"ns\":\"vecmodels.Purchase\"}}");
            assertFaustRecord(lastLog.get(0), offline("record_value"));
            assertFaustRecord(lastLog.get(1), offline("record_value_delete"));
            assertFaustRecord(d.readRaw("clapp-by_userkey-changelog").get(0), offline("record_key"));
            assertFaustRecord(d.readRaw("clapp-raw_values-changelog").get(0), offline("bytes_table"));
            assertThat(last.get("alice")).isNull();
            assertThat(byKey.get(new UserKey("alice", 3))).isEqualTo(7L);
        });
    }

    @Test
    void rocksdbStoresKeepTheSameBytes() {
        App rocks = App.create("rocks", c -> c.store("rocksdb://"));
        Topic<String, String> in = rocks.topic("in", String.class, String.class);
        Table<String, Long> counts = rocks.table("counts", String.class, Long.class, () -> 0L);
        rocks.agent("a", in, s -> s.forEach(v -> counts.update(v, n -> n + 1)));
        FaustTestDriver.test(rocks, d -> {
            d.send(in, "k", "alice");
            d.send(in, "k", "alice");
            assertThat(counts.get("alice")).isEqualTo(2L);
            assertThat(d.readRaw("rocks-counts-changelog")).extracting(r -> text(r.key()) + "=" + text(r.value()))
                    .containsExactly("\"alice\"=1", "\"alice\"=2");
            assertThat(d.driver().getKeyValueStore("counts").persistent()).isTrue();
        });
    }

    @Test
    void topicOptionsGiveFaustsTopicConfigs() {
        Topic<String, String> t = app.topic("events", String.class, String.class, o -> o.partitions(3)
                .retention(java.time.Duration.ofHours(1)).compacting(true).deleting(true).replicas(2)
                .config("min.insync.replicas", "1"));
        assertThat(t.options().topicConfigs()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", "3600000").containsEntry("min.insync.replicas", "1");
        assertThat(t.options().partitions()).isEqualTo(3);
        assertThatThrownBy(() -> app.topic("x", String.class, String.class, o -> o.partitions(0)))
                .hasMessageContaining("partitions");
    }

    @Test
    void aKeyThatCannotBeEncodedIsAClearError() {
        App strict = App.create("strict", c -> c.onError(ErrorPolicy.fail()));
        Topic<String, String> in = strict.topic("in", String.class, String.class);
        Table<Object, Long> t = strict.table("t", Object.class, Long.class, () -> 0L);
        strict.agent("a", in, s -> s.forEach(v -> t.put(new Thread(), 1L)));
        FaustTestDriver.test(strict, d -> assertThatThrownBy(() -> d.send(in, "k", "v"))
                .rootCause().hasMessageContaining("JSON cannot serialize 'java.lang.Thread'"));
    }

    @Test
    void aGlobalTableIsFedFromItsChangelog() {
        GlobalTable<String, String> names = app.globalTable("user_names", String.class, String.class, () -> "?");
        app.agent("a", cmds, s -> s.forEach(cmd -> names.put("u1", cmd)));
        FaustTestDriver.test(app, d -> {
            assertThat(names.get("u1")).isEqualTo("?");
            d.send(cmds, "k", "Alice");
            List<TestRecord<byte[], byte[]>> log = d.readRaw("clapp-user_names-changelog");
            assertThat(log).extracting(r -> text(r.key()) + "=" + text(r.value())).containsExactly("\"u1\"=\"Alice\"");
            d.sendRaw("clapp-user_names-changelog", log.get(0).key(), log.get(0).value(), 0,
                    new org.apache.kafka.common.header.internals.RecordHeaders());
            assertThat(names.get("u1")).isEqualTo("Alice");
            assertThat(names.containsKey("u1")).isTrue();
        });
    }
}
