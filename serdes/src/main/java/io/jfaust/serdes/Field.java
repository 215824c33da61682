package io.jfaust.serdes;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field of a Faust record, with the options of Faust's field descriptors: input/output names, exclusion, a
 * default, and the validation bounds of {@code StringField}, {@code IntegerField}, {@code DecimalField}...
 *
 * <p>A field is required unless it has a default or an {@code Optional[...]} type (whose default is null). Bounds
 * set to zero are ignored, as Faust ignores falsy bounds.
 *
 * <pre>{@code
 * Field qty = Field.builder("qty", FieldType.INT).minValue(5).maxValue(100).build();
 * Field id = Field.builder("user_id", FieldType.STR).inputName("userId").outputName("UserID").build();
 * Field note = Field.builder("note", FieldType.optional(FieldType.STR)).build();
 * }</pre>
 */
public final class Field {
    private final String name;
    private final String inputName;
    private final String outputName;
    private final FieldType type;
    private final boolean required;
    private final @Nullable Object defaultValue;
    private final boolean exclude;
    private final @Nullable Number maxValue;
    private final @Nullable Number minValue;
    private final @Nullable Integer maxLength;
    private final @Nullable Integer minLength;
    private final boolean allowBlank;
    private final boolean trimWhitespace;
    private final @Nullable Integer maxDigits;
    private final @Nullable Integer maxDecimalPlaces;

    private Field(Builder b) {
        this.name = b.name;
        this.inputName = b.inputName != null ? b.inputName : b.name;
        this.outputName = b.outputName != null ? b.outputName : this.inputName;
        this.type = b.type;
        boolean optionalType = b.type instanceof FieldType.OptionalOf;
        this.required = !b.hasDefault && !optionalType;
        this.defaultValue = b.defaultValue;
        this.exclude = b.exclude;
        this.maxValue = b.maxValue;
        this.minValue = b.minValue;
        this.maxLength = b.maxLength;
        this.minLength = b.minLength;
        this.allowBlank = b.allowBlank;
        this.trimWhitespace = b.trimWhitespace;
        this.maxDigits = b.maxDigits;
        this.maxDecimalPlaces = b.maxDecimalPlaces;
    }

    /** Starts a field called {@code name} of type {@code type}. */
    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** A required field with no options. */
    public static Field of(String name, FieldType type) {
        return builder(name, type).build();
    }

    /** The attribute name. */
    public String name() {
        return name;
    }

    /** The JSON key read when decoding (Faust's {@code input_name}; defaults to the name). */
    public String inputName() {
        return inputName;
    }

    /** The JSON key written when encoding (Faust's {@code output_name}; defaults to the input name). */
    public String outputName() {
        return outputName;
    }

    /** The declared type. */
    public FieldType type() {
        return type;
    }

    /** The type without its {@code Optional[...]} wrapper: this decides the descriptor. */
    public FieldType valueType() {
        return type instanceof FieldType.OptionalOf o ? o.inner() : type;
    }

    /** True when a payload must carry this field. */
    public boolean required() {
        return required;
    }

    /** The value used when the field is absent or null (null for required fields). */
    public @Nullable Object defaultValue() {
        return defaultValue;
    }

    /** True when the field is never written ({@code exclude=True}). */
    public boolean exclude() {
        return exclude;
    }

    /** Upper bound of a number field, or null. */
    public @Nullable Number maxValue() {
        return maxValue;
    }

    /** Lower bound of a number field, or null. */
    public @Nullable Number minValue() {
        return minValue;
    }

    /** Maximum length of a string field, or null. */
    public @Nullable Integer maxLength() {
        return maxLength;
    }

    /** Minimum length of a string field, or null. */
    public @Nullable Integer minLength() {
        return minLength;
    }

    /** Whether an empty string passes validation. */
    public boolean allowBlank() {
        return allowBlank;
    }

    /** Whether coercion strips whitespace from strings. */
    public boolean trimWhitespace() {
        return trimWhitespace;
    }

    /** Maximum digits of a Decimal field, or null. */
    public @Nullable Integer maxDigits() {
        return maxDigits;
    }

