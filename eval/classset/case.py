"""How a class-set case is written: the question, its gold SQL (sqlite, over the invented table) and its tags.

The gold SQL may use three helper functions that eval/build_classset.py registers in sqlite:
  dayname(ts)   'Monday' .. 'Sunday'
  quarter(d)    '2024-Q1'
  median(x)     the median (an aggregate; the mean of the two middle values for an even count)
"""


def C(table, cls, question, sql, ordered=False, chart=None, series=False, tolerance=None):
    """A scored case. cls: 1-9 or 'basic'; ordered: the question demands an order; chart: the chart kind asked."""
    c = {"table": table, "class": cls, "question": question, "gold_sql": " ".join(sql.split())}
    if ordered:
        c["ordered"] = True
    if chart:
        c["chart"] = chart
    if series:
        c["series"] = True
    if tolerance:
        c["tolerance"] = tolerance
    return c


def T(table, cls, question, tool, columns, chart=None):
    """A tools case (check.py's kind): the plan must call `tool` on each of `columns`."""
    c = {"table": table, "class": cls, "question": question, "expect_tools": [{"tool": tool, "columns": columns}]}
    if chart:
        c["chart"] = chart
    return c


def F(table, question, why):
    """A question whose right answer is to decline or to say it is unsure."""
    return {"table": table, "class": "flagged", "question": question, "expect": "flagged", "why_flagged": why}
