package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.WindowedTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Tables as Faust's dict: len, keys, values, items, iteration, clear, asMap; windowed tables' items views. */
class TableDictTest {
    private final App app = App.create("dict");
    private final Topic<String, String> words = app.topic("words", String.class, String.class);
    private final Table<String, Long> counts = app.table("counts", String.class, Long.class, () -> 0L);

    @Test
    void sizeKeysValuesItemsAndIterationReadWhatTheInstanceHolds() {
        List<Integer> sizesSeenByTheAgent = new ArrayList<>();
        app.agent("dict.count", words, s -> s.forEach(w -> {
            if (w.equals("!clear")) {
                counts.clear();
            } else {
                counts.update(w, n -> n + 1);
            }
            sizesSeenByTheAgent.add(counts.size());
        }));
        FaustTestDriver.test(app, d -> {
            for (String w : List.of("b", "a", "b", "c")) {
                d.send(words, "k", w);
            }
            assertThat(counts.size()).isEqualTo(3);
            assertThat(counts.isEmpty()).isFalse();
            assertThat(counts.keys()).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(counts.values()).containsExactlyInAnyOrder(1L, 2L, 1L);
            assertThat(counts.items()).containsExactlyInAnyOrder(Map.entry("a", 1L), Map.entry("b", 2L),
                    Map.entry("c", 1L));
            List<String> iterated = new ArrayList<>();
            for (String k : counts) {
                iterated.add(k);
            }
            assertThat(iterated).containsExactlyInAnyOrderElementsOf(counts.keys());
            Map<String, Long> map = counts.asMap();
            assertThat(map).containsOnly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 1L));
            assertThat(map.get("zzz")).isNull();                       // Map semantics; counts.get gives the default
            assertThat(counts.get("zzz")).isZero();
            assertThatThrownBy(() -> map.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);

            d.readRaw(counts.changelogTopic());
            d.send(words, "k", "!clear");
            assertThat(counts.size()).isZero();
            assertThat(map).isEmpty();                                  // the view reads the store again
            List<TestRecord<byte[], byte[]>> tombstones = d.readRaw(counts.changelogTopic());
            assertThat(tombstones).hasSize(3).allMatch(r -> r.value() == null);
            assertThat(tombstones).extracting(r -> new String(r.key()))
                    .containsExactlyInAnyOrder("\"a\"", "\"b\"", "\"c\"");
        });
        assertThat(sizesSeenByTheAgent).containsExactly(1, 2, 2, 3, 0);
    }

    @Test
    void clearingOutsideAnAgentFailsAsFaustDoes() {
        app.agent("dict.noop", words, s -> s.forEach(w -> { }));
        FaustTestDriver.test(app, d -> assertThatThrownBy(counts::clear)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside of stream iteration"));
    }

    @Test
    void windowedItemsPickOneWindowPerKeyAsWindowSetsDo() {
        WindowedTable<String, Long> views = app.table("views", String.class, Long.class, () -> 0L)
                .tumbling(Duration.ofSeconds(10), Duration.ofHours(1));
        List<Map<String, Long>> current = new ArrayList<>();
        app.agent("dict.views", words, s -> s.forEach(w -> {
            views.update(w, n -> n + 1);
            current.add(views.items().current());
        }));
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        try (FaustTestDriver d = FaustTestDriver.create(app, t0.plusSeconds(25))) {
            d.send(words, "k", "home", t0.plusSeconds(1));
            d.send(words, "k", "about", t0.plusSeconds(2));
            d.send(words, "k", "home", t0.plusSeconds(12));
            d.send(words, "k", "home", t0.plusSeconds(21));
            assertThat(current.get(1)).containsOnly(Map.entry("home", 1L), Map.entry("about", 1L));
            assertThat(current.get(2)).containsOnly(Map.entry("home", 1L));
            assertThat(views.keys()).containsExactlyInAnyOrder("home", "about");
            assertThat(views.size()).isEqualTo(2);
            assertThat(views.items().now()).containsOnly(Map.entry("home", 1L));          // window [20, 29.9]
            assertThat(views.relativeToNow().items().delta(Duration.ofSeconds(20)))
                    .containsOnly(Map.entry("home", 1L), Map.entry("about", 1L));           // window [0, 9.9]
            assertThatThrownBy(() -> views.items().current()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs an event");
        }
    }
}
