"""Audit module (written blind): a ski resort's lift gate scans and a laundromat chain's machine cycles.

Table `lift_scans` -- one row per scan of a ski pass at a lift gate, winter season 2023-12-16 .. 2024-03-31.
A pass is scanned many times (several lifts a day, several days for 3-day and season passes), so pass_id
repeats; the pass attributes (pass_type, pass_price, purchase_date) are repeated on every scan of that pass.
  scan_id        INTEGER  unique id of the scan (one per row)
  pass_id        TEXT     pass identifier, e.g. 'P01087'; repeats across scans and days (one pass = one skier)
  pass_type      TEXT     'Day Adult', 'Day Child', '3-Day Adult', '3-Day Child', 'Season Adult', 'Season Child'
  lift_name      TEXT     lift where the gate is: 'Summit Express', 'Summit Quad', 'Summit T-Bar', 'Eagle Chair',
                          'Eagle Ridge Gondola', 'Valley Chair', 'Valley Carpet' (names share prefixes by area)
  scan_ts        TEXT     time of the scan, 'YYYY-MM-DD HH:MM' (local time, lifts run 08:30-16:30)
  vertical_m     INTEGER  vertical rise of that lift in metres (a property of the lift, same on every scan of it;
                          a denied scan did not ride, but the column still shows the lift's rise)
  wait_min       REAL     minutes the skier queued before the gate, from the queue camera; blank when the camera
                          had no reading
  denied         TEXT     'yes' when the gate refused the pass (no ride), else 'no'
  deny_reason    TEXT     'pass expired', 'passback', 'wrong lift access', 'photo mismatch'; blank on every
                          accepted scan and on some denied scans where the operator left it empty
  pass_price     REAL     price paid for the pass in EUR (whole pass, not per scan; repeats on each scan of it;
                          early-bird season passes and promotions make prices vary within a pass type)
  purchase_date  TEXT     date the pass was bought, 'YYYY-MM-DD' (season passes from October, day passes up to
                          three weeks before use)

Table `laundry_cycles` -- one row per machine cycle (a wash or a dry) in four self-service laundromats,
2024-01-02 .. 2024-06-30. A machine runs many cycles, so machine_id repeats; a loyalty card repeats too.
  cycle_id         INTEGER  unique id of the cycle
  store            TEXT     'SpinCity Centrum', 'SpinCity Centrum Oost', 'SpinCity Haven', 'WashHub Zuid'
  machine_id       TEXT     machine, store code + W (washer) or D (dryer) + number, e.g. 'CEN-W2', 'HAV-D1'
  machine_type     TEXT     'washer' or 'dryer'
  start_ts         TEXT     cycle start, 'YYYY-MM-DD HH:MM'
  end_ts           TEXT     cycle end, 'YYYY-MM-DD HH:MM'; blank when an errored cycle never reported its end
  programme        TEXT     washers: 'Cotton 40', 'Cotton 60', 'Cotton 90', 'Delicates 30', 'Quick 15',
                            'Bedding 60'; dryers: 'Dry Hot', 'Dry Warm', 'Dry Gentle'
  load_kg          REAL     weight loaded, kg (from the drum scale); can exceed capacity when overloaded
  capacity_kg      INTEGER  rated capacity of the machine, kg (8, 12, 18 for washers; 10, 16 for dryers)
  price_eur        REAL     list price charged for the cycle, EUR, before any loyalty discount
  loyalty_adj_eur  REAL     loyalty discount as a negative adjustment in EUR (-0.50, -1.00), 0 when a card was
                            shown but no discount applied, blank when no loyalty card was used
  loyalty_card     TEXT     loyalty card number, e.g. 'LC3154'; blank for walk-in customers; repeats
  energy_kwh       REAL     electricity used by the cycle, kWh
  error            TEXT     'yes' when the machine reported an error during the cycle, else 'no'
  refund_eur       REAL     money given back, stored as a negative EUR amount; blank when there was no refund
                            (mostly errored cycles, now and then a complaint on a good cycle)
  payment          TEXT     'card', 'coins' or 'app'
Net takings of a cycle = price_eur + loyalty_adj_eur + refund_eur (blanks counting as 0).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F

LIFTS = [("Summit Express", 620), ("Summit Quad", 480), ("Summit T-Bar", 210), ("Eagle Chair", 350),
         ("Eagle Ridge Gondola", 740), ("Valley Chair", 260), ("Valley Carpet", 15)]
LIFT_W = [18, 14, 6, 14, 16, 12, 5]
PASS_TYPES = [("Day Adult", 62.0), ("Day Child", 38.0), ("3-Day Adult", 165.0), ("3-Day Child", 99.0),
              ("Season Adult", 749.0), ("Season Child", 429.0)]
PASS_W = [30, 14, 16, 9, 12, 6]
DENY_REASONS = ["pass expired", "passback", "wrong lift access", "photo mismatch"]


def gen_lift_scans():
    rnd = random.Random(7311)
    season_start, season_end = date(2023, 12, 16), date(2024, 3, 31)
    ndays = (season_end - season_start).days + 1
    rows, scan_id = [], 50001
    pid = 1000
    scans = []
    while len(scans) < 380:
        pid += rnd.randint(1, 3)
        ptype, base = rnd.choices(PASS_TYPES, PASS_W)[0]
        if ptype.startswith("Season"):
            purchase = date(2023, 10, 1) + timedelta(days=rnd.randint(0, 75))
            price = base - (100.0 if purchase < date(2023, 11, 15) and ptype == "Season Adult" else
                            60.0 if purchase < date(2023, 11, 15) else 0.0)
            first = season_start + timedelta(days=rnd.randint(0, 20))
            days = sorted(set(first + timedelta(days=rnd.randint(0, ndays - 25)) for _ in range(rnd.randint(2, 5))) | {first})
            days = [d for d in days if d <= season_end]
        else:
            nd = 3 if ptype.startswith("3-Day") else 1
            first = season_start + timedelta(days=rnd.randint(0, ndays - 4))
            # weekends more likely for day passes
            if nd == 1 and first.weekday() < 5 and rnd.random() < 0.5:
                first += timedelta(days=5 - first.weekday())
            if first > season_end:
                first = season_end
            purchase = first - timedelta(days=rnd.choice([0, 0, 0, 1, 2, 5, 9, 14, 21]))
            price = base + rnd.choice([0.0, 0.0, 0.0, -5.0, 4.0]) if nd == 1 else base + rnd.choice([0.0, 0.0, -10.0, 6.0])
            days = [first + timedelta(days=i) for i in range(nd) if first + timedelta(days=i) <= season_end]
        child = "Child" in ptype
        for d in days:
            n = rnd.randint(1, 4) if not ptype.startswith("Season") else rnd.randint(1, 3)
            t = datetime(d.year, d.month, d.day, 8, 30) + timedelta(minutes=rnd.randint(0, 330))
            for _ in range(n):
                w = list(LIFT_W)
                if child:
                    w[6] *= 4; w[5] *= 2; w[4] //= 2
                lift, vert = rnd.choices(LIFTS, w)[0]
                hr = t.hour
                base_wait = {"Summit Express": 9, "Eagle Ridge Gondola": 11, "Summit Quad": 6, "Eagle Chair": 5,
                             "Summit T-Bar": 3, "Valley Chair": 4, "Valley Carpet": 1}[lift]
                if d.weekday() >= 5:
                    base_wait *= 1.6
                if 10 <= hr <= 12:
                    base_wait *= 1.3
                wait = round(max(0.0, rnd.gauss(base_wait, base_wait * 0.45)), 1)
                if rnd.random() < 0.06:
                    wait = None
                denied = "no"
                reason = None
                r = rnd.random()
                if lift != "Valley Carpet" and lift != "Summit T-Bar" and r < 0.075:
                    denied = "yes"
                    reason = rnd.choice(DENY_REASONS + [None])
                    if child and lift == "Eagle Ridge Gondola":
                        reason = "wrong lift access"
                scans.append((t, pid, ptype, lift, vert, wait, denied, reason, price, purchase))
                t += timedelta(minutes=int(rnd.randint(8, 40) + (wait or 0)))
                if t.hour >= 16 and t.minute > 20:
                    break
    scans.sort(key=lambda s: (s[0], s[1]))
    for s in scans:
        t, pid, ptype, lift, vert, wait, denied, reason, price, purchase = s
        rows.append((scan_id, "P%05d" % pid, ptype, lift, t.strftime("%Y-%m-%d %H:%M"), vert, wait, denied,
                     reason, price, purchase.isoformat()))
        scan_id += 1
    cols = [("scan_id", "INTEGER"), ("pass_id", "TEXT"), ("pass_type", "TEXT"), ("lift_name", "TEXT"),
            ("scan_ts", "TEXT"), ("vertical_m", "INTEGER"), ("wait_min", "REAL"), ("denied", "TEXT"),
            ("deny_reason", "TEXT"), ("pass_price", "REAL"), ("purchase_date", "TEXT")]
    return cols, rows


STORES = [("SpinCity Centrum", "CEN"), ("SpinCity Centrum Oost", "CEO"), ("SpinCity Haven", "HAV"),
          ("WashHub Zuid", "WHZ")]
WASH_PROGS = [("Cotton 40", 48, 0.9), ("Cotton 60", 62, 1.4), ("Cotton 90", 85, 2.3), ("Delicates 30", 40, 0.6),
              ("Quick 15", 18, 0.3), ("Bedding 60", 70, 1.6)]
DRY_PROGS = [("Dry Hot", 45, 3.2), ("Dry Warm", 40, 2.4), ("Dry Gentle", 35, 1.7)]


def gen_laundry_cycles():
    rnd = random.Random(4417)
    machines = []
    for store, code in STORES:
        nw = 5 if code in ("CEN", "HAV") else 4
        for i in range(1, nw + 1):
            cap = [8, 8, 12, 12, 18][i - 1]
            machines.append((store, "%s-W%d" % (code, i), "washer", cap))
        for i in range(1, 4):
            machines.append((store, "%s-D%d" % (code, i), "dryer", [10, 10, 16][i - 1]))
    store_w = {"SpinCity Centrum": 35, "SpinCity Centrum Oost": 20, "SpinCity Haven": 28, "WashHub Zuid": 17}
    cards = ["LC%04d" % (3000 + i * 7) for i in range(45)]
    rows = []
    start = datetime(2024, 1, 2, 7, 0)
    cid = 9001
    recs = []
    for _ in range(400):
        store = rnd.choices(list(store_w), list(store_w.values()))[0]
        m = rnd.choice([x for x in machines if x[0] == store])
        _, mid, mtype, cap = m
        day = start + timedelta(days=rnd.randint(0, 180))
        st = day.replace(hour=rnd.randint(7, 21), minute=rnd.randint(0, 59))
        if mtype == "washer":
            prog, dur, kwh = rnd.choices(WASH_PROGS, [30, 22, 6, 10, 14, 8])[0]
            price = {8: 4.50, 12: 6.50, 18: 9.00}[cap] + (1.00 if prog in ("Cotton 90", "Bedding 60") else 0.0)
            if prog == "Quick 15":
                price -= 1.50
            kwh = kwh * cap / 10
        else:
            prog, dur, kwh = rnd.choices(DRY_PROGS, [40, 35, 15])[0]
            price = {10: 3.00, 16: 4.50}[cap]
            kwh = kwh * cap / 12
        load = round(min(cap * 1.15, max(1.0, rnd.gauss(cap * 0.7, cap * 0.2))), 1)
        dur_real = dur + rnd.randint(-3, 6)
        energy = round(kwh * rnd.uniform(0.85, 1.15) * (0.8 + 0.3 * load / cap), 2)
        card = rnd.choice(cards) if rnd.random() < 0.55 else None
        adj = None
        if card:
            adj = rnd.choice([0.0, 0.0, -0.50, -0.50, -1.00])
        pay = rnd.choices(["card", "coins", "app"], [50, 20, 30])[0]
        if card and pay == "coins":
            pay = "app"
        err = "yes" if rnd.random() < 0.07 else "no"
        refund = None
        end = st + timedelta(minutes=dur_real)
        if err == "yes":
            end = st + timedelta(minutes=rnd.randint(3, max(4, dur_real // 2)))
            energy = round(energy * 0.3, 2)
            if rnd.random() < 0.75:
                refund = -round(price + (adj or 0.0), 2)
            if rnd.random() < 0.35:
                end = None
        elif rnd.random() < 0.02:
            refund = -round((price + (adj or 0.0)) / 2, 2)
        recs.append((st, store, mid, mtype, end, prog, load, cap, round(price, 2), adj, card, energy, err, refund, pay))
    recs.sort(key=lambda r: (r[0], r[2]))
    for r in recs:
        st, store, mid, mtype, end, prog, load, cap, price, adj, card, energy, err, refund, pay = r
        rows.append((cid, store, mid, mtype, st.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M") if end else None,
                     prog, load, cap, price, adj, card, energy, err, refund, pay))
        cid += 1
    cols = [("cycle_id", "INTEGER"), ("store", "TEXT"), ("machine_id", "TEXT"), ("machine_type", "TEXT"),
            ("start_ts", "TEXT"), ("end_ts", "TEXT"), ("programme", "TEXT"), ("load_kg", "REAL"),
            ("capacity_kg", "INTEGER"), ("price_eur", "REAL"), ("loyalty_adj_eur", "REAL"), ("loyalty_card", "TEXT"),
            ("energy_kwh", "REAL"), ("error", "TEXT"), ("refund_eur", "REAL"), ("payment", "TEXT")]
    return cols, rows
TABLES = {"lift_scans": gen_lift_scans, "laundry_cycles": gen_laundry_cycles}

L = "lift_scans"
W = "laundry_cycles"
PASSES = "(SELECT DISTINCT pass_id, pass_type, pass_price, purchase_date FROM lift_scans)"
DUR = "ROUND((julianday(end_ts) - julianday(start_ts)) * 1440)"
MONTH_L = "strftime('%Y-%m', scan_ts)"
MONTH_W = "strftime('%Y-%m', start_ts)"

CASES = [
    # ---------------- lift_scans ----------------
    # 1 the measure behind a count word
    C(L, 1, "How many passes were scanned at least once this season?",
      "SELECT COUNT(DISTINCT pass_id) AS passes FROM lift_scans"),
    C(L, 1, "how many season passes do we have in the data",
      "SELECT COUNT(DISTINCT pass_id) AS season_passes FROM lift_scans WHERE pass_type LIKE 'Season%'"),
    C(L, 1, "How many different skiers got through the gates at each lift?",
      "SELECT lift_name, COUNT(DISTINCT pass_id) AS skiers FROM lift_scans WHERE denied = 'no' GROUP BY lift_name"),
    C(L, 1, "How many ski days did Season Adult pass holders clock up in total? A ski day = one pass on one date.",
      "SELECT COUNT(*) AS ski_days FROM (SELECT DISTINCT pass_id, date(scan_ts) FROM lift_scans "
      "WHERE pass_type = 'Season Adult')"),
    C(L, 1, "Passes sold per month, going by the purchase date",
      "SELECT strftime('%Y-%m', purchase_date) AS month, COUNT(DISTINCT pass_id) AS passes_sold FROM lift_scans "
      "GROUP BY month"),
    C(L, 1, "how many people got turned away at a gate at least once, by pass type?",
      "SELECT pass_type, COUNT(DISTINCT pass_id) AS passes_denied FROM lift_scans WHERE denied = 'yes' "
      "GROUP BY pass_type"),
    C(L, 1, "On how many days were the lifts scanning anybody at all?",
      "SELECT COUNT(DISTINCT date(scan_ts)) AS days FROM lift_scans"),
    # 2 per X vs group by
    C(L, 2, "avg wait per lift",
      "SELECT lift_name, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY lift_name"),
    C(L, 2, "What's the average number of gate scans per pass?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT pass_id) AS scans_per_pass FROM lift_scans"),
    C(L, 2, "How many scans do we get per day on average, counting the days with any lift activity?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT date(scan_ts)) AS scans_per_day FROM lift_scans"),
    C(L, 2, "I need pass revenue per pass type",
      "SELECT pass_type, SUM(pass_price) AS revenue FROM " + PASSES + " GROUP BY pass_type"),
    C(L, 2, "What do we take in per pass on average?",
      "SELECT AVG(pass_price) AS avg_price FROM " + PASSES),
    C(L, 2, "scans per hour of the day",
      "SELECT CAST(strftime('%H', scan_ts) AS INTEGER) AS hour, COUNT(*) AS scans FROM lift_scans GROUP BY hour"),
    C(L, 2, "Average vertical metres per ride for each pass type - only rides where the gate let them through",
      "SELECT pass_type, AVG(vertical_m) AS avg_vertical_m FROM lift_scans WHERE denied = 'no' GROUP BY pass_type"),
    # 3 filters
    C(L, 3, "How many scans at the Summit lifts had a wait of more than 10 minutes?",
      "SELECT COUNT(*) AS scans FROM lift_scans WHERE lift_name LIKE 'Summit%' AND wait_min > 10"),
    C(L, 3, "Which lifts never denied anyone?",
      "SELECT lift_name FROM lift_scans GROUP BY lift_name HAVING SUM(denied = 'yes') = 0"),
    C(L, 3, "how many denied scans have no deny reason filled in",
      "SELECT COUNT(*) AS scans FROM lift_scans WHERE denied = 'yes' AND deny_reason IS NULL"),
    C(L, 3, "Scan counts by lift, leaving out the Valley lifts",
      "SELECT lift_name, COUNT(*) AS scans FROM lift_scans WHERE lift_name NOT LIKE 'Valley%' GROUP BY lift_name"),
    C(L, 3, "How many passes are either child passes or cost under 100 EUR?",
      "SELECT COUNT(*) AS passes FROM " + PASSES + " WHERE pass_type LIKE '%Child' OR pass_price < 100"),
    C(L, 3, "Which lifts average a wait above 8 mins?",
      "SELECT lift_name, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY lift_name HAVING AVG(wait_min) > 8"),
    C(L, 3, "How many passes cost more than the average pass?",
      "SELECT COUNT(*) AS passes FROM " + PASSES + " WHERE pass_price > (SELECT AVG(pass_price) FROM " + PASSES + ")"),
    C(L, 3, "Number of denials at the Eagle lifts where the reason was passback or pass expired",
      "SELECT COUNT(*) AS denials FROM lift_scans WHERE lift_name LIKE 'Eagle%' AND denied = 'yes' "
      "AND deny_reason IN ('passback', 'pass expired')"),
    C(L, 3, "which pass types had at least 5 denied scans",
      "SELECT pass_type, SUM(denied = 'yes') AS denied_scans FROM lift_scans GROUP BY pass_type "
      "HAVING SUM(denied = 'yes') >= 5"),
    # 4 order and shape
    C(L, 4, "Top 3 lifts by number of scans",
      "SELECT lift_name, COUNT(*) AS scans FROM lift_scans GROUP BY lift_name ORDER BY scans DESC LIMIT 3",
      ordered=True),
    C(L, 4, "List the lifts from the smallest vertical to the biggest",
      "SELECT lift_name, MAX(vertical_m) AS vertical_m FROM lift_scans GROUP BY lift_name ORDER BY vertical_m ASC",
      ordered=True),
    C(L, 4, "Which 5 passes racked up the most vertical metres? Only count rides, not denied scans.",
      "SELECT pass_id, SUM(vertical_m) AS vertical_m FROM lift_scans WHERE denied = 'no' GROUP BY pass_id "
      "ORDER BY vertical_m DESC LIMIT 5", ordered=True),
    C(L, 4, "pass types ranked by average wait, shortest first",
      "SELECT pass_type, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY pass_type ORDER BY avg_wait_min ASC",
      ordered=True),
    C(L, 4, "What was the busiest day of the season (most scans)?",
      "SELECT date(scan_ts) AS day, COUNT(*) AS scans FROM lift_scans GROUP BY day ORDER BY scans DESC LIMIT 1"),
    C(L, 4, "Show me the 2 quietest lifts by scan count, lowest first",
      "SELECT lift_name, COUNT(*) AS scans FROM lift_scans GROUP BY lift_name ORDER BY scans ASC LIMIT 2",
      ordered=True),
    C(L, 4, "sort the pass types by how much revenue they brought in, biggest first",
      "SELECT pass_type, SUM(pass_price) AS revenue FROM " + PASSES + " GROUP BY pass_type ORDER BY revenue DESC",
      ordered=True),
    # 5 several columns / series / scatter of aggregates
    C(L, 5, "Stacked bar of scans per month broken down by pass type",
      "SELECT " + MONTH_L + " AS month, pass_type, COUNT(*) AS scans FROM lift_scans GROUP BY month, pass_type",
      chart="bar", series=True),
    C(L, 5, "For each lift give me the number of scans and the average wait",
      "SELECT lift_name, COUNT(*) AS scans, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY lift_name"),
    C(L, 5, "scatter plot: average wait vs number of scans, one dot per lift",
      "SELECT lift_name, COUNT(*) AS scans, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY lift_name",
      chart="scatter"),
    C(L, 5, "Monthly scans split into denied vs accepted, as grouped bars",
      "SELECT " + MONTH_L + " AS month, denied, COUNT(*) AS scans FROM lift_scans GROUP BY month, denied",
      chart="bar", series=True),
    C(L, 5, "For each pass type: how many passes, total revenue and the average price",
      "SELECT pass_type, COUNT(*) AS passes, SUM(pass_price) AS revenue, AVG(pass_price) AS avg_price FROM "
      + PASSES + " GROUP BY pass_type"),
    C(L, 5, "Shortest and longest wait recorded at each lift",
      "SELECT lift_name, MIN(wait_min) AS min_wait, MAX(wait_min) AS max_wait FROM lift_scans GROUP BY lift_name"),
    # 6 analysis kind
    C(L, 6, "Box plot of wait minutes by lift",
      "SELECT lift_name, MIN(wait_min) AS min_wait, median(wait_min) AS median_wait, MAX(wait_min) AS max_wait "
      "FROM lift_scans GROUP BY lift_name", chart="box"),
    C(L, 6, "Histogram of wait times using 5-minute bins",
      "SELECT CAST(wait_min / 5 AS INTEGER) * 5 AS bin_start, COUNT(*) AS scans FROM lift_scans "
      "WHERE wait_min IS NOT NULL GROUP BY bin_start", chart="histogram"),
    C(L, 6, "Is there a correlation between how tall a lift is (vertical_m) and the wait at it? Use each scan.",
      "WITH d AS (SELECT vertical_m * 1.0 AS x, wait_min AS y FROM lift_scans WHERE wait_min IS NOT NULL) "
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * sqrt(AVG(y * y) - AVG(y) * AVG(y))) "
      "AS correlation FROM d"),
    T(L, 6, "What does the distribution of wait times look like?", "distribution_plot", ["wait_min"]),
    C(L, 6, "box plot of pass prices for each pass type (each pass counted once)",
      "SELECT pass_type, MIN(pass_price) AS min_price, median(pass_price) AS median_price, MAX(pass_price) AS max_price "
      "FROM " + PASSES + " GROUP BY pass_type", chart="box"),
    # 7 derived measures
    C(L, 7, "On average, how many days before their first scan did people buy their pass?",
      "SELECT AVG(lead_days) AS avg_days FROM (SELECT pass_id, julianday(MIN(date(scan_ts))) - "
      "julianday(MIN(purchase_date)) AS lead_days FROM lift_scans GROUP BY pass_id)"),
    C(L, 7, "Scans by day of the week",
      "SELECT dayname(scan_ts) AS weekday, COUNT(*) AS scans FROM lift_scans GROUP BY weekday"),
    C(L, 7, "month over month % change in scans",
      "WITH m AS (SELECT " + MONTH_L + " AS month, COUNT(*) AS n FROM lift_scans GROUP BY month), "
      "p AS (SELECT month, n, LAG(n) OVER (ORDER BY month) AS prev FROM m) "
      "SELECT month, (n - prev) * 100.0 / prev AS pct_change FROM p WHERE prev IS NOT NULL"),
    C(L, 7, "Running total of passes sold, by month of purchase",
      "WITH m AS (SELECT strftime('%Y-%m', purchase_date) AS month, COUNT(*) AS n FROM " + PASSES + " GROUP BY month) "
      "SELECT month, SUM(n) OVER (ORDER BY month) AS cumulative_passes FROM m"),
    C(L, 7, "What's the denial rate at each lift?",
      "SELECT lift_name, SUM(denied = 'yes') * 1.0 / COUNT(*) AS denial_rate FROM lift_scans GROUP BY lift_name"),
    C(L, 7, "which hour of the day has the longest average wait",
      "SELECT CAST(strftime('%H', scan_ts) AS INTEGER) AS hour, AVG(wait_min) AS avg_wait_min FROM lift_scans "
      "GROUP BY hour ORDER BY avg_wait_min DESC LIMIT 1"),
    C(L, 7, "Scans by month of the year",
      "SELECT CAST(strftime('%m', scan_ts) AS INTEGER) AS month, COUNT(*) AS scans FROM lift_scans GROUP BY month"),
    # 8 chart words
    C(L, 8, "Bar chart of scans by lift",
      "SELECT lift_name, COUNT(*) AS scans FROM lift_scans GROUP BY lift_name", chart="bar"),
    C(L, 8, "put pass type on the x axis and average wait on the y axis",
      "SELECT pass_type, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY pass_type"),
    C(L, 8, "Visualize the number of denied scans per month as a line",
      "SELECT " + MONTH_L + " AS month, COUNT(*) AS denied_scans FROM lift_scans WHERE denied = 'yes' GROUP BY month",
      chart="line"),
    C(L, 8, "Pie chart of scans by pass type",
      "SELECT pass_type, COUNT(*) AS scans FROM lift_scans GROUP BY pass_type", chart="pie"),
    C(L, 8, "Display a histogram of pass prices in 100-euro bins, one value per pass",
      "SELECT CAST(pass_price / 100 AS INTEGER) * 100 AS bin_start, COUNT(*) AS passes FROM " + PASSES +
      " GROUP BY bin_start", chart="histogram"),
    C(L, 8, "bars showing total vertical metres ridden on each lift, denied scans left out",
      "SELECT lift_name, SUM(vertical_m) AS vertical_m FROM lift_scans WHERE denied = 'no' GROUP BY lift_name",
      chart="bar"),
    C(L, 8, "Plot average wait by hour of day with the hour along the x-axis",
      "SELECT CAST(strftime('%H', scan_ts) AS INTEGER) AS hour, AVG(wait_min) AS avg_wait_min FROM lift_scans "
      "GROUP BY hour"),
    # 9 shape of the answer
    C(L, 9, "Were any Season Child passes ever denied? yes or no",
      "SELECT CASE WHEN SUM(denied = 'yes') > 0 THEN 'yes' ELSE 'no' END AS answer FROM lift_scans "
      "WHERE pass_type = 'Season Child'"),
    C(L, 9, "Just one number please: total pass revenue",
      "SELECT SUM(pass_price) AS revenue FROM " + PASSES),
    C(L, 9, "list the different deny reasons we've recorded",
      "SELECT DISTINCT deny_reason FROM lift_scans WHERE deny_reason IS NOT NULL"),
    C(L, 9, "Which lift has the longest average wait?",
      "SELECT lift_name, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY lift_name "
      "ORDER BY avg_wait_min DESC LIMIT 1"),
    C(L, 9, "Is the average wait at Summit Express longer than at the Eagle Ridge Gondola?",
      "SELECT CASE WHEN (SELECT AVG(wait_min) FROM lift_scans WHERE lift_name = 'Summit Express') > "
      "(SELECT AVG(wait_min) FROM lift_scans WHERE lift_name = 'Eagle Ridge Gondola') THEN 'yes' ELSE 'no' END AS answer"),
    C(L, 9, "what date was the first scan of the season",
      "SELECT date(MIN(scan_ts)) AS first_day FROM lift_scans"),
    # basic
    C(L, "basic", "How many scans did each lift get in January 2024?",
      "SELECT lift_name, COUNT(*) AS scans FROM lift_scans WHERE " + MONTH_L + " = '2024-01' GROUP BY lift_name"),
    C(L, "basic", "Average wait at each lift on weekends",
      "SELECT lift_name, AVG(wait_min) AS avg_wait_min FROM lift_scans "
      "WHERE dayname(scan_ts) IN ('Saturday', 'Sunday') GROUP BY lift_name"),
    C(L, "basic", "Can you break down the denied scans by reason? Leave out the ones with no reason.",
      "SELECT deny_reason, COUNT(*) AS denials FROM lift_scans WHERE denied = 'yes' AND deny_reason IS NOT NULL "
      "GROUP BY deny_reason"),
    C(L, "basic", "total vertical skied per pass type (dont count denied scans)",
      "SELECT pass_type, SUM(vertical_m) AS vertical_m FROM lift_scans WHERE denied = 'no' GROUP BY pass_type"),
    C(L, "basic", "Pass sales revenue by month of purchase",
      "SELECT strftime('%Y-%m', purchase_date) AS month, SUM(pass_price) AS revenue FROM " + PASSES +
      " GROUP BY month"),
    C(L, "basic", "Which passes were denied more than once?",
      "SELECT pass_id, SUM(denied = 'yes') AS denials FROM lift_scans GROUP BY pass_id HAVING SUM(denied = 'yes') > 1"),
    C(L, "basic", "Show me the average wait by month",
      "SELECT " + MONTH_L + " AS month, AVG(wait_min) AS avg_wait_min FROM lift_scans GROUP BY month"),

    # ---------------- laundry_cycles ----------------
    # 1 count words
    C(W, 1, "How many machines does each store have?",
      "SELECT store, COUNT(DISTINCT machine_id) AS machines FROM laundry_cycles GROUP BY store"),
    C(W, 1, "how many loyalty customers did we have overall",
      "SELECT COUNT(DISTINCT loyalty_card) AS customers FROM laundry_cycles"),
    C(W, 1, "How many kilos of laundry went through the washers?",
      "SELECT SUM(load_kg) AS kg FROM laundry_cycles WHERE machine_type = 'washer'"),
    C(W, 1, "Number of refunds per store",
      "SELECT store, COUNT(*) AS refunds FROM laundry_cycles WHERE refund_eur IS NOT NULL GROUP BY store"),
    C(W, 1, "How many loyalty-card customers came to each store?",
      "SELECT store, COUNT(DISTINCT loyalty_card) AS customers FROM laundry_cycles GROUP BY store"),
    C(W, 1, "How many machines threw at least one error?",
      "SELECT COUNT(DISTINCT machine_id) AS machines FROM laundry_cycles WHERE error = 'yes'"),
    C(W, 1, "how much electricity did the dryers use in total",
      "SELECT SUM(energy_kwh) AS kwh FROM laundry_cycles WHERE machine_type = 'dryer'"),
    # 2 per X
    C(W, 2, "Average price per cycle for each programme",
      "SELECT programme, AVG(price_eur) AS avg_price FROM laundry_cycles GROUP BY programme"),
    C(W, 2, "Across all washer cycles, how many kWh did we use per kg of laundry?",
      "SELECT SUM(energy_kwh) / SUM(load_kg) AS kwh_per_kg FROM laundry_cycles WHERE machine_type = 'washer'"),
    C(W, 2, "What's the average number of cycles per loyalty card?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT loyalty_card) AS cycles_per_card FROM laundry_cycles "
      "WHERE loyalty_card IS NOT NULL"),
    C(W, 2, "cycles per store",
      "SELECT store, COUNT(*) AS cycles FROM laundry_cycles GROUP BY store"),
    C(W, 2, "For every store, the average number of cycles per machine",
      "SELECT store, COUNT(*) * 1.0 / COUNT(DISTINCT machine_id) AS cycles_per_machine FROM laundry_cycles "
      "GROUP BY store"),
    C(W, 2, "Average load per washer cycle, by washer capacity",
      "SELECT capacity_kg, AVG(load_kg) AS avg_load_kg FROM laundry_cycles WHERE machine_type = 'washer' "
      "GROUP BY capacity_kg"),
    C(W, 2, "what's our average revenue per cycle? list price is fine",
      "SELECT AVG(price_eur) AS avg_price FROM laundry_cycles"),
    # 3 filters
    C(W, 3, "How many cycles actually got a loyalty discount?",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE loyalty_adj_eur < 0"),
    C(W, 3, "How many cycles had a loyalty discount bigger than 50 cents?",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE loyalty_adj_eur < -0.5"),
    C(W, 3, "How many cycles ran for longer than an hour?",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE " + DUR + " > 60"),
    C(W, 3, "Washer cycles that weren't on a Cotton programme, counted by programme",
      "SELECT programme, COUNT(*) AS cycles FROM laundry_cycles WHERE machine_type = 'washer' "
      "AND programme NOT LIKE 'Cotton%' GROUP BY programme"),
    C(W, 3, "How many cycles at SpinCity Centrum (the main one, not Oost) were paid with coins or the app?",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE store = 'SpinCity Centrum' AND payment IN ('coins', 'app')"),
    C(W, 3, "which machines had more than 2 errors",
      "SELECT machine_id, SUM(error = 'yes') AS errors FROM laundry_cycles GROUP BY machine_id "
      "HAVING SUM(error = 'yes') > 2"),
    C(W, 3, "How many times was a machine loaded over its rated capacity?",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE load_kg > capacity_kg"),
    C(W, 3, "Number of dryer cycles that used more energy than the average dryer cycle",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE machine_type = 'dryer' AND energy_kwh > "
      "(SELECT AVG(energy_kwh) FROM laundry_cycles WHERE machine_type = 'dryer')"),
    C(W, 3, "errored cycles across all the SpinCity stores",
      "SELECT COUNT(*) AS cycles FROM laundry_cycles WHERE store LIKE 'SpinCity%' AND error = 'yes'"),
    # 4 order and shape
    C(W, 4, "Top 5 machines by energy used",
      "SELECT machine_id, SUM(energy_kwh) AS kwh FROM laundry_cycles GROUP BY machine_id ORDER BY kwh DESC LIMIT 5",
      ordered=True),
    C(W, 4, "Programmes sorted by average energy use, lowest first",
      "SELECT programme, AVG(energy_kwh) AS avg_kwh FROM laundry_cycles GROUP BY programme ORDER BY avg_kwh ASC",
      ordered=True),
    C(W, 4, "Give me the 3 stores with the highest takings (list price)",
      "SELECT store, SUM(price_eur) AS revenue FROM laundry_cycles GROUP BY store ORDER BY revenue DESC LIMIT 3",
      ordered=True),
    C(W, 4, "who are our 3 biggest-spending loyalty card holders? list price is fine",
      "SELECT loyalty_card, SUM(price_eur) AS spend FROM laundry_cycles WHERE loyalty_card IS NOT NULL "
      "GROUP BY loyalty_card ORDER BY spend DESC LIMIT 3", ordered=True),
    C(W, 4, "List stores by error rate, highest to lowest",
      "SELECT store, SUM(error = 'yes') * 1.0 / COUNT(*) AS error_rate FROM laundry_cycles GROUP BY store "
      "ORDER BY error_rate DESC", ordered=True),
    C(W, 4, "Rank the months by number of cycles, busiest first",
      "SELECT " + MONTH_W + " AS month, COUNT(*) AS cycles FROM laundry_cycles GROUP BY month ORDER BY cycles DESC",
      ordered=True),
    # 5 several columns / series
    C(W, 5, "Cycles per month for washers and dryers as grouped bars",
      "SELECT " + MONTH_W + " AS month, machine_type, COUNT(*) AS cycles FROM laundry_cycles "
      "GROUP BY month, machine_type", chart="bar", series=True),
    C(W, 5, "For each store show total takings at list price and total kWh",
      "SELECT store, SUM(price_eur) AS revenue, SUM(energy_kwh) AS kwh FROM laundry_cycles GROUP BY store"),
    C(W, 5, "Scatter of average load against average energy, one point per programme",
      "SELECT programme, AVG(load_kg) AS avg_load_kg, AVG(energy_kwh) AS avg_kwh FROM laundry_cycles "
      "GROUP BY programme", chart="scatter"),
    C(W, 5, "monthly revenue per store, stacked",
      "SELECT " + MONTH_W + " AS month, store, SUM(price_eur) AS revenue FROM laundry_cycles GROUP BY month, store",
      series=True),
    C(W, 5, "For each programme: number of cycles, average load and average kWh",
      "SELECT programme, COUNT(*) AS cycles, AVG(load_kg) AS avg_load_kg, AVG(energy_kwh) AS avg_kwh "
      "FROM laundry_cycles GROUP BY programme"),
    C(W, 5, "washer vs dryer cycles at each store, side by side",
      "SELECT store, machine_type, COUNT(*) AS cycles FROM laundry_cycles GROUP BY store, machine_type",
      series=True),
    # 6 analysis kind
    C(W, 6, "Scatter plot of load (kg) vs energy (kWh) for every washer cycle at SpinCity Centrum",
      "SELECT load_kg, energy_kwh FROM laundry_cycles WHERE store = 'SpinCity Centrum' AND machine_type = 'washer'",
      chart="scatter"),
    C(W, 6, "box plot of cycle duration in minutes, washers vs dryers",
      "SELECT machine_type, MIN(" + DUR + ") AS min_minutes, median(" + DUR + ") AS median_minutes, MAX(" + DUR +
      ") AS max_minutes FROM laundry_cycles WHERE end_ts IS NOT NULL GROUP BY machine_type", chart="box"),
    C(W, 6, "How strongly does the load correlate with the energy used on washers?",
      "WITH d AS (SELECT load_kg AS x, energy_kwh AS y FROM laundry_cycles WHERE machine_type = 'washer') "
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * sqrt(AVG(y * y) - AVG(y) * AVG(y))) "
      "AS correlation FROM d"),
    C(W, 6, "Histogram of load_kg with 2 kg bins",
      "SELECT CAST(load_kg / 2 AS INTEGER) * 2 AS bin_start, COUNT(*) AS cycles FROM laundry_cycles GROUP BY bin_start",
      chart="histogram"),
    T(W, 6, "Show me the distribution of energy use per cycle", "distribution_plot", ["energy_kwh"]),
    C(W, 6, "box plot of price charged by store",
      "SELECT store, MIN(price_eur) AS min_price, median(price_eur) AS median_price, MAX(price_eur) AS max_price "
      "FROM laundry_cycles GROUP BY store", chart="box"),
    # 7 derived
    C(W, 7, "Average cycle length in minutes for each programme",
      "SELECT programme, AVG(" + DUR + ") AS avg_minutes FROM laundry_cycles WHERE end_ts IS NOT NULL "
      "GROUP BY programme"),
    C(W, 7, "cycles by day of week",
      "SELECT dayname(start_ts) AS weekday, COUNT(*) AS cycles FROM laundry_cycles GROUP BY weekday"),
    C(W, 7, "Running total of list-price revenue by month",
      "WITH m AS (SELECT " + MONTH_W + " AS month, SUM(price_eur) AS revenue FROM laundry_cycles GROUP BY month) "
      "SELECT month, SUM(revenue) OVER (ORDER BY month) AS cumulative_revenue FROM m"),
    C(W, 7, "Error rate per store as a percentage",
      "SELECT store, SUM(error = 'yes') * 100.0 / COUNT(*) AS error_pct FROM laundry_cycles GROUP BY store"),
    C(W, 7, "percent change in cycles month to month",
      "WITH m AS (SELECT " + MONTH_W + " AS month, COUNT(*) AS n FROM laundry_cycles GROUP BY month), "
      "p AS (SELECT month, n, LAG(n) OVER (ORDER BY month) AS prev FROM m) "
      "SELECT month, (n - prev) * 100.0 / prev AS pct_change FROM p WHERE prev IS NOT NULL"),
    C(W, 7, "Cycles per quarter",
      "SELECT quarter(start_ts) AS quarter, COUNT(*) AS cycles FROM laundry_cycles GROUP BY quarter"),
    C(W, 7, "How full do we load machines on average, as a percent of capacity, washers vs dryers?",
      "SELECT machine_type, AVG(load_kg * 100.0 / capacity_kg) AS avg_fill_pct FROM laundry_cycles "
      "GROUP BY machine_type"),
    C(W, 7, "what hour of the day do most cycles start",
      "SELECT CAST(strftime('%H', start_ts) AS INTEGER) AS hour, COUNT(*) AS cycles FROM laundry_cycles "
      "GROUP BY hour ORDER BY cycles DESC LIMIT 1"),
    # 8 chart words
    C(W, 8, "bar chart of list-price revenue per store",
      "SELECT store, SUM(price_eur) AS revenue FROM laundry_cycles GROUP BY store", chart="bar"),
    C(W, 8, "Month on the x axis, number of cycles on the y axis, one line per store",
      "SELECT " + MONTH_W + " AS month, store, COUNT(*) AS cycles FROM laundry_cycles GROUP BY month, store",
      chart="line", series=True),
    C(W, 8, "Pie chart: share of cycles by payment method",
      "SELECT payment, COUNT(*) AS cycles FROM laundry_cycles GROUP BY payment", chart="pie"),
    C(W, 8, "Visualise average energy per programme as bars",
      "SELECT programme, AVG(energy_kwh) AS avg_kwh FROM laundry_cycles GROUP BY programme", chart="bar"),
    C(W, 8, "histogram of energy_kwh, bin width 0.5",
      "SELECT CAST(energy_kwh / 0.5 AS INTEGER) * 0.5 AS bin_start, COUNT(*) AS cycles FROM laundry_cycles "
      "GROUP BY bin_start", chart="histogram"),
    C(W, 8, "show the number of refunds per month on a line chart",
      "SELECT " + MONTH_W + " AS month, COUNT(*) AS refunds FROM laundry_cycles WHERE refund_eur IS NOT NULL "
      "GROUP BY month", chart="line"),
    # 9 answer shape
    C(W, 9, "Did any dryer cycle ever get refunded? yes/no",
      "SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM laundry_cycles "
      "WHERE machine_type = 'dryer' AND refund_eur IS NOT NULL"),
    C(W, 9, "Total energy used, just the one figure",
      "SELECT SUM(energy_kwh) AS kwh FROM laundry_cycles"),
    C(W, 9, "list the machines at WashHub Zuid",
      "SELECT DISTINCT machine_id FROM laundry_cycles WHERE store = 'WashHub Zuid'"),
    C(W, 9, "Which programme gets used the most?",
      "SELECT programme, COUNT(*) AS cycles FROM laundry_cycles GROUP BY programme ORDER BY cycles DESC LIMIT 1"),
    C(W, 9, "Is SpinCity Haven's error rate higher than WashHub Zuid's?",
      "SELECT CASE WHEN (SELECT AVG(error = 'yes') FROM laundry_cycles WHERE store = 'SpinCity Haven') > "
      "(SELECT AVG(error = 'yes') FROM laundry_cycles WHERE store = 'WashHub Zuid') THEN 'yes' ELSE 'no' END AS answer"),
    C(W, 9, "what was the longest cycle, in minutes?",
      "SELECT MAX(" + DUR + ") AS minutes FROM laundry_cycles"),
    # basic
    C(W, "basic", "Net takings per store after loyalty discounts and refunds",
      "SELECT store, SUM(price_eur + COALESCE(loyalty_adj_eur, 0) + COALESCE(refund_eur, 0)) AS net_takings "
      "FROM laundry_cycles GROUP BY store"),
    C(W, "basic", "number of cycles by programme at SpinCity Centrum Oost",
      "SELECT programme, COUNT(*) AS cycles FROM laundry_cycles WHERE store = 'SpinCity Centrum Oost' "
      "GROUP BY programme"),
    C(W, "basic", "What does a wash cost on average, by machine capacity?",
      "SELECT capacity_kg, AVG(price_eur) AS avg_price FROM laundry_cycles WHERE machine_type = 'washer' "
      "GROUP BY capacity_kg"),
    C(W, "basic", "Monthly list-price revenue",
      "SELECT " + MONTH_W + " AS month, SUM(price_eur) AS revenue FROM laundry_cycles GROUP BY month"),
    C(W, "basic", "dryer energy use by store",
      "SELECT store, SUM(energy_kwh) AS kwh FROM laundry_cycles WHERE machine_type = 'dryer' GROUP BY store"),
    C(W, "basic", "Which stores had machine errors in Q2 2024, and how many?",
      "SELECT store, COUNT(*) AS errors FROM laundry_cycles WHERE error = 'yes' AND quarter(start_ts) = '2024-Q2' "
      "GROUP BY store"),
    C(W, "basic", "How much did we hand out in loyalty discounts each month? (they're stored as negatives)",
      "SELECT " + MONTH_W + " AS month, SUM(loyalty_adj_eur) AS loyalty_adj_eur FROM laundry_cycles GROUP BY month"),
]

FLAGGED = [
    F(L, "Which lift will have the longest queue next Saturday?", "a forecast; the table holds past scans only"),
    F(L, "Why were the waits so long in February?", "asks for a cause the data cannot show"),
    F(L, "What was the snow depth at the summit each week?", "no snow column"),
    F(L, "show me the passes", "names no measure: the pass list, counts by type, or revenue all fit"),
    F(W, "How much will we make in July?", "a forecast beyond the data, which ends in June"),
    F(W, "What's the water consumption per cycle?", "no water column"),
    F(W, "Which laundromat is the best?", "no measure: best by takings, cycles, errors or energy all fit"),
    F(W, "what's the average spend per customer", "two readings: one average figure or a list by loyalty card, "
      "and walk-ins have no customer id"),
]
