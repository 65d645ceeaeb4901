package datasense.verticles.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * A write stream that passes bytes to another until more than {@code maxBytes} arrive, then fails with
 * {@link TooLargeException}; piping a request into it bounds an upload without buffering it.
 */
final class SizeLimitedStream implements WriteStream<Buffer> {

    /** The stream received more than its limit. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(long maxBytes) {
            super("upload is larger than the limit of " + maxBytes + " bytes");
        }
    }

    private final WriteStream<Buffer> delegate;
    private final long maxBytes;
    private long written;

    SizeLimitedStream(WriteStream<Buffer> delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    long written() {
        return written;
    }

    @Override
    public Future<Void> write(Buffer data) {
        written += data.length();
        if (written > maxBytes) {
            return Future.failedFuture(new TooLargeException(maxBytes));
        }
        return delegate.write(data);
    }

    /** True once more than the limit arrived: whatever else then failed (the pipe, the file), the upload was too large. */
    boolean overflowed() {
        return written > maxBytes;
    }

    @Override
    public Future<Void> end() {
        return delegate.end();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        delegate.exceptionHandler(handler);
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        delegate.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return delegate.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        delegate.drainHandler(handler);
        return this;
    }
}
