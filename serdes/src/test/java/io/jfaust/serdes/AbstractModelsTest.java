package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Faust's abstract models ({@code abstract=True}) with polymorphic fields, in the three forms jfaust has: the
 * generated vector file {@code abstract_vectors.jsonl} (outcomes derived from Faust's source by
 * {@code derive_abstract.py}, each citing the lines that decide it) run on models the harness builds from the file,
 * Java-typed models (a sealed interface is the abstract base) and run-time models
 * ({@code RecordOptions.withAbstract}).
 */
class AbstractModelsTest {
    static final String FILE = "/faust-vectors/abstract_vectors.jsonl";

    @FaustRecord(namespace = "absmodels.Asset", polymorphicFields = true)
    sealed interface Asset permits Image, Video {}

    @FaustRecord(namespace = "absmodels.Image", polymorphicFields = true)
    record Image(String url, @FaustField(defaultValue = "0") long width) implements Asset {}

    @FaustRecord(namespace = "absmodels.Video", polymorphicFields = true)
    record Video(String url, @FaustField(defaultValue = "0.0") double seconds) implements Asset {}

    @FaustRecord(namespace = "absmodels.Note")
    record Note(String text) {}

    @FaustRecord(namespace = "absmodels.Gallery")
    record Gallery(String title, List<Asset> items, @FaustField(optional = true) Asset cover) {}

    private static final Serializers APP = Serializers.of("raw", "json", Codecs.global(),
            RecordRegistry.create().register(Gallery.class).register(Note.class));

    // ------------------------------------------------------------------ the generated vector file

    @Test
    void everyGeneratedCasePassesWithTheAbstractValueTypeAsTheOneDifference() {
        VectorFile file = VectorFile.load(null, FILE);
        VectorHarness.Summary s = new VectorHarness(file).summarize();
        System.out.println("abstract " + s.text());
        assertThat(s.total()).isEqualTo(32);
        assertThat(s.failed()).isEmpty();
        assertThat(s.passed()).isEqualTo(s.total());
        assertThat(s.different()).hasSize(5).allMatch(d -> d.contains("abstract model"));
    }

    @Test
    void theHarnessBuildsAbstractModelsFromDescriptionsAndFromBasesAlone() {
        RecordRegistry r = VectorModels.build(VectorFile.load(null, FILE).cases()).registry();
        assertThat(r.declared("absmodels.Asset").options().isAbstract()).isTrue();
        assertThat(r.declared("absmodels.Shape").options().isAbstract()).as("named only in Circle's bases").isTrue();
        assertThat(r.lookup("absmodels.Asset")).as("never registered, as in Faust").isNull();
        assertThat(r.lookup("absmodels.Image").options().polymorphicFields()).isTrue();
        assertThat(r.namespaces()).doesNotContain("absmodels.Asset", "absmodels.Shape").contains("shapes.Circle");
    }

    // ------------------------------------------------------------------ Java-typed: a sealed interface

