package datasense.tools;

import java.util.List;

/**
 * What ingest learned about one column, for planners and people: type, missing and distinct counts, range,
 * and sample values. For a text column with few distinct values (see {@link SchemaInfo#ALL_VALUES_LIMIT})
 * {@code values} holds every distinct value, most frequent first, so a planner can link "in the West" to
 * Region = 'West'; otherwise it holds the most frequent ones.
 */
public record ColumnProfile(String name, String type, long nulls, long distinct, String min, String max,
                            List<String> values) {

    public Column column() {
        return new Column(name, type);
    }
}
