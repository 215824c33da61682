/**
 * Runnable Faust-style apps ported to jfaust, and what runs them: the lesson app (the main job), a console
 * consumer and a changelog reader as an operator uses them. Uses only the public API of jfaust's modules.
 *
 * <pre>{@code
 * mvn -B -q -ntp -pl examples exec:java -Dexec.args="--records 100"
 * }</pre>
 */
package io.jfaust.examples;
