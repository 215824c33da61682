package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.RecordSchema;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Faust's {@code yaml} codec: PyYAML's {@code safe_dump} (keys sorted, block style, floats as PyYAML prints them,
 * {@code ...} after a bare root scalar) and {@code safe_load}, through SnakeYAML (a port of PyYAML).
 *
 * <pre>{@code
 * Codec yaml = Codecs.get("yaml");
 * yaml.dumps(Map.of("b", 1, "a", 2));   // a: 2\nb: 1\n (keys sorted)
 * yaml.dumps("hello");                   // hello\n...\n
 * }</pre>
 */
public final class YamlCodec implements Codec {
    @Override
    public Object dumps(Object value) {
        Object plain = toPlain(value, 0);
        String text;
        try {
            text = dumper().dump(plain);
        } catch (YAMLException e) {
            throw new CodecException("yaml", "cannot represent " + PyTypes.typeName(value) + ": " + e.getMessage(), e);
        }
        if (isPlainRootScalar(plain, text)) {
            text = text + "...\n";
        }
        return PyText.encodeUtf8(text);
    }

    /** PyYAML marks a document whose root is an unquoted scalar as open-ended and closes it with {@code ...}. */
    private static boolean isPlainRootScalar(Object plain, String text) {
        if (plain instanceof Map || plain instanceof List) {
            return false;
        }
        return !(text.startsWith("'") || text.startsWith("\"") || text.startsWith("|") || text.startsWith(">"));
    }

    @Override
    public Object loads(Object data) {
        Object text = PyTypes.wantStr(data);
        if (!(text instanceof String s)) {
            throw new CodecException("yaml", "expected bytes or str, not " + PyTypes.typeName(data));
        }
        try {
            return normalize(new Yaml(new SafeConstructor(new LoaderOptions())).load(s));
        } catch (YAMLException e) {
            throw new CodecException("yaml", e.getMessage(), e);
        }
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setAllowUnicode(false);
        options.setWidth(80);
        options.setSplitLines(true);
        return new Yaml(new PyRepresenter(options), options);
    }

    /** Records become their representation, maps sorted by key (PyYAML's {@code sort_keys=True}). */
    private static Object toPlain(Object v, int depth) {
        if (depth > 1000) {
            throw new CodecException("yaml", "value nested deeper than 1000 levels");
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> sorted = new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            m.forEach((k, val) -> sorted.put(k, toPlain(val, depth + 1)));
            return sorted;
        } else if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(toPlain(x, depth + 1)));
            return out;
        } else if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof byte[]) {
            return v;
        }
        RecordSchema<?> schema = RecordSchema.forObject(v);
        if (schema != null) {
            return toPlain(representation(schema, v), depth + 1);
        }
        throw new CodecException("yaml", "cannot represent an object: " + v);
    }

    private static <T> Map<String, Object> representation(RecordSchema<T> schema, Object record) {
        return schema.toRepresentation(schema.javaType().cast(record));
    }

    private static Object normalize(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        } else if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        } else if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, val) -> out.put(normalize(k), normalize(val)));
            return out;
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        return v;
    }

    /** Floats as PyYAML's {@code represent_float}: Python repr, lowercase, {@code .0} before a bare exponent. */
    private static final class PyRepresenter extends Representer {
        PyRepresenter(DumperOptions options) {
            super(options);
            Represent floats = data -> representScalar(Tag.FLOAT, pyYamlFloat(((Number) data).doubleValue()));
            this.representers.put(Double.class, floats);
            this.representers.put(Float.class, floats);
        }

        private static String pyYamlFloat(double d) {
            if (Double.isNaN(d)) {
                return ".nan";
            } else if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String r = PyFloat.repr(d).toLowerCase();
            if (!r.contains(".") && r.contains("e")) {
                r = r.replace("e", ".0e");
            }
            return r;
        }

        @Override
        protected Node representScalar(Tag tag, String value) {
            return super.representScalar(tag, value);
        }
    }

    @Override
    public String toString() {
        return "yaml";
    }
}
