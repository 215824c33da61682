package io.jfaust.worker.admin;

import io.jfaust.App;
import io.jfaust.WorkerException;
import io.jfaust.runtime.KafkaErrors;
import io.jfaust.worker.admin.ClusterSnapshot.Group;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.InconsistentGroupProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members of another assignor protocol in the app's consumer group: Faust workers (protocol {@code faust}) still
 * running, or a crashed one whose session has not expired yet (Faust's {@code broker_session_timeout}, 60 s by
 * default). Kafka Streams (protocol {@code stream}) cannot join such a group: the broker answers
 * {@code INCONSISTENT_GROUP_PROTOCOL}, which Kafka Streams treats as fatal. So a worker waits for them to go, up to
 * a bound, logging who is there, then joins; or fails with exit code 6 and a message naming them.
 */
public final class ForeignMembers {
    /** The assignor protocol of Kafka Streams' members ({@code StreamsPartitionAssignor}). */
    public static final String KAFKA_STREAMS_PROTOCOL = "stream";

    private static final Logger LOG = LoggerFactory.getLogger(ForeignMembers.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private ForeignMembers() {}

    /** Whether {@code g} has members a Kafka Streams worker cannot join. */
    public static boolean in(Group g) {
        return !g.members().isEmpty()
                && !(g.type().equalsIgnoreCase("classic") && KAFKA_STREAMS_PROTOCOL.equals(g.protocol()));
    }

    /** Who is in the group, of which protocol, and what to do about it. */
    public static String describe(String groupId, Group g) {
        String protocol = g.protocol().isEmpty() ? "none chosen yet (the group is rebalancing, state " + g.state()
                + ")" : "'" + g.protocol() + "'";
        return "group " + groupId + " has " + g.members().size() + " member(s) of protocol " + protocol
                + (g.type().equalsIgnoreCase("classic") ? "" : " (group type " + g.type() + ")") + ": " + g.members()
                + ". Kafka Streams (protocol 'stream') cannot join while they are in it: stop the Faust workers "
                + "(a SIGTERM makes Faust leave the group at once), or wait for a crashed one's session to expire "
                + "(Faust's broker_session_timeout, 60 s by default).";
    }

    /**
     * Waits until the group has no foreign members, up to {@code bound}, asking through {@code admin} (the start's).
     *
     * @throws WorkerException with exit code 6, naming the members, when they are still there after {@code bound}
     */
    public static void await(App app, Admin admin, Group found, Duration bound, Duration requestTimeout) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        long nextLog = start;
        boolean first = true;
        Group g = found;
        try {
            while (in(g)) {
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    throw new WorkerException(describe(app.id(), g) + " They were still there after "
                            + bound.toSeconds() + " s (--foreign-member-timeout).", WorkerException.FOREIGN_MEMBERS,
                            null);
                }
                if (first || now - nextLog >= 0) {
                    long left = (deadline - now) / 1_000_000_000L;
                    if (first) {
                        LOG.warn("waiting up to {} s before joining: {}", left, describe(app.id(), g));
                    } else {
                        LOG.warn("group {}: still waiting ({} s left) for {}", app.id(), left, g.members());
                    }
                    nextLog = now + LOG_EVERY.toNanos();
                    first = false;
                }
                Thread.sleep(POLL.toMillis());
                g = ClusterSnapshot.group(admin, app.id(), requestTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerException("interrupted while waiting for group " + app.id(), WorkerException.FAILED, e);
        } catch (ExecutionException | TimeoutException e) {
            throw KafkaErrors.classify("Cannot describe group " + app.id() + ": " + e, e);
        }
        if (found != g) {
            LOG.info("group {}: the members of another protocol are gone after {} ms; joining", app.id(),
                    (System.nanoTime() - start) / 1_000_000L);
        }
    }

    /**
     * The error a worker stopped on, named: Kafka Streams' {@code InconsistentGroupProtocolException} (a foreign
     * member joined between the check and Kafka Streams' join) becomes a {@link WorkerException} with exit code 6
     * naming the members; any other error is returned as it is.
     */
    public static Throwable explain(Throwable error, App app, Properties props) {
        for (Throwable c = error; c != null; c = c.getCause()) {
            if (c instanceof InconsistentGroupProtocolException) {
                String who;
                try (Admin admin = ClusterSnapshot.admin(props, Duration.ofSeconds(5))) {
                    who = describe(app.id(), ClusterSnapshot.group(admin, app.id(), Duration.ofSeconds(5)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    who = "group " + app.id() + " has members of another protocol.";
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    who = "group " + app.id() + " has members of another protocol (they could not be listed: " + e
                            + ").";
                }
                return new WorkerException("Kafka Streams could not join: " + who, WorkerException.FOREIGN_MEMBERS,
                        error);
            }
        }
        return error;
    }
}
