package io.jfaust.serdes;

/**
 * A Java enum whose Faust wire value differs from its constant name, like a Python {@code Enum} with values.
 *
 * <p>Faust writes {@code enum.value}; a Java enum that does not implement this interface is written by {@code name()}.
 *
 * <pre>{@code
 * enum Color implements FaustEnum { RED("red"), GREEN("green");
 *     private final String v; Color(String v) { this.v = v; }
 *     public Object faustValue() { return v; } }
 * }</pre>
 */
public interface FaustEnum {
    /** The value Faust writes for this constant (a String, Number or Boolean). */
    Object faustValue();
}
