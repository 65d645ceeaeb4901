package datasense.verticles.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node's standard output through a 64 KiB buffer. Logback's {@code ConsoleAppender} writes through
 * {@code System.out}, which flushes on every line: one {@code write(2)} per line, and with the line per request on, that
 * system call was most of the line's cost on a cached answer (docs/BENCHMARKS.md). Here INFO lines wait at most
 * {@code flushMillis} (default 200) to be written, several in one call; a WARN or ERROR line is written at once with
 * everything before it, and the buffer is written out when logging stops or the JVM begins to exit (after which each
 * line is written as it comes). Lines stay whole: the buffer is only ever written up to the end of a line.
 */
public class BufferedStdoutAppender extends OutputStreamAppender<ILoggingEvent> {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream target;
    private long flushMillis = 200;
    private ScheduledExecutorService flusher;
    private Thread onExit;

    /** Writes to the process's standard output (file descriptor 1). */
    public BufferedStdoutAppender() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    /** Writes to {@code target}, which stopping this appender flushes but never closes. */
    BufferedStdoutAppender(OutputStream target) {
        this.target = target;
    }

    /** The longest an INFO line waits in the buffer, in milliseconds (logback.xml: {@code <flushMillis>}). */
    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    @Override
    public void start() {
        if (flushMillis <= 0) {
            addError("flushMillis must be positive, not " + flushMillis);
            return;
        }
        setImmediateFlush(false);
        // stopping the appender closes its stream; standard output must stay open for whoever writes after
        setOutputStream(new BufferedOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, BUFFER_BYTES));
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        onExit = new Thread(() -> {
            setImmediateFlush(true);
            flush();
        }, "log-flush-on-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already exiting: the hook flushes
            }
        }
        super.stop();
    }

    /** BufferedOutputStream's methods are synchronized, so this is safe beside a line being written. */
    private void flush() {
        OutputStream out = getOutputStream();
        if (out == null) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            addError("cannot write the log to standard output", e);
        }
    }
}
