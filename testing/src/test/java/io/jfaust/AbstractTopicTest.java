package io.jfaust;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.serdes.FaustField;
import io.jfaust.serdes.FaustRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A topic typed with an abstract model (Faust's {@code abstract=True}; a sealed interface) in a running app. */
class AbstractTopicTest {
    @FaustRecord(namespace = "absmodels.Asset", polymorphicFields = true)
    sealed interface Asset permits Image, Video {}

    @FaustRecord(namespace = "absmodels.Image", polymorphicFields = true)
    record Image(String url, @FaustField(defaultValue = "0") long width) implements Asset {}

    @FaustRecord(namespace = "absmodels.Video", polymorphicFields = true)
    record Video(String url, @FaustField(defaultValue = "0.0") double seconds) implements Asset {}

    @Test
    void eachPayloadBecomesTheImplementationItNamesAndOthersAreSkipped() {
        App app = App.create("absapp");
        Topic<String, Asset> assets = app.topic("assets", String.class, Asset.class);
        Topic<String, String> kinds = app.topic("kinds", String.class, String.class);
        app.agent("absapp.kind", assets, s -> s.forEach(a -> kinds.send("k", a instanceof Image i
                ? "image " + i.width() : "video " + ((Video) a).seconds())));
        FaustTestDriver.test(app, d -> {
            send(d, "{\"url\":\"i\",\"width\":640,\"__faust\":{\"ns\":\"absmodels.Image\"}}");
            send(d, "{\"url\":\"no namespace\"}");
            send(d, "{\"url\":\"v\",\"seconds\":1.5,\"__faust\":{\"ns\":\"absmodels.Video\"}}");
            send(d, "{\"url\":\"x\",\"__faust\":{\"ns\":\"absmodels.Asset\"}}");
            d.send(assets, "k", new Video("w", 2.0));
            List<String> got = d.read(kinds).stream().map(Event::value).toList();
            assertThat(got).containsExactly("image 640", "video 1.5", "video 2.0");
        });
    }

    private static void send(FaustTestDriver d, String json) {
        d.sendRaw("assets", "k".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), 0L,
                new RecordHeaders());
    }
}
