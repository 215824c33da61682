package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldTypeTest {
    @Test
    void readsPythonAnnotations() {
        assertThat(FieldType.parse("Optional[str]")).isEqualTo(FieldType.optional(FieldType.STR));
        assertThat(FieldType.parse("Union[int, None]")).isEqualTo(FieldType.optional(FieldType.INT));
        assertThat(FieldType.parse("typing.Union[None, decimal.Decimal]")).isEqualTo(FieldType.optional(FieldType.DECIMAL));
        assertThat(FieldType.parse("Union[int, Any]")).as("not an Optional: Any is not None").isEqualTo(FieldType.ANY);
        assertThat(FieldType.parse("Union[int, str]")).isEqualTo(FieldType.ANY);
        assertThat(FieldType.parse("List[None]")).isEqualTo(FieldType.listOf(FieldType.ANY));
        assertThat(FieldType.parse("Dict[str, List[vecmodels.Address]]"))
                .isEqualTo(FieldType.dictOf(FieldType.STR, FieldType.listOf(FieldType.record("vecmodels.Address"))));
        assertThat(FieldType.parse("Tuple[int, str]")).isEqualTo(FieldType.tupleOf(FieldType.INT, FieldType.STR));
    }

    @Test
    void badAnnotationsSayWhatIsWrong() {
        assertThatThrownBy(() -> FieldType.parse("List[int")).hasMessageContaining("expected ']'");
        assertThatThrownBy(() -> FieldType.parse("Optional[int, str]")).hasMessageContaining("takes 1 type argument");
    }
}
