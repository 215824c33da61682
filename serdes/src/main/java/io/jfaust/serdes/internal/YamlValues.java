package io.jfaust.serdes.internal;

import io.jfaust.serdes.CodecException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What SnakeYAML constructed, as the {@code yaml} codec hands it on: integers as {@link Long} (or
 * {@link BigInteger} beyond 64 bits), maps, lists and sets copied, and what aliases share kept shared, as the objects
 * PyYAML builds are. Refused, each with a {@link CodecException}:
 * <ul>
 *   <li>a list, map or set used as a map key or set member: PyYAML's {@code SafeConstructor} raises
 *       {@code found unhashable key};</li>
 *   <li>a value that contains itself (the parser already refuses the aliases that make one; this is the last
 *       guard);</li>
 *   <li>aliases that would expand the document by more than {@value #MAX_ALIAS_EXPANSION} values (a "billion
 *       laughs" document): PyYAML shares them too, but JSON, records and agents walk a value as a tree, so each
 *       alias counts as a copy of what it names.</li>
 * </ul>
 *
 * <pre>{@code
 * Object plain = YamlValues.plain(new Yaml(...).load(text));
 * }</pre>
 */
final class YamlValues {
    /** The most values aliases may add to a document, counting each alias as a copy of the value it names. */
    static final long MAX_ALIAS_EXPANSION = 1_000_000;

    private final Map<Object, Object> copies = new IdentityHashMap<>();
    /** Values in each collection's tree, aliases expanded (saturating). */
    private final Map<Object, Long> sizes = new IdentityHashMap<>();
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Values visited: each collection once, each scalar every time it occurs. */
    private long visited;

    private YamlValues() {}

    /** {@code value} as the codec returns it. */
    static @Nullable Object plain(@Nullable Object value) {
        YamlValues v = new YamlValues();
        Object out = v.copy(value);
        long expanded = v.sizeOf(value);
        if (expanded - v.visited > MAX_ALIAS_EXPANSION) {
            throw new CodecException("yaml", "aliases expand the document to " + (expanded == Long.MAX_VALUE
                    ? "more than " + Long.MAX_VALUE : String.valueOf(expanded)) + " values from " + v.visited
                    + " (at most " + MAX_ALIAS_EXPANSION + " more are accepted: a value is read as a tree, each "
                    + "alias a copy of what it names)");
        }
        return out;
    }

    private @Nullable Object copy(@Nullable Object v) {
        if (!(v instanceof Map || v instanceof Collection)) {
            visited++;
            if (v instanceof Integer i) {
                return i.longValue();
            } else if (v instanceof BigInteger b) {
                return b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            return v;
        }
        Object done = copies.get(v);
        if (done != null) {
            return done;
        }
        if (!open.add(v)) {
            throw new CodecException("yaml", "the document holds a value that contains itself");
        }
        visited++;
        long size = 1;
        Object out;
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object key = hashable(e.getKey(), "key");
                map.put(copy(key), copy(e.getValue()));
                size = add(size, add(sizeOf(key), sizeOf(e.getValue())));
            }
            out = map;
        } else if (v instanceof Set<?> s) {
            Set<Object> set = new LinkedHashSet<>();
            for (Object x : s) {
                set.add(copy(hashable(x, "set member")));
                size = add(size, sizeOf(x));
            }
            out = set;
        } else {
            Collection<?> c = (Collection<?>) v;
            List<Object> list = new ArrayList<>(c.size());
            for (Object x : c) {
                list.add(copy(x));
                size = add(size, sizeOf(x));
            }
            out = list;
        }
        open.remove(v);
        copies.put(v, out);
        sizes.put(v, size);
        return out;
    }

    /** {@code key}, unless it is a collection, which Python cannot hash. */
    private static @Nullable Object hashable(@Nullable Object key, String what) {
        if (key instanceof Map || key instanceof Collection) {
            throw new CodecException("yaml", "found unhashable " + what + " (a " + PyTypes.typeName(key)
                    + "), as PyYAML's safe_load refuses it");
        }
        return key;
    }

    private long sizeOf(@Nullable Object original) {
        if (original == null) {
            return 1;
        }
        Long s = sizes.get(original);
        return s == null ? 1 : s;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
