"""Unit tests of the harness's scoring rules (no node needed).

usage: python3 -m unittest eval/test_score.py     (from the project root)
"""
import os, sys, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score  # noqa: E402


def reply(columns, rows, confidence=1.0, best_guess=False):
    return {"results": [{"type": "text", "text": "hi"}, {"type": "table", "columns": columns, "rows": rows},
                        {"type": "table", "columns": ["other"], "rows": [[1]]}],
            "confidence": confidence, "best_guess": best_guess}


def verdict(case, body, status=200):
    return score.score_case(case, status, body)


class DenotationTest(unittest.TestCase):
    case = {"id": "w1", "gold_values": ["1,234", "Oslo"]}

    def test_some_column_as_a_multiset_equals_the_gold_list(self):
        self.assertEqual(verdict(self.case, reply(["x"], [["OSLO"], ["1234"]]))[:2], (True, True))
        self.assertEqual(verdict(self.case, reply(["n", "city"], [[7, "oslo "], [8, 1234]]))[:2], (True, False))

    def test_values_spread_over_two_columns_do_not_match(self):
        self.assertFalse(verdict(self.case, reply(["a", "b"], [["Oslo", 1234]]))[0])

    def test_extra_columns_are_right_but_not_exact(self):
        body = reply(["city", "n"], [["Oslo", 3], ["1234", 4]])
        self.assertEqual(verdict(self.case, body)[:2], (True, False))

    def test_wrong_count_of_rows_is_wrong(self):
        self.assertFalse(verdict(self.case, reply(["x"], [["Oslo"], ["1234"], ["Oslo"]]))[0])

    def test_numbers_to_the_gold_decimals_and_thousands_separators(self):
        self.assertTrue(verdict({"gold_values": ["3.47"]}, reply(["avg"], [[3.4666667]]))[0])
        self.assertFalse(verdict({"gold_values": ["3"]}, reply(["avg"], [[3.4]]))[0])
        self.assertTrue(verdict({"gold_values": ["12467"]}, reply(["d"], [["12,467"]]))[0])
        # thousands grouped by spaces, as SI writes them
        self.assertTrue(verdict({"gold_values": ["3 783 069"]}, reply(["n"], [[3783069]]))[0])
        self.assertFalse(verdict({"gold_values": ["12 May"]}, reply(["n"], [[12]]))[0])

    def test_dates_by_value_when_both_parse(self):
        self.assertTrue(verdict({"gold_values": ["May 3, 1997"]}, reply(["d"], [["1997-05-03"]]))[0])
        self.assertTrue(verdict({"gold_values": ["3 May 1997"]}, reply(["d"], [["1997-05-03 00:00:00"]]))[0])
        self.assertFalse(verdict({"gold_values": ["May 4, 1997"]}, reply(["d"], [["1997-05-03"]]))[0])

    def test_only_the_first_table_counts(self):
        self.assertFalse(verdict({"gold_values": ["1"]}, reply(["x"], [[2]]))[0])


