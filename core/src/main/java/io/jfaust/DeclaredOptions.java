package io.jfaust;

import org.jspecify.annotations.Nullable;

/**
 * The latch of a declaration's options: open while the declaration's lambda sets them, fixed once it is declared,
 * after which a setter names the declaration and the fix.
 *
 * <pre>{@code
 * private final DeclaredOptions latch = new DeclaredOptions();
 * public Options partitions(int n) { latch.checkOpen("partitions"); ... }
 * }</pre>
 */
final class DeclaredOptions {
    private volatile @Nullable String declaration;

    /** Fixes the options: {@code declaration} (e.g. "topic orders") was declared with them. */
    void freeze(String declaration) {
        this.declaration = declaration;
    }

    /** Fails when the options are fixed, naming {@code option}. */
    void checkOpen(String option) {
        String d = declaration;
        if (d != null) {
            throw new ImproperlyConfigured("cannot set " + option + " of " + d + ": its options were fixed when it "
                    + "was declared; set them in the declaration (o -> o." + option + "(...))");
        }
    }
}
