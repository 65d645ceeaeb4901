"""Two invented tables: a city water utility's quarterly household bills and tap-ins on a tram/bus network.

Table `water_bills` -- one row per quarterly water bill sent to a household account (2023-Q1 .. 2024-Q4).
  bill_id          TEXT     unique bill number, 'WB-10001' ...; never repeats.
  account_id       TEXT     the household's account, 'ACC-2001' ...; repeats: an account gets one bill per quarter
                            from the quarter it joined (66 accounts, up to 8 bills each).
  district         TEXT     city district of the household (constant per account). Names share prefixes:
                            Altstadt / Altstetten, Wiedikon / Wipkingen / Witikon, Hottingen / Hirslanden, Oerlikon.
  tariff           TEXT     the account's water tariff (constant per account): 'Standard', 'Standard Plus',
                            'Eco', 'Social'.
  household_size   INTEGER  number of people in the household; blank when the household never told the utility.
  autopay          TEXT     'yes' when the account pays by direct debit, else 'no' (constant per account).
  period_start     TEXT     first day of the billed quarter, 'YYYY-MM-DD'.
  period_end       TEXT     last day of the billed quarter, 'YYYY-MM-DD'.
  issue_date       TEXT     date the bill was issued, 'YYYY-MM-DD' (5-20 days after period_end).
  due_date         TEXT     payment due date, 'YYYY-MM-DD' (30 days after issue_date).
  paid_date        TEXT     date the bill was paid in full, 'YYYY-MM-DD'; blank = not paid (yet).
  meter_estimated  TEXT     'yes' when the meter was not read and the consumption is an estimate, 'no' for an
                            actual reading.
  m3_used          REAL     water consumption billed for the quarter, cubic metres. Negative on some bills (about 5%): an
                            actual reading that corrects an earlier over-estimate.
  rate_chf_per_m3  REAL     price per cubic metre under the tariff, CHF.
  water_charge_chf REAL     m3_used * rate_chf_per_m3, CHF (negative when m3_used is negative).
  base_fee_chf     REAL     fixed quarterly connection fee, CHF.
  late_fee_chf     REAL     late-payment fee charged on this bill, CHF; blank = no late fee.
  credit_chf       REAL     credit or refund applied to the bill, CHF, always negative; blank = none.
  credit_reason    TEXT     why the credit was given: 'leak rebate', 'leak repair subsidy', 'overbilling refund',
                            'goodwill'; blank when there is no credit.
  total_chf        REAL     amount billed: water_charge_chf + base_fee_chf + late fee + credit (blanks as 0), CHF.

Table `tram_rides` -- one row per tap-in (boarding) with a contactless card on a city tram/bus network,
April-June 2024.
  tap_id           INTEGER  unique id of the tap-in, 500001 ...
  card_id          TEXT     the travel card, 'CARD-3001' ...; repeats: about 60 cards, many taps each.
  line             TEXT     the line boarded: 'Tram 2', 'Tram 4', 'Tram 11', 'Tram 13', 'Tram 14', 'Bus 31',
                            'Bus 32', 'Bus 72' (note 'Tram 1...' prefixes: Tram 11, 13 and 14 are different lines).
  mode             TEXT     'tram' or 'bus'.
  stop_name        TEXT     stop where the card tapped in. Names share prefixes: 'Bahnhofplatz/HB',
                            'Bahnhofquai/HB', 'Bahnhof Oerlikon', 'Hardbruecke', 'Hardplatz', 'Hardturm', ...
  tap_time         TEXT     time of the tap-in, 'YYYY-MM-DD HH:MM' (local time).
  tap_off_time     TEXT     time the card tapped off, 'YYYY-MM-DD HH:MM'; blank = the rider did not tap off.
  zones            INTEGER  number of fare zones the ticket covers (1-4).
  discount_type    TEXT     the card's discount: 'Half-Fare', 'Junior', 'Senior', 'Student'; blank = full fare
                            (no discount). Constant per card.
  transfer         TEXT     'yes' when the tap is a transfer continuing the card's previous ride (boarded
                            within minutes of leaving the previous vehicle; fare 0), else 'no'.
  refunded         TEXT     'yes' when the tap was refunded (e.g. a double tap); then fare_chf holds the
                            reversed fare as a negative amount. 'no' otherwise.
  fare_chf         REAL     fare charged for the tap, CHF: 0 for transfers, negative for refunds.
  payment_method   TEXT     'travel card', 'app', 'contactless bank card'.
"""
import random
import datetime as _dt

from ..case import C, T, F

W = "water_bills"
R = "tram_rides"


def _d(x):
    return x.strftime("%Y-%m-%d")


