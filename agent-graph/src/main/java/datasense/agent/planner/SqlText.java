package datasense.agent.planner;

import datasense.tools.sql.DuckDb;
import java.math.BigDecimal;

/** SQL spelling helpers: identifiers always quoted, literals always escaped, numbers in plain notation. */
final class SqlText {

    private SqlText() {
    }

    static String ident(String name) {
        return DuckDb.quoteIdent(name);
    }

    static String literal(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return DuckDb.quoteLiteral(String.valueOf(value));
    }
}
