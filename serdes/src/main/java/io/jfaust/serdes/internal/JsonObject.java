package io.jfaust.serdes.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A decoded JSON object: insertion-ordered like Python's dict (a repeated key keeps its first position and takes the
 * last value), stored in two arrays. Payloads are small, so a linear scan (names compared by identity first, as
 * Jackson canonicalizes them) beats hashing; objects past 16 keys get a hash index.
 *
 * <pre>{@code
 * JsonObject o = new JsonObject();
 * o.put("a", 1L); o.put("a", 2L);
 * o.toString();   // {a=2}
 * }</pre>
 */
public final class JsonObject extends AbstractMap<String, Object> {
    private static final int INDEX_FROM = 16;

    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private @Nullable HashMap<String, Integer> index;

    @Override
    public @Nullable Object put(String key, @Nullable Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size + 1 > INDEX_FROM) {
            index = new HashMap<>();
            for (int k = 0; k <= size; k++) {
                index.put(keys[k], k);
            }
        }
        size++;
        return null;
    }

    private int indexOf(@Nullable Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public @Nullable Object get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(@Nullable Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A copy as a plain mutable map (for callers that change it). */
    public Map<String, Object> toLinkedHashMap() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            out.put(keys[i], values[i]);
        }
        return out;
    }
}
