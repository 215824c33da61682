package io.jfaust.worker.text;

import io.jfaust.serdes.FaustJson;
import io.jfaust.serdes.FieldType;
import io.jfaust.serdes.JsonFlavor;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code repr()} of field types and defaults, as Faust's {@code model} verb prints them: builtin types
 * ({@code int}, {@code float}, {@code str}, {@code bytes}, {@code datetime}) by name, any other by its repr
 * ({@code <class 'bool'>}, {@code typing.List[int]}); defaults as Python literals ({@code None}, {@code 'x'},
 * {@code 0.0}, {@code True}).
 */
public final class PyRepr {
    private PyRepr() {}

    public static String type(FieldType t) {
        if (t instanceof FieldType.Scalar s) {
            return switch (s) {
                case STR, INT, FLOAT, BYTES, DATETIME -> s.pythonName();
                case BOOL -> "<class 'bool'>";
                case DECIMAL -> "<class 'decimal.Decimal'>";
                case ANY -> "typing.Any";
            };
        }
        if (t instanceof FieldType.RecordOf r) {
            return "<class '" + inner(r) + "'>";
        }
        return inner(t);
    }

    /** A type's name inside a {@code typing} generic. */
    private static String inner(FieldType t) {
        if (t instanceof FieldType.Scalar s) {
            return switch (s) {
                case DATETIME -> "datetime.datetime";
                case DECIMAL -> "decimal.Decimal";
                case ANY -> "typing.Any";
                default -> t.pythonName();
            };
        } else if (t instanceof FieldType.ListOf l) {
            return "typing.List[" + inner(l.element()) + "]";
        } else if (t instanceof FieldType.SetOf l) {
            return "typing.Set[" + inner(l.element()) + "]";
        } else if (t instanceof FieldType.TupleOf l) {
            StringJoiner j = new StringJoiner(", ", "typing.Tuple[", "]");
            l.elements().forEach(e -> j.add(inner(e)));
            return j.toString();
        } else if (t instanceof FieldType.DictOf d) {
            return "typing.Dict[" + inner(d.key()) + ", " + inner(d.value()) + "]";
        } else if (t instanceof FieldType.OptionalOf o) {
            return "typing.Optional[" + inner(o.inner()) + "]";
        }
        FieldType.RecordOf r = (FieldType.RecordOf) t;
        if (r.namespace() != null) {
            return r.namespace();
        }
        Class<?> type = Objects.requireNonNull(r.javaType(), "a record type has a namespace or a Java type");
        try {
            return io.jfaust.serdes.RecordSchema.of(type).namespace();
        } catch (RuntimeException polymorphicBase) {
            return type.getName();
        }
    }

    public static String value(@Nullable Object v) {
        if (v == null) {
            return "None";
        } else if (v instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (v instanceof CharSequence s) {
            return "'" + s.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        } else if (v instanceof Number) {
            return FaustJson.of(JsonFlavor.ROBINHOOD).dumpsString(v);
        } else if (v instanceof Map<?, ?> m) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            m.forEach((k, x) -> j.add(value(k) + ": " + value(x)));
            return j.toString();
        } else if (v instanceof Collection<?> c) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            c.forEach(x -> j.add(value(x)));
            return j.toString();
        }
        return String.valueOf(v);
    }
}
