package datasense.agent.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a linked question into intents. {@link ClauseSplitter} splits it into clauses where each part asks
 * for something of its own; each {@link Clause} is then read by the grammar stages in a fixed order, each
 * marking the tokens it understood: the kind and chart ({@link KindWords}), value filters
 * ({@link ValueFilters}), calendar filters ({@link DateFilters}), numeric comparisons and signs
 * ({@link NumericFilters}), missing values ({@link MissingFilters}), plain years, time grains
 * ({@link TimeGrains}), function words ({@link Aggregates}), shares ({@link Shares}) and rankings
 * ({@link Rankings}). Finally the mentions left over get their roles in {@link Aggregates} or
 * {@link ToolIntents}. What no stage understood is reported as unexplained and lowers confidence, and what an
 * analyst would doubt in the reading ({@link Doubts}) makes it a best guess.
 *
 * <p>To teach the planner a phrasing, add words to {@link Vocabulary} or a case to the one stage it concerns.
 */
final class IntentParser {

    private IntentParser() {
    }

    static List<Intent> parse(LinkedQuestion q) {
        List<Intent> intents = new ArrayList<>();
        for (int[] range : ClauseSplitter.split(q)) {
            intents.add(parse(new Clause(q, range[0], range[1])));
        }
        return ClauseSplitter.mergeAggregates(intents);
    }

    static Intent parse(Clause c) {
        Intent.Kind kind = KindWords.kind(c);
        KindWords.chartWords(c);
        KindWords.answerOnly(c);
        ToolIntents.bins(c); // before any filter: "5-day bins" is a width, not days_late = 5
        Ordering.read(c);
        Aggregates.firstAndLast(c); // before date filters: "its first and last day" is a span, not the last day
        TextFilters.read(c); // before value filters: "start with North" is a prefix, not the value North
        Placings.read(c); // before value filters: "finished first" is a place, not a value "First ..."
        NumericFilters.thanNamedRow(c); // before value filters: "more affiliates than Canal 5" compares with its row
        QuantityFilters.read(c); // before value filters: "at least 5 acts" compares numbers, it is not the value "5 acts"
        ValueFilters.read(c);
        DateFilters.read(c); // before comparisons, so "between 2015 and 2016" is a date range
        NumericFilters.comparisons(c);
        NumericFilters.signs(c);
        Rates.read(c); // before yes/no filters: the "cancellation rate" counts the cancelled, it keeps every row
        MissingFilters.read(c);
        FlagFilters.read(c);
        FlagFilters.tookPlace(c);
        FlagFilters.deniedVerbs(c);
        DateFilters.years(c);
        TimeGrains.read(c);
        MissingFilters.eventDates(c); // after years and grains: "churned in 2023" is bounded by its year already
        Aggregates.functionWords(c);
        DerivedMeasures.read(c); // before shares: "tips as a percent of fares" is one total over another
        Shares.read(c);
        Rankings.superlatives(c);
        Rankings.topByTableRank(c);
        c.markTablesActivity();
        Intent intent = switch (kind) {
            case DISTRIBUTION -> ToolIntents.distribution(c);
            case TREND -> ToolIntents.trend(c);
            case SUMMARY -> ToolIntents.summary(c);
            case CORRELATION -> ToolIntents.correlation(c);
            case SCATTER -> ToolIntents.scatter(c);
            default -> Shares.apply(c, Aggregates.aggregate(c));
        };
        if (intent.kind() == Intent.Kind.AGGREGATE && !intent.groups().isEmpty()) {
            List<Grouping> groups = intent.groups();
            intent = intent.withFilters(intent.filters().stream().map(f -> f.againstGroups(groups)).toList());
        }
        return Doubts.review(c, Units.shownIn(c, Shares.inUnitAsked(c, intent)).withDisplay(Display.of(c)));
    }
}
