"""Audit module: an auction house's lot sales and a courier's delivery attempts (two invented tables).

auction_lots -- one row per lot offered at an auction house's sales, 2023-2024. A sale (one auction event, one
saleroom, one date) offers 7-14 lots, so sale_id repeats on every lot of that sale.
  lot_id            TEXT     unique lot reference, e.g. 'L10033'.
  sale_id           TEXT     the auction (sale event) the lot was offered in, e.g. 'S2301' = 2023's first sale;
                             repeats across the lots of a sale (34 sales).
  lot_number        INTEGER  running number of the lot within its sale catalogue (1, 2, ...).
  auction_date      TEXT     'YYYY-MM-DD', the day of the sale (same for every lot of a sale; weekdays only).
  saleroom          TEXT     where the sale was held: 'London King Street', 'London South Kensington',
                             'Edinburgh', 'Paris' (two London rooms share the prefix 'London').
  category          TEXT     specialist department of the lot; several share prefixes: 'Modern British Paintings',
                             'Modern Prints', 'Modern Design', 'Old Master Paintings', 'Old Master Drawings',
                             plus 'Silver', 'Jewellery', 'Watches', 'Fine Wine', 'Ceramics'.
  low_estimate      INTEGER  pre-sale low estimate, in the sale's currency (see `currency`), whole units.
  high_estimate     INTEGER  pre-sale high estimate, same currency, always above the low estimate.
  hammer_price      REAL     price at the fall of the hammer, in the sale's currency; blank when the lot did not
                             sell (bought in) or was withdrawn.
  buyers_premium    REAL     premium charged to the buyer on top of the hammer (25% of hammer in 2023, 26% in
                             2024), sale currency; blank when unsold.
  seller_commission REAL     commission charged to the consignor, sale currency; blank when unsold. Usually 10-15%
                             of hammer, but NEGATIVE for a few big lots where the house paid the consignor a rebate.
  sold              TEXT     'yes' when the lot sold, 'no' when it was bought in or withdrawn.
  withdrawn         TEXT     'yes' when the lot was withdrawn before the sale (never offered, no bids), else 'no'.
  bid_count         INTEGER  number of bids placed on the lot in the room, online and by phone (0 if none).
  buyer_id          TEXT     paddle/client number of the buyer, e.g. 'B1185'; repeats across lots a client bought;
                             blank when unsold.
  paid_date         TEXT     'YYYY-MM-DD' the buyer settled the invoice, on or after the auction date; blank when
                             unsold or still unpaid.
  height_cm         REAL     height of the object in centimetres; blank for wine, jewellery and watches, and for a
                             few objects not measured.
  currency          TEXT     currency of all money columns on the row: mostly 'GBP'; 'EUR' for the Paris sales and
                             'USD' for a few online South Kensington sales. Amounts are not converted.

courier_parcels -- one row per delivery attempt by a parcel courier, January-July 2024. A parcel that is not
delivered at the first attempt is tried again (up to 3 attempts), so parcel_id repeats; the parcel's own
attributes (depot, service, dates promised, weight, distance) repeat on each of its attempts.
  parcel_id          TEXT     parcel tracking number, e.g. 'P048006'; repeats across attempts.
  attempt_number     INTEGER  1 for the first attempt, 2 and 3 for re-deliveries.
  depot              TEXT     depot the parcel went out from: 'Leeds North', 'Leeds South', 'Leicester',
                              'Manchester Central', 'Manchester Trafford' (shared prefixes 'Leeds', 'Manchester').
  driver             TEXT     driver who made the attempt; first names share prefixes (Sam Patel, Sam Patterson,
                              Samira Begum; Dan Lowe, Daniel Ng, Danny Price; Jo Adams, Joe Barker, Joanna Lis;
                              Chris Hall, Christine Moss, Kris Hale; Lee Tran). Each driver belongs to one depot.
  service            TEXT     service bought: 'Standard' (2-3 days), 'Next Day', 'Next Day Before 10'.
  collected_date     TEXT     'YYYY-MM-DD' the parcel was collected from the sender.
  promised_at        TEXT     'YYYY-MM-DD HH:MM' the delivery deadline promised to the customer (18:00 for
                              Standard and Next Day, 10:00 for Next Day Before 10); same on every attempt.
  attempted_at       TEXT     'YYYY-MM-DD HH:MM' the time of this attempt.
  delivered_at       TEXT     'YYYY-MM-DD HH:MM' the delivery time, equal to attempted_at when the attempt
                              succeeded; blank for failed attempts.
  outcome            TEXT     'delivered', or why the attempt failed: 'not at home', 'no safe place',
                              'address not found', 'refused', 'damaged in transit'.
  returned_to_sender TEXT     'yes' on the final failed attempt of a parcel that went back to the sender, else 'no'.
  signature_required TEXT     'yes'/'no', whether the parcel needed a signature.
  weight_g           INTEGER  parcel weight in grams (a parcel attribute: repeats on each attempt).
  distance_km        REAL     road distance from depot to the delivery address in kilometres (repeats per attempt).
  delivery_fee       REAL     GBP billed for this attempt: the service price (plus weight bands) on the first
                              attempt, a 2.50 re-delivery fee on later attempts.
  surcharge          REAL     GBP adjustment on this attempt: positive for remote addresses (over 25 km),
                              NEGATIVE as a credit for a late delivery or a goodwill gesture; blank when none.
"""
import datetime
import random

from ..case import C, F, T


def _d(day):
    return day.strftime("%Y-%m-%d")


def _ts(t):
    return t.strftime("%Y-%m-%d %H:%M")


_CATS = [  # name, weight, typical low estimate, has height
    ("Modern British Paintings", 10, 6000, True),
    ("Modern Prints", 9, 1200, True),
    ("Modern Design", 7, 2500, True),
    ("Old Master Paintings", 5, 18000, True),
    ("Old Master Drawings", 5, 4000, True),
    ("Silver", 9, 1000, True),
    ("Jewellery", 10, 3500, False),
    ("Watches", 7, 5000, False),
    ("Fine Wine", 9, 800, False),
    ("Ceramics", 8, 600, True),
]
_ROOMS = ["London King Street", "London South Kensington", "Edinburgh", "Paris"]
_STEPS = [100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000,
          6000, 8000, 10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000, 60000, 80000, 100000]