    /** Maximum decimal places of a Decimal field, or null. */
    public @Nullable Integer maxDecimalPlaces() {
        return maxDecimalPlaces;
    }

    /** The descriptor Faust uses for this field's type ({@code StringField}, {@code IntegerField}...). */
    public String descriptor() {
        return valueType() instanceof FieldType.Scalar s ? s.descriptor() : "FieldDescriptor";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Field f && name.equals(f.name) && inputName.equals(f.inputName)
                && outputName.equals(f.outputName) && type.equals(f.type) && required == f.required
                && Objects.equals(defaultValue, f.defaultValue) && exclude == f.exclude
                && Objects.equals(maxValue, f.maxValue) && Objects.equals(minValue, f.minValue)
                && Objects.equals(maxLength, f.maxLength) && Objects.equals(minLength, f.minLength)
                && allowBlank == f.allowBlank && trimWhitespace == f.trimWhitespace
                && Objects.equals(maxDigits, f.maxDigits) && Objects.equals(maxDecimalPlaces, f.maxDecimalPlaces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue);
    }

    @Override
    public String toString() {
        return name + ": " + type.pythonName();
    }

    /**
     * Builds a {@link Field}; every option is Faust's descriptor option of the same name.
     *
     * <pre>{@code
     * Field f = Field.builder("qty", FieldType.INT).minValue(1).maxValue(100).defaultValue(1L).build();
     * }</pre>
     */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private @Nullable String inputName;
        private @Nullable String outputName;
        private boolean hasDefault;
        private @Nullable Object defaultValue;
        private boolean exclude;
        private @Nullable Number maxValue;
        private @Nullable Number minValue;
        private @Nullable Integer maxLength;
        private @Nullable Integer minLength;
        private boolean allowBlank;
        private boolean trimWhitespace;
        private @Nullable Integer maxDigits;
        private @Nullable Integer maxDecimalPlaces;

        private Builder(String name, FieldType type) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a field needs a name");
            }
            this.name = name;
            this.type = Objects.requireNonNull(type, "type of field " + name);
        }

        /** The JSON key to read ({@code input_name}; null for the name). */
        public Builder inputName(@Nullable String inputName) {
            this.inputName = inputName;
            return this;
        }

        /** The JSON key to write ({@code output_name}; null for the input name). */
        public Builder outputName(@Nullable String outputName) {
            this.outputName = outputName;
            return this;
        }

        /** Makes the field optional with this default (null is a valid default). */
        public Builder defaultValue(@Nullable Object value) {
            this.hasDefault = true;
            this.defaultValue = value;
            return this;
        }

        /** Leaves the field out of the JSON ({@code exclude=True}). */
        public Builder exclude(boolean exclude) {
            this.exclude = exclude;
            return this;
        }

        /** Upper bound ({@code max_value}; null for none). */
        public Builder maxValue(@Nullable Number max) {
            this.maxValue = max;
            return this;
        }

        /** Lower bound ({@code min_value}; null for none). */
        public Builder minValue(@Nullable Number min) {
            this.minValue = min;
            return this;
        }

        /** Maximum string length ({@code max_length}; null for none). */
        public Builder maxLength(@Nullable Integer max) {
            this.maxLength = max;
            return this;
        }

        /** Minimum string length ({@code min_length}; null for none). */
        public Builder minLength(@Nullable Integer min) {
            this.minLength = min;
            return this;
        }

        /** Whether an empty string is valid ({@code allow_blank}). */
        public Builder allowBlank(boolean allow) {
            this.allowBlank = allow;
            return this;
        }

        /** Whether coercion strips whitespace ({@code trim_whitespace}). */
        public Builder trimWhitespace(boolean trim) {
            this.trimWhitespace = trim;
            return this;
        }

        /** Maximum number of digits of a Decimal ({@code max_digits}; null for none). */
        public Builder maxDigits(@Nullable Integer max) {
            this.maxDigits = max;
            return this;
        }

        /** Maximum number of decimal places of a Decimal ({@code max_decimal_places}; null for none). */
        public Builder maxDecimalPlaces(@Nullable Integer max) {
            this.maxDecimalPlaces = max;
            return this;
        }

        /** The field. */
        public Field build() {
            return new Field(this);
        }
    }
}
