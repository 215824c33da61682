package io.jfaust.serdes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java record a Faust {@code Record}, with Faust's class options. Components are the fields, in
 * declaration order; {@link FaustField} on a component carries the field options.
 *
 * <p>{@code namespace} is required: Faust derives it from the Python module ({@code myproj.models.Order}), which
 * Java cannot guess; copy it from the Python side (or from the {@code __faust.ns} in its messages). On an interface,
 * it marks an abstract base (Faust's {@code abstract=True}) whose implementations are chosen by {@code __faust.ns};
 * list them in {@code subtypes} or make the interface {@code sealed} (a sealed interface needs no annotation). Its
 * options are not inherited: each implementation carries its own.
 *
 * <pre>{@code
 * @FaustRecord(namespace = "purchases_app.Purchase")
 * public record Purchase(String username, String currency, long amount) {}
 * byte[] json = FaustJson.of(JsonFlavor.FAUST_STREAMING).dumps(new Purchase("alice", "USD", 1234));
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FaustRecord {
    /** The {@code __faust.ns} this record writes and is known by. */
    String namespace();

    /** The record's own codec ({@code serializer=}); empty for none. */
    String serializer() default "";

    /** Whether to write {@code "__faust":{"ns":...}} ({@code include_metadata}). */
    boolean includeMetadata() default true;

    /** Faust's {@code isodates} (Java date types are always parsed; this matters for {@code Object} fields). */
    boolean isodates() default false;

    /** Faust's {@code decimals}. */
    boolean decimals() default false;

    /** Faust's {@code coerce}: convert values to the declared types ({@code "5"} to 5 for an int field). */
    boolean coerce() default false;

    /** Faust's {@code validation}: check the field rules when decoding; implies {@code coerce}. */
    boolean validation() default false;

    /** Faust's {@code allow_blessed_key}. */
    boolean allowBlessedKey() default false;

    /** Faust's {@code polymorphic_fields}. */
    boolean polymorphicFields() default false;

    /** For an interface: the implementations its {@code __faust.ns} may select (sealed interfaces need none). */
    Class<?>[] subtypes() default {};
}
