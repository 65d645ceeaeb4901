package datasense.verticles.reports;

import datasense.tools.profile.JoinHints;
import datasense.tools.profile.TableProfile;
import datasense.tools.report.Report;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.Board;
import datasense.verticles.bus.BusError;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.Conversation;
import datasense.verticles.bus.JobQuery;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.Json;
import datasense.verticles.bus.Project;
import datasense.verticles.bus.QuestionRecord;
import datasense.verticles.bus.RequestIdHeader;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.ObjectStore;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Gathers what a report states from the roles that keep it, over the bus as the request's tenant: a job's answer
 * ({@code ds.jobs.get}), a conversation's turns and each turn's recorded answer ({@code ds.history.conversation},
 * {@code ds.history.question}), a board's tiles ({@code ds.boards.get}), a file's profile ({@code ds.files.profile}),
 * and always the file's manifest ({@code ds.files.get}) for the data it was computed from. Another tenant's id is a
 * 404 from the role that keeps it, as everywhere.
 */
final class ReportSources {

    /** What a report is made of before it is drawn: its title, source in words, data, sections or profile. */
    record Gathered(String title, String source, Report.DataSource data, List<Report.Section> sections,
                    Report.ProfileSection profile, String project) {
    }

    /** The data a report states, and the project of its file. */
    private record Data(Report.DataSource source, String project) {
    }

    private final EventBus bus;
    private final ObjectStore store;
    private final String tenant;
    private final String requestId;

    ReportSources(EventBus bus, ObjectStore store, String tenant, String requestId) {
        this.bus = bus;
        this.store = store;
        this.tenant = tenant;
        this.requestId = requestId;
    }

    Future<Gathered> gather(ReportRequest request) {
        return switch (request.kind()) {
            case "job" -> job(request.id());
            case "conversation" -> conversation(request.id());
            case "board" -> board(request.id());
            default -> profile(request.id());
        };
    }

    private Future<Gathered> job(String jobId) {
        return request(Address.JOBS_GET, new JobQuery(jobId).toJson(), BusTimeouts.STORE).map(JobStatus::fromJson).compose(job -> {
            if (job.running()) {
                return Future.failedFuture(new BusError(409, "job_not_done", "job " + jobId + " is still running",
                        "make the report once GET /jobs/" + jobId + " says done"));
            }
            if (!JobStatus.DONE.equals(job.status()) || job.result() == null) {
                return Future.failedFuture(new BusError(409, "job_failed", "job " + jobId + " failed: it has no answer to report",
                        "ask the question again, then report on the new job"));
            }
            return answers(job.fileId(), data -> job.question(), "the answer of job " + jobId,
                    List.of(new AnswerSections.Answer(job.question(), null, job.result())));
        });
    }

    private Future<Gathered> conversation(String conversationId) {
        return request(Address.HISTORY_CONVERSATION, new JsonObject().put("conversation_id", conversationId), BusTimeouts.STORE)
                .map(Conversation::fromJson)
                .compose(conversation -> {
                    // each turn's recorded answer; a question forgotten since (DELETE /questions/{id}) is left out
                    List<Future<QuestionRecord>> records = conversation.turns().stream()
                            .map(t -> request(Address.HISTORY_QUESTION, new JsonObject().put("question_id", t.questionId()), BusTimeouts.STORE)
                                    .map(QuestionRecord::fromJson)
                                    .recover(e -> BusError.from(e).status() == 404 ? Future.succeededFuture() : Future.failedFuture(e)))
                            .toList();
                    return Future.all(records).compose(all -> {
                        List<AnswerSections.Answer> answers = new ArrayList<>();
                        for (int i = 0; i < records.size(); i++) {
                            QuestionRecord r = all.resultAt(i);
                            if (r != null && r.reply() != null) {
                                answers.add(new AnswerSections.Answer(r.question(), r.askedAt(), r.reply()));
                            }
                        }
                        if (answers.isEmpty()) {
                            return Future.failedFuture(new BusError(409, "nothing_to_report", "conversation " + conversationId
                                    + " has no answered question left", "ask a question in it first"));
                        }
                        return answers(conversation.fileId(), data -> "Conversation about " + data.name(),
                                "conversation " + conversationId, answers);
                    });
                });
    }

    private Future<Gathered> board(String boardId) {
        return request(Address.BOARDS_GET, new JsonObject().put("board_id", boardId), BusTimeouts.STORE).map(Board::fromJson)
                .compose(board -> {
                    List<AnswerSections.Answer> answers = board.tiles().stream().filter(t -> t.result() != null)
                            .map(t -> new AnswerSections.Answer(t.title(), t.refreshedAt(), t.result()))
                            .toList();
                    if (answers.isEmpty()) {
                        return Future.failedFuture(new BusError(409, "nothing_to_report", "board " + boardId + " has no tile",
                                "pin an answer to it first: POST /boards/" + boardId + "/tiles"));
                    }
                    return answers(board.fileId(), data -> board.name(), "board " + boardId, answers);
                });
    }

    private Future<Gathered> profile(String fileId) {
        return data(fileId).compose(found -> request(Address.FILES_PROFILE, new JsonObject().put("file_id", fileId), BusTimeouts.TOOL)
                .map(reply -> {
                    TableProfile profile = Json.fromJson(reply, TableProfile.class);
                    List<JoinHints.Hint> hints = new ArrayList<>();
                    for (Object h : reply.getJsonArray("join_hints", new JsonArray())) {
                        hints.add(Json.fromJson((JsonObject) h, JoinHints.Hint.class));
                    }
                    Report.DataSource data = found.source();
                    return new Gathered("Profile of " + data.name(), "the profile of file " + fileId, data, List.of(),
                            new Report.ProfileSection(profile, hints), found.project());
                }));
    }

    /** The data a report states: the file's name, id, upload time, rows and columns, from its manifest. */
    private Future<Data> data(String fileId) {
        return request(Address.FILES_GET, new JsonObject().put("file_id", fileId), BusTimeouts.STORE)
                .map(m -> new Data(new Report.DataSource(fileId, m.getString("name", fileId), m.getString("created_at"), m.getLong("rows", 0L),
                        m.getJsonArray("columns", new JsonArray()).size()), Project.of(m)));
    }

    /** A report of answers about file {@code fileId}: its data, and a section per answer with its charts read. */
    private Future<Gathered> answers(String fileId, Function<Report.DataSource, String> title, String source,
                                     List<AnswerSections.Answer> answers) {
        Future<Data> data = data(fileId);
        Future<List<Report.Section>> sections = new AnswerSections(store, tenant).of(answers);
        return Future.all(data, sections).map(both -> new Gathered(title.apply(data.result().source()), source, data.result().source(),
                sections.result(), null, data.result().project()));
    }

    private Future<JsonObject> request(String address, JsonObject body, DeliveryOptions timeout) {
        DeliveryOptions options = TenantHeader.on(timeout, tenant);
        return bus.<JsonObject>request(address, body, requestId == null ? options : RequestIdHeader.on(options, requestId)).map(Message::body);
    }
}
