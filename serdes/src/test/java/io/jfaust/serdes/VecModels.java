package io.jfaust.serdes;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Java equivalents of the Faust models in {@code faust_vectors.jsonl} (module {@code vecmodels}). */
final class VecModels {
    private VecModels() {}

    @FaustRecord(namespace = "vecmodels.Purchase")
    record Purchase(String username, String currency, long amount) {}

    @FaustRecord(namespace = "vecmodels.DollarPurchase", serializer = "json")
    record DollarPurchase(String username, String currency, double amount) {}

    @FaustRecord(namespace = "vecmodels.Scalars")
    record Scalars(String s, long i, double f, boolean b, @FaustField(optional = true) String n) {}

    @FaustRecord(namespace = "vecmodels.WithDefaults")
    record WithDefaults(String name, @FaustField(defaultValue = "0") long count,
                        @FaustField(defaultValue = "1.5") double ratio, @FaustField(defaultValue = "\"none\"") String tag,
                        @FaustField(defaultValue = "false") boolean flag, @FaustField(optional = true) String note) {}

    @FaustRecord(namespace = "vecmodels.Times")
    record Times(LocalDateTime naive, @FaustField(inputName = "aware_utc") OffsetDateTime awareUtc,
                 @FaustField(inputName = "aware_other") OffsetDateTime awareOther,
                 @FaustField(optional = true) OffsetDateTime maybe) {}

    @FaustRecord(namespace = "vecmodels.Money")
    record Money(BigDecimal amount, @FaustField(optional = true) BigDecimal fee) {}

    @FaustRecord(namespace = "vecmodels.Address")
    record Address(String street, String zip) {}

    @FaustRecord(namespace = "vecmodels.Person")
    record Person(String name, Address address, List<Address> previous,
                  @FaustField(inputName = "by_label") Map<String, Address> byLabel,
                  @FaustField(optional = true) Address alt) {}

    @FaustRecord(namespace = "vecmodels.NoMeta", includeMetadata = false)
    record NoMeta(long a, String b) {}

    @FaustRecord(namespace = "vecmodels.Aliased")
    record Aliased(@FaustField(inputName = "userId", outputName = "UserID") String userId,
                   @FaustField(exclude = true, defaultValue = "\"hidden\"") String secret,
                   @FaustField(defaultValue = "0") long plain) {}

    @FaustRecord(namespace = "vecmodels.Collections")
    record Collections(List<Long> ints, Set<String> tags, List<Object> pair, Map<String, Long> counts, byte[] raw) {}

    enum Color implements FaustEnum {
        RED("red"), GREEN("green");

        private final String value;

        Color(String value) {
            this.value = value;
        }

        @Override
        public Object faustValue() {
            return value;
        }
    }

    @FaustRecord(namespace = "vecmodels.WithEnum")
    record WithEnum(Color color, long level) {}

    @FaustRecord(namespace = "vecmodels.Strict", validation = true)
    record Strict(String s, long i, double f, boolean b, OffsetDateTime d, BigDecimal m) {}

    @FaustRecord(namespace = "vecmodels.Bounded", validation = true)
    record Bounded(@FaustField(minValue = 5, maxValue = 100) long qty, @FaustField(maxLength = 3) String code) {}

    /** Faust's Asset family: a concrete base and two subclasses, chosen by {@code __faust.ns}. */
    sealed interface Asset permits PlainAsset, ImageAsset, VideoAsset {}

    @FaustRecord(namespace = "vecmodels.Asset", polymorphicFields = true)
    record PlainAsset(String url, @FaustField(defaultValue = "\"generic\"") String type) implements Asset {}

    @FaustRecord(namespace = "vecmodels.ImageAsset", polymorphicFields = true)
    record ImageAsset(String url, String type, @FaustField(defaultValue = "0") long width) implements Asset {}

    @FaustRecord(namespace = "vecmodels.VideoAsset", polymorphicFields = true)
    record VideoAsset(String url, String type, @FaustField(defaultValue = "0.0") double runtime_seconds)
            implements Asset {}

    @FaustRecord(namespace = "vecmodels.Article")
    record Article(String title, List<Asset> assets, @FaustField(optional = true) Asset cover) {}

    @FaustRecord(namespace = "vecmodels.UserKey")
    record UserKey(String user, long region) {}
}