def _nice(x):
    return min(_STEPS, key=lambda s: abs(s - x))


def _increment(x):
    if x < 1000:
        return 10
    if x < 5000:
        return 50
    if x < 20000:
        return 100
    return 500


def gen_auction_lots():
    rng = random.Random(41157)
    cols = [("lot_id", "TEXT"), ("sale_id", "TEXT"), ("lot_number", "INTEGER"), ("auction_date", "TEXT"),
            ("saleroom", "TEXT"), ("category", "TEXT"), ("low_estimate", "INTEGER"), ("high_estimate", "INTEGER"),
            ("hammer_price", "REAL"), ("buyers_premium", "REAL"), ("seller_commission", "REAL"),
            ("sold", "TEXT"), ("withdrawn", "TEXT"), ("bid_count", "INTEGER"), ("buyer_id", "TEXT"),
            ("paid_date", "TEXT"), ("height_cm", "REAL"), ("currency", "TEXT")]
    rows = []
    start = datetime.date(2023, 1, 10)
    sale_days = sorted(rng.sample(range(0, 715), 34))
    buyers = ["B%04d" % (1000 + 37 * i) for i in range(70)]
    catw = [c[1] for c in _CATS]
    lot_seq = 0
    per_year = {}
    for off in sale_days:
        day = start + datetime.timedelta(days=off)
        if day.weekday() >= 5:
            day += datetime.timedelta(days=7 - day.weekday())  # salerooms are closed at weekends
        per_year[day.year] = per_year.get(day.year, 0) + 1
        sale_id = "S%02d%02d" % (day.year % 100, per_year[day.year])
        room = rng.choices(_ROOMS, weights=[5, 4, 2, 1])[0]
        cur = "EUR" if room == "Paris" else "GBP"
        if room == "London South Kensington" and rng.random() < 0.25:
            cur = "USD"  # a few online sales run in dollars
        nlots = rng.randint(7, 14)
        for ln in range(1, nlots + 1):
            lot_seq += 1
            cat, _, scale, has_h = rng.choices(_CATS, weights=catw)[0]
            low = _nice(scale * rng.lognormvariate(0, 0.6))
            high = _nice(low * rng.choice([1.4, 1.5, 1.5, 1.6, 2.0]))
            if high <= low:
                high = _STEPS[_STEPS.index(low) + 1]
            withdrawn = "yes" if rng.random() < 0.045 else "no"
            sold = "no"
            hammer = prem = comm = buyer = paid = None
            bids = 0
            if withdrawn == "no":
                if rng.random() < 0.73:
                    sold = "yes"
                    raw = low * rng.lognormvariate(0.12, 0.42)
                    inc = _increment(raw)
                    hammer = float(round(raw / inc) * inc)
                    rate = 0.25 if day.year == 2023 else 0.26
                    prem = round(hammer * rate, 2)
                    if hammer >= 15000 and rng.random() < 0.55:
                        comm = round(-hammer * rng.choice([0.01, 0.02, 0.03]), 2)  # rebate to a major consignor
                    else:
                        comm = round(hammer * rng.choice([0.10, 0.12, 0.15]), 2)
                    bids = rng.randint(1, 9) + int(6 * max(0, hammer / low - 1) * rng.random() * 4)
                    buyer = rng.choice(buyers[: 25]) if rng.random() < 0.45 else rng.choice(buyers)
                    if rng.random() > 0.08 or off > 700:
                        paid = _d(day + datetime.timedelta(days=int(rng.triangular(1, 60, 7))))
                else:
                    bids = rng.choice([0, 0, 0, 1, 2, 3])
            height = round(rng.uniform(8, 160), 1) if has_h and rng.random() > 0.07 else None
            rows.append(("L%05d" % (10000 + lot_seq * 3), sale_id, ln, _d(day), room, cat, low, high, hammer,
                         prem, comm, sold, withdrawn, bids, buyer, paid, height, cur))
    return cols, rows


_DEPOTS = {
    "Leeds North": ["Sam Patel", "Samira Begum", "Dan Lowe"],
    "Leeds South": ["Sam Patterson", "Daniel Ng", "Jo Adams"],
    "Leicester": ["Chris Hall", "Joe Barker"],
    "Manchester Central": ["Christine Moss", "Danny Price", "Joanna Lis"],
    "Manchester Trafford": ["Kris Hale", "Lee Tran"],
}
_FAILS = ["not at home", "not at home", "not at home", "no safe place", "no safe place", "address not found",
          "refused", "damaged in transit"]


