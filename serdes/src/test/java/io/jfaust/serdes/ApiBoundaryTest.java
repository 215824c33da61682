package io.jfaust.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.buildchecks.ApiBoundary;
import io.jfaust.serdes.internal.JsonWriter;
import io.jfaust.serdes.internal.PyTypes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The serdes module's API mentions only exported, public types: the boundary holds because the build checks it. */
@SuppressWarnings({"exports", "missing-explicit-ctor"})   // the fixtures below leak on purpose
public class ApiBoundaryTest {
    private static final ApiBoundary BOUNDARY =
            ApiBoundary.of(RecordSchema.class.getModule(), p -> p.equals("io.jfaust") || p.startsWith("io.jfaust."));

    @Test
    void testsRunInTheNamedModuleWhichExportsOnlyItsApiPackage() {
        Module serdes = RecordSchema.class.getModule();
        assertThat(serdes.isNamed()).as("tests run on the module path").isTrue();
        assertThat(serdes.getName()).isEqualTo("io.jfaust.serdes");
        assertThat(BOUNDARY.exported()).containsExactly("io.jfaust.serdes");
        assertThat(serdes.getPackages()).contains("io.jfaust.serdes.internal");
        assertThat(serdes.isExported("io.jfaust.serdes.internal")).isFalse();
    }

    @Test
    void noPublicSignatureMentionsAnInternalOrHiddenType() {
        List<Class<?>> classes = ApiBoundary.classesBeside(RecordSchema.class);
        assertThat(classes).contains(RecordSchema.class, JsonWriter.class).doesNotContain(ApiBoundaryTest.class);
        assertThat(BOUNDARY.violations(classes)).isEmpty();
    }

    @Test
    void theCheckFindsEveryKindOfLeak() {
        List<String> found = BOUNDARY.violations(List.of(Leaky.class, LeakyBase.class, LeakySealed.class,
                Clean.class, Hidden.class));
        assertThat(found).anyMatch(v -> v.contains("Leaky extends") && v.contains("CodecChainBase is not public"))
                .anyMatch(v -> v.contains("Leaky.chain() returns") && v.contains("CodecChain is not public"))
                .anyMatch(v -> v.contains("Leaky implements") && v.contains("JsonWriter"))
                .anyMatch(v -> v.contains("Leaky.writer:") && v.contains("unexported package io.jfaust.serdes.internal")
                        && !v.contains("Leaky.writers"))
                .anyMatch(v -> v.contains("Leaky.<init> parameter") && v.contains("PyTypes"))
                .anyMatch(v -> v.contains("Leaky.writers() returns") && v.contains("JsonWriter"))
                .anyMatch(v -> v.contains("Leaky.wildcard() parameter") && v.contains("JsonWriter"))
                .anyMatch(v -> v.contains("Leaky.array() returns") && v.contains("JsonWriter"))
                .anyMatch(v -> v.contains("Leaky.bounded() <T extends>") && v.contains("JsonWriter"))
                .anyMatch(v -> v.contains("Leaky.fails() throws") && v.contains("Oops"))
                .anyMatch(v -> v.contains("LeakyBase.inherited() returns"))
                .anyMatch(v -> v.contains("LeakySealed permits") && v.contains("Secret"));
        assertThat(found).noneMatch(v -> v.startsWith(Clean.class.getName() + "."))
                .noneMatch(v -> v.startsWith(Hidden.class.getName()));
    }

    /** A public class that leaks in every way the check knows. */
    public static class Leaky extends CodecChainBase implements Supplier<JsonWriter> {
        public JsonWriter writer;

        public Leaky(PyTypes unused) {}

        @Override
        public JsonWriter get() {
            return writer;
        }

        public Map<String, List<JsonWriter>> writers() {
            return Map.of();
        }

        public void wildcard(List<? extends JsonWriter> w) {}

        public JsonWriter[][] array() {
            return null;
        }

        public <T extends JsonWriter> void bounded() {}

        public void fails() throws Oops {}

        /** Private members are no API. */
        private JsonWriter quiet() {
            return writer;
        }
    }

    /** A public superclass that is itself clean; its public method leaks into every subclass. */
    public static class LeakyBase extends HiddenBase {}

    /** A sealed public interface permitting a type users cannot see. */
    public sealed interface LeakySealed permits Secret {}

    /** A clean public class: only API types and JDK types. */
    public static class Clean {
        public Set<RecordSchema<?>> schemas(Map<String, ? super GenericRecord> x) throws CodecException {
            return Set.of();
        }

        JsonWriter packagePrivateIsFine() {
            return null;
        }
    }

    /** Not public, so not API: it may use anything. */
    static class Hidden {
        public JsonWriter writer() {
            return null;
        }
    }

    static class HiddenBase {
        public CodecChain inherited() {
            return null;
        }
    }

    static final class Secret implements LeakySealed {}

    static class Oops extends Exception {}

    abstract static class CodecChainBase {
        public CodecChain chain() {
            return null;
        }
    }
}
