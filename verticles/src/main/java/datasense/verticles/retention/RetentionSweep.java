package datasense.verticles.retention;

import datasense.verticles.bus.Address;
import datasense.verticles.bus.BusTimeouts;
import datasense.verticles.bus.JobStatus;
import datasense.verticles.bus.TenantHeader;
import datasense.verticles.store.Keys;
import datasense.verticles.store.ObjectStore;
import datasense.verticles.store.ObjectStore.StoredObject;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One pass of retention over the whole store, in the order that lets each step see what the one before freed:
 * <ol>
 * <li>each file keeps its newest {@code historyKeep} questions (older ones go through {@code ds.history.delete},
 * so their conversation turns go too);</li>
 * <li>an ended job whose files were last written before the cut-off loses its folder {@code {tenant}/jobs/{id}/};
 * a job still in {@code _index/running-jobs/}, or whose record says running, is never touched;</li>
 * <li>an answer folder {@code {tenant}/uploads/{file}/answers/{hash}/} last written before the cut-off goes when no
 * question record or board of its file and no kept job record of its tenant names it; the file's cached answers
 * are then evicted, so no cached reply links to it;</li>
 * <li>a conversation {@code {tenant}/conversations/{id}.json} last written (its last turn) before the cut-off goes: a
 * follow-up in it starts a new one.</li>
 * </ol>
 * Then, for every tenant, each audit-log day folder {@code _audit/{tenant}/{yyyy-mm-dd}/} of a UTC day more than
 * {@code auditDays} before today goes whole (never an entry of a kept day).
 * Uploads, manifests, profiles, boards and API keys are never removed here.
 */
final class RetentionSweep {

    /** What one pass removed. */
    record Outcome(int questions, int jobs, int answers, int conversations, int auditDays, long bytes) {
        JsonObject toJson() {
            return new JsonObject().put("questions", questions).put("jobs", jobs).put("answers", answers)
                    .put("conversations", conversations).put("audit_days", auditDays).put("bytes", bytes);
        }
    }

    private final Vertx vertx;
    private final ObjectStore store;
    private final RetentionSettings settings;
    private int questions;
    private int jobs;
    private int answers;
    private int conversations;
    private int auditDays;
    private long bytes;

    RetentionSweep(Vertx vertx, ObjectStore store, RetentionSettings settings) {
        this.vertx = vertx;
        this.store = store;
        this.settings = settings;
    }

    Future<Outcome> run() {
        Instant cutoff = Instant.now().minus(settings.jobRetention());
        return store.listObjects("").compose(all -> {
            Set<String> running = new HashSet<>();
            Map<String, List<StoredObject>> byTenant = new TreeMap<>();
            Map<String, List<StoredObject>> auditFolders = new TreeMap<>();
            for (StoredObject o : all) {
                if (o.key().startsWith(Keys.AUDIT)) {
                    String[] s = o.key().split("/");
                    if (s.length == 4) {
                        auditFolders.computeIfAbsent(Keys.AUDIT + s[1] + "/" + s[2] + "/", f -> new ArrayList<>()).add(o);
                    }
                } else if (o.key().startsWith(Keys.RUNNING_JOBS)) {
                    running.add(name(o.key().substring(Keys.RUNNING_JOBS.length())));
                } else if (Keys.safeTenant(Keys.tenantOf(o.key())) && !o.key().contains("/.")) {
                    byTenant.computeIfAbsent(Keys.tenantOf(o.key()), t -> new ArrayList<>()).add(o);
                }
            }
            Future<Void> chain = Future.succeededFuture();
            for (Map.Entry<String, List<StoredObject>> tenant : byTenant.entrySet()) {
                chain = chain.compose(v -> tenant(tenant.getKey(), tenant.getValue(), running, cutoff));
            }
            return chain.compose(v -> expireAuditDays(auditFolders))
                    .map(v -> new Outcome(questions, jobs, answers, conversations, auditDays, bytes));
        });
    }

