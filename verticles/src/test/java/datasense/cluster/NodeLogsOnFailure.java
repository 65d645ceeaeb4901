package datasense.cluster;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Prints every node's log tail when a cluster test fails: the node's side of the story is in its own JVM. */
final class NodeLogsOnFailure implements TestWatcher {

    private final Supplier<LoopbackCluster> cluster;

    NodeLogsOnFailure(Supplier<LoopbackCluster> cluster) {
        this.cluster = cluster;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        LoopbackCluster c = cluster.get();
        if (c != null) {
            System.out.println("----- " + context.getDisplayName() + " failed: node logs -----\n" + c.diagnostics());
        }
    }
}