class TableTest(unittest.TestCase):
    case = {"id": "t1", "gold_columns": ["region", "total"], "gold_rows": [["East", 10], ["West", 2.5]]}

    def test_rows_as_a_multiset_when_unordered(self):
        self.assertEqual(verdict(self.case, reply(["total", "region"], [[2.5, "west"], [10.0000000001, " East"]]))[:2],
                         (True, True))

    def test_rows_as_a_sequence_when_ordered(self):
        ordered = dict(self.case, ordered=True)
        self.assertFalse(verdict(ordered, reply(["r", "t"], [["West", 2.5], ["East", 10]]))[0])
        self.assertTrue(verdict(ordered, reply(["r", "t"], [["East", 10], ["West", 2.5]]))[0])

    def test_extra_columns_right_but_not_exact(self):
        right, exact, why = verdict(self.case, reply(["r", "n", "t"], [["East", 4, 10], ["West", 1, 2.5]]))
        self.assertEqual((right, exact), (True, False))
        self.assertIn("extra columns", why)

    def test_a_missing_column_or_row_is_wrong(self):
        self.assertFalse(verdict(self.case, reply(["t"], [[10], [2.5]]))[0])
        self.assertFalse(verdict(self.case, reply(["r", "t"], [["East", 10]]))[0])

    def test_each_gold_column_needs_a_distinct_result_column(self):
        case = {"gold_columns": ["a", "b"], "gold_rows": [[1, 1], [2, 2]]}
        self.assertFalse(verdict(case, reply(["a"], [[1], [2]]))[0])
        self.assertTrue(verdict(case, reply(["a", "b"], [[1, 1], [2, 2]]))[0])

    def test_tolerance_of_the_case(self):
        case = {"gold_columns": ["r"], "gold_rows": [[0.5]], "tolerance": 0.01}
        self.assertTrue(verdict(case, reply(["r"], [[0.504]]))[0])
        self.assertFalse(verdict(dict(case, tolerance=1e-6), reply(["r"], [[0.504]]))[0])

    def test_a_month_written_2024_01_equals_its_first_day(self):
        case = {"gold_columns": ["month", "n"], "gold_rows": [["2024-01", 3], ["2024-02", 4]]}
        self.assertTrue(verdict(case, reply(["m", "n"], [["2024-01-01", 3], ["2024-02-01T00:00:00", 4]]))[0])
        self.assertFalse(verdict(case, reply(["m", "n"], [["2024-01-02", 3], ["2024-02-01", 4]]))[0])

    def test_years_as_numbers_and_quarters_as_text(self):
        case = {"gold_columns": ["y", "q"], "gold_rows": [[2024, "2024-Q1"]]}
        self.assertTrue(verdict(case, reply(["y", "q"], [["2024", "2024-q1"]]))[0])

    def test_a_yes_no_label_equals_the_boolean_the_product_reads_it_as(self):
        case = {"gold_columns": ["member", "n"], "gold_rows": [["Yes", 3], ["No", 4]]}
        self.assertTrue(verdict(case, reply(["m", "n"], [[True, 3], [False, 4]]))[0])
        self.assertTrue(verdict(case, reply(["m", "n"], [["TRUE", 3], ["false", 4]]))[0])
        self.assertFalse(verdict(case, reply(["m", "n"], [[False, 3], [True, 4]]))[0])

    def test_no_table_or_an_error_is_wrong(self):
        self.assertEqual(verdict(self.case, {"results": []})[2], "no table result")
        self.assertFalse(verdict(self.case, {"error": "x"}, status=500)[0])

    def test_tools_case_follows_check_py(self):
        case = {"expect_tools": [{"tool": "trend_plot", "columns": ["Profit"]}]}
        self.assertTrue(verdict(case, {"plan": [{"tool": "trend_plot", "args": {"column": "Profit"}}]})[0])
        self.assertFalse(verdict(case, {"plan": [{"tool": "trend_plot", "args": {"column": "Sales"}}]})[0])


class FlaggedTest(unittest.TestCase):
    case = {"id": "f1", "expect": "flagged"}

    def test_a_confident_table_is_wrong(self):
        self.assertFalse(verdict(self.case, reply(["x"], [[1]], confidence=0.9))[0])

    def test_best_guess_low_confidence_or_no_table_is_right(self):
        self.assertTrue(verdict(self.case, reply(["x"], [[1]], confidence=1.0, best_guess=True))[0])
        self.assertTrue(verdict(self.case, reply(["x"], [[1]], confidence=0.79))[0])
        self.assertTrue(verdict(self.case, {"results": [{"type": "text", "text": "?"}], "confidence": 1.0})[0])

    def test_a_client_error_declines_but_a_server_error_does_not(self):
        self.assertTrue(verdict(self.case, {"error": "bad_request"}, status=400)[0])
        self.assertFalse(verdict(self.case, {"error": "internal"}, status=500)[0])


class SummaryTest(unittest.TestCase):
    def pred(self, right, confidence, best_guess=False, has_table=True, cls="1"):
        return {"right": right, "exact": right, "class": cls, "confidence": confidence, "best_guess": best_guess,
                "has_table": has_table, "chart_asked": None, "chart_kinds": [], "ms": 10.0}

    def test_calibration_buckets_and_unflagged_shares(self):
        preds = [self.pred(True, 1.0), self.pred(False, 1.0), self.pred(False, 0.85), self.pred(False, 0.9, True),
                 self.pred(False, 0.5), self.pred(True, 0.2), self.pred(False, None, has_table=False)]
        s = score.summary(preds)
        self.assertEqual(s["buckets"]["1.0"], [2, 1])
        self.assertEqual(s["buckets"]["[0.8,1.0)"], [2, 0])
        self.assertEqual(s["buckets"]["[0.2,0.4)"], [1, 1])
        self.assertEqual(s["buckets"]["none"], [1, 0])
        self.assertEqual(s["confident"], (1, 3))
        self.assertEqual(s["wrong_unflagged"], 2)
        self.assertEqual(s["wrong_not_best_guess"], 4)


if __name__ == "__main__":
    unittest.main()
