package datasense.agent.planner;

import datasense.tools.ColumnProfile;

/**
 * A thing the rows are about that has an identifier column, such as customers ("Customer ID", "Customer
 * Name") or orders ("Order ID"). Counting it counts distinct ids; grouping or ranking by it uses its name
 * column when there is one. {@code uniqueRows} says each row is one of them, so counting them counts rows.
 */
record Entity(String word, ColumnProfile id, ColumnProfile label, boolean uniqueRows) {

    ColumnProfile groupColumn() {
        return label != null ? label : id;
    }
}
