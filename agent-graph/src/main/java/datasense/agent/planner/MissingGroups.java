package datasense.agent.planner;

import datasense.tools.ColumnProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouping's missing values are no group of their own: "average talk time per agent" over calls some of which no
 * agent took (abandoned) answers for the agents, and says how many rows had none, rather than showing a blank agent
 * beside them. Applies to groupings by a column (not by a period of a date), when the column has missing values in
 * the table and no condition of the question names it (one that asks for the missing ones keeps them).
 */
final class MissingGroups {

    private MissingGroups() {
    }

    static List<Intent> exclude(List<Intent> intents) {
        List<Intent> out = new ArrayList<>(intents.size());
        for (Intent it : intents) {
            out.add(it.kind() == Intent.Kind.AGGREGATE ? exclude(it) : it);
        }
        return out;
    }

    private static Intent exclude(Intent it) {
        List<Filter> filters = new ArrayList<>(it.filters());
        List<String> readings = new ArrayList<>(it.readings());
        for (Grouping g : it.groups()) {
            ColumnProfile col = g.column();
            if (g.grain() != null || col.column().temporal() || col.nulls() <= 0
                    || filters.stream().anyMatch(f -> col.equals(f.column()))) {
                continue;
            }
            filters.add(Filter.of(col, "not_null", null));
            readings.add("the rows with no " + col.name() + " left out of the groups (" + col.nulls() + " in the table)");
        }
        return filters.size() == it.filters().size() ? it : it.withFilters(filters).withReadings(readings);
    }
}
