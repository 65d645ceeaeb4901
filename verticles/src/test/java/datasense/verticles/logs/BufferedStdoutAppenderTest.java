package datasense.verticles.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BufferedStdoutAppenderTest {

    private final LoggerContext context = new LoggerContext();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream() {
        @Override
        public void close() {
            closed.set(true);
        }
    };

    BufferedStdoutAppenderTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stopLogging() {
        context.stop();
    }

    @Test
    void anInfoLineWaitsInTheBufferAndAWarnLineWritesItOutInOrder() {
        Logger log = logger(60_000);
        log.info("first");
        log.info("second");
        assertThat(text()).isEmpty();

        log.warn("third");
        assertThat(text()).isEqualTo("INFO first\nINFO second\nWARN third\n");
    }

    @Test
    void anInfoLineIsWrittenWithinTheFlushInterval() throws InterruptedException {
        Logger log = logger(20);
        log.info("soon");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (text().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(text()).isEqualTo("INFO soon\n");
    }

    @Test
    void stoppingWritesTheBufferOutButLeavesTheStreamOpen() {
        Logger log = logger(60_000);
        log.info("last words");
        context.stop();
        assertThat(text()).isEqualTo("INFO last words\n");
        assertThat(closed).isFalse();
    }

    private Logger logger(long flushMillis) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %msg%n");
        encoder.start();
        BufferedStdoutAppender appender = new BufferedStdoutAppender(written);
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setFlushMillis(flushMillis);
        appender.start();
        Logger log = context.getLogger("test");
        log.setLevel(Level.INFO);
        log.addAppender(appender);
        return log;
    }

    private String text() {
        return written.toString(StandardCharsets.UTF_8);
    }
}
