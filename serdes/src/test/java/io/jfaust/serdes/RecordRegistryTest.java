package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.VecModels.Article;
import io.jfaust.serdes.VecModels.Asset;
import io.jfaust.serdes.VecModels.ImageAsset;
import io.jfaust.serdes.VecModels.PlainAsset;
import io.jfaust.serdes.VecModels.VideoAsset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registries are explicit and scoped: nothing registers itself, decoding asks the decoder's registry. */
class RecordRegistryTest {
    @FaustRecord(namespace = "dup.Same")
    record First(String a) {}

    @FaustRecord(namespace = "dup.Same")
    record Second(long b) {}

    @FaustRecord(namespace = "dup.Holder")
    record Holder(Second second) {}

    @FaustRecord(namespace = "dup.Other")
    record Other(String x) {}

    @FaustRecord(namespace = "dup.Both")
    record Both(First first, Second second) {}

    private static final String ARTICLE = "{\"title\":\"t\",\"assets\":[{\"url\":\"i.png\",\"type\":\"image\","
            + "\"width\":5,\"__faust\":{\"ns\":\"vecmodels.ImageAsset\"}}],\"cover\":null,"
            + "\"__faust\":{\"ns\":\"vecmodels.Article\"}}";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void registeringARecordRegistersWhatItReachesAndNothingElse() {
        RecordRegistry r = RecordRegistry.create().register(Article.class);
        assertThat(r.namespaces()).containsExactly("vecmodels.Article", "vecmodels.Asset", "vecmodels.ImageAsset",
                "vecmodels.VideoAsset");
        assertThat(r.lookup("vecmodels.ImageAsset")).isSameAs(RecordSchema.of(ImageAsset.class));
        assertThat(RecordRegistry.create().register(Asset.class).namespaces())
                .containsExactly("vecmodels.Asset", "vecmodels.ImageAsset", "vecmodels.VideoAsset");
        assertThat(RecordRegistry.create().register(DataType.of(String.class)).namespaces()).isEmpty();
    }

    @Test
    void computingSchemasRegistersNothing() {
        RecordRegistry app = RecordRegistry.create();
        RecordSchema.of(First.class);
        RecordSchema.of(Article.class).fromData(Map.of("title", "t", "assets", List.of()));
        assertThat(app.namespaces()).isEmpty();
        assertThat(RecordSchema.of(First.class).registry().namespaces()).containsExactly("dup.Same");
        assertThat(RecordSchema.of(Second.class).registry().lookup("dup.Same")).isSameAs(RecordSchema.of(Second.class));
    }

