/**
 * An example app ({@code purchasesapp}) as a Faust porter writes it: its records, agents and tables, on the public API only.
 *
 * <pre>{@code
 * mvn -B -q -ntp -pl examples exec:java -Dexec.mainClass=io.jfaust.examples.purchasesapp....
 * }</pre>
 */
package io.jfaust.examples.purchasesapp;
