/**
 * Faust's serialization in Java: codecs ({@link io.jfaust.serdes.Codecs}), Faust's JSON
 * ({@link io.jfaust.serdes.FaustJson}), records ({@link io.jfaust.serdes.FaustRecord},
 * {@link io.jfaust.serdes.RecordSchema}, {@link io.jfaust.serdes.GenericRecord}), app-scoped registries
 * ({@link io.jfaust.serdes.RecordRegistry}) and Kafka serdes ({@link io.jfaust.serdes.Schema},
 * {@link io.jfaust.serdes.Serializers}).
 *
 * <p>Types are non-null unless annotated {@link org.jspecify.annotations.Nullable}.
 *
 * <pre>{@code
 * RecordSchema<Purchase> s = RecordSchema.of(Purchase.class);
 * byte[] json = (byte[]) s.dumps(purchase, "json", Codecs.global());
 * }</pre>
 */
@NullMarked
package io.jfaust.serdes;

import org.jspecify.annotations.NullMarked;
