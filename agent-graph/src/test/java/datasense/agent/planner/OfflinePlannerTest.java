package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.PlanStep;
import datasense.tools.SchemaInfo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions of our own over two schemas: the tools, arguments and SQL planned, and that the SQL runs. */
class OfflinePlannerTest {

    @TempDir
    static Path dir;
    static Connection db;
    static final SchemaInfo SHOP = Fixtures.shop();
    static final SchemaInfo STAFF = Fixtures.staff();
    final OfflinePlanner planner = new OfflinePlanner();

    @BeforeAll
    static void open() throws SQLException {
        db = Fixtures.database(dir);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    Plan plan(SchemaInfo schema, String question) {
        Plan p = planner.plan(new PlanRequest(question, schema, List.of(), null)).toCompletableFuture().join();
        assertThat(p.planner()).isEqualTo("offline");
        assertThat(p.confidence()).isBetween(0.0, 1.0);
        p.steps().forEach(s -> assertThat(s.intent()).isNotBlank());
        return p;
    }

    static List<String> tools(Plan p) {
        return p.steps().stream().map(PlanStep::tool).toList();
    }

    static String sql(Plan p, int step) {
        assertThat(p.steps().get(step).tool()).isEqualTo("sql_executor");
        return p.steps().get(step).args().get("sql").asText();
    }

    /** Runs the SQL of step {@code step} and returns its rows. */
    static List<List<Object>> run(Plan p, int step) throws SQLException {
        return Fixtures.query(db, sql(p, step));
    }

    // ---------------------------------------------------------------- group-by aggregates

    @Test
    void howManyHadMoreThanNOfSomethingCountsThePassingGroups() throws SQLException {
        Plan p = plan(SHOP, "how many customers placed more than 2 orders?");
        assertThat(sql(p, 0)).contains("GROUP BY \"Customer ID\" HAVING COUNT(DISTINCT \"Order ID\") > 2");
        long expected = ((Number) Fixtures.query(db, "SELECT COUNT(*) FROM (SELECT \"Customer ID\" FROM \"shop_orders\""
                + " GROUP BY 1 HAVING COUNT(DISTINCT \"Order ID\") > 2)").get(0).get(0)).longValue();
        assertThat(run(p, 0)).hasSize(1);
        assertThat(((Number) run(p, 0).get(0).get(0)).longValue()).isEqualTo(expected);
    }

    @Test
    void totalByCategoryWritesQuotedGroupByAndABarChartAfterTheTable() throws SQLException {
        Plan p = plan(SHOP, "what is the overall revenue per region?");
        assertThat(tools(p)).containsExactly("sql_executor", "chart");
        assertThat(sql(p, 0)).isEqualTo("SELECT \"Region\", SUM(\"Sales\") AS \"total Sales\" FROM \"shop_orders\""
                + " GROUP BY \"Region\" ORDER BY \"total Sales\" DESC NULLS LAST");
        assertThat(p.steps().get(1).args().get("from_step").asInt()).isZero();
        assertThat(p.steps().get(1).args().get("kind").asText()).isEqualTo("bar");
        assertThat(p.steps().get(1).args().get("x").asText()).isEqualTo("Region");
        assertThat(p.steps().get(1).args().get("y").asText()).isEqualTo("total Sales");
        assertThat(p.steps().get(0).intent()).isEqualTo("Total of Sales by Region");
        assertThat(p.interpretation()).startsWith("Total of Sales by Region, all rows");
        assertThat(run(p, 0)).hasSize(4);
    }

    @Test
    void averageMedianStddevMinMax() throws SQLException {
        assertThat(sql(plan(SHOP, "mean profit for each segment"), 0))
                .contains("AVG(\"Profit\")").contains("GROUP BY \"Segment\"");
        assertThat(sql(plan(SHOP, "median sales by ship mode"), 0)).contains("MEDIAN(\"Sales\")")
                .contains("GROUP BY \"Ship Mode\"");
        Plan std = plan(SHOP, "std dev of profit across states");
        assertThat(sql(std, 0)).contains("STDDEV_SAMP(\"Profit\")").contains("GROUP BY \"State\"");
        assertThat(run(std, 0)).hasSize(6);
        Plan minMax = plan(SHOP, "the smallest and the largest discount");
        // superlatives without anything to group read as MIN and MAX
        assertThat(sql(minMax, 0)).isEqualTo("SELECT MIN(\"Discount\") AS \"min Discount\", MAX(\"Discount\") AS"
                + " \"max Discount\" FROM \"shop_orders\"");
        Plan both = plan(SHOP, "minimum and maximum quantity");
        assertThat(sql(both, 0)).isEqualTo("SELECT MIN(\"Quantity\") AS \"min Quantity\", MAX(\"Quantity\") AS"
                + " \"max Quantity\" FROM \"shop_orders\"");
        assertThat(run(both, 0).get(0).stream().map(o -> ((Number) o).longValue()).toList()).containsExactly(1L, 9L);
        assertThat(sql(plan(SHOP, "what was the biggest single sale"), 0)).contains("MAX(\"Sales\")")
                .doesNotContain("GROUP BY");
    }

    @Test
    void countsRowsEntitiesAndDistinctValues() throws SQLException {
        Plan orders = plan(SHOP, "how many orders do we have");
        assertThat(sql(orders, 0)).isEqualTo("SELECT COUNT(DISTINCT \"Order ID\") AS \"distinct Order ID\" FROM"
                + " \"shop_orders\"");
        assertThat(orders.interpretation()).contains("'orders' read as distinct Order ID");
        assertThat(run(orders, 0).get(0).get(0)).isEqualTo(30L);

        Plan rows = plan(SHOP, "how many records are in the file?");
        assertThat(sql(rows, 0)).isEqualTo("SELECT COUNT(*) AS \"rows\" FROM \"shop_orders\"");
        assertThat(run(rows, 0).get(0).get(0)).isEqualTo(60L);

        Plan customers = plan(SHOP, "count of customers in each segment");
        assertThat(sql(customers, 0)).contains("COUNT(DISTINCT \"Customer ID\")").contains("GROUP BY \"Segment\"");
        assertThat(run(customers, 0)).hasSize(3);

        Plan cities = plan(SHOP, "number of unique cities");
        assertThat(sql(cities, 0)).isEqualTo("SELECT COUNT(DISTINCT \"City\") AS \"distinct City\" FROM \"shop_orders\"");
        assertThat(run(cities, 0).get(0).get(0)).isEqualTo(6L);

        Plan products = plan(SHOP, "How many different products does each category have?");
        assertThat(sql(products, 0)).contains("COUNT(DISTINCT \"Product ID\")").contains("GROUP BY \"Category\"");

        // one row per employee: counting employees counts rows
        Plan staff = plan(STAFF, "how many employees are there in every department");
        assertThat(sql(staff, 0)).isEqualTo("SELECT \"dept\", COUNT(*) AS \"rows\" FROM \"staff\" GROUP BY \"dept\""
                + " ORDER BY \"rows\" DESC NULLS LAST");
        assertThat(run(staff, 0)).extracting(r -> r.get(1)).containsOnly(6L);
    }

    @Test
    void groupsByTwoColumnsAndDrawsTheSecondAsSeries() throws SQLException {
        Plan p = plan(SHOP, "profit broken down by segment and category");
        assertThat(tools(p)).containsExactly("sql_executor", "chart");
        assertThat(p.steps().get(1).args().get("x").asText()).isEqualTo("Segment");
        assertThat(p.steps().get(1).args().get("series").asText()).isEqualTo("Category");
        assertThat(plan(SHOP, "stacked bar chart of profit by segment and category").steps().get(1).args()
                .get("stacked").asBoolean()).isTrue();
        assertThat(sql(p, 0)).contains("GROUP BY \"Segment\", \"Category\"").contains("ORDER BY \"Segment\", \"Category\"");
        assertThat(run(p, 0)).hasSize(6); // the fixture pairs each segment with two categories
    }

    @Test
    void timeGroupings() throws SQLException {
        Plan year = plan(SHOP, "total profit per year");
        assertThat(sql(year, 0)).isEqualTo("SELECT CAST(year(\"Order Date\") AS INTEGER) AS \"year\","
                + " SUM(\"Profit\") AS \"total Profit\" FROM \"shop_orders\" GROUP BY CAST(year(\"Order Date\") AS"
                + " INTEGER) ORDER BY \"year\"");
        assertThat(year.steps().get(1).args().get("kind").asText()).isEqualTo("line");
        List<List<Object>> years = run(year, 0);
        assertThat(years).extracting(r -> r.get(0)).containsExactly(2015, 2016, 2017, 2018);

        Plan quarter = plan(SHOP, "quantity sold by quarter for 2016");
        assertThat(sql(quarter, 0)).contains("AS \"quarter\"")
                .contains("WHERE year(\"Order Date\") = 2016").doesNotContain("AS \"year\"");
        assertThat(run(quarter, 0)).extracting(r -> (String) r.get(0)).allMatch(q -> q.matches("2016-Q[1-4]"));

        Plan quarters = plan(SHOP, "sales by quarter");
        assertThat(sql(quarters, 0)).doesNotContain("AS \"year\"").contains("AS \"quarter\"");
        assertThat(run(quarters, 0)).extracting(r -> (String) r.get(0)).allMatch(q -> q.matches("20\\d\\d-Q[1-4]"));

        Plan month = plan(SHOP, "monthly profit in the East");
        assertThat(sql(month, 0)).contains("strftime(\"Order Date\", '%Y-%m') AS \"month\"")
                .contains("WHERE \"Region\" = 'East'").endsWith("ORDER BY \"month\"");
        assertThat(run(month, 0).get(0).get(0).toString()).matches("\\d{4}-\\d{2}");

        Plan weekdays = plan(SHOP, "number of orders by day of the week");
        assertThat(sql(weekdays, 0)).contains("dayname(\"Order Date\")").contains("ORDER BY isodow(");
        assertThat(weekdays.confidence()).isEqualTo(1.0);
        Plan months = plan(SHOP, "profit by month of the year");
        assertThat(run(months, 0)).extracting(r -> ((Number) r.get(0)).intValue()).allMatch(m -> m >= 1 && m <= 12);

        Plan shipped = plan(SHOP, "how many lines were shipped each year");
        assertThat(sql(shipped, 0)).contains("year(\"Ship Date\")").contains("COUNT(*)");
    }

    @Test
    void rankingsOrderAndLimit() throws SQLException {
        Plan top = plan(SHOP, "top 3 products by profit");
        assertThat(sql(top, 0)).isEqualTo("SELECT \"Product Name\", SUM(\"Profit\") AS \"total Profit\" FROM"
                + " \"shop_orders\" GROUP BY \"Product Name\" ORDER BY \"total Profit\" DESC NULLS LAST LIMIT 3");
        List<List<Object>> rows = run(top, 0);
        assertThat(rows).hasSize(3);
        assertThat(((Number) rows.get(0).get(1)).doubleValue())
                .isGreaterThanOrEqualTo(((Number) rows.get(2).get(1)).doubleValue());

        Plan which = plan(SHOP, "Which two cities have the highest average discount?");
        // "two" is a word, not a number: the ranking still applies, limited to the default for plurals
        assertThat(sql(which, 0)).contains("AVG(\"Discount\")").contains("GROUP BY \"City\"").contains("DESC");

        Plan lowest = plan(SHOP, "which segment had the lowest sales in 2018?");
        assertThat(sql(lowest, 0)).contains("WHERE year(\"Order Date\") = 2018").contains("GROUP BY \"Segment\"")
                .contains("QUALIFY rank() OVER (ORDER BY SUM(\"Sales\") ASC NULLS LAST) = 1");
        // "which ... lowest" names the winner with its ties, not an arbitrary one of them
        assertThat(tools(lowest)).containsExactly("sql_executor");
        assertThat(run(lowest, 0)).hasSize(1);

        Plan bottom = plan(SHOP, "bottom 2 sub categories by quantity");
        assertThat(sql(bottom, 0)).contains("GROUP BY \"Sub-Category\"").endsWith("ASC NULLS LAST LIMIT 2");

        Plan most = plan(STAFF, "which dept has the most employees?");
        assertThat(sql(most, 0)).contains("COUNT(*)").contains("GROUP BY \"dept\"")
                .contains("QUALIFY rank() OVER (ORDER BY COUNT(*) DESC NULLS LAST) = 1");

        Plan paid = plan(STAFF, "the 4 best paid employees");
        assertThat(sql(paid, 0)).isEqualTo("SELECT \"full_name\", \"annual_salary\" FROM \"staff\" ORDER BY"
                + " \"annual_salary\" DESC NULLS LAST LIMIT 4");
        assertThat(run(paid, 0)).hasSize(4);
    }

    // ---------------------------------------------------------------- filters

    @Test
    void textValueFilters() throws SQLException {
        Plan west = plan(SHOP, "average quantity for orders in the West");
        assertThat(sql(west, 0)).isEqualTo("SELECT AVG(\"Quantity\") AS \"average Quantity\" FROM \"shop_orders\""
                + " WHERE \"Region\" = 'West'");
        assertThat(run(west, 0)).hasSize(1);

        Plan multiWord = plan(SHOP, "total sales of office supplies by region");
        assertThat(sql(multiWord, 0)).contains("WHERE \"Category\" = 'Office Supplies'").contains("GROUP BY \"Region\"");

        Plan vs = plan(SHOP, "corporate versus home office profit");
        assertThat(sql(vs, 0)).contains("\"Segment\" IN ('Corporate', 'Home Office')").contains("GROUP BY \"Segment\"");
        assertThat(run(vs, 0)).hasSize(2);

        Plan absorbed = plan(SHOP, "sum of profit for the Technology category in the North region");
        assertThat(sql(absorbed, 0)).contains("\"Category\" = 'Technology'").contains("\"Region\" = 'North'")
                .doesNotContain("GROUP BY");

        Plan not = plan(SHOP, "total sales excluding Furniture by segment");
        assertThat(sql(not, 0)).contains("(\"Category\" <> 'Furniture' OR \"Category\" IS NULL)");

        Plan coded = plan(STAFF, "average salary of women in Support");
        assertThat(sql(coded, 0)).contains("\"gender\" = 'F'").contains("\"dept\" = 'Support'");
        assertThat(coded.notes()).anyMatch(n -> n.contains("'women' read as gender = 'F'"));

        Plan prefix = plan(STAFF, "mean rating of seniors");
        assertThat(sql(prefix, 0)).contains("CAST(\"job_title\" AS VARCHAR) ILIKE 'Senior%'");
        assertThat(run(prefix, 0).get(0).get(0)).isNotNull();

        Plan quoted = plan(SHOP, "total profit where segment is 'home office'");
        assertThat(sql(quoted, 0)).contains("\"Segment\" = 'Home Office'");
    }

    @Test
    void yearNumericAndMissingFilters() throws SQLException {
        Plan year = plan(SHOP, "profit during 2017");
        assertThat(sql(year, 0)).endsWith("WHERE year(\"Order Date\") = 2017");

        Plan gt = plan(SHOP, "average profit where discount is more than 0.4");
        assertThat(sql(gt, 0)).endsWith("WHERE \"Discount\" > 0.4");
        assertThat(run(gt, 0).get(0).get(0)).isNotNull();

        Plan atLeast = plan(SHOP, "number of rows with quantity at least 5");
        assertThat(sql(atLeast, 0)).isEqualTo("SELECT COUNT(*) AS \"rows\" FROM \"shop_orders\" WHERE \"Quantity\" >= 5");

        Plan negative = plan(SHOP, "how many lines have negative profit");
        assertThat(sql(negative, 0)).endsWith("WHERE \"Profit\" < 0");
        assertThat(((Number) run(negative, 0).get(0).get(0)).longValue()).isPositive();

        Plan above = plan(STAFF, "how many people have a rating above 3.5?");
        assertThat(sql(above, 0)).contains("WHERE \"rating\" > 3.5");

        Plan older = plan(STAFF, "median salary of staff older than 40");
        assertThat(sql(older, 0)).contains("MEDIAN(\"annual_salary\")").contains("WHERE \"age\" > 40");

        Plan missing = plan(STAFF, "how many employees have no office city recorded");
        assertThat(sql(missing, 0)).isEqualTo("SELECT COUNT(*) AS \"rows\" FROM \"staff\" WHERE \"office_city\" IS NULL");
        assertThat(run(missing, 0).get(0).get(0)).isEqualTo(5L);

        Plan isMissing = plan(STAFF, "list employees whose office city is missing");
        assertThat(sql(isMissing, 0)).contains("\"office_city\" IS NULL");

        Plan between = plan(SHOP, "total sales where discount between 0.2 and 0.6");
        assertThat(sql(between, 0)).endsWith("WHERE \"Discount\" BETWEEN 0.2 AND 0.6");
    }

    // ---------------------------------------------------------------- other tools

    @Test
    void distributionTrendSummaryCorrelationScatter() throws SQLException {
        Plan hist = plan(SHOP, "histogram of the discount");
        assertThat(tools(hist)).containsExactly("distribution_plot", "summary_stats");
        assertThat(hist.steps().get(0).args().toString()).isEqualTo("{\"column\":\"Discount\"}");

        Plan filteredHist = plan(STAFF, "salary distribution in Engineering");
        assertThat(filteredHist.steps().get(0).args().toString()).isEqualTo("{\"column\":\"annual_salary\","
                + "\"filters\":[{\"column\":\"dept\",\"op\":\"eq\",\"value\":\"Engineering\"}]}");

        Plan trend = plan(SHOP, "how has profit evolved over time?");
        assertThat(tools(trend)).containsExactly("trend_plot", "summary_stats");
        assertThat(trend.steps().get(0).args().toString())
                .isEqualTo("{\"date_column\":\"Order Date\",\"value_column\":\"Profit\",\"agg\":\"sum\"}");

        Plan weekly = plan(SHOP, "weekly trend of average discount by ship date");
        assertThat(weekly.steps().get(0).args().toString()).isEqualTo("{\"date_column\":\"Ship Date\","
                + "\"value_column\":\"Discount\",\"agg\":\"avg\",\"grain\":\"week\"}");

        Plan yearly = plan(SHOP, "sales trend by year in the South");
        assertThat(yearly.steps().get(0).args().get("grain").asText()).isEqualTo("year");
        assertThat(yearly.steps().get(0).args().get("filters").get(0).get("value").asText()).isEqualTo("South");

        Plan summary = plan(STAFF, "descriptive stats for age, rating and salary");
        assertThat(tools(summary)).containsExactly("summary_stats");
        assertThat(summary.steps().get(0).args().toString())
                .isEqualTo("{\"columns\":[\"age\",\"rating\",\"annual_salary\"]}");

        Plan describe = plan(SHOP, "give me an overview of the data");
        assertThat(describe.steps().get(0).args().toString()).isEqualTo("{\"columns\":[]}");

        Plan corr = plan(STAFF, "is rating correlated with age?");
        assertThat(tools(corr)).containsExactly("sql_executor", "correlation");
        assertThat(sql(corr, 0)).isEqualTo("SELECT corr(\"rating\", \"age\") AS \"correlation\" FROM \"staff\"");
        assertThat(corr.steps().get(1).args().toString()).isEqualTo("{\"columns\":[\"rating\",\"age\"]}");
        assertThat(run(corr, 0).get(0).get(0)).isInstanceOf(Double.class);

        Plan scatter = plan(SHOP, "scatter of quantity against profit");
        assertThat(tools(scatter)).containsExactly("sql_executor", "chart");
        assertThat(sql(scatter, 0)).isEqualTo("SELECT \"Quantity\", \"Profit\" FROM \"shop_orders\" WHERE"
                + " \"Quantity\" IS NOT NULL AND \"Profit\" IS NOT NULL LIMIT 5000");
        assertThat(scatter.steps().get(1).args().toString()).isEqualTo("{\"from_step\":0,\"kind\":\"scatter\","
                + "\"x\":\"Quantity\",\"y\":\"Profit\",\"title\":\"Scatter plot of Quantity against Profit\"}");
        assertThat(run(scatter, 0)).hasSize(60);
    }

    @Test
    void chartWordsPickTheKind() {
        Plan pie = plan(SHOP, "draw a pie chart of quantity by category");
        assertThat(tools(pie)).containsExactly("sql_executor", "chart");
        assertThat(pie.steps().get(1).args().get("kind").asText()).isEqualTo("pie");
        Plan bar = plan(SHOP, "bar graph of average sales per ship mode");
        assertThat(bar.steps().get(1).args().get("kind").asText()).isEqualTo("bar");
        Plan line = plan(SHOP, "line chart of monthly quantity");
        assertThat(line.steps().get(1).args().get("kind").asText()).isEqualTo("line");
        assertThat(line.steps().get(1).args().get("x").asText()).isEqualTo("month");
    }

    @Test
    void listsDistinctValues() throws SQLException {
        Plan p = plan(SHOP, "list the sub-categories of technology");
        assertThat(sql(p, 0)).isEqualTo("SELECT DISTINCT \"Sub-Category\" FROM \"shop_orders\" WHERE \"Category\" ="
                + " 'Technology' ORDER BY \"Sub-Category\" LIMIT 1000");
        assertThat(run(p, 0)).extracting(r -> r.get(0)).containsExactly("Copiers", "Phones");
    }

    // ---------------------------------------------------------------- splitting

    @Test
    void splitsIntoIntentsOnlyWhereEachPartAsksForSomething() {
        Plan two = plan(SHOP, "plot the distribution of profit and also show the quarterly trend of sales");
        assertThat(tools(two)).containsExactly("distribution_plot", "trend_plot", "summary_stats");
        assertThat(two.steps().get(2).args().toString()).isEqualTo("{\"columns\":[\"Profit\",\"Sales\"]}");
        assertThat(two.steps().get(1).args().get("grain").asText()).isEqualTo("quarter");

        Plan three = plan(STAFF, "average salary by dept, histogram of age and correlation between age and rating");
        assertThat(tools(three)).containsExactly("sql_executor", "chart", "distribution_plot", "sql_executor",
                "correlation", "summary_stats");
        assertThat(three.steps().get(1).args().get("from_step").asInt()).isEqualTo(0);

        Plan oneAggregate = plan(SHOP, "total quantity and total profit per region");
        assertThat(tools(oneAggregate)).containsExactly("sql_executor", "chart");
        assertThat(sql(oneAggregate, 0)).contains("SUM(\"Quantity\") AS \"total Quantity\", SUM(\"Profit\") AS"
                + " \"total Profit\"").contains("GROUP BY \"Region\"");

        Plan oneFunctionPair = plan(SHOP, "lowest and highest profit");
        assertThat(tools(oneFunctionPair)).containsExactly("sql_executor");

        Plan twoMeasures = plan(SHOP, "average sales and profit by segment");
        assertThat(sql(twoMeasures, 0)).contains("AVG(\"Sales\")").contains("AVG(\"Profit\")");

        Plan groupsAfterAnd = plan(SHOP, "quantity by region and ship mode");
        assertThat(sql(groupsAfterAnd, 0)).contains("GROUP BY \"Region\", \"Ship Mode\"");

        Plan separateGroupings = plan(SHOP, "sales by region and profit by category");
        assertThat(tools(separateGroupings)).containsExactly("sql_executor", "chart", "sql_executor", "chart");
        assertThat(separateGroupings.steps().get(3).args().get("from_step").asInt()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- not understood

    @Test
    void notUnderstoodGivesNoStepsAndSuggestionsFromRealColumns() {
        Plan p = plan(SHOP, "what is the weather like on mars");
        assertThat(p.steps()).isEmpty();
        assertThat(p.confidence()).isLessThanOrEqualTo(0.2);
        assertThat(p.interpretation()).startsWith("Not understood").contains("weather");
        assertThat(p.suggestions()).hasSizeBetween(1, 3)
                .anyMatch(s -> s.contains("Sales")).anyMatch(s -> s.equals("distribution of Sales"));
        assertThat(p.suggestions()).allMatch(s -> SHOP.columns().stream().anyMatch(c -> s.contains(c.name())));

        Plan count = plan(STAFF, "how many unicorns");
        assertThat(count.steps()).isEmpty();
        assertThat(count.interpretation()).contains("unicorns");
        assertThat(count.suggestions()).anyMatch(s -> s.contains("annual_salary"));
    }

    @Test
    void partlyUnderstoodKeepsWhatItUnderstoodAndSaysWhatItDidNot() {
        Plan p = plan(SHOP, "distribution of sales and the flux capacitor trend");
        assertThat(tools(p)).containsExactly("distribution_plot", "summary_stats");
        assertThat(p.confidence()).isLessThan(0.9);
        assertThat(String.join(" ", p.notes())).contains("flux");
    }

    @Test
    void unlinkedWordsLowerConfidence() {
        double clean = plan(SHOP, "total sales by region").confidence();
        double noisy = plan(SHOP, "total sales by region for the zorblax campaign").confidence();
        assertThat(clean).isEqualTo(1.0);
        assertThat(noisy).isLessThan(clean);
    }

    @Test
    void numbersAreSqlLiteralsAndValuesAreEscaped() throws SQLException {
        SchemaInfo odd = new SchemaInfo("odd \"table\"", 3, List.of(
                Fixtures.col("Shop's Name", "VARCHAR", 2, List.of("O'Brien's", "Plain")),
                Fixtures.num("Amount", "DOUBLE", 3, "1", "3")));
        Plan p = plan(odd, "total amount for O'Brien's");
        assertThat(sql(p, 0)).isEqualTo("SELECT SUM(\"Amount\") AS \"total Amount\" FROM \"odd \"\"table\"\"\""
                + " WHERE \"Shop's Name\" = 'O''Brien''s'");
        assertThat(new Filter(odd.columns().get(1), "gt", new BigDecimal("0.25"), null).sql())
                .isEqualTo("\"Amount\" > 0.25");
    }

    @Test
    void isFastOnAFiftyColumnSchema() {
        List<datasense.tools.ColumnProfile> cols = new java.util.ArrayList<>(SHOP.columns());
        for (int i = cols.size(); i < 50; i++) {
            cols.add(i % 2 == 0 ? Fixtures.num("Metric " + i, "DOUBLE", 100, "0", "1")
                    : Fixtures.col("Attribute " + i, "VARCHAR", 40,
                    java.util.stream.IntStream.range(0, 40).mapToObj(k -> "Value " + k + " of " + k).toList()));
        }
        SchemaInfo wide = new SchemaInfo("wide", 1000, cols);
        List<String> questions = List.of("total sales by region", "top 5 products by profit in 2017",
                "monthly trend of sales", "how many orders per segment in the West",
                "distribution of discount and correlation between sales and profit",
                "average metric 12 where quantity is greater than 3", "list the sub-categories in furniture");
        for (int i = 0; i < 50; i++) { // warm up
            questions.forEach(q -> plan(wide, q));
        }
        long start = System.nanoTime();
        int n = 0;
        for (int i = 0; i < 100; i++) {
            for (String q : questions) {
                plan(wide, q);
                n++;
            }
        }
        double msPerQuestion = (System.nanoTime() - start) / 1e6 / n;
        assertThat(msPerQuestion).isLessThan(5.0);
    }

    @Test
    void aColumnNamedOnlyByASymbolIsPlannedAround() {
        // a column named "#" has no words; looking for a "name" column among the words once threw, so every
        // question on such a table came back "could not be read"
        SchemaInfo games = new SchemaInfo("games", 30, List.of(
                Fixtures.num("#", "BIGINT", 30, "74", "103"),
                Fixtures.col("Opponent", "VARCHAR", 10, List.of("Mariners", "Twins", "White Sox")),
                Fixtures.num("Attendance", "BIGINT", 30, "7503", "40000")));
        Plan p = new OfflinePlanner().planNow(new PlanRequest("which opponent had the highest attendance?", games,
                List.of(), null));
        assertThat(p.notes()).noneMatch(n -> n.contains("planner error"));
        assertThat(p.steps()).isNotEmpty();
    }
}
