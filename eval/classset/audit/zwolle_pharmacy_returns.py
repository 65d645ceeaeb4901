"""Audit set written blind: a hospital pharmacy's dispensing lines and a webshop's returned items.

Table `pharmacy_dispensing` (hospital pharmacy, Zwolle; prescriptions written 2024-01-01 .. 2024-06-30;
one row per dispensed prescription line; 361 rows, 165 prescriptions, 75 patients)
  line_id          INTEGER  unique id of the line, 1, 2, 3, ... (the row's key)
  prescription_id  TEXT     'RX-500122'; one prescription has 1-4 lines (one per drug), so the id repeats
  patient_id       TEXT     'P3296'; a patient has one or many prescriptions, so the id repeats
  ward             TEXT     the prescribing ward: Cardiology, Cardiothoracic Surgery, Emergency, Intensive Care,
                            Oncology, Orthopaedics, Paediatrics (two names share the prefix 'Cardio')
  drug_name        TEXT     product with strength and form; names share prefixes ('Amoxicillin 500mg' and
                            'Amoxicillin/Clavulanate 625mg', 'Morphine 10mg tablet' and 'Morphine 10mg/ml
                            injection', 'Paracetamol 500mg' and 'Paracetamol 1g IV', 'Insulin glargine pen' and
                            'Insulin aspart pen')
  drug_class       TEXT     Analgesic, Antibiotic, Anticoagulant, Antidiabetic, Antiemetic, Cardiovascular,
                            Gastrointestinal, Opioid, Sedative
  quantity         INTEGER  units issued (tablets, vials, pens, patches, syringes); NEGATIVE on a reversal line:
                            a later correction that takes back part of an earlier line of the same prescription
                            (returned to stock), so totals of quantity are net of reversals
  unit_cost        REAL     purchase cost of one unit in euros; drugs of 1 euro or more rose by 4% from 2024-04-01
  line_cost        REAL     quantity * unit_cost in euros, rounded to cents; negative on reversal lines
  prescribed_at    TEXT     'YYYY-MM-DD HH:MM', when the prescription was written (same on all its lines)
  dispensed_at     TEXT     'YYYY-MM-DD HH:MM', when the pharmacy released the line (for a reversal line, when
                            the units were taken back); BLANK when the line has not been dispensed yet (pending
                            at the extract: prescriptions of the last days of June and a few lines on hold)
  controlled       TEXT     'yes' for controlled substances (opioids, lorazepam), else 'no'
  pharmacist       TEXT     who checked and released the prescription ('A. de Vries', 'A. de Jong', 'M. Jansen',
                            ...; the same on all its lines, reversals included); BLANK on pending lines

Table `ecommerce_returns` (a webshop's returns; orders placed 2023-12-01 .. 2024-11-30, returns up to the extract
of 2024-12-31; one row per returned item; 380 rows, 248 orders, 107 customers)
  return_id        TEXT     'RT-880003', unique per returned item (the row's key)
  order_id         TEXT     'WO-310411', the original order; several items of one order can come back, so it repeats
  customer_id      TEXT     'C20010'; frequent returners have many rows over many orders
  category         TEXT     Electronics, Electronics Accessories, Home & Kitchen, Home Decor, Shirts, Shoes, Shorts,
                            Toys (shared prefixes 'Electronics', 'Home', 'Sh')
  reason           TEXT     Changed mind, Damaged in transit, Defective, Not as described, Too large, Too small,
                            Wrong item sent
  order_date       TEXT     'YYYY-MM-DD', date the order was placed
  return_date      TEXT     'YYYY-MM-DD', date the item arrived back at the warehouse (2 to 30 days after the order)
  item_price       REAL     price paid for the item, euros
  refund_amount    REAL     euros refunded = item_price - restocking_fee; BLANK while the refund is pending
                            (not yet processed: the latest returns and a few held for inspection)
  restocking_fee   REAL     euros kept by the shop: 15% on electronics returned for 'Changed mind', 10% on used items
                            returned without a fault; 0 otherwise (never blank)
  item_condition   TEXT     condition on arrival: New, Like new, Used, Damaged
  resold           TEXT     'yes' if the item was put back on sale and sold again, else 'no' (always 'no' while pending)
"""
import datetime
import random

from ..case import C, F, T

_WARDS = ["Cardiology", "Cardiothoracic Surgery", "Oncology", "Orthopaedics", "Paediatrics", "Emergency",
          "Intensive Care"]