def gen_courier_parcels():
    rng = random.Random(90210)
    cols = [("parcel_id", "TEXT"), ("attempt_number", "INTEGER"), ("depot", "TEXT"), ("driver", "TEXT"),
            ("service", "TEXT"), ("collected_date", "TEXT"), ("promised_at", "TEXT"), ("attempted_at", "TEXT"),
            ("delivered_at", "TEXT"), ("outcome", "TEXT"), ("returned_to_sender", "TEXT"),
            ("signature_required", "TEXT"), ("weight_g", "INTEGER"), ("distance_km", "REAL"),
            ("delivery_fee", "REAL"), ("surcharge", "REAL")]
    rows = []
    depots = list(_DEPOTS)
    base = datetime.date(2024, 1, 2)
    pid = 48000
    while len(rows) < 392:
        pid += rng.randint(1, 9)
        depot = rng.choices(depots, weights=[5, 4, 3, 5, 2])[0]
        service = rng.choices(["Standard", "Next Day", "Next Day Before 10"], weights=[6, 4, 2])[0]
        collected = base + datetime.timedelta(days=rng.randint(0, 180))
        if service == "Standard":
            promised = datetime.datetime.combine(collected + datetime.timedelta(days=rng.choice([2, 3])),
                                                 datetime.time(18, 0))
        elif service == "Next Day":
            promised = datetime.datetime.combine(collected + datetime.timedelta(days=1), datetime.time(18, 0))
        else:
            promised = datetime.datetime.combine(collected + datetime.timedelta(days=1), datetime.time(10, 0))
        if promised.weekday() == 6:
            promised += datetime.timedelta(days=1)
        weight = int(rng.lognormvariate(7.2, 0.9))
        weight = max(60, min(weight, 29500))
        dist = round(rng.uniform(0.8, 6) + rng.expovariate(1 / 9.0), 1)
        sig = "yes" if rng.random() < 0.22 else "no"
        fee1 = {"Standard": 3.49, "Next Day": 5.99, "Next Day Before 10": 9.49}[service]
        if weight > 2000:
            fee1 += 2.00
        if weight > 10000:
            fee1 += 4.50
        t = promised - datetime.timedelta(minutes=rng.randint(-100, 560) if service != "Next Day Before 10"
                                          else rng.randint(-60, 150))
        first_driver = rng.choice(_DEPOTS[depot])
        attempt = 0
        while True:
            attempt += 1
            driver = first_driver if rng.random() < 0.7 else rng.choice(_DEPOTS[depot])
            p_ok = 0.8 if attempt == 1 else 0.7
            if sig == "yes":
                p_ok -= 0.12
            if rng.random() < p_ok:
                outcome = "delivered"
            else:
                outcome = rng.choice(_FAILS)
            final = outcome == "delivered" or attempt == 3 or outcome in ("refused", "address not found", "damaged in transit")
            rts = "yes" if final and outcome != "delivered" else "no"
            fee = round(fee1 if attempt == 1 else 2.50, 2)
            sur = None
            if outcome == "delivered" and t > promised + datetime.timedelta(minutes=30):
                sur = -2.00 if service == "Standard" else rng.choice([-3.00, -5.00])
            elif dist > 25 and attempt == 1:
                sur = round(1.20 + 0.05 * (dist - 25), 2)
            elif weight > 20000 and attempt == 1:
                sur = 6.75
            elif rng.random() < 0.03:
                sur = -1.00  # goodwill credit
            rows.append(("P%06d" % pid, attempt, depot, driver, service, _d(collected), _ts(promised), _ts(t),
                         _ts(t) if outcome == "delivered" else None, outcome, rts, sig, weight, dist, fee, sur))
            if final:
                break
            t = datetime.datetime.combine(t.date() + datetime.timedelta(days=1),
                                          datetime.time(rng.randint(8, 19), rng.randint(0, 59)))
            if t.weekday() == 6:
                t += datetime.timedelta(days=1)
    return cols, rows

TABLES = {"auction_lots": gen_auction_lots, "courier_parcels": gen_courier_parcels}

A = "auction_lots"
P = "courier_parcels"
YEAR = "CAST(substr(auction_date, 1, 4) AS INTEGER)"

