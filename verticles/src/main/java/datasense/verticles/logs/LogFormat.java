package datasense.verticles.logs;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Chooses the node's log format at start ({@code DATASENSE_LOG_FORMAT}): {@code text}, logback.xml's readable lines
 * (the ids of a failure printed after its message), or {@code json}, logback-json.xml: one JSON object per line by
 * logback's own JsonEncoder, the ids of a failure as fields of its {@code mdc} object, for a log pipeline to index.
 */
public final class LogFormat {

    private LogFormat() {
    }

    /** Reconfigures logback for {@code format} (text: as it is). Called once, before the node starts. */
    public static void apply(String format) {
        if (!"json".equals(format) || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        context.reset();
        try {
            configurator.doConfigure(LogFormat.class.getResource("/logback-json.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure JSON logs: " + e.getMessage(), e);
        }
    }
}
