"""Audit tables and questions (written blind): a yoga studio chain's class bookings and a craft brewery's batches.

yoga_class_bookings (one row per booking of a class session; classes held in 2024): booking_id (unique, YB-0001..),
member_id (repeats: members book many times; about 40% of members hold a pass), booked_on (ISO date the booking was
made, 0-14 days before the class, at most 7 at Old Town and 10 at Northgate; a few late-December 2023 dates for
early-January classes), class_start (timestamp 'YYYY-MM-DD HH:MM'; several bookings share one session, a session
being one studio at one start time), class_style (Vinyasa, Hatha, Yin, Power Flow, Power Sculpt, Prenatal: two
share the prefix "Power"), studio (Riverside, Old Town, Northgate), instructor (each teaches at one studio, except
Nadia Berg who teaches at Riverside and Northgate), duration_min (45-90, by style), price_paid (euros: 0 for pass
holders, the drop-in price of the style otherwise, half price on a non-pass member's first booking), attended
(yes/no), rating (1-5, blank when the member gave none; only attended bookings are rated), cancellation_reason
(Illness, Work, Travel, Schedule clash, Other; blank unless the booking was cancelled; a cancelled booking has
attended = no; a booking with attended = no and no reason is a no-show).

brewery_batches (one row per brewed batch, brewed in 2024, log taken at 2024-12-31): batch_code (unique,
B24-001..), beer_name (Harbour Haze, Harbour Light, Hop Tide, Black Anchor, Midnight Oat, Cherry Pucker, Golden
Mile, Pale Rider: two share the prefix "Harbour"), style (each beer has one: IPA, Lager, Stout, Sour, Pale
Ale), brew_date and package_date (ISO dates; package_date blank for batches still fermenting at year end),
tank (FV1-FV2 1000 L, FV3-FV4 2000 L, FV5-FV6 3000 L fermenters), brewer (Lena Brauer, Tom Okafor, Sven Dahl,
Maya Ortiz), volume_litres (litres brewed into the fermenter), variance_litres (packaged litres minus litres
brewed: negative for losses, a few small positive values, blank when not packaged yet), original_gravity and
final_gravity (e.g. 1.052 / 1.010), abv_pct (percent, one decimal, from the two gravities), cost_eur (brewing
cost; can exceed revenue), revenue_eur (sales of the batch; blank for batches not sold yet).
"""
import random
from datetime import date, timedelta

from ..case import C, T, F


def _money(x):
    return round(x + 1e-9, 2)


STYLES = [  # style, weight, durations, drop-in price
    ("Vinyasa", 30, [60, 75], 20.0), ("Hatha", 20, [60, 75], 18.0), ("Yin", 16, [75, 90], 18.0),
    ("Power Flow", 18, [45, 60], 22.0), ("Power Sculpt", 10, [45], 24.0), ("Prenatal", 6, [60], 20.0)]
STUDIOS = {"Riverside": ["Anna Kowalski", "Ben Carter", "Nadia Berg"],
           "Old Town": ["Chloe Martin", "Diego Alvarez", "Elena Rossi"],
           "Northgate": ["Felix Weber", "Grace Liu", "Nadia Berg"]}
SLOTS = [("06:30", 6), ("07:00", 8), ("09:30", 10), ("12:15", 7), ("17:30", 10), ("18:00", 14), ("19:30", 13),
         ("20:00", 6)]
REASONS = [("Illness", 30), ("Work", 30), ("Travel", 12), ("Schedule clash", 18), ("Other", 10)]


