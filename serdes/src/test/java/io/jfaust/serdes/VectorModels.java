package io.jfaust.serdes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link RecordSchema}s for the Faust models the vectors describe (by their {@code model} objects), plus the
 * nested models they only name (written here by hand from the vectors' payloads).
 */
final class VectorModels {
    private VectorModels() {}

    static RecordRegistry build(List<Map<String, Object>> cases) {
        RecordRegistry registry = RecordRegistry.create();
        Map<String, Map<String, Object>> described = new LinkedHashMap<>();
        for (Map<String, Object> c : cases) {
            if (c.get("model") instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> model = (Map<String, Object>) m;
                described.put((String) model.get("namespace"), model);
            }
        }
        described.values().forEach(m -> fromDescription(m, registry));
        nestedOnlyNamed(registry);
        return registry;
    }

    @SuppressWarnings("unchecked")
    static RecordSchema<GenericRecord> fromDescription(Map<String, Object> model, RecordRegistry registry) {
        Map<String, Object> o = (Map<String, Object>) model.get("options");
        RecordOptions options = new RecordOptions((String) o.get("serializer"), (Boolean) o.get("include_metadata"),
                (Boolean) o.get("isodates"), (Boolean) o.get("decimals"), (Boolean) o.get("coerce"),
                (Boolean) o.get("validation"), (Boolean) o.get("allow_blessed_key"),
                (Boolean) o.get("polymorphic_fields"));
        RecordSchema.Builder b = RecordSchema.builder((String) model.get("namespace"))
                .className((String) model.get("class")).options(options).registry(registry);
        for (Object fo : (List<Object>) model.get("fields")) {
            Map<String, Object> f = (Map<String, Object>) fo;
            Field.Builder fb = Field.builder((String) f.get("name"), FieldType.parse((String) f.get("type")));
            if (!Boolean.TRUE.equals(f.get("required"))) {
                fb.defaultValue(f.get("default"));
            }
            if (f.get("input_name") != null) {
                fb.inputName((String) f.get("input_name"));
            }
            if (f.get("output_name") != null) {
                fb.outputName((String) f.get("output_name"));
            }
            fb.exclude(Boolean.TRUE.equals(f.get("exclude")));
            fb.maxValue((Number) f.get("max_value")).minValue((Number) f.get("min_value"));
            fb.maxLength(intOrNull(f.get("max_length"))).minLength(intOrNull(f.get("min_length")));
            fb.maxDigits(intOrNull(f.get("max_digits"))).maxDecimalPlaces(intOrNull(f.get("max_decimal_places")));
            if (f.get("allow_blank") != null) {
                fb.allowBlank((Boolean) f.get("allow_blank"));
            }
            if (f.get("trim_whitespace") != null) {
                fb.trimWhitespace((Boolean) f.get("trim_whitespace"));
            }
            b.field(fb.build());
        }
        return b.build();
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    /** Models the vectors name in types and payloads but never describe; their fields come from the payloads. */
    private static void nestedOnlyNamed(RecordRegistry registry) {
        if (registry.lookup("vecmodels.Address") == null) {
            RecordSchema.builder("vecmodels.Address").registry(registry)
                    .field("street", FieldType.STR).field("zip", FieldType.STR).build();
        }
        RecordSchema<?> asset = registry.lookup("vecmodels.Asset");
        if (asset != null) {
            RecordSchema.builder("vecmodels.ImageAsset").registry(registry).extend(asset)
                    .field("width", FieldType.INT, 0L).build();
            RecordSchema.builder("vecmodels.VideoAsset").registry(registry).extend(asset)
                    .field("runtime_seconds", FieldType.FLOAT, 0.0).build();
        }
        RecordSchema<GenericRecord> docAsset = RecordSchema.builder("vecmodels.DocAsset").registry(registry)
                .field("url", FieldType.STR).field("type", FieldType.STR, "generic").build();
        RecordSchema.builder("vecmodels.DocImageAsset").registry(registry).extend(docAsset)
                .field("width", FieldType.INT, 0L).build();
    }

}
