package datasense.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutliersTest {

    @Test
    void valuesBeyondTheIqrFencesAreFoundHighAndLowFarthestFirst() {
        // q1 = 10, q3 = 12, IQR 2: fences 7 and 15.
        List<Double> v = List.of(10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 10.0, 50.0, 2.0);

        assertThat(Outliers.find(v)).containsExactly(new Outliers.Outlier(7, 50.0, true),
                new Outliers.Outlier(8, 2.0, false));
    }

    @Test
    void valuesJustInsideTheFencesAndTooFewValuesAreNotOutliers() {
        // q1 = 10.75, q3 = 12.25, IQR 1.5: fences 8.5 and 14.5, and 14.5 itself is inside.
        assertThat(Outliers.find(List.of(10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 10.0, 14.5))).isEmpty();
        // Seven values are too few for quartiles to call 1,000 an outlier.
        assertThat(Outliers.find(List.of(1.0, 2.0, 3.0, 2.0, 1.0, 2.0, 1000.0))).isEmpty();
    }

    @Test
    void withAZeroIqrOnlyTheZScoreRuleApplyAndNeedsEnoughValues() {
        List<Double> v = new ArrayList<>(Collections.nCopies(12, 5.0));
        v.add(100.0); // z = 3.46 with 13 values
        assertThat(Outliers.find(v)).containsExactly(new Outliers.Outlier(12, 100.0, true));

        List<Double> few = new ArrayList<>(Collections.nCopies(9, 5.0));
        few.add(100.0); // z = 3.0 at most with 10 values; IQR 0 fences nothing
        assertThat(Outliers.find(few)).isEmpty();
    }

    @Test
    void missingValuesAreSkippedButIndexesStayThoseOfTheInput() {
        List<Double> v = new ArrayList<>(List.of(10.0, 12.0, 11.0, 13.0, 12.0, 11.0, 10.0, 50.0));
        v.add(0, null);
        assertThat(Outliers.find(v)).extracting(Outliers.Outlier::index).containsExactly(8);
        assertThat(Outliers.quantile(new double[]{1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    }
}
