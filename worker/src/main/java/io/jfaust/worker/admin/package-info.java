/**
 * Topic administration and what the cluster holds for an app: the topics a worker declares
 * ({@link io.jfaust.worker.admin.TopicDeclarer}), those the preflight expects
 * ({@link io.jfaust.worker.admin.ExpectedTopics}), a read-only snapshot of topics, group and offsets
 * ({@link io.jfaust.worker.admin.ClusterSnapshot}) and members of other protocols in the group
 * ({@link io.jfaust.worker.admin.ForeignMembers}). Layer: worker.admin; used by the worker and its verbs.
 *
 * <pre>{@code
 * ClusterSnapshot snapshot = ClusterSnapshot.read(admin, app.id(), topicNames, timeout);
 * }</pre>
 */
@NullMarked
package io.jfaust.worker.admin;

import org.jspecify.annotations.NullMarked;
