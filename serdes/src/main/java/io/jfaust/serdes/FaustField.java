package io.jfaust.serdes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Faust's field-descriptor options on a component of a {@link FaustRecord}: names, exclusion, a default, and the
 * validation bounds. Unset numbers are left at their sentinel defaults; zero bounds are ignored, as in Faust.
 *
 * <pre>{@code
 * @FaustRecord(namespace = "shop.Order", validation = true)
 * record Order(@FaustField(inputName = "userId", outputName = "UserID") String userId,
 *              @FaustField(minValue = 1, maxValue = 100) long qty, @FaustField(defaultValue = "\"none\"") String tag) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface FaustField {
    /** The JSON key read when decoding; empty for the component name. */
    String inputName() default "";

    /** The JSON key written; empty for the input name. */
    String outputName() default "";

    /** Never write this field ({@code exclude=True}); it then needs a default. */
    boolean exclude() default false;

    /** The default as JSON text ({@code "0"}, {@code "\"none\""}, {@code "null"}); makes the field optional. */
    String defaultValue() default UNSET;

    /** Shorthand for {@code defaultValue = "null"}: an {@code Optional[...]} field. */
    boolean optional() default false;

    /** {@code max_value}; NaN for none. */
    double maxValue() default Double.NaN;

    /** {@code min_value}; NaN for none. */
    double minValue() default Double.NaN;

    /** {@code max_length}; -1 for none. */
    int maxLength() default -1;

    /** {@code min_length}; -1 for none. */
    int minLength() default -1;

    /** {@code allow_blank}. */
    boolean allowBlank() default false;

    /** {@code trim_whitespace}. */
    boolean trimWhitespace() default false;

    /** {@code max_digits}; -1 for none. */
    int maxDigits() default -1;

    /** {@code max_decimal_places}; -1 for none. */
    int maxDecimalPlaces() default -1;

    /** The marker for "no default". */
    String UNSET = "\u0000unset";
}
