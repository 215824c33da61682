package io.jfaust.serdes;

import org.jspecify.annotations.Nullable;

/**
 * A Faust record's class options ({@code class X(Record, serializer=..., namespace=..., ...)}), immutable.
 *
 * <p>{@code validation} implies {@code coerce}, as in Faust. {@code namespace} is not here: it lives on the schema.
 * {@code isAbstract} is Faust's {@code abstract=True}: the model is a base for others and is never instantiated (see
 * {@link #withAbstract}); it is not inherited ({@link RecordSchema.Builder#extend}).
 *
 * <pre>{@code
 * RecordOptions o = RecordOptions.defaults().withSerializer("json").withValidation(true);
 * o.coerce();            // true
 * o.includeMetadata();   // true
 * }</pre>
 */
public record RecordOptions(
        @Nullable String serializer,
        boolean includeMetadata,
        boolean isodates,
        boolean decimals,
        boolean coerce,
        boolean validation,
        boolean allowBlessedKey,
        boolean polymorphicFields,
        boolean isAbstract) {

    /** Options as written; {@code validation} turns {@code coerce} on. */
    public RecordOptions {
        if (serializer != null && serializer.isEmpty()) {
            serializer = null;
        }
        coerce = coerce || validation;
    }

    /** Options of a concrete (not abstract) model, as written; {@code validation} turns {@code coerce} on. */
    public RecordOptions(@Nullable String serializer, boolean includeMetadata, boolean isodates, boolean decimals,
                         boolean coerce, boolean validation, boolean allowBlessedKey, boolean polymorphicFields) {
        this(serializer, includeMetadata, isodates, decimals, coerce, validation, allowBlessedKey, polymorphicFields,
                false);
    }

    /** Faust's defaults: no serializer, metadata included, nothing else on. */
    public static RecordOptions defaults() {
        return new RecordOptions(null, true, false, false, false, false, false, false, false);
    }

    /** A copy with the record's own serializer (null for none). */
    public RecordOptions withSerializer(@Nullable String serializer) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, coerce, validation,
                allowBlessedKey, polymorphicFields, isAbstract);
    }

    /** A copy with {@code include_metadata}. */
    public RecordOptions withIncludeMetadata(boolean v) {
        return new RecordOptions(serializer, v, isodates, decimals, coerce, validation, allowBlessedKey,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code isodates}. */
    public RecordOptions withIsodates(boolean v) {
        return new RecordOptions(serializer, includeMetadata, v, decimals, coerce, validation, allowBlessedKey,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code decimals}. */
    public RecordOptions withDecimals(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, v, coerce, validation, allowBlessedKey,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code coerce}. */
    public RecordOptions withCoerce(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, v, validation, allowBlessedKey,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code validation} (which also turns {@code coerce} on). */
    public RecordOptions withValidation(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, coerce, v, allowBlessedKey,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code allow_blessed_key}. */
    public RecordOptions withAllowBlessedKey(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, coerce, validation, v,
                polymorphicFields, isAbstract);
    }

    /** A copy with {@code polymorphic_fields}. */
    public RecordOptions withPolymorphicFields(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, coerce, validation,
                allowBlessedKey, v, isAbstract);
    }

    /**
     * A copy with Faust's {@code abstract}: the model is a base for others ({@code class Asset(Record,
     * abstract=True)}). It is never registered under its namespace nor instantiated; a field of its type holds
     * whatever model the payload's {@code __faust.ns} names, or the plain mapping when the payload names none; a
     * topic or table of its type decodes to the model the payload names.
     */
    public RecordOptions withAbstract(boolean v) {
        return new RecordOptions(serializer, includeMetadata, isodates, decimals, coerce, validation,
                allowBlessedKey, polymorphicFields, v);
    }
}
