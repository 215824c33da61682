package io.jfaust.serdes;

/**
 * Which Faust wrote the JSON this app must match byte for byte.
 *
 * <p>Both flavours escape non-ASCII characters as lowercase {@code \\uXXXX}, print floats as Python's {@code repr}
 * and read every variant; they differ only in the separators they write. Compaction and table lookups work on key
 * bytes, so a port of an app that ran on robinhood Faust must keep writing {@link #ROBINHOOD} JSON.
 *
 * <pre>{@code
 * FaustJson json = FaustJson.of(JsonFlavor.ROBINHOOD);
 * json.dumps(Map.of("a", 1));            // {"a": 1}
 * FaustJson.of(JsonFlavor.FAUST_STREAMING).dumps(Map.of("a", 1)); // {"a":1}
 * }</pre>
 */
public enum JsonFlavor {
    /** faust-streaming 0.8.5 and later (the default): compact separators {@code ","} and {@code ":"}. */
    FAUST_STREAMING(",", ":"),
    /** The original robinhood Faust (1.x) and faust-streaming before 0.8.5: Python's {@code ", "} and {@code ": "}. */
    ROBINHOOD(", ", ": ");

    private final String itemSeparator;
    private final String keySeparator;

    JsonFlavor(String itemSeparator, String keySeparator) {
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
    }

    /** The separator written between items of arrays and objects. */
    public String itemSeparator() {
        return itemSeparator;
    }

    /** The separator written between an object key and its value. */
    public String keySeparator() {
        return keySeparator;
    }
}