def yoga_class_bookings():
    rng = random.Random(20240521)
    cols = [("booking_id", "TEXT"), ("member_id", "TEXT"), ("booked_on", "TEXT"), ("class_start", "TEXT"),
            ("class_style", "TEXT"), ("studio", "TEXT"), ("instructor", "TEXT"), ("duration_min", "INTEGER"),
            ("price_paid", "REAL"), ("attended", "TEXT"), ("rating", "INTEGER"), ("cancellation_reason", "TEXT")]
    sessions, seen = [], set()
    while len(sessions) < 175:
        month = rng.choices(range(1, 13), [13, 11, 10, 9, 8, 6, 5, 5, 9, 10, 9, 6])[0]
        day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        slot = rng.choices([s[0] for s in SLOTS], [s[1] for s in SLOTS])[0]
        studio = rng.choices(list(STUDIOS), [40, 35, 25])[0]
        key = (studio, date(2024, month, day), slot)
        if key in seen:
            continue
        seen.add(key)
        style = rng.choices(STYLES, [s[1] for s in STYLES])[0]
        sessions.append((key[1], slot, studio, rng.choice(STUDIOS[studio]), style, rng.choice(style[2]),
                         rng.choice([1, 2, 2, 3, 3, 4])))
    members = []
    for i in range(105):
        members.append(("M%04d" % (1001 + i * 7 % 1000), rng.random() < 0.4, rng.choice([1, 1, 2, 3, 4, 6, 9])))
    rows, pairs, first = [], set(), set()
    while len(rows) < 410:
        s = rng.choices(sessions, [x[6] for x in sessions])[0]
        m = rng.choices(members, [x[2] for x in members])[0]
        if (s[0], s[1], s[2], m[0]) in pairs:
            continue
        pairs.add((s[0], s[1], s[2], m[0]))
        rows.append([s, m])
    rows.sort(key=lambda r: (r[0][0], r[0][1], r[0][2], r[1][0]))
    out = []
    for i, (s, m) in enumerate(rows):
        d, slot, studio, instr, style, dur, _w = s
        mid, has_pass, _mw = m
        ahead = {"Riverside": 15, "Old Town": 8, "Northgate": 11}[studio]
        lead = [12, 14, 12, 10, 9, 8, 7, 6, 4, 4, 3, 3, 2, 2, 4][:ahead]
        booked = d - timedelta(days=rng.choices(range(ahead), lead)[0])
        if has_pass:
            price = 0.0
        elif mid not in first:
            price = style[3] / 2
        else:
            price = style[3]
        first.add(mid)
        reason, attended, rating = None, "yes", None
        if rng.random() < 0.11:
            reason = rng.choices([r[0] for r in REASONS], [r[1] for r in REASONS])[0]
            attended = "no"
        elif rng.random() < 0.09:
            attended = "no"
        elif rng.random() < 0.58:
            base = {"Yin": [2, 3, 10, 30, 55], "Power Sculpt": [8, 14, 28, 30, 20], "Prenatal": [0, 1, 4, 25, 70]}
            w = base.get(style[0], [3, 6, 18, 38, 35])
            if instr == "Diego Alvarez":
                w = [10, 18, 30, 27, 15]
            rating = rng.choices([1, 2, 3, 4, 5], w)[0]
        out.append(["YB-%04d" % (i + 1), mid, booked.isoformat(), "%s %s" % (d.isoformat(), slot), style[0], studio,
                    instr, dur, _money(price), attended, rating, reason])
    return cols, out


BEERS = [  # name, style, weight, og range, fg range, ferment days, cost per litre, price per litre
    ("Harbour Haze", "IPA", 16, (1.060, 1.070), (1.011, 1.016), (12, 18), 1.45, 4.6),
    ("Hop Tide", "IPA", 12, (1.064, 1.074), (1.010, 1.014), (12, 20), 1.55, 4.9),
    ("Harbour Light", "Lager", 18, (1.044, 1.050), (1.008, 1.011), (28, 42), 0.95, 3.1),
    ("Golden Mile", "Lager", 12, (1.046, 1.052), (1.008, 1.012), (28, 40), 1.00, 3.2),
    ("Black Anchor", "Stout", 10, (1.062, 1.078), (1.015, 1.021), (18, 28), 1.35, 4.2),
    ("Midnight Oat", "Stout", 7, (1.058, 1.066), (1.014, 1.019), (18, 26), 1.30, 4.0),
    ("Cherry Pucker", "Sour", 6, (1.042, 1.050), (1.004, 1.008), (35, 60), 2.90, 4.4),
    ("Pale Rider", "Pale Ale", 14, (1.048, 1.056), (1.010, 1.013), (12, 18), 1.10, 3.8)]
TANKS = [("FV1", 1000), ("FV2", 1000), ("FV3", 2000), ("FV4", 2000), ("FV5", 3000), ("FV6", 3000)]
BREWERS = [("Lena Brauer", 35), ("Tom Okafor", 28), ("Sven Dahl", 22), ("Maya Ortiz", 15)]