# name, class, unit cost (EUR), min qty, max qty, controlled
_DRUGS = [
    ("Amoxicillin 500mg", "Antibiotic", 0.18, 14, 42, "no"),
    ("Amoxicillin/Clavulanate 625mg", "Antibiotic", 0.42, 14, 30, "no"),
    ("Ceftriaxone 1g vial", "Antibiotic", 3.60, 1, 14, "no"),
    ("Cefuroxime 750mg vial", "Antibiotic", 4.10, 3, 15, "no"),
    ("Metoprolol 50mg", "Cardiovascular", 0.09, 28, 90, "no"),
    ("Amlodipine 5mg", "Cardiovascular", 0.07, 28, 90, "no"),
    ("Metformin 500mg", "Antidiabetic", 0.05, 56, 180, "no"),
    ("Insulin glargine pen", "Antidiabetic", 11.25, 1, 5, "no"),
    ("Insulin aspart pen", "Antidiabetic", 9.80, 1, 5, "no"),
    ("Paracetamol 500mg", "Analgesic", 0.03, 20, 100, "no"),
    ("Paracetamol 1g IV", "Analgesic", 1.95, 2, 12, "no"),
    ("Ibuprofen 400mg", "Analgesic", 0.06, 10, 60, "no"),
    ("Morphine 10mg tablet", "Opioid", 0.85, 5, 28, "yes"),
    ("Morphine 10mg/ml injection", "Opioid", 2.40, 2, 10, "yes"),
    ("Oxycodone 5mg", "Opioid", 0.62, 5, 28, "yes"),
    ("Fentanyl 25mcg patch", "Opioid", 6.75, 1, 5, "yes"),
    ("Enoxaparin 40mg syringe", "Anticoagulant", 3.15, 3, 14, "no"),
    ("Heparin 5000IU vial", "Anticoagulant", 1.40, 2, 10, "no"),
    ("Omeprazole 20mg", "Gastrointestinal", 0.04, 14, 56, "no"),
    ("Ondansetron 4mg", "Antiemetic", 0.38, 4, 20, "no"),
    ("Lorazepam 1mg", "Sedative", 0.22, 5, 20, "yes"),
]
_WARD_BIAS = {"Cardiology": ["Metoprolol 50mg", "Amlodipine 5mg", "Enoxaparin 40mg syringe", "Heparin 5000IU vial"],
              "Cardiothoracic Surgery": ["Morphine 10mg/ml injection", "Heparin 5000IU vial", "Cefuroxime 750mg vial"],
              "Oncology": ["Ondansetron 4mg", "Morphine 10mg tablet", "Fentanyl 25mcg patch", "Oxycodone 5mg"],
              "Orthopaedics": ["Oxycodone 5mg", "Enoxaparin 40mg syringe", "Paracetamol 500mg", "Ibuprofen 400mg"],
              "Paediatrics": ["Amoxicillin 500mg", "Paracetamol 500mg", "Ibuprofen 400mg"],
              "Emergency": ["Paracetamol 1g IV", "Morphine 10mg/ml injection", "Ceftriaxone 1g vial", "Lorazepam 1mg"],
              "Intensive Care": ["Ceftriaxone 1g vial", "Insulin aspart pen", "Heparin 5000IU vial", "Lorazepam 1mg"]}
_PHARMACISTS = ["A. de Vries", "A. de Jong", "M. Jansen", "M. Bakker", "S. Visser", "R. Mulder"]


def _ts(dt):
    return dt.strftime("%Y-%m-%d %H:%M")


def gen_pharmacy_dispensing():
    rng = random.Random(20240623)
    drugs = {d[0]: d for d in _DRUGS}
    patients = []
    for i in range(95):
        ward = rng.choice(_WARDS)
        patients.append(("P%04d" % (3100 + i * 7), ward))
    heavy = patients[:12]
    start = datetime.datetime(2024, 1, 1)
    rows, line_id, rx = [], 1, 500120
    while len(rows) < 360:
        pid, ward = rng.choice(heavy) if rng.random() < 0.3 else rng.choice(patients)
        if rng.random() < 0.12:
            ward = "Emergency"
        day = rng.randrange(0, 182)
        hour = rng.choice([7, 8, 8, 9, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 2])
        presc = start + datetime.timedelta(days=day, hours=hour, minutes=rng.randrange(60))
        nlines = rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 4])
        chosen = []
        while len(chosen) < nlines:
            name = rng.choice(_WARD_BIAS[ward]) if rng.random() < 0.55 else rng.choice(_DRUGS)[0]
            if name not in chosen:
                chosen.append(name)
        rx += rng.randrange(1, 9)
        rxid = "RX-%d" % rx
        pharm = rng.choice(_PHARMACISTS)
        for name in chosen:
            _, cls, cost, lo, hi, ctrl = drugs[name]
            if presc >= datetime.datetime(2024, 4, 1):
                cost = round(cost * 1.04, 2) if cost >= 1 else cost
            qty = rng.randint(lo, hi)
            delay = rng.randint(12, 240) + (rng.randint(30, 300) if ctrl == "yes" else 0)
            if hour >= 22 or hour < 6:
                delay += rng.randint(60, 420)
            disp = presc + datetime.timedelta(minutes=delay)
            pending = presc >= datetime.datetime(2024, 6, 29, 12) or (rng.random() < 0.015)
            rows.append([line_id, rxid, pid, ward, name, cls, qty, cost, round(qty * cost, 2), _ts(presc),
                         "" if pending else _ts(disp), ctrl, "" if pending else pharm])
            line_id += 1
            if not pending and rng.random() < 0.035:
                back = rng.randint(1, qty)
                rdt = disp + datetime.timedelta(hours=rng.randint(2, 48))
                rows.append([line_id, rxid, pid, ward, name, cls, -back, cost, round(-back * cost, 2), _ts(presc),
                             _ts(rdt), ctrl, pharm])
                line_id += 1
    cols = [("line_id", "INTEGER"), ("prescription_id", "TEXT"), ("patient_id", "TEXT"), ("ward", "TEXT"),
            ("drug_name", "TEXT"), ("drug_class", "TEXT"), ("quantity", "INTEGER"), ("unit_cost", "REAL"),
            ("line_cost", "REAL"), ("prescribed_at", "TEXT"), ("dispensed_at", "TEXT"), ("controlled", "TEXT"),
            ("pharmacist", "TEXT")]
    return cols, rows


# category, min price, max price
_CATS = [("Shoes", 39, 159), ("Shirts", 15, 69), ("Shorts", 15, 49), ("Electronics", 59, 649),
         ("Electronics Accessories", 8, 59), ("Home Decor", 12, 119), ("Home & Kitchen", 10, 249), ("Toys", 8, 89)]