    private Future<Void> tenant(String tenant, List<StoredObject> objects, Set<String> running, Instant cutoff) {
        Map<String, List<String>> questionsByFile = new TreeMap<>();
        Map<String, List<StoredObject>> jobFolders = new TreeMap<>();
        Map<String, List<StoredObject>> answerFolders = new TreeMap<>();
        List<StoredObject> oldConversations = new ArrayList<>();
        for (StoredObject o : objects) {
            String[] s = o.key().split("/");
            if (s.length == 5 && s[1].equals("uploads") && s[3].equals("questions")) {
                questionsByFile.computeIfAbsent(s[2], f -> new ArrayList<>()).add(o.key());
            } else if (s.length >= 4 && s[1].equals("jobs")) {
                jobFolders.computeIfAbsent(tenant + "/jobs/" + s[2] + "/", f -> new ArrayList<>()).add(o);
            } else if (s.length >= 6 && s[1].equals("uploads") && s[3].equals("answers")) {
                answerFolders.computeIfAbsent(Keys.answerPrefix(tenant, s[2], s[4]), f -> new ArrayList<>()).add(o);
            } else if (s.length == 3 && s[1].equals("conversations") && o.modified().isBefore(cutoff)) {
                oldConversations.add(o);
            }
        }
        List<String> keptJobs = new ArrayList<>();
        return trimHistory(tenant, questionsByFile)
                .compose(v -> expireJobs(jobFolders, running, cutoff, keptJobs))
                .compose(v -> dropAnswers(tenant, answerFolders, cutoff, keptJobs))
                .compose(v -> expireConversations(oldConversations));
    }

    // ---- 4. conversations -----------------------------------------------------------------------------------

    private Future<Void> expireConversations(List<StoredObject> old) {
        Future<Void> chain = Future.succeededFuture();
        for (StoredObject o : old) {
            chain = chain.compose(v -> store.deletePrefix(o.key()).onSuccess(x -> {
                conversations++;
                bytes += o.size();
            }).recover(e -> Future.succeededFuture()));
        }
        return chain;
    }

    // ---- then: audit-log days -------------------------------------------------------------------------------

