package io.jfaust;

import io.jfaust.serdes.DataType;
import io.jfaust.serdes.FieldType;
import io.jfaust.serdes.GenericRecord;
import io.jfaust.serdes.RecordSchema;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Faust's {@code SetTableManager} ({@code SetTable(..., start_manager=True)}): changes a set table from anywhere by
 * sending Faust's {@code @SetManagerOperation} records ({@code {"action":"ADD","members":[...]}}) to
 * {@code <name>-setmanager}, keyed by the set's key; the agent {@code faust.SetTable.manager} applies them on the
 * worker that owns the key. Faust workers and jfaust workers understand each other's operations.
 *
 * <pre>{@code
 * SetTable<String, String> active = app.setTable("active_orders", String.class, String.class,
 *         t -> t.startManager(true));
 * active.manager().add("alice", "order-1");      // from a timer, a web page, a script
 * }</pre>
 */
public final class SetTableManager<K, V> {
    /** Faust's {@code SetManagerOperation}: namespace {@code @SetManagerOperation}, fields action and members. */
    static final RecordSchema<GenericRecord> OPERATION = RecordSchema.builder("@SetManagerOperation")
            .field("action", FieldType.STR).field("members", FieldType.parse("List[Any]")).build();

    private final SetTable<K, V> table;
    private @Nullable Topic<String, GenericRecord> topic;

    SetTableManager(SetTable<K, V> table) {
        this.table = table;
    }

    /** Faust's manager topic: {@code <name>-setmanager} (no app id prefix). */
    public String topicName() {
        return table.name() + "-setmanager";
    }

    /** Declares the manager's topic and agent on the app. */
    void declare(App app) {
        if (table.table().keyType().javaType() != String.class) {
            throw new ImproperlyConfigured("set table " + table.name() + " has start_manager=True but its keys are "
                    + table.table().keyType() + ": Faust's manager topic is keyed by str, so give the table String "
                    + "keys or drop startManager");
        }
        topic = app.topic(topicName(), DataType.of(String.class), DataType.of(OPERATION), t -> { });
        String faustName = "faust.SetTable.manager";
        boolean taken = app.agents().stream().anyMatch(a -> a.name().equals(faustName));
        app.agent(taken ? faustName + "@" + table.name() : faustName, topic, s -> s.forEachItem(this::apply));
    }

    @SuppressWarnings("unchecked")
    private void apply(String key, GenericRecord op) {
        List<V> members = ((List<?>) Objects.requireNonNull(op.get("members"), "a set operation has members"))
                .stream().map(m -> (V) member(m)).toList();
        K k = (K) key;
        switch (String.valueOf(op.get("action"))) {
            case "ADD" -> table.update(k, members);
            case "DISCARD" -> table.differenceUpdate(k, members);
            case "CLEAR" -> table.clear(k);
            case "INTERSECTION" -> table.intersectionUpdate(k, members);
            case "SYMDIFF" -> table.symmetricDifferenceUpdate(k, members);
            default -> org.slf4j.LoggerFactory.getLogger(SetTableManager.class)
                    .error("Unknown set operation: {} (set table {})", op.get("action"), table.name());
        }
    }

    /** Faust's {@code maybe_model}: a member as the table's value type. */
    private @Nullable Object member(Object json) {
        return table.as(table.table().valueType(), json, false);
    }

    /** Adds {@code member} to the set of {@code key}. */
    public void add(K key, V member) {
        send("ADD", key, List.of(member));
    }

    /** Removes {@code member} from the set of {@code key}. */
    public void discard(K key, V member) {
        send("DISCARD", key, List.of(member));
    }

    /** Empties the set of {@code key}. */
    public void clear(K key) {
        send("CLEAR", key, List.of());
    }

    /** Removes every member. */
    public void differenceUpdate(K key, Collection<? extends V> members) {
        send("DISCARD", key, members);
    }

    /** Keeps only the members also in {@code members}. */
    public void intersectionUpdate(K key, Collection<? extends V> members) {
        send("INTERSECTION", key, members);
    }

    /** Adds the members not there, removes those there. */
    public void symmetricDifferenceUpdate(K key, Collection<? extends V> members) {
        send("SYMDIFF", key, members);
    }

    private void send(String action, K key, Collection<? extends V> members) {
        Topic<String, GenericRecord> t = Objects.requireNonNull(topic, "the manager's topic, declared with the app");
        t.send((String) key, OPERATION.create(Map.of("action", action, "members", List.copyOf(members))));
    }
}