def brewery_batches():
    rng = random.Random(1516)
    cols = [("batch_code", "TEXT"), ("beer_name", "TEXT"), ("style", "TEXT"), ("brew_date", "TEXT"),
            ("package_date", "TEXT"), ("tank", "TEXT"), ("brewer", "TEXT"), ("volume_litres", "INTEGER"),
            ("variance_litres", "INTEGER"), ("original_gravity", "REAL"), ("final_gravity", "REAL"),
            ("abv_pct", "REAL"), ("cost_eur", "REAL"), ("revenue_eur", "REAL")]
    rows = []
    for _ in range(330):
        month = rng.choices(range(1, 13), [6, 6, 8, 9, 10, 11, 11, 10, 9, 8, 7, 6])[0]
        day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        brew = date(2024, month, day)
        name, style, _w, og_r, fg_r, days, cpl, ppl = rng.choices(BEERS, [b[2] for b in BEERS])[0]
        if style == "Lager" and month in (6, 7, 8):
            name, style, _w, og_r, fg_r, days, cpl, ppl = BEERS[2] if rng.random() < 0.6 else BEERS[3]
        tank, cap = rng.choices(TANKS, [3, 3, 5, 5, 4, 4])[0]
        if style == "Sour":
            tank, cap = rng.choice(TANKS[:2])
        brewer = rng.choices([b[0] for b in BREWERS], [b[1] for b in BREWERS])[0]
        volume = int(round(cap * rng.uniform(0.82, 0.98), -1))
        og = round(rng.uniform(*og_r), 3)
        fg = round(rng.uniform(*fg_r), 3)
        abv = round((og - fg) * 131.25 + 1e-9, 1)
        pack = brew + timedelta(days=rng.randint(*days))
        variance = revenue = None
        cost = _money(volume * cpl * rng.uniform(0.92, 1.12) + 180)
        if pack > date(2024, 12, 31):
            pack = None
        else:
            r = rng.random()
            if r < 0.07:
                variance = rng.randint(3, 25)
            elif r < 0.11:
                variance = -int(volume * rng.uniform(0.18, 0.35))
            else:
                variance = -int(volume * rng.uniform(0.015, 0.07))
            if pack <= date(2024, 12, 12) and rng.random() < 0.95:
                revenue = _money((volume + variance) * ppl * rng.uniform(0.45, 1.05))
        rows.append([None, name, style, brew.isoformat(), pack and pack.isoformat(), tank, brewer, volume, variance,
                     og, fg, abv, cost, revenue])
    rows.sort(key=lambda r: (r[3], r[5], r[1]))
    for i, r in enumerate(rows):
        r[0] = "B24-%03d" % (i + 1)
    return cols, rows


TABLES = {"yoga_class_bookings": yoga_class_bookings, "brewery_batches": brewery_batches}

Y, B = "yoga_class_bookings", "brewery_batches"

# ---- yoga_class_bookings -------------------------------------------------------------------------------------

