package io.jfaust.benchmarks;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jfaust.examples.purchases.Purchase;
import io.jfaust.serdes.DataType;
import io.jfaust.serdes.FaustRecord;
import io.jfaust.serdes.Serializers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Faust record encode/decode through jfaust's serializers versus plain Jackson {@code ObjectMapper} on an equivalent
 * Java record writing the same fields (with the {@code __faust} field too). Score: operations per second.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SerdeBench
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SerdeBench -p record=purchase
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main SerdeBench -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SerdeBench {
    /** A nested record with a list, a Decimal and a datetime. */
    @FaustRecord(namespace = "bench.Line")
    public record Line(String sku, long qty) {}

    /** The nested record. */
    @FaustRecord(namespace = "bench.Order")
    public record Order(String id, List<Line> lines, BigDecimal total, OffsetDateTime at) {}

    /** Jackson's metadata field. */
    public record Meta(String ns) {}

    /** Jackson's Purchase, writing the same fields. */
    public record JPurchase(String username, String currency, long amount,
                            @JsonProperty("__faust") Meta faust) {}

    /** Jackson's line. */
    public record JLine(String sku, long qty, @JsonProperty("__faust") Meta faust) {}

    /** Jackson's order. */
    public record JOrder(String id, List<JLine> lines, BigDecimal total, OffsetDateTime at,
                         @JsonProperty("__faust") Meta faust) {}

    @Param({"purchase", "nested"})
    public String record;

    @Param({"json", "json|binary"})
    public String codec;

    private final Serializers serializers = Serializers.defaults();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private Object value;
    private Object jvalue;
    private Class<?> jtype;
    private DataType<?> type;
    private byte[] bytes;
    private byte[] jbytes;

    @Setup
    public void setUp() throws Exception {
        if (record.equals("purchase")) {
            value = new Purchase("youngcarol", "USD", 123456);
            jvalue = new JPurchase("youngcarol", "USD", 123456, new Meta("lesson.Purchase"));
            jtype = JPurchase.class;
            type = DataType.of(Purchase.class);
        } else {
            OffsetDateTime at = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC);
            value = new Order("o-1", List.of(new Line("a", 1), new Line("b", 2), new Line("c", 3)),
                    new BigDecimal("12.30"), at);
            Meta line = new Meta("bench.Line");
            jvalue = new JOrder("o-1", List.of(new JLine("a", 1, line), new JLine("b", 2, line),
                    new JLine("c", 3, line)), new BigDecimal("12.30"), at, new Meta("bench.Order"));
            jtype = JOrder.class;
            type = DataType.of(Order.class);
        }
        bytes = jfaustEncode();
        jbytes = jacksonEncode();
    }

    @Benchmark
    public byte[] jfaustEncode() {
        return serializers.dumpsValue(type, value, codec);
    }

    @Benchmark
    public Object jfaustDecode() {
        return serializers.loadsValue(type, bytes, codec, "t");
    }

    @Benchmark
    public byte[] jacksonEncode() throws Exception {
        byte[] json = mapper.writeValueAsBytes(jvalue);
        return codec.equals("json") ? json : Base64.getEncoder().encode(json);
    }

    @Benchmark
    public Object jacksonDecode() throws Exception {
        byte[] json = codec.equals("json") ? jbytes : Base64.getDecoder().decode(jbytes);
        return mapper.readValue(json, jtype);
    }
}
