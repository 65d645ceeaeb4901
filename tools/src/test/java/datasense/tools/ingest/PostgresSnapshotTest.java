package datasense.tools.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Postgres snapshot refuses before connecting; the reads themselves are in PostgresSnapshotIT. */
class PostgresSnapshotTest {

    @TempDir
    Path tmp;

    @Test
    void onlyOneSelectIsAQuery() throws Exception {
        assertThat(PostgresSnapshot.checkedQuery("  select 1 ;; ")).isEqualTo("select 1");
        assertThat(PostgresSnapshot.checkedQuery("WITH a AS (SELECT 1) SELECT * FROM a")).startsWith("WITH");
        for (String bad : List.of("delete from t", "select 1; drop table t", "update t set a = 1", "copy t to '/x'")) {
            assertThatThrownBy(() -> PostgresSnapshot.checkedQuery(bad)).isInstanceOf(IngestException.class)
                    .extracting(e -> ((IngestException) e).code()).isEqualTo(IngestException.SOURCE_REFUSED);
        }
    }

    @Test
    void tableNamesAreQuotedIdentifiers() throws Exception {
        assertThat(PostgresSnapshot.qualified("public.orders")).isEqualTo("\"public\".\"orders\"");
        assertThat(PostgresSnapshot.qualified("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThatThrownBy(() -> PostgresSnapshot.qualified("a.b.c")).isInstanceOf(IngestException.class);
        assertThatThrownBy(() -> PostgresSnapshot.qualified("a.")).isInstanceOf(IngestException.class);
    }

    @Test
    void aUrlWithAPasswordOrBothTablesAndAQueryIsRefusedWithoutConnecting() {
        PostgresSnapshot snapshot = new PostgresSnapshot("256MB", 1, 5);
        IngestLimits limits = new IngestLimits(1_000_000, 1_000);
        assertThatThrownBy(() -> snapshot.read(new PostgresSnapshot.Source("postgresql://u:pw@localhost:1/db",
                List.of("t"), null), "pw", tmp, limits)).hasMessageContaining("without a password").hasMessageNotContaining("u:pw");
        assertThatThrownBy(() -> snapshot.read(new PostgresSnapshot.Source("postgresql://u@localhost:1/db",
                List.of("t"), "select 1"), "pw", tmp, limits)).hasMessageContaining("either tables or a query");
        assertThatThrownBy(() -> snapshot.read(new PostgresSnapshot.Source("mysql://u@localhost:1/db",
                List.of("t"), null), "pw", tmp, limits)).isInstanceOf(IngestException.class);
    }
}
