package datasense.verticles.projects;

import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.ProjectRun;
import datasense.verticles.bus.ReportManifest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How each kind of run is read from what it left in the store, and how the runs are listed: newest first, at most a
 * limit. Pure functions, so the figures a project's runs show are tested without a node.
 */
final class ProjectRuns {

    /** Runs listed when no limit is asked for, and the most listed at once. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private ProjectRuns() {
    }

    /** A file's profile, computed at ingest: it ended at {@code computedAt} after {@code computedMs}. */
    static ProjectRun profile(String fileId, String computedAt, long computedMs) {
        Instant end = Instant.parse(computedAt);
        return new ProjectRun(ProjectRun.PROFILE, fileId, fileId, JobStatus.DONE, end.minusMillis(computedMs).toString(),
                end.toString(), computedMs);
    }

    /**
     * An analysis job, from its record. A record written before jobs said when they started or ended has only the
     * time it was last written ({@code written}): its start is given as that time and no duration is claimed.
     */
    static ProjectRun analysis(JobStatus job, Instant written) {
        String finished = job.running() ? null : job.finishedAt() != null ? job.finishedAt() : written.toString();
        String started = job.startedAt() != null ? job.startedAt() : written.toString();
        Long duration = job.startedAt() != null && job.finishedAt() != null ? between(job.startedAt(), job.finishedAt()) : null;
        return new ProjectRun(ProjectRun.ANALYSIS, job.jobId(), job.fileId(), job.status(), started, finished, duration);
    }

    /** A report, from its manifest (written once the report is whole, so it is done). */
    static ProjectRun report(ReportManifest report) {
        Long duration = report.finishedAt() == null ? null : between(report.createdAt(), report.finishedAt());
        return new ProjectRun(ProjectRun.REPORT, report.reportId(), report.fileId(), JobStatus.DONE, report.createdAt(),
                report.finishedAt() == null ? report.createdAt() : report.finishedAt(), duration);
    }

    /** The runs by start, newest first (ties by id, so the order is stable), at most {@code limit}. */
    static List<ProjectRun> newestFirst(Collection<ProjectRun> runs, int limit) {
        return runs.stream()
                .sorted(Comparator.comparing((ProjectRun r) -> Instant.parse(r.startedAt())).reversed().thenComparing(ProjectRun::id))
                .limit(limit)
                .toList();
    }

    /** The limit asked for as it is used: {@value #DEFAULT_LIMIT} when none; null when it is not a whole number from 1 to {@value #MAX_LIMIT}. */
    static Integer limit(Object asked) {
        if (asked == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = asked instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : Integer.parseInt(asked.toString().trim());
            return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long between(String start, String end) {
        try {
            return Math.max(0, Duration.between(Instant.parse(start), Instant.parse(end)).toMillis());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
