package io.jfaust.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build-enforced API boundary: the public API (every public type of an exported package, and its public and
 * protected members) may mention only types users can reach. A type of a guarded package (ours, say
 * {@code io.jfaust.*}) is reachable only if its package is exported and it is public (enclosing classes too).
 *
 * <p>Checked: supertypes, type-parameter bounds, permitted subclasses of sealed types, field types, constructor and
 * method parameter, return and exception types, generic type arguments at any depth. Self-contained (JDK only), so
 * another module's tests can copy it: {@code ApiBoundary.of(module, p -> p.startsWith("io.jfaust"))} when the
 * module has a descriptor, {@code ApiBoundary.of(Set.of("io.jfaust"), ...)} on the class path.
 *
 * <pre>{@code
 * ApiBoundary boundary = ApiBoundary.of(RecordSchema.class.getModule(), p -> p.startsWith("io.jfaust."));
 * assertThat(boundary.violations(ApiBoundary.classesBeside(RecordSchema.class))).isEmpty();
 * }</pre>
 */
public final class ApiBoundary {
    private final Set<String> exported;
    private final Predicate<String> guarded;

    private ApiBoundary(Set<String> exported, Predicate<String> guarded) {
        this.exported = Set.copyOf(exported);
        this.guarded = guarded;
    }

    /** The boundary a named module's descriptor declares: its unqualified exports. */
    public static ApiBoundary of(Module module, Predicate<String> guarded) {
        ModuleDescriptor d = module.getDescriptor();
        if (d == null) {
            throw new IllegalArgumentException(module + " is not a named module: give the exported packages");
        }
        Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        return new ApiBoundary(exported, guarded);
    }

    /** A boundary given by its exported packages (for code on the class path). */
    public static ApiBoundary of(Set<String> exportedPackages, Predicate<String> guarded) {
        return new ApiBoundary(exportedPackages, guarded);
    }

    /** The exported packages. */
    public Set<String> exported() {
        return exported;
    }

    /**
     * Every class compiled into the directory or jar that holds {@code anchor} (main classes, not test classes:
     * surefire patches test classes in from another directory).
     */
    public static List<Class<?>> classesBeside(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(anchor + " is not loaded from a directory of classes: " + root);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                if (!rel.endsWith(".class") || rel.endsWith("module-info.class")
                        || rel.endsWith("package-info.class")) {
                    continue;
                }
                String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                classes.add(Class.forName(name, false, anchor.getClassLoader()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    /** Whether {@code c} is part of the API: public, with public enclosing classes, in an exported package. */
    public boolean isApi(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return exported.contains(c.getPackageName());
    }

    /** Each way the API types among {@code classes} mention a type users cannot reach, sorted; empty when none. */
    public List<String> violations(Iterable<Class<?>> classes) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c : classes) {
            if (isApi(c)) {
                check(c, out);
            }
        }
        return List.copyOf(out);
    }

    private void check(Class<?> c, Set<String> out) {
        String where = c.getName();
        type(c.getGenericSuperclass(), where + " extends", out);
        for (Type t : c.getGenericInterfaces()) {
            type(t, where + " implements", out);
        }
        typeParameters(c.getTypeParameters(), where, out);
        if (c.isSealed()) {
            for (Class<?> p : c.getPermittedSubclasses()) {
                type(p, where + " permits", out);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (visible(f)) {
                type(f.getGenericType(), where + "." + f.getName(), out);
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (visible(k)) {
                executable(k, where + ".<init>", out);
            }
        }
        Set<Method> methods = new HashSet<>(List.of(c.getMethods()));   // public, inherited ones included
        for (Method m : c.getDeclaredMethods()) {
            if (visible(m)) {
                methods.add(m);
            }
        }
        for (Method m : methods) {
            if (m.isSynthetic() && !m.isBridge()) {
                continue;   // bridges stay: a public method inherited from a hidden class is reached through one
            }
            String at = where + "." + m.getName() + "()";
            type(m.getGenericReturnType(), at + " returns", out);
            executable(m, at, out);
        }
    }

    private void executable(Executable e, String at, Set<String> out) {
        typeParameters(e.getTypeParameters(), at, out);
        for (Type p : e.getGenericParameterTypes()) {
            type(p, at + " parameter", out);
        }
        for (Type x : e.getGenericExceptionTypes()) {
            type(x, at + " throws", out);
        }
    }

    private void typeParameters(TypeVariable<?>[] vars, String at, Set<String> out) {
        for (TypeVariable<?> v : vars) {
            for (Type b : v.getBounds()) {
                type(b, at + " <" + v.getName() + " extends>", out);
            }
        }
    }

    private static boolean visible(Member m) {
        int mod = m.getModifiers();
        boolean bridge = m instanceof Method method && method.isBridge();
        return (!m.isSynthetic() || bridge) && (Modifier.isPublic(mod) || Modifier.isProtected(mod));
    }

    /** Walks {@code t} and its type arguments; type variables are checked where they are declared. */
    private void type(Type t, String at, Set<String> out) {
        if (t == null || t instanceof TypeVariable<?>) {
            return;
        }
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive() && guarded.test(c.getPackageName()) && !isApi(c)) {
                out.add(at + ": " + c.getName() + (exported.contains(c.getPackageName())
                        ? " is not public" : " is in the unexported package " + c.getPackageName()));
            }
        } else if (t instanceof ParameterizedType p) {
            type(p.getOwnerType(), at, out);
            type(p.getRawType(), at, out);
            for (Type a : p.getActualTypeArguments()) {
                type(a, at, out);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                type(b, at, out);
            }
            for (Type b : w.getLowerBounds()) {
                type(b, at, out);
            }
        } else if (t instanceof GenericArrayType a) {
            type(a.getGenericComponentType(), at, out);
        }
    }
}
