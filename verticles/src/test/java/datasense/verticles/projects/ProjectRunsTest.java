package datasense.verticles.projects;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.ProjectRun;
import datasense.verticles.bus.ReportManifest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a project's runs are read from a profile, a job's record and a report's manifest, and how they are listed. */
class ProjectRunsTest {

    private static JobStatus job(String id, String status, String startedAt, String finishedAt) {
        return new JobStatus(id, status, "f_1", "total sales", "agent", null, null, "t", null, null, null, startedAt, finishedAt);
    }

    @Test
    void aProfileStartedItsDurationBeforeItEnded() {
        ProjectRun run = ProjectRuns.profile("f_1", "2026-12-04T10:00:01.250Z", 1250);
        assertThat(run).isEqualTo(new ProjectRun("profile", "f_1", "f_1", "done", "2026-12-04T10:00:00Z", "2026-12-04T10:00:01.250Z", 1250L));
    }

    @Test
    void anAnalysisRunComesFromItsJobRecord() {
        Instant written = Instant.parse("2026-12-04T12:00:00Z");
        ProjectRun done = ProjectRuns.analysis(job("j_1", "done", "2026-12-04T10:00:00Z", "2026-12-04T10:00:00.420Z"), written);
        assertThat(done.durationMs()).isEqualTo(420L);
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.finishedAt()).isEqualTo("2026-12-04T10:00:00.420Z");

        ProjectRun running = ProjectRuns.analysis(job("j_2", "running", "2026-12-04T10:00:00Z", null), written);
        assertThat(running.finishedAt()).isNull();
        assertThat(running.durationMs()).isNull();

        // a record from before jobs said when they started: its last write, and no duration claimed
        ProjectRun old = ProjectRuns.analysis(job("j_3", "failed", null, null), written);
        assertThat(old.startedAt()).isEqualTo(written.toString());
        assertThat(old.finishedAt()).isEqualTo(written.toString());
        assertThat(old.durationMs()).isNull();
        assertThat(old.status()).isEqualTo("failed");
    }

    @Test
    void aReportRunsFromItsRequestToItsManifest() {
        ReportManifest report = new ReportManifest("r_1", "t", Map.of("job", "j_1"), "f_1", "shop.csv", List.of("pdf"), List.of("report.pdf"),
                1, "2026-12-04T10:00:00Z", "p_0123456789ab", "2026-12-04T10:00:02.5Z");
        assertThat(ProjectRuns.report(report)).isEqualTo(new ProjectRun("report", "r_1", "f_1", "done", "2026-12-04T10:00:00Z",
                "2026-12-04T10:00:02.5Z", 2500L));
        ReportManifest older = new ReportManifest("r_0", "t", Map.of("job", "j_1"), "f_1", "shop.csv", List.of("pdf"), List.of("report.pdf"),
                1, "2026-12-04T09:00:00Z", null, null);
        assertThat(ProjectRuns.report(older).durationMs()).isNull();
    }

    @Test
    void runsAreListedNewestFirstUpToTheLimit() {
        ProjectRun a = new ProjectRun("profile", "f_1", "f_1", "done", "2026-12-04T10:00:00Z", null, null);
        ProjectRun b = new ProjectRun("analysis", "j_1", "f_1", "done", "2026-12-04T10:00:05Z", null, null);
        ProjectRun c = new ProjectRun("report", "r_1", "f_1", "done", "2026-12-04T10:00:05.001Z", null, null);
        ProjectRun tie = new ProjectRun("analysis", "j_0", "f_1", "done", "2026-12-04T10:00:05Z", null, null);
        assertThat(ProjectRuns.newestFirst(List.of(a, b, c, tie), 10)).containsExactly(c, tie, b, a);
        assertThat(ProjectRuns.newestFirst(List.of(a, b, c), 2)).containsExactly(c, b);
    }

    @Test
    void theLimitIsAWholeNumberFromOneToAThousand() {
        assertThat(ProjectRuns.limit(null)).isEqualTo(100);
        assertThat(ProjectRuns.limit("20")).isEqualTo(20);
        assertThat(ProjectRuns.limit(1000)).isEqualTo(1000);
        assertThat(ProjectRuns.limit("0")).isNull();
        assertThat(ProjectRuns.limit("1001")).isNull();
        assertThat(ProjectRuns.limit("ten")).isNull();
        assertThat(ProjectRuns.limit(2.5)).isNull();
    }
}
