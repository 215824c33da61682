package io.jfaust.serdes.internal;

import io.jfaust.serdes.Codec;
import io.jfaust.serdes.CodecException;
import io.jfaust.serdes.FaustException;
import io.jfaust.serdes.RecordSchema;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Faust's {@code yaml} codec ({@code want_bytes(yaml.safe_dump(obj))} / {@code yaml.safe_load(want_str(s))},
 * {@code faust/serializers/codecs.py}) as PyYAML 6 writes and reads: keys sorted, block style, floats as PyYAML
 * prints them, {@code ...} after a bare root scalar, the scalar style PyYAML's emitter chooses (single quotes for
 * multi-line text, double quotes with upper-case escapes for special characters), datetimes as
 * {@code isoformat(' ')} and read back with their offsets, Decimals and nested records refused. Through SnakeYAML
 * (a port of PyYAML) with the differences adjusted.
 *
 * <pre>{@code
 * Codec yaml = Codecs.get("yaml");
 * yaml.dumps(Map.of("b", 1, "a", 2));   // a: 2\nb: 1\n (keys sorted)
 * yaml.dumps("hello");                   // hello\n...\n
 * }</pre>
 */
public final class YamlCodec implements Codec {
    @Override
    public @Nullable Object dumps(@Nullable Object value) {
        Object plain = toPlain(value, 0);
        String text;
        try {
            text = dumper().dump(plain);
        } catch (YAMLException e) {
            throw new CodecException("yaml", "cannot represent " + PyTypes.typeName(value) + ": " + e.getMessage(), e);
        }
        text = upperCaseHexEscapes(text);
        if (isPlainRootScalar(plain, text)) {
            text = text + "...\n";
        }
        return PyText.encodeUtf8(text);
    }

