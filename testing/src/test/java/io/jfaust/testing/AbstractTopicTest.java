package io.jfaust.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jfaust.App;
import io.jfaust.Event;
import io.jfaust.Topic;
import io.jfaust.serdes.FaustField;
import io.jfaust.serdes.FaustRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A topic typed with an abstract model (Faust's {@code abstract=True}; here an interface listing its {@code subtypes}) in a running app. */
class AbstractTopicTest {
    /** An abstract base declared by listing its implementations (not sealed). */
    @FaustRecord(namespace = "media.Media", subtypes = {Photo.class, Clip.class})
    interface Media {}

    @FaustRecord(namespace = "media.Photo")
    record Photo(String url, long width, @FaustField(optional = true) Long height) implements Media {}

    @FaustRecord(namespace = "media.Clip")
    record Clip(String url, double seconds) implements Media {}

    @Test
    void eachPayloadBecomesTheImplementationItNamesAndOthersAreSkipped() {
        App app = App.create("absapp");
        Topic<String, Media> assets = app.topic("assets", String.class, Media.class);
        Topic<String, String> kinds = app.topic("kinds", String.class, String.class);
        app.agent("absapp.kind", assets, s -> s.forEach(a -> kinds.send("k", a instanceof Photo p
                ? "photo " + p.width() : "clip " + ((Clip) a).seconds())));
        FaustTestDriver.test(app, d -> {
            send(d, "{\"url\":\"i\",\"width\":640,\"__faust\":{\"ns\":\"media.Photo\"}}");
            send(d, "{\"url\":\"no namespace\"}");
            send(d, "{\"url\":\"v\",\"seconds\":1.5,\"__faust\":{\"ns\":\"media.Clip\"}}");
            send(d, "{\"url\":\"x\",\"__faust\":{\"ns\":\"media.Media\"}}");
            d.send(assets, "k", new Clip("w", 2.0));
            List<String> got = d.read(kinds).stream().map(Event::value).toList();
            assertThat(got).as("the payloads naming no model or the abstract one are skipped")
                    .containsExactly("photo 640", "clip 1.5", "clip 2.0");
        });
    }

    private static void send(FaustTestDriver d, String json) {
        d.sendRaw("assets", "k".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8), 0L,
                new RecordHeaders());
    }
}