def gen_water():
    rng = random.Random(80231)
    districts = ["Altstadt", "Altstetten", "Oerlikon", "Wiedikon", "Wipkingen", "Witikon", "Hottingen",
                 "Hirslanden"]
    tariffs = {"Standard": (2.15, 38.0), "Standard Plus": (2.45, 45.0), "Eco": (1.85, 32.0),
               "Social": (1.40, 20.0)}
    quarters = []
    for y in (2023, 2024):
        for q in range(4):
            s = _dt.date(y, 3 * q + 1, 1)
            e = (_dt.date(y + (q == 3), (3 * q + 3) % 12 + 1, 1) - _dt.timedelta(days=1))
            quarters.append((s, e))
    cols = [("bill_id", "TEXT"), ("account_id", "TEXT"), ("district", "TEXT"), ("tariff", "TEXT"),
            ("household_size", "INTEGER"), ("autopay", "TEXT"), ("period_start", "TEXT"), ("period_end", "TEXT"),
            ("issue_date", "TEXT"), ("due_date", "TEXT"), ("paid_date", "TEXT"), ("meter_estimated", "TEXT"),
            ("m3_used", "REAL"), ("rate_chf_per_m3", "REAL"), ("water_charge_chf", "REAL"),
            ("base_fee_chf", "REAL"), ("late_fee_chf", "REAL"), ("credit_chf", "REAL"), ("credit_reason", "TEXT"),
            ("total_chf", "REAL")]
    rows = []
    bill_no = 10001
    last_day = _dt.date(2025, 2, 10)  # data extract date: later payments are not known yet
    for a in range(66):
        acc = "ACC-%d" % (2001 + a)
        district = rng.choice(districts)
        tariff = rng.choices(list(tariffs), weights=[45, 20, 20, 15])[0]
        size = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6])
        size_known = rng.random() > 0.08
        autopay = "yes" if rng.random() < 0.45 else "no"
        start_q = rng.choice([0, 0, 0, 0, 1, 2, 3, 4, 5])
        prev_est = 0.0
        rate, base = tariffs[tariff]
        for qi in range(start_q, 8):
            s, e = quarters[qi]
            summer = 1.25 if s.month in (4, 7) else 1.0
            real = size * rng.uniform(9.0, 15.0) * summer
            estimated = rng.random() < 0.2
            if estimated:
                m3 = round(real * (rng.uniform(1.9, 2.6) if rng.random() < 0.3 else rng.uniform(0.9, 1.4)), 1)
                prev_est += m3 - real
            else:
                m3 = round(real - prev_est, 1)
                prev_est = 0.0
                if m3 == 0:
                    m3 = 0.5
            issue = e + _dt.timedelta(days=rng.randint(5, 20))
            due = issue + _dt.timedelta(days=30)
            if autopay == "yes":
                paid = due - _dt.timedelta(days=rng.randint(0, 3))
                if rng.random() < 0.04:
                    paid = due + _dt.timedelta(days=rng.randint(3, 20))  # direct debit bounced
            else:
                paid = issue + _dt.timedelta(days=int(rng.triangular(2, 75, 24)))
            if paid > last_day or (rng.random() < 0.03 and qi < 7):
                paid = None
            late = None
            if paid is not None and paid > due:
                late = 20.0 if (paid - due).days <= 30 else 35.0
            credit, reason = None, None
            r = rng.random()
            if r < 0.05:
                credit, reason = -round(rng.uniform(20, 90), 2), "leak rebate"
            elif r < 0.08:
                credit, reason = -round(rng.uniform(60, 180), 2), "leak repair subsidy"
            elif r < 0.12:
                credit, reason = -round(rng.uniform(10, 70), 2), "overbilling refund"
            elif r < 0.14:
                credit, reason = -round(rng.uniform(5, 30), 2), "goodwill"
            charge = round(m3 * rate, 2)
            total = round(charge + base + (late or 0) + (credit or 0), 2)
            rows.append(["WB-%d" % bill_no, acc, district, tariff, size if size_known else None, autopay,
                         _d(s), _d(e), _d(issue), _d(due), _d(paid) if paid else None,
                         "yes" if estimated else "no", m3, rate, charge, base, late, credit, reason, total])
            bill_no += 1
    return cols, rows


