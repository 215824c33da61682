package io.jfaust;

import io.jfaust.serdes.DataType;
import io.jfaust.serdes.RecordSchema;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The checks an app passes before it is compiled: every name resolves, nothing is declared twice in two ways, and
 * every topic, table and sink an agent uses belongs to the app. Each failure is an {@link ImproperlyConfigured}
 * saying what to change.
 */
final class Declarations {
    private Declarations() {}

    static void check(App app) {
        checkCodec(app, "app " + app.id() + ": key_serializer", app.settings().keySerializer());
        checkCodec(app, "app " + app.id() + ": value_serializer", app.settings().valueSerializer());
        for (Class<?> record : app.settings().records()) {
            try {
                app.serializers().records().register(record);
            } catch (IllegalArgumentException e) {
                throw new ImproperlyConfigured("conf.records(" + record.getName() + "): " + e.getMessage(), e);
            }
        }
        for (Topic<?, ?> t : app.topics()) {
            checkCodec(app, "topic " + t.name() + ": key_serializer", t.schema().keySerializer());
            checkCodec(app, "topic " + t.name() + ": value_serializer", t.schema().valueSerializer());
            checkType(app, "topic " + t.name() + " key", t.schema().keyType());
            checkType(app, "topic " + t.name() + " value", t.schema().valueType());
        }
        for (Table<?, ?> t : app.tables()) {
            checkTable(app, t);
        }
        for (SetTable<?, ?> t : app.setTables()) {
            checkTable(app, t.table());
        }
        for (GlobalTable<?, ?> g : app.globalTables()) {
            checkTable(app, g.table());
        }
        for (Agent<?, ?> a : app.agents()) {
            checkAgent(app, a);
        }
        TablePartitions.check(app);
    }

    private static void checkTable(App app, Table<?, ?> t) {
        checkCodec(app, "table " + t.name() + ": key serializer", t.keySerializer);
        checkCodec(app, "table " + t.name() + ": value serializer", t.valueSerializer);
        checkType(app, "table " + t.name() + " key", t.keyType());
        checkType(app, "table " + t.name() + " value", t.valueType());
    }

    private static void checkAgent(App app, Agent<?, ?> agent) {
        Agent.Options o = agent.options();
        boolean fails = app.settings().errorPolicy().kind() == ErrorPolicy.Kind.FAIL;
        if (o.supervisorStrategy() != null && (o.supervisorStrategy() == SupervisorStrategy.CRASHING) != fails) {
            throw new ImproperlyConfigured("agent " + agent.name() + " has supervisor_strategy="
                    + o.supervisorStrategy().faustName() + " but app " + app.id() + " has the error policy "
                    + app.settings().errorPolicy().kind() + ": Kafka Streams' error handlers are app-wide, so "
                    + (fails ? "give every agent SupervisorStrategy.CRASHING (or drop conf.onError(ErrorPolicy.fail()))"
                    : "set conf.onError(ErrorPolicy.fail()) for CRASHING, or drop the option"));
        }
        if (o.tables() != null) {
            for (Table<?, ?> t : o.tables()) {
                if (t.app != app || app.tableNamed(t.name()) != t) {
                    throw new ImproperlyConfigured("agent " + agent.name() + " lists table " + t.name() + ", which app "
                            + app.id() + " does not declare: declare it with app.table(...) on this app");
                }
            }
        }
        for (Object sink : o.sinks()) {
            if (sink instanceof Topic<?, ?> t) {
                checkOwnTopic(app, agent, "sink", t);
            }
        }
        for (List<Op> ops : agent.pipelines()) {
            for (Op op : ops) {
                if (op instanceof Op.Echo e) {
                    e.topics().forEach(t -> checkOwnTopic(app, agent, "echo", t));
                } else if (op instanceof Op.Through t) {
                    checkOwnTopic(app, agent, "through", t.topic());
                }
            }
        }
    }

    private static void checkOwnTopic(App app, Agent<?, ?> agent, String use, Topic<?, ?> topic) {
        if (topic.app() != app) {
            throw new ImproperlyConfigured("agent " + agent.name() + ": " + use + " topic " + topic.name()
                    + " belongs to app " + topic.app().id() + ": declare it on app " + app.id() + " with app.topic(...)");
        }
    }

    private static void checkCodec(App app, String what, @Nullable String spec) {
        if (spec == null || spec.isEmpty()) {
            return;
        }
        try {
            app.serializers().codecs().codec(spec);
        } catch (RuntimeException e) {
            throw new ImproperlyConfigured(what + ": " + e.getMessage() + ". Fix the name, or register the codec "
                    + "with conf.codec(\"name\", codec) (or a CodecProvider service)", e);
        }
    }

    /**
     * Resolves a record type's own serializer and registers it, and every record it reaches, in the app's record
     * registry (which untyped topics and blessed keys decode through); two records claiming a namespace fail.
     */
    private static void checkType(App app, String what, DataType<?> type) {
        RecordSchema<?> schema = type.schema();
        if (schema == null) {
            return;
        }
        checkCodec(app, what + " " + schema.namespace() + ": serializer", schema.options().serializer());
        try {
            app.serializers().records().register(type);
        } catch (IllegalArgumentException e) {
            throw new ImproperlyConfigured(what + ": " + e.getMessage(), e);
        }
    }

    /** How {@code b} differs from {@code a} declared under the same topic name, or null when it does not. */
    static @Nullable String difference(Topic<?, ?> a, Topic<?, ?> b) {
        if (!sameType(a.schema().keyType(), b.schema().keyType())) {
            return "key types (" + a.schema().keyType() + " and " + b.schema().keyType() + ")";
        }
        if (!sameType(a.schema().valueType(), b.schema().valueType())) {
            return "value types (" + a.schema().valueType() + " and " + b.schema().valueType() + ")";
        }
        if (!Objects.equals(a.schema().keySerializer(), b.schema().keySerializer())) {
            return "key serializers (" + a.schema().keySerializer() + " and " + b.schema().keySerializer() + ")";
        }
        if (!Objects.equals(a.schema().valueSerializer(), b.schema().valueSerializer())) {
            return "value serializers (" + a.schema().valueSerializer() + " and " + b.schema().valueSerializer() + ")";
        }
        String options = a.options().differenceFrom(b.options());
        return options == null ? null : "options (" + options + ")";
    }

    private static boolean sameType(DataType<?> a, DataType<?> b) {
        return a.javaType() == b.javaType() && a.schema() == b.schema();
    }
}
