package io.jfaust;

import io.jfaust.runtime.ErrorLog;

/**
 * What a runtime's error policy did so far: records skipped, dead-lettered (of which replaced by a pointer record
 * because their copy was too large), and dead letters the dead letter topic did not take. A snapshot; ask again for
 * newer counts.
 *
 * <pre>{@code
 * ErrorCounts c = worker.errorCounts();
 * if (c.deadLetterFailures() > 0) alert("dead letter topic unavailable");
 * }</pre>
 */
public final class ErrorCounts {
    private final long skipped;
    private final long deadLettered;
    private final long pointers;
    private final long deadLetterFailures;

    private ErrorCounts(long skipped, long deadLettered, long pointers, long deadLetterFailures) {
        this.skipped = skipped;
        this.deadLettered = deadLettered;
        this.pointers = pointers;
        this.deadLetterFailures = deadLetterFailures;
    }

    static ErrorCounts of(ErrorLog log) {
        return new ErrorCounts(log.skipped(), log.deadLettered(), log.pointers(), log.deadLetterFailures());
    }

    /** Records skipped: by {@code skip()}, or by {@code ifUnavailable(skip())} when the dead letter failed. */
    public long skipped() {
        return skipped;
    }

    /** Records sent to the dead letter topic, pointer records included. */
    public long deadLettered() {
        return deadLettered;
    }

    /** Dead letters sent as a pointer record (topic, partition, offset, sizes, error) instead of a copy. */
    public long pointers() {
        return pointers;
    }

    /** Dead letters the dead letter topic did not take. */
    public long deadLetterFailures() {
        return deadLetterFailures;
    }

    @Override
    public String toString() {
        return "ErrorCounts[skipped=" + skipped + ", deadLettered=" + deadLettered + ", pointers=" + pointers
                + ", deadLetterFailures=" + deadLetterFailures + "]";
    }
}
