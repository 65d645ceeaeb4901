package datasense.tools.sql;

import datasense.tools.ToolException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.KeepExpression;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.XMLSerializeExpr;
import net.sf.jsqlparser.expression.operators.relational.FullTextSearch;
import net.sf.jsqlparser.parser.ASTNodeAccessImpl;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.LateralView;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The first wall around untrusted SQL: parses it with JSqlParser and accepts exactly one read-only SELECT
 * (plain, WITH ... SELECT, or set operations of selects) whose table references are only the dataset's own
 * table or CTEs defined in the statement, and whose functions come from an allow-list. Anything else is
 * refused with {@code sql_rejected}. The engine sandbox ({@link DuckDb#open}) is the second wall.
 *
 * <p>The statement that runs is the parser's own rendering of the vetted tree ({@link #vet} returns it),
 * so what was checked is exactly what executes: comments and anything the parser did not understand are gone.
 */
public final class SqlGuard {

    /** Aggregate functions a query may call. */
    public static final Set<String> AGGREGATES = Set.of("sum", "avg", "mean", "count", "min", "max", "median",
            "quantile_cont", "quantile_disc", "quantile", "stddev", "stddev_samp", "stddev_pop", "variance",
            "var_samp", "var_pop", "corr", "covar_pop", "covar_samp", "mode", "approx_count_distinct",
            "string_agg", "first", "last", "arg_min", "arg_max", "bool_and", "bool_or");

    /** Scalar functions a query may call. */
    public static final Set<String> SCALARS = Set.of("abs", "round", "floor", "ceil", "ceiling", "sqrt", "ln",
            "log", "log10", "exp", "power", "pow", "sign", "greatest", "least", "coalesce", "nullif", "ifnull",
            "cast", "try_cast", "lower", "upper", "trim", "ltrim", "rtrim", "length", "substr", "substring",
            "replace", "concat", "left", "right", "strpos", "contains", "starts_with", "ends_with",
            "regexp_matches", "regexp_extract", "like", "date_trunc", "date_part", "extract", "year", "month", "quarter", "week",
            "day", "hour", "minute", "dayofweek", "isodow", "dayofyear", "weekday", "dayname", "monthname", "strftime", "strptime", "make_date", "current_date",
            "epoch", "age", "date_diff", "datediff");

    /** Window functions a query may call (aggregates may be used as windows too). */
    public static final Set<String> WINDOWS = Set.of("row_number", "rank", "dense_rank", "percent_rank", "ntile",
            "lag", "lead", "cume_dist", "first_value", "last_value");

    private static final int MAX_SQL_CHARS = 20_000;
    private static final long PARSE_TIMEOUT_MS = 5_000;

    /** Special-syntax nodes that call engine features outside the allow-list (JSON, sequences, variables...). */
    private static final List<Class<?>> FORBIDDEN_NODES = List.of(JsonFunction.class, JsonAggregateFunction.class,
            JsonExpression.class, FullTextSearch.class, XMLSerializeExpr.class, MySQLGroupConcat.class,
            NextValExpression.class, TranscodingFunction.class, UserVariable.class, VariableAssignment.class,
            JdbcParameter.class, JdbcNamedParameter.class, NumericBind.class, OracleHierarchicalExpression.class,
            KeepExpression.class, LateralView.class);

    // Parsing runs on a daemon thread so a pathological statement can be abandoned after a timeout and the
    // JVM never waits for a parser thread at shutdown.
    private static final ExecutorService PARSER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sql-guard-parser");
        t.setDaemon(true);
        return t;
    });

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private SqlGuard() {
    }

    /**
     * Checks {@code sql} against the rules for a query over the table {@code table} and returns the statement
     * to run (the parser's rendering of it), or throws {@code sql_rejected} naming what is not allowed.
     */
    public static String vet(String sql, String table) throws ToolException {
        return parseVetted(sql, table).toString();
    }

    /**
     * Like {@link #vet(String, String)} for a question that joins files: the statement may read the dataset's table
     * (first) and the joined tables named after it, and nothing more.
     */
    public static String vet(String sql, List<String> tables) throws ToolException {
        return parseVetted(sql, tables).toString();
    }

    /** Like {@link #vet} but returns the vetted tree, for callers that want to inspect or adjust it. */
    public static Select parseVetted(String sql, String table) throws ToolException {
        return parseVetted(sql, List.of(table));
    }

    /** Like {@link #vet(String, List)} but returns the vetted tree. */
    public static Select parseVetted(String sql, List<String> tables) throws ToolException {
        String table = String.join(", ", tables);
        if (sql == null || sql.isBlank()) {
            throw reject("The query is empty.", "Write one SELECT statement over " + table + ".");
        }
        if (sql.length() > MAX_SQL_CHARS) {
            throw reject("The query is too long (" + sql.length() + " characters).",
                    "Write a shorter SELECT; at most " + MAX_SQL_CHARS + " characters.");
        }
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql, PARSER, p -> p.withTimeOut(PARSE_TIMEOUT_MS));
        } catch (JSQLParserException e) {
            String reason = firstLine(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            throw reject("The query could not be parsed as a single SELECT: " + reason,
                    "Write one plain SELECT (or WITH ... SELECT) over " + table
                            + "; statements like INSERT, COPY, ATTACH, PRAGMA, SET, INSTALL or LOAD are not allowed.");
        }
        if (statements == null || statements.isEmpty()) {
            throw reject("The query holds no statement.", "Write one SELECT statement over " + table + ".");
        }
        if (statements.size() > 1) {
            throw reject("The query holds " + statements.size() + " statements; only one is allowed.",
                    "Send a single SELECT statement without a second statement after ';'.");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select select)) {
            throw reject("Only SELECT statements may run, not " + kind(statement) + ".",
                    "Rewrite it as one SELECT over " + table + "; the data is read-only.");
        }
        new Walker(tables).walk(select);
        return select;
    }

    /** True when {@code name} is in one of the allow-lists (case-insensitive). */
    public static boolean allowedFunction(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return AGGREGATES.contains(n) || SCALARS.contains(n) || WINDOWS.contains(n);
    }

    private static String kind(Statement statement) {
        String simple = statement.getClass().getSimpleName().replace("Statement", "");
        return simple.isEmpty() ? "this statement" : simple.toUpperCase(Locale.ROOT);
    }

    private static ToolException reject(String message, String hint) {
        return new ToolException("sql_rejected", message, hint);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        String line = s.strip().lines().findFirst().orElse("syntax error")
                .replace("net.sf.jsqlparser.parser.ParseException: ", "");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** SQL identifier without its quotes ("x" or `x` or [x]), doubled quotes undone. */
    static String unquote(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        if (n.length() >= 2 && ((n.startsWith("\"") && n.endsWith("\"")) || (n.startsWith("`") && n.endsWith("`"))
                || (n.startsWith("[") && n.endsWith("]")))) {
            n = n.substring(1, n.length() - 1).replace("\"\"", "\"");
        }
        return n;
    }

    /**
     * Walks every object reachable from the tree through its fields rather than through JSqlParser's visitors:
     * a visitor silently skips any child it was not written for, a field walk cannot. CTE names are scoped
     * to the SELECT that defines them.
     */
    private static final class Walker {

        private final List<String> tables;
        private final String table;
        private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
        private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        Walker(List<String> tables) {
            this.tables = tables;
            this.table = String.join(", ", tables);
        }

        void walk(Object node) throws ToolException {
            if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                    || node instanceof Enum<?> || node instanceof Character) {
                return;
            }
            if (node instanceof Collection<?> collection) {
                for (Object o : new ArrayList<>(collection)) {
                    walk(o);
                }
                return;
            }
            if (node instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : new ArrayList<>(map.entrySet())) {
                    walk(e.getKey());
                    walk(e.getValue());
                }
                return;
            }
            if (node.getClass().isArray()) {
                if (!node.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(node); i++) {
                        walk(Array.get(node, i));
                    }
                }
                return;
            }
            if (!node.getClass().getName().startsWith("net.sf.jsqlparser.")
                    || node.getClass().getName().startsWith("net.sf.jsqlparser.parser.")) {
                return; // parser internals (tokens, JavaCC nodes) and plain Java values hold no SQL of their own
            }
            if (!seen.add(node)) {
                return;
            }
            check(node);
            if (node instanceof Column || node instanceof AllTableColumns) {
                return; // their Table part is a qualifier (alias or table name), not a table reference
            }
            boolean scoped = node instanceof Select select && select.getWithItemsList() != null;
            if (scoped) {
                Set<String> names = new HashSet<>();
                for (WithItem<?> item : ((Select) node).getWithItemsList()) {
                    if (item.getAlias() != null) {
                        names.add(unquote(item.getAlias().getName()).toLowerCase(Locale.ROOT));
                    }
                }
                cteScopes.push(names);
            }
            try {
                for (Field f : fields(node.getClass())) {
                    Object value;
                    try {
                        value = f.get(node);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot inspect " + f, e);
                    }
                    walk(value);
                }
            } finally {
                if (scoped) {
                    cteScopes.pop();
                }
            }
        }

        private void check(Object node) throws ToolException {
            for (Class<?> forbidden : FORBIDDEN_NODES) {
                if (forbidden.isInstance(node)) {
                    throw reject("The query uses " + forbidden.getSimpleName() + " (" + node + "), which is not allowed.",
                            "Use plain SELECT syntax with the allowed functions only.");
                }
            }
            if (node instanceof PlainSelect ps && ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
                throw reject("SELECT ... INTO writes a table, which is not allowed.",
                        "Remove the INTO clause; the query may only read " + table + ".");
            }
            if (node instanceof Select s && (s.getForMode() != null || s.getForUpdateTable() != null)) {
                throw reject("SELECT ... FOR UPDATE/SHARE is not allowed.", "Remove the FOR clause.");
            }
            if (node instanceof TableFunction tf) {
                String name = tf.getFunction() == null ? "?" : tf.getFunction().getName();
                throw reject("The table function " + name + "(...) is not allowed in FROM.",
                        "Query only the table " + table + " (e.g. SELECT ... FROM " + DuckDb.quoteIdent(tables.get(0))
                                + "); files, globs and system tables cannot be read.");
            }
            if (node instanceof Table t) {
                checkTable(t);
            }
            if (node instanceof Function f) {
                checkFunction(f.getMultipartName(), f.toString());
            }
            if (node instanceof AnalyticExpression a) {
                checkFunction(List.of(a.getName()), a.getName() + "(...) OVER");
            }
        }

        private void checkTable(Table t) throws ToolException {
            List<String> parts = t.getNameParts();
            String name = unquote(t.getName());
            if (parts != null && parts.size() > 1) {
                throw reject("The table " + t.getFullyQualifiedName() + " is not allowed.",
                        "Only the table " + table + " may be queried, by its bare name; no schemas such as"
                                + " information_schema or pg_catalog.");
            }
            if (name != null && tables.stream().anyMatch(name::equalsIgnoreCase)) {
                return;
            }
            if (name != null) {
                String lower = name.toLowerCase(Locale.ROOT);
                for (Set<String> scope : cteScopes) {
                    if (scope.contains(lower)) {
                        return;
                    }
                }
            }
            throw reject("The table " + t.getFullyQualifiedName() + " is not allowed.",
                    "Only the table " + table + " (and CTEs defined in the same WITH) may be queried.");
        }

        private void checkFunction(List<String> nameParts, String text) throws ToolException {
            if (nameParts == null || nameParts.isEmpty() || nameParts.get(0) == null) {
                throw reject("The query calls an unnamed function.", "Use only the allowed functions.");
            }
            if (nameParts.size() > 1) {
                throw reject("The function " + String.join(".", nameParts) + " is not allowed.",
                        "Call functions by their bare name, e.g. sum(x), not schema.sum(x).");
            }
            String name = unquote(nameParts.get(0)).toLowerCase(Locale.ROOT);
            if (!allowedFunction(name)) {
                throw reject("The function " + name + "() is not allowed.",
                        "Use only aggregates (sum, avg, count, min, max, median, quantile_cont, stddev, corr, ...),"
                                + " scalar functions (round, coalesce, lower, date_trunc, year, strftime, ...)"
                                + " and window functions (row_number, rank, lag, lead, ...).");
            }
        }

        private static List<Field> fields(Class<?> type) {
            return FIELDS.computeIfAbsent(type, c -> {
                List<Field> out = new ArrayList<>();
                for (Class<?> k = c; k != null && k != Object.class && k != ASTNodeAccessImpl.class;
                     k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                            continue;
                        }
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
                return List.copyOf(out);
            });
        }
    }
}