def gen_trams():
    rng = random.Random(41977)
    lines = {
        "Tram 2": ("tram", ["Bahnhofplatz/HB", "Paradeplatz", "Bellevue", "Stauffacher", "Bahnhofstrasse/HB",
                            "Hardplatz"]),
        "Tram 4": ("tram", ["Bahnhofquai/HB", "Central", "Bellevue", "Escher-Wyss-Platz", "Hardturm",
                            "Stadelhofen"]),
        "Tram 11": ("tram", ["Bahnhof Oerlikon", "Bahnhofplatz/HB", "Paradeplatz", "Bellevue", "Rehalp"]),
        "Tram 13": ("tram", ["Bahnhofquai/HB", "Escher-Wyss-Platz", "Hardbruecke", "Stauffacher", "Albisgueetli"]),
        "Tram 14": ("tram", ["Bahnhof Oerlikon", "Central", "Bahnhofplatz/HB", "Stauffacher", "Milchbuck"]),
        "Bus 31": ("bus", ["Hardplatz", "Hardbruecke", "Central", "Klusplatz", "Hegibachplatz"]),
        "Bus 32": ("bus", ["Hardturm", "Hardbruecke", "Stauffacher", "Bucheggplatz", "Milchbuck"]),
        "Bus 72": ("bus", ["Bucheggplatz", "Milchbuck", "Hardbruecke", "Zoo"]),
    }
    line_w = [14, 16, 12, 13, 11, 12, 9, 6]
    base_fare = {1: 2.80, 2: 4.60, 3: 7.00, 4: 9.20}
    disc = {None: 1.0, "Half-Fare": 0.5, "Junior": 0.5, "Senior": 0.7, "Student": 0.75}
    cards = []
    for c in range(60):
        d = rng.choices([None, "Half-Fare", "Junior", "Senior", "Student"], weights=[45, 25, 8, 12, 10])[0]
        pay = rng.choices(["travel card", "app", "contactless bank card"], weights=[55, 25, 20])[0]
        zones = rng.choices([1, 2, 3, 4], weights=[45, 30, 17, 8])[0]
        cards.append(("CARD-%d" % (3001 + c), d, pay, zones, rng.uniform(0.3, 3.0)))
    start = _dt.datetime(2024, 4, 1)
    taps = []
    while len(taps) < 400:
        card = rng.choices(cards, weights=[c[4] for c in cards])[0]
        cid, d, pay, zones, _ = card
        day = start + _dt.timedelta(days=rng.randint(0, 90))
        hour = rng.choices(range(5, 24), weights=[2, 8, 14, 12, 6, 5, 6, 7, 6, 5, 6, 9, 13, 10, 7, 5, 4, 3, 2])[0]
        t = day + _dt.timedelta(hours=hour, minutes=rng.randint(0, 59))
        z = zones if rng.random() < 0.8 else rng.choice([1, 2, 3, 4])
        line = rng.choices(list(lines), weights=line_w)[0]
        legs = [line]
        if rng.random() < 0.22:
            legs.append(rng.choice([l for l in lines if l != line]))
        tt = t
        for i, ln in enumerate(legs):
            mode, stops = lines[ln]
            stop = rng.choice(stops)
            ride = rng.randint(4, 28)
            off = tt + _dt.timedelta(minutes=ride) if rng.random() < 0.7 else None
            fare = 0.0 if i > 0 else round(round(base_fare[z] * disc[d] * 10) / 10, 2)
            taps.append([cid, ln, mode, stop, tt, off, z, d, "yes" if i > 0 else "no", "no", fare, pay])
            tt = tt + _dt.timedelta(minutes=ride + rng.randint(2, 12))
    taps = taps[:400]
    taps.sort(key=lambda r: (r[4], r[0]))
    # a few refunds: a paid tap reversed (double tap, delay compensation)
    paid_idx = [i for i, r in enumerate(taps) if r[8] == "no" and r[10] > 0]
    for i in rng.sample(paid_idx, 9):
        taps[i][9] = "yes"
        taps[i][10] = -taps[i][10]
    cols = [("tap_id", "INTEGER"), ("card_id", "TEXT"), ("line", "TEXT"), ("mode", "TEXT"), ("stop_name", "TEXT"),
            ("tap_time", "TEXT"), ("tap_off_time", "TEXT"), ("zones", "INTEGER"), ("discount_type", "TEXT"),
            ("transfer", "TEXT"), ("refunded", "TEXT"), ("fare_chf", "REAL"), ("payment_method", "TEXT")]
    rows = []
    for i, r in enumerate(taps):
        fmt = "%Y-%m-%d %H:%M"
        rows.append([500001 + i, r[0], r[1], r[2], r[3], r[4].strftime(fmt),
                     r[5].strftime(fmt) if r[5] else None, r[6], r[7], r[8], r[9], r[10], r[11]])
    return cols, rows


TABLES = {W: gen_water, R: gen_trams}


