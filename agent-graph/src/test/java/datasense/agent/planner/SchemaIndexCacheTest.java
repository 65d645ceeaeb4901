package datasense.agent.planner;

import static org.assertj.core.api.Assertions.assertThat;

import datasense.tools.ColumnProfile;
import datasense.tools.SchemaInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaIndexCacheTest {

    private static SchemaInfo harvest(String greenhouse) {
        // built anew each call, as a node decodes each question's schema from JSON
        return new SchemaInfo("harvest", 120, new ArrayList<>(List.of(
                new ColumnProfile("greenhouse", "VARCHAR", 0, 2, "A", greenhouse, List.of("North (N1)", greenhouse)),
                new ColumnProfile("crop", "VARCHAR", 0, 3, "basil", "tomato", List.of("basil", "mint", "tomato")),
                new ColumnProfile("kilos", "DOUBLE", 0, 100, "0.5", "40", List.of("1.5", "2.0")))));
    }

    @Test
    void anEqualSchemaDecodedAgainReusesItsIndexAndAChangedOneDoesNot() {
        SchemaIndex first = SchemaLinker.index(harvest("South (S2)"));
        SchemaIndex again = SchemaLinker.index(harvest("South (S2)"));
        SchemaIndex changed = SchemaLinker.index(harvest("West (W3)"));

        assertThat(again).isSameAs(first);
        assertThat(changed).isNotSameAs(first);
        // a question linked against a schema decoded once more uses that index, and links its words
        LinkedQuestion linked = SchemaLinker.link("total kilos of basil by greenhouse", harvest("South (S2)"));
        assertThat(linked.index()).isSameAs(first);
        assertThat(linked.mentions().toString()).contains("kilos", "basil", "greenhouse");
    }
}
