package io.jfaust.examples.wordcount;

import io.jfaust.Agent;
import io.jfaust.App;
import io.jfaust.Table;
import io.jfaust.Topic;
import io.jfaust.examples.ExampleRunner;

/**
 * Faust's {@code word_count.py}, ported: {@code shuffle_words} splits posts and sends each word, keyed by itself,
 * to the {@code count_words} agent, which counts them in the {@code word_counts} table.
 *
 * <pre>{@code
 * App app = WordCount.create("kafka://localhost:9092");
 * try (Worker w = Worker.start(app, w -> { })) { w.awaitStopped(); }
 * }</pre>
 */
public final class WordCount {
    /** The posts topic. */
    public static final String POSTS = "posts";

    private WordCount() {}

    /** The app, on {@code broker}. */
    public static App create(String broker) {
        App app = App.create("word-counts", conf -> conf.broker(broker).topicPartitions(4).store("rocksdb://"));
        Topic<String, String> posts = app.topic(POSTS, String.class, String.class);
        Table<String, Long> wordCounts = app.table("word_counts", String.class, Long.class, () -> 0L);
        Agent<String, String> countWords = app.agent("word_count.count_words", String.class, String.class,
                words -> words.forEach(word -> wordCounts.update(word, n -> n + 1)));
        app.agent("word_count.shuffle_words", posts, stream -> stream.forEach(post -> {
            for (String word : post.split("\\s+")) {
                if (!word.isEmpty()) {
                    countWords.send(word, word);
                }
            }
        }), o -> o.tables());
        return app;
    }

    /** Runs the app's worker on an embedded broker (or {@code --broker URL}) until Ctrl-C. */
    public static void main(String[] args) {
        ExampleRunner.run(args, WordCount::create);
    }
}
