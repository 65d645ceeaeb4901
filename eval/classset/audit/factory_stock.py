"""Audit module (written blind): a factory's quality lab and a warehouse stock ledger.

quality_inspections (480 rows): one row per inspected production batch, 2024-01-02 .. 2024-06-29.
  batch_code        unique batch id 'QB-24-0001' ..
  line              production line L1 .. L5 (L4 is the weakest line, L2 the best)
  product           8 products whose names share prefixes: Hinge Standard, Hinge Soft-Close,
                    Hinge Soft-Close Pro, Bracket 40mm, Bracket 60mm, Bracket Heavy Duty, Handle Classic, Handle Slim
  shift             morning (06-14), evening (14-22), night (22-06); agrees with the hour of inspected_at
  inspected_at      ISO timestamp 'YYYY-MM-DD HH:MM:SS'
  inspector         6 inspectors (repeat over rows)
  units_inspected   units sampled from the batch (40 .. 320)
  defects_found     defective units among them (0 ..), higher on L4 and at night
  weight_deviation_g  mean weight minus target weight in grams, one decimal; negative = underweight
  passed            'yes' / 'no': yes when the defect rate is at most 5 % and |deviation| is at most 3.0 g
  rework_hours      hours of rework booked for a failed batch; BLANK when the batch passed (nothing to rework)

stock_movements (520 rows): one row per stock movement in a warehouse ledger, 2024-01-02 .. 2024-09-30.
  movement_id       unique 'MV-00001' ..
  sku               12 SKUs that repeat over rows, sharing prefixes: BOLT-M6-20, BOLT-M6-40, BOLT-M8-40,
                    BOLT-M10-60, NUT-M6, NUT-M8, NUT-M10, WASHER-M6, WASHER-M8, SCREW-WOOD-4x40,
                    SCREW-WOOD-5x60, ANCHOR-8 (quantities are in boxes)
  warehouse         Rotterdam, Hamburg, Antwerp, Lyon
  movement_type     receipt (goods in from a supplier, +), shipment (goods out to a customer, -),
                    adjustment (stock count correction, + or -), return (goods sent back to the supplier, -)
  quantity          boxes, signed: negative for outflows (shipments, returns, negative adjustments)
  unit_cost         EUR per box (receipts at the supplier's price, other movements at the standard cost)
  movement_date     ISO date 'YYYY-MM-DD'
  supplier          the supplier of a receipt or of a return; BLANK for shipments and adjustments (no supplier involved)
  damaged           'TRUE' / 'FALSE': goods found damaged in the movement
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F

# ---- tables ----------------------------------------------------------------------------------------------------

PRODUCTS = [("Hinge Standard", 0.0, 1.0), ("Hinge Soft-Close", 0.4, 1.2), ("Hinge Soft-Close Pro", 0.2, 0.9),
            ("Bracket 40mm", -0.3, 1.3), ("Bracket 60mm", -0.6, 1.5), ("Bracket Heavy Duty", 0.8, 1.8),
            ("Handle Classic", 0.1, 1.1), ("Handle Slim", -0.2, 0.8)]
LINES = {"L1": (0.025, [0, 1, 6, 7]), "L2": (0.015, [1, 2, 7]), "L3": (0.03, [3, 4, 5]), "L4": (0.05, [3, 4, 5, 0]),
         "L5": (0.028, [6, 7, 2, 1])}
INSPECTORS = ["Anna Novak", "Ben Osei", "Carla Ramos", "David Lindqvist", "Emi Tanaka", "Farah Aziz"]


def quality_inspections():
    rng = random.Random(8801)
    cols = [("batch_code", "TEXT"), ("line", "TEXT"), ("product", "TEXT"), ("shift", "TEXT"),
            ("inspected_at", "TEXT"), ("inspector", "TEXT"), ("units_inspected", "INTEGER"),
            ("defects_found", "INTEGER"), ("weight_deviation_g", "REAL"), ("passed", "TEXT"), ("rework_hours", "REAL")]
    insp_w = [9, 7, 8, 5, 6, 4]
    rows = []
    for _ in range(480):
        line = rng.choices(list(LINES), [10, 9, 8, 7, 6])[0]
        base_rate, prods = LINES[line]
        name, mu, sd = PRODUCTS[rng.choice(prods)]
        shift = rng.choices(["morning", "evening", "night"], [5, 4, 2])[0]
        start = {"morning": 6, "evening": 14, "night": 22}[shift]
        day = date(2024, 1, 2) + timedelta(days=rng.randrange(180))
        ts = datetime(day.year, day.month, day.day) + timedelta(hours=start, minutes=rng.randrange(8 * 60),
                                                                seconds=rng.randrange(60))
        units = rng.randint(40, 320)
        rate = base_rate * (1.5 if shift == "night" else 1.0) * rng.uniform(0.2, 2.0)
        defects = sum(1 for _ in range(units) if rng.random() < rate)
        dev = round(rng.gauss(mu, sd), 1) + 0.0
        passed = "yes" if defects <= 0.05 * units and abs(dev) <= 3.0 else "no"
        rework = None if passed == "yes" else round(0.5 + defects * rng.uniform(0.05, 0.25) + rng.uniform(0, 2), 1)
        rows.append([None, line, name, shift, ts.strftime("%Y-%m-%d %H:%M:%S"), rng.choices(INSPECTORS, insp_w)[0],
                     units, defects, dev, passed, rework])
    rows.sort(key=lambda r: r[4])
    for i, r in enumerate(rows):
        r[0] = "QB-24-%04d" % (i + 1)
    return cols, rows


SKUS = [("BOLT-M6-20", 4.80, "Fastenix BV"), ("BOLT-M6-40", 6.20, "Fastenix BV"), ("BOLT-M8-40", 9.50, "Nordic Bolt AB"),
        ("BOLT-M10-60", 14.90, "Nordic Bolt AB"), ("NUT-M6", 2.10, "Fastening Solutions GmbH"),
        ("NUT-M8", 2.90, "Fastening Solutions GmbH"), ("NUT-M10", 3.80, "Nordic Bolt AB"),
        ("WASHER-M6", 1.20, "Fastening Solutions GmbH"), ("WASHER-M8", 1.50, "Fastenix BV"),
        ("SCREW-WOOD-4x40", 3.40, "Ironclad Supply"), ("SCREW-WOOD-5x60", 4.60, "Ironclad Supply"),
        ("ANCHOR-8", 11.75, "Ironclad Supply")]
SUPPLIERS = ["Fastenix BV", "Fastening Solutions GmbH", "Nordic Bolt AB", "Ironclad Supply"]
PRICE = {"Fastenix BV": 1.0, "Fastening Solutions GmbH": 0.96, "Nordic Bolt AB": 1.05, "Ironclad Supply": 0.98}


def stock_movements():
    rng = random.Random(8802)
    cols = [("movement_id", "TEXT"), ("sku", "TEXT"), ("warehouse", "TEXT"), ("movement_type", "TEXT"),
            ("quantity", "INTEGER"), ("unit_cost", "REAL"), ("movement_date", "TEXT"), ("supplier", "TEXT"),
            ("damaged", "TEXT")]
    sku_w = [9, 7, 8, 4, 10, 8, 5, 9, 6, 7, 5, 3]
    rows = []
    for _ in range(520):
        sku, cost, main_supplier = rng.choices(SKUS, sku_w)[0]
        wh = rng.choices(["Rotterdam", "Hamburg", "Antwerp", "Lyon"], [10, 7, 6, 3])[0]
        kind = rng.choices(["receipt", "shipment", "adjustment", "return"], [28, 50, 12, 10])[0]
        d = date(2024, 1, 2) + timedelta(days=rng.randrange(273))
        supplier = None
        if kind in ("receipt", "return"):
            supplier = main_supplier if rng.random() < 0.75 else rng.choice(SUPPLIERS)
        if kind == "receipt":
            qty = rng.choice([50, 100, 150, 200, 250, 300, 400, 500]) + rng.choice([0, 0, 0, 20, 40])
            unit_cost = round(cost * PRICE[supplier] * rng.uniform(0.97, 1.06), 2)
            damaged = rng.random() < 0.05
        elif kind == "shipment":
            qty = -rng.randint(10, 250)
            unit_cost = cost
            damaged = rng.random() < 0.015
        elif kind == "adjustment":
            qty = rng.choice([-1, -1, 1]) * rng.randint(1, 15)
            unit_cost = cost
            damaged = qty < 0 and rng.random() < 0.5
        else:
            qty = -rng.randint(5, 40)
            unit_cost = cost
            damaged = rng.random() < 0.45
        rows.append([None, sku, wh, kind, qty, unit_cost, d.isoformat(), supplier, "TRUE" if damaged else "FALSE"])
    rows.sort(key=lambda r: r[6])
    for i, r in enumerate(rows):
        r[0] = "MV-%05d" % (i + 1)
    return cols, rows


TABLES = {"quality_inspections": quality_inspections, "stock_movements": stock_movements}

QI, SM = "quality_inspections", "stock_movements"

CASES = [
    # ---- quality_inspections -------------------------------------------------------------------------------
    # class 1: the measure behind a count word
    C(QI, 1, "How many batches did we inspect on line L4?",
      "SELECT COUNT(*) FROM quality_inspections WHERE line = 'L4'"),
    C(QI, 1, "How many units were inspected in total in March 2024?",
      "SELECT SUM(units_inspected) FROM quality_inspections WHERE substr(inspected_at, 1, 7) = '2024-03'"),
    C(QI, 1, "how many defects did each inspector find",
      "SELECT inspector, SUM(defects_found) FROM quality_inspections GROUP BY inspector"),
    C(QI, 1, "How many different products come off line L1?",
      "SELECT COUNT(DISTINCT product) FROM quality_inspections WHERE line = 'L1'"),
    C(QI, 1, "How many failed batches were there on the night shift?",
      "SELECT COUNT(*) FROM quality_inspections WHERE passed = 'no' AND shift = 'night'"),
    # class 2: per X
    C(QI, 2, "What is the average number of defects per batch?",
      "SELECT AVG(defects_found) FROM quality_inspections"),
    C(QI, 2, "Average defects per batch for each production line",
      "SELECT line, AVG(defects_found) FROM quality_inspections GROUP BY line"),
    C(QI, 2, "Total rework hours per product",
      "SELECT product, SUM(rework_hours) FROM quality_inspections GROUP BY product"),
    C(QI, 2, "On average how many units do we pull for inspection per batch?",
      "SELECT AVG(units_inspected) FROM quality_inspections"),
    C(QI, 2, "What's the average rework time per failed batch, in hours?",
      "SELECT AVG(rework_hours) FROM quality_inspections WHERE passed = 'no'"),
    # class 3: lost filters
    C(QI, 3, "How many batches were underweight by more than 2 grams?",
      "SELECT COUNT(*) FROM quality_inspections WHERE weight_deviation_g < -2"),
    C(QI, 3, "Break down the total defects of all the Hinge products by product",
      "SELECT product, SUM(defects_found) FROM quality_inspections WHERE product LIKE 'Hinge%' GROUP BY product"),
    C(QI, 3, "Which lines had more than 100 batches inspected?",
      "SELECT line FROM quality_inspections GROUP BY line HAVING COUNT(*) > 100"),
    C(QI, 3, "How many batches needed more rework hours than the average failed batch?",
      "SELECT COUNT(*) FROM quality_inspections WHERE rework_hours > (SELECT AVG(rework_hours) FROM quality_inspections)"),
    C(QI, 3, "How many batches from line L3 or L4 failed?",
      "SELECT COUNT(*) FROM quality_inspections WHERE line IN ('L3', 'L4') AND passed = 'no'"),
    C(QI, 3, "Count the batches that were more than 3 g off target weight in either direction",
      "SELECT COUNT(*) FROM quality_inspections WHERE ABS(weight_deviation_g) > 3"),
    # class 4: explicit order and shape
    C(QI, 4, "Top 3 products by total defects found, highest first",
      "SELECT product, SUM(defects_found) AS d FROM quality_inspections GROUP BY product ORDER BY d DESC LIMIT 3",
      ordered=True),
    C(QI, 4, "List the inspectors in alphabetical order with the number of batches each one checked",
      "SELECT inspector, COUNT(*) FROM quality_inspections GROUP BY inspector ORDER BY inspector", ordered=True),
    C(QI, 4, "Rank the production lines from best to worst pass rate",
      "SELECT line, AVG(passed = 'yes') AS r FROM quality_inspections GROUP BY line ORDER BY r DESC", ordered=True),
    C(QI, 4, "Show the 5 batches with the most rework hours, largest first (batch code and hours)",
      "SELECT batch_code, rework_hours FROM quality_inspections WHERE rework_hours IS NOT NULL "
      "ORDER BY rework_hours DESC LIMIT 5", ordered=True),
    C(QI, 4, "Sort the shifts by total units inspected, smallest first",
      "SELECT shift, SUM(units_inspected) AS u FROM quality_inspections GROUP BY shift ORDER BY u", ordered=True),
    # class 5: several columns / series / scatter of aggregates
    C(QI, 5, "Bar chart of defects by line, split by shift",
      "SELECT line, shift, SUM(defects_found) FROM quality_inspections GROUP BY line, shift", chart="bar", series=True),
    C(QI, 5, "For each line, show total units inspected and total defects found",
      "SELECT line, SUM(units_inspected), SUM(defects_found) FROM quality_inspections GROUP BY line"),
    C(QI, 5, "Scatter plot of average weight deviation against average defects per batch, one point per product",
      "SELECT product, AVG(weight_deviation_g), AVG(defects_found) FROM quality_inspections GROUP BY product",
      chart="scatter"),
    C(QI, 5, "Stacked bar chart of passed vs failed batches per month",
      "SELECT substr(inspected_at, 1, 7), passed, COUNT(*) FROM quality_inspections GROUP BY 1, 2",
      chart="bar", series=True),
    C(QI, 5, "For every inspector give me the number of batches inspected and how many of them failed",
      "SELECT inspector, COUNT(*), SUM(passed = 'no') FROM quality_inspections GROUP BY inspector"),
    # class 6: the analysis kind
    C(QI, 6, "Box plot of weight deviation by product",
      "SELECT product, MIN(weight_deviation_g), median(weight_deviation_g), MAX(weight_deviation_g) "
      "FROM quality_inspections GROUP BY product", chart="box"),
    C(QI, 6, "Histogram of defects found per batch, bins of 5 defects",
      "SELECT CAST(defects_found / 5 AS INTEGER) * 5 AS lo, COUNT(*) FROM quality_inspections GROUP BY lo",
      chart="histogram"),
    T(QI, 6, "Show me the distribution of units inspected per batch", "distribution_plot", ["units_inspected"],
      chart="histogram"),
    C(QI, 6, "Is there a correlation between the number of units inspected and the defects found? Give the coefficient",
      "SELECT (AVG(units_inspected * defects_found) - AVG(units_inspected) * AVG(defects_found)) / "
      "(SQRT(AVG(units_inspected * units_inspected) - AVG(units_inspected) * AVG(units_inspected)) * "
      "SQRT(AVG(defects_found * defects_found) - AVG(defects_found) * AVG(defects_found))) FROM quality_inspections",
      tolerance=1e-4),
    C(QI, 6, "Scatter of units inspected vs defects found for the line L5 batches",
      "SELECT units_inspected, defects_found FROM quality_inspections WHERE line = 'L5'", chart="scatter"),
    C(QI, 6, "box plot of rework hours per line",
      "SELECT line, MIN(rework_hours), median(rework_hours), MAX(rework_hours) FROM quality_inspections "
      "GROUP BY line", chart="box"),
    # class 7: derived measures
    C(QI, 7, "What is the overall defect rate for each shift, meaning total defects divided by total units inspected?",
      "SELECT shift, SUM(defects_found) * 1.0 / SUM(units_inspected) FROM quality_inspections GROUP BY shift"),
    C(QI, 7, "Number of inspections by day of the week",
      "SELECT dayname(inspected_at), COUNT(*) FROM quality_inspections GROUP BY 1"),
    C(QI, 7, "Month over month percent change in the number of failed batches",
      "SELECT m, (n - p) * 100.0 / p FROM (SELECT m, n, LAG(n) OVER (ORDER BY m) AS p FROM "
      "(SELECT substr(inspected_at, 1, 7) AS m, COUNT(*) AS n FROM quality_inspections WHERE passed = 'no' "
      "GROUP BY m)) WHERE p IS NOT NULL ORDER BY m", ordered=True),
    C(QI, 7, "Running total of units inspected by month",
      "SELECT m, SUM(u) OVER (ORDER BY m) FROM (SELECT substr(inspected_at, 1, 7) AS m, SUM(units_inspected) AS u "
      "FROM quality_inspections GROUP BY m) ORDER BY m", ordered=True),
    C(QI, 7, "Which hour of the day sees the most inspections?",
      "SELECT CAST(substr(inspected_at, 12, 2) AS INTEGER) AS h FROM quality_inspections GROUP BY h "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    C(QI, 7, "Pass rate by month as a percentage",
      "SELECT substr(inspected_at, 1, 7), 100.0 * SUM(passed = 'yes') / COUNT(*) FROM quality_inspections GROUP BY 1"),
    # class 8: words about the chart
    C(QI, 8, "Line chart of the number of batches inspected each month, month on the x axis",
      "SELECT substr(inspected_at, 1, 7) AS m, COUNT(*) FROM quality_inspections GROUP BY m ORDER BY m",
      chart="line", ordered=True),
    C(QI, 8, "Pie chart of the number of batches by shift",
      "SELECT shift, COUNT(*) FROM quality_inspections GROUP BY shift", chart="pie"),
    C(QI, 8, "Visualize the average weight deviation for each product as a horizontal bar chart, product names on the y axis",
      "SELECT product, AVG(weight_deviation_g) FROM quality_inspections GROUP BY product", chart="bar"),
    C(QI, 8, "Display a bar chart of rework hours by inspector with the total hours on the y axis",
      "SELECT inspector, SUM(rework_hours) FROM quality_inspections GROUP BY inspector", chart="bar"),
    C(QI, 8, "Histogram of weight deviation using 0.5 gram bins",
      "SELECT (CAST(floor(weight_deviation_g / 0.5) AS INTEGER)) * 0.5 AS lo, COUNT(*) FROM quality_inspections "
      "GROUP BY lo", chart="histogram"),
    # class 9: the shape of the answer
    C(QI, 9, "Which line had the most defects?",
      "SELECT line FROM quality_inspections GROUP BY line ORDER BY SUM(defects_found) DESC LIMIT 1"),
    C(QI, 9, "What's the highest number of defects found in a single batch?",
      "SELECT MAX(defects_found) FROM quality_inspections"),
    C(QI, 9, "Just give me the number: how many batches failed in Q2?",
      "SELECT COUNT(*) FROM quality_inspections WHERE quarter(inspected_at) = '2024-Q2' AND passed = 'no'"),
    C(QI, 9, "Who inspected the most batches, and how many?",
      "SELECT inspector, COUNT(*) AS n FROM quality_inspections GROUP BY inspector ORDER BY n DESC LIMIT 1"),
    C(QI, 9, "Which product has the lowest pass rate? Just the name",
      "SELECT product FROM quality_inspections GROUP BY product ORDER BY AVG(passed = 'yes') LIMIT 1"),
    # basic
    C(QI, "basic", "What percentage of all batches passed inspection?",
      "SELECT 100.0 * SUM(passed = 'yes') / COUNT(*) FROM quality_inspections"),
    C(QI, "basic", "Total rework hours on line L4 in the first quarter of 2024",
      "SELECT SUM(rework_hours) FROM quality_inspections WHERE line = 'L4' AND quarter(inspected_at) = '2024-Q1'"),
    C(QI, "basic", "Number of failed batches per product",
      "SELECT product, COUNT(*) FROM quality_inspections WHERE passed = 'no' GROUP BY product"),
    C(QI, "basic", "Which batch had the highest defect rate (defects divided by units inspected)? Give the batch code, "
      "the line and that rate",
      "SELECT batch_code, line, defects_found * 1.0 / units_inspected AS r FROM quality_inspections "
      "ORDER BY r DESC LIMIT 1"),
    C(QI, "basic", "Show me the failed batches from line L2 in June",
      "SELECT batch_code FROM quality_inspections WHERE line = 'L2' AND passed = 'no' "
      "AND substr(inspected_at, 1, 7) = '2024-06'"),

    # ---- stock_movements -----------------------------------------------------------------------------------
    # class 1
    C(SM, 1, "How many shipments went out of Hamburg?",
      "SELECT COUNT(*) FROM stock_movements WHERE movement_type = 'shipment' AND warehouse = 'Hamburg'"),
    C(SM, 1, "How many boxes were received in total?",
      "SELECT SUM(quantity) FROM stock_movements WHERE movement_type = 'receipt'"),
    C(SM, 1, "How many different SKUs moved through Lyon?",
      "SELECT COUNT(DISTINCT sku) FROM stock_movements WHERE warehouse = 'Lyon'"),
    C(SM, 1, "How many suppliers do we deal with?",
      "SELECT COUNT(DISTINCT supplier) FROM stock_movements"),
    C(SM, 1, "How many movements were marked as damaged?",
      "SELECT COUNT(*) FROM stock_movements WHERE damaged = 'TRUE'"),
    # class 2
    C(SM, 2, "Average quantity per receipt, in boxes",
      "SELECT AVG(quantity) FROM stock_movements WHERE movement_type = 'receipt'"),
    C(SM, 2, "What's the average shipment size in boxes for each warehouse?",
      "SELECT warehouse, AVG(-quantity) FROM stock_movements WHERE movement_type = 'shipment' GROUP BY warehouse"),
    C(SM, 2, "Number of receipts per supplier",
      "SELECT supplier, COUNT(*) FROM stock_movements WHERE movement_type = 'receipt' GROUP BY supplier"),
    C(SM, 2, "Movements per month",
      "SELECT substr(movement_date, 1, 7), COUNT(*) FROM stock_movements GROUP BY 1"),
    C(SM, 2, "On average, how many boxes does one shipment carry?",
      "SELECT AVG(-quantity) FROM stock_movements WHERE movement_type = 'shipment'"),
    # class 3
    C(SM, 3, "How many boxes did we ship from each warehouse?",
      "SELECT warehouse, -SUM(quantity) FROM stock_movements WHERE movement_type = 'shipment' GROUP BY warehouse"),
    C(SM, 3, "How many boxes of NUT-M8 left stock in total, counting every outflow?",
      "SELECT -SUM(quantity) FROM stock_movements WHERE sku = 'NUT-M8' AND quantity < 0"),
    C(SM, 3, "How many movements in Rotterdam were not shipments?",
      "SELECT COUNT(*) FROM stock_movements WHERE warehouse = 'Rotterdam' AND movement_type <> 'shipment'"),
    C(SM, 3, "Total boxes received across all the BOLT SKUs",
      "SELECT SUM(quantity) FROM stock_movements WHERE movement_type = 'receipt' AND sku LIKE 'BOLT-%'"),
    C(SM, 3, "Which SKUs had more than 50 movements?",
      "SELECT sku FROM stock_movements GROUP BY sku HAVING COUNT(*) > 50"),
    C(SM, 3, "Which receipts of BOLT-M8-40 were priced above the average unit cost we paid for that SKU? List the movement ids",
      "SELECT movement_id FROM stock_movements WHERE sku = 'BOLT-M8-40' AND movement_type = 'receipt' AND unit_cost > "
      "(SELECT AVG(unit_cost) FROM stock_movements WHERE sku = 'BOLT-M8-40' AND movement_type = 'receipt')"),
    # class 4
    C(SM, 4, "Top 5 SKUs by boxes shipped, highest first",
      "SELECT sku, -SUM(quantity) AS s FROM stock_movements WHERE movement_type = 'shipment' GROUP BY sku "
      "ORDER BY s DESC LIMIT 5", ordered=True),
    C(SM, 4, "Rank the warehouses by number of movements, most to least",
      "SELECT warehouse, COUNT(*) AS n FROM stock_movements GROUP BY warehouse ORDER BY n DESC", ordered=True),
    C(SM, 4, "List the suppliers alphabetically with the total boxes received from each",
      "SELECT supplier, SUM(quantity) FROM stock_movements WHERE movement_type = 'receipt' GROUP BY supplier "
      "ORDER BY supplier", ordered=True),
    C(SM, 4, "The 3 most valuable receipts by quantity times unit cost: movement id, SKU and value, biggest first",
      "SELECT movement_id, sku, quantity * unit_cost AS v FROM stock_movements WHERE movement_type = 'receipt' "
      "ORDER BY v DESC LIMIT 3", ordered=True),
    C(SM, 4, "Show the 3 SKUs with the fewest shipments, fewest first",
      "SELECT sku, COUNT(*) AS n FROM stock_movements WHERE movement_type = 'shipment' GROUP BY sku "
      "ORDER BY n LIMIT 3", ordered=True),
    # class 5
    C(SM, 5, "Boxes received vs boxes shipped for each warehouse",
      "SELECT warehouse, SUM(CASE WHEN movement_type = 'receipt' THEN quantity ELSE 0 END), "
      "-SUM(CASE WHEN movement_type = 'shipment' THEN quantity ELSE 0 END) FROM stock_movements GROUP BY warehouse"),
    C(SM, 5, "Grouped bar chart of movement counts by warehouse and movement type",
      "SELECT warehouse, movement_type, COUNT(*) FROM stock_movements GROUP BY 1, 2", chart="bar", series=True),
    C(SM, 5, "Line chart of the monthly net quantity change, one line per warehouse",
      "SELECT substr(movement_date, 1, 7), warehouse, SUM(quantity) FROM stock_movements GROUP BY 1, 2",
      chart="line", series=True),
    C(SM, 5, "Scatter plot with one dot per SKU: number of shipments against total boxes shipped",
      "SELECT sku, COUNT(*), -SUM(quantity) FROM stock_movements WHERE movement_type = 'shipment' GROUP BY sku",
      chart="scatter"),
    C(SM, 5, "For every supplier show the number of receipts, the total boxes received and the average unit cost paid",
      "SELECT supplier, COUNT(*), SUM(quantity), AVG(unit_cost) FROM stock_movements WHERE movement_type = 'receipt' "
      "GROUP BY supplier"),
    # class 6
    C(SM, 6, "Box plot of shipment sizes (boxes) by warehouse",
      "SELECT warehouse, MIN(-quantity), median(-quantity), MAX(-quantity) FROM stock_movements "
      "WHERE movement_type = 'shipment' GROUP BY warehouse", chart="box"),
    C(SM, 6, "Histogram of receipt quantities with a bin width of 100 boxes",
      "SELECT (quantity / 100) * 100 AS lo, COUNT(*) FROM stock_movements WHERE movement_type = 'receipt' GROUP BY lo",
      chart="histogram"),
    T(SM, 6, "What does the distribution of unit costs look like?", "distribution_plot", ["unit_cost"],
      chart="histogram"),
    C(SM, 6, "Correlation between quantity and unit cost for receipts",
      "SELECT (AVG(quantity * unit_cost) - AVG(quantity) * AVG(unit_cost)) / "
      "(SQRT(AVG(quantity * quantity) - AVG(quantity) * AVG(quantity)) * "
      "SQRT(AVG(unit_cost * unit_cost) - AVG(unit_cost) * AVG(unit_cost))) FROM stock_movements "
      "WHERE movement_type = 'receipt'", tolerance=1e-4),
    C(SM, 6, "Scatter plot of quantity against unit cost for every receipt from Ironclad Supply",
      "SELECT quantity, unit_cost FROM stock_movements WHERE movement_type = 'receipt' AND supplier = 'Ironclad Supply'",
      chart="scatter"),
    C(SM, 6, "box plot of the unit cost paid on receipts, per supplier",
      "SELECT supplier, MIN(unit_cost), median(unit_cost), MAX(unit_cost) FROM stock_movements "
      "WHERE movement_type = 'receipt' GROUP BY supplier", chart="box"),
    # class 7
    C(SM, 7, "Running total of the net quantity of WASHER-M6 by month",
      "SELECT m, SUM(q) OVER (ORDER BY m) FROM (SELECT substr(movement_date, 1, 7) AS m, SUM(quantity) AS q "
      "FROM stock_movements WHERE sku = 'WASHER-M6' GROUP BY m) ORDER BY m", ordered=True),
    C(SM, 7, "Quarter over quarter percent change in boxes shipped",
      "SELECT qt, (s - p) * 100.0 / p FROM (SELECT qt, s, LAG(s) OVER (ORDER BY qt) AS p FROM "
      "(SELECT quarter(movement_date) AS qt, -SUM(quantity) AS s FROM stock_movements WHERE movement_type = 'shipment' "
      "GROUP BY qt)) WHERE p IS NOT NULL ORDER BY qt", ordered=True),
    C(SM, 7, "Total value received (quantity times unit cost) by month",
      "SELECT substr(movement_date, 1, 7), SUM(quantity * unit_cost) FROM stock_movements "
      "WHERE movement_type = 'receipt' GROUP BY 1"),
    C(SM, 7, "Which day of the week has the most shipments?",
      "SELECT dayname(movement_date) AS d FROM stock_movements WHERE movement_type = 'shipment' GROUP BY d "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    C(SM, 7, "Share of movements that were damaged, by movement type",
      "SELECT movement_type, AVG(damaged = 'TRUE') FROM stock_movements GROUP BY movement_type"),
    C(SM, 7, "On average how many days pass between one receipt of ANCHOR-8 and the next?",
      "SELECT (julianday(MAX(movement_date)) - julianday(MIN(movement_date))) / (COUNT(*) - 1) FROM stock_movements "
      "WHERE sku = 'ANCHOR-8' AND movement_type = 'receipt'"),
    # class 8
    C(SM, 8, "Bar chart of boxes received per supplier, suppliers on the x axis",
      "SELECT supplier, SUM(quantity) FROM stock_movements WHERE movement_type = 'receipt' GROUP BY supplier",
      chart="bar"),
    C(SM, 8, "Pie chart of the number of movements by type",
      "SELECT movement_type, COUNT(*) FROM stock_movements GROUP BY movement_type", chart="pie"),
    C(SM, 8, "Line chart of shipments per month: month on the x axis, number of shipments on the y axis",
      "SELECT substr(movement_date, 1, 7) AS m, COUNT(*) FROM stock_movements WHERE movement_type = 'shipment' "
      "GROUP BY m ORDER BY m", chart="line", ordered=True),
    C(SM, 8, "Visualize the total value shipped per warehouse (boxes times unit cost, in EUR) as bars",
      "SELECT warehouse, -SUM(quantity * unit_cost) FROM stock_movements WHERE movement_type = 'shipment' "
      "GROUP BY warehouse", chart="bar"),
    C(SM, 8, "Plot a histogram of shipment quantities in bins of 25 boxes",
      "SELECT (-quantity / 25) * 25 AS lo, COUNT(*) FROM stock_movements WHERE movement_type = 'shipment' GROUP BY lo",
      chart="histogram"),
    # class 9
    C(SM, 9, "Which warehouse ships the most boxes?",
      "SELECT warehouse FROM stock_movements WHERE movement_type = 'shipment' GROUP BY warehouse "
      "ORDER BY SUM(quantity) LIMIT 1"),
    C(SM, 9, "What was the largest single shipment, in boxes?",
      "SELECT MAX(-quantity) FROM stock_movements WHERE movement_type = 'shipment'"),
    C(SM, 9, "When did we last receive ANCHOR-8?",
      "SELECT MAX(movement_date) FROM stock_movements WHERE sku = 'ANCHOR-8' AND movement_type = 'receipt'"),
    C(SM, 9, "Give me just the total number of boxes sent back to suppliers",
      "SELECT -SUM(quantity) FROM stock_movements WHERE movement_type = 'return'"),
    C(SM, 9, "Which supplier had the most damaged receipts?",
      "SELECT supplier FROM stock_movements WHERE movement_type = 'receipt' AND damaged = 'TRUE' GROUP BY supplier "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    # basic
    C(SM, "basic", "Net stock change per SKU over the whole ledger (sum of all movements)",
      "SELECT sku, SUM(quantity) FROM stock_movements GROUP BY sku"),
    C(SM, "basic", "Total value of goods received in Q1 2024",
      "SELECT SUM(quantity * unit_cost) FROM stock_movements WHERE movement_type = 'receipt' "
      "AND quarter(movement_date) = '2024-Q1'"),
    C(SM, "basic", "How much did we pay Nordic Bolt AB in total for what we received from them?",
      "SELECT SUM(quantity * unit_cost) FROM stock_movements WHERE movement_type = 'receipt' "
      "AND supplier = 'Nordic Bolt AB'"),
    C(SM, "basic", "Which supplier do we send the most boxes back to?",
      "SELECT supplier FROM stock_movements WHERE movement_type = 'return' GROUP BY supplier "
      "ORDER BY SUM(quantity) LIMIT 1"),
    C(SM, "basic", "show all damaged receipts",
      "SELECT movement_id FROM stock_movements WHERE movement_type = 'receipt' AND damaged = 'TRUE'"),
]

FLAGGED = [
    F(QI, "What was the average temperature on the production floor for the failed batches?",
      "no temperature column"),
    F(QI, "How many batches will fail next month?", "a forecast"),
    F(QI, "Why does line L4 fail so much more often than the others?", "asks for a cause"),
    F(QI, "Which batches were heavily overweight?", "'heavily' names no threshold"),
    F(SM, "What is the selling price of each SKU?", "no selling price column (unit_cost is a cost)"),
    F(SM, "Forecast how many boxes we will ship in October", "a forecast"),
    F(SM, "Why were so many of the returns damaged?", "asks for a cause"),
    F(SM, "Which SKUs are running low on stock?", "'low' names no threshold, and the ledger holds no opening stock"),
]
