package io.jfaust.live;

import io.jfaust.serdes.FaustRecord;

/** The records of the live Faust app ({@code purchases_app.py}). */
final class LiveModels {
    private LiveModels() {}

    @FaustRecord(namespace = "purchases_app.Purchase")
    record Purchase(String username, String currency, long amount) {}

    @FaustRecord(namespace = "purchases_app.DollarPurchase")
    record DollarPurchase(String username, String currency, double amount) {}
}
