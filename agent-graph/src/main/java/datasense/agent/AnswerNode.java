package datasense.agent;

import datasense.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code answer} node: lowers the plan's confidence by what the results say against it ({@link ResultDoubts}),
 * collects the answer's caveats (those doubts, then {@link DataCaveats}), writes the answer with
 * {@link AnswerWriter} and says why it is partial, if it is.
 */
final class AnswerNode implements Node<AnalysisState> {

    private final AnalysisPorts ports;

    AnswerNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState given) {
        // what the results say against the reading lowers the confidence before anything reports it
        List<String> doubts = given.plan() == null ? List.of() : ResultDoubts.of(given.steps(),
                given.schema() == null ? 0 : given.schema().rows());
        AnalysisState state = doubts.isEmpty() ? given
                : given.withPlan(given.plan().doubted(doubts, ResultDoubts.FACTOR), given.steps());
        String reason = AnswerWriter.endReason(state);
        double confidence = AnswerWriter.confidence(state);
        Progress.emit(ports, new JobEvent.Answered(state.jobId(), reason, state.unanswered().size(), confidence));
        List<String> caveats = new ArrayList<>(doubts);
        caveats.addAll(DataCaveats.of(state));
        AnalysisState withCaveats = state.withCaveats(caveats);
        return CompletableFuture.completedFuture(withCaveats.withAnswer(AnswerWriter.write(withCaveats), reason)
                .noted("answer: written" + (reason == null ? "" : " (" + reason + ")")
                        + (withCaveats.caveats().isEmpty() ? "" : ", " + withCaveats.caveats().size() + " caveat(s)")));
    }
}