    /** PyYAML marks a document whose root is an unquoted scalar as open-ended and closes it with {@code ...}. */
    private static boolean isPlainRootScalar(@Nullable Object plain, String text) {
        if (plain instanceof Map || plain instanceof Collection) {
            return false;
        }
        return !(text.startsWith("'") || text.startsWith("\"") || text.startsWith("|") || text.startsWith(">"));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Read as PyYAML's {@code safe_load} reads it, within limits that keep a record from taking the worker down
     * ({@link #loaderOptions()}); beyond them, and for anything SnakeYAML or a constructor throws, a
     * {@link CodecException} naming what was wrong.
     */
    @Override
    public @Nullable Object loads(@Nullable Object data) {
        Object text = PyTypes.wantStr(data);
        if (!(text instanceof String s)) {
            throw new CodecException("yaml", "expected bytes or str, not " + PyTypes.typeName(data));
        }
        try {
            LoaderOptions options = loaderOptions();
            DumperOptions unused = new DumperOptions();
            return YamlValues.plain(new Yaml(new PyConstructor(options), new Representer(unused), unused, options,
                    new PyResolver()).load(s));
        } catch (YAMLException e) {
            throw new CodecException("yaml", String.valueOf(e.getMessage()), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw DecodeFailures.asCodecException("yaml", e);
        }
    }

    /** Deeper nesting is refused: PyYAML 6.0.3 gives up at 492-494 levels (Python's default recursion limit). */
    static final int MAX_NESTING_DEPTH = 500;
    /** Aliases of lists and maps a document may hold (SnakeYAML's default; PyYAML has no limit). */
    static final int MAX_COLLECTION_ALIASES = 50;

    /**
     * SnakeYAML's options for reading a record:
     * <ul>
     *   <li>nesting deeper than {@value #MAX_NESTING_DEPTH} levels is refused. PyYAML's composer recurses, and under
     *       Python's default recursion limit (1000) {@code safe_load} raises {@code RecursionError} beyond 492-494
     *       levels (fewer under a worker's deeper stack), which Faust reports as a {@code ValueDecodeError}: what
     *       Faust reads, jfaust reads; SnakeYAML's default is 50;</li>
     *   <li>at most {@value #MAX_COLLECTION_ALIASES} aliases of lists and maps (SnakeYAML's default, against
     *       "billion laughs" documents; {@link YamlValues} also limits what aliases expand to);</li>
     *   <li>no recursive keys, and no alias inside the node it names ({@code &a [*a]}, refused by
     *       {@link PyConstructor});</li>
     *   <li>no limit on the document's length (SnakeYAML's default is 3 MB): the record is already in memory,
     *       bounded by the broker's {@code message.max.bytes}, and PyYAML reads any length, as jfaust's JSON
     *       does;</li>
     *   <li>duplicate keys allowed, the last value winning, without a warning: PyYAML's {@code safe_load}.</li>
     * </ul>
     */
    static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setAllowDuplicateKeys(true);
        options.setWarnOnDuplicateKeys(false);
        return options;
    }

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setAllowUnicode(false);
        options.setWidth(80);
        options.setSplitLines(true);
        // PyYAML escapes non-printable text in a double-quoted scalar; it never switches to !!binary.
        options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
        return new Yaml(new PyRepresenter(options), options);
    }

    /**
     * What PyYAML's {@code safe_dump} receives from Faust: a record's {@code to_representation()} at the root (its
     * nested records stay objects, which {@code SafeRepresenter} refuses), maps sorted by key ({@code sort_keys}),
     * sets kept as sets, datetimes and dates as they are; Decimals, UUIDs, enums and other objects refused as
     * PyYAML refuses them ({@code RepresenterError('cannot represent an object', ...)},
     * {@code lib/yaml/representer.py}).
     */
    private static @Nullable Object toPlain(@Nullable Object v, int depth) {
        if (depth > 1000) {
            throw new CodecException("yaml", "value nested deeper than 1000 levels");
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> sorted = new TreeMap<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            m.forEach((k, val) -> sorted.put(k, toPlain(val, depth + 1)));
            return sorted;
        } else if (v instanceof Set<?> set) {
            Set<Object> sorted = new TreeSet<>((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            set.forEach(x -> sorted.add(toPlain(x, depth + 1)));
            return new LinkedHashSet<>(sorted);
        } else if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(toPlain(x, depth + 1)));
            return out;
        } else if (v == null || v instanceof String || v instanceof Boolean || v instanceof byte[]
                || v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger || v instanceof Double || v instanceof Float) {
            return v instanceof BigInteger i ? new BigInteger(PyInts.format(i)) : v;
        } else if (v instanceof LocalDateTime || v instanceof OffsetDateTime || v instanceof LocalDate) {
            return v;
        } else if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        } else if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        RecordSchema<?> schema = RecordSchema.forObject(v);
        if (schema != null && depth == 0) {
            return toPlain(representation(schema, v), depth + 1);
        }
        throw new CodecException("yaml", "cannot represent an object: " + describe(v, schema)
                + (schema != null ? " (Faust's to_representation() leaves nested records as objects, which "
                + "PyYAML's safe_dump refuses)" : ""));
    }

    private static String describe(Object v, @Nullable RecordSchema<?> schema) {
        if (v instanceof java.math.BigDecimal || v instanceof NonFiniteDecimal || v instanceof NegativeZeroDecimal) {
            return "Decimal('" + v + "')";
        }
        return schema != null ? "<" + schema.className() + ">" : v.getClass().getSimpleName() + " " + v;
    }

    /**
     * PyYAML writes escapes in upper case ({@code '\\x%02X'}, {@code '\\u%04X'}, {@code '\\U%08X'} in
     * {@code Emitter.write_double_quoted}); SnakeYAML, otherwise a port of it, in lower case. Only double-quoted
     * scalars hold escapes, so the hex digits of escapes inside them are upper-cased; plain and single-quoted
     * scalars (where a backslash is text) are left alone.
     */
    static String upperCaseHexEscapes(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        boolean tokenStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (tokenStart && c == '"') {
                out.append(c);
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = text.charAt(i + 1);
                        int hex = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
                        out.append(d).append(e);
                        i += 2;
                        for (int k = 0; k < hex && i < n; k++, i++) {
                            out.append(Character.toUpperCase(text.charAt(i)));
                        }
                        continue;
                    }
                    out.append(d);
                    i++;
                }
                if (i < n) {
                    out.append('"');
                    i++;
                }
                tokenStart = false;
            } else if (tokenStart && c == '\'') {
                out.append(c);
                i++;
                while (i < n) {
                    char d = text.charAt(i);
                    out.append(d);
                    i++;
                    if (d == '\'') {
                        if (i < n && text.charAt(i) == '\'') {
                            out.append('\'');
                            i++;
                        } else {
                            break;
                        }
                    }
                }
                tokenStart = false;
            } else if (c == '\n' || c == ' ' || c == '-' && tokenStart || c == '?' && tokenStart) {
                // A new token may start after a line break, indentation, "- ", "? " or ": ".
                out.append(c);
                tokenStart = c == '\n' || tokenStart || (c == ' ' && i > 0 && text.charAt(i - 1) == ':');
                i++;
            } else {
                out.append(c);
                tokenStart = false;
                i++;
            }
        }
        return out.toString();
    }

    private static <T> Map<String, Object> representation(RecordSchema<T> schema, Object record) {
        return schema.toRepresentation(schema.javaType().cast(record));
    }

    /** Floats as PyYAML's {@code represent_float}: Python repr, lowercase, {@code .0} before a bare exponent. */
    private static final class PyRepresenter extends Representer {
        PyRepresenter(DumperOptions options) {
            super(options);
            Represent floats = data -> representScalar(Tag.FLOAT, pyYamlFloat(((Number) data).doubleValue()));
            this.representers.put(Double.class, floats);
            this.representers.put(Float.class, floats);
            // Python's str: the emitter chooses the style as PyYAML's does (plain, else single-quoted, else
            // double-quoted); SnakeYAML's own representer would pick the literal style for multi-line text.
            // SnakeYAML's emitter allows a multi-line plain scalar, PyYAML's does not (analyze_scalar: line breaks
            // forbid plain), so such text asks for single quotes, which the emitter still turns to double quotes
            // where PyYAML's would (special characters, a multi-line simple key).
            this.representers.put(String.class, data -> representScalar(Tag.STR, (String) data,
                    hasLineBreak((String) data) ? DumperOptions.ScalarStyle.SINGLE_QUOTED
                            : DumperOptions.ScalarStyle.PLAIN));
            // SafeRepresenter.represent_datetime: isoformat(' '); represent_date: isoformat().
            Represent dates = data -> representScalar(Tag.TIMESTAMP, pyIsoformat(data));
            this.representers.put(LocalDateTime.class, dates);
            this.representers.put(OffsetDateTime.class, dates);
            this.representers.put(LocalDate.class, dates);
        }

        /** PyYAML's line breaks ({@code '\\n\\x85\\u2028\\u2029'} in {@code Emitter.analyze_scalar}). */
        private static boolean hasLineBreak(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return true;
                }
            }
            return false;
        }

        /** Python's {@code datetime.isoformat(' ')} ({@code +00:00} for UTC) or {@code date.isoformat()}. */
        private static String pyIsoformat(Object data) {
            if (data instanceof LocalDate d) {
                return d.toString();
            }
            String iso = Iso8601.format(data).replace('T', ' ');
            return iso.endsWith("Z") ? iso.substring(0, iso.length() - 1) + "+00:00" : iso;
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

    /**
     * SnakeYAML's resolver leaves very long digit strings as text; PyYAML's int pattern ({@code Resolver},
     * {@code lib/yaml/resolver.py}) has no length limit, so a plain decimal integer of any length is an int (and
     * then meets {@code int()}'s digit limit).
     */
    private static final class PyResolver extends Resolver {
        private static final Pattern DECIMAL = Pattern.compile("^[-+]?(?:0|[1-9][0-9_]*)$");

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind == NodeId.scalar && implicit && DECIMAL.matcher(value).matches()) {
                return Tag.INT;
            }
            return super.resolve(kind, value, implicit);
        }
    }

    /**
     * PyYAML's {@code SafeConstructor} where SnakeYAML's differs: timestamps become a date, a naive datetime or a
     * datetime with its own offset kept ({@code construct_yaml_timestamp}: fraction cut to 6 digits, {@code Z} is
     * UTC), not a {@code java.util.Date}; decimal integers obey {@code int()}'s 4300-digit limit.
     */
    private static final class PyConstructor extends SafeConstructor {
        private static final Pattern TIMESTAMP = Pattern.compile(
                "^(\\d{4})-(\\d\\d?)-(\\d\\d?)(?:(?:[Tt]|[ \\t]+)(\\d\\d?):(\\d\\d):(\\d\\d)(?:\\.(\\d*))?"
                        + "(?:[ \\t]*(Z|([-+])(\\d\\d?)(?::(\\d\\d))?))?)?$");

        PyConstructor(LoaderOptions options) {
            super(options);
            Construct ints = Objects.requireNonNull(this.yamlConstructors.get(Tag.INT),
                    "SafeConstructor has a constructor for !!int");
            this.yamlConstructors.put(Tag.INT, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String v = ((ScalarNode) node).getValue().replace("_", "");
                    String unsigned = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
                    if (!unsigned.startsWith("0") && !unsigned.contains(":")) {
                        PyInts.checkParseDigits(unsigned.length());
                    }
                    return ints.construct(node);
                }
            });
            this.yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return timestamp(((ScalarNode) node).getValue());
                }
            });
            // construct_yaml_bool: bool_values[value.lower()], a KeyError for anything else (SnakeYAML gives null).
            Construct bools = Objects.requireNonNull(this.yamlConstructors.get(Tag.BOOL),
                    "SafeConstructor has a constructor for !!bool");
            this.yamlConstructors.put(Tag.BOOL, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    Object b = bools.construct(node);
                    if (b == null) {
                        throw new CodecException("yaml", "not a bool: " + describe(node) + at(node));
                    }
                    return b;
                }
            });
        }

        /**
         * Refuses a node that holds an alias of itself ({@code &a [*a]}, {@code &a {x: *a}}): PyYAML's
         * {@code safe_load} builds a list or dict that contains itself, which Faust cannot use ({@code json.dumps}
         * raises "Circular reference detected") and a Java value cannot usefully hold. Anything a constructor
         * throws other than a YAML or jfaust error (a {@code NumberFormatException} for {@code !!int abc}, bad
         * base64 under {@code !!binary}, a tag on the wrong kind of node) becomes a {@link CodecException} naming
         * the node.
         */
        @Override
        protected Object constructObject(Node node) {
            if (node.isTwoStepsConstruction() && node.getNodeId() != NodeId.scalar) {
                boolean mapping = node.getNodeId() == NodeId.mapping;
                throw new CodecException("yaml", "the alias *" + node.getAnchor() + " is inside the "
                        + (mapping ? "mapping" : "sequence") + " &" + node.getAnchor() + " names" + at(node)
                        + ": PyYAML would build a " + (!mapping ? "list" : Tag.SET.equals(node.getTag()) ? "set"
                        : "dict") + " that contains itself, which Faust cannot use (json.dumps: Circular reference "
                        + "detected); jfaust refuses it");
            }
            try {
                return super.constructObject(node);
            } catch (YAMLException | FaustException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new CodecException("yaml", "cannot construct " + describe(node) + at(node) + ": "
                        + DecodeFailures.describe(e), e);
            }
        }

        /** {@code !!int 'abc'}, {@code !!set (a sequence)}. */
        private static String describe(Node node) {
            String tag = node.getTag().getValue();
            tag = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
            if (node instanceof ScalarNode scalar) {
                String v = scalar.getValue();
                return tag + " '" + (v.length() > 40 ? v.substring(0, 40) + "..." : v) + "'";
            }
            return tag + " (a " + node.getNodeId() + ")";
        }

        /** {@code " (line 1, column 5)"}, or nothing when the node has no position. */
        private static String at(Node node) {
            Mark mark = node.getStartMark();
            return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
        }

        static Object timestamp(String value) {
            Matcher m = TIMESTAMP.matcher(value);
            if (!m.matches()) {
                throw new CodecException("yaml", "not a timestamp: " + value);
            }
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return date;
            }
            String fraction = m.group(7) == null ? "" : m.group(7);
            fraction = (fraction.length() > 6 ? fraction.substring(0, 6) : fraction + "000000".substring(
                    fraction.length()));
            LocalDateTime t = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)), Integer.parseInt(fraction) * 1000);
            if (m.group(9) != null) {
                int seconds = Integer.parseInt(m.group(10)) * 3600
                        + (m.group(11) == null ? 0 : Integer.parseInt(m.group(11)) * 60);
                return t.atOffset(ZoneOffset.ofTotalSeconds(m.group(9).equals("-") ? -seconds : seconds));
            }
            return m.group(8) != null ? t.atOffset(ZoneOffset.UTC) : t;
        }
    }

    @Override
    public String toString() {
        return "yaml";
    }
}