CASES = [
    # 1: the measure behind a count word
    C(Y, 1, "how many members booked a class with us in 2024?",
      "SELECT COUNT(DISTINCT member_id) FROM yoga_class_bookings"),
    C(Y, 1, "How many class bookings did we take altogether?",
      "SELECT COUNT(*) FROM yoga_class_bookings"),
    C(Y, 1, "How many hours of yoga did people actually turn up for?",
      "SELECT SUM(duration_min) / 60.0 FROM yoga_class_bookings WHERE attended = 'yes'"),
    C(Y, 1, "How many classes did the Old Town studio run that someone booked into?",
      "SELECT COUNT(DISTINCT class_start) FROM yoga_class_bookings WHERE studio = 'Old Town'"),
    C(Y, 1, "how many ratings have we received",
      "SELECT COUNT(rating) FROM yoga_class_bookings"),
    C(Y, 1, "bar chart of the number of different members at each studio",
      "SELECT studio, COUNT(DISTINCT member_id) FROM yoga_class_bookings GROUP BY studio", chart="bar"),

    # 2: "per X" vs group by
    C(Y, 2, "What's the average price paid per booking?",
      "SELECT AVG(price_paid) FROM yoga_class_bookings"),
    C(Y, 2, "chart the average price paid per studio",
      "SELECT studio, AVG(price_paid) FROM yoga_class_bookings GROUP BY studio", chart="bar"),
    C(Y, 2, "On average, how many times does a member book?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT member_id) FROM yoga_class_bookings"),
    C(Y, 2, "avg rating per instructor",
      "SELECT instructor, AVG(rating) FROM yoga_class_bookings GROUP BY instructor"),
    C(Y, 2, "Booked class minutes per style",
      "SELECT class_style, SUM(duration_min) FROM yoga_class_bookings GROUP BY class_style"),
    C(Y, 2, "Across the whole chain, how much revenue do we make per member?",
      "SELECT SUM(price_paid) / COUNT(DISTINCT member_id) FROM yoga_class_bookings"),

    # 3: lost filters
    C(Y, 3, "How many bookings were for classes longer than an hour?",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE duration_min > 60"),
    C(Y, 3, "Total takings from all the Power classes",
      "SELECT SUM(price_paid) FROM yoga_class_bookings WHERE class_style LIKE 'Power%'"),
    C(Y, 3, "how many bookings weren't at Riverside",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE studio <> 'Riverside'"),
    C(Y, 3, "Count the bookings for Yin or Hatha",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE class_style IN ('Yin', 'Hatha')"),
    C(Y, 3, "Which members booked at least 10 times?",
      "SELECT member_id FROM yoga_class_bookings GROUP BY member_id HAVING COUNT(*) >= 10"),
    C(Y, 3, "How many bookings paid more than the average price paid?",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE price_paid > (SELECT AVG(price_paid) FROM yoga_class_bookings)"),
    C(Y, 3, "How many no-shows did we have? I mean people who didn't cancel but didn't come either",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE attended = 'no' AND cancellation_reason IS NULL"),
    C(Y, 3, "Which instructors average under 3.5 stars?",
      "SELECT instructor FROM yoga_class_bookings GROUP BY instructor HAVING AVG(rating) < 3.5"),

    # 4: explicit order and shape
    C(Y, 4, "Top 5 members by amount spent",
      "SELECT member_id, SUM(price_paid) AS s FROM yoga_class_bookings GROUP BY member_id ORDER BY s DESC LIMIT 5",
      ordered=True),
    C(Y, 4, "Bar chart ranking the studios by revenue, highest first",
      "SELECT studio, SUM(price_paid) AS r FROM yoga_class_bookings GROUP BY studio ORDER BY r DESC", ordered=True,
      chart="bar"),
    C(Y, 4, "class styles by average rating, from low to high",
      "SELECT class_style, AVG(rating) AS r FROM yoga_class_bookings GROUP BY class_style ORDER BY r ASC",
      ordered=True),
    C(Y, 4, "Which style gets the fewest bookings?",
      "SELECT class_style FROM yoga_class_bookings GROUP BY class_style ORDER BY COUNT(*) ASC LIMIT 1"),
    C(Y, 4, "instructors in alphabetical order with how many bookings each had",
      "SELECT instructor, COUNT(*) FROM yoga_class_bookings GROUP BY instructor ORDER BY instructor", ordered=True),
    C(Y, 4, "show me the 3 instructors with the most bookings that were actually attended",
      "SELECT instructor, COUNT(*) AS n FROM yoga_class_bookings WHERE attended = 'yes' GROUP BY instructor "
      "ORDER BY n DESC LIMIT 3", ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(Y, 5, "bookings by studio and class style",
      "SELECT studio, class_style, COUNT(*) FROM yoga_class_bookings GROUP BY studio, class_style"),
    C(Y, 5, "For each studio I need the number of bookings, the number of members and the revenue",
      "SELECT studio, COUNT(*), COUNT(DISTINCT member_id), SUM(price_paid) FROM yoga_class_bookings GROUP BY studio"),
    C(Y, 5, "can you chart monthly bookings as stacked bars, split by studio",
      "SELECT strftime('%Y-%m', class_start) AS month, studio, COUNT(*) FROM yoga_class_bookings "
      "GROUP BY month, studio", chart="bar", series=True),
    C(Y, 5, "Scatter with one point per instructor: number of bookings against average rating",
      "SELECT instructor, COUNT(*), AVG(rating) FROM yoga_class_bookings GROUP BY instructor", chart="scatter"),
    C(Y, 5, "For each style, how many bookings were attended and how many weren't? stacked bars please",
      "SELECT class_style, attended, COUNT(*) FROM yoga_class_bookings GROUP BY class_style, attended",
      chart="bar", series=True),
    C(Y, 5, "revenue per quarter for each studio, as a line chart",
      "SELECT quarter(class_start) AS q, studio, SUM(price_paid) FROM yoga_class_bookings GROUP BY q, studio",
      chart="line", series=True),

    # 6: the analysis kind
    C(Y, 6, "box plot of the ratings each instructor got",
      "SELECT instructor, MIN(rating), median(rating), MAX(rating) FROM yoga_class_bookings GROUP BY instructor",
      chart="box"),
    C(Y, 6, "Histogram of prices paid in 5 euro bins",
      "SELECT CAST(price_paid / 5 AS INTEGER) * 5 AS bin, COUNT(*) FROM yoga_class_bookings GROUP BY bin",
      chart="histogram"),
    T(Y, 6, "how are the star ratings spread out? show me the distribution", "distribution_plot", ["rating"],
      chart="histogram"),
    C(Y, 6, "Is class length correlated with the rating people give? Pearson r please",
      "SELECT (COUNT(*) * SUM(duration_min * rating) - SUM(duration_min) * SUM(rating)) * 1.0 / "
      "(sqrt(COUNT(*) * SUM(duration_min * duration_min) - SUM(duration_min) * SUM(duration_min)) * "
      "sqrt(COUNT(*) * SUM(rating * rating) - SUM(rating) * SUM(rating))) "
      "FROM yoga_class_bookings WHERE rating IS NOT NULL", tolerance=1e-4),
    C(Y, 6, "Box plot of days booked ahead, by studio",
      "SELECT studio, MIN(d), median(d), MAX(d) FROM (SELECT studio, "
      "julianday(substr(class_start, 1, 10)) - julianday(booked_on) AS d FROM yoga_class_bookings) GROUP BY studio",
      chart="box"),

    C(Y, 6, "Do people who book further ahead pay more? Give me the correlation between days booked in advance "
      "and price paid",
      "SELECT (COUNT(*) * SUM(d * price_paid) - SUM(d) * SUM(price_paid)) / "
      "(sqrt(COUNT(*) * SUM(d * d) - SUM(d) * SUM(d)) * sqrt(COUNT(*) * SUM(price_paid * price_paid) - "
      "SUM(price_paid) * SUM(price_paid))) FROM (SELECT julianday(substr(class_start, 1, 10)) - julianday(booked_on) "
      "AS d, price_paid FROM yoga_class_bookings)", tolerance=1e-4),

    # 7: derived measures
    C(Y, 7, "Can you chart bookings by day of the week?",
      "SELECT dayname(class_start) AS d, COUNT(*) FROM yoga_class_bookings GROUP BY d", chart="bar"),
    C(Y, 7, "number of bookings for each hour of the day the class starts",
      "SELECT CAST(strftime('%H', class_start) AS INTEGER) AS h, COUNT(*) FROM yoga_class_bookings GROUP BY h"),
    C(Y, 7, "What share of all bookings were actually attended?",
      "SELECT AVG(attended = 'yes') FROM yoga_class_bookings"),
    C(Y, 7, "cancellation rate for each studio, as a percentage",
      "SELECT studio, AVG(cancellation_reason IS NOT NULL) * 100.0 FROM yoga_class_bookings GROUP BY studio"),
    C(Y, 7, "On average how many days ahead of the class do members book?",
      "SELECT AVG(julianday(substr(class_start, 1, 10)) - julianday(booked_on)) FROM yoga_class_bookings"),
    C(Y, 7, "running total of class revenue month by month",
      "SELECT month, SUM(r) OVER (ORDER BY month) FROM (SELECT strftime('%Y-%m', class_start) AS month, "
      "SUM(price_paid) AS r FROM yoga_class_bookings GROUP BY month) ORDER BY month", ordered=True),
    C(Y, 7, "By what percent did bookings change from Q1 to Q2?",
      "SELECT (SUM(quarter(class_start) = '2024-Q2') - SUM(quarter(class_start) = '2024-Q1')) * 100.0 / "
      "SUM(quarter(class_start) = '2024-Q1') FROM yoga_class_bookings"),

    # 8: words about the chart
    C(Y, 8, "bar chart with the studios on the x axis and revenue on the y axis",
      "SELECT studio, SUM(price_paid) FROM yoga_class_bookings GROUP BY studio", chart="bar"),
    C(Y, 8, "Line chart of bookings per month",
      "SELECT strftime('%Y-%m', class_start) AS month, COUNT(*) FROM yoga_class_bookings GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),
    C(Y, 8, "pie of bookings by class style",
      "SELECT class_style, COUNT(*) FROM yoga_class_bookings GROUP BY class_style", chart="pie"),
    C(Y, 8, "Visualize the cancellations by reason as bars",
      "SELECT cancellation_reason, COUNT(*) FROM yoga_class_bookings WHERE cancellation_reason IS NOT NULL "
      "GROUP BY cancellation_reason", chart="bar"),
    C(Y, 8, "histogram of how many days ahead people book, bin width 3 days",
      "SELECT CAST((julianday(substr(class_start, 1, 10)) - julianday(booked_on)) / 3 AS INTEGER) * 3 AS bin, "
      "COUNT(*) FROM yoga_class_bookings GROUP BY bin", chart="histogram"),
    C(Y, 8, "display the average rating of each instructor as horizontal bars",
      "SELECT instructor, AVG(rating) FROM yoga_class_bookings GROUP BY instructor", chart="bar"),

    # 9: the shape of the answer
    C(Y, 9, "What's the most anyone paid for a single class?",
      "SELECT MAX(price_paid) FROM yoga_class_bookings"),
    C(Y, 9, "Which instructor has the best average rating?",
      "SELECT instructor FROM yoga_class_bookings GROUP BY instructor ORDER BY AVG(rating) DESC LIMIT 1"),
    C(Y, 9, "list the instructors who teach at Northgate",
      "SELECT DISTINCT instructor FROM yoga_class_bookings WHERE studio = 'Northgate'"),
    C(Y, 9, "Give me total bookings and total revenue in one row",
      "SELECT COUNT(*), SUM(price_paid) FROM yoga_class_bookings"),
    C(Y, 9, "When was the first Prenatal class of the year?",
      "SELECT MIN(class_start) FROM yoga_class_bookings WHERE class_style = 'Prenatal'"),
    C(Y, 9, "which member has spent the most with us",
      "SELECT member_id FROM yoga_class_bookings GROUP BY member_id ORDER BY SUM(price_paid) DESC LIMIT 1"),

    # basic
    C(Y, "basic", "total class revenue for 2024",
      "SELECT SUM(price_paid) FROM yoga_class_bookings"),
    C(Y, "basic", "How many Vinyasa bookings did we have in March?",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE class_style = 'Vinyasa' AND class_start LIKE '2024-03%'"),
    C(Y, "basic", "What's the average rating at Riverside?",
      "SELECT AVG(rating) FROM yoga_class_bookings WHERE studio = 'Riverside'"),
    C(Y, "basic", "bookings per month",
      "SELECT strftime('%Y-%m', class_start) AS month, COUNT(*) FROM yoga_class_bookings GROUP BY month"),
    C(Y, "basic", "What's the most common reason people cancel?",
      "SELECT cancellation_reason FROM yoga_class_bookings WHERE cancellation_reason IS NOT NULL "
      "GROUP BY cancellation_reason ORDER BY COUNT(*) DESC LIMIT 1"),
    C(Y, "basic", "How many bookings were made on a pass, i.e. nothing paid?",
      "SELECT COUNT(*) FROM yoga_class_bookings WHERE price_paid = 0"),
]

FLAGGED = [
    F(Y, "What's the average age of our members?", "there is no age column"),
    F(Y, "How many bookings should we expect in January 2025?", "a forecast"),
    F(Y, "Why are Power Sculpt classes rated lower than Yin?", "a cause the data cannot give"),
    F(Y, "average price per member", "one overall figure or a list by member_id: both readings fit"),
]

# ---- brewery_batches -----------------------------------------------------------------------------------------

CASES += [
    # 1: the measure behind a count word
    C(B, 1, "how many litres did we brew in 2024",
      "SELECT SUM(volume_litres) FROM brewery_batches"),
    C(B, 1, "How many stout batches did we brew?",
      "SELECT COUNT(*) FROM brewery_batches WHERE style = 'Stout'"),
    C(B, 1, "How many different beers are we making?",
      "SELECT COUNT(DISTINCT beer_name) FROM brewery_batches"),
    C(B, 1, "Across all batches, how many litres did we lose between fermenter and packaging?",
      "SELECT -SUM(variance_litres) FROM brewery_batches WHERE variance_litres < 0"),
    C(B, 1, "how many brewers worked on batches this year?",
      "SELECT COUNT(DISTINCT brewer) FROM brewery_batches"),
    C(B, 1, "How many litres went through each fermenter? bar chart",
      "SELECT tank, SUM(volume_litres) FROM brewery_batches GROUP BY tank", chart="bar"),

    # 2: "per X" vs group by
    C(B, 2, "What's the average volume per batch?",
      "SELECT AVG(volume_litres) FROM brewery_batches"),
    C(B, 2, "chart the average strength per style",
      "SELECT style, AVG(abv_pct) FROM brewery_batches GROUP BY style", chart="bar"),
    C(B, 2, "revenue per beer",
      "SELECT beer_name, SUM(revenue_eur) FROM brewery_batches GROUP BY beer_name"),
    C(B, 2, "How many batches does a brewer brew on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT brewer) FROM brewery_batches"),
    C(B, 2, "what does a brew cost us on average",
      "SELECT AVG(cost_eur) FROM brewery_batches"),
    C(B, 2, "Litres brewed per brewer",
      "SELECT brewer, SUM(volume_litres) FROM brewery_batches GROUP BY brewer"),

    # 3: lost filters
    C(B, 3, "How many batches came in stronger than 6.5%?",
      "SELECT COUNT(*) FROM brewery_batches WHERE abv_pct > 6.5"),
    C(B, 3, "how many batches lost more than 100 litres",
      "SELECT COUNT(*) FROM brewery_batches WHERE variance_litres < -100"),
    C(B, 3, "Total revenue from the Harbour beers",
      "SELECT SUM(revenue_eur) FROM brewery_batches WHERE beer_name LIKE 'Harbour%'"),
    C(B, 3, "How many batches were brewed by someone other than Sven?",
      "SELECT COUNT(*) FROM brewery_batches WHERE brewer <> 'Sven Dahl'"),
    C(B, 3, "Total litres of lager or sour brewed",
      "SELECT SUM(volume_litres) FROM brewery_batches WHERE style IN ('Lager', 'Sour')"),
    C(B, 3, "Which beers did we brew more than 40 times?",
      "SELECT beer_name FROM brewery_batches GROUP BY beer_name HAVING COUNT(*) > 40"),
    C(B, 3, "Of the batches we've sold, how many cost more to make than they brought in?",
      "SELECT COUNT(*) FROM brewery_batches WHERE revenue_eur IS NOT NULL AND cost_eur > revenue_eur"),
    C(B, 3, "List the batches of any beer with 'Oat' in its name that finished at a gravity of 1.016 or below",
      "SELECT batch_code FROM brewery_batches WHERE beer_name LIKE '%Oat%' AND final_gravity <= 1.016"),
    C(B, 3, "Which brewers have an average batch cost above the overall average?",
      "SELECT brewer FROM brewery_batches GROUP BY brewer HAVING AVG(cost_eur) > "
      "(SELECT AVG(cost_eur) FROM brewery_batches)"),

    # 4: explicit order and shape
    C(B, 4, "Top 5 batches by revenue",
      "SELECT batch_code, revenue_eur FROM brewery_batches WHERE revenue_eur IS NOT NULL "
      "ORDER BY revenue_eur DESC LIMIT 5", ordered=True),
    C(B, 4, "Rank our beers by litres brewed, most first, in a bar chart",
      "SELECT beer_name, SUM(volume_litres) AS l FROM brewery_batches GROUP BY beer_name ORDER BY l DESC",
      ordered=True, chart="bar"),
    C(B, 4, "styles by average abv, lowest to highest",
      "SELECT style, AVG(abv_pct) AS a FROM brewery_batches GROUP BY style ORDER BY a ASC", ordered=True),
    C(B, 4, "Which fermenter did we use most often?",
      "SELECT tank FROM brewery_batches GROUP BY tank ORDER BY COUNT(*) DESC LIMIT 1"),
    C(B, 4, "brewers sorted by total cost, ascending",
      "SELECT brewer, SUM(cost_eur) AS c FROM brewery_batches GROUP BY brewer ORDER BY c ASC", ordered=True),
    C(B, 4, "The 3 batches with the biggest losses in litres",
      "SELECT batch_code, variance_litres FROM brewery_batches WHERE variance_litres IS NOT NULL "
      "ORDER BY variance_litres ASC LIMIT 3", ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(B, 5, "stacked bar chart of batches by style, split by brewer",
      "SELECT style, brewer, COUNT(*) FROM brewery_batches GROUP BY style, brewer", chart="bar", series=True),
    C(B, 5, "For every beer give me the number of batches, the litres brewed and the revenue",
      "SELECT beer_name, COUNT(*), SUM(volume_litres), SUM(revenue_eur) FROM brewery_batches GROUP BY beer_name"),
    C(B, 5, "stacked bar chart of litres brewed per quarter, stacked by style",
      "SELECT quarter(brew_date) AS q, style, SUM(volume_litres) FROM brewery_batches GROUP BY q, style",
      chart="bar", series=True),
    C(B, 5, "scatter: one dot per beer, average original gravity vs average ABV",
      "SELECT beer_name, AVG(original_gravity), AVG(abv_pct) FROM brewery_batches GROUP BY beer_name",
      chart="scatter"),
    C(B, 5, "monthly litres brewed for each style, line chart",
      "SELECT strftime('%Y-%m', brew_date) AS month, style, SUM(volume_litres) FROM brewery_batches "
      "GROUP BY month, style", chart="line", series=True),
    C(B, 5, "cost and revenue side by side for each brewer",
      "SELECT brewer, SUM(cost_eur), SUM(revenue_eur) FROM brewery_batches GROUP BY brewer"),

    # 6: the analysis kind
    C(B, 6, "box plot of ABV by style",
      "SELECT style, MIN(abv_pct), median(abv_pct), MAX(abv_pct) FROM brewery_batches GROUP BY style", chart="box"),
    C(B, 6, "Histogram of batch sizes with 250 litre bins",
      "SELECT CAST(volume_litres / 250 AS INTEGER) * 250 AS bin, COUNT(*) FROM brewery_batches GROUP BY bin",
      chart="histogram"),
    T(B, 6, "What does the distribution of alcohol content look like across batches?", "distribution_plot",
      ["abv_pct"], chart="histogram"),
    C(B, 6, "How strongly is original gravity correlated with ABV? Give me the correlation coefficient",
      "SELECT (COUNT(*) * SUM(original_gravity * abv_pct) - SUM(original_gravity) * SUM(abv_pct)) / "
      "(sqrt(COUNT(*) * SUM(original_gravity * original_gravity) - SUM(original_gravity) * SUM(original_gravity)) * "
      "sqrt(COUNT(*) * SUM(abv_pct * abv_pct) - SUM(abv_pct) * SUM(abv_pct))) FROM brewery_batches",
      tolerance=1e-3),
    C(B, 6, "plot OG against FG for every IPA batch as a scatter",
      "SELECT original_gravity, final_gravity FROM brewery_batches WHERE style = 'IPA'", chart="scatter"),
    C(B, 6, "Box plot of fermentation time in days (brew to package) per style",
      "SELECT style, MIN(d), median(d), MAX(d) FROM (SELECT style, julianday(package_date) - julianday(brew_date) AS d "
      "FROM brewery_batches WHERE package_date IS NOT NULL) GROUP BY style", chart="box"),

    # 7: derived measures
    C(B, 7, "On average, how many days does a batch spend between brewing and packaging?",
      "SELECT AVG(julianday(package_date) - julianday(brew_date)) FROM brewery_batches WHERE package_date IS NOT NULL"),
    C(B, 7, "profit (revenue minus cost) by beer, counting only batches that have been sold",
      "SELECT beer_name, SUM(revenue_eur - cost_eur) FROM brewery_batches WHERE revenue_eur IS NOT NULL "
      "GROUP BY beer_name"),
    C(B, 7, "brew days by weekday: how many batches on each day of the week? show it as bars",
      "SELECT dayname(brew_date) AS d, COUNT(*) FROM brewery_batches GROUP BY d", chart="bar"),
    C(B, 7, "line chart of the running total of litres brewed, by month",
      "SELECT month, SUM(l) OVER (ORDER BY month) FROM (SELECT strftime('%Y-%m', brew_date) AS month, "
      "SUM(volume_litres) AS l FROM brewery_batches GROUP BY month) ORDER BY month", ordered=True, chart="line"),
    C(B, 7, "percent change in the number of batches brewed from Q1 to Q3",
      "SELECT (SUM(quarter(brew_date) = '2024-Q3') - SUM(quarter(brew_date) = '2024-Q1')) * 100.0 / "
      "SUM(quarter(brew_date) = '2024-Q1') FROM brewery_batches"),
    C(B, 7, "What's the cost per litre for each style?",
      "SELECT style, SUM(cost_eur) / SUM(volume_litres) FROM brewery_batches GROUP BY style"),
    C(B, 7, "For packaged batches, what share of the brewed volume actually made it into packaging?",
      "SELECT SUM(volume_litres + variance_litres) * 1.0 / SUM(volume_litres) FROM brewery_batches "
      "WHERE package_date IS NOT NULL"),
    C(B, 7, "Batches brewed per quarter as a line chart",
      "SELECT quarter(brew_date) AS q, COUNT(*) FROM brewery_batches GROUP BY q", chart="line"),

    # 8: words about the chart
    C(B, 8, "bar chart of total revenue by beer, beers along the x axis",
      "SELECT beer_name, SUM(revenue_eur) FROM brewery_batches GROUP BY beer_name", chart="bar"),
    C(B, 8, "line chart of how many batches we brewed each month",
      "SELECT strftime('%Y-%m', brew_date) AS month, COUNT(*) FROM brewery_batches GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(B, 8, "Pie chart of litres brewed by style",
      "SELECT style, SUM(volume_litres) FROM brewery_batches GROUP BY style", chart="pie"),
    C(B, 8, "visualise the average ABV for each brewer as bars",
      "SELECT brewer, AVG(abv_pct) FROM brewery_batches GROUP BY brewer", chart="bar"),
    C(B, 8, "histogram of ABV, bins of 0.5%",
      "SELECT CAST(abv_pct / 0.5 AS INTEGER) * 0.5 AS bin, COUNT(*) FROM brewery_batches GROUP BY bin",
      chart="histogram"),
    C(B, 8, "Put tank on the x axis and total variance in litres on the y axis, as a bar chart",
      "SELECT tank, SUM(variance_litres) FROM brewery_batches GROUP BY tank", chart="bar"),

    # 9: the shape of the answer
    C(B, 9, "Which beer has the highest average ABV?",
      "SELECT beer_name FROM brewery_batches GROUP BY beer_name ORDER BY AVG(abv_pct) DESC LIMIT 1"),
    C(B, 9, "What was our biggest single batch, in litres?",
      "SELECT MAX(volume_litres) FROM brewery_batches"),
    C(B, 9, "list the beers we brew",
      "SELECT DISTINCT beer_name FROM brewery_batches"),
    C(B, 9, "Which batches are still sitting in the fermenters? batch code and tank please",
      "SELECT batch_code, tank FROM brewery_batches WHERE package_date IS NULL"),
    C(B, 9, "When did we last brew Cherry Pucker?",
      "SELECT MAX(brew_date) FROM brewery_batches WHERE beer_name = 'Cherry Pucker'"),
    C(B, 9, "who brewed the most batches",
      "SELECT brewer FROM brewery_batches GROUP BY brewer ORDER BY COUNT(*) DESC LIMIT 1"),

    # basic
    C(B, "basic", "total brewing cost for the year",
      "SELECT SUM(cost_eur) FROM brewery_batches"),
    C(B, "basic", "How much revenue has Hop Tide brought in?",
      "SELECT SUM(revenue_eur) FROM brewery_batches WHERE beer_name = 'Hop Tide'"),
    C(B, "basic", "How many batches did Maya brew over the summer, June to August?",
      "SELECT COUNT(*) FROM brewery_batches WHERE brewer = 'Maya Ortiz' "
      "AND brew_date BETWEEN '2024-06-01' AND '2024-08-31'"),
    C(B, "basic", "What's the average ABV of our stouts?",
      "SELECT AVG(abv_pct) FROM brewery_batches WHERE style = 'Stout'"),
    C(B, "basic", "litres brewed each month, can you plot that as a line",
      "SELECT strftime('%Y-%m', brew_date) AS month, SUM(volume_litres) FROM brewery_batches GROUP BY month",
      chart="line"),
    C(B, "basic", "How many batches are still unsold?",
      "SELECT COUNT(*) FROM brewery_batches WHERE revenue_eur IS NULL"),
]

FLAGGED += [
    F(B, "What's the bitterness (IBU) of Hop Tide?", "there is no bitterness column"),
    F(B, "How many litres will we need to brew next summer?", "a forecast"),
    F(B, "Why were losses bigger in the 3000 litre tanks?", "a cause the data cannot give"),
    F(B, "average revenue per beer", "one overall figure or a list by beer_name: both readings fit"),
]
