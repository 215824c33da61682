package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Random records through random codec chains: whatever jfaust writes, it reads back to an equal record, and the
 * JSON it writes for a record is the JSON of its representation (so nested records carry their metadata).
 */
class RoundTripPropertyTest {
    private static final List<String> CHAINS = List.of("json", "json|binary", "json|binary|binary", "yaml",
            "yaml|binary", "json|reverse");
    private static final List<FieldType> SCALARS = List.of(FieldType.STR, FieldType.INT, FieldType.FLOAT,
            FieldType.BOOL, FieldType.DECIMAL, FieldType.DATETIME);

    static {
        Codecs.register("reverse", new CodecsTest.ReverseCodec());
    }

    @RepeatedTest(40)
    void randomGenericRecordsSurviveRandomChains(org.junit.jupiter.api.RepetitionInfo info) {
        Random random = new Random(1000L + info.getCurrentRepetition());
        RecordRegistry registry = RecordRegistry.create();
        RecordSchema<GenericRecord> inner = RecordSchema.builder("prop.Inner" + random.nextInt(1000))
                .registry(registry).field("v", FieldType.INT).build();
        RecordSchema.Builder b = RecordSchema.builder("prop.Rec").registry(registry)
                .options(RecordOptions.defaults().withIsodates(true).withDecimals(true));
        int n = 1 + random.nextInt(8);
        List<FieldType> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FieldType t = randomType(random, inner);
            types.add(t);
            b.field("f" + i, t);
        }
        RecordSchema<GenericRecord> schema = b.build();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put("f" + i, randomValue(random, types.get(i), inner));
        }
        GenericRecord rec = schema.create(values);
        Serializers s = Serializers.of("raw", "json", Codecs.global(), registry);
        for (String chain : CHAINS) {
            if (chain.startsWith("yaml") && types.stream().anyMatch(t -> t != FieldType.STR && t != FieldType.INT
                    && t != FieldType.BOOL)) {
                continue; // PyYAML's safe_dump cannot write Decimal, datetime or records either
            }
            byte[] bytes = s.dumpsValue(DataType.of(schema), rec, chain);
            GenericRecord back = s.loadsValue(DataType.of(schema), bytes, chain, "t");
            assertThat(back).as("%s through %s", rec, chain).isEqualTo(rec);
        }
    }

    private static FieldType randomType(Random r, RecordSchema<?> inner) {
        return switch (r.nextInt(5)) {
            case 0 -> FieldType.listOf(SCALARS.get(r.nextInt(SCALARS.size())));
            case 1 -> FieldType.record(inner.namespace());
            case 2 -> FieldType.dictOf(FieldType.STR, FieldType.INT);
            default -> SCALARS.get(r.nextInt(SCALARS.size()));
        };
    }

    private static Object randomValue(Random r, FieldType t, RecordSchema<GenericRecord> inner) {
        if (t instanceof FieldType.ListOf l) {
            List<Object> out = new ArrayList<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                out.add(randomValue(r, l.element(), inner));
            }
            return out;
        } else if (t instanceof FieldType.RecordOf) {
            return inner.create(Map.of("v", r.nextLong()));
        } else if (t instanceof FieldType.DictOf) {
            return Map.of("k" + r.nextInt(9), (long) r.nextInt());
        }
        return switch ((FieldType.Scalar) t) {
            case STR -> randomString(r);
            case INT -> r.nextLong();
            case FLOAT -> r.nextBoolean() ? r.nextDouble() * 1e6 : Double.longBitsToDouble(r.nextLong() >>> 2);
            case BOOL -> r.nextBoolean();
            case DECIMAL -> new BigDecimal(r.nextInt(1_000_000)).movePointLeft(r.nextInt(6));
            case DATETIME -> r.nextBoolean()
                    ? LocalDateTime.of(2000 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24),
                    r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000) * 1000)
                    : OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(r.nextInt(13), 30));
            default -> null;
        };
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> r.nextInt(0x20);
                case 2 -> 0xa0 + r.nextInt(0x2000);
                default -> 0x1f600 + r.nextInt(0x50);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    @Test
    void javaRecordsRoundTripThroughEveryJsonChain() {
        Random r = new Random(5);
        Serializers s = Serializers.defaults();
        for (int i = 0; i < 200; i++) {
            VecModels.Purchase p = new VecModels.Purchase(randomString(r), randomString(r), r.nextLong());
            for (String chain : List.of("json", "json|binary", "json|binary|binary")) {
                byte[] bytes = s.dumpsValue(DataType.of(VecModels.Purchase.class), p, chain);
                assertThat(s.loadsValue(DataType.of(VecModels.Purchase.class), bytes, chain, "t")).isEqualTo(p);
            }
        }
    }
}
