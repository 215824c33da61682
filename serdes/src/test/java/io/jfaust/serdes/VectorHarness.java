package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.jfaust.serdes.internal.Iso8601;
import io.jfaust.serdes.internal.PyFloat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the cases of a Faust vector file against jfaust (see {@link FaustVectorsTest}). What a case checks is read from its
 * {@code kind} and its own fields, never from its name:
 * <ul>
 *   <li>encode cases must give the exact bytes (or Faust's refusal), decode cases the same value or error class
 *       (and Faust's message where jfaust reproduces it);</li>
 *   <li>api cases carry their outcome and, at most, one argument as a pytest-style parameter ({@code id[arg]}); the
 *       call is recognised by the outcome's shape (see {@link #api});</li>
 *   <li>records are built from the file's own model descriptions and tags ({@link VectorModels}).</li>
 * </ul>
 * A line that is not a JSON object is a failed case. Answers jfaust gives differently on purpose are recognised by
 * rule ({@link #difference}) and the alternative is asserted; cases that need core (window math) are listed as not
 * run here, and core's {@code WindowVectorsTest} runs them.
 *
 * <pre>{@code
 * VectorHarness h = new VectorHarness(VectorFile.load(null, "/faust-vectors/faust_vectors.jsonl"));
 * h.summarize().text();   // faust vectors: 210 of 214 passed ...
 * }</pre>
 */
final class VectorHarness {
    private static final Pattern PARAM = Pattern.compile("^[^\\[]*\\[(.*)]$", Pattern.DOTALL);

    private final VectorFile file;
    private final VectorModels models;
    private final RecordRegistry registry;
    private final VectorValues values;

    VectorHarness(VectorFile file) {
        this.file = file;
        this.models = VectorModels.build(file.cases());
        this.registry = models.registry();
        this.values = new VectorValues(registry);
    }

    VectorFile file() {
        return file;
    }

    /** A case jfaust does not run in serdes, with the reason. */
    static final class NotRunHere extends RuntimeException {
        NotRunHere(String why) {
            super(why);
        }
    }

    /**
     * One dynamic test per case (and per unreadable line). Cases that belong to core (window ranges, run by core's
     * {@code WindowVectorsTest}) are left out here rather than reported as skipped; the summary names them.
     */
    Stream<DynamicTest> dynamicTests() {
        Stream<DynamicTest> unreadable = file.unreadable().stream()
                .map(u -> DynamicTest.dynamicTest(u, () -> fail("unreadable vector line: " + u)));
        Stream<DynamicTest> cases = file.cases().stream().filter(c -> !runElsewhere(c)).map(c ->
                DynamicTest.dynamicTest(String.valueOf(c.get("case")), () -> run(c)));
        return Stream.concat(unreadable, cases);
    }

    /** A case core runs (the rule {@link #api} refuses with {@link NotRunHere}), decided without running it. */
    private static boolean runElsewhere(Map<String, Object> c) {
        return "api".equals(c.get("kind")) && Boolean.TRUE.equals(c.get("ok")) && isWindowRanges(c.get("result"));
    }

    record Summary(int passed, int total, List<String> failed, List<String> notRun, List<String> different) {
        String text() {
            StringBuilder sb = new StringBuilder(String.format("faust vectors: %d of %d passed", passed, total));
            different.forEach(d -> sb.append("\n  differs on purpose (asserted): ").append(d));
            notRun.forEach(n -> sb.append("\n  run by core's WindowVectorsTest: ").append(n));
            failed.forEach(f -> sb.append("\n  FAILED ").append(f));
            return sb.toString();
        }
    }

    Summary summarize() {
        int passed = 0;
        List<String> failed = new ArrayList<>(file.unreadable());
        List<String> notRun = new ArrayList<>();
        List<String> different = new ArrayList<>();
        for (Map<String, Object> c : file.cases()) {
            try {
                run(c);
                passed++;
                String d = difference(c);
                if (d != null) {
                    different.add(c.get("case") + ": " + d);
                }
            } catch (NotRunHere n) {
                notRun.add(c.get("case") + ": " + n.getMessage());
            } catch (Throwable t) {
                String msg = String.valueOf(t.getMessage());
                failed.add(c.get("case") + ": " + msg.lines().findFirst().orElse(t.toString()));
            }
        }
        return new Summary(passed, file.cases().size() + file.unreadable().size(), failed, notRun, different);
    }

    /**
     * Why jfaust answers a case differently on purpose (README, "Where jfaust differs from Faust"), recognised by the
     * case's fields, or null.
     */
    @SuppressWarnings("unchecked")
    static String difference(Map<String, Object> c) {
        if (String.valueOf(c.get("serializer")).startsWith("pickle")) {
            return "pickle is refused both ways (unpickling runs code chosen by the writer); the error names 'json'";
        }
        if (strTopicGetsOtherType(c)) {
            return "a str/bytes-typed topic receiving another JSON type (" + c.get("decoded_python_type") + "): Faust"
                    + " hands it over unchanged, which a Java String cannot hold; jfaust refuses it (a decode error)";
        }
        if (abstractTopicType(c)) {
            return "a topic typed with an abstract model: Faust fails on every payload (AttributeError, "
                    + "fs:faust/models/record.py:309); jfaust decodes to the model the payload names, and refuses a "
                    + "payload naming none or an unknown one";
        }
        return null;
    }

    /** A decode case whose topic is typed with the case's model, described as abstract. */
    @SuppressWarnings("unchecked")
    private static boolean abstractTopicType(Map<String, Object> c) {
        String kind = String.valueOf(c.get("kind"));
        if (!kind.startsWith("decode_") || !(c.get("topic") instanceof Map<?, ?> topic)
                || !(c.get("model") instanceof Map<?, ?> model)
                || !(model.get("options") instanceof Map<?, ?> options)
                || !Boolean.TRUE.equals(options.get("abstract"))) {
            return false;
        }
        Object declared = ((Map<String, Object>) topic).get(kind.endsWith("key") ? "key_type" : "value_type");
        return (model.get("module") + "." + model.get("class")).equals(declared);
    }

    @SuppressWarnings("unchecked")
    private static boolean strTopicGetsOtherType(Map<String, Object> c) {
        String kind = String.valueOf(c.get("kind"));
        if (!kind.startsWith("decode_") || !(c.get("topic") instanceof Map<?, ?> topic)
                || !c.containsKey("decoded_python_type") || c.get("error") != null) {
            return false;
        }
        Object declared = ((Map<String, Object>) topic).get(kind.endsWith("key") ? "key_type" : "value_type");
        Object got = c.get("decoded_python_type");
        return ("str".equals(declared) || "bytes".equals(declared)) && !declared.equals(got)
                && !"NoneType".equals(got);
    }

    void run(Map<String, Object> c) {
        String kind = String.valueOf(c.get("kind"));
        switch (kind) {
            case "encode_value", "encode_key" -> encode(c, kind.equals("encode_key"));
            case "decode_value", "decode_key" -> decode(c, kind.equals("decode_key"));
            case "api" -> api(c);
            default -> fail("unknown vector kind " + kind);
        }
    }

    // ---------------------------------------------------------------- encode

    @SuppressWarnings("unchecked")
    private void encode(Map<String, Object> c, boolean isKey) {
        Map<String, Object> topic = (Map<String, Object>) c.getOrDefault("topic", Map.of());
        Map<String, Object> send = (Map<String, Object>) c.get("send_args");
        DataType<?> type = dataType((String) topic.get(isKey ? "key_type" : "value_type"));
        String topicSer = (String) topic.get(isKey ? "key_serializer" : "value_serializer");
        String sendSer = send == null ? null : (String) send.get(isKey ? "key_serializer" : "value_serializer");
        Serializers s = appSerializers(topic);
        String explicit = sendSer != null ? sendSer : topicSer != null ? topicSer : modelSerializer(type);
        Object value = values.toJava(c.get("value"));

        if (String.valueOf(c.get("serializer")).startsWith("pickle")) {
            assertThatThrownBy(() -> dumps(s, type, value, explicit, isKey))
                    .isInstanceOf(CodecException.class).hasMessageContaining("json");
            return;
        }
        if (Boolean.FALSE.equals(c.get("ok"))) {
            Map<String, Object> err = (Map<String, Object>) c.get("error");
            Class<? extends Throwable> expected = "KeyError".equals(err.get("exception_class"))
                    ? UnknownCodecException.class : CodecException.class;
            assertThatThrownBy(() -> dumps(s, type, value, explicit, isKey)).isInstanceOf(expected);
            return;
        }
        if (c.get("not_bytes") != null) {
            assertThatThrownBy(() -> dumps(s, type, value, explicit, isKey))
                    .isInstanceOf(CodecException.class).hasMessageContaining("not bytes");
            return;
        }
        byte[] out = dumps(s, type, value, explicit, isKey);
        if (Boolean.TRUE.equals(c.get("is_null"))) {
            assertThat(out).isNull();
            return;
        }
        byte[] want = Base64.getDecoder().decode((String) c.get("bytes_b64"));
        assertThat(new String(out, StandardCharsets.ISO_8859_1))
                .as("bytes of %s", c.get("case"))
                .isEqualTo(new String(want, StandardCharsets.ISO_8859_1));
        String rtSer = (String) c.get("roundtrip_serializer");
        if (rtSer != null && c.containsKey("roundtrip_decoded")) {
            Object back = isKey ? s.loadsKey(type, out, rtSer, "t") : s.loadsValue(type, out, rtSer, "t");
            assertSameValue(back, values.toJava(c.get("roundtrip_decoded")), "round trip");
        }
    }

    private static byte[] dumps(Serializers s, DataType<?> type, Object value, String serializer, boolean isKey) {
        return isKey ? s.dumpsKey(type, value, serializer) : s.dumpsValue(type, value, serializer);
    }

    // ---------------------------------------------------------------- decode

    @SuppressWarnings("unchecked")
    private void decode(Map<String, Object> c, boolean isKey) {
        Map<String, Object> topic = (Map<String, Object>) c.getOrDefault("topic", Map.of());
        DataType<?> type = dataType((String) topic.get(isKey ? "key_type" : "value_type"));
        String topicSer = (String) topic.get(isKey ? "key_serializer" : "value_serializer");
        String ser = topicSer != null ? topicSer : modelSerializer(type);
        boolean allowEmpty = Boolean.TRUE.equals(topic.get("allow_empty"));
        Serializers s = appSerializers(topic);
        String b64 = (String) c.get("bytes_b64");
        byte[] input = b64 == null ? null : Base64.getDecoder().decode(b64);
        Runnable call = () -> load(s, type, input, ser, isKey, allowEmpty);
        Class<? extends Throwable> decodeError = isKey ? KeyDecodeException.class : ValueDecodeException.class;

        String name = String.valueOf(c.get("case"));
        if (String.valueOf(c.get("serializer")).startsWith("pickle")) {
            assertThatThrownBy(call::run).isInstanceOf(decodeError).hasCauseInstanceOf(CodecException.class);
            return;
        }
        if (strTopicGetsOtherType(c)) {
            assertThatThrownBy(call::run).isInstanceOf(decodeError).hasCauseInstanceOf(RecordException.class)
                    .hasMessageContaining("Object");
            return;
        }
        if (abstractTopicType(c)) {
            String codec = ser != null ? ser : isKey ? s.keySerializer() : s.valueSerializer();
            String ns = RecordDecoder.namespaceOf(s.codecs().codec(codec).loads(input));
            if (ns != null && registry.lookup(ns) != null) {
                Object got = load(s, type, input, ser, isKey, allowEmpty);
                assertThat(RecordSchema.forObject(got)).as("record of %s", name).isSameAs(registry.lookup(ns));
            } else {
                assertThatThrownBy(call::run).isInstanceOf(decodeError).hasCauseInstanceOf(RecordException.class)
                        .hasMessageContaining(ns == null ? "Cannot instantiate abstract model" : "unknown __faust");
            }
            return;
        }
        if (c.get("error") != null) {
            Map<String, Object> err = (Map<String, Object>) c.get("error");
            Throwable thrown = catchThrowable(call);
            assertThat(thrown).as("error of %s", name).isInstanceOf(decodeError);
            String causeClass = (String) (err.get("cause_class") != null ? err.get("cause_class")
                    : "field_access_after_decode".equals(c.get("error_stage")) ? err.get("exception_class") : null);
            if (causeClass != null) {
                assertThat(thrown.getCause()).as("cause of %s", name).isInstanceOfAny(causeClasses(causeClass));
                String faustMessage = (String) (err.get("cause_message") != null ? err.get("cause_message")
                        : err.get("message"));
                if (comparableMessage(causeClass)) {
                    assertThat(thrown.getCause().getMessage()).as("message of %s", name)
                            .contains(normalize(faustMessage));
                }
            }
            return;
        }
        Object got = load(s, type, input, ser, isKey, allowEmpty);
        assertSameValue(got, values.toJava(c.get("decoded")), name);
        if (c.get("reencoded") instanceof Map<?, ?> re) {
            byte[] again = isKey ? s.dumpsKey(type, got, ser) : s.dumpsValue(type, got, ser);
            assertThat(Base64.getEncoder().encodeToString(again)).isEqualTo(re.get("bytes_b64"));
        }
    }

    private static Object load(Serializers s, DataType<?> type, byte[] input, String ser, boolean isKey,
                               boolean allowEmpty) {
        return isKey ? s.loadsKey(type, input, ser, "t") : s.loadsValue(type, input, ser, "t", allowEmpty);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] causeClasses(String python) {
        return switch (python) {
            case "KeyError" -> new Class[] {RecordException.class};
            case "TypeError" -> new Class[] {RecordException.class, CoercionException.class};
            case "ValueError", "decimal.InvalidOperation" -> new Class[] {CoercionException.class};
            case "faust.exceptions.ValidationError" -> new Class[] {ValidationException.class};
            default -> new Class[] {CodecException.class};
        };
    }

    /** Python messages jfaust reproduces (JSON parser and UTF-8 messages come from Java and differ). */
    private static boolean comparableMessage(String causeClass) {
        return !Set.of("json.decoder.JSONDecodeError", "UnicodeDecodeError", "_pickle.UnpicklingError", "KeyError")
                .contains(causeClass);
    }

    /** Faust's generated __init__ is called {@code __outer__.<locals>.__init__}; jfaust names the class. */
    private static String normalize(String faustMessage) {
        return faustMessage.replace("__outer__.<locals>.__init__() ", "");
    }

    // ---------------------------------------------------------------- api

    /**
     * An api case records the outcome of one call on Faust's API and, for calls with one text argument, that
     * argument as a pytest parameter ({@code id[arg]}). The call is recognised by the outcome:
     * <ul>
     *   <li>a list of {@code $tuple} pairs: window ranges, which belong to core (not run here);</li>
     *   <li>bytes: {@code Record.dumps(serializer='json')} of the record those bytes describe;</li>
     *   <li>a dict with {@code __faust}: {@code to_representation()} and {@code dumps()} without a serializer;</li>
     *   <li>a dict without it: {@code asdict()} of the record made positionally from those values, for every model
     *       with exactly those output fields;</li>
     *   <li>a {@code $record}: {@code loads(dumps(r))} gives it back, and for a coercing model, construction from
     *       the values' text gives it;</li>
     *   <li>a datetime, or a {@code ValueError}/{@code TypeError}, with a parameter: Faust's date parser on it;</li>
     *   <li>a {@code TypeError} naming unexpected or missing arguments, or a {@code ValidationError}: the
     *       construction those messages describe, with valid sample values for the other fields.</li>
     * </ul>
     */
    @SuppressWarnings("unchecked")
    private void api(Map<String, Object> c) {
        String name = String.valueOf(c.get("case"));
        Matcher pm = PARAM.matcher(name);
        String param = pm.matches() ? pm.group(1) : null;
        Object result = c.get("result");
        if (Boolean.TRUE.equals(c.get("ok"))) {
            if (isWindowRanges(result)) {
                throw new NotRunHere("window ranges: Faust's window math lives in core (io.jfaust.Window); core's "
                        + "WindowVectorsTest runs this case");
            } else if (c.get("bytes_b64") instanceof String b64 && !c.containsKey("result")) {
                apiDumpsJson(Base64.getDecoder().decode(b64));
            } else if (result instanceof Map<?, ?> m && m.containsKey("$record")) {
                apiRecordResult((Map<String, Object>) m);
            } else if (result instanceof Map<?, ?> m && m.containsKey("$datetime") && param != null) {
                assertSameValue(Iso8601.parse(param), values.toJava(result), name);
            } else if (result instanceof Map<?, ?> m && !m.containsKey("$datetime") && m.containsKey("__faust")) {
                apiRepresentation((Map<String, Object>) m);
            } else if (result instanceof Map<?, ?> m && m.keySet().stream().noneMatch(k -> ((String) k).startsWith("$"))) {
                apiAsDict((Map<String, Object>) m);
            } else {
                fail("api case with an outcome this harness cannot tie to a call: " + result);
            }
            return;
        }
        Map<String, Object> err = (Map<String, Object>) c.get("error");
        String cls = String.valueOf(err.get("exception_class"));
        String message = String.valueOf(err.get("message"));
        if (param != null && (cls.equals("ValueError") || cls.equals("TypeError"))) {
            assertThatThrownBy(() -> Iso8601.parse(param)).isInstanceOf(CoercionException.class).hasMessage(message);
        } else if (cls.equals("TypeError") && message.matches("\\S+ got unexpected arguments?: .*")) {
            apiUnexpected(message);
        } else if (cls.equals("TypeError") && message.contains("required positional argument")) {
            apiMissing(message);
        } else if (cls.equals("faust.exceptions.ValidationError")) {
            apiValidation(message);
        } else {
            fail("api error case this harness cannot tie to a call: " + cls + ": " + message);
        }
    }

    private static boolean isWindowRanges(Object result) {
        return result instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?> m
                && m.get("$tuple") instanceof List<?> t && t.size() == 2 && t.stream().allMatch(Number.class::isInstance));
    }

    @SuppressWarnings("unchecked")
    private void apiDumpsJson(byte[] want) {
        Object rep = FaustJson.of(JsonFlavor.FAUST_STREAMING).loads(want);
        RecordSchema<GenericRecord> schema = schema(RecordDecoder.namespaceOf(rep));
        GenericRecord r = schema.fromData(rep);
        assertThat(new String((byte[]) schema.dumps(r, "json", Codecs.global()), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(want, StandardCharsets.ISO_8859_1));
    }

    private void apiRecordResult(Map<String, Object> tag) {
        GenericRecord want = (GenericRecord) values.toJava(tag);
        RecordSchema<GenericRecord> schema = schema(want.schema().namespace());
        byte[] json = (byte[]) schema.dumps(want, "json", Codecs.global());
        assertSameValue(schema.loads(json, "json", Codecs.global()), want, "loads(dumps(r))");
        if (schema.options().coerce()) {
            Map<String, Object> asText = new LinkedHashMap<>();
            for (int i = 0; i < schema.fields().size(); i++) {
                asText.put(schema.fields().get(i).name(), textForm(want.get(i)));
            }
            assertSameValue(schema.create(asText), want, "constructed from text with coercion");
        }
    }

    /** The text Faust's coercions read back into the value ({@code int('5')}, {@code Decimal('1')}, dates). */
    private static Object textForm(Object v) {
        if (v instanceof Long || v instanceof BigDecimal || v instanceof java.math.BigInteger) {
            return v.toString();
        } else if (v instanceof Double d) {
            return PyFloat.repr(d);
        } else if (v instanceof Temporal t) {
            return Iso8601.format(t);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private void apiRepresentation(Map<String, Object> result) {
        Map<String, Object> want = (Map<String, Object>) values.toJava(result);
        RecordSchema<GenericRecord> schema = schema(RecordDecoder.namespaceOf(result));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Field f : schema.fields()) {
            if (want.containsKey(f.outputName())) {
                kwargs.put(f.name(), want.get(f.outputName()));
            }
        }
        GenericRecord r = schema.create(kwargs);
        assertSameValue(schema.toRepresentation(r), want, "to_representation()");
        assertSameValue(schema.dumps(r, null, Codecs.global()), want, "dumps() without a serializer");
    }

    @SuppressWarnings("unchecked")
    private void apiAsDict(Map<String, Object> result) {
        Map<String, Object> want = (Map<String, Object>) values.toJava(result);
        List<String> keys = new ArrayList<>(want.keySet());
        int tried = 0;
        for (String ns : models.descriptions().keySet()) {
            RecordSchema<GenericRecord> schema = schema(ns);
            List<String> outputs = schema.fields().stream().filter(f -> !f.exclude()).map(Field::outputName).toList();
            if (!outputs.equals(keys) || schema.fields().stream().anyMatch(Field::exclude)) {
                continue;
            }
            List<Field> positional = new ArrayList<>(schema.fields().stream().filter(Field::required).toList());
            schema.fields().stream().filter(f -> !f.required()).forEach(positional::add);
            Object[] args = positional.stream().map(f -> want.get(f.outputName())).toArray();
            assertSameValue(schema.asDict(schema.create(args)), want, "asdict() of " + ns);
            tried++;
        }
        assertThat(tried).as("models whose asdict() has the keys %s", keys).isPositive();
    }

    private void apiUnexpected(String message) {
        Matcher m = Pattern.compile("(\\S+) got unexpected arguments?: (.*)").matcher(message);
        assertThat(m.matches()).isTrue();
        RecordSchema<GenericRecord> schema = schema(models.namespaceOfClass(m.group(1)));
        Map<String, Object> kwargs = validSample(schema, Set.of());
        for (String bogus : m.group(2).split(", ")) {
            kwargs.put(bogus, 1L);
        }
        assertThatThrownBy(() -> schema.create(kwargs)).isInstanceOf(RecordException.class).hasMessage(message);
    }

    private void apiMissing(String message) {
        Matcher m = Pattern.compile("missing \\d+ required positional arguments?: (.*)$").matcher(message);
        assertThat(m.find()).as("missing-argument message").isTrue();
        Set<String> missing = new LinkedHashSet<>();
        Matcher q = Pattern.compile("'([^']*)'").matcher(m.group(1));
        while (q.find()) {
            missing.add(q.group(1));
        }
        int tried = 0;
        for (String ns : models.descriptions().keySet()) {
            RecordSchema<GenericRecord> schema = schema(ns);
            Set<String> required = new LinkedHashSet<>();
            schema.fields().stream().filter(Field::required).forEach(f -> required.add(f.name()));
            if (!required.containsAll(missing)) {
                continue;
            }
            Map<String, Object> kwargs = validSample(schema, missing);
            assertThatThrownBy(() -> schema.create(kwargs)).as("missing arguments of %s", ns)
                    .isInstanceOf(RecordException.class).hasMessageContaining(normalize(message));
            tried++;
        }
        assertThat(tried).as("models requiring %s", missing).isPositive();
    }

    /** {@code "<reason> <StringField: Strict.s: str>"}: the value breaking that rule, valid values elsewhere. */
    private void apiValidation(String message) {
        Matcher m = Pattern.compile("(.*) <\\w+: (\\S+)\\.(\\w+): .*>$").matcher(message);
        assertThat(m.matches()).as("ValidationError message %s", message).isTrue();
        String reason = m.group(1);
        RecordSchema<GenericRecord> schema = schema(models.namespaceOfClass(m.group(2)));
        Field field = schema.fields().get(schema.indexOf(m.group(3)));
        Map<String, Object> kwargs = validSample(schema, Set.of());
        kwargs.put(field.name(), breaking(field, reason));
        assertThatThrownBy(() -> schema.create(kwargs)).isInstanceOf(ValidationException.class).hasMessage(message);
    }

    /** A value that breaks the rule whose message (Faust's {@code faust/models/fields.py}) is {@code reason}. */
    private static Object breaking(Field f, String reason) {
        Matcher n = Pattern.compile("(-?\\d+)").matcher(reason.substring(f.name().length()));
        long bound = n.find() ? Long.parseLong(n.group(1)) : 0;
        if (reason.endsWith("cannot be left blank")) {
            return "";
        } else if (reason.contains("must have at least") && reason.contains("character")) {
            return "x".repeat((int) bound - 1);
        } else if (reason.contains("must be at least") && reason.contains("character")) {
            return "x".repeat((int) bound + 1); // Faust's max_length message
        } else if (reason.contains("cannot be more than")) {
            return bound + 1;
        } else if (reason.contains("must be at least")) {
            return bound - 1;
        } else if (reason.contains("decimal places")) {
            return new BigDecimal("0." + "1".repeat((int) bound + 1));
        } else if (reason.contains("digits")) {
            return new BigDecimal("1".repeat((int) bound + 1));
        }
        throw new AssertionError("no value is known to break: " + reason);
    }

    /** Valid values for every required field but {@code leaveOut}, within the fields' rules. */
    private Map<String, Object> validSample(RecordSchema<?> schema, Set<String> leaveOut) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : schema.fields()) {
            if (f.required() && !leaveOut.contains(f.name())) {
                out.put(f.name(), sample(f, f.type()));
            }
        }
        return out;
    }

    private Object sample(Field f, FieldType t) {
        if (t == FieldType.STR) {
            int len = Math.max(1, f.minLength() == null ? 1 : f.minLength());
            return "x".repeat(len);
        } else if (t == FieldType.INT) {
            return f.minValue() != null && f.minValue().longValue() != 0 ? f.minValue().longValue() : 1L;
        } else if (t == FieldType.FLOAT) {
            return f.minValue() != null && f.minValue().doubleValue() != 0 ? f.minValue().doubleValue() : 1.0;
        } else if (t == FieldType.BOOL) {
            return true;
        } else if (t == FieldType.DECIMAL) {
            return BigDecimal.ONE;
        } else if (t == FieldType.DATETIME) {
            return LocalDateTime.of(2024, 1, 1, 0, 0);
        } else if (t == FieldType.BYTES) {
            return new byte[] {'x'};
        } else if (t instanceof FieldType.ListOf || t instanceof FieldType.TupleOf) {
            return List.of();
        } else if (t instanceof FieldType.SetOf) {
            return Set.of();
        } else if (t instanceof FieldType.DictOf) {
            return Map.of();
        } else if (t instanceof FieldType.RecordOf r && r.namespace() != null) {
            RecordSchema<GenericRecord> nested = schema(r.namespace());
            return nested.create(validSample(nested, Set.of()));
        }
        return null;
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private RecordSchema<GenericRecord> schema(String ns) {
        RecordSchema<?> s = ns == null ? null : registry.lookup(ns);
        if (s == null) {
            throw new AssertionError("no model in the vector file has namespace " + ns);
        }
        return (RecordSchema<GenericRecord>) s;
    }

    private Serializers appSerializers(Map<String, Object> topic) {
        String key = (String) topic.getOrDefault("app_key_serializer", "raw");
        String value = (String) topic.getOrDefault("app_value_serializer", "json");
        return Serializers.of(key, value, Codecs.global(), registry);
    }

    private String modelSerializer(DataType<?> type) {
        return type.schema() != null ? type.schema().options().serializer() : null;
    }

    /** A topic's Python key/value type: a builtin, or a model's class path (mapped to its namespace). */
    private DataType<?> dataType(String python) {
        if (python == null) {
            return DataType.any();
        }
        return switch (python) {
            case "str" -> DataType.of(String.class);
            case "bytes" -> DataType.of(byte[].class);
            case "int" -> DataType.of(Long.class);
            case "float" -> DataType.of(Double.class);
            case "decimal.Decimal", "Decimal" -> DataType.of(BigDecimal.class);
            default -> {
                String ns = models.namespaceOfClass(python);
                RecordSchema<?> s = registry.declared(ns != null ? ns : python);
                if (s == null) {
                    throw new IllegalStateException("topic type " + python + " is described by no model");
                }
                yield DataType.of(s);
            }
        };
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        return null;
    }

    /** Python equality as the vectors mean it: byte arrays by content, temporals by value, records by fields. */
    static void assertSameValue(Object got, Object want, String what) {
        assertThat(comparable(got)).as(what).isEqualTo(comparable(want));
    }

    private static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return "bytes:" + Base64.getEncoder().encodeToString(b);
        } else if (v instanceof GenericRecord g) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("$ns", g.schema().namespace());
            for (int i = 0; i < g.schema().fields().size(); i++) {
                m.put(g.schema().fields().get(i).name(), comparable(g.get(i)));
            }
            if (!g.extras().isEmpty()) {
                m.put("$extras", comparable(g.extras()));
            }
            return m;
        } else if (v instanceof Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(comparable(k), comparable(x)));
            return m;
        } else if (v instanceof Set<?> set) {
            List<Object> l = new ArrayList<>();
            set.forEach(x -> l.add(comparable(x)));
            return l;
        } else if (v instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            list.forEach(x -> l.add(comparable(x)));
            return l;
        } else if (v instanceof Temporal t) {
            return t.getClass().getSimpleName() + ":" + t;
        } else if (v instanceof Integer i) {
            return i.longValue();
        }
        return v;
    }
}
