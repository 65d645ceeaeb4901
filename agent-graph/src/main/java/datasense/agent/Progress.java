package datasense.agent;

/** Sends progress events to the host without ever letting a broken sink fail the analysis. */
final class Progress {

    private Progress() {
    }

    static void emit(AnalysisPorts ports, JobEvent event) {
        try {
            ports.progress(event);
        } catch (RuntimeException ignored) {
            // Progress is advisory; the job's result matters more than one lost event.
        }
    }
}
