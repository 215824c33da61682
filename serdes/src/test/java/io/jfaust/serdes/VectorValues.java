package io.jfaust.serdes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns the vectors' tagged JSON ({@code {"$record": ...}}, {@code {"$datetime": ...}}, ...) into the Java values
 * jfaust uses for the same Python values.
 */
final class VectorValues {
    private final RecordRegistry registry;

    VectorValues(RecordRegistry registry) {
        this.registry = registry;
    }

    @SuppressWarnings("unchecked")
    Object toJava(Object tagged) {
        if (tagged instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(toJava(x)));
            return out;
        }
        if (!(tagged instanceof Map<?, ?> m)) {
            return tagged;
        }
        Map<String, Object> map = (Map<String, Object>) m;
        if (map.containsKey("$record")) {
            return record(map);
        } else if (map.containsKey("$datetime")) {
            String iso = (String) map.get("$datetime");
            return map.get("tz") == null ? LocalDateTime.parse(iso) : OffsetDateTime.parse(iso);
        } else if (map.containsKey("$date")) {
            return LocalDate.parse((String) map.get("$date"));
        } else if (map.containsKey("$time")) {
            String t = (String) map.get("$time");
            return t.contains("+") || t.contains("-") ? OffsetTime.parse(t) : LocalTime.parse(t);
        } else if (map.containsKey("$decimal")) {
            String d = (String) map.get("$decimal");
            return FieldConversions.parseDecimal(d);
        } else if (map.containsKey("$bytes_b64")) {
            return Base64.getDecoder().decode((String) map.get("$bytes_b64"));
        } else if (map.containsKey("$tuple")) {
            return toJava(map.get("$tuple"));
        } else if (map.containsKey("$set")) {
            return new LinkedHashSet<>((List<Object>) toJava(map.get("$set")));
        } else if (map.containsKey("$float")) {
            String f = (String) map.get("$float");
            return switch (f) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(f);
            };
        } else if (map.containsKey("$enum")) {
            Object value = map.get("value");
            String name = (String) map.get("name");
            return new VectorEnum(name, value);
        } else if (map.containsKey("$uuid")) {
            return UUID.fromString((String) map.get("$uuid"));
        } else if (map.containsKey("$dict")) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object pair : (List<Object>) map.get("$dict")) {
                List<Object> kv = (List<Object>) pair;
                out.put(toJava(kv.get(0)), toJava(kv.get(1)));
            }
            return out;
        } else if (map.containsKey("$repr")) {
            return new Object();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private GenericRecord record(Map<String, Object> tag) {
        String ns = (String) tag.get("$record");
        RecordSchema<?> schema = registry.lookup(ns);
        if (schema == null) {
            throw new IllegalStateException("vector names a record no model describes: " + ns);
        }
        RecordSchema<GenericRecord> s = (RecordSchema<GenericRecord>) schema;
        Map<String, Object> fields = (Map<String, Object>) tag.get("fields");
        Object[] values = new Object[s.fields().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toJava(fields.get(s.fields().get(i).name()));
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        Object extra = tag.get("extra_attrs");
        if (extra instanceof Map<?, ?> em) {
            em.forEach((k, v) -> extras.put((String) k, toJava(v)));
        }
        return new GenericRecord(s, values, extras);
    }

    /** A Python enum member: written by value. */
    record VectorEnum(String name, Object value) implements FaustEnum {
        @Override
        public Object faustValue() {
            return value;
        }
    }

}
