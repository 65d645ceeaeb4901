package datasense.tools.profile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions of one wide aggregate SELECT, each remembered by its JDBC column index: how a profile asks
 * everything of a table in one pass instead of one query per column.
 */
final class SelectList {

    private final List<String> expressions = new ArrayList<>();

    /** Adds {@code expression}; returns its 1-based column index in the result. */
    int add(String expression) {
        expressions.add(expression);
        return expressions.size();
    }

    boolean isEmpty() {
        return expressions.isEmpty();
    }

    String sql() {
        return String.join(", ", expressions);
    }

    static Double doubleAt(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() || Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    static Object[] arrayAt(ResultSet rs, int index) throws SQLException {
        Array a = rs.getArray(index);
        return a == null ? new Object[0] : (Object[]) a.getArray();
    }
}
