package io.jfaust.examples.purchases;

import io.jfaust.serdes.Schema;
import io.jfaust.serdes.Serializers;
import java.nio.charset.StandardCharsets;

/**
 * Encodes lesson purchases and their dollar conversions exactly as Faust would write them to Kafka, and prints
 * key and value as {@code kafka-console-consumer --property print.key=true} would show them.
 *
 * <pre>{@code
 * mvn -q -pl examples exec:java            # prints 10 records
 * mvn -q -pl examples exec:java -Dexec.args=3
 * }</pre>
 */
public final class SerdesDemo {
    private SerdesDemo() {}

    /** Prints {@code args[0]} (default 10) converted purchases. */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Serializers serializers = Serializers.defaults();
        Schema<String, Purchase> in = Schema.of(String.class, Purchase.class);
        Schema<String, PurchaseDollars> out = Schema.of(String.class, PurchaseDollars.class);
        PurchaseGenerator gen = new PurchaseGenerator(42);
        for (int i = 0; i < n; i++) {
            Purchase p = gen.next();
            byte[] inBytes = in.dumpsValue(serializers, p, null);
            Purchase decoded = in.loadsValue(serializers, inBytes, "purchases");
            PurchaseDollars d = PurchaseDollars.of(decoded);
            byte[] key = out.dumpsKey(serializers, d.username(), null);
            byte[] value = out.dumpsValue(serializers, d, null);
            System.out.println(new String(key, StandardCharsets.UTF_8) + "\t"
                    + new String(value, StandardCharsets.UTF_8));
        }
    }
}
