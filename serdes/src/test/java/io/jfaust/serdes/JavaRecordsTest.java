package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.VecModels.Address;
import io.jfaust.serdes.VecModels.Aliased;
import io.jfaust.serdes.VecModels.Article;
import io.jfaust.serdes.VecModels.Bounded;
import io.jfaust.serdes.VecModels.Collections;
import io.jfaust.serdes.VecModels.Color;
import io.jfaust.serdes.VecModels.DollarPurchase;
import io.jfaust.serdes.VecModels.ImageAsset;
import io.jfaust.serdes.VecModels.Money;
import io.jfaust.serdes.VecModels.NoMeta;
import io.jfaust.serdes.VecModels.Person;
import io.jfaust.serdes.VecModels.PlainAsset;
import io.jfaust.serdes.VecModels.Purchase;
import io.jfaust.serdes.VecModels.Scalars;
import io.jfaust.serdes.VecModels.Strict;
import io.jfaust.serdes.VecModels.Times;
import io.jfaust.serdes.VecModels.VideoAsset;
import io.jfaust.serdes.VecModels.WithDefaults;
import io.jfaust.serdes.VecModels.WithEnum;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Java-typed records against the bytes real Faust wrote for the same models. */
class JavaRecordsTest {
    private static final Map<String, Map<String, Object>> CASES = new LinkedHashMap<>();

    static {
        FaustVectorsTest.cases().forEach(c -> CASES.put((String) c.get("case"), c));
    }

    private final Serializers s = Serializers.defaults();

    private static String faustBytes(String name) {
        Map<String, Object> c = CASES.get(name);
        return new String(Base64.getDecoder().decode((String) c.get("bytes_b64")), StandardCharsets.UTF_8);
    }

    private static byte[] faustRaw(String name) {
        return Base64.getDecoder().decode((String) CASES.get(name).get("bytes_b64"));
    }

    private <T> String encode(Class<T> type, T value) {
        return new String(s.dumpsValue(DataType.of(type), value, null), StandardCharsets.UTF_8);
    }

    private <T> T decode(Class<T> type, String vectorCase) {
        return s.loadsValue(DataType.of(type), faustRaw(vectorCase), null, "t");
    }

    @Test
    void encodesExactlyFaustsBytes() {
        assertThat(encode(Purchase.class, new Purchase("alice", "USD", 1234))).isEqualTo(faustBytes("record_purchase"));
        assertThat(encode(DollarPurchase.class, new DollarPurchase("alice", "USD", 12.34)))
                .isEqualTo(faustBytes("record_dollar_purchase"));
        assertThat(encode(DollarPurchase.class, new DollarPurchase("a", "USD", 12.0)))
                .isEqualTo(faustBytes("record_float_whole"));
        assertThat(encode(Scalars.class, new Scalars("x", -7, 0.5, true, null))).isEqualTo(faustBytes("record_scalars"));
        assertThat(encode(Scalars.class, new Scalars("", 0, -1e-05, false, "here")))
                .isEqualTo(faustBytes("record_scalars_optional_set"));
        assertThat(encode(WithDefaults.class, new WithDefaults("only-name", 0, 1.5, "none", false, null)))
                .isEqualTo(faustBytes("record_defaults_all"));
        assertThat(encode(Times.class, new Times(LocalDateTime.parse("2024-01-02T03:04:05"),
                OffsetDateTime.parse("2024-01-02T03:04:05.123456Z"),
                OffsetDateTime.parse("2024-01-02T03:04:05+02:00"), null)).replace("awareUtc", "aware_utc")
                .replace("awareOther", "aware_other")).isEqualTo(faustBytes("record_times"));
        assertThat(encode(Money.class, new Money(new BigDecimal("12.30"), new BigDecimal("0.05"))))
                .isEqualTo(faustBytes("record_money"));
        assertThat(encode(Money.class, new Money(new BigDecimal("1E+3"), null))).isEqualTo(faustBytes("record_money_exp"));
        assertThat(encode(NoMeta.class, new NoMeta(1, "x"))).isEqualTo(faustBytes("record_include_metadata_false"));
        assertThat(encode(Aliased.class, new Aliased("u1", "s3cr3t", 2))).isEqualTo(faustBytes("record_aliased_fields"));
        assertThat(encode(WithEnum.class, new WithEnum(Color.RED, 3))).isEqualTo(faustBytes("record_enum_field"));
        assertThat(encode(Purchase.class, new Purchase("J\u00fcrgen \u00e6\u00f8\u00e5 \ud83d\ude00", "NOK", 1)))
                .isEqualTo(faustBytes("record_unicode_fields"));
        assertThat(encode(Collections.class, new Collections(List.of(1L, 2L), new LinkedHashSet<>(List.of("b")),
                List.of(1L, "x"), Map.of("a", 1L), new byte[] {0, 'a', 'b'})))
                .isEqualTo(faustBytes("record_collections"));
    }