CASES = [
    # ---------------- auction_lots ----------------
    # 1: the measure behind a count word
    C(A, 1, "How many lots did we sell in 2024?",
      "SELECT COUNT(*) AS lots_sold FROM auction_lots WHERE sold = 'yes' AND substr(auction_date, 1, 4) = '2024'"),
    C(A, 1, "how many auctions did each saleroom run",
      "SELECT saleroom, COUNT(DISTINCT sale_id) AS auctions FROM auction_lots GROUP BY saleroom"),
    C(A, 1, "Total number of bids placed on Watches lots?",
      "SELECT SUM(bid_count) AS bids FROM auction_lots WHERE category = 'Watches'"),
    C(A, 1, "How many different buyers bought something at Edinburgh?",
      "SELECT COUNT(DISTINCT buyer_id) AS buyers FROM auction_lots WHERE saleroom = 'Edinburgh' AND sold = 'yes'"),
    C(A, 1, "On average how many lots are there in a sale's catalogue?",
      "SELECT AVG(n) AS avg_lots_per_sale FROM (SELECT sale_id, COUNT(*) AS n FROM auction_lots GROUP BY sale_id)"),
    C(A, 1, "how many buyers still owe us money",
      "SELECT COUNT(DISTINCT buyer_id) AS buyers FROM auction_lots WHERE sold = 'yes' AND paid_date IS NULL"),
    # 2: "per X" vs group by
    C(A, 2, "What's the average hammer price per lot sold? GBP sales only",
      "SELECT AVG(hammer_price) AS avg_hammer FROM auction_lots WHERE sold = 'yes' AND currency = 'GBP'"),
    C(A, 2, "Average bids per lot for each category (leave out withdrawn lots)",
      "SELECT category, AVG(bid_count) AS avg_bids FROM auction_lots WHERE withdrawn = 'no' GROUP BY category"),
    C(A, 2, "What does a sterling sale bring in on average, i.e. total hammer per sale averaged over the GBP sales?",
      "SELECT AVG(total) AS avg_hammer_per_sale FROM (SELECT sale_id, SUM(hammer_price) AS total FROM auction_lots "
      "WHERE currency = 'GBP' AND sold = 'yes' GROUP BY sale_id)"),
    C(A, 2, "How many bids do we get per sale, on average?",
      "SELECT SUM(bid_count) * 1.0 / COUNT(DISTINCT sale_id) AS bids_per_sale FROM auction_lots"),
    C(A, 2, "hammer totl per saleroom, GBP lots",
      "SELECT saleroom, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY saleroom"),
    C(A, 2, "I need the average number of sold lots per buyer",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT buyer_id) AS lots_per_buyer FROM auction_lots WHERE sold = 'yes'"),

    # 3: filters
    C(A, 3, "Which lots had a negative seller commission? lot id and the amount",
      "SELECT lot_id, seller_commission FROM auction_lots WHERE seller_commission < 0"),
    C(A, 3, "Total GBP hammer excluding Fine Wine and Ceramics",
      "SELECT SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "AND category NOT IN ('Fine Wine', 'Ceramics')"),
    C(A, 3, "how many of the Modern lots (prints, design and british paintings) failed to sell? dont count withdrawn ones",
      "SELECT COUNT(*) AS unsold FROM auction_lots WHERE category LIKE 'Modern%' AND sold = 'no' AND withdrawn = 'no'"),
    C(A, 3, "Which catagories sold more than 30 lots?",
      "SELECT category, COUNT(*) AS lots_sold FROM auction_lots WHERE sold = 'yes' GROUP BY category "
      "HAVING COUNT(*) > 30"),
    C(A, 3, "In the GBP sales, how many sold lots beat the average GBP hammer price?",
      "SELECT COUNT(*) AS lots FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' AND hammer_price > "
      "(SELECT AVG(hammer_price) FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes')"),
    C(A, 3, "How many lots are taller than 1.2 metres?",
      "SELECT COUNT(*) AS lots FROM auction_lots WHERE height_cm > 120"),
    C(A, 3, "lots sold at Edinburgh or Paris, by saleroom",
      "SELECT saleroom, COUNT(*) AS lots_sold FROM auction_lots WHERE sold = 'yes' "
      "AND saleroom IN ('Edinburgh', 'Paris') GROUP BY saleroom"),
    # 4: explicit order and shape
    C(A, 4, "Top 5 categories by total hammer, GBP lots only",
      "SELECT category, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY category ORDER BY hammer DESC LIMIT 5", ordered=True),
    C(A, 4, "List the 10 most expensive lots sold in pounds, highest first - lot, category, hammer",
      "SELECT lot_id, category, hammer_price FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "ORDER BY hammer_price DESC LIMIT 10", ordered=True),
    C(A, 4, "rank the salerooms by sell-through rate (sold / offered, withdrawn lots excluded), lowest first",
      "SELECT saleroom, SUM(sold = 'yes') * 1.0 / COUNT(*) AS sell_through FROM auction_lots WHERE withdrawn = 'no' "
      "GROUP BY saleroom ORDER BY sell_through ASC", ordered=True),
    C(A, 4, "bottom 3 categories by average number of bids per lot offered",
      "SELECT category, AVG(bid_count) AS avg_bids FROM auction_lots WHERE withdrawn = 'no' GROUP BY category "
      "ORDER BY avg_bids ASC LIMIT 3"),
    C(A, 4, "Categories in alphabetical order with how many lots each",
      "SELECT category, COUNT(*) AS lots FROM auction_lots GROUP BY category ORDER BY category", ordered=True),
    C(A, 4, "Show me the five earliest sales of 2024 with their dates, oldest first",
      "SELECT DISTINCT sale_id, auction_date FROM auction_lots WHERE auction_date LIKE '2024%' "
      "ORDER BY auction_date ASC LIMIT 5", ordered=True),

    # 5: several columns / series / scatter of aggregates
    C(A, 5, "For each category show total hammer, total buyer's premium and total seller commission (GBP lots)",
      "SELECT category, SUM(hammer_price) AS hammer, SUM(buyers_premium) AS premium, "
      "SUM(seller_commission) AS commission FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY category"),
    C(A, 5, "stacked bar of the lots in each saleroom, split by the sold flag",
      "SELECT saleroom, sold, COUNT(*) AS lots FROM auction_lots GROUP BY saleroom, sold",
      chart="bar", series=True),
    C(A, 5, "Lots offered per year broken down by category, grouped bars please",
      "SELECT " + YEAR + " AS year, category, COUNT(*) AS lots FROM auction_lots WHERE withdrawn = 'no' "
      "GROUP BY year, category", chart="bar", series=True),
    C(A, 5, "Scatter of each sale's number of lots against its total hammer, sterling sales",
      "SELECT sale_id, COUNT(*) AS lots, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' "
      "GROUP BY sale_id", chart="scatter"),
    C(A, 5, "Monthly hammer total in 2024 with one line per currency",
      "SELECT substr(auction_date, 1, 7) AS month, currency, SUM(hammer_price) AS hammer FROM auction_lots "
      "WHERE sold = 'yes' AND auction_date LIKE '2024%' GROUP BY month, currency", chart="line", series=True),
    C(A, 5, "avg low and high estimates by category for the GBP sales",
      "SELECT category, AVG(low_estimate) AS avg_low, AVG(high_estimate) AS avg_high FROM auction_lots "
      "WHERE currency = 'GBP' GROUP BY category"),

    # 6: the analysis kind
    C(A, 6, "Scatter plot of low estimate vs hammer price for the Modern British Paintings that sold",
      "SELECT low_estimate, hammer_price FROM auction_lots WHERE category = 'Modern British Paintings' "
      "AND sold = 'yes'", chart="scatter"),
    C(A, 6, "Box plot of hammer prices by category, GBP lots",
      "SELECT category, MIN(hammer_price) AS min_hammer, median(hammer_price) AS median_hammer, "
      "MAX(hammer_price) AS max_hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY category", chart="box"),
    C(A, 6, "histogram of bid counts, bin width 5, for lots that actually went under the hammer (not withdrawn)",
      "SELECT (bid_count / 5) * 5 AS bin_start, COUNT(*) AS lots FROM auction_lots WHERE withdrawn = 'no' "
      "GROUP BY bin_start", chart="histogram"),
    C(A, 6, "Is there a correlation between number of bids and hammer price for sold GBP lots?",
      "SELECT (AVG(bid_count * hammer_price) - AVG(bid_count) * AVG(hammer_price)) / "
      "(sqrt(AVG(bid_count * bid_count) - AVG(bid_count) * AVG(bid_count)) * "
      "sqrt(AVG(hammer_price * hammer_price) - AVG(hammer_price) * AVG(hammer_price))) AS correlation "
      "FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes'", tolerance=0.01),
    T(A, 6, "What does the spread of lot heights look like? histogram pls", "distribution_plot", ["height_cm"],
      chart="histogram"),
    C(A, 6, "box plot of days from sale to payment, by saleroom",
      "SELECT saleroom, MIN(d) AS min_days, median(d) AS median_days, MAX(d) AS max_days FROM "
      "(SELECT saleroom, julianday(paid_date) - julianday(auction_date) AS d FROM auction_lots "
      "WHERE paid_date IS NOT NULL) GROUP BY saleroom", chart="box"),

    # 7: derived measures
    C(A, 7, "Sell-through rate by year as a percentage, withdrawn lots excluded",
      "SELECT " + YEAR + " AS year, SUM(sold = 'yes') * 100.0 / COUNT(*) AS sell_through_pct FROM auction_lots "
      "WHERE withdrawn = 'no' GROUP BY year"),
    C(A, 7, "running total of GBP hammer by month through 2024",
      "SELECT month, SUM(hammer) OVER (ORDER BY month) AS running_hammer FROM (SELECT substr(auction_date, 1, 7) "
      "AS month, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "AND auction_date LIKE '2024%' GROUP BY month)"),
    C(A, 7, "What's the % change in total GBP hammer from 2023 to 2024?",
      "SELECT (SUM(CASE WHEN auction_date LIKE '2024%' THEN hammer_price END) - "
      "SUM(CASE WHEN auction_date LIKE '2023%' THEN hammer_price END)) * 100.0 / "
      "SUM(CASE WHEN auction_date LIKE '2023%' THEN hammer_price END) AS pct_change FROM auction_lots "
      "WHERE currency = 'GBP' AND sold = 'yes'"),
    C(A, 7, "how many auctions fall on each day of the week",
      "SELECT dayname(auction_date) AS weekday, COUNT(DISTINCT sale_id) AS auctions FROM auction_lots "
      "GROUP BY weekday"),
    C(A, 7, "Total GBP hammer by quarter",
      "SELECT quarter(auction_date) AS quarter, SUM(hammer_price) AS hammer FROM auction_lots "
      "WHERE currency = 'GBP' AND sold = 'yes' GROUP BY quarter"),
    C(A, 7, "for each category, the average ratio of hammer to low estimate on sold lots",
      "SELECT category, AVG(hammer_price * 1.0 / low_estimate) AS avg_ratio FROM auction_lots WHERE sold = 'yes' "
      "GROUP BY category"),
    C(A, 7, "Lots sold by month of the year, both years together",
      "SELECT CAST(strftime('%m', auction_date) AS INTEGER) AS month_of_year, COUNT(*) AS lots_sold "
      "FROM auction_lots WHERE sold = 'yes' GROUP BY month_of_year"),

    # 8: words about the chart
    C(A, 8, "bar chart of lots per category",
      "SELECT category, COUNT(*) AS lots FROM auction_lots GROUP BY category", chart="bar"),
    C(A, 8, "saleroom on the x axis, average hammer (GBP lots) on the y axis",
      "SELECT saleroom, AVG(hammer_price) AS avg_hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY saleroom"),
    C(A, 8, "Pie chart of lots by currency",
      "SELECT currency, COUNT(*) AS lots FROM auction_lots GROUP BY currency", chart="pie"),
    C(A, 8, "plot the number of lots sold each month as a line",
      "SELECT substr(auction_date, 1, 7) AS month, COUNT(*) AS lots_sold FROM auction_lots WHERE sold = 'yes' "
      "GROUP BY month", chart="line"),
    C(A, 8, "visualise total seller commission per year as bars, sterling only",
      "SELECT " + YEAR + " AS year, SUM(seller_commission) AS commission FROM auction_lots "
      "WHERE currency = 'GBP' AND sold = 'yes' GROUP BY year", chart="bar"),
    C(A, 8, "Histogram of low estimates with bins of 1,000 (GBP lots)",
      "SELECT (low_estimate / 1000) * 1000 AS bin_start, COUNT(*) AS lots FROM auction_lots WHERE currency = 'GBP' "
      "GROUP BY bin_start", chart="histogram"),
    C(A, 8, "Display GBP hammer totals by category as bars, biggest bar first",
      "SELECT category, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' "
      "GROUP BY category ORDER BY hammer DESC", ordered=True, chart="bar"),

    # 9: the shape of the answer
    C(A, 9, "What was the highest hammer price achieved in pounds? just the number",
      "SELECT MAX(hammer_price) AS top_hammer FROM auction_lots WHERE currency = 'GBP'"),
    C(A, 9, "Did any Paris lot sell for more than 20,000 euros?",
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM auction_lots WHERE saleroom = 'Paris' AND hammer_price > 20000) "
      "THEN 'yes' ELSE 'no' END AS answer"),
    C(A, 9, "list the sale ids held in Edinburgh",
      "SELECT DISTINCT sale_id FROM auction_lots WHERE saleroom = 'Edinburgh'"),
    C(A, 9, "Total buyer's premium collected in GBP in 2023 - one figure please",
      "SELECT SUM(buyers_premium) AS premium FROM auction_lots WHERE currency = 'GBP' AND auction_date LIKE '2023%'"),
    C(A, 9, "Which category had the most withdrawn lots?",
      "SELECT category FROM auction_lots WHERE withdrawn = 'yes' GROUP BY category ORDER BY COUNT(*) DESC LIMIT 1"),
    C(A, 9, "give me a list of the buyers who spent over 20k in total on hammer (GBP lots)",
      "SELECT buyer_id FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' GROUP BY buyer_id "
      "HAVING SUM(hammer_price) > 20000"),
    C(A, 9, "were any lots sold below their low estimate in 2024? yes or no",
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM auction_lots WHERE sold = 'yes' AND hammer_price < low_estimate "
      "AND auction_date LIKE '2024%') THEN 'yes' ELSE 'no' END AS answer"),

    # basic business questions
    C(A, "basic", "Total hammer in GBP by year",
      "SELECT " + YEAR + " AS year, SUM(hammer_price) AS hammer FROM auction_lots WHERE currency = 'GBP' "
      "AND sold = 'yes' GROUP BY year"),
    C(A, "basic", "average low estimate by category, GBP lots",
      "SELECT category, AVG(low_estimate) AS avg_low FROM auction_lots WHERE currency = 'GBP' GROUP BY category"),
    C(A, "basic", "Unpaid lots: lot, buyer and what they owe (hammer plus premium)",
      "SELECT lot_id, buyer_id, hammer_price + buyers_premium AS owed FROM auction_lots "
      "WHERE sold = 'yes' AND paid_date IS NULL"),
    C(A, "basic", "What did the house earn (buyer's premium plus seller commission) each year on GBP lots?",
      "SELECT " + YEAR + " AS year, SUM(buyers_premium) + SUM(seller_commission) AS house_income FROM auction_lots "
      "WHERE currency = 'GBP' AND sold = 'yes' GROUP BY year"),
    C(A, "basic", "how many lots did each sale have and how many of them sold",
      "SELECT sale_id, COUNT(*) AS lots, SUM(sold = 'yes') AS lots_sold FROM auction_lots GROUP BY sale_id"),
    C(A, "basic", "Who is our biggest buyer by GBP hammer?",
      "SELECT buyer_id FROM auction_lots WHERE currency = 'GBP' AND sold = 'yes' GROUP BY buyer_id "
      "ORDER BY SUM(hammer_price) DESC LIMIT 1"),
    C(A, "basic", "average hammer on sold jewellery lots in GBP",
      "SELECT AVG(hammer_price) AS avg_hammer FROM auction_lots WHERE category = 'Jewellery' AND currency = 'GBP' "
      "AND sold = 'yes'"),

    # ---------------- courier_parcels ----------------
    # 1: the measure behind a count word
    C(P, 1, "How many parcels did Leeds North handle?",
      "SELECT COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels WHERE depot = 'Leeds North'"),
    C(P, 1, "how many delivery attempts were made in March 2024",
      "SELECT COUNT(*) AS attempts FROM courier_parcels WHERE attempted_at LIKE '2024-03%'"),
    C(P, 1, "How many parcels got sent back to the sender?",
      "SELECT COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels WHERE returned_to_sender = 'yes'"),
    C(P, 1, "how many drivers work out of each depot",
      "SELECT depot, COUNT(DISTINCT driver) AS drivers FROM courier_parcels GROUP BY depot"),
    C(P, 1, "How many kilos did we carry on the Next Day Before 10 service?",
      "SELECT SUM(weight_g) / 1000.0 AS kg FROM courier_parcels WHERE attempt_number = 1 "
      "AND service = 'Next Day Before 10'"),
    C(P, 1, "How many parcels needed more than one attempt?",
      "SELECT COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels WHERE attempt_number > 1"),
    # 2: "per X" vs group by
    C(P, 2, "Average number of attempts per parcel?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT parcel_id) AS attempts_per_parcel FROM courier_parcels"),
    C(P, 2, "attempts per parcel by depot",
      "SELECT depot, COUNT(*) * 1.0 / COUNT(DISTINCT parcel_id) AS attempts_per_parcel FROM courier_parcels "
      "GROUP BY depot"),
    C(P, 2, "What's our delivery fee income per parcel?",
      "SELECT SUM(delivery_fee) / COUNT(DISTINCT parcel_id) AS fee_per_parcel FROM courier_parcels"),
    C(P, 2, "Average parcel weight in grams for each service",
      "SELECT service, AVG(weight_g) AS avg_weight_g FROM courier_parcels WHERE attempt_number = 1 "
      "GROUP BY service"),
    C(P, 2, "succesful deliveries per driver",
      "SELECT driver, COUNT(*) AS deliveries FROM courier_parcels WHERE outcome = 'delivered' GROUP BY driver"),
    C(P, 2, "What's the average distance per parcel?",
      "SELECT AVG(distance_km) AS avg_km FROM courier_parcels WHERE attempt_number = 1"),

    # 3: filters
    C(P, 3, "Total surcharge credits (the negative ones) by depot",
      "SELECT depot, SUM(surcharge) AS credits FROM courier_parcels WHERE surcharge < 0 GROUP BY depot"),
    C(P, 3, "how many parcels weighed over 5 kg",
      "SELECT COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels WHERE weight_g > 5000"),
    C(P, 3, "Failed attempts other than 'not at home', broken down by outcome",
      "SELECT outcome, COUNT(*) AS attempts FROM courier_parcels WHERE outcome NOT IN ('delivered', 'not at home') "
      "GROUP BY outcome"),
    C(P, 3, "How many attempts did the drivers called Sam make?",
      "SELECT COUNT(*) AS attempts FROM courier_parcels WHERE driver LIKE 'Sam %'"),
    C(P, 3, "drivers with more than 7 failed attempts",
      "SELECT driver, COUNT(*) AS failed_attempts FROM courier_parcels WHERE outcome <> 'delivered' "
      "GROUP BY driver HAVING COUNT(*) > 7"),
    C(P, 3, "How many parcels were heavier than the average parcel?",
      "SELECT COUNT(*) AS parcels FROM courier_parcels WHERE attempt_number = 1 AND weight_g > "
      "(SELECT AVG(weight_g) FROM courier_parcels WHERE attempt_number = 1)"),
    C(P, 3, "attempts that ended as refused or address not found, by depot",
      "SELECT depot, COUNT(*) AS attempts FROM courier_parcels WHERE outcome IN ('refused', 'address not found') "
      "GROUP BY depot"),
    # 4: explicit order and shape
    C(P, 4, "Top 3 drivers by successful deliveries",
      "SELECT driver, COUNT(*) AS deliveries FROM courier_parcels WHERE outcome = 'delivered' GROUP BY driver "
      "ORDER BY deliveries DESC LIMIT 3"),
    C(P, 4, "Rank depots by the share of attempts that failed, worst first",
      "SELECT depot, SUM(outcome <> 'delivered') * 1.0 / COUNT(*) AS fail_share FROM courier_parcels "
      "GROUP BY depot ORDER BY fail_share DESC", ordered=True),
    C(P, 4, "5 heaviest parcels, heaviest first",
      "SELECT parcel_id, weight_g FROM courier_parcels WHERE attempt_number = 1 ORDER BY weight_g DESC LIMIT 5",
      ordered=True),
    C(P, 4, "the ten parcels with the longest distance",
      "SELECT parcel_id, distance_km FROM courier_parcels WHERE attempt_number = 1 "
      "ORDER BY distance_km DESC LIMIT 10"),
    C(P, 4, "services in ascending order of average fee per attempt",
      "SELECT service, AVG(delivery_fee) AS avg_fee FROM courier_parcels GROUP BY service ORDER BY avg_fee ASC",
      ordered=True),
    C(P, 4, "drivers A to Z with their attempt counts",
      "SELECT driver, COUNT(*) AS attempts FROM courier_parcels GROUP BY driver ORDER BY driver", ordered=True),
    C(P, 4, "Which two depots had the fewest parcels?",
      "SELECT depot, COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels GROUP BY depot "
      "ORDER BY parcels ASC LIMIT 2"),

    # 5: several columns / series / scatter of aggregates
    C(P, 5, "Stacked bars of delivered vs failed attempts per depot",
      "SELECT depot, CASE WHEN outcome = 'delivered' THEN 'delivered' ELSE 'failed' END AS result, "
      "COUNT(*) AS attempts FROM courier_parcels GROUP BY depot, result", chart="bar", series=True),
    C(P, 5, "for each driver: number of attempts, number delivered and total fees",
      "SELECT driver, COUNT(*) AS attempts, SUM(outcome = 'delivered') AS delivered, "
      "SUM(delivery_fee) AS fees FROM courier_parcels GROUP BY driver"),
    C(P, 5, "scatter plot of average distance vs average fee, one dot per driver",
      "SELECT driver, AVG(distance_km) AS avg_km, AVG(delivery_fee) AS avg_fee FROM courier_parcels "
      "GROUP BY driver", chart="scatter"),
    C(P, 5, "Monthly attempts for each service as a line chart",
      "SELECT substr(attempted_at, 1, 7) AS month, service, COUNT(*) AS attempts FROM courier_parcels "
      "GROUP BY month, service", chart="line", series=True),
    C(P, 5, "min, average and max parcel weight by service",
      "SELECT service, MIN(weight_g) AS min_g, AVG(weight_g) AS avg_g, MAX(weight_g) AS max_g "
      "FROM courier_parcels WHERE attempt_number = 1 GROUP BY service"),
    C(P, 5, "delivery fees and surcharges by depot, side by side",
      "SELECT depot, SUM(delivery_fee) AS fees, SUM(surcharge) AS surcharges FROM courier_parcels GROUP BY depot"),

    # 6: the analysis kind
    C(P, 6, "Scatter of weight against delivery fee for Leicester parcels (first attempts only)",
      "SELECT weight_g, delivery_fee FROM courier_parcels WHERE depot = 'Leicester' AND attempt_number = 1",
      chart="scatter"),
    C(P, 6, "box plot of parcel distances by depot",
      "SELECT depot, MIN(distance_km) AS min_km, median(distance_km) AS median_km, MAX(distance_km) AS max_km "
      "FROM courier_parcels WHERE attempt_number = 1 GROUP BY depot", chart="box"),
    C(P, 6, "Histogram of parcel weights with 1000 g bins",
      "SELECT (weight_g / 1000) * 1000 AS bin_start, COUNT(*) AS parcels FROM courier_parcels "
      "WHERE attempt_number = 1 GROUP BY bin_start", chart="histogram"),
    C(P, 6, "whats the correlation between distance and weight across parcels",
      "SELECT (AVG(distance_km * weight_g) - AVG(distance_km) * AVG(weight_g)) / "
      "(sqrt(AVG(distance_km * distance_km) - AVG(distance_km) * AVG(distance_km)) * "
      "sqrt(AVG(weight_g * weight_g * 1.0) - AVG(weight_g) * AVG(weight_g))) AS correlation "
      "FROM courier_parcels WHERE attempt_number = 1", tolerance=0.01),
    T(P, 6, "Show me how distance_km is distributed", "distribution_plot", ["distance_km"]),
    C(P, 6, "Box plot of the delivery fee for each service",
      "SELECT service, MIN(delivery_fee) AS min_fee, median(delivery_fee) AS median_fee, "
      "MAX(delivery_fee) AS max_fee FROM courier_parcels GROUP BY service", chart="box"),

    # 7: derived measures
    C(P, 7, "average minutes late vs the promised time for delivered parcels, by service (negative = early)",
      "SELECT service, AVG((julianday(delivered_at) - julianday(promised_at)) * 1440) AS avg_minutes_late "
      "FROM courier_parcels WHERE delivered_at IS NOT NULL GROUP BY service"),
    C(P, 7, "On-time delivery rate by depot in percent (delivered no later than promised)",
      "SELECT depot, SUM(delivered_at <= promised_at) * 100.0 / COUNT(*) AS on_time_pct FROM courier_parcels "
      "WHERE delivered_at IS NOT NULL GROUP BY depot"),
    C(P, 7, "Average number of calendar days from collection to delivery, by depot",
      "SELECT depot, AVG(julianday(date(delivered_at)) - julianday(collected_date)) AS avg_days "
      "FROM courier_parcels WHERE delivered_at IS NOT NULL GROUP BY depot"),
    C(P, 7, "attemps by day of the week",
      "SELECT dayname(attempted_at) AS weekday, COUNT(*) AS attempts FROM courier_parcels GROUP BY weekday"),
    C(P, 7, "Deliveries by hour of the day",
      "SELECT CAST(strftime('%H', delivered_at) AS INTEGER) AS hour, COUNT(*) AS deliveries FROM courier_parcels "
      "WHERE delivered_at IS NOT NULL GROUP BY hour"),
    C(P, 7, "Running total of delivery fees by month",
      "SELECT month, SUM(fees) OVER (ORDER BY month) AS running_fees FROM (SELECT substr(attempted_at, 1, 7) "
      "AS month, SUM(delivery_fee) AS fees FROM courier_parcels GROUP BY month)"),
    C(P, 7, "Percent change in parcels collected, January vs June 2024",
      "SELECT (COUNT(DISTINCT CASE WHEN collected_date LIKE '2024-06%' THEN parcel_id END) - "
      "COUNT(DISTINCT CASE WHEN collected_date LIKE '2024-01%' THEN parcel_id END)) * 100.0 / "
      "COUNT(DISTINCT CASE WHEN collected_date LIKE '2024-01%' THEN parcel_id END) AS pct_change "
      "FROM courier_parcels"),
    # 8: words about the chart
    C(P, 8, "bar chart of parcels per depot",
      "SELECT depot, COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels GROUP BY depot", chart="bar"),
    C(P, 8, "pie chart of attempt outcomes",
      "SELECT outcome, COUNT(*) AS attempts FROM courier_parcels GROUP BY outcome", chart="pie"),
    C(P, 8, "Put depot on the x axis and the average parcel weight in kg on the y axis",
      "SELECT depot, AVG(weight_g) / 1000.0 AS avg_kg FROM courier_parcels WHERE attempt_number = 1 "
      "GROUP BY depot"),
    C(P, 8, "Histogram of delivery distance, 10 km bins",
      "SELECT CAST(distance_km / 10 AS INTEGER) * 10 AS bin_start, COUNT(*) AS parcels FROM courier_parcels "
      "WHERE attempt_number = 1 GROUP BY bin_start", chart="histogram"),
    C(P, 8, "visualise total delivery fees by service",
      "SELECT service, SUM(delivery_fee) AS fees FROM courier_parcels GROUP BY service"),
    C(P, 8, "show surcharges by depot as horizontal bars",
      "SELECT depot, SUM(surcharge) AS surcharges FROM courier_parcels GROUP BY depot", chart="bar"),

    # 9: the shape of the answer
    C(P, 9, "What's the heaviest parcel we handled, in grams? just the number",
      "SELECT MAX(weight_g) AS max_weight_g FROM courier_parcels"),
    C(P, 9, "Did Manchester Trafford return any parcels to sender?",
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM courier_parcels WHERE depot = 'Manchester Trafford' "
      "AND returned_to_sender = 'yes') THEN 'yes' ELSE 'no' END AS answer"),
    C(P, 9, "list the drivers based at Leicester",
      "SELECT DISTINCT driver FROM courier_parcels WHERE depot = 'Leicester'"),
    C(P, 9, "Total credit given back through negative surcharges - single figure",
      "SELECT SUM(surcharge) AS credits FROM courier_parcels WHERE surcharge < 0"),
    C(P, 9, "Which depot sent the fewest parcels back to sender?",
      "SELECT depot FROM courier_parcels GROUP BY depot ORDER BY SUM(returned_to_sender = 'yes') ASC LIMIT 1"),
    C(P, 9, "is the average first-attempt fee above 5 pounds? yes/no",
      "SELECT CASE WHEN AVG(delivery_fee) > 5 THEN 'yes' ELSE 'no' END AS answer FROM courier_parcels "
      "WHERE attempt_number = 1"),
    C(P, 9, "Which parcels took three attempts?",
      "SELECT DISTINCT parcel_id FROM courier_parcels WHERE attempt_number = 3"),

    # basic business questions
    C(P, "basic", "Net revenue by depot, fees plus surcharges",
      "SELECT depot, SUM(delivery_fee + COALESCE(surcharge, 0)) AS net_revenue FROM courier_parcels GROUP BY depot"),
    C(P, "basic", "How many late deliveries did each driver have?",
      "SELECT driver, SUM(delivered_at > promised_at) AS late_deliveries FROM courier_parcels GROUP BY driver"),
    C(P, "basic", "monthly net fee income (fees + surcharges)",
      "SELECT substr(attempted_at, 1, 7) AS month, SUM(delivery_fee + COALESCE(surcharge, 0)) AS net_income "
      "FROM courier_parcels GROUP BY month"),
    C(P, "basic", "Which depot has the worst first-time delivery rate?",
      "SELECT depot FROM courier_parcels WHERE attempt_number = 1 GROUP BY depot "
      "ORDER BY SUM(outcome = 'delivered') * 1.0 / COUNT(*) ASC LIMIT 1"),
    C(P, "basic", "parcels collected per month",
      "SELECT substr(collected_date, 1, 7) AS month, COUNT(DISTINCT parcel_id) AS parcels FROM courier_parcels "
      "GROUP BY month"),
    C(P, "basic", "average delivery distance by depot",
      "SELECT depot, AVG(distance_km) AS avg_km FROM courier_parcels WHERE attempt_number = 1 GROUP BY depot"),
    C(P, "basic", "how much did Joanna Lis bill in delivery fees?",
      "SELECT SUM(delivery_fee) AS fees FROM courier_parcels WHERE driver = 'Joanna Lis'"),
]

FLAGGED = [
    F(A, "What will our total hammer be in 2025?",
      "a forecast: the table only holds 2023-2024 sales"),
    F(A, "Why did the Modern Design lots sell so badly?",
      "asks for a cause; the data shows sell-through but not why"),
    F(A, "What's the average spend per buyer?",
      "two readings: one overall figure, or a list of each buyer's average; also mixed currencies"),
    F(A, "Which artist fetched the highest prices?",
      "there is no artist column"),
    F(P, "How satisfied were customers with their deliveries?",
      "no rating or satisfaction column"),
    F(P, "show me the numbers for Leeds",
      "names no measure"),
    F(P, "Did the bad weather cause the late deliveries in February?",
      "a cause, and there is no weather data"),
    F(P, "Which drivers are likely to quit next month?",
      "a prediction about staff the table cannot support"),
]