_REASONS = {"Shoes": ["Too small", "Too small", "Too large", "Changed mind", "Not as described", "Defective"],
            "Shirts": ["Too small", "Too large", "Too large", "Changed mind", "Not as described", "Wrong item sent"],
            "Shorts": ["Too small", "Too large", "Changed mind", "Not as described"],
            "Electronics": ["Defective", "Defective", "Damaged in transit", "Changed mind", "Not as described"],
            "Electronics Accessories": ["Defective", "Changed mind", "Wrong item sent", "Not as described"],
            "Home Decor": ["Damaged in transit", "Damaged in transit", "Not as described", "Changed mind"],
            "Home & Kitchen": ["Defective", "Damaged in transit", "Changed mind", "Wrong item sent"],
            "Toys": ["Changed mind", "Defective", "Damaged in transit", "Wrong item sent"]}


def gen_ecommerce_returns():
    rng = random.Random(4417)
    customers = ["C%05d" % (20010 + i * 13) for i in range(130)]
    heavy = customers[:10]
    start = datetime.date(2023, 12, 1)
    cutoff = datetime.date(2024, 12, 31)
    rows, ret, order = [], 880000, 310400
    while len(rows) < 380:
        cust = rng.choice(heavy) if rng.random() < 0.25 else rng.choice(customers)
        order += rng.randrange(3, 40)
        oid = "WO-%d" % order
        odate = start + datetime.timedelta(days=rng.randrange(0, 360))
        nitems = rng.choice([1, 1, 1, 1, 2, 2, 3])
        for _ in range(nitems):
            cat, lo, hi = rng.choice(_CATS)
            price = round(rng.uniform(lo, hi), 0) - 0.01
            reason = rng.choice(_REASONS[cat])
            rdate = odate + datetime.timedelta(days=rng.randint(2, 14) if reason != "Changed mind" else rng.randint(5, 30))
            if rdate > cutoff:
                continue
            if reason in ("Damaged in transit", "Defective"):
                cond = rng.choice(["Damaged", "Damaged", "Used"])
            elif reason == "Wrong item sent":
                cond = "New"
            else:
                cond = rng.choice(["New", "New", "Like new", "Like new", "Used"])
            fee = 0.0
            if reason == "Changed mind" and cat in ("Electronics", "Electronics Accessories"):
                fee = round(price * 0.15, 2)
            elif cond == "Used" and reason not in ("Defective", "Damaged in transit"):
                fee = round(price * 0.10, 2)
            pending = (cutoff - rdate).days < 12 or rng.random() < 0.03
            refund = "" if pending else round(price - fee, 2)
            resold = "yes" if (not pending and cond in ("New", "Like new") and rng.random() < 0.8) else "no"
            ret += rng.randrange(1, 5)
            rows.append(["RT-%d" % ret, oid, cust, cat, reason, odate.isoformat(), rdate.isoformat(), price,
                         refund, fee, cond, resold])
    cols = [("return_id", "TEXT"), ("order_id", "TEXT"), ("customer_id", "TEXT"), ("category", "TEXT"),
            ("reason", "TEXT"), ("order_date", "TEXT"), ("return_date", "TEXT"), ("item_price", "REAL"),
            ("refund_amount", "REAL"), ("restocking_fee", "REAL"), ("item_condition", "TEXT"), ("resold", "TEXT")]
    return cols, rows

P = "pharmacy_dispensing"
_RX_TOT = "(SELECT prescription_id, ward, SUM(line_cost) AS total FROM pharmacy_dispensing GROUP BY prescription_id, ward)"
_WAIT = "(julianday(dispensed_at) - julianday(prescribed_at)) * 1440"

