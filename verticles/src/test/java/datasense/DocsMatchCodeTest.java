package datasense;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import datasense.agent.JobEvent;
import datasense.verticles.bus.Address;
import datasense.verticles.bus.JobEvents;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents say what the code does: docs/event-bus.md lists exactly the addresses of {@link Address} and the
 * job events of {@link JobEvent} with their fields; the README's settings table lists every setting of
 * {@link NodeConfig}.
 */
class DocsMatchCodeTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (with docs/)").isNotNull();
        return dir;
    }

    /** The rows of the first table after the heading {@code heading}, each as its cells. */
    static List<List<String>> table(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int at = lines.indexOf(heading);
        assertThat(at).as("heading " + heading).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(at + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("|")) {
                inTable = true;
                // split on cell bars, not on escaped ones (\|) inside a cell
                List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|")).map(String::trim).toList();
                if (!cells.get(0).startsWith("---") && !cells.get(0).equals("address") && !cells.get(0).equals("event")) {
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyAddressInTheCodeIsDocumentedAndNoOther() throws Exception {
        Set<String> inCode = new LinkedHashSet<>();
        for (Field field : Address.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                inCode.add((String) field.get(null));
            }
        }
        inCode.add(Address.tool("<name>"));
        inCode.add(Address.jobEvents("<job_id>"));
        inCode.add(Address.jobAlive("<job_id>"));
        inCode.add(Address.agentHolds("<agent>"));
        inCode.add(Address.clientJob("<tenant>", "<job_id>"));
        Set<String> documented = new LinkedHashSet<>();
        for (List<String> row : table(Files.readString(root().resolve("docs/event-bus.md")), "## Addresses")) {
            documented.addAll(codes(row.get(0)));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(inCode);
    }

    @Test
    void theJobEventsTableListsEveryEventRecordWithItsFields() throws IOException {
        Map<String, Set<String>> inCode = new LinkedHashMap<>();
        for (JsonSubTypes.Type type : JobEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            Set<String> fields = new LinkedHashSet<>();
            for (RecordComponent component : type.value().getRecordComponents()) {
                fields.add(SNAKE.translate(component.getName()));
            }
            fields.remove("job_id"); // in every event, like v and event
            inCode.put(type.name(), fields);
        }
        assertThat(inCode.keySet()).as("every permitted event type is named")
                .hasSize(JobEvent.class.getPermittedSubclasses().length);
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (List<String> row : table(Files.readString(root().resolve("docs/event-bus.md")), "## Job events")) {
            documented.put(codes(row.get(0)).get(0), new LinkedHashSet<>(codes(row.get(1))));
        }
        assertThat(documented).isEqualTo(inCode);
    }

    @Test
    void everyEventGoesOnTheWireVersionedAndInSnakeCase() {
        List<JobEvent> events = List.of(
                new JobEvent.Started("j_1", "n1"),
                new JobEvent.Resumed("j_1", "n2"),
                new JobEvent.Planned("j_1", 2, "offline", "Total of Sales by Region", 0.9, false, null),
                new JobEvent.StepStarted("j_1", 0, "sql_executor", "sales by region", 1),
                new JobEvent.StepFinished("j_1", 0, "sql_executor", "ok", 12, "4 rows", null, null),
                new JobEvent.StepRetried("j_1", 0, "sql_executor", 2, "no heartbeat for 2600 ms"),
                new JobEvent.Reflected("j_1", "next_step", 0),
                new JobEvent.Answered("j_1", null, 0, 0.9),
                new JobEvent.Done("j_1", Map.of("answer", "North leads")),
                new JobEvent.Failed("j_1", new JobEvent.Error("unknown_file_id", "no file", null, 400)));
        for (JobEvent event : events) {
            JsonObject json = JobEvents.toJson(event);
            assertThat(json.getInteger("v")).isEqualTo(JobEvent.VERSION);
            assertThat(json.getString("job_id")).isEqualTo("j_1");
            assertThat(json.getString("event")).isNotBlank();
            assertThat(json.fieldNames()).allMatch(name -> name.equals(name.toLowerCase()), "snake_case");
            assertThat(JobEvents.fromJson(json)).isEqualTo(event);
        }
        assertThat(JobEvents.toJson(events.get(4)).getLong("duration_ms")).isEqualTo(12);
    }

    @Test
    void theReadmeTableListsEverySetting() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        Set<String> documented = new LinkedHashSet<>();
        for (List<String> row : table(readme, "## Configuration")) {
            documented.addAll(codes(row.get(0)));
        }
        assertThat(documented).containsAll(NodeConfig.SETTINGS.keySet());
    }
}