    @Test
    void aTakenNamespaceIsAnErrorNamingBothClassesAndTheFix() {
        RecordRegistry r = RecordRegistry.create().register(First.class).register(First.class);
        assertThatThrownBy(() -> r.register(Second.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dup.Same'")
                .hasMessageContaining(First.class.getName())
                .hasMessageContaining(Second.class.getName())
                .hasMessageContaining("give one of them another namespace in @FaustRecord(namespace=...)");
        assertThat(r.lookup("dup.Same")).isSameAs(RecordSchema.of(First.class));
    }

    @Test
    void aFailedRegistrationRegistersNothing() {
        RecordRegistry r = RecordRegistry.create().register(First.class);
        RecordSchema<GenericRecord> other = RecordSchema.builder("dup.Other2")
                .field("s", FieldType.record(Second.class)).build();
        assertThatThrownBy(() -> r.register(other)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.namespaces()).containsExactly("dup.Same");
        assertThatThrownBy(() -> r.register(Holder.class)).hasMessageContaining("dup.Same");
        assertThat(r.lookup("dup.Holder")).isNull();
    }

    @Test
    void aRecordReachingTwoRecordsWithOneNamespaceFailsWhenDeclared() {
        assertThatThrownBy(() -> RecordSchema.of(Both.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dup.Same'")
                .hasMessageContaining(First.class.getName()).hasMessageContaining(Second.class.getName());
        assertThatThrownBy(() -> DataType.of(Both.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void genericSchemasConflictUnlessEqual() {
        RecordRegistry r = RecordRegistry.create();
        RecordSchema.builder("g.Rec").registry(r).field("a", FieldType.INT).build();
        RecordSchema.builder("g.Rec").registry(r).field("a", FieldType.INT).build();
        assertThatThrownBy(() -> RecordSchema.builder("g.Rec").registry(r).field("a", FieldType.STR).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GenericRecord schema Rec");
        assertThat(r.register(RecordSchema.of(Other.class)).namespaces()).containsExactly("dup.Other", "g.Rec");
    }

    @Test
    void aSchemaOnItsOwnResolvesTheRecordsItReaches() {
        Article a = RecordSchema.of(Article.class).loads(bytes(ARTICLE), "json", Codecs.global());
        assertThat(a.assets()).containsExactly(new ImageAsset("i.png", "image", 5));
        Article typed = Serializers.defaults().loadsValue(DataType.of(Article.class), bytes(ARTICLE), null, "t");
        assertThat(typed).isEqualTo(a);
    }

    @Test
    void untypedPayloadsResolveOnlyInTheDecodersRegistry() {
        Serializers empty = Serializers.defaults();
        assertThatThrownBy(() -> empty.loadsValue(DataType.any(), bytes(ARTICLE), null, "t"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessageContaining("unknown __faust namespace 'vecmodels.Article'")
                .hasMessageContaining("RecordRegistry.register");
        Serializers app = Serializers.of("raw", "json", Codecs.newRegistry(JsonFlavor.FAUST_STREAMING),
                RecordRegistry.create().register(Article.class));
        Object decoded = app.loadsValue(DataType.any(), bytes(ARTICLE), null, "t");
        assertThat(decoded).isInstanceOf(Article.class);
        assertThat(app.loadsValue(DataType.any(), bytes("{\"url\":\"v\",\"type\":\"video\","
                + "\"__faust\":{\"ns\":\"vecmodels.VideoAsset\"}}"), null, "t"))
                .isEqualTo(new VideoAsset("v", "video", 0.0));
    }

    @Test
    void theBlessedKeyPicksFromTheDecodersRegistry() {
        RecordSchema<GenericRecord> base = RecordSchema.builder("g.Base").field("a", FieldType.INT).build();
        RecordSchema<GenericRecord> sub = RecordSchema.builder("g.Sub").extend(base)
                .options(RecordOptions.defaults().withAllowBlessedKey(true)).field("b", FieldType.INT, 0L).build();
        byte[] payload = bytes("{\"a\":1,\"b\":2,\"__faust\":{\"ns\":\"g.Sub\"}}");
        Serializers knowsSub = Serializers.of("raw", "json", Codecs.global(),
                RecordRegistry.create().register(base).register(sub));
        Serializers doesNot = Serializers.of("raw", "json", Codecs.global(), RecordRegistry.create().register(base));
        assertThat(((GenericRecord) knowsSub.loadsValue(DataType.of(base), payload, null, "t")).schema())
                .isSameAs(sub);
        assertThat(((GenericRecord) doesNot.loadsValue(DataType.of(base), payload, null, "t")).schema())
                .isSameAs(base);
        assertThat(base.fromData(Map.of("a", 1L, "__faust", Map.of("ns", "g.Sub"))).schema()).isSameAs(base);
    }

    @Test
    void polymorphicBasesNeedImplementations() {
        assertThatThrownBy(() -> RecordRegistry.create().register(Runnable.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no @FaustRecord implementations");
        assertThatThrownBy(() -> RecordRegistry.create().register(String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Faust record");
        assertThat(RecordRegistry.create().register(PlainAsset.class).namespaces())
                .containsExactly("vecmodels.Asset");
    }
}
