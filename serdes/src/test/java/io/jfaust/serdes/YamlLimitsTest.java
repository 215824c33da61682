package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.VecModels.Scalars;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, defect 2: what the {@code yaml} codec refuses, each as a {@link CodecException} (a decode error through
 * {@link Serializers}) rather than a {@link StackOverflowError} or a parser's own exception: a node holding an alias
 * of itself, nesting deeper than PyYAML reads, alias bombs, Python's {@code ValueError}s, unhashable keys. PyYAML
 * 6.0.3's behaviour, for comparison, is given with each case.
 */
class YamlLimitsTest {
    private static final Codec YAML = Codecs.get("yaml");
    private final Serializers serializers = Serializers.of("raw", "yaml", Codecs.global(),
            RecordRegistry.create().register(Scalars.class));

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The 7-byte record that killed the worker: safe_load builds [[...]], a list holding itself. */
    @Test
    void theSevenByteSelfReferenceIsADecodeErrorNamingTheAlias() {
        byte[] record = utf8("&a [*a]");
        assertThat(record).hasSize(7);
        assertThatThrownBy(() -> YAML.loads(record)).isInstanceOf(CodecException.class)
                .hasMessage("yaml: the alias *a is inside the sequence &a names (line 1, column 1): PyYAML would "
                        + "build a list that contains itself, which Faust cannot use (json.dumps: Circular reference "
                        + "detected); jfaust refuses it");
        assertThatThrownBy(() -> serializers.loadsValue(DataType.any(), record, null, "t"))
                .isInstanceOf(ValueDecodeException.class).hasCauseInstanceOf(CodecException.class)
                .hasMessageStartingWith("ValueDecodeError: yaml: the alias *a is inside the sequence &a names");
        assertThatThrownBy(() -> serializers.loadsValue(DataType.of(Scalars.class), record, null, "t"))
                .isInstanceOf(ValueDecodeException.class).hasMessageContaining("the alias *a");
        assertThatThrownBy(() -> serializers.loadsKey(DataType.any(), record, "yaml", "t"))
                .isInstanceOf(KeyDecodeException.class).hasMessageContaining("the alias *a");
    }

    @Test
    void everyNodeHoldingAnAliasOfItselfIsRefused() {
        for (String doc : List.of("&a {x: *a}", "&a [[*a]]", "&b {k: [1, *b]}", "&a {*a: 1}", "&a {<<: *a}",
                "&s !!set {? *s}", "x: &a\n  - 1\n  - y: *a\n")) {
            assertThatThrownBy(() -> YAML.loads(utf8(doc))).as(doc).isInstanceOf(CodecException.class)
                    .hasMessageContaining("is inside the").hasMessageContaining("that contains itself");
        }
    }

