package datasense.verticles.store;

import datasense.verticles.bus.BusError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * The object store over an S3 bucket (AWS or an S3-compatible server), with the same keys as
 * {@link LocalObjectStore}.
 *
 * <p>Uses the SDK's blocking client on Vert.x worker threads: the async client would bring a second Netty
 * next to Vert.x's. Writes are single PUTs, which S3 makes visible atomically. Prefixes behave like folders,
 * as in the local store: {@code list("a/b")} and {@code list("a/b/")} both list under {@code a/b/}, and
 * {@code deletePrefix("a/b")} deletes the key {@code a/b} and everything under {@code a/b/} but not
 * {@code a/bc}.
 *
 * <p>{@link #localPath} downloads into a {@link LocalFileCache}. A cached copy is revalidated on every call
 * with a conditional GET ({@code If-None-Match} on its ETag): one round trip, no body, when unchanged, so
 * another node's overwrite (or a presigned upload) is never served stale. Concurrent calls for one key share
 * a single fetch.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

    /** S3's largest list page and DeleteObjects batch. */
    static final int MAX_PAGE = 1000;

    private final Vertx vertx;
    private final String bucket;
    private final AwsCredentialsProvider credentials;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final LocalFileCache cache;
    private final Path staging;
    private final int pageSize;
    private final ConcurrentHashMap<String, Future<Path>> fetching = new ConcurrentHashMap<>();
    private final AtomicLong downloads = new AtomicLong();

    /**
     * A store over {@code settings.bucket()} (which must exist), keeping its download cache in
     * {@code localDir/cache} (emptied now) and staging uploads in {@code localDir/staging}.
     */
    public S3ObjectStore(Vertx vertx, S3Settings settings, Path localDir) {
        this(vertx, settings, localDir, MAX_PAGE);
    }

    /** With a smaller list/delete page, so tests exercise pagination without thousands of keys. */
    S3ObjectStore(Vertx vertx, S3Settings settings, Path localDir, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE);
        }
        this.vertx = vertx;
        this.bucket = settings.bucket();
        this.pageSize = pageSize;
        this.credentials = settings.credentialsProvider();
        this.s3 = client(settings, credentials);
        this.presigner = presigner(settings, credentials);
        Path local = localDir.toAbsolutePath().normalize();
        this.cache = new LocalFileCache(local.resolve("cache"), settings.cacheMaxBytes(), settings.cachePin());
        this.staging = local.resolve("staging");
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
    }

    private static S3Client client(S3Settings settings, AwsCredentialsProvider credentials) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null) {
            // Since SDK 2.30 uploads carry CRC trailers in aws-chunked bodies and DeleteObjects a CRC32
            // header, which many S3-compatible servers (S3Proxy 2.6 among them) reject: there, checksum only
            // the operations that require one, and those with the classic Content-MD5.
            b.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        return b.build();
    }

    private static S3Presigner presigner(S3Settings settings, AwsCredentialsProvider credentials) {
        S3Presigner.Builder b = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.endpoint() != null) {
            b.endpointOverride(settings.endpoint());
        }
        return b.build();
    }

    public String bucket() {
        return bucket;
    }

    /** The download cache behind {@link #localPath}, for metrics. */
    public LocalFileCache cache() {
        return cache;
    }

    /** How many object bodies {@link #localPath} has downloaded (revalidated hits do not count). */
    public long downloadCount() {
        return downloads.get();
    }

    @Override
    public String kind() {
        return "s3";
    }

    @Override
    public boolean takesDirectUploads() {
        return true;
    }

    @Override
    public Future<Void> put(String key, Buffer data) {
        checkKey(key);
        return blocking(() -> {
            s3.putObject(putRequest(key), RequestBody.fromBytes(data.getBytes()));
            cache.invalidate(key);
            return null;
        });
    }

    /** Uploads {@code file}, then deletes it; if the upload fails the file stays where it was. */
    @Override
    public Future<Void> putFile(String key, Path file) {
        checkKey(key);
        return blocking(() -> {
            s3.putObject(putRequest(key), RequestBody.fromFile(file));
            cache.invalidate(key);
            Files.deleteIfExists(file);
            return null;
        });
    }

    private PutObjectRequest putRequest(String key) {
        return PutObjectRequest.builder().bucket(bucket).key(key).contentType(Keys.contentType(key)).build();
    }

    @Override
    public Future<Buffer> get(String key) {
        checkKey(key);
        return blocking(() -> {
            try {
                ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                return Buffer.buffer(bytes.asByteArrayUnsafe());
            } catch (S3Exception e) {
                throw notFound(e) ? new NoSuchKeyException(key) : e;
            }
        });
    }

    @Override
    public Future<Boolean> exists(String key) {
        checkKey(key);
        return blocking(() -> {
            try {
                s3.headObject(b -> b.bucket(bucket).key(key));
                return true;
            } catch (S3Exception e) {
                // Only 404 means absent; a 403 (e.g. no s3:ListBucket permission) must not read as "no".
                if (notFound(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The size in bytes of {@code key} (a HEAD request), e.g. to enforce the upload limit after a presigned PUT. */
    @Override
    public Future<Long> size(String key) {
        checkKey(key);
        return blocking(() -> {
            try {
                return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
            } catch (S3Exception e) {
                throw notFound(e) ? new NoSuchKeyException(key) : e;
            }
        });
    }

    @Override
    public Future<List<String>> list(String prefix) {
        String folder = folder(prefix);
        return blocking(() -> listBlocking(folder));
    }

    private List<String> listBlocking(String folder) {
        List<String> keys = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder).maxKeys(pageSize))) {
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
        }
        // S3 pages come in UTF-8 byte order; the contract is String order (they differ only beyond the BMP).
        keys.sort(null);
        return keys;
    }

    @Override
    public Future<List<StoredObject>> listObjects(String prefix) {
        String folder = folder(prefix);
        return blocking(() -> {
            List<StoredObject> objects = new ArrayList<>();
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder).maxKeys(pageSize))) {
                for (S3Object o : page.contents()) {
                    objects.add(new StoredObject(o.key(), o.size() == null ? 0 : o.size(), o.lastModified()));
                }
            }
            objects.sort(java.util.Comparator.comparing(StoredObject::key));
            return objects;
        });
    }

    /** Deletes the key {@code prefix} itself (when it does not end in '/') and every key under it as a folder. */
    @Override
    public Future<Void> deletePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.equals("/")) {
            // An empty prefix would empty the whole bucket, every tenant at once: never what a caller means.
            return Future.failedFuture(new IllegalArgumentException("refusing to delete the whole bucket"));
        }
        String folder = folder(prefix);
        return blocking(() -> {
            List<String> keys = new ArrayList<>(listBlocking(folder));
            if (!prefix.endsWith("/")) {
                checkKey(prefix);
                keys.add(prefix); // deleting a missing key is not an error in S3
            }
            for (int from = 0; from < keys.size(); from += pageSize) {
                List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + pageSize)).stream()
                        .map(k -> ObjectIdentifier.builder().key(k).build())
                        .toList();
                DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket)
                        .delete(Delete.builder().objects(batch).quiet(true).build()));
                if (r.hasErrors() && !r.errors().isEmpty()) {
                    var first = r.errors().get(0);
                    throw new IllegalStateException("could not delete " + r.errors().size() + " keys under " + prefix
                            + ", e.g. " + first.key() + ": " + first.code() + " " + first.message());
                }
            }
            cache.invalidate(prefix);
            cache.invalidatePrefix(folder);
            return null;
        });
    }

    /**
     * A cached local copy of {@code key}, revalidated against the bucket (see the class comment). The path
     * stays valid for at least the cache's pin time after this call; see {@link LocalFileCache}.
     */
    @Override
    public Future<Path> localPath(String key) {
        checkKey(key);
        Future<Path> shared = fetching.computeIfAbsent(key, k -> blocking(() -> fetch(k)));
        shared.onComplete(ar -> fetching.remove(key, shared));
        // The shared fetch completes on the first caller's context; hand each caller its result on its own,
        // so a verticle's continuations never run on another verticle's event loop.
        Context caller = vertx.getOrCreateContext();
        Promise<Path> mine = Promise.promise();
        shared.onComplete(ar -> {
            if (Vertx.currentContext() == caller) {
                mine.handle(ar);
            } else {
                caller.runOnContext(v -> mine.handle(ar));
            }
        });
        return mine.future();
    }

    private Path fetch(String key) throws IOException {
        // A 304 whose entry was evicted before we could use it retries unconditionally; only this fetch
        // admits this key, so the second pass downloads.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<LocalFileCache.Entry> cached = cache.peek(key).filter(e -> !e.version().isEmpty());
            Path tmp = cache.newTempFile();
            try {
                GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
                cached.ifPresent(e -> request.ifNoneMatch(e.version()));
                GetObjectResponse response = s3.getObject(request.build(), ResponseTransformer.toFile(tmp));
                downloads.incrementAndGet();
                return cache.admit(key, response.eTag() == null ? "" : response.eTag(), tmp);
            } catch (S3Exception e) {
                if (e.statusCode() == 304 && cached.isPresent()) {
                    Optional<Path> hit = cache.use(key, cached.get().version());
                    if (hit.isPresent()) {
                        return hit.get();
                    }
                    continue;
                }
                if (notFound(e)) {
                    cache.invalidate(key);
                    throw new NoSuchKeyException(key);
                }
                throw e;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        throw new IllegalStateException("could not cache " + key + ": evicted on every attempt");
    }

    /** {@code localDir/staging}, on local disk: uploads are staged here and then {@link #putFile put}. */
    @Override
    public Path stagingDir() {
        return staging;
    }

    /**
     * A URL through which a client may PUT {@code key} directly, with header {@code Content-Type: contentType}
     * (the type is signed: another type gets 403), until {@code expiry} has passed (at most 7 days).
     *
     * <p>The AWS SDK v2 presigner cannot bind a content-length range (only POST policies can), so the URL
     * accepts a body of any size: the node must check the object's {@link #size} before reading it.
     * Signing is local computation, but the first call may resolve credentials (e.g. from the instance
     * metadata service when using the default chain), which can block briefly.
     */
    @Override
    public Optional<URI> presignPut(String key, String contentType, Duration expiry) {
        checkKey(key);
        PutObjectPresignRequest request = PutObjectPresignRequest.builder()
                .signatureDuration(expiry)
                .putObjectRequest(b -> b.bucket(bucket).key(key).contentType(contentType))
                .build();
        return Optional.of(URI.create(presigner.presignPutObject(request).url().toString()));
    }

    @Override
    public void close() {
        s3.close();
        presigner.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing the credential chain only releases refresh threads; nothing to recover.
            }
        }
    }

    private <T> Future<T> blocking(Callable<T> work) {
        return vertx.<T>executeBlocking(work, false).recover(e -> Future.failedFuture(fault(e)));
    }

    /**
     * What a client is told when the bucket fails: 503 storage_unavailable saying what S3 answered (after the SDK's
     * own retries), not a 500 carrying the SDK's text. An absent key stays {@link NoSuchKeyException}.
     */
    static Throwable fault(Throwable e) {
        String what;
        if (e instanceof S3Exception s3e) {
            what = "S3 answered HTTP " + s3e.statusCode() + (s3e.awsErrorDetails() == null || s3e.awsErrorDetails().errorCode() == null
                    ? "" : " " + s3e.awsErrorDetails().errorCode());
        } else if (e instanceof SdkClientException || fromTheSdksHttpClient(e)) {
            what = "S3 could not be reached (" + e.getMessage() + ")";
        } else {
            return e;
        }
        BusError fault = new BusError(503, "storage_unavailable", "the object store failed: " + what,
                "try again shortly; if it persists, check the bucket, S3_ENDPOINT and the credentials");
        fault.initCause(e);
        return fault;
    }

    /**
     * An I/O failure the SDK's URL-connection client lets out unwrapped (an {@link UncheckedIOException}, e.g. a
     * connection closed while it waits for "100 Continue" on a PUT to a failing S3): the bucket's fault, not ours.
     */
    private static boolean fromTheSdksHttpClient(Throwable e) {
        return e instanceof UncheckedIOException && java.util.Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("software.amazon.awssdk.http."));
    }

    private static boolean notFound(S3Exception e) {
        return e.statusCode() == 404 || e instanceof software.amazon.awssdk.services.s3.model.NoSuchKeyException;
    }

    /** A prefix as a folder: "" stays "" (everything), anything else ends in '/'. */
    private static String folder(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        if (prefix.startsWith("/") || prefix.contains("..")) {
            throw new IllegalArgumentException("bad prefix: " + prefix);
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }

    /** The same rule as the local store, so a key valid here is valid there. */
    private static void checkKey(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("..")) {
            throw new IllegalArgumentException("bad key: " + key);
        }
    }
}