    @Test
    void encodesNestedRecordsEachWithItsOwnMetadata() {
        Map<String, Address> byLabel = new LinkedHashMap<>();
        byLabel.put("home", new Address("H", "1"));
        byLabel.put("work", new Address("W", "2"));
        Person p = new Person("p1", new Address("Main 1", "0150"),
                List.of(new Address("Old 2", "0151"), new Address("Older 3", "0152")), byLabel, null);
        assertThat(encode(Person.class, p)).isEqualTo(faustBytes("record_nested"));
    }

    @Test
    void decodesFaustsBytesIntoJavaRecords() {
        assertThat(decode(Purchase.class, "decode_purchase_typed")).isEqualTo(new Purchase("alice", "USD", 1234));
        assertThat(decode(Purchase.class, "decode_unknown_ns_typed")).isEqualTo(new Purchase("a", "USD", 1));
        assertThat(decode(Purchase.class, "decode_extra_fields_kept_then_dropped"))
                .isEqualTo(new Purchase("a", "USD", 1));
        assertThat(decode(WithDefaults.class, "decode_explicit_null_uses_default"))
                .isEqualTo(new WithDefaults("x", 0, 1.5, "none", false, null));
        assertThat(decode(Aliased.class, "decode_aliased_input_name")).isEqualTo(new Aliased("u9", "hidden", 4));
        assertThat(decode(WithEnum.class, "decode_enum_field")).isEqualTo(new WithEnum(Color.GREEN, 1));
        assertThat(decode(Money.class, "decode_money_default_stays_string"))
                .isEqualTo(new Money(new BigDecimal("12.30"), null));
        Times t = decode(Times.class, "decode_times_default_stay_strings");
        assertThat(t.naive()).isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05"));
        assertThat(t.awareUtc()).isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC));
        assertThat(t.awareOther().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        Person p = decode(Person.class, "decode_nested_without_metadata");
        assertThat(p.address()).isEqualTo(new Address("s", "z"));
        assertThat(p.previous()).containsExactly(new Address("s2", "z2"));
        assertThat(p.byLabel()).containsEntry("k", new Address("s3", "z3"));
    }

    @Test
    void honoursCoercionAndValidationWithFaustsMessages() {
        Strict st = decode(Strict.class, "decode_validation_coerces");
        assertThat(st.i()).isEqualTo(5);
        assertThat(st.f()).isEqualTo(2.0);
        assertThat(st.b()).isTrue();
        assertThat(st.m()).isEqualTo(new BigDecimal("1.10"));
        assertThatThrownBy(() -> decode(Bounded.class, "decode_bounded_too_big"))
                .isInstanceOf(ValueDecodeException.class).cause().isInstanceOf(ValidationException.class)
                .hasMessage("qty cannot be more than 100 <IntegerField: Bounded.qty: int>");
        assertThatThrownBy(() -> decode(Bounded.class, "decode_bounded_too_long"))
                .cause().hasMessage("code must be at least 3 characters <StringField: Bounded.code: str>");
        assertThatThrownBy(() -> decode(Strict.class, "decode_validation_blank_string"))
                .cause().hasMessage("s cannot be left blank <StringField: Strict.s: str>");
        assertThatThrownBy(() -> decode(Strict.class, "decode_validation_bad_int"))
                .cause().isInstanceOf(CoercionException.class)
                .hasMessage("invalid literal for int() with base 10: 'abc'");
    }

    @Test
    void choosesTheImplementationNamedByTheBlessedKey() {
        Article a = decode(Article.class, "decode_polymorphic_list");
        assertThat(a.assets()).containsExactly(new ImageAsset("i.png", "image", 640),
                new VideoAsset("v.mp4", "video", 1.5), new PlainAsset("g", "generic"));
        assertThat(a.cover()).isEqualTo(new VideoAsset("c.mp4", "video", 0.0));
        assertThat(encode(Article.class, a)).isEqualTo(faustBytes("decode_polymorphic_list"));
    }

    @Test
    void wrongTypesNullPrimitivesAndMissingFieldsAreClearErrors() {
        assertThatThrownBy(() -> decode(Purchase.class, "decode_no_coercion_default"))
                .isInstanceOf(ValueDecodeException.class)
                .hasMessageContaining("Purchase.amount: expected an int, got str '12'")
                .hasMessageContaining("topic t");
        assertThatThrownBy(() -> decode(Purchase.class, "decode_required_null_kept"))
                .hasMessageContaining("Purchase.amount: got null (None) for a primitive long field");
        assertThatThrownBy(() -> decode(Purchase.class, "decode_missing_required_field"))
                .hasMessageContaining("Purchase() missing 2 required positional arguments: 'currency' and 'amount'");
        assertThatThrownBy(() -> decode(Purchase.class, "decode_not_a_mapping"))
                .hasMessageContaining("vecmodels.Purchase() argument after ** must be a mapping, not list");
        assertThatThrownBy(() -> decode(WithEnum.class, "decode_enum_field_bad"))
                .hasMessageContaining("'blue' is not a valid Color (values: [red, green])");
        assertThatThrownBy(() -> s.loadsValue(DataType.of(Purchase.class), null, null, "t"))
                .isInstanceOf(ValueDecodeException.class).hasMessageContaining("received None");
    }

    @Test
    void misdeclaredRecordsFailWhenTheSchemaIsBuilt() {
        assertThatThrownBy(() -> RecordSchema.of(String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@FaustRecord");
        assertThatThrownBy(() -> RecordSchema.of(ExcludedWithoutDefault.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a defaultValue");
        assertThatThrownBy(() -> RecordSchema.of(PrimitiveOptional.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primitive");
        assertThatThrownBy(() -> RecordSchema.of(BadDefault.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultValue must be JSON");
    }

    @FaustRecord(namespace = "t.Excluded")
    record ExcludedWithoutDefault(@FaustField(exclude = true) String x) {}

    @FaustRecord(namespace = "t.PrimitiveOptional")
    record PrimitiveOptional(@FaustField(optional = true) long x) {}

    @FaustRecord(namespace = "t.BadDefault")
    record BadDefault(@FaustField(defaultValue = "not json") String x) {}

    @Test
    void setsAndKeysRoundTrip() {
        Collections c = new Collections(List.of(1L), Set.of("a"), List.of(1L, "x"), Map.of("k", 2L), new byte[] {'z'});
        Collections back = s.loadsValue(DataType.of(Collections.class),
                s.dumpsValue(DataType.of(Collections.class), c, null), null, "t");
        assertThat(back.ints()).isEqualTo(c.ints());
        assertThat(back.tags()).isEqualTo(c.tags());
        assertThat(back.counts()).isEqualTo(c.counts());
        assertThat(new String(back.raw(), StandardCharsets.UTF_8)).isEqualTo("b'z'");
    }
}