CASES = [
    # ---------------- water_bills ----------------
    # 1: the measure behind a count word
    C(W, 1, "How many accounts do we bill in Oerlikon?",
      "SELECT COUNT(DISTINCT account_id) AS accounts FROM water_bills WHERE district = 'Oerlikon'"),
    C(W, 1, "how many bills did we issue during 2024",
      "SELECT COUNT(*) AS bills FROM water_bills WHERE issue_date LIKE '2024-%'"),
    C(W, 1, "How many cubic metres of water did we bill for 2023 in total?",
      "SELECT ROUND(SUM(m3_used), 1) AS m3 FROM water_bills WHERE period_start LIKE '2023-%'"),
    C(W, 1, "How many households have had at least one estimated meter reading?",
      "SELECT COUNT(DISTINCT account_id) AS households FROM water_bills WHERE meter_estimated = 'yes'"),
    C(W, 1, "Number of late fees charged so far",
      "SELECT COUNT(late_fee_chf) AS late_fees FROM water_bills"),
    C(W, 1, "How many residents live in the households we bill? Only count households whose size we know.",
      "SELECT SUM(household_size) AS residents FROM (SELECT DISTINCT account_id, household_size FROM water_bills "
      "WHERE household_size IS NOT NULL)"),
    C(W, 1, "how much water did Standard Plus customers use in 2024-Q2",
      "SELECT ROUND(SUM(m3_used), 1) AS m3 FROM water_bills WHERE tariff = 'Standard Plus' "
      "AND period_start = '2024-04-01'"),

    # 2: per X vs group by
    C(W, 2, "What's the average water consumption per bill?",
      "SELECT AVG(m3_used) AS avg_m3 FROM water_bills"),
    C(W, 2, "average m3 per bill for each tariff",
      "SELECT tariff, AVG(m3_used) AS avg_m3 FROM water_bills GROUP BY tariff"),
    C(W, 2, "Total amount billed per district",
      "SELECT district, SUM(total_chf) AS total_billed FROM water_bills GROUP BY district"),
    C(W, 2, "On average, how much do we bill per quarter across all households combined?",
      "SELECT AVG(q_total) AS avg_quarterly_billing FROM (SELECT period_start, SUM(total_chf) AS q_total "
      "FROM water_bills GROUP BY period_start)"),
    C(W, 2, "Late fees charged per billing year",
      "SELECT CAST(strftime('%Y', period_start) AS INTEGER) AS year, SUM(late_fee_chf) AS late_fees "
      "FROM water_bills GROUP BY year"),
    C(W, 2, "What is the average number of bills per account?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT account_id) AS bills_per_account FROM water_bills"),

    # 3: filters
    C(W, 3, "List the bills that got a credit of more than 100 francs",
      "SELECT bill_id FROM water_bills WHERE credit_chf < -100"),
    C(W, 3, "Which accounts outside Oerlikon and Wiedikon used over 150 m3 in a single quarter?",
      "SELECT DISTINCT account_id FROM water_bills WHERE district NOT IN ('Oerlikon', 'Wiedikon') "
      "AND m3_used > 150"),
    C(W, 3, "How many bills were either based on an estimated reading or carried a late fee?",
      "SELECT COUNT(*) AS bills FROM water_bills WHERE meter_estimated = 'yes' OR late_fee_chf IS NOT NULL"),
    C(W, 3, "total billed to households in the districts whose names start with Wi",
      "SELECT SUM(total_chf) AS total_billed FROM water_bills WHERE district LIKE 'Wi%'"),
    C(W, 3, "Which districts have more than 60 bills?",
      "SELECT district FROM water_bills GROUP BY district HAVING COUNT(*) > 60"),
    C(W, 3, "How many bills show more water used than the average bill?",
      "SELECT COUNT(*) AS bills FROM water_bills WHERE m3_used > (SELECT AVG(m3_used) FROM water_bills)"),
    C(W, 3, "Show the credits that were not leak related: bill, reason and amount",
      "SELECT bill_id, credit_reason, credit_chf FROM water_bills WHERE credit_chf IS NOT NULL "
      "AND credit_reason NOT LIKE 'leak%'"),
    C(W, 3, "Unpaid bills, leaving out the most recent quarter (2024-Q4) - which bill and which account?",
      "SELECT bill_id, account_id FROM water_bills WHERE paid_date IS NULL AND period_start <> '2024-10-01'"),
    C(W, 3, "Which accounts have received more than 150 CHF in credits altogether?",
      "SELECT account_id FROM water_bills GROUP BY account_id HAVING SUM(credit_chf) < -150"),
    C(W, 3, "bills where the consumption came out negative, how many per district",
      "SELECT district, COUNT(*) AS bills FROM water_bills WHERE m3_used < 0 GROUP BY district"),

    # 4: explicit order and shape
    C(W, 4, "Top 3 accounts by total water use, highest first",
      "SELECT account_id, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills GROUP BY account_id "
      "ORDER BY SUM(m3_used) DESC LIMIT 3", ordered=True),
    C(W, 4, "Rank the districts by average bill total from low to high",
      "SELECT district, AVG(total_chf) AS avg_bill FROM water_bills GROUP BY district ORDER BY avg_bill ASC",
      ordered=True),
    C(W, 4, "List the tariffs sorted by number of accounts, descending",
      "SELECT tariff, COUNT(DISTINCT account_id) AS accounts FROM water_bills GROUP BY tariff "
      "ORDER BY accounts DESC", ordered=True),
    C(W, 4, "The ten biggest bills by amount, biggest first",
      "SELECT bill_id, total_chf FROM water_bills ORDER BY total_chf DESC LIMIT 10", ordered=True),
    C(W, 4, "districts in alphabetical order with the number of estimated readings in each",
      "SELECT district, SUM(meter_estimated = 'yes') AS estimated_readings FROM water_bills GROUP BY district "
      "ORDER BY district", ordered=True),
    C(W, 4, "Which 3 billing quarters had the lowest total consumption?",
      "SELECT quarter(period_start) AS quarter, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills "
      "GROUP BY period_start ORDER BY SUM(m3_used) ASC LIMIT 3"),

    # 5: several columns, series
    C(W, 5, "Stacked bar chart of total billed per quarter, stacked by tariff",
      "SELECT quarter(period_start) AS quarter, tariff, SUM(total_chf) AS total_billed FROM water_bills "
      "GROUP BY period_start, tariff", chart="bar", series=True),
    C(W, 5, "number of bills and total m3 for each district and tariff",
      "SELECT district, tariff, COUNT(*) AS bills, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills "
      "GROUP BY district, tariff"),
    C(W, 5, "For every account with a known household size, plot household size against its average "
            "quarterly consumption as a scatter",
      "SELECT account_id, household_size, AVG(m3_used) AS avg_m3 FROM water_bills "
      "WHERE household_size IS NOT NULL GROUP BY account_id, household_size", chart="scatter"),
    C(W, 5, "Line chart of total consumption per quarter with one line per tariff",
      "SELECT quarter(period_start) AS quarter, tariff, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills "
      "GROUP BY period_start, tariff", chart="line", series=True),
    C(W, 5, "Count of estimated vs actual readings in each quarter",
      "SELECT quarter(period_start) AS quarter, meter_estimated, COUNT(*) AS bills FROM water_bills "
      "GROUP BY period_start, meter_estimated"),
    C(W, 5, "average bill total and average consumption by tariff",
      "SELECT tariff, AVG(total_chf) AS avg_bill, AVG(m3_used) AS avg_m3 FROM water_bills GROUP BY tariff"),
    C(W, 5, "grouped bars: late fees per district, autopay accounts next to the others",
      "SELECT district, autopay, SUM(COALESCE(late_fee_chf, 0)) AS late_fees FROM water_bills "
      "GROUP BY district, autopay", chart="bar", series=True),

    # 6: analysis kind
    C(W, 6, "Is household size correlated with the water used on a bill? Give the correlation coefficient.",
      "SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y)) / sqrt((COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) * "
      "(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y))) AS correlation FROM (SELECT household_size * 1.0 AS x, "
      "m3_used AS y FROM water_bills WHERE household_size IS NOT NULL)"),
    C(W, 6, "box plot of bill totals by tariff",
      "SELECT tariff, MIN(total_chf) AS min_total, median(total_chf) AS median_total, MAX(total_chf) AS max_total "
      "FROM water_bills GROUP BY tariff", chart="box"),
    C(W, 6, "Histogram of quarterly consumption using 25 m3 bins",
      "SELECT CAST(floor(m3_used / 25.0) * 25 AS INTEGER) AS bin_start, COUNT(*) AS bills FROM water_bills "
      "GROUP BY bin_start", chart="histogram"),
    T(W, 6, "What does the distribution of bill totals look like?", "distribution_plot", ["total_chf"]),
    C(W, 6, "Scatter plot of m3 used against the total amount, one point per bill, for the 2024-Q4 bills",
      "SELECT m3_used, total_chf FROM water_bills WHERE period_start = '2024-10-01'", chart="scatter"),
    C(W, 6, "Show consumption by district as box plots",
      "SELECT district, MIN(m3_used) AS min_m3, median(m3_used) AS median_m3, MAX(m3_used) AS max_m3 "
      "FROM water_bills GROUP BY district", chart="box"),

    # 7: derived measures
    C(W, 7, "Average number of days between a bill being issued and being paid, by district",
      "SELECT district, AVG(julianday(paid_date) - julianday(issue_date)) AS avg_days FROM water_bills "
      "WHERE paid_date IS NOT NULL GROUP BY district"),
    C(W, 7, "Of the bills that have been paid, what percent were paid after the due date?",
      "SELECT 100.0 * SUM(paid_date > due_date) / COUNT(*) AS pct_late FROM water_bills "
      "WHERE paid_date IS NOT NULL"),
    C(W, 7, "percent change in total consumption from 2023-Q4 to 2024-Q4",
      "SELECT (SUM(CASE WHEN period_start = '2024-10-01' THEN m3_used END) - "
      "SUM(CASE WHEN period_start = '2023-10-01' THEN m3_used END)) * 100.0 / "
      "SUM(CASE WHEN period_start = '2023-10-01' THEN m3_used END) AS pct_change FROM water_bills"),
    C(W, 7, "Running total of the amount billed, quarter by quarter",
      "SELECT quarter, SUM(q_total) OVER (ORDER BY quarter) AS running_total FROM (SELECT quarter(period_start) "
      "AS quarter, SUM(total_chf) AS q_total FROM water_bills GROUP BY period_start) ORDER BY quarter",
      ordered=True),
    C(W, 7, "For each tariff, total billed divided by total cubic metres",
      "SELECT tariff, SUM(total_chf) / SUM(m3_used) AS chf_per_m3 FROM water_bills GROUP BY tariff"),
    C(W, 7, "How many bills were paid in each month of the year (1-12), all years together?",
      "SELECT CAST(strftime('%m', paid_date) AS INTEGER) AS month, COUNT(*) AS bills FROM water_bills "
      "WHERE paid_date IS NOT NULL GROUP BY month"),
    C(W, 7, "On which weekdays do payments come in? count of paid bills by day of week",
      "SELECT dayname(paid_date) AS weekday, COUNT(*) AS bills FROM water_bills WHERE paid_date IS NOT NULL "
      "GROUP BY weekday"),
    C(W, 7, "Late fees as a percentage of the total billed, for each billing year",
      "SELECT CAST(strftime('%Y', period_start) AS INTEGER) AS year, "
      "SUM(COALESCE(late_fee_chf, 0)) * 100.0 / SUM(total_chf) AS late_fee_pct FROM water_bills GROUP BY year"),

    # 8: words about the chart
    C(W, 8, "Bar chart with the districts on the x axis and total m3 on the y axis",
      "SELECT district, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills GROUP BY district", chart="bar"),
    C(W, 8, "Visualize the number of accounts on each tariff as a pie",
      "SELECT tariff, COUNT(DISTINCT account_id) AS accounts FROM water_bills GROUP BY tariff", chart="pie"),
    C(W, 8, "Plot the billing quarters along the x axis and the average bill amount on the y axis, as a line",
      "SELECT quarter(period_start) AS quarter, AVG(total_chf) AS avg_bill FROM water_bills "
      "GROUP BY period_start", chart="line"),
    C(W, 8, "histogram of bill totals, bin width 50 CHF",
      "SELECT CAST(floor(total_chf / 50.0) * 50 AS INTEGER) AS bin_start, COUNT(*) AS bills FROM water_bills "
      "GROUP BY bin_start", chart="histogram"),
    C(W, 8, "Display one bar per credit reason showing the total credited",
      "SELECT credit_reason, SUM(credit_chf) AS total_credit FROM water_bills WHERE credit_reason IS NOT NULL "
      "GROUP BY credit_reason", chart="bar"),
    C(W, 8, "chart the total billed per district, one bar per district, tallest bar first",
      "SELECT district, SUM(total_chf) AS total_billed FROM water_bills GROUP BY district "
      "ORDER BY total_billed DESC", chart="bar", ordered=True),

    # 9: shape of the answer
    C(W, 9, "Just the total amount billed for 2024, one number please",
      "SELECT SUM(total_chf) AS total_billed FROM water_bills WHERE period_start LIKE '2024-%'"),
    C(W, 9, "total consumption for each quarter of 2024 - quarter and m3 only",
      "SELECT quarter(period_start) AS quarter, ROUND(SUM(m3_used), 1) AS m3 FROM water_bills "
      "WHERE period_start LIKE '2024-%' GROUP BY period_start"),
    C(W, 9, "Bills issued per month in 2024, with the month written like 2024-01",
      "SELECT substr(issue_date, 1, 7) AS month, COUNT(*) AS bills FROM water_bills "
      "WHERE issue_date LIKE '2024-%' GROUP BY month"),
    C(W, 9, "Only the account ids that have an unpaid bill, nothing else",
      "SELECT DISTINCT account_id FROM water_bills WHERE paid_date IS NULL"),
    C(W, 9, "For each year, the number of different accounts we billed",
      "SELECT CAST(strftime('%Y', period_start) AS INTEGER) AS year, COUNT(DISTINCT account_id) AS accounts "
      "FROM water_bills GROUP BY year"),
    C(W, 9, "Which district has the highest average consumption per bill? Just the name.",
      "SELECT district FROM water_bills GROUP BY district ORDER BY AVG(m3_used) DESC LIMIT 1"),

    # basic
    C(W, "basic", "What's the total outstanding on unpaid bills?",
      "SELECT SUM(total_chf) AS outstanding FROM water_bills WHERE paid_date IS NULL"),
    C(W, "basic", "Sum of all credits and refunds on 2024 bills (credits are stored as negative amounts)",
      "SELECT SUM(credit_chf) AS credits FROM water_bills WHERE period_start LIKE '2024-%'"),
    C(W, "basic", "Which tariff brings in the most money?",
      "SELECT tariff FROM water_bills GROUP BY tariff ORDER BY SUM(total_chf) DESC LIMIT 1"),
    C(W, "basic", "average bill for autopay vs non-autopay accounts",
      "SELECT autopay, AVG(total_chf) AS avg_bill FROM water_bills GROUP BY autopay"),
    C(W, "basic", "How many accounts does each district have?",
      "SELECT district, COUNT(DISTINCT account_id) AS accounts FROM water_bills GROUP BY district"),
    C(W, "basic", "When we do charge a late fee, how much is it on average?",
      "SELECT AVG(late_fee_chf) AS avg_late_fee FROM water_bills"),

    # ---------------- tram_rides ----------------
    # 1
    C(R, 1, "How many riders used the network in May?",
      "SELECT COUNT(DISTINCT card_id) AS riders FROM tram_rides WHERE tap_time LIKE '2024-05-%'"),
    C(R, 1, "how many taps were transfers",
      "SELECT COUNT(*) AS transfers FROM tram_rides WHERE transfer = 'yes'"),
    C(R, 1, "How many times did Half-Fare cards tap in?",
      "SELECT COUNT(*) AS taps FROM tram_rides WHERE discount_type = 'Half-Fare'"),
    C(R, 1, "How many different stops saw at least one tap-in on Bus 31?",
      "SELECT COUNT(DISTINCT stop_name) AS stops FROM tram_rides WHERE line = 'Bus 31'"),
    C(R, 1, "How many journeys were made, counting a journey as a tap-in that isn't a transfer?",
      "SELECT COUNT(*) AS journeys FROM tram_rides WHERE transfer = 'no'"),
    C(R, 1, "how many cards paid through the app",
      "SELECT COUNT(DISTINCT card_id) AS cards FROM tram_rides WHERE payment_method = 'app'"),

    # 2
    C(R, 2, "Average fare per tap-in?",
      "SELECT AVG(fare_chf) AS avg_fare FROM tram_rides"),
    C(R, 2, "Average fare for each discount type (just the discounted cards)",
      "SELECT discount_type, AVG(fare_chf) AS avg_fare FROM tram_rides WHERE discount_type IS NOT NULL "
      "GROUP BY discount_type"),
    C(R, 2, "fare revenue per line",
      "SELECT line, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY line"),
    C(R, 2, "What's the average number of tap-ins per card?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT card_id) AS taps_per_card FROM tram_rides"),
    C(R, 2, "On average how many tap-ins do we get per month?",
      "SELECT AVG(n) AS avg_taps FROM (SELECT substr(tap_time, 1, 7) AS m, COUNT(*) AS n FROM tram_rides "
      "GROUP BY m)"),
    C(R, 2, "tap-ins per hour of the day",
      "SELECT CAST(substr(tap_time, 12, 2) AS INTEGER) AS hour, COUNT(*) AS taps FROM tram_rides GROUP BY hour"),

    # 3
    C(R, 3, "How many refunds were for more than 5 francs?",
      "SELECT COUNT(*) AS refunds FROM tram_rides WHERE refunded = 'yes' AND fare_chf < -5"),
    C(R, 3, "How many tap-ins at stops whose name starts with Hard?",
      "SELECT COUNT(*) AS taps FROM tram_rides WHERE stop_name LIKE 'Hard%'"),
    C(R, 3, "tap counts for the stops with HB in their name",
      "SELECT stop_name, COUNT(*) AS taps FROM tram_rides WHERE stop_name GLOB '*HB*' GROUP BY stop_name"),
    C(R, 3, "Fare revenue from everything that isn't a tram",
      "SELECT SUM(fare_chf) AS revenue FROM tram_rides WHERE mode <> 'tram'"),
    C(R, 3, "Which cards tapped in more than 12 times?",
      "SELECT card_id FROM tram_rides GROUP BY card_id HAVING COUNT(*) > 12"),
    C(R, 3, "How many tap-ins on Tram 11 or Tram 13 from 8pm onwards?",
      "SELECT COUNT(*) AS taps FROM tram_rides WHERE line IN ('Tram 11', 'Tram 13') "
      "AND CAST(substr(tap_time, 12, 2) AS INTEGER) >= 20"),
    C(R, 3, "Which lines have an average fare above the network-wide average fare?",
      "SELECT line FROM tram_rides GROUP BY line HAVING AVG(fare_chf) > (SELECT AVG(fare_chf) FROM tram_rides)"),
    C(R, 3, "full-fare taps (no discount) paid with a contactless bank card, how many?",
      "SELECT COUNT(*) AS taps FROM tram_rides WHERE discount_type IS NULL "
      "AND payment_method = 'contactless bank card'"),
    C(R, 3, "Taps with a fare between 4 and 8 CHF, excluding transfers, counted by number of zones",
      "SELECT zones, COUNT(*) AS taps FROM tram_rides WHERE fare_chf BETWEEN 4 AND 8 AND transfer <> 'yes' "
      "GROUP BY zones"),

    # 4
    C(R, 4, "Top 5 stops by number of tap-ins",
      "SELECT stop_name, COUNT(*) AS taps FROM tram_rides GROUP BY stop_name ORDER BY taps DESC LIMIT 5"),
    C(R, 4, "lines ranked by revenue, highest first",
      "SELECT line, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY line ORDER BY revenue DESC", ordered=True),
    C(R, 4, "Take the 5 cards that spent the most in total and list them from smallest to largest spend",
      "SELECT card_id, spend FROM (SELECT card_id, SUM(fare_chf) AS spend FROM tram_rides GROUP BY card_id "
      "ORDER BY spend DESC LIMIT 5) ORDER BY spend ASC", ordered=True),
    C(R, 4, "Show the months in chronological order with their number of tap-ins",
      "SELECT substr(tap_time, 1, 7) AS month, COUNT(*) AS taps FROM tram_rides GROUP BY month ORDER BY month",
      ordered=True),
    C(R, 4, "List the discount types from lowest to highest average fare",
      "SELECT discount_type, AVG(fare_chf) AS avg_fare FROM tram_rides WHERE discount_type IS NOT NULL "
      "GROUP BY discount_type ORDER BY avg_fare ASC", ordered=True),
    C(R, 4, "the 3 busiest hours of the day by tap-ins, busiest first",
      "SELECT CAST(substr(tap_time, 12, 2) AS INTEGER) AS hour, COUNT(*) AS taps FROM tram_rides GROUP BY hour "
      "ORDER BY taps DESC LIMIT 3", ordered=True),

    # 5
    C(R, 5, "Stacked bar of tap-ins per month, split by mode",
      "SELECT substr(tap_time, 1, 7) AS month, mode, COUNT(*) AS taps FROM tram_rides GROUP BY month, mode",
      chart="bar", series=True),
    C(R, 5, "revenue by line and payment method",
      "SELECT line, payment_method, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY line, payment_method"),
    C(R, 5, "For each line, show how many tap-ins it had and the total fare collected",
      "SELECT line, COUNT(*) AS taps, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY line"),
    C(R, 5, "Scatter: number of tap-ins vs total spend, one dot per card",
      "SELECT card_id, COUNT(*) AS taps, SUM(fare_chf) AS spend FROM tram_rides GROUP BY card_id",
      chart="scatter"),
    C(R, 5, "Monthly tap-ins for each discount type as a line chart, discounted cards only",
      "SELECT substr(tap_time, 1, 7) AS month, discount_type, COUNT(*) AS taps FROM tram_rides "
      "WHERE discount_type IS NOT NULL GROUP BY month, discount_type", chart="line", series=True),
    C(R, 5, "average fare by zone count and mode",
      "SELECT zones, mode, AVG(fare_chf) AS avg_fare FROM tram_rides GROUP BY zones, mode"),

    # 6
    C(R, 6, "Box plot of fares by number of zones",
      "SELECT zones, MIN(fare_chf) AS min_fare, median(fare_chf) AS median_fare, MAX(fare_chf) AS max_fare "
      "FROM tram_rides GROUP BY zones", chart="box"),
    C(R, 6, "histogram of fares with 1 franc bins",
      "SELECT CAST(floor(fare_chf) AS INTEGER) AS bin_start, COUNT(*) AS taps FROM tram_rides GROUP BY bin_start",
      chart="histogram"),
    T(R, 6, "show me how fares are distributed", "distribution_plot", ["fare_chf"]),
    C(R, 6, "What's the correlation between the number of zones and the fare charged?",
      "SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y)) / sqrt((COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) * "
      "(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y))) AS correlation FROM (SELECT zones * 1.0 AS x, fare_chf AS y "
      "FROM tram_rides)"),
    C(R, 6, "Scatter of zones against fare for every tap-in on Bus 72",
      "SELECT zones, fare_chf FROM tram_rides WHERE line = 'Bus 72'", chart="scatter"),
    C(R, 6, "box plot of ride length in minutes per mode, for rides with a tap-off",
      "SELECT mode, MIN(mins) AS min_minutes, median(mins) AS median_minutes, MAX(mins) AS max_minutes FROM "
      "(SELECT mode, (strftime('%s', tap_off_time) - strftime('%s', tap_time)) / 60.0 AS mins FROM tram_rides "
      "WHERE tap_off_time IS NOT NULL) GROUP BY mode", chart="box"),

    # 7
    C(R, 7, "Average ride time in minutes by line, where the rider tapped off",
      "SELECT line, AVG((strftime('%s', tap_off_time) - strftime('%s', tap_time)) / 60.0) AS avg_minutes "
      "FROM tram_rides WHERE tap_off_time IS NOT NULL GROUP BY line"),
    C(R, 7, "tap-ins by day of week",
      "SELECT dayname(tap_time) AS weekday, COUNT(*) AS taps FROM tram_rides GROUP BY weekday"),
    C(R, 7, "Percent change in fare revenue from April to June",
      "SELECT (SUM(CASE WHEN tap_time LIKE '2024-06-%' THEN fare_chf END) - "
      "SUM(CASE WHEN tap_time LIKE '2024-04-%' THEN fare_chf END)) * 100.0 / "
      "SUM(CASE WHEN tap_time LIKE '2024-04-%' THEN fare_chf END) AS pct_change FROM tram_rides"),
    C(R, 7, "Running total of fare revenue by month",
      "SELECT month, SUM(rev) OVER (ORDER BY month) AS running_revenue FROM (SELECT substr(tap_time, 1, 7) AS month, "
      "SUM(fare_chf) AS rev FROM tram_rides GROUP BY month) ORDER BY month", ordered=True),
    C(R, 7, "What percentage of each line's tap-ins were transfers?",
      "SELECT line, 100.0 * SUM(transfer = 'yes') / COUNT(*) AS transfer_pct FROM tram_rides GROUP BY line"),
    C(R, 7, "revenue by hour of day",
      "SELECT CAST(substr(tap_time, 12, 2) AS INTEGER) AS hour, SUM(fare_chf) AS revenue FROM tram_rides "
      "GROUP BY hour"),
    C(R, 7, "Average fare on weekends versus weekdays",
      "SELECT CASE WHEN dayname(tap_time) IN ('Saturday', 'Sunday') THEN 'weekend' ELSE 'weekday' END AS day_type, "
      "AVG(fare_chf) AS avg_fare FROM tram_rides GROUP BY day_type"),

    # 8
    C(R, 8, "Bar chart: lines on the x axis, number of tap-ins on the y axis",
      "SELECT line, COUNT(*) AS taps FROM tram_rides GROUP BY line", chart="bar"),
    C(R, 8, "pie chart of tap-ins by payment method",
      "SELECT payment_method, COUNT(*) AS taps FROM tram_rides GROUP BY payment_method", chart="pie"),
    C(R, 8, "Plot month on the x-axis and fare revenue on the y-axis as a line",
      "SELECT substr(tap_time, 1, 7) AS month, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY month",
      chart="line"),
    C(R, 8, "Histogram of tap-in times with one-hour bins",
      "SELECT CAST(substr(tap_time, 12, 2) AS INTEGER) AS hour, COUNT(*) AS taps FROM tram_rides GROUP BY hour",
      chart="histogram"),
    C(R, 8, "Visualize the average fare for each number of zones with bars",
      "SELECT zones, AVG(fare_chf) AS avg_fare FROM tram_rides GROUP BY zones", chart="bar"),
    C(R, 8, "display the stops starting with Bahnhof as bars, height = number of tap-ins",
      "SELECT stop_name, COUNT(*) AS taps FROM tram_rides WHERE stop_name LIKE 'Bahnhof%' GROUP BY stop_name",
      chart="bar"),

    # 9
    C(R, 9, "Just the total fare revenue for June 2024",
      "SELECT SUM(fare_chf) AS revenue FROM tram_rides WHERE tap_time LIKE '2024-06-%'"),
    C(R, 9, "monthly bus revenue, months written as 2024-04 and so on",
      "SELECT substr(tap_time, 1, 7) AS month, SUM(fare_chf) AS revenue FROM tram_rides WHERE mode = 'bus' "
      "GROUP BY month"),
    C(R, 9, "Give me only the ids of the cards that got a refund",
      "SELECT DISTINCT card_id FROM tram_rides WHERE refunded = 'yes'"),
    C(R, 9, "number of tap-ins per weekday in May - only the weekday name and the count",
      "SELECT dayname(tap_time) AS weekday, COUNT(*) AS taps FROM tram_rides WHERE tap_time LIKE '2024-05-%' "
      "GROUP BY weekday"),
    C(R, 9, "Which line had the most transfers? name only",
      "SELECT line FROM tram_rides WHERE transfer = 'yes' GROUP BY line ORDER BY COUNT(*) DESC LIMIT 1"),
    C(R, 9, "Revenue per tram line, trams only, two columns: line and revenue",
      "SELECT line, SUM(fare_chf) AS revenue FROM tram_rides WHERE mode = 'tram' GROUP BY line"),

    # basic
    C(R, "basic", "What's our total fare revenue, net of refunds?",
      "SELECT SUM(fare_chf) AS revenue FROM tram_rides"),
    C(R, "basic", "busiest line?",
      "SELECT line FROM tram_rides GROUP BY line ORDER BY COUNT(*) DESC LIMIT 1"),
    C(R, "basic", "How many tap-ins were refunded?",
      "SELECT COUNT(*) AS refunds FROM tram_rides WHERE refunded = 'yes'"),
    C(R, "basic", "What's the most popular way to pay?",
      "SELECT payment_method FROM tram_rides GROUP BY payment_method ORDER BY COUNT(*) DESC LIMIT 1"),
    C(R, "basic", "Average fare paid by full-fare riders, ignoring transfers and refunds",
      "SELECT AVG(fare_chf) AS avg_fare FROM tram_rides WHERE discount_type IS NULL AND transfer = 'no' "
      "AND refunded = 'no'"),
    C(R, "basic", "revenue from trams vs buses",
      "SELECT mode, SUM(fare_chf) AS revenue FROM tram_rides GROUP BY mode"),
]

FLAGGED = [
    F(W, "Why did Hirslanden households use so much more water than Altstadt?",
      "asks for a cause; the bills record consumption, not why it differs"),
    F(W, "Forecast next year's water demand for Oerlikon",
      "a forecast beyond the billed periods"),
    F(W, "What's the average water pressure in each district?",
      "there is no pressure column"),
    F(W, "How many bills were late?",
      "two readings: bills paid after the due date, or those plus unpaid bills already past due"),
    F(R, "How crowded was Tram 4 during the morning rush?",
      "occupancy is not recorded; only individual tap-ins"),
    F(R, "Predict how many tap-ins we'll have in July",
      "a forecast beyond April-June 2024"),
    F(R, "Why did fewer people ride in June?",
      "asks for a cause the taps cannot show"),
    F(R, "How many trips did each card make?",
      "two readings: all tap-ins, or journeys excluding transfer taps"),
]
