package io.jfaust.buildchecks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Documented;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public API of a library module as sorted lines of text, compared with the file checked in beside its sources,
 * {@code <module dir>/api/<module name>.api}: a change to a public signature then fails the build until the file is
 * updated in the same commit ({@code -Dapi.update=true} rewrites it and passes).
 *
 * <p>The API is what the compiled {@code module-info.class} declares: its {@code requires transitive} modules and
 * the public types of its unqualified exports (a given package set on the class path). Each type gives one line for
 * its header (modifiers, kind, generics, supertypes, sealed/permits, record components) and one indented line per
 * public or protected (unless the class is final) field, constructor and method, generic and with type-use
 * annotations (JSpecify's {@code @Nullable}); nested types users can reach are types of their own. Also shown:
 * documented declaration annotations ({@code @Deprecated}, {@code @NullMarked} on a package or type) and annotation
 * element defaults. Synthetic members and bridges are not API. Types are named in full except those of the type's
 * own package, of {@code java.lang}, {@code java.lang.annotation} and {@code org.jspecify.annotations}. Classes are
 * loaded without static initialisation. JDK only; the lines do not depend on the machine, the file system or the
 * JDK's {@code toString} formats.
 *
 * <pre>{@code
 * class ApiSignatureTest {
 *     void thePublicApiIsTheCheckedInOne() {   // a @Test
 *         ApiSignature.of(App.class).check();   // compares with core/api/io.jfaust.core.api
 *     }
 * }
 * }</pre>
 */
public final class ApiSignature {
    /** The system property that makes {@link #check()} rewrite the file instead of failing. */
    public static final String UPDATE_PROPERTY = "api.update";

    private static final Set<String> SHORT_PACKAGES = Set.of("java.lang", "java.lang.annotation",
            "org.jspecify.annotations");
    private static final int MAX_DIFF_LINES = 400;

    private final String name;
    private final Path classes;
    private final List<String> lines;

    private ApiSignature(String name, Path classes, List<String> lines) {
        this.name = name;
        this.classes = classes;
        this.lines = List.copyOf(lines);
    }

    /**
     * The API of the named module whose main classes hold {@code anchor}, as its compiled descriptor declares it.
     * When the module runs named (tests on the module path), every module it {@code requires static} must be
     * resolved: the annotations of one that is not would silently be missing.
     */
    public static ApiSignature of(Class<?> anchor) {
        ApiSignature api = read(JfaustLayers.mainClasses(anchor), anchor.getClassLoader());
        Module module = anchor.getModule();
        if (module.isNamed() && module.getName().equals(api.name) && module.getLayer() != null) {
            for (ModuleDescriptor.Requires r : module.getDescriptor().requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        && module.getLayer().findModule(r.name()).isEmpty()) {
                    throw new IllegalStateException(api.name + " requires static " + r.name() + ", which this run "
                            + "has not resolved, so its annotations would be missing: add --add-modules " + r.name());
                }
            }
        }
        return api;
    }

    /** The API of class-path code whose main classes hold {@code anchor}: the public types of {@code packages}. */
    public static ApiSignature of(Class<?> anchor, String name, Set<String> packages) {
        return read(JfaustLayers.mainClasses(anchor), anchor.getClassLoader(), name, packages);
    }

    /** The API a directory of classes holding {@code module-info.class} declares, loaded by {@code loader}. */
    public static ApiSignature read(Path classes, ClassLoader loader) {
        ModuleDescriptor d;
        try (InputStream in = Files.newInputStream(classesDirectory(classes).resolve("module-info.class"))) {
            d = ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no module descriptor in " + classes, e);
        }
        List<String> out = new ArrayList<>();
        out.add("module " + d.name());
        d.requires().stream().filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .map(r -> "  requires " + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)
                        ? "static " : "") + "transitive " + r.name())
                .sorted().forEach(out::add);
        Set<String> exported = d.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        out.addAll(new Dump(classes, loader).packages(exported));
        return new ApiSignature(d.name(), classes, out);
    }

    /** The API of the public types of {@code packages} in a directory of classes, named {@code name}. */
    public static ApiSignature read(Path classes, ClassLoader loader, String name, Set<String> packages) {
        classesDirectory(classes);
        return new ApiSignature(name, classes, new Dump(classes, loader).packages(new TreeSet<>(packages)));
    }

    /** The module's name, which names its file. */
    public String name() {
        return name;
    }

    /** The API, one line per type header (unindented) and per member (indented under its type). */
    public List<String> lines() {
        return lines;
    }

    /**
     * The checked-in file: {@code api/<name>.api} in the module directory, the nearest directory above the classes
     * that holds a {@code pom.xml}.
     */
    public Path file() {
        for (Path dir = classes.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve("api").resolve(name + ".api");
            }
        }
        throw new IllegalStateException("no pom.xml above " + classes + ": give the file to check(file, update)");
    }

    /** {@link #check(Path, boolean)} on {@link #file()}, updating it when {@code -Dapi.update=true}. */
    public void check() {
        check(file(), Boolean.getBoolean(UPDATE_PROPERTY));
    }

    /**
     * Compares the API with {@code file} (its {@code #} comment lines aside): throws an {@link AssertionError} with
     * a diff when they differ, or, when {@code update}, rewrites the file and returns.
     */
    public void check(Path file, boolean update) {
        List<String> expected = readFile(file);
        if (lines.equals(expected)) {
            return;
        }
        if (update) {
            write(file);
            System.out.println("[api] " + name + ": wrote " + file);
            return;
        }
        Path moduleDir = file.toAbsolutePath().getParent().getParent();
        throw new AssertionError("The public API of " + name + " differs from " + file
                + (Files.exists(file) ? "" : ", which does not exist") + " (-: the file, +: the code):\n"
                + diff(expected, lines) + "If the change is deliberate, rerun the tests with -D" + UPDATE_PROPERTY
                + "=true (mvn -pl " + moduleDir.getFileName() + " -am test -D" + UPDATE_PROPERTY
                + "=true) and commit " + moduleDir.getFileName() + "/api/" + file.getFileName()
                + " with the change.");
    }

    private static List<String> readFile(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#"))
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path file) {
        StringBuilder text = new StringBuilder("# The public API of ").append(name)
                .append(", compared with the code by the module's tests (ApiSignature).\n")
                .append("# Not edited by hand: after a deliberate change, rerun the tests with -D")
                .append(UPDATE_PROPERTY).append("=true and commit this file with the change.\n");
        lines.forEach(l -> text.append(l).append('\n'));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line diff of {@code expected} and {@code actual} (longest common subsequence): changed lines prefixed
     * {@code -} and {@code +}, each member under the header of its type.
     */
    static String diff(List<String> expected, List<String> actual) {
        int start = 0;
        while (start < expected.size() && start < actual.size() && expected.get(start).equals(actual.get(start))) {
            start++;
        }
        int endE = expected.size();
        int endA = actual.size();
        while (endE > start && endA > start && expected.get(endE - 1).equals(actual.get(endA - 1))) {
            endE--;
            endA--;
        }
        int n = endE - start;
        int m = endA - start;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = expected.get(start + i).equals(actual.get(start + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder out = new StringBuilder();
        String[] context = {null};
        int shown = 0;
        int changed = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && expected.get(start + i).equals(actual.get(start + j))) {
                i++;
                j++;
                continue;
            }
            boolean removed = j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]);
            List<String> side = removed ? expected : actual;
            int at = start + (removed ? i++ : j++);
            changed++;
            if (shown < MAX_DIFF_LINES) {
                shown += change(side, at, removed ? "- " : "+ ", context, out);
            }
        }
        if (shown >= MAX_DIFF_LINES) {
            out.append("  ... (").append(changed).append(" changed lines in all)\n");
        }
        return out.toString();
    }

    /** Appends one changed line, after the header of its type when that was not the last one shown. */
    private static int change(List<String> side, int at, String sign, String[] context, StringBuilder out) {
        String line = side.get(at);
        int written = 0;
        if (line.startsWith("  ")) {
            int h = at;
            while (h > 0 && side.get(h).startsWith("  ")) {
                h--;
            }
            String header = side.get(h);
            if (!header.equals(context[0])) {
                out.append("  ").append(header).append('\n');
                context[0] = header;
                written++;
            }
        } else {
            context[0] = line;
        }
        out.append(sign).append(line).append('\n');
        return written + 1;
    }

    private static Path classesDirectory(Path classes) {
        if (!Files.isDirectory(classes)) {
            throw new IllegalArgumentException("not a directory of classes: " + classes);
        }
        return classes;
    }

    /** Renders the packages of one directory of classes. */
    private static final class Dump {
        /** The modifiers that are API: not synchronized, native, transient, volatile or strictfp. */
        private static final int TYPE_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
                | Modifier.STATIC | Modifier.FINAL;
        private static final int FIELD_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL;
        private static final int METHOD_MODIFIERS = Modifier.PUBLIC | Modifier.PROTECTED | Modifier.ABSTRACT
                | Modifier.STATIC | Modifier.FINAL;

        private final Path classes;
        private final ClassLoader loader;
        /** The package of the type being rendered, and the simple names of its top-level types. */
        private String pkg = "";
        private Set<String> pkgTypes = Set.of();

        Dump(Path classes, ClassLoader loader) {
            this.classes = classes;
            this.loader = loader;
        }

        List<String> packages(Set<String> packages) {
            List<String> out = new ArrayList<>();
            for (String p : packages) {
                List<Class<?>> types = types(p);
                pkg = p;
                pkgTypes = types.stream().filter(c -> c.getDeclaringClass() == null).map(Class::getSimpleName)
                        .collect(Collectors.toSet());
                StringBuilder line = new StringBuilder("package ").append(p);
                Class<?> info = load(p + ".package-info", true);
                if (info != null) {
                    line.append(annotationsAfter(info));
                }
                out.add(line.toString());
                types.sort(Comparator.comparing(Class::getCanonicalName));
                for (Class<?> c : types) {
                    type(c, out);
                }
            }
            return out;
        }

        /** The API types of a package: public top-level types and their public or protected member types. */
        private List<Class<?>> types(String p) {
            Path dir = classes.resolve(p.replace('.', '/'));
            List<Class<?>> types = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                return types;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (String f : files.map(x -> x.getFileName().toString()).sorted().collect(Collectors.toList())) {
                    if (!f.endsWith(".class") || f.equals("package-info.class")) {
                        continue;
                    }
                    Class<?> c = load(p + "." + f.substring(0, f.length() - ".class".length()), false);
                    if (!c.isSynthetic() && !c.isAnonymousClass() && !c.isLocalClass() && reachable(c)) {
                        types.add(c);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return types;
        }

        /** Public, or a member type {@link #api(int, Class) visible} to users, and so is every enclosing type. */
        private static boolean reachable(Class<?> c) {
            for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
                if (!(k.getDeclaringClass() == null ? Modifier.isPublic(k.getModifiers())
                        : api(k.getModifiers(), k.getDeclaringClass()))) {
                    return false;
                }
            }
            return true;
        }

        private Class<?> load(String binaryName, boolean optional) {
            try {
                return Class.forName(binaryName, false, loader);
            } catch (ClassNotFoundException e) {
                if (optional) {
                    return null;
                }
                throw new IllegalStateException(e);
            }
        }

        private void type(Class<?> c, List<String> out) {
            out.add(header(c));
            List<String[]> members = new ArrayList<>();   // {sort key, line}
            for (Field f : c.getDeclaredFields()) {
                if (api(f.getModifiers(), c) && !f.isSynthetic()) {
                    members.add(new String[] {"0" + f.getName(), annotations(f)
                            + modifiers(f.getModifiers() & FIELD_MODIFIERS) + type(f.getAnnotatedType()) + " "
                            + f.getName()});
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (api(k.getModifiers(), c) && !k.isSynthetic()) {
                    members.add(new String[] {"1", executable(k, "", c.getSimpleName())});
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (api(m.getModifiers(), c) && !m.isSynthetic() && !m.isBridge()) {
                    String line = executable(m, (m.isDefault() ? "default " : "")
                            + spaced(typeParameters(m.getTypeParameters())) + type(m.getAnnotatedReturnType()) + " ",
                            m.getName());
                    if (m.getDefaultValue() != null) {
                        line += " default " + value(m.getDefaultValue());
                    }
                    members.add(new String[] {"2" + m.getName(), line});
                }
            }
            members.sort(Comparator.<String[], String>comparing(x -> x[0]).thenComparing(x -> x[1]));
            members.forEach(x -> out.add("  " + x[1]));
        }

        /** Public, or protected in a class users can extend (in a final class only its own package sees it). */
        private static boolean api(int modifiers, Class<?> owner) {
            return Modifier.isPublic(modifiers)
                    || Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers());
        }

        private String header(Class<?> c) {
            int mod = c.getModifiers() & TYPE_MODIFIERS;
            String kind;
            if (c.isAnnotation()) {
                kind = "@interface";
                mod &= ~(Modifier.ABSTRACT | Modifier.STATIC);
            } else if (c.isInterface()) {
                kind = "interface";
                mod &= ~(Modifier.ABSTRACT | Modifier.STATIC);
            } else if (c.isEnum()) {
                kind = "enum";
                mod &= ~(Modifier.ABSTRACT | Modifier.STATIC | Modifier.FINAL);
            } else if (c.isRecord()) {
                kind = "record";
                mod &= ~(Modifier.STATIC | Modifier.FINAL);
            } else {
                kind = "class";
            }
            StringBuilder h = new StringBuilder(annotations(c)).append(modifiers(mod));
            boolean sealed = c.isSealed() && !c.isEnum();
            if (sealed) {
                h.append("sealed ");
            } else if (!Modifier.isFinal(c.getModifiers()) && !c.isEnum() && !c.isAnnotation() && Stream.concat(
                    Stream.ofNullable(c.getSuperclass()), Arrays.stream(c.getInterfaces())).anyMatch(Class::isSealed)) {
                h.append("non-sealed ");
            }
            h.append(kind).append(' ').append(c.getCanonicalName()).append(typeParameters(c.getTypeParameters()));
            if (c.isRecord()) {
                h.append(Arrays.stream(c.getRecordComponents()).map(r -> annotations(r) + type(r.getAnnotatedType())
                        + " " + r.getName()).collect(Collectors.joining(", ", "(", ")")));
            }
            AnnotatedType superclass = c.getAnnotatedSuperclass();
            if (superclass != null && !c.isEnum() && !c.isRecord() && superclass.getType() != Object.class) {
                h.append(" extends ").append(type(superclass));
            }
            AnnotatedType[] interfaces = c.getAnnotatedInterfaces();
            if (interfaces.length > 0 && !c.isAnnotation()) {
                h.append(c.isInterface() ? " extends " : " implements ").append(Arrays.stream(interfaces)
                        .map(this::type).collect(Collectors.joining(", ")));
            }
            if (sealed) {
                h.append(" permits ").append(Arrays.stream(c.getPermittedSubclasses()).map(this::name).sorted()
                        .collect(Collectors.joining(", ")));
            }
            return h.toString();
        }

        private String executable(Executable e, String beforeName, String name) {
            StringBuilder s = new StringBuilder(annotations(e)).append(modifiers(e.getModifiers() & METHOD_MODIFIERS))
                    .append(e instanceof Constructor<?> ? spaced(typeParameters(e.getTypeParameters())) : "")
                    .append(beforeName).append(name).append('(');
            AnnotatedType[] params = e.getAnnotatedParameterTypes();
            for (int i = 0; i < params.length; i++) {
                String t = type(params[i]);
                if (i == params.length - 1 && e.isVarArgs() && t.endsWith("[]")) {
                    t = t.substring(0, t.length() - 2) + "...";
                }
                s.append(i == 0 ? "" : ", ").append(t);
            }
            s.append(')');
            AnnotatedType[] thrown = e.getAnnotatedExceptionTypes();
            if (thrown.length > 0) {
                s.append(" throws ").append(Arrays.stream(thrown).map(this::type).collect(Collectors.joining(", ")));
            }
            return s.toString();
        }

        private String typeParameters(TypeVariable<?>[] vars) {
            if (vars.length == 0) {
                return "";
            }
            List<String> out = new ArrayList<>();
            for (TypeVariable<?> v : vars) {
                AnnotatedType[] bounds = v.getAnnotatedBounds();
                boolean plain = bounds.length == 1 && bounds[0].getType() == Object.class
                        && bounds[0].getDeclaredAnnotations().length == 0;
                out.add(annotations(v) + v.getName() + (plain ? "" : " extends " + Arrays.stream(bounds)
                        .map(this::type).collect(Collectors.joining(" & "))));
            }
            return "<" + String.join(", ", out) + ">";
        }

        /** A type as Java source writes it, with its type-use annotations. */
        private String type(AnnotatedType t) {
            if (t instanceof AnnotatedArrayType a) {
                String arrayAnnotations = typeAnnotations(a);
                return type(a.getAnnotatedGenericComponentType())
                        + (arrayAnnotations.isEmpty() ? "" : " " + arrayAnnotations.strip() + " ") + "[]";
            }
            String prefix = typeAnnotations(t);
            if (t instanceof AnnotatedTypeVariable v) {
                return prefix + ((TypeVariable<?>) v.getType()).getName();
            }
            if (t instanceof AnnotatedWildcardType w) {
                AnnotatedType[] lower = w.getAnnotatedLowerBounds();
                AnnotatedType[] upper = w.getAnnotatedUpperBounds();
                if (lower.length > 0) {
                    return prefix + "? super " + type(lower[0]);
                }
                boolean plain = upper.length == 0 || upper[0].getType() == Object.class
                        && upper[0].getDeclaredAnnotations().length == 0;
                return prefix + "?" + (plain ? "" : " extends " + type(upper[0]));
            }
            if (t instanceof AnnotatedParameterizedType p) {
                ParameterizedType pt = (ParameterizedType) p.getType();
                Class<?> raw = (Class<?>) pt.getRawType();
                AnnotatedType owner = p.getAnnotatedOwnerType();
                String base = owner != null && owner.getType() instanceof ParameterizedType
                        ? type(owner) + "." + prefix + raw.getSimpleName() : prefix + name(raw);
                AnnotatedType[] args = p.getAnnotatedActualTypeArguments();
                return base + (args.length == 0 ? "" : Arrays.stream(args).map(this::type)
                        .collect(Collectors.joining(", ", "<", ">")));
            }
            return prefix + name((Class<?>) t.getType());
        }

        /** A class's canonical name, short for the current package and the short packages unless shadowed. */
        private String name(Class<?> c) {
            if (c.isArray()) {
                return name(c.getComponentType()) + "[]";
            }
            if (c.isPrimitive()) {
                return c.getName();
            }
            String canonical = Objects.requireNonNullElse(c.getCanonicalName(), c.getName());
            String p = c.getPackageName();
            if (p.isEmpty()) {
                return canonical;
            }
            String relative = canonical.substring(p.length() + 1);
            String top = relative.contains(".") ? relative.substring(0, relative.indexOf('.')) : relative;
            if (p.equals(pkg) || SHORT_PACKAGES.contains(p) && !pkgTypes.contains(top)) {
                return relative;
            }
            return canonical;
        }

        private static String spaced(String s) {
            return s.isEmpty() ? s : s + " ";
        }

        private static String modifiers(int mod) {
            String s = Modifier.toString(mod);
            return s.isEmpty() ? "" : s + " ";
        }

        /** Documented declaration annotations, each followed by a space. */
        private String annotations(AnnotatedElement e) {
            StringBuilder s = new StringBuilder();
            for (String a : sortedAnnotations(e.getDeclaredAnnotations(), true)) {
                s.append(a).append(' ');
            }
            return s.toString();
        }

        private String annotationsAfter(AnnotatedElement e) {
            StringBuilder s = new StringBuilder();
            for (String a : sortedAnnotations(e.getDeclaredAnnotations(), true)) {
                s.append(' ').append(a);
            }
            return s.toString();
        }

        /** Type-use annotations, each followed by a space. */
        private String typeAnnotations(AnnotatedType t) {
            StringBuilder s = new StringBuilder();
            for (String a : sortedAnnotations(t.getDeclaredAnnotations(), false)) {
                s.append(a).append(' ');
            }
            return s.toString();
        }

        private List<String> sortedAnnotations(Annotation[] annotations, boolean documentedOnly) {
            List<String> out = new ArrayList<>();
            for (Annotation a : annotations) {
                if (!documentedOnly || a.annotationType().isAnnotationPresent(Documented.class)) {
                    out.add(annotation(a));
                }
            }
            out.sort(null);
            return out;
        }

        /** An annotation with the elements that differ from their defaults, sorted by name. */
        private String annotation(Annotation a) {
            Class<? extends Annotation> type = a.annotationType();
            List<String> elements = new ArrayList<>();
            Method[] methods = type.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::getName));
            for (Method m : methods) {
                if (m.isSynthetic() || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Object v;
                try {
                    v = m.invoke(a);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + m.getName(), e);
                }
                if (!Objects.deepEquals(v, m.getDefaultValue())) {
                    elements.add(m.getName() + "=" + value(v));
                }
            }
            if (elements.size() == 1 && elements.get(0).startsWith("value=")) {
                return "@" + name(type) + "(" + elements.get(0).substring("value=".length()) + ")";
            }
            return "@" + name(type) + (elements.isEmpty() ? "" : elements.stream()
                    .collect(Collectors.joining(", ", "(", ")")));
        }

        private String value(Object v) {
            if (v instanceof String s) {
                return '"' + escape(s) + '"';
            }
            if (v instanceof Character ch) {
                return "'" + escape(ch.toString()) + "'";
            }
            if (v instanceof Class<?> c) {
                return name(c) + ".class";
            }
            if (v instanceof Enum<?> e) {
                return name(e.getDeclaringClass()) + "." + e.name();
            }
            if (v instanceof Annotation a) {
                return annotation(a);
            }
            if (v.getClass().isArray()) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < Array.getLength(v); i++) {
                    items.add(value(Array.get(v, i)));
                }
                return items.stream().collect(Collectors.joining(", ", "{", "}"));
            }
            return String.valueOf(v);
        }

        /** Java escapes for quotes, backslashes and every character outside printable ASCII. */
        private static String escape(String s) {
            StringBuilder out = new StringBuilder();
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\' || ch == '\'') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7e) {
                    out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.toString();
        }
    }
}
