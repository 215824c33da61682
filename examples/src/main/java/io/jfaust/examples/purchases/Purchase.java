package io.jfaust.examples.purchases;

import io.jfaust.serdes.FaustRecord;

/**
 * A purchase as the lesson's Faust app sends it: amount in cents.
 *
 * <pre>{@code
 * Purchase p = new Purchase("youngcarol", "USD", 1234);
 * p.amount();   // 1234 cents
 * }</pre>
 */
@FaustRecord(namespace = "lesson.Purchase")
public record Purchase(String username, String currency, long amount) {}
