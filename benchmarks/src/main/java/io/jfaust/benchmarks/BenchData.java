package io.jfaust.benchmarks;

import io.jfaust.examples.purchases.Purchase;
import io.jfaust.examples.purchasesapp.PurchasesApp;
import io.jfaust.serdes.DataType;
import io.jfaust.serdes.Serializers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;

/** The inputs every benchmark uses: lesson purchases over 1 000 users, encoded once as Faust writes them. */
final class BenchData {
    static final int USERS = 1000;
    static final String[] CURRENCIES = {"USD", "EUR", "GBP", "NOK"};
    static final long START_MS = 1_700_000_000_000L;

    private BenchData() {}

    static Purchase purchase(int i, Random r) {
        return new Purchase("user" + (i % USERS), CURRENCIES[i % CURRENCIES.length], 1 + r.nextInt(100_000));
    }

    /** {@code n} input records (key = username, Faust JSON value), 10 ms apart in event time. */
    static List<TestRecord<byte[], byte[]>> records(int n) {
        return records(n, false);
    }

    /** The same purchases, as {@code purchases_app.Purchase} records when {@code purchasesApp}. */
    static List<TestRecord<byte[], byte[]>> records(int n, boolean purchasesApp) {
        Random r = new Random(7);
        Serializers s = Serializers.defaults();
        List<TestRecord<byte[], byte[]>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Purchase p = purchase(i, r);
            byte[] value = purchasesApp
                    ? s.dumpsValue(DataType.of(PurchasesApp.Purchase.class),
                            new PurchasesApp.Purchase(p.username(), p.currency(), p.amount()), null)
                    : s.dumpsValue(DataType.of(Purchase.class), p, null);
            out.add(new TestRecord<>(p.username().getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(),
                    START_MS + i * 10L));
        }
        return out;
    }
}
