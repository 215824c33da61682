package io.jfaust.buildchecks;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its constant pool (class entries and the type descriptors and
 * signatures of its fields, methods and generic types): what javac resolved, fully qualified names included.
 *
 * <pre>{@code
 * Set<String> used = ClassReferences.of(Path.of("target/classes/io/jfaust/App.class"));   // "io.jfaust.Topic", ...
 * }</pre>
 */
public final class ClassReferences {
    private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L([\\w/$]+)[;<]");

    private ClassReferences() {}

    /** The binary names ({@code a.b.C$D}) of every class {@code classFile} refers to, itself excluded. */
    public static Set<String> of(Path classFile) {
        try (InputStream in = Files.newInputStream(classFile)) {
            return read(new DataInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classFile, e);
        }
    }

    private static Set<String> read(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();   // minor
        in.readUnsignedShort();   // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();   // string, method type, module, package
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;   // longs and doubles take two slots
                }
                case 9, 10, 11, 12, 17, 18 -> in.readInt();   // refs, name-and-type, dynamic
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
            }
        }
        in.readUnsignedShort();   // access flags
        String self = utf8[classIndex[in.readUnsignedShort()]];
        Set<String> out = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (classIndex[i] != 0) {
                String name = utf8[classIndex[i]];
                if (!name.startsWith("[")) {
                    out.add(name);
                } else {
                    addDescriptorTypes(name, out);
                }
            } else if (utf8[i] != null && utf8[i].indexOf('L') >= 0 && utf8[i].indexOf(';') > 0) {
                addDescriptorTypes(utf8[i], out);
            }
        }
        out.remove(self);
        Set<String> dotted = new TreeSet<>();
        out.forEach(n -> dotted.add(n.replace('/', '.')));
        return dotted;
    }

    private static void addDescriptorTypes(String descriptor, Set<String> out) {
        Matcher m = DESCRIPTOR_TYPE.matcher(descriptor);
        while (m.find()) {
            out.add(m.group(1));
        }
    }
}
