package io.jfaust.examples.purchases;

import java.util.List;
import java.util.Random;

/**
 * Realistic lesson input: Faker-style usernames ({@code youngcarol}), a few currencies, amounts in cents.
 * Seeded, so a run is repeatable.
 *
 * <pre>{@code
 * PurchaseGenerator gen = new PurchaseGenerator(42);
 * Purchase p = gen.next();
 * }</pre>
 */
public final class PurchaseGenerator {
    private static final List<String> FIRST = List.of("carol", "james", "maria", "david", "linda", "robert",
            "susan", "michael", "karen", "thomas", "nancy", "daniel");
    private static final List<String> PREFIX = List.of("young", "smith", "brown", "miller", "davis", "garcia",
            "wilson", "moore", "taylor", "white");
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "NOK", "JPY");

    private final Random random;

    /** A generator with this seed. */
    public PurchaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next purchase. */
    public Purchase next() {
        String username = PREFIX.get(random.nextInt(PREFIX.size())) + FIRST.get(random.nextInt(FIRST.size()));
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        long cents = 1 + random.nextInt(100_000);
        return new Purchase(username, currency, cents);
    }
}