    private Future<Void> expireAuditDays(Map<String, List<StoredObject>> folders) {
        if (settings.auditDays() == 0) {
            return Future.succeededFuture();
        }
        // ISO dates compare as text; a folder not named like a date is not the log's and is left alone
        String firstKept = LocalDate.now(ZoneOffset.UTC).minusDays(settings.auditDays()).toString();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, List<StoredObject>> folder : folders.entrySet()) {
            String day = folder.getKey().split("/")[2];
            if (!day.matches("\\d{4}-\\d{2}-\\d{2}") || day.compareTo(firstKept) >= 0) {
                continue;
            }
            chain = chain.compose(v -> store.deletePrefix(folder.getKey()).onSuccess(x -> {
                auditDays++;
                bytes += size(folder.getValue());
            }).recover(e -> Future.succeededFuture()));
        }
        return chain;
    }

    // ---- 1. question history --------------------------------------------------------------------------------

    private Future<Void> trimHistory(String tenant, Map<String, List<String>> questionsByFile) {
        if (settings.historyKeep() == 0) {
            return Future.succeededFuture();
        }
        List<String> old = new ArrayList<>();
        for (List<String> keys : questionsByFile.values()) {
            keys.sort(Comparator.reverseOrder()); // question ids sort by the time they were asked
            old.addAll(keys.subList(Math.min(keys.size(), settings.historyKeep()), keys.size()));
        }
        Future<Void> chain = Future.succeededFuture();
        for (String key : old) {
            String questionId = name(key.substring(key.lastIndexOf('/') + 1));
            chain = chain.compose(v -> vertx.eventBus().request(Address.HISTORY_DELETE, new JsonObject().put("question_id", questionId),
                            TenantHeader.on(BusTimeouts.STORE, tenant))
                    .<Void>mapEmpty()
                    .onSuccess(x -> questions++)
                    .recover(e -> Future.succeededFuture())); // deleted meanwhile: nothing to do
        }
        return chain;
    }

    // ---- 2. ended jobs --------------------------------------------------------------------------------------

    private Future<Void> expireJobs(Map<String, List<StoredObject>> jobFolders, Set<String> running, Instant cutoff, List<String> kept) {
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, List<StoredObject>> folder : jobFolders.entrySet()) {
            String prefix = folder.getKey();
            String jobId = prefix.substring(0, prefix.length() - 1).substring(prefix.lastIndexOf('/', prefix.length() - 2) + 1);
            String record = prefix + "job.json";
            boolean hasRecord = folder.getValue().stream().anyMatch(o -> o.key().equals(record));
            if (running.contains(jobId) || newest(folder.getValue()).isAfter(cutoff)) {
                if (hasRecord) {
                    kept.add(record);
                }
                continue;
            }
            chain = chain.compose(v -> (hasRecord ? store.get(record).map(b -> JobStatus.fromJson(b.toJsonObject()).running())
                            : Future.succeededFuture(false))
                    .compose(stillRunning -> {
                        if (stillRunning) {
                            kept.add(record);
                            return Future.<Void>succeededFuture();
                        }
                        return store.deletePrefix(prefix).onSuccess(x -> {
                            jobs++;
                            bytes += size(folder.getValue());
                        });
                    })
                    .recover(e -> Future.succeededFuture()));
        }
        return chain;
    }

    // ---- 3. answer artifacts --------------------------------------------------------------------------------

    private Future<Void> dropAnswers(String tenant, Map<String, List<StoredObject>> answerFolders, Instant cutoff, List<String> keptJobs) {
        Map<String, List<String>> oldByFile = new LinkedHashMap<>();
        answerFolders.forEach((prefix, objects) -> {
            if (newest(objects).isBefore(cutoff)) {
                oldByFile.computeIfAbsent(prefix.split("/")[2], f -> new ArrayList<>()).add(prefix);
            }
        });
        // the kept job records are read once per tenant, and only when a question or board does not name an old answer
        java.util.concurrent.atomic.AtomicReference<Future<String>> jobText = new java.util.concurrent.atomic.AtomicReference<>();
        Future<Void> chain = Future.succeededFuture();
        for (Map.Entry<String, List<String>> file : oldByFile.entrySet()) {
            chain = chain.compose(v -> dropFileAnswers(tenant, file.getKey(), file.getValue(), answerFolders, () -> jobText.updateAndGet(read -> read != null ? read : readAll(keptJobs))));
        }
        return chain;
    }

    private Future<Void> dropFileAnswers(String tenant, String fileId, List<String> prefixes, Map<String, List<StoredObject>> answerFolders,
                                         java.util.function.Supplier<Future<String>> jobText) {
        // read after the history was trimmed: what the file's questions and boards name now
        Future<List<String>> referrers = Future.all(store.list(Keys.questionsPrefix(tenant, fileId)), store.list(Keys.boardsPrefix(tenant, fileId)))
                .map(both -> {
                    List<String> keys = new ArrayList<>(both.<List<String>>resultAt(0));
                    keys.addAll(both.<List<String>>resultAt(1));
                    return keys;
                });
        return referrers.compose(this::readAll)
                .map(named -> unnamed(prefixes, named))
                .compose(candidates -> candidates.isEmpty() ? Future.succeededFuture(candidates)
                        : jobText.get().map(named -> unnamed(candidates, named)))
                .compose(unreferenced -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (String prefix : unreferenced) {
                        chain = chain.compose(v -> store.deletePrefix(prefix).onSuccess(x -> {
                            answers++;
                            bytes += size(answerFolders.get(prefix));
                        }));
                    }
                    return unreferenced.isEmpty() ? chain : chain.compose(v -> vertx.eventBus().request(Address.CACHE_EVICT,
                            new JsonObject().put("file_id", fileId), TenantHeader.on(BusTimeouts.SHORT, tenant)).mapEmpty());
                });
    }

    /** The answer folders {@code text} does not name (by their path from {@code uploads/}, as links carry it). */
    private static List<String> unnamed(List<String> prefixes, String text) {
        return prefixes.stream().filter(prefix -> !text.contains(prefix.substring(prefix.indexOf("/uploads/") + 1))).toList();
    }

    /** The text of every key, one after another; keys gone meanwhile read as nothing. */
    private Future<String> readAll(List<String> keys) {
        List<Future<String>> reads = keys.stream()
                .map(key -> store.get(key).map(Buffer::toString).recover(e -> Future.succeededFuture("")))
                .toList();
        return Future.all(reads).map(all -> String.join("\n", all.<String>list()));
    }

    private static Instant newest(List<StoredObject> objects) {
        return objects.stream().map(StoredObject::modified).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private static long size(List<StoredObject> objects) {
        return objects.stream().mapToLong(StoredObject::size).sum();
    }

    private static String name(String fileName) {
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }
}
