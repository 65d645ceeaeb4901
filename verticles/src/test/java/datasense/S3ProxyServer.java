package datasense;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server in this JVM for tests: S3Proxy on a free loopback port over jclouds' in-memory
 * "transient" blob store. It enforces AWS V2/V4 signatures for one access key, so a bad signature really
 * gets 403. In-memory rather than S3Proxy's file-system store because that one cannot hold a key and a
 * folder of the same name ({@code a/b} and {@code a/b/c}), which S3 can.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "datasense-test";
    public static final String SECRET_KEY = "datasense-test-secret-0123456789";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy, URI endpoint) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts a server with an empty store; create buckets through the S3 API. */
    public static S3ProxyServer start() throws Exception {
        return start(null);
    }

    /**
     * As {@link #start()}, answering browsers of any origin (CORS: PUT, GET and HEAD, any request header), as a bucket
     * must for the dashboard to upload to it straight from the page; null: no CORS, as S3 without a CORS configuration.
     */
    public static S3ProxyServer startForBrowsers() throws Exception {
        return start(new CrossOriginResourceSharing(List.of("*"), List.of("GET", "HEAD", "PUT"), List.of("*"), List.of("ETag"), "false"));
    }

    private static S3ProxyServer start(CrossOriginResourceSharing cors) throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // S3Proxy 2.6 answers 501 to headers it does not know, such as the x-amz-checksum-crc32 that
                // SDK 2.30+ always puts on DeleteObjects; AWS and current MinIO accept it. Signatures still count.
                .ignoreUnknownHeaders(true);
        if (cors != null) {
            builder.corsRules(cors);
        }
        S3Proxy proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(context, proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A plain SDK client of this server, to look at and change buckets behind a store's back. */
    public S3Client client() {
        return S3Client.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
