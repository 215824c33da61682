/**
 * The engines behind serdes' API: Faust's JSON reader and writer, Python reprs and floats, codec chains. Layer:
 * serdes. Not exported: only {@code io.jfaust.serdes} uses it.
 *
 * <pre>{@code
 * byte[] json = JsonWriter.write(value, flavor);   // what FaustJson.dumps does
 * }</pre>
 */
@NullMarked
package io.jfaust.serdes.internal;

import org.jspecify.annotations.NullMarked;
