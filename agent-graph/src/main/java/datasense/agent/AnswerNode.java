package datasense.agent;

import datasense.graph.Node;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The {@code answer} node: writes the answer with {@link AnswerWriter} and says why it is partial, if it is. */
final class AnswerNode implements Node<AnalysisState> {

    private final AnalysisPorts ports;

    AnswerNode(AnalysisPorts ports) {
        this.ports = ports;
    }

    @Override
    public CompletionStage<AnalysisState> apply(AnalysisState state) {
        String reason = AnswerWriter.endReason(state);
        double confidence = AnswerWriter.confidence(state);
        Progress.emit(ports, "answered", "endReason", reason, "unanswered", state.unanswered().size(),
                "confidence", confidence);
        return CompletableFuture.completedFuture(state.withAnswer(AnswerWriter.write(state), reason)
                .noted("answer: written" + (reason == null ? "" : " (" + reason + ")")));
    }
}
