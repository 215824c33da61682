/**
 * How the worker prints for operators: Faust's terminal tables ({@link io.jfaust.worker.text.CliTable}) and
 * Python reprs ({@link io.jfaust.worker.text.PyRepr}). Layer: worker.text, the lowest of the worker; used by the
 * verbs and the preflight report.
 *
 * <pre>{@code
 * String table = CliTable.render("Agents", List.of("name", "topic", "help"), rows, false);
 * }</pre>
 */
@NullMarked
package io.jfaust.worker.text;

import org.jspecify.annotations.NullMarked;
