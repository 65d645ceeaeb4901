package datasense.verticles.store;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.verticles.bus.BusError;
import java.io.UncheckedIOException;
import java.net.SocketException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a client is told when the bucket's connection fails in ways the SDK does not wrap. */
@Tag("fault")
class S3FaultsTest {

    @Test
    void anIoFailureOutOfTheSdksHttpClientIsStorageUnavailable() {
        UncheckedIOException io = new UncheckedIOException(new SocketException("Unexpected end of file from server"));
        io.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient$RequestCallable", "call", null, 1)});
        Throwable fault = S3ObjectStore.fault(io);
        assertThat(fault).isInstanceOf(BusError.class);
        assertThat(((BusError) fault).status()).isEqualTo(503);
        assertThat(((BusError) fault).body().encode()).contains("storage_unavailable")
                .contains("S3 could not be reached").contains("Unexpected end of file from server");
    }

    @Test
    void anIoFailureOfOurOwnStaysWhatItIs() {
        UncheckedIOException io = new UncheckedIOException(new SocketException("disk"));
        io.setStackTrace(new StackTraceElement[]{new StackTraceElement("datasense.verticles.store.LocalFileCache", "put", null, 1)});
        assertThat(S3ObjectStore.fault(io)).isSameAs(io);
    }
}