    /** PyYAML raises ValueError (int(), float(), datetime()) or ConstructorError; Faust a ValueDecodeError. */
    @Test
    void whatAConstructorThrowsIsACodecErrorNamingTheNode() {
        assertThatThrownBy(() -> YAML.loads(utf8("!!int abc"))).isInstanceOf(CodecException.class)
                .hasMessage("yaml: cannot construct !!int 'abc' (line 1, column 1): NumberFormatException: For "
                        + "input string: \"abc\"");
        assertThatThrownBy(() -> YAML.loads(utf8("a: !!float abc"))).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("yaml: cannot construct !!float 'abc' (line 1, column 4): "
                        + "NumberFormatException");
        assertThatThrownBy(() -> YAML.loads(utf8("- 2020-13-45"))).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("yaml: cannot construct !!timestamp '2020-13-45' (line 1, column 3): "
                        + "DateTimeException");
        assertThatThrownBy(() -> YAML.loads(utf8("!!set [1]"))).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("yaml: cannot construct !!set (a sequence) (line 1, column 1)");
        assertThatThrownBy(() -> YAML.loads(utf8("!!int [1]"))).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("yaml: cannot construct !!int (a sequence)");
        // PyYAML: bool_values[value.lower()], a KeyError (SnakeYAML alone gives null).
        assertThatThrownBy(() -> YAML.loads(utf8("!!bool x"))).isInstanceOf(CodecException.class)
                .hasMessage("yaml: not a bool: !!bool 'x' (line 1, column 1)");
        assertThat(YAML.loads(utf8("!!bool yes"))).isEqualTo(true);
        assertThatThrownBy(() -> serializers.loadsValue(DataType.any(), utf8("!!int abc"), null, "t"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessageStartingWith("ValueDecodeError: yaml: cannot construct !!int 'abc'");
    }

    /**
     * PyYAML 6.0.3's safe_load (Python's default recursion limit, 1000) reads a value inside 491 nested collections
     * and raises RecursionError at 492: jfaust reads 500 and refuses 501.
     */
    @Test
    void nestingIsReadAsDeepAsPyYamlReadsItAndNoDeeper() {
        for (int depth : new int[] {499, 500}) {
            assertThat(YAML.loads(utf8("[".repeat(depth) + "1" + "]".repeat(depth)))).as("flow %d", depth)
                    .isNotNull();
            assertThat(YAML.loads(utf8("{a: ".repeat(depth) + "1" + "}".repeat(depth)))).as("map %d", depth)
                    .isNotNull();
            assertThat(YAML.loads(utf8(block(depth)))).as("block %d", depth).isNotNull();
        }
        for (String doc : List.of("[".repeat(501) + "1" + "]".repeat(501), block(501), "- ".repeat(100_000) + "x",
                "[".repeat(20_000), "{a: ".repeat(3000))) {
            assertThatThrownBy(() -> YAML.loads(utf8(doc))).as("%d chars", doc.length())
                    .isInstanceOf(CodecException.class).hasMessage("yaml: Nesting Depth exceeded max 500");
        }
    }

    private static String block(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            sb.append("  ".repeat(i)).append("-\n");
        }
        return sb.toString();
    }

    /** PyYAML shares an aliased value (no limit on aliases); jfaust too, within limits. */
    @Test
    void aliasesAreSharedAndLimited() {
        Map<?, ?> shared = (Map<?, ?>) YAML.loads(utf8("a: &x [1, 2]\nb: *x\n"));
        assertThat(shared.get("a")).isEqualTo(List.of(1L, 2L)).isSameAs(shared.get("b"));
        String fifty = "- &x [1]\n" + "- *x\n".repeat(50);
        assertThat((List<?>) YAML.loads(utf8(fifty))).hasSize(51);
        assertThatThrownBy(() -> YAML.loads(utf8(fifty + "- *x\n"))).isInstanceOf(CodecException.class)
                .hasMessage("yaml: Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    /** Billion laughs within the alias count: 3 aliases a level, 16 levels, 3^16 = 43 million values. */
    @Test
    void anAliasBombIsRefusedByWhatItExpandsTo() {
        StringBuilder bomb = new StringBuilder("l0: &l0 [lol, lol, lol]\n");
        for (int l = 1; l <= 16; l++) {
            bomb.append("l").append(l).append(": &l").append(l).append(" [*l").append(l - 1).append(", *l")
                    .append(l - 1).append(", *l").append(l - 1).append("]\n");
        }
        assertThatThrownBy(() -> YAML.loads(utf8(bomb.toString()))).isInstanceOf(CodecException.class)
                .hasMessageStartingWith("yaml: aliases expand the document to ")
                .hasMessageContaining("at most 1000000 more are accepted");
        // 10 levels: about 400000 values as a tree, within the limit: accepted, and shared.
        String small = bomb.substring(0, bomb.indexOf("l11:"));
        Map<?, ?> m = (Map<?, ?>) YAML.loads(utf8(small));
        assertThat(((List<?>) m.get("l10")).get(0)).isSameAs(m.get("l9"));
    }

    /** PyYAML: "found unhashable key" (a list or dict cannot be a dict key or a set member in Python). */
    @Test
    void aCollectionAsAKeyIsRefusedAsPyYamlRefusesIt() {
        assertThatThrownBy(() -> YAML.loads(utf8("{[1]: 2}"))).isInstanceOf(CodecException.class)
                .hasMessage("yaml: found unhashable key (a list), as PyYAML's safe_load refuses it");
        assertThatThrownBy(() -> YAML.loads(utf8("? {a: 1}\n: x\n"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("found unhashable key (a dict)");
        assertThatThrownBy(() -> YAML.loads(utf8("!!set {? [1]}"))).isInstanceOf(CodecException.class)
                .hasMessageContaining("found unhashable set member (a list)");
        assertThat(YAML.loads(utf8("!!set {1, 2}"))).isEqualTo(java.util.Set.of(1L, 2L));
    }
}
