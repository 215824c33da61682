package io.jfaust.worker.admin;

import io.jfaust.serdes.FaustRecord;

/** Records used by the worker's admin tests. */
final class WorkerModels {
    private WorkerModels() {}

    @FaustRecord(namespace = "shop.Order", serializer = "json")
    record Order(String account_id, long amount) {}
}
