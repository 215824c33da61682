package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jfaust.serdes.internal.NegativeZeroDecimal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 1: Decimal negative zero keeps its sign, JSON integers obey CPython's 4300-digit limit (not
 * Jackson's 1000), and a Python float field may hold an int as Faust writes it.
 */
class NumbersFidelityTest {
    private static final Serializers S = Serializers.defaults();

    // ------------------------------------------------------------------ Decimal negative zero

    /** Negative zeros with every exponent form Python's Decimal reads: -0, -0.0..., -0E+n, -0.00e+n. */
    private static List<String> negativeZeros() {
        List<String> out = new ArrayList<>();
        for (int frac = 0; frac <= 8; frac++) {
            String m = frac == 0 ? "-0" : "-0." + "0".repeat(frac);
            out.add(m);
            for (int e : new int[] {-9, -3, 1, 4, 12}) {
                out.add(m + "E" + (e > 0 ? "+" : "") + e);
                out.add(m + "e" + e);
            }
        }
        return out;
    }

    /**
     * Python's {@code str(Decimal)} of a zero of exponent {@code exp} and sign {@code sign}, written out from
     * CPython's {@code Lib/_pydecimal.py} {@code Decimal.__str__} (digits "0"), independently of BigDecimal.
     */
    private static String pyStrOfZero(String sign, int exp) {
        int leftdigits = exp + 1;
        int dotplace = exp <= 0 && leftdigits > -6 ? leftdigits : 1;
        String intpart;
        String fracpart;
        if (dotplace <= 0) {
            intpart = "0";
            fracpart = "." + "0".repeat(-dotplace) + "0";
        } else if (dotplace >= 1) {
            intpart = "0" + "0".repeat(dotplace - 1);
            fracpart = "";
        } else {
            throw new AssertionError();
        }
        String e = leftdigits == dotplace ? "" : String.format("E%+d", leftdigits - dotplace);
        return sign + intpart + fracpart + e;
    }

    /** The exponent Python's Decimal gives a literal: the written exponent minus the digits after the point. */
    private static int exponentOf(String literal) {
        String s = literal.toLowerCase();
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        int written = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        int dot = mantissa.indexOf('.');
        return written - (dot < 0 ? 0 : mantissa.length() - dot - 1);
    }

    private static RecordSchema<GenericRecord> money(boolean decimals, boolean coerce) {
        return RecordSchema.builder("t.Money" + decimals + coerce).registry(RecordRegistry.create())
                .options(RecordOptions.defaults().withDecimals(decimals).withCoerce(coerce))
                .field("m", FieldType.DECIMAL).build();
    }

    @Test
    void aDecimalNegativeZeroKeepsItsSignThroughDecodeAndEncode() {
        RecordSchema<GenericRecord> money = money(true, false);
        List<String> zeros = negativeZeros();
        assertThat(zeros).hasSize(99);
        for (String z : zeros) {
            String want = pyStrOfZero("-", exponentOf(z));
            GenericRecord r = money.loads(("{\"m\":\"" + z + "\"}").getBytes(StandardCharsets.UTF_8), "json",
                    Codecs.global());
            assertThat(r.get("m")).as(z).isInstanceOf(NegativeZeroDecimal.class);
            assertThat(r.get("m").toString()).as(z).isEqualTo(want);
            assertThat(new String((byte[]) money.dumps(r, "json", Codecs.global()), StandardCharsets.UTF_8))
                    .as(z).isEqualTo("{\"m\":\"" + want + "\",\"__faust\":{\"ns\":\"t.Moneytruefalse\"}}");
            // Positive zeros are untouched and print the same digits without the sign.
            Object plus = FieldConversions.toDecimal(z.substring(1));
            assertThat(plus.toString()).as(z).isEqualTo(pyStrOfZero("", exponentOf(z)));
        }
    }

    @Test
    void aFloatNegativeZeroBecomesDecimalMinusZeroAsPythonsDecimalOfAFloat() {
        // Decimal(-0.0) == Decimal('-0') (the float's sign bit is kept; _pydecimal.Decimal.from_float).
        GenericRecord r = money(false, true).create(Map.of("m", -0.0));
        assertThat(r.get("m").toString()).isEqualTo("-0");
        assertThat(FieldConversions.toDecimal(0.0).toString()).isEqualTo("0");
        assertThat(FieldConversions.toFloat(r.get("m"))).isEqualTo(-0.0);
    }

    @Test
    void aBigDecimalCannotHoldTheSignSoTypedPathsGetAnEqualZero() {
        for (String z : negativeZeros()) {
            byte[] json = ("\"" + z + "\"").getBytes(StandardCharsets.UTF_8);
            BigDecimal got = S.loadsValue(DataType.of(BigDecimal.class), json, "json", "t");
            assertThat(got.signum()).as(z).isZero();
            assertThat(got.scale()).as(z).isEqualTo(-exponentOf(z));
        }
    }

