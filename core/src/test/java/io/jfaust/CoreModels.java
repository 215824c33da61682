package io.jfaust;

import io.jfaust.serdes.FaustRecord;

/** Records used by the core tests. */
final class CoreModels {
    private CoreModels() {}

    @FaustRecord(namespace = "shop.Order", serializer = "json")
    record Order(String account_id, long amount) {}
}
