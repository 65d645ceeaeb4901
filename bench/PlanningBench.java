import datasense.agent.Plan;
import datasense.agent.PlanRequest;
import datasense.agent.planner.OfflinePlanner;
import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Offline planning speed: plans a fixed list of varied questions over a 50-column schema many times after a
 * warm-up and prints median / p90 / p99 microseconds per question. Run through `bash bench/run.sh planning`,
 * or: java -cp "<agent-graph classpath>:agent-graph/target/classes:tools/target/classes" bench/PlanningBench.java [rounds]
 */
public class PlanningBench {

    static final List<String> QUESTIONS = List.of(
            "total revenue by country", "average handle time per channel", "how many tickets per team",
            "top 5 agents by csat score", "the three lowest teams by nps score", "which queue has the most tickets",
            "median wait time by priority", "standard deviation of handle time by channel",
            "minimum and maximum refund amount", "the largest order value",
            "share of revenue by product line", "what percent of refund amount comes from each country",
            "revenue by country and plan tier", "average csat score for each language",
            "units across devices", "list the queues for Urgent priority",
            "revenue for Channel A vs Channel B", "average wait time in Country C",
            "tickets with handle time greater than 30", "escalations between 10 and 20",
            "tickets with csat score above 4", "tickets with at least 3 reopen count",
            "revenue under 50", "tickets with no partner recorded",
            "revenue in Q3 2021", "handle time in the third quarter of 2021", "revenue in March 2022",
            "units in March", "revenue in 2021", "revenue from 2020 to 2021",
            "revenue between Jan 2021 and June 2021", "tickets since 2021", "revenue before 2021",
            "revenue last year", "revenue this year", "tickets in the last 3 months",
            "tickets in the past 30 days", "revenue last quarter", "revenue year to date",
            "monthly trend of revenue", "weekly revenue", "revenue by year", "revenue per quarter in 2021",
            "trend of units by channel", "correlation between wait time and csat score",
            "describe the dataset", "distribution of handle time", "histogram of order value",
            "pie chart of revenue by segment", "scatter plot of clicks vs visits",
            "bar chart of units by device", "total revenue by country and also average csat score by team",
            "distribution of wait time and monthly trend of revenue", "top five countries by units in 2021",
            "average margin by plan tier for Urgent tickets", "total by country", "two largest partners",
            "average revenue per browz", "how many distinct agents are there", "turnover by queue");

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        SchemaInfo schema = wide();
        OfflinePlanner planner = new OfflinePlanner();
        List<PlanRequest> requests = QUESTIONS.stream().map(q -> new PlanRequest(q, schema, List.of(), null)).toList();
        int sink = 0;
        for (int i = 0; i < 200; i++) { // warm-up: JIT
            for (PlanRequest r : requests) {
                sink += planner.planNow(r).steps().size();
            }
        }
        long[] samples = new long[rounds * requests.size()];
        int n = 0;
        for (int i = 0; i < rounds; i++) {
            for (PlanRequest r : requests) {
                long t0 = System.nanoTime();
                Plan p = planner.planNow(r);
                samples[n++] = System.nanoTime() - t0;
                sink += p.steps().size();
            }
        }
        Arrays.sort(samples);
        int lowConfidence = 0;
        int unanswered = 0;
        for (PlanRequest r : requests) {
            Plan p = planner.planNow(r);
            lowConfidence += p.isBestGuess() ? 1 : 0;
            unanswered += p.steps().isEmpty() ? 1 : 0;
        }
        System.out.printf("planning: %d questions x %d rounds over a %d-column schema (after 200 warm-up rounds)%n",
                requests.size(), rounds, schema.columns().size());
        System.out.printf("median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us per question   (target median < 5000 us: %s)%n",
                pct(samples, 50), pct(samples, 90), pct(samples, 99), samples[samples.length - 1] / 1000.0,
                pct(samples, 50) < 5000 ? "meets" : "MISSES");
        System.out.printf("best guesses (with alternatives): %d, not understood: %d  (checksum %d)%n",
                lowConfidence, unanswered, sink);
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    static ColumnProfile text(String name, long distinct, List<String> values) {
        return new ColumnProfile(name, "VARCHAR", 0, distinct, null, null, values);
    }

    /** A 50-column support-and-sales export: an id, two dates, 15 dimensions, 32 measures. */
    static SchemaInfo wide() {
        List<ColumnProfile> cols = new ArrayList<>();
        cols.add(text("Ticket ID", 5000, List.of("T-1")));
        cols.add(new ColumnProfile("Opened At", "TIMESTAMP", 0, 4000, "2020-01-01 08:00:00", "2022-09-14 17:30:00",
                List.of()));
        cols.add(new ColumnProfile("Closed On", "DATE", 10, 3000, "2020-01-02", "2022-09-20", List.of()));
        for (String d : List.of("Channel", "Priority", "Team", "Country", "Product Line", "Plan Tier", "Agent",
                "Language", "Device", "Browser", "Queue", "Status", "Source", "Segment", "Partner")) {
            List<String> values = d.equals("Priority") ? List.of("Low", "Medium", "Urgent")
                    : List.of(d.split(" ")[0] + " A", d.split(" ")[0] + " B", d.split(" ")[0] + " C", d.split(" ")[0] + " D");
            cols.add(text(d, values.size(), values));
        }
        for (String m : List.of("Handle Time", "Wait Time", "Reopen Count", "Csat Score", "Nps Score",
                "Refund Amount", "Credit Amount", "Messages", "Attachments", "Escalations", "First Reply Minutes",
                "Resolution Hours", "Agent Touches", "Customer Replies", "Word Count", "Sentiment", "Backlog Age",
                "Sla Breaches", "Survey Responses", "Order Value", "Items", "Discount Rate", "Tax", "Shipping Fee",
                "Margin", "Cost", "Revenue", "Units", "Visits", "Clicks", "Bounce Rate", "Session Length")) {
            cols.add(new ColumnProfile(m, "DOUBLE", 0, 500, "0", "100", List.of()));
        }
        return new SchemaInfo("tickets", 5000, List.copyOf(cols.subList(0, 50)));
    }
}
