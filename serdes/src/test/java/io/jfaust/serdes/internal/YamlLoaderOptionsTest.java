package io.jfaust.serdes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The limits the {@code yaml} codec reads a record under (issue 21, defect 2; see
 * {@link YamlCodec#loaderOptions()}). What they do to documents is {@code YamlLimitsTest}'s; the document-length
 * limit is only checked here, as SnakeYAML needs seconds to read the 3 MB it would otherwise refuse.
 */
class YamlLoaderOptionsTest {
    @Test
    void theCodecReadsUnderPyYamlsLimitsNotSnakeYamlsDefaults() {
        LoaderOptions o = YamlCodec.loaderOptions();
        assertThat(o.getNestingDepthLimit()).as("nesting: PyYAML reads 491 levels, SnakeYAML's default is 50")
                .isEqualTo(500);
        assertThat(o.getMaxAliasesForCollections()).as("aliases of lists and maps").isEqualTo(50);
        assertThat(o.getAllowRecursiveKeys()).as("recursive keys").isFalse();
        assertThat(o.getCodePointLimit()).as("document length: none (SnakeYAML's default is 3 MB)")
                .isEqualTo(Integer.MAX_VALUE);
        assertThat(o.isAllowDuplicateKeys()).as("duplicate keys, the last winning, as PyYAML").isTrue();
        assertThat(o.isWarnOnDuplicateKeys()).as("PyYAML warns of nothing").isFalse();
        assertThat(YamlValues.MAX_ALIAS_EXPANSION).isEqualTo(1_000_000);
    }
}
