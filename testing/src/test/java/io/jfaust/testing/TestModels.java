package io.jfaust.testing;

import io.jfaust.serdes.FaustRecord;

/** Records used by the core tests. */
final class TestModels {
    private TestModels() {}

    @FaustRecord(namespace = "shop.Order", serializer = "json")
    record Order(String account_id, long amount) {}

    @FaustRecord(namespace = "shop.Reading")
    record Reading(String sensor, double value, double at) {}

    @FaustRecord(namespace = "vecmodels.Purchase")
    record Purchase(String username, String currency, long amount) {}

    @FaustRecord(namespace = "vecmodels.UserKey")
    record UserKey(String user, long region) {}
}