P_CASES = [
    # 1 the measure behind a count word
    C(P, 1, "How many units of Paracetamol 500mg went out in total?",
      "SELECT SUM(quantity) AS units FROM pharmacy_dispensing WHERE drug_name = 'Paracetamol 500mg'"),
    C(P, 1, "how many prescriptions came from the Emergency ward",
      "SELECT COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing WHERE ward = 'Emergency'"),
    C(P, 1, "How many dispensing lines did M. Jansen process?",
      "SELECT COUNT(*) AS lines FROM pharmacy_dispensing WHERE pharmacist = 'M. Jansen'"),
    C(P, 1, "How many patients received an opioid?",
      "SELECT COUNT(DISTINCT patient_id) AS patients FROM pharmacy_dispensing WHERE drug_class = 'Opioid'"),
    C(P, 1, "units handed out per drug class",
      "SELECT drug_class, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY drug_class"),
    C(P, 1, "Count the prescriptions for each ward.",
      "SELECT ward, COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing GROUP BY ward"),
    C(P, 1, "How many insulin pens did Intensive Care get?",
      "SELECT SUM(quantity) AS pens FROM pharmacy_dispensing WHERE ward = 'Intensive Care' AND drug_name LIKE 'Insulin%pen'"),
    # 2 per X vs group by
    C(P, 2, "What is the average cost per prescription?",
      "SELECT AVG(total) AS avg_cost FROM " + _RX_TOT),
    C(P, 2, "average prescription cost for each ward",
      "SELECT ward, AVG(total) AS avg_cost FROM " + _RX_TOT + " GROUP BY ward"),
    C(P, 2, "On average how many lines does a prescription have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT prescription_id) AS lines_per_prescription FROM pharmacy_dispensing"),
    C(P, 2, "Units dispensed per pharmacist",
      "SELECT pharmacist, SUM(quantity) AS units FROM pharmacy_dispensing WHERE pharmacist <> '' GROUP BY pharmacist"),
    C(P, 2, "What's the average number of prescriptions per patient?",
      "SELECT COUNT(DISTINCT prescription_id) * 1.0 / COUNT(DISTINCT patient_id) AS prescriptions_per_patient "
      "FROM pharmacy_dispensing"),
    C(P, 2, "average quantity per line by drug class",
      "SELECT drug_class, AVG(quantity) AS avg_quantity FROM pharmacy_dispensing GROUP BY drug_class"),
    # 3 filters
    C(P, 3, "Which lines were reversals (negative quantity)? List line id, drug and quantity.",
      "SELECT line_id, drug_name, quantity FROM pharmacy_dispensing WHERE quantity < 0"),
    C(P, 3, "Total cost of non-controlled drugs on Paediatrics",
      "SELECT SUM(line_cost) AS cost FROM pharmacy_dispensing WHERE controlled = 'no' AND ward = 'Paediatrics'"),
    C(P, 3, "how many prescriptions included a drug whose name starts with Amoxicillin",
      "SELECT COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing WHERE drug_name LIKE 'Amoxicillin%'"),
    C(P, 3, "Total units of anything with morphine in the name",
      "SELECT SUM(quantity) AS units FROM pharmacy_dispensing WHERE drug_name LIKE '%morphine%'"),
    C(P, 3, "Which wards spent more than 700 euros on drugs?",
      "SELECT ward, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY ward HAVING SUM(line_cost) > 700"),
    C(P, 3, "How many lines cost more than the average line?",
      "SELECT COUNT(*) AS lines FROM pharmacy_dispensing WHERE line_cost > (SELECT AVG(line_cost) FROM pharmacy_dispensing)"),
    C(P, 3, "Combined drug cost of Cardiology or Cardiothoracic Surgery",
      "SELECT SUM(line_cost) AS cost FROM pharmacy_dispensing WHERE ward = 'Cardiology' OR ward = 'Cardiothoracic Surgery'"),
    C(P, 3, "Leaving out Emergency, how many units per drug class?",
      "SELECT drug_class, SUM(quantity) AS units FROM pharmacy_dispensing WHERE ward <> 'Emergency' GROUP BY drug_class"),
    C(P, 3, "list the prescriptions not dispensed yet, with their ward",
      "SELECT DISTINCT prescription_id, ward FROM pharmacy_dispensing WHERE dispensed_at = ''"),
    C(P, 3, "Which drugs had reversals worth more than 5 euros in total?",
      "SELECT drug_name FROM pharmacy_dispensing WHERE quantity < 0 GROUP BY drug_name "
      "HAVING SUM(line_cost) < -5"),
    C(P, 3, "patients with more than 5 prescriptions",
      "SELECT patient_id, COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing GROUP BY patient_id "
      "HAVING COUNT(DISTINCT prescription_id) > 5"),
    # 4 order and shape
    C(P, 4, "Top 5 drugs by total cost", "SELECT drug_name, SUM(line_cost) AS cost FROM pharmacy_dispensing "
      "GROUP BY drug_name ORDER BY cost DESC LIMIT 5", ordered=True),
    C(P, 4, "Rank the wards by total units from low to high",
      "SELECT ward, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY ward ORDER BY units ASC", ordered=True),
    C(P, 4, "pharmacists sorted by number of lines handled, highest first",
      "SELECT pharmacist, COUNT(*) AS lines FROM pharmacy_dispensing WHERE pharmacist <> '' GROUP BY pharmacist "
      "ORDER BY lines DESC", ordered=True),
    C(P, 4, "Which 3 drug classes cost the least? cheapest first",
      "SELECT drug_class, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY drug_class ORDER BY cost ASC LIMIT 3",
      ordered=True),
    C(P, 4, "List the 10 most expensive prescriptions with their totals, biggest first",
      "SELECT prescription_id, SUM(line_cost) AS total FROM pharmacy_dispensing GROUP BY prescription_id "
      "ORDER BY total DESC LIMIT 10", ordered=True),
    C(P, 4, "drug classes in alphabetical order with units for each",
      "SELECT drug_class, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY drug_class ORDER BY drug_class",
      ordered=True),
    # 5 several columns, series
    C(P, 5, "Stacked bar of units per ward split by controlled yes/no",
      "SELECT ward, controlled, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY ward, controlled",
      chart="bar", series=True),
    C(P, 5, "Line chart of monthly cost for each drug class (month prescribed)",
      "SELECT substr(prescribed_at, 1, 7) AS month, drug_class, SUM(line_cost) AS cost FROM pharmacy_dispensing "
      "GROUP BY month, drug_class", chart="line", series=True),
    C(P, 5, "Scatter plot per drug: number of lines against total units",
      "SELECT drug_name, COUNT(*) AS lines, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY drug_name",
      chart="scatter"),
    C(P, 5, "number of prescriptions for each ward and pharmacist",
      "SELECT ward, pharmacist, COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing "
      "WHERE pharmacist <> '' GROUP BY ward, pharmacist"),
    C(P, 5, "Show ward, number of patients and total cost",
      "SELECT ward, COUNT(DISTINCT patient_id) AS patients, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY ward"),
    C(P, 5, "per drug class give me the line count, the units and the cost",
      "SELECT drug_class, COUNT(*) AS lines, SUM(quantity) AS units, SUM(line_cost) AS cost FROM pharmacy_dispensing "
      "GROUP BY drug_class"),
    # 6 analysis kind
    C(P, 6, "Box plot of line cost by ward",
      "SELECT ward, MIN(line_cost) AS min_cost, median(line_cost) AS median_cost, MAX(line_cost) AS max_cost "
      "FROM pharmacy_dispensing GROUP BY ward", chart="box"),
    C(P, 6, "Histogram of quantity per line, bins of 20 units",
      "SELECT CAST(floor(quantity / 20.0) * 20 AS INTEGER) AS bin, COUNT(*) AS lines FROM pharmacy_dispensing "
      "GROUP BY bin", chart="histogram"),
    T(P, 6, "How are unit costs distributed?", "distribution_plot", ["unit_cost"]),
    C(P, 6, "scatter of quantity vs line cost for the Emergency lines",
      "SELECT quantity, line_cost FROM pharmacy_dispensing WHERE ward = 'Emergency'", chart="scatter"),
    C(P, 6, "What's the correlation between quantity and line cost?",
      "SELECT (COUNT(*) * SUM(quantity * line_cost) - SUM(quantity) * SUM(line_cost)) / "
      "sqrt((COUNT(*) * SUM(quantity * quantity) - SUM(quantity) * SUM(quantity)) * "
      "(COUNT(*) * SUM(line_cost * line_cost) - SUM(line_cost) * SUM(line_cost))) AS correlation FROM pharmacy_dispensing",
      tolerance=1e-4),
    C(P, 6, "boxplot of quantity for each drug class",
      "SELECT drug_class, MIN(quantity) AS min_q, median(quantity) AS median_q, MAX(quantity) AS max_q "
      "FROM pharmacy_dispensing GROUP BY drug_class", chart="box"),
    # 7 derived measures
    C(P, 7, "Average minutes from prescribing to dispensing per ward, ignoring reversal lines and anything not dispensed yet",
      "SELECT ward, AVG(" + _WAIT + ") AS avg_minutes FROM pharmacy_dispensing WHERE quantity > 0 "
      "AND dispensed_at <> '' GROUP BY ward", tolerance=1e-4),
    C(P, 7, "Drug spend by month prescribed",
      "SELECT substr(prescribed_at, 1, 7) AS month, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY month"),
    C(P, 7, "Percent change in total drug cost from Q1 to Q2 2024",
      "SELECT (SUM(CASE WHEN quarter(prescribed_at) = '2024-Q2' THEN line_cost END) - "
      "SUM(CASE WHEN quarter(prescribed_at) = '2024-Q1' THEN line_cost END)) * 100 / "
      "SUM(CASE WHEN quarter(prescribed_at) = '2024-Q1' THEN line_cost END) AS pct_change FROM pharmacy_dispensing"),
    C(P, 7, "running total of units by month",
      "SELECT month, SUM(units) OVER (ORDER BY month) AS running_units FROM (SELECT substr(prescribed_at, 1, 7) AS month, "
      "SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY month)", ordered=True),
    C(P, 7, "Which weekday gets the most prescriptions written?",
      "SELECT dayname(prescribed_at) AS weekday, COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing "
      "GROUP BY weekday ORDER BY prescriptions DESC LIMIT 1"),
    C(P, 7, "What percent of total drug cost is controlled drugs?",
      "SELECT SUM(CASE WHEN controlled = 'yes' THEN line_cost ELSE 0 END) * 100.0 / SUM(line_cost) AS pct "
      "FROM pharmacy_dispensing"),
    C(P, 7, "prescriptions by hour of the day they were written",
      "SELECT CAST(substr(prescribed_at, 12, 2) AS INTEGER) AS hour, COUNT(DISTINCT prescription_id) AS prescriptions "
      "FROM pharmacy_dispensing GROUP BY hour"),
    C(P, 7, "Median wait in minutes between prescribing and dispensing, controlled vs not (skip reversals and pending lines)",
      "SELECT controlled, median(" + _WAIT + ") AS median_minutes FROM pharmacy_dispensing WHERE quantity > 0 "
      "AND dispensed_at <> '' GROUP BY controlled", tolerance=1e-4),
    C(P, 7, "Cost per unit for each drug class, total cost divided by total units",
      "SELECT drug_class, SUM(line_cost) / SUM(quantity) AS cost_per_unit FROM pharmacy_dispensing GROUP BY drug_class"),
    C(P, 7, "spend per quarter",
      "SELECT quarter(prescribed_at) AS quarter, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY quarter"),
    # 8 chart words
    C(P, 8, "Bar chart with the wards on the x axis and total cost on the y axis",
      "SELECT ward, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY ward", chart="bar"),
    C(P, 8, "Put the month on the x-axis and the number of prescriptions on the y-axis",
      "SELECT substr(prescribed_at, 1, 7) AS month, COUNT(DISTINCT prescription_id) AS prescriptions "
      "FROM pharmacy_dispensing GROUP BY month"),
    C(P, 8, "visualize units by drug class as a pie",
      "SELECT drug_class, SUM(quantity) AS units FROM pharmacy_dispensing GROUP BY drug_class", chart="pie"),
    C(P, 8, "Display one bar per pharmacist showing how many lines each one handled",
      "SELECT pharmacist, COUNT(*) AS lines FROM pharmacy_dispensing WHERE pharmacist <> '' GROUP BY pharmacist",
      chart="bar"),
    C(P, 8, "Histogram of line cost with 10 euro bins",
      "SELECT CAST(floor(line_cost / 10) * 10 AS INTEGER) AS bin, COUNT(*) AS lines FROM pharmacy_dispensing GROUP BY bin",
      chart="histogram"),
    # 9 shape of the answer
    C(P, 9, "Just the prescription ids that have more than 3 lines",
      "SELECT prescription_id FROM pharmacy_dispensing GROUP BY prescription_id HAVING COUNT(*) > 3"),
    C(P, 9, "Total spend for March 2024, only the number please",
      "SELECT SUM(line_cost) AS cost FROM pharmacy_dispensing WHERE prescribed_at LIKE '2024-03%'"),
    C(P, 9, "number of prescriptions per quarter, quarters written like 2024-Q1",
      "SELECT quarter(prescribed_at) AS quarter, COUNT(DISTINCT prescription_id) AS prescriptions FROM pharmacy_dispensing "
      "GROUP BY quarter"),
    C(P, 9, "Oncology: month and total units, nothing else",
      "SELECT substr(prescribed_at, 1, 7) AS month, SUM(quantity) AS units FROM pharmacy_dispensing "
      "WHERE ward = 'Oncology' GROUP BY month"),
    C(P, 9, "Which pharmacist handled the most controlled-drug lines? Name only.",
      "SELECT pharmacist FROM pharmacy_dispensing WHERE controlled = 'yes' AND pharmacist <> '' "
      "GROUP BY pharmacist ORDER BY COUNT(*) DESC LIMIT 1"),
    # basic
    C(P, "basic", "What did we spend on antibiotics?",
      "SELECT SUM(line_cost) AS cost FROM pharmacy_dispensing WHERE drug_class = 'Antibiotic'"),
    C(P, "basic", "Which drug cost us the most overall?",
      "SELECT drug_name, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY drug_name ORDER BY cost DESC LIMIT 1"),
    C(P, "basic", "how many different patients did the pharmacy supply",
      "SELECT COUNT(DISTINCT patient_id) AS patients FROM pharmacy_dispensing"),
    C(P, "basic", "total drug spend by ward",
      "SELECT ward, SUM(line_cost) AS cost FROM pharmacy_dispensing GROUP BY ward"),
    C(P, "basic", "Which ward uses the most lorazepam?",
      "SELECT ward, SUM(quantity) AS units FROM pharmacy_dispensing WHERE drug_name LIKE 'Lorazepam%' "
      "GROUP BY ward ORDER BY units DESC LIMIT 1"),
    C(P, "basic", "How many lines are still waiting to be dispensed?",
      "SELECT COUNT(*) AS lines FROM pharmacy_dispensing WHERE dispensed_at = ''"),
]

