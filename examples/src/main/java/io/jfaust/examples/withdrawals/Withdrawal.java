package io.jfaust.examples.withdrawals;

import io.jfaust.serdes.FaustField;
import io.jfaust.serdes.FaustRecord;
import java.time.OffsetDateTime;

/**
 * A withdrawal, as Faust's {@code withdrawals.py} declares it ({@code isodates=True, serializer='json'}).
 *
 * <pre>{@code
 * Withdrawal w = new Withdrawal("alice", "NO", 99.5, null);
 * w.amount();   // 99.5
 * }</pre>
 */
@FaustRecord(namespace = "withdrawals.Withdrawal", isodates = true, serializer = "json")
public record Withdrawal(String user, String country, double amount, @FaustField(optional = true) OffsetDateTime date) {}
