package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A set table's store, replayed from Faust's changelog, and the set manager's operation records. */
class SetStoreTest {
    private final App app = App.create("sets");
    private final SetTable<String, String> members = app.setTable("members", String.class, String.class,
            t -> t.startManager(true));

    @Test
    void aFaustChangelogReplaysToTheSameSets() {
        SetStore store = new SetStore("members", members::replay);
        String[][] faust = {
            {"[1,\"k\"]", "\"a\""}, {"[1,\"k\"]", "\"b\""}, {"[1,\"j\"]", "\"x\""}, {"[2,\"k\"]", "\"a\""},
            {"[15,\"k\"]", "[[\"c\",\"d\"],[\"b\"]]"}, {"[15, \"j\"]", "[[], [\"x\"]]"},   // robinhood's separators
        };
        for (String[] r : faust) {
            members.replay(store, new byte[][] {r[0].getBytes(StandardCharsets.UTF_8),
                r[1].getBytes(StandardCharsets.UTF_8)});
        }
        assertThat(store.snapshot("k")).containsExactlyInAnyOrder("c", "d");
        assertThat(store.snapshot("j")).isEmpty();
        assertThatThrownBy(() -> members.replay(store, new byte[][] {"[7,\"k\"]".getBytes(), "\"a\"".getBytes()}))
                .hasMessageContaining("Unknown operation 7");
    }

    @Test
    void theManagerWritesFaustsOperationRecords() {
        byte[] op = app.serializers().dumpsValue(DataType.of(SetTableManager.OPERATION),
                SetTableManager.OPERATION.create(Map.of("action", "ADD", "members", List.of("x"))), null);
        assertThat(new String(op, StandardCharsets.UTF_8))
                .isEqualTo("{\"action\":\"ADD\",\"members\":[\"x\"],\"__faust\":{\"ns\":\"@SetManagerOperation\"}}");
    }
}
