package io.jfaust.examples.purchases;

import io.jfaust.serdes.FaustRecord;

/**
 * The lesson's output record: the same purchase with its amount in dollars.
 *
 * <pre>{@code
 * PurchaseDollars d = PurchaseDollars.of(new Purchase("youngcarol", "USD", 1234));
 * d.amount();   // 12.34
 * }</pre>
 */
@FaustRecord(namespace = "lesson.PurchaseDollars")
public record PurchaseDollars(String username, String currency, double amount) {
    /** The purchase converted from cents to dollars ({@code amount / 100}, as the Python lesson does). */
    public static PurchaseDollars of(Purchase p) {
        return new PurchaseDollars(p.username(), p.currency(), p.amount() / 100.0);
    }
}
