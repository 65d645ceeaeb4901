package datasense.agent;

import datasense.graph.Node;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code answer} node: collects the answer's data-quality caveats ({@link DataCaveats}), writes the answer with
 * {@link AnswerWriter} and says why it is partial, if it is.
 */
final class AnswerNode implements Node<AnalysisState> {

    private final AnalysisPorts ports;

    AnswerNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState state) {
        String reason = AnswerWriter.endReason(state);
        double confidence = AnswerWriter.confidence(state);
        Progress.emit(ports, new JobEvent.Answered(state.jobId(), reason, state.unanswered().size(), confidence));
        AnalysisState withCaveats = state.withCaveats(DataCaveats.of(state));
        return CompletableFuture.completedFuture(withCaveats.withAnswer(AnswerWriter.write(withCaveats), reason)
                .noted("answer: written" + (reason == null ? "" : " (" + reason + ")")
                        + (withCaveats.caveats().isEmpty() ? "" : ", " + withCaveats.caveats().size() + " caveat(s)")));
    }
}