P_FLAGGED = [
    F(P, "Why did Emergency spend so much more than Orthopaedics?", "asks for a cause the data cannot show"),
    F(P, "Forecast our drug spend for July 2024", "a forecast beyond the data"),
    F(P, "What is the average age of the patients on Oncology?", "no age column"),
    F(P, "What's the average cost per pharmacist?",
      "two readings: one figure (total cost / pharmacists) or a list by pharmacist; also a pharmacist does not incur cost"),
]

E = "ecommerce_returns"
_DAYS = "(julianday(return_date) - julianday(order_date))"

E_CASES = [
    # 1 the measure behind a count word
    C(E, 1, "How many orders had at least one item returned?",
      "SELECT COUNT(DISTINCT order_id) AS orders FROM ecommerce_returns"),
    C(E, 1, "how many Electronics items came back",
      "SELECT COUNT(*) AS items FROM ecommerce_returns WHERE category = 'Electronics'"),
    C(E, 1, "How many customers sent something back in October 2024?",
      "SELECT COUNT(DISTINCT customer_id) AS customers FROM ecommerce_returns WHERE return_date LIKE '2024-10%'"),
    C(E, 1, "number of returned items for each reason",
      "SELECT reason, COUNT(*) AS items FROM ecommerce_returns GROUP BY reason"),
    C(E, 1, "How many orders per category had a return?",
      "SELECT category, COUNT(DISTINCT order_id) AS orders FROM ecommerce_returns GROUP BY category"),
    C(E, 1, "How many returned items did we manage to resell?",
      "SELECT COUNT(*) AS items FROM ecommerce_returns WHERE resold = 'yes'"),
    # 2 per X vs group by
    C(E, 2, "What's the average refund per returned item?",
      "SELECT AVG(NULLIF(refund_amount, '')) AS avg_refund FROM ecommerce_returns"),
    C(E, 2, "Average refund per order",
      "SELECT AVG(total) AS avg_refund FROM (SELECT order_id, SUM(NULLIF(refund_amount, '')) AS total FROM ecommerce_returns "
      "GROUP BY order_id)"),
    C(E, 2, "average refund for each category",
      "SELECT category, AVG(NULLIF(refund_amount, '')) AS avg_refund FROM ecommerce_returns GROUP BY category"),
    C(E, 2, "On average, how many items come back per order that has a return?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT order_id) AS items_per_order FROM ecommerce_returns"),
    C(E, 2, "average item price per return reason",
      "SELECT reason, AVG(item_price) AS avg_price FROM ecommerce_returns GROUP BY reason"),
    C(E, 2, "returned items per customer on average",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer_id) AS items_per_customer FROM ecommerce_returns"),
    # 3 filters
    C(E, 3, "List returns with a refund over 300: return id, category and refund",
      "SELECT return_id, category, refund_amount FROM ecommerce_returns WHERE refund_amount <> '' AND refund_amount > 300"),
    C(E, 3, "Total refunded, excluding 'Changed mind' returns",
      "SELECT SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns WHERE reason <> 'Changed mind'"),
    C(E, 3, "how many returns have a reason starting with Too",
      "SELECT COUNT(*) AS returns FROM ecommerce_returns WHERE reason LIKE 'Too%'"),
    C(E, 3, "How many items from the Home categories were resold?",
      "SELECT COUNT(*) AS items FROM ecommerce_returns WHERE category LIKE 'Home%' AND resold = 'yes'"),
    C(E, 3, "Which customers got more than 1000 back in refunds?",
      "SELECT customer_id, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY customer_id "
      "HAVING SUM(NULLIF(refund_amount, '')) > 1000"),
    C(E, 3, "returns still waiting for their refund - return id and return date",
      "SELECT return_id, return_date FROM ecommerce_returns WHERE refund_amount = ''"),
    C(E, 3, "How many returned items were either in Damaged condition or returned as Defective?",
      "SELECT COUNT(*) AS items FROM ecommerce_returns WHERE item_condition = 'Damaged' OR reason = 'Defective'"),
    C(E, 3, "categories where the average restocking fee is above 1 euro",
      "SELECT category, AVG(restocking_fee) AS avg_fee FROM ecommerce_returns GROUP BY category "
      "HAVING AVG(restocking_fee) > 1"),
    C(E, 3, "How many returned items were priced above the average item price?",
      "SELECT COUNT(*) AS items FROM ecommerce_returns WHERE item_price > (SELECT AVG(item_price) FROM ecommerce_returns)"),
    C(E, 3, "Restocking fees collected outside the two electronics categories",
      "SELECT SUM(restocking_fee) AS fees FROM ecommerce_returns WHERE category NOT LIKE 'Electronics%'"),
    # 4 order and shape
    C(E, 4, "Top 5 customers by total refunded, highest first",
      "SELECT customer_id, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY customer_id "
      "ORDER BY refunded DESC LIMIT 5", ordered=True),
    C(E, 4, "Return reasons sorted by total refund value, ascending",
      "SELECT reason, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY reason ORDER BY refunded ASC",
      ordered=True),
    C(E, 4, "categories by restocking fees collected, biggest first",
      "SELECT category, SUM(restocking_fee) AS fees FROM ecommerce_returns GROUP BY category ORDER BY fees DESC",
      ordered=True),
    C(E, 4, "Which two categories have the fewest returned items?",
      "SELECT category, COUNT(*) AS items FROM ecommerce_returns GROUP BY category ORDER BY items ASC LIMIT 2"),
    C(E, 4, "The 3 months with the highest refunds, highest first",
      "SELECT substr(return_date, 1, 7) AS month, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns "
      "GROUP BY month ORDER BY refunded DESC LIMIT 3", ordered=True),
    C(E, 4, "rank customers with at least 10 returned items from most items to fewest",
      "SELECT customer_id, COUNT(*) AS items FROM ecommerce_returns GROUP BY customer_id HAVING COUNT(*) >= 10 "
      "ORDER BY items DESC", ordered=True),
    # 5 several columns, series
    C(E, 5, "Returns by category, stacked by item condition",
      "SELECT category, item_condition, COUNT(*) AS returns FROM ecommerce_returns GROUP BY category, item_condition",
      chart="bar", series=True),
    C(E, 5, "Monthly refunds per category as a line chart",
      "SELECT substr(return_date, 1, 7) AS month, category, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns "
      "WHERE refund_amount <> '' GROUP BY month, category", chart="line", series=True),
    C(E, 5, "for each reason and resold flag, the number of items",
      "SELECT reason, resold, COUNT(*) AS items FROM ecommerce_returns GROUP BY reason, resold"),
    C(E, 5, "Scatter per customer: number of returned items vs total refunded",
      "SELECT customer_id, COUNT(*) AS items, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns "
      "GROUP BY customer_id HAVING COUNT(NULLIF(refund_amount, '')) > 0", chart="scatter"),
    C(E, 5, "Per category: items returned, total refunds and total restocking fees",
      "SELECT category, COUNT(*) AS items, SUM(NULLIF(refund_amount, '')) AS refunded, SUM(restocking_fee) AS fees "
      "FROM ecommerce_returns GROUP BY category"),
    C(E, 5, "grouped bars of resold yes/no for each item condition",
      "SELECT item_condition, resold, COUNT(*) AS items FROM ecommerce_returns GROUP BY item_condition, resold",
      chart="bar", series=True),
    # 6 analysis kind
    C(E, 6, "Box plot of refund amount by category",
      "SELECT category, MIN(NULLIF(refund_amount, '')) AS min_refund, median(NULLIF(refund_amount, '')) AS median_refund, "
      "MAX(NULLIF(refund_amount, '')) AS max_refund FROM ecommerce_returns WHERE refund_amount <> '' GROUP BY category",
      chart="box"),
    C(E, 6, "histogram of days between order and return, 5-day bins",
      "SELECT CAST(" + _DAYS + " / 5 AS INTEGER) * 5 AS bin, COUNT(*) AS returns FROM ecommerce_returns GROUP BY bin",
      chart="histogram"),
    T(E, 6, "Show me the distribution of item prices", "distribution_plot", ["item_price"]),
    C(E, 6, "scatter of item price against refund amount for Electronics returns",
      "SELECT item_price, refund_amount FROM ecommerce_returns WHERE category = 'Electronics' "
      "AND refund_amount <> ''", chart="scatter"),
    C(E, 6, "Is item price correlated with the restocking fee? give the correlation coefficient",
      "SELECT (COUNT(*) * SUM(item_price * restocking_fee) - SUM(item_price) * SUM(restocking_fee)) / "
      "sqrt((COUNT(*) * SUM(item_price * item_price) - SUM(item_price) * SUM(item_price)) * "
      "(COUNT(*) * SUM(restocking_fee * restocking_fee) - SUM(restocking_fee) * SUM(restocking_fee))) AS correlation "
      "FROM ecommerce_returns", tolerance=1e-4),
    C(E, 6, "boxplot of days to return for each reason",
      "SELECT reason, MIN(" + _DAYS + ") AS min_days, median(" + _DAYS + ") AS median_days, MAX(" + _DAYS + ") AS max_days "
      "FROM ecommerce_returns GROUP BY reason", chart="box"),
    # 7 derived measures
    C(E, 7, "Average days from order to return for each reason",
      "SELECT reason, AVG(" + _DAYS + ") AS avg_days FROM ecommerce_returns GROUP BY reason"),
    C(E, 7, "Refunds as a percent of item price, for returns already refunded",
      "SELECT SUM(NULLIF(refund_amount, '')) * 100.0 / SUM(item_price) AS pct FROM ecommerce_returns WHERE refund_amount <> ''"),
    C(E, 7, "Percent change in the number of returns from Q1 2024 to Q2 2024",
      "SELECT (SUM(quarter(return_date) = '2024-Q2') - SUM(quarter(return_date) = '2024-Q1')) * 100.0 / "
      "SUM(quarter(return_date) = '2024-Q1') AS pct_change FROM ecommerce_returns"),
    C(E, 7, "running total of refunds by month of return",
      "SELECT month, SUM(refunded) OVER (ORDER BY month) AS running_refunds FROM (SELECT substr(return_date, 1, 7) AS month, "
      "SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY month)", ordered=True),
    C(E, 7, "Returns by day of the week they came back",
      "SELECT dayname(return_date) AS weekday, COUNT(*) AS returns FROM ecommerce_returns GROUP BY weekday"),
    C(E, 7, "number of returns by month of the year (1-12), all years together",
      "SELECT CAST(substr(return_date, 6, 2) AS INTEGER) AS month, COUNT(*) AS returns FROM ecommerce_returns GROUP BY month"),
    C(E, 7, "What fraction of returned items got resold?",
      "SELECT SUM(resold = 'yes') * 1.0 / COUNT(*) AS fraction FROM ecommerce_returns"),
    C(E, 7, "refunds per year of return",
      "SELECT CAST(substr(return_date, 1, 4) AS INTEGER) AS year, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns "
      "GROUP BY year"),
    C(E, 7, "For each category, what percent of returns were charged a restocking fee?",
      "SELECT category, SUM(restocking_fee > 0) * 100.0 / COUNT(*) AS pct FROM ecommerce_returns GROUP BY category"),
    # 8 chart words
    C(E, 8, "Bar chart: categories on the x-axis, total refunded on the y-axis",
      "SELECT category, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY category", chart="bar"),
    C(E, 8, "plot the number of returns with months along the x axis",
      "SELECT substr(return_date, 1, 7) AS month, COUNT(*) AS returns FROM ecommerce_returns GROUP BY month"),
    C(E, 8, "Pie chart of returns by reason",
      "SELECT reason, COUNT(*) AS returns FROM ecommerce_returns GROUP BY reason", chart="pie"),
    C(E, 8, "Display the total refund for each item condition as bars, one bar per condition",
      "SELECT item_condition, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY item_condition", chart="bar"),
    C(E, 8, "Histogram of item price with a bin width of 50",
      "SELECT CAST(item_price / 50 AS INTEGER) * 50 AS bin, COUNT(*) AS items FROM ecommerce_returns GROUP BY bin",
      chart="histogram"),
    # 9 shape of the answer
    C(E, 9, "Just the number: restocking fees collected on returns made in 2024",
      "SELECT SUM(restocking_fee) AS fees FROM ecommerce_returns WHERE return_date LIKE '2024%'"),
    C(E, 9, "return ids of Shoes sent back as Too small that were not resold, ids only",
      "SELECT return_id FROM ecommerce_returns WHERE category = 'Shoes' AND reason = 'Too small' AND resold = 'no'"),
    C(E, 9, "Refunds by quarter, quarters written like 2024-Q1",
      "SELECT quarter(return_date) AS quarter, SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns GROUP BY quarter"),
    C(E, 9, "customer id and number of orders with returns, for customers with at least 8 such orders",
      "SELECT customer_id, COUNT(DISTINCT order_id) AS orders FROM ecommerce_returns GROUP BY customer_id "
      "HAVING COUNT(DISTINCT order_id) >= 8"),
    C(E, 9, "Which month saw the most returns? Just the month.",
      "SELECT substr(return_date, 1, 7) AS month FROM ecommerce_returns GROUP BY month ORDER BY COUNT(*) DESC LIMIT 1"),
    # basic
    C(E, "basic", "How much have we refunded so far?",
      "SELECT SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns"),
    C(E, "basic", "Which category gets returned the most?",
      "SELECT category, COUNT(*) AS returns FROM ecommerce_returns GROUP BY category ORDER BY returns DESC LIMIT 1"),
    C(E, "basic", "most common reason for a return",
      "SELECT reason, COUNT(*) AS returns FROM ecommerce_returns GROUP BY reason ORDER BY returns DESC LIMIT 1"),
    C(E, "basic", "How much did we refund for defective items?",
      "SELECT SUM(NULLIF(refund_amount, '')) AS refunded FROM ecommerce_returns WHERE reason = 'Defective'"),
    C(E, "basic", "how many returns are still pending a refund",
      "SELECT COUNT(*) AS returns FROM ecommerce_returns WHERE refund_amount = ''"),
    C(E, "basic", "Which customer returns the most items?",
      "SELECT customer_id, COUNT(*) AS items FROM ecommerce_returns GROUP BY customer_id ORDER BY items DESC LIMIT 1"),
]

E_FLAGGED = [
    F(E, "Which shipping carrier delivers the most damaged parcels?", "no carrier column"),
    F(E, "Predict how many returns we will get in January 2025", "a forecast beyond the data"),
    F(E, "What's the average refund per customer?",
      "two readings: one figure (refunds / customers, or mean of customer totals) or a list by customer"),
    F(E, "give me a breakdown by category", "names no measure (items, orders, refunds, fees?)"),
]

TABLES = {"pharmacy_dispensing": gen_pharmacy_dispensing, "ecommerce_returns": gen_ecommerce_returns}
CASES = P_CASES + E_CASES
FLAGGED = P_FLAGGED + E_FLAGGED
