package io.jfaust.runtime;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What one runtime's error handlers did: records skipped, dead-lettered, replaced by a pointer because their copy was
 * too large, and lost because the dead letter topic did not take them; and the first record that stopped the runtime
 * under the fail policy. Kafka Streams creates the handlers; they find this object in their configs under
 * {@link #CONFIG}, put there with the runtime's properties, so counts are per runtime, never global.
 *
 * <pre>{@code
 * ErrorLog log = ErrorLog.of(props);
 * long skipped = log.skipped();
 * }</pre>
 */
public final class ErrorLog {
    /** The config key under which a runtime's properties carry its log. */
    public static final String CONFIG = "jfaust.errors.log";

    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong pointers = new AtomicLong();
    private final AtomicLong deadLetterFailures = new AtomicLong();
    private volatile @Nullable String failure;

    /** The log in {@code configs}, or a new one when there is none (a handler configured by hand). */
    public static ErrorLog of(Map<?, ?> configs) {
        Object o = configs.get(CONFIG);
        return o instanceof ErrorLog l ? l : new ErrorLog();
    }

    /** Records skipped (skip policy, or a dead letter the topic did not take under {@code ifUnavailable(skip())}). */
    public long skipped() {
        return skipped.get();
    }

    /** Records handed to the dead letter topic (pointers included). */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Dead letters replaced by a pointer record because the copy would not fit. */
    public long pointers() {
        return pointers.get();
    }

    /** Dead letters the dead letter topic did not take. */
    public long deadLetterFailures() {
        return deadLetterFailures.get();
    }

    /** Where and why the runtime was stopped by the fail policy (the first such record), or null. */
    public @Nullable String failure() {
        return failure;
    }

    public void countSkipped() {
        skipped.incrementAndGet();
    }

    public void countDeadLettered(boolean pointer) {
        deadLettered.incrementAndGet();
        if (pointer) {
            pointers.incrementAndGet();
        }
    }

    public void countDeadLetterFailure() {
        deadLetterFailures.incrementAndGet();
    }

    public synchronized void failed(String description) {
        if (failure == null) {
            failure = description;
        }
    }
}