    @Test
    void validationSeesTheZerosDigitsAsPythonsAsTupleDoes() {
        RecordSchema<GenericRecord> bounded = RecordSchema.builder("t.Bounded").registry(RecordRegistry.create())
                .options(RecordOptions.defaults().withValidation(true))
                .field(Field.builder("m", FieldType.DECIMAL).maxDecimalPlaces(1).build()).build();
        assertThatThrownBy(() -> bounded.create(Map.of("m", "-0.00"))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("m must have less than 1 decimal places.");
        assertThat(bounded.create(Map.of("m", "-0.0")).get("m").toString()).isEqualTo("-0.0");
    }

    // ------------------------------------------------------------------ integer digits

    private static String digits(int n, int seed) {
        StringBuilder sb = new StringBuilder(n);
        sb.append((char) ('1' + seed % 9));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + (i * 7 + seed) % 10));
        }
        return sb.toString();
    }

    @Test
    void jsonIntegersAreReadUpToCpythonsLimitAndRefusedBeyondIt() {
        int[] sizes = {999, 1000, 1001, 2500, 4299, 4300, 4301, 4400, 10_000};
        for (int n : sizes) {
            for (String sign : new String[] {"", "-"}) {
                String text = sign + digits(n, n);
                byte[] json = ("[" + text + "]").getBytes(StandardCharsets.US_ASCII);
                if (n <= 4300) {
                    Object got = S.loadsValue(DataType.any(), json, "json", "t");
                    assertThat(got).as("%d digits", n).isEqualTo(List.of(new BigInteger(text)));
                } else {
                    assertThatThrownBy(() -> S.loadsValue(DataType.any(), json, "json", "t"))
                            .as("%d digits", n).isInstanceOf(ValueDecodeException.class)
                            .cause().isInstanceOf(CoercionException.class)
                            .hasMessage("Exceeds the limit (4300 digits) for integer string conversion: value has "
                                    + n + " digits; use sys.set_int_max_str_digits() to increase the limit");
                }
            }
        }
    }

    @Test
    void integersAreWrittenUpToTheLimitAndRefusedBeyondIt() {
        for (int n : new int[] {4299, 4300, 4301, 6000}) {
            BigInteger big = new BigInteger(digits(n, 3));
            for (BigInteger v : List.of(big, big.negate())) {
                if (n <= 4300) {
                    assertThat(FaustJson.of(JsonFlavor.FAUST_STREAMING).dumpsString(List.of(v)))
                            .isEqualTo("[" + v + "]");
                } else {
                    assertThatThrownBy(() -> FaustJson.of(JsonFlavor.FAUST_STREAMING).dumps(List.of(v)))
                            .isInstanceOf(CoercionException.class)
                            .hasMessage("Exceeds the limit (4300 digits) for integer string conversion; "
                                    + "use sys.set_int_max_str_digits() to increase the limit");
                }
            }
        }
    }

    @Test
    void intCoercionOfTextObeysTheLimitToo() {
        assertThat(FieldConversions.toInt("-" + digits(4300, 1))).isEqualTo(new BigInteger("-" + digits(4300, 1)));
        assertThatThrownBy(() -> FieldConversions.toInt("+" + digits(4301, 1)))
                .isInstanceOf(CoercionException.class).hasMessageContaining("value has 4301 digits");
    }

    @Test
    void floatsHaveNoDigitLimitAsInPython() {
        // float() of any length is read: 1 followed by 5000 zeros overflows to inf, a long fraction rounds.
        String huge = "1" + "0".repeat(5000) + ".0";
        assertThat(FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(huge)).isEqualTo(Double.POSITIVE_INFINITY);
        String longFraction = "0." + "3".repeat(3000);
        assertThat(FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(longFraction)).isEqualTo(1.0 / 3);
    }

    // ------------------------------------------------------------------ a float field holding an int

    @FaustRecord(namespace = "t.Total")
    record Total(String user, Number amount) {}

    @Test
    void aNumberComponentIsAFloatFieldWrittenAsFaustWritesIt() {
        RecordSchema<Total> schema = RecordSchema.of(Total.class);
        assertThat(schema.fields().get(1).type()).isEqualTo(FieldType.FLOAT);
        // sum([]) is the int 0 in Python: Faust writes 0, and 0.0 for a float sum.
        for (Object[] c : new Object[][] {{0L, "0"}, {0.0, "0.0"}, {12L, "12"}, {12.5, "12.5"}, {1e16, "1e+16"}}) {
            byte[] out = S.dumpsValue(DataType.of(Total.class), new Total("a", (Number) c[0]), null);
            assertThat(new String(out, StandardCharsets.UTF_8))
                    .isEqualTo("{\"user\":\"a\",\"amount\":" + c[1] + ",\"__faust\":{\"ns\":\"t.Total\"}}");
            Total back = S.loadsValue(DataType.of(Total.class), out, null, "t");
            assertThat(back.amount()).isEqualTo(c[0]);
        }
    }
}
