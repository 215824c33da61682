package io.jfaust.serdes;

import static io.jfaust.serdes.FieldType.dictOf;
import static io.jfaust.serdes.FieldType.listOf;
import static io.jfaust.serdes.FieldType.optional;
import static io.jfaust.serdes.FieldType.record;
import static io.jfaust.serdes.FieldType.setOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A small recursive-descent reader for Python annotations ({@link FieldType#parse(String)}). */
final class FieldTypeParser {
    private final String text;
    private int pos;

    private FieldTypeParser(String text) {
        this.text = Objects.requireNonNull(text, "annotation");
    }

    static FieldType parse(String annotation) {
        return new FieldTypeParser(annotation).parseAll();
    }

    private FieldType parseAll() {
        FieldType t = orAny(type());
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
        return t;
    }

    private @Nullable FieldType type() {
        String name = name();
        List<@Nullable FieldType> args = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '[') {
            pos++;
            do {
                args.add(type());
                skipSpaces();
            } while (pos < text.length() && text.charAt(pos) == ',' && ++pos > 0);
            expect(']');
        }
        return build(name, args);
    }

    /** {@code None} reads as null so that {@code Union[X, None]} can spot it; anywhere else it is {@code Any}. */
    private static FieldType orAny(@Nullable FieldType t) {
        return t == null ? FieldType.ANY : t;
    }

    private @Nullable FieldType build(String name, List<@Nullable FieldType> rawArgs) {
        String simple = name.startsWith("typing.") ? name.substring(7) : name;
        List<@Nullable FieldType> args = simple.equals("Union") ? rawArgs
                : rawArgs.stream().map(FieldTypeParser::orAny).toList();
        switch (simple) {
            case "str": return FieldType.STR;
            case "int": return FieldType.INT;
            case "float": return FieldType.FLOAT;
            case "bool": return FieldType.BOOL;
            case "bytes": return FieldType.BYTES;
            case "decimal.Decimal": case "Decimal": return FieldType.DECIMAL;
            case "datetime.datetime": case "datetime": return FieldType.DATETIME;
            case "Any": case "object": return FieldType.ANY;
            case "Optional": return optional(arg(simple, args, 0, 1));
            case "List": case "list": case "Sequence": case "MutableSequence":
                return listOf(args.isEmpty() ? FieldType.ANY : arg(simple, args, 0, 1));
            case "Set": case "set": case "FrozenSet": case "frozenset": case "AbstractSet":
                return setOf(args.isEmpty() ? FieldType.ANY : arg(simple, args, 0, 1));
            case "Tuple": case "tuple":
                return new FieldType.TupleOf(args.stream().map(FieldTypeParser::orAny).toList());
            case "Dict": case "dict": case "Mapping": case "MutableMapping":
                return args.isEmpty() ? dictOf(FieldType.ANY, FieldType.ANY)
                        : dictOf(arg(simple, args, 0, 2), orAny(args.get(1)));
            case "Union": {
                List<FieldType> some = args.stream().filter(Objects::nonNull).map(FieldTypeParser::orAny).toList();
                if (some.size() == 1 && args.size() == 2) {
                    return optional(some.get(0));
                }
                return FieldType.ANY;
            }
            case "None": case "NoneType": return null;
            default:
                return simple.contains(".") ? record(simple) : FieldType.ANY;
        }
    }

    private FieldType arg(String name, List<@Nullable FieldType> args, int index, int expected) {
        if (args.size() != expected) {
            throw error(name + " takes " + expected + " type argument(s), got " + args.size());
        }
        return args.get(index);
    }

    private String name() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isJavaIdentifierPart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a type name at position " + pos);
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "' at position " + pos);
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String why) {
        return new IllegalArgumentException("cannot read type annotation '" + text + "': " + why);
    }
}
