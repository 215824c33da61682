package io.jfaust.serdes;

import java.util.Objects;

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
    private final Object defaultValue;
    private final boolean exclude;
    private final Number maxValue;
    private final Number minValue;
    private final Integer maxLength;
    private final Integer minLength;
    private final boolean allowBlank;
    private final boolean trimWhitespace;
    private final Integer maxDigits;
    private final Integer maxDecimalPlaces;

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
    public Object defaultValue() {
        return defaultValue;
    }

    /** True when the field is never written ({@code exclude=True}). */
    public boolean exclude() {
        return exclude;
    }

    /** Upper bound of a number field, or null. */
    public Number maxValue() {
        return maxValue;
    }

    /** Lower bound of a number field, or null. */
    public Number minValue() {
        return minValue;
    }

    /** Maximum length of a string field, or null. */
    public Integer maxLength() {
        return maxLength;
    }

    /** Minimum length of a string field, or null. */
    public Integer minLength() {
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
    public Integer maxDigits() {
        return maxDigits;
    }

    /** Maximum decimal places of a Decimal field, or null. */
    public Integer maxDecimalPlaces() {
        return maxDecimalPlaces;
    }

    /** The descriptor Faust uses for this field's type ({@code StringField}, {@code IntegerField}...). */
    public String descriptor() {
        return valueType() instanceof FieldType.Scalar s ? s.descriptor() : "FieldDescriptor";
    }

    @Override
    public String toString() {
        return name + ": " + type.pythonName();
    }

    /** Builds a {@link Field}; every option is Faust's descriptor option of the same name. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String inputName;
        private String outputName;
        private boolean hasDefault;
        private Object defaultValue;
        private boolean exclude;
        private Number maxValue;
        private Number minValue;
        private Integer maxLength;
        private Integer minLength;
        private boolean allowBlank;
        private boolean trimWhitespace;
        private Integer maxDigits;
        private Integer maxDecimalPlaces;

        private Builder(String name, FieldType type) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("a field needs a name");
            }
            this.name = name;
            this.type = Objects.requireNonNull(type, "type of field " + name);
        }

        /** The JSON key to read ({@code input_name}). */
        public Builder inputName(String inputName) {
            this.inputName = inputName;
            return this;
        }

        /** The JSON key to write ({@code output_name}). */
        public Builder outputName(String outputName) {
            this.outputName = outputName;
            return this;
        }

        /** Makes the field optional with this default (null is a valid default). */
        public Builder defaultValue(Object value) {
            this.hasDefault = true;
            this.defaultValue = value;
            return this;
        }

        /** Leaves the field out of the JSON ({@code exclude=True}). */
        public Builder exclude(boolean exclude) {
            this.exclude = exclude;
            return this;
        }

        /** Upper bound ({@code max_value}). */
        public Builder maxValue(Number max) {
            this.maxValue = max;
            return this;
        }

        /** Lower bound ({@code min_value}). */
        public Builder minValue(Number min) {
            this.minValue = min;
            return this;
        }

        /** Maximum string length ({@code max_length}). */
        public Builder maxLength(Integer max) {
            this.maxLength = max;
            return this;
        }

        /** Minimum string length ({@code min_length}). */
        public Builder minLength(Integer min) {
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

        /** Maximum number of digits of a Decimal ({@code max_digits}). */
        public Builder maxDigits(Integer max) {
            this.maxDigits = max;
            return this;
        }

        /** Maximum number of decimal places of a Decimal ({@code max_decimal_places}). */
        public Builder maxDecimalPlaces(Integer max) {
            this.maxDecimalPlaces = max;
            return this;
        }

        /** The field. */
        public Field build() {
            return new Field(this);
        }
    }
}
