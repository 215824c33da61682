/**
 * What the build enforces in every library module's tests: the API boundary
 * ({@link io.jfaust.buildchecks.ApiBoundary}), the layers ({@link io.jfaust.buildchecks.JfaustLayers}) and the
 * checked-in public API ({@link io.jfaust.buildchecks.ApiSignature}). Test support only: no library module depends
 * on it outside its tests. Uses the JDK only.
 *
 * <pre>{@code
 * assertThat(JfaustLayers.LAYERS.violations(JfaustLayers.mainClasses(App.class))).isEmpty();
 * }</pre>
 */
package io.jfaust.buildchecks;
