package io.jfaust.serdes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds {@link RecordSchema}s for every Faust model a vector file mentions, from the file alone:
 * <ul>
 *   <li>models with a {@code model} description (class, module, namespace, bases, fields, options) are built from
 *       it; field defaults are un-tagged ({@code {"$decimal": "1.0"}} becomes a Decimal);</li>
 *   <li>types and bases name Python class paths ({@code module.Class}), which are mapped to namespaces through the
 *       descriptions and the {@code $record}/{@code $class} tags; a dotted name that is no model (an enum) is
 *       {@code Any};</li>
 *   <li>models only named inside types or tagged values (never described) get the fields their tags show, and the
 *       model where they stand (a field or topic typed with a described model) as their base, as a Python subclass
 *       would: its fields first and its inheritable options;</li>
 *   <li>a description whose options say {@code abstract} is an abstract model (Faust's {@code abstract=True}); a
 *       class named only in the {@code bases} of descriptions, never described nor shown as an instance, is taken
 *       as abstract too (Faust cannot instantiate abstract models, fs:faust/models/base.py:409-414, so they are the
 *       bases no payload shows), with Faust's default namespace, its class path (base.py:365), and no fields of
 *       its own (its subclasses' descriptions list every field they inherit).</li>
 * </ul>
 *
 * <pre>{@code
 * VectorModels m = VectorModels.build(cases);
 * m.registry().lookup("vecmodels.Purchase");   // the schema described in the file
 * m.namespaceOfClass("vecmodels.Address");     // "vecmodels.Address", from the tags
 * }</pre>
 */
final class VectorModels {
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_@][\\w@]*(?:\\.[A-Za-z_@][\\w@]*)+");
    /** Dotted names in annotations that are Python types FieldType knows, not models. */
    private static final Set<String> BUILTIN = Set.of("datetime.datetime", "decimal.Decimal");

    private final RecordRegistry registry = RecordRegistry.create();
    private final Map<String, Map<String, Object>> described = new LinkedHashMap<>();
    /** Python class path ({@code module.Class}) to namespace, and short class name to namespaces. */
    private final Map<String, String> classToNs = new LinkedHashMap<>();
    /** Tagged-only models: namespace to the field values seen in their tags (first-seen field order). */
    private final Map<String, List<Map<String, Object>>> tagged = new LinkedHashMap<>();
    private final Map<String, String> baseOf = new LinkedHashMap<>();
    /** Class paths named only as bases of described models: abstract models, by their class path (= namespace). */
    private final Set<String> abstractBases = new LinkedHashSet<>();

    private VectorModels() {}

    RecordRegistry registry() {
        return registry;
    }

    /** The namespace of a Python class path or bare class name, or null. */
    String namespaceOfClass(String classPath) {
        String ns = classToNs.get(classPath);
        if (ns != null) {
            return ns;
        }
        for (Map<String, Object> m : described.values()) {
            if (classPath.equals(m.get("class"))) {
                return (String) m.get("namespace");
            }
        }
        return null;
    }

    /** The descriptions, by namespace. */
    Map<String, Map<String, Object>> descriptions() {
        return described;
    }

    @SuppressWarnings("unchecked")
    static VectorModels build(List<Map<String, Object>> cases) {
        VectorModels m = new VectorModels();
        for (Map<String, Object> c : cases) {
            if (c.get("model") instanceof Map<?, ?> model) {
                Map<String, Object> d = (Map<String, Object>) model;
                m.described.putIfAbsent((String) d.get("namespace"), d);
                m.classToNs.put(d.get("module") + "." + d.get("class"), (String) d.get("namespace"));
            }
        }
        for (Map<String, Object> c : cases) {
            m.collectTags(c);
        }
        m.collectBasesOnly();
        for (Map<String, Object> c : cases) {
            m.findBases(c);
        }
        for (String ns : m.abstractBases) {
            RecordSchema.builder(ns).className(ns.substring(ns.lastIndexOf('.') + 1))
                    .options(RecordOptions.defaults().withAbstract(true)).registry(m.registry).build();
        }
        for (String ns : m.described.keySet()) {
            m.buildDescribed(ns);
        }
        for (String ns : m.tagged.keySet()) {
            m.buildTagged(ns, new LinkedHashSet<>());
        }
        return m;
    }

    // ------------------------------------------------------------------ pass 1: tags anywhere

    private void collectTags(Object v) {
        if (v instanceof List<?> l) {
            l.forEach(this::collectTags);
        } else if (v instanceof Map<?, ?> map) {
            if (map.get("$record") instanceof String ns) {
                if (map.get("$class") instanceof String cls) {
                    classToNs.putIfAbsent(cls, ns);
                }
                if (!described.containsKey(ns) && map.get("fields") instanceof Map<?, ?> f) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) f;
                    tagged.computeIfAbsent(ns, k -> new ArrayList<>()).add(fields);
                }
            }
            map.values().forEach(this::collectTags);
        }
    }

    /** Bases of described models that the file neither describes nor shows an instance of (Faust's own skipped). */
    @SuppressWarnings("unchecked")
    private void collectBasesOnly() {
        for (Map<String, Object> d : described.values()) {
            for (Object b : (List<Object>) d.getOrDefault("bases", List.of())) {
                String base = (String) b;
                if (!base.startsWith("faust.") && namespaceOfClass(base) == null && !tagged.containsKey(base)) {
                    abstractBases.add(base);
                    classToNs.put(base, base);
                }
            }
        }
    }

    // ------------------------------------------------------------------ pass 2: where tagged-only models stand

    @SuppressWarnings("unchecked")
    private void findBases(Map<String, Object> c) {
        String kind = String.valueOf(c.get("kind"));
        boolean key = kind.endsWith("_key");
        FieldType expected = null;
        if (c.get("topic") instanceof Map<?, ?> topic) {
            Object t = ((Map<String, Object>) topic).get(key ? "key_type" : "value_type");
            expected = t instanceof String s ? type(s) : null;
        }
        for (String k : List.of("value", "decoded", "roundtrip_decoded")) {
            walk(c.get(k), expected);
        }
        walk(c.get("result"), null);
    }

    @SuppressWarnings("unchecked")
    private void walk(Object v, FieldType expected) {
        if (expected instanceof FieldType.OptionalOf o) {
            walk(v, o.inner());
            return;
        }
        if (v instanceof List<?> l) {
            FieldType elem = expected instanceof FieldType.ListOf lo ? lo.element()
                    : expected instanceof FieldType.SetOf so ? so.element() : null;
            l.forEach(x -> walk(x, elem));
        } else if (v instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            if (map.get("$record") instanceof String ns) {
                if (expected instanceof FieldType.RecordOf r && r.namespace() != null && !r.namespace().equals(ns)
                        && !described.containsKey(ns)) {
                    baseOf.putIfAbsent(ns, r.namespace());
                }
                Map<String, Object> fields = map.get("fields") instanceof Map<?, ?> f ? (Map<String, Object>) f
                        : Map.of();
                Map<String, FieldType> declared = declaredTypes(ns);
                fields.forEach((name, x) -> walk(x, declared.get(name)));
            } else if (map.containsKey("$tuple") || map.containsKey("$set")) {
                Object items = map.containsKey("$tuple") ? map.get("$tuple") : map.get("$set");
                walk(items, expected instanceof FieldType.SetOf so ? new FieldType.ListOf(so.element()) : null);
            } else {
                FieldType value = expected instanceof FieldType.DictOf d ? d.value() : null;
                map.forEach((k, x) -> walk(x, value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, FieldType> declaredTypes(String ns) {
        Map<String, FieldType> out = new LinkedHashMap<>();
        Map<String, Object> d = described.get(ns);
        if (d != null) {
            for (Object fo : (List<Object>) d.get("fields")) {
                Map<String, Object> f = (Map<String, Object>) fo;
                out.put((String) f.get("name"), type((String) f.get("type")));
            }
        } else if (baseOf.containsKey(ns)) {
            out.putAll(declaredTypes(baseOf.get(ns)));
        }
        return out;
    }

    /**
     * A Python annotation as a FieldType, class paths mapped to namespaces. Known model class paths become record
     * types, the typing names FieldType reads stay, any other dotted name (an enum, a class no vector describes or
     * tags) is {@code Any}.
     */
    FieldType type(String annotation) {
        List<String> namespaces = new ArrayList<>();
        Matcher m = DOTTED.matcher(annotation);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group();
            String replacement;
            if (BUILTIN.contains(name) || name.startsWith("typing.")) {
                replacement = name;
            } else {
                String ns = namespaceOfClass(name);
                if (ns == null && (described.containsKey(name) || tagged.containsKey(name))) {
                    ns = name;
                }
                if (ns == null) {
                    replacement = "Any";
                } else {
                    namespaces.add(ns);
                    replacement = "rec.n" + (namespaces.size() - 1);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return withNamespaces(FieldType.parse(sb.toString()), namespaces);
    }

    private static FieldType withNamespaces(FieldType t, List<String> namespaces) {
        if (t instanceof FieldType.RecordOf r && r.namespace() != null && r.namespace().startsWith("rec.n")) {
            return FieldType.record(namespaces.get(Integer.parseInt(r.namespace().substring(5))));
        } else if (t instanceof FieldType.ListOf l) {
            return new FieldType.ListOf(withNamespaces(l.element(), namespaces));
        } else if (t instanceof FieldType.SetOf s) {
            return new FieldType.SetOf(withNamespaces(s.element(), namespaces));
        } else if (t instanceof FieldType.OptionalOf o) {
            return new FieldType.OptionalOf(withNamespaces(o.inner(), namespaces));
        } else if (t instanceof FieldType.DictOf d) {
            return new FieldType.DictOf(withNamespaces(d.key(), namespaces), withNamespaces(d.value(), namespaces));
        } else if (t instanceof FieldType.TupleOf tu) {
            return new FieldType.TupleOf(tu.elements().stream().map(e -> withNamespaces(e, namespaces)).toList());
        }
        return t;
    }

    // ------------------------------------------------------------------ building

    @SuppressWarnings("unchecked")
    private void buildDescribed(String ns) {
        Map<String, Object> model = described.get(ns);
        Map<String, Object> o = (Map<String, Object>) model.getOrDefault("options", Map.of());
        RecordOptions options = new RecordOptions((String) o.get("serializer"),
                !Boolean.FALSE.equals(o.get("include_metadata")), on(o, "isodates"), on(o, "decimals"),
                on(o, "coerce"), on(o, "validation"), on(o, "allow_blessed_key"), on(o, "polymorphic_fields"),
                on(o, "abstract"));
        RecordSchema.Builder b = RecordSchema.builder(ns).className((String) model.get("class")).options(options)
                .registry(registry);
        VectorValues untag = new VectorValues(registry);
        for (Object fo : (List<Object>) model.get("fields")) {
            Map<String, Object> f = (Map<String, Object>) fo;
            Field.Builder fb = Field.builder((String) f.get("name"), type((String) f.get("type")));
            if (!Boolean.TRUE.equals(f.get("required"))) {
                fb.defaultValue(untag.toJava(f.get("default")));
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
        b.build();
    }

    private static boolean on(Map<String, Object> options, String name) {
        return Boolean.TRUE.equals(options.get(name));
    }

    private void buildTagged(String ns, Set<String> building) {
        if (registry.lookup(ns) != null || !building.add(ns)) {
            return;
        }
        String base = baseOf.get(ns);
        RecordSchema.Builder b = RecordSchema.builder(ns).registry(registry);
        Set<String> inherited = new LinkedHashSet<>();
        if (base != null) {
            if (tagged.containsKey(base)) {
                buildTagged(base, building);
            }
            RecordSchema<?> parent = registry.declared(base);
            if (parent != null) {
                b.extend(parent);
                parent.fields().forEach(f -> inherited.add(f.name()));
            }
        }
        List<Map<String, Object>> seen = tagged.getOrDefault(ns, List.of());
        Map<String, Object> sample = new LinkedHashMap<>();
        seen.forEach(fields -> fields.forEach(sample::putIfAbsent));
        for (Map.Entry<String, Object> e : sample.entrySet()) {
            if (inherited.contains(e.getKey())) {
                continue;
            }
            boolean always = seen.stream().allMatch(fields -> fields.containsKey(e.getKey()));
            FieldType t = typeOfTagged(e.getValue());
            b.field(always ? Field.of(e.getKey(), t) : Field.builder(e.getKey(), t).defaultValue(null).build());
        }
        b.build();
    }

    /** The Python type a tagged value shows ({@code Any} where it cannot tell). */
    private FieldType typeOfTagged(Object v) {
        if (v instanceof String) {
            return FieldType.STR;
        } else if (v instanceof Boolean) {
            return FieldType.BOOL;
        } else if (v instanceof Long || v instanceof java.math.BigInteger) {
            return FieldType.INT;
        } else if (v instanceof Double) {
            return FieldType.FLOAT;
        } else if (v instanceof Map<?, ?> m) {
            if (m.get("$record") instanceof String ns) {
                return FieldType.record(ns);
            } else if (m.containsKey("$datetime")) {
                return FieldType.DATETIME;
            } else if (m.containsKey("$decimal")) {
                return FieldType.DECIMAL;
            } else if (m.containsKey("$bytes_b64")) {
                return FieldType.BYTES;
            } else if (m.containsKey("$float")) {
                return FieldType.FLOAT;
            }
        }
        return FieldType.ANY;
    }

    private static Integer intOrNull(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
