package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.serdes.VecModels.Aliased;
import io.jfaust.serdes.VecModels.Article;
import io.jfaust.serdes.VecModels.Purchase;
import io.jfaust.serdes.VecModels.WithDefaults;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java records decode straight from the JSON parser; this checks that path against the general one (JSON to a map,
 * then Faust's {@code from_data}) on payloads that exercise every rule: key order, unknown and duplicate keys, nulls,
 * defaults, renamed fields, the blessed key (same, other, unknown, malformed), non-objects and non-ASCII text.
 */
class RecordFastPathTest {
    record Case(Class<?> type, String json) {
        @Override
        public String toString() {
            return type.getSimpleName() + " " + json;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1}"),
                new Case(Purchase.class, "{\"amount\": 1, \"currency\": \"USD\", \"username\": \"a\"}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,\"x\":{\"y\":[1]}}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"username\":\"b\",\"currency\":\"USD\",\"amount\":1}"),
                new Case(Purchase.class, "{\"username\":\"J\u00fcrgen\",\"currency\":\"\\u00e6\",\"amount\":1}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,"
                        + "\"__faust\":{\"ns\":\"vecmodels.Purchase\"}}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,\"__faust\":\"junk\"}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,"
                        + "\"__faust\":{\"ns\":\"nope.Nope\"}}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1,"
                        + "\"__faust\":{\"ns\":\"vecmodels.DollarPurchase\"}}"),
                new Case(Purchase.class, "{\"username\":\"a\"}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":null}"),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":\"12\"}"),
                new Case(Purchase.class, "[1,2,3]"),
                new Case(Purchase.class, "null"),
                new Case(Purchase.class, "{\"username\": "),
                new Case(Purchase.class, "{\"username\":\"a\",\"currency\":\"USD\",\"amount\":1} []"),
                new Case(WithDefaults.class, "{\"name\":\"x\",\"count\":null,\"tag\":null}"),
                new Case(WithDefaults.class, "{\"name\":\"x\"}"),
                new Case(Aliased.class, "{\"userId\":\"u9\",\"plain\":4}"),
                new Case(Aliased.class, "{\"UserID\":\"u9\",\"plain\":4}"),
                new Case(Aliased.class, "{\"userId\":\"u9\",\"userId\":\"u8\",\"secret\":\"s\"}"),
                new Case(Article.class, "{\"title\":\"t\",\"assets\":[{\"url\":\"i\",\"type\":\"image\",\"width\":1,"
                        + "\"__faust\":{\"ns\":\"vecmodels.ImageAsset\"}}],\"__faust\":{\"ns\":\"vecmodels.Article\"}}"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theParserPathAgreesWithTheMapPath(Case c) {
        byte[] bytes = c.json().getBytes(StandardCharsets.UTF_8);
        DataType<?> type = DataType.of(c.type());
        Object fast;
        Object general;
        Throwable fastError = null;
        Throwable generalError = null;
        try {
            fast = Serializers.defaults().loadsValue(type, bytes, null, "t");
        } catch (RuntimeException e) {
            fast = null;
            fastError = e.getCause();
        }
        try {
            general = type.schema().fromData(FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(bytes));
        } catch (RuntimeException e) {
            general = null;
            generalError = e;
        }
        if (generalError != null) {
            assertThat(fastError).as("error of %s", c).isNotNull().hasSameClassAs(generalError)
                    .hasMessage(generalError.getMessage());
        } else {
            assertThat(fastError).as("no error for %s", c).isNull();
            assertThat(fast).as(c.toString()).isEqualTo(general);
        }
    }
}