    @Test
    void javaListOfTheBaseDecodesEachElementToTheModelItNames() {
        Gallery g = APP.loadsValue(DataType.of(Gallery.class), bytes("{\"title\":\"g\",\"items\":["
                + "{\"url\":\"i.png\",\"width\":640,\"__faust\":{\"ns\":\"absmodels.Image\"}},"
                + "{\"url\":\"v.mp4\",\"seconds\":1.5,\"__faust\":{\"ns\":\"absmodels.Video\"}}],"
                + "\"cover\":{\"url\":\"c\",\"__faust\":{\"ns\":\"absmodels.Image\"}}}"), null, "t");
        assertThat(g.items()).containsExactly(new Image("i.png", 640), new Video("v.mp4", 1.5));
        assertThat(g.cover()).isEqualTo(new Image("c", 0));
        Gallery written = new Gallery("g", List.of(new Image("a.png", 640), new Video("b.mp4", 0.5)), null);
        assertThat(new String(APP.dumpsValue(DataType.of(Gallery.class), written, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"title\":\"g\",\"items\":[{\"url\":\"a.png\",\"width\":640,\"__faust\":{\"ns\":"
                        + "\"absmodels.Image\"}},{\"url\":\"b.mp4\",\"seconds\":0.5,\"__faust\":{\"ns\":"
                        + "\"absmodels.Video\"}}],\"cover\":null,\"__faust\":{\"ns\":\"absmodels.Gallery\"}}");
    }

    @Test
    void javaBasesRefuseWhatFaustKeepsAndWhatItCannotFind() {
        assertThatThrownBy(() -> decodeGalleryItem("{\"url\":\"x\",\"width\":3}"))
                .isInstanceOf(ValueDecodeException.class).hasCauseInstanceOf(RecordException.class)
                .hasMessageContaining("Faust keeps the plain dict there, which a Java Asset cannot hold")
                .hasMessageContaining("GenericRecord");
        assertThatThrownBy(() -> decodeGalleryItem("{\"url\":\"x\",\"__faust\":{\"ns\":\"absmodels.Gone\"}}"))
                .hasMessageContaining("unknown __faust namespace 'absmodels.Gone'");
        assertThatThrownBy(() -> decodeGalleryItem("{\"url\":\"x\",\"__faust\":{\"ns\":\"absmodels.Asset\"}}"))
                .hasMessageContaining("Asset is abstract: Faust never registers abstract models");
        assertThatThrownBy(() -> decodeGalleryItem("{\"text\":\"x\",\"__faust\":{\"ns\":\"absmodels.Note\"}}"))
                .hasMessageContaining("does not implement").hasMessageContaining("Faust would decode it anyway");
    }

    @Test
    void aTopicTypedWithTheBaseDecodesToTheNamedImplementation() {
        DataType<Asset> type = DataType.of(Asset.class);
        assertThat(type.kind()).isEqualTo(DataType.Kind.RECORD);
        assertThat(type.schema().options().isAbstract()).isTrue();
        assertThat(APP.loadsValue(type, bytes("{\"url\":\"v\",\"__faust\":{\"ns\":\"absmodels.Video\"}}"), null,
                "t")).isEqualTo(new Video("v", 0.0));
        assertThatThrownBy(() -> APP.loadsValue(type, bytes("{\"url\":\"v\"}"), null, "t"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessageContaining("Cannot instantiate abstract model Asset (absmodels.Asset)");
        assertThatThrownBy(() -> APP.loadsValue(type, bytes("{\"__faust\":{\"ns\":\"x.Y\"}}"), null, "t"))
                .isInstanceOf(ValueDecodeException.class).hasMessageContaining("unknown __faust namespace 'x.Y'");
        assertThat(RecordSchema.of(Asset.class).loads(bytes("{\"url\":\"i\",\"__faust\":{\"ns\":"
                + "\"absmodels.Image\"}}"), "json", Codecs.global())).isEqualTo(new Image("i", 0));
        assertThat(new String(APP.dumpsValue(type, new Image("i", 2), null), StandardCharsets.UTF_8))
                .isEqualTo("{\"url\":\"i\",\"width\":2,\"__faust\":{\"ns\":\"absmodels.Image\"}}");
    }

    @Test
    void registeringAJavaBaseRegistersItsImplementationsOnly() {
        RecordRegistry r = RecordRegistry.create().register(Asset.class);
        assertThat(r.namespaces()).containsExactly("absmodels.Image", "absmodels.Video");
        assertThat(RecordRegistry.create().register(RecordSchema.of(Asset.class)).namespaces())
                .containsExactly("absmodels.Image", "absmodels.Video");
        assertThatThrownBy(() -> RecordSchema.of(Asset.class).create(Map.of("url", "x")))
                .isInstanceOf(RecordException.class).hasMessageContaining("Cannot instantiate abstract model Asset");
    }

    // ------------------------------------------------------------------ run-time models

    @Test
    void runTimeAbstractModelsKeepPlainMappingsAndDecodeNamedModels() {
        RecordRegistry r = RecordRegistry.create();
        RecordSchema<GenericRecord> asset = RecordSchema.builder("rt.Asset").registry(r)
                .options(RecordOptions.defaults().withAbstract(true).withPolymorphicFields(true))
                .field("url", FieldType.STR).build();
        RecordSchema<GenericRecord> image = RecordSchema.builder("rt.Image").extend(asset).registry(r)
                .field("width", FieldType.INT, 0L).build();
        RecordSchema<GenericRecord> gallery = RecordSchema.builder("rt.Gallery").registry(r)
                .field("items", FieldType.parse("List[rt.Asset]")).build();
        assertThat(image.options().isAbstract()).isFalse();
        assertThat(image.options().polymorphicFields()).as("inherited, as clone_defaults does").isTrue();
        assertThat(image.fields()).extracting(Field::name).containsExactly("url", "width");
        assertThat(r.lookup("rt.Asset")).isNull();
        assertThat(r.namespaces()).containsExactly("rt.Gallery", "rt.Image");

        GenericRecord g = gallery.fromData(Map.of("items", List.of(
                Map.of("url", "i", "__faust", Map.of("ns", "rt.Image")), Map.of("url", "plain"), "text")));
        List<?> items = (List<?>) g.get(0);
        assertThat(((GenericRecord) items.get(0)).schema()).isSameAs(image);
        assertThat(items.get(1)).isEqualTo(Map.of("url", "plain"));
        assertThat(items.get(2)).isEqualTo("text");
        assertThat(new String((byte[]) gallery.dumps(g, "json", Codecs.global()), StandardCharsets.UTF_8))
                .isEqualTo("{\"items\":[{\"url\":\"i\",\"width\":0,\"__faust\":{\"ns\":\"rt.Image\"}},"
                        + "{\"url\":\"plain\"},\"text\"],\"__faust\":{\"ns\":\"rt.Gallery\"}}");
        assertThatThrownBy(() -> gallery.fromData(Map.of("items", List.of(Map.of("__faust", Map.of("ns",
                "rt.Asset")))))).isInstanceOf(RecordException.class).hasMessageContaining("Faust: KeyError");
        assertThatThrownBy(() -> asset.create(Map.of("url", "x"))).isInstanceOf(RecordException.class)
                .hasMessageContaining("Cannot instantiate abstract model Asset");
    }

    @Test
    void anAbstractAndAConcreteModelCannotShareANamespace() {
        RecordRegistry r = RecordRegistry.create();
        RecordSchema.builder("rt.Base").registry(r).options(RecordOptions.defaults().withAbstract(true)).build();
        assertThatThrownBy(() -> RecordSchema.builder("rt.Base").registry(r).field("a", FieldType.INT).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abstract GenericRecord schema");
    }

    private static Gallery decodeGalleryItem(String item) {
        return APP.loadsValue(DataType.of(Gallery.class), bytes("{\"title\":\"g\",\"items\":[" + item + "]}"), null,
                "t");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
