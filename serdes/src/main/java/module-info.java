/**
 * jfaust's serdes: Faust's codecs ({@code raw}, {@code json}, {@code binary}, {@code yaml}, chains, custom ones),
 * Faust's JSON, Faust records (annotated Java records or run-time {@code GenericRecord}s) and Kafka serdes that
 * read and write exactly Faust's bytes. Only {@code io.jfaust.serdes} is exported; its nullness is
 * {@code @NullMarked} (JSpecify).
 *
 * <pre>{@code
 * module my.app {
 *     requires io.jfaust.serdes;
 *     provides io.jfaust.serdes.CodecProvider with my.app.Rot13Provider;   // optional: a custom codec
 * }
 * }</pre>
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})   // kafka-clients has no module name yet
module io.jfaust.serdes {
    requires transitive kafka.clients;   // Serde and SerializationException appear in exported signatures
    requires com.fasterxml.jackson.core;
    requires org.yaml.snakeyaml;
    requires static transitive org.jspecify;

    exports io.jfaust.serdes;

    uses io.jfaust.serdes.CodecProvider;
}
