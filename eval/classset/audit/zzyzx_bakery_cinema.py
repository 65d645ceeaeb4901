"""Audit question set: a bakery's production log and a multiplex cinema's screening log (two invented tables).

bakery_batches -- one row per batch of one product baked in one shift (bakery open Monday to Saturday,
2024-01-02 .. 2024-04-27). A shift bakes several batches, so shift_id repeats; a product, a baker and an oven
appear on many rows.
  batch_id             TEXT     unique batch code 'B-10001', 'B-10002', ... (one row each)
  shift_id             TEXT     the shift the batch was baked in, 'SH-240103-E' (date yymmdd, E/D/L); repeats
  shift                TEXT     'Early' (starts about 04:00), 'Day' (about 09:00) or 'Late' (about 14:00)
  baked_at             TEXT     when the batch went into the oven, 'YYYY-MM-DD HH:MM' (local time)
  best_before          TEXT     best-before date printed on the batch, 'YYYY-MM-DD' (on or after the bake date)
  product              TEXT     product name; several share a prefix: 'Sourdough Loaf', 'Sourdough Rye',
                                'Sourdough Seeded', 'Rye Bread', 'Baguette', 'Baguette Mini', 'Croissant',
                                'Croissant Almond', 'Pain au Chocolat', 'Carrot Cake', 'Cheesecake',
                                'Chocolate Cake', 'Chocolate Chip Cookie', 'Oat Cookie'
  category             TEXT     'Bread', 'Viennoiserie', 'Cake' or 'Cookie' (fixed per product)
  baker                TEXT     baker in charge of the batch (five bakers)
  oven                 TEXT     'Deck 1', 'Deck 2', 'Convection A', 'Convection B' or 'Rack'
  planned_units        INTEGER  units (loaves, pieces, cakes) the production plan asked for
  actual_units         INTEGER  units that came out of the oven; below plan when a batch was short or partly burnt
  wasted_units         INTEGER  of the actual units, how many were thrown away (unsold at close or rejected)
  unit_price_eur       REAL     shop sale price of one unit in EUR (fixed per product)
  ingredient_cost_eur  REAL     ingredient cost of the whole batch in EUR (not per unit)
  oven_temp_dev_c      REAL     measured oven temperature minus the recipe's target, in degrees C; negative = ran
                                cold, positive = ran hot
  quality_check        TEXT     'yes' = passed the quality check, 'no' = failed it; blank = no check was done

cinema_screenings -- one row per screening of a film in a multiplex (2024-01-05 .. 2024-05-31). A film is shown
many times, so film_title, genre, runtime and premiere_date repeat on many rows.
  screening_id            TEXT     unique screening code 'SCR-20001', ... (one row each)
  film_title              TEXT     film title; several share a prefix ('The Last Harbor', 'The Last Light',
                                   'Star Drift', 'Star Drift: Origins', 'Midnight Garden', 'Midnight Run Club', ...)
  genre                   TEXT     genre of the film (fixed per film)
  premiere_date           TEXT     the film's premiere (release) date at this cinema, 'YYYY-MM-DD'; same on every
                                   row of the film
  screen                  TEXT     auditorium: 'Screen 1' .. 'Screen 6' or 'IMAX'
  start_time              TEXT     scheduled start, 'YYYY-MM-DD HH:MM'
  runtime_min             INTEGER  running time of the film in minutes (fixed per film)
  is_3d                   TEXT     'yes' if this screening was shown in 3D, 'no' for 2D
  subtitles               TEXT     subtitle language shown ('English', 'Spanish'); blank = shown without subtitles
  seats_available         INTEGER  seats on sale for this screening (the auditorium's capacity less blocked seats)
  tickets_sold            INTEGER  tickets sold for the screening (one ticket = one person)
  ticket_revenue_eur      REAL     gross ticket revenue in EUR, before refunds
  concession_revenue_eur  REAL     food and drink sold to this screening's audience, EUR
  refunds_eur             REAL     refund adjustment in EUR: 0 when nothing was refunded, otherwise a negative
                                   amount; net ticket revenue = ticket_revenue_eur + refunds_eur
"""
import datetime
import random

from ..case import C, T, F

BK = "bakery_batches"
CN = "cinema_screenings"

# product: (category, base planned units, unit price, ingredient cost per unit, shelf life days (lo, hi), weight)
_PRODUCTS = [
    ("Sourdough Loaf", "Bread", 40, 5.20, 1.05, (3, 4), 9),
    ("Sourdough Rye", "Bread", 30, 5.60, 1.20, (4, 5), 5),
    ("Sourdough Seeded", "Bread", 30, 5.90, 1.35, (3, 4), 4),
    ("Rye Bread", "Bread", 36, 4.40, 0.90, (4, 6), 4),
    ("Baguette", "Bread", 60, 2.30, 0.38, (1, 1), 8),
    ("Baguette Mini", "Bread", 80, 1.20, 0.21, (1, 1), 4),
    ("Croissant", "Viennoiserie", 96, 1.90, 0.52, (1, 1), 9),
    ("Croissant Almond", "Viennoiserie", 48, 2.80, 0.86, (1, 2), 5),
    ("Pain au Chocolat", "Viennoiserie", 72, 2.20, 0.63, (1, 1), 6),
    ("Carrot Cake", "Cake", 12, 24.00, 7.40, (3, 4), 3),
    ("Cheesecake", "Cake", 10, 28.00, 9.10, (3, 5), 3),
    ("Chocolate Cake", "Cake", 12, 26.00, 8.30, (3, 4), 3),
    ("Chocolate Chip Cookie", "Cookie", 120, 1.60, 0.33, (7, 10), 5),
    ("Oat Cookie", "Cookie", 100, 1.40, 0.27, (7, 10), 3),
]
_OVENS = {
    "Bread": ["Deck 1", "Deck 2"],
    "Viennoiserie": ["Convection A", "Convection B"],
    "Cake": ["Convection A", "Rack"],
    "Cookie": ["Rack", "Convection B"],
}
_OVEN_BIAS = {"Deck 1": 0.6, "Deck 2": -2.1, "Convection A": 0.2, "Convection B": 1.3, "Rack": -0.7}
_BAKERS = ["Anna Keller", "Ben Osei", "Clara Ruiz", "David Lin", "Emma Novak"]
_SHIFTS = [("Early", "E", 4, 0.95), ("Day", "D", 9, 0.70), ("Late", "L", 14, 0.45)]


def gen_bakery():
    r = random.Random(82311)
    cols = [("batch_id", "TEXT"), ("shift_id", "TEXT"), ("shift", "TEXT"), ("baked_at", "TEXT"),
            ("best_before", "TEXT"), ("product", "TEXT"), ("category", "TEXT"), ("baker", "TEXT"),
            ("oven", "TEXT"), ("planned_units", "INTEGER"), ("actual_units", "INTEGER"),
            ("wasted_units", "INTEGER"), ("unit_price_eur", "REAL"), ("ingredient_cost_eur", "REAL"),
            ("oven_temp_dev_c", "REAL"), ("quality_check", "TEXT")]
    weights = [p[6] for p in _PRODUCTS]
    rows, n = [], 10001
    day = datetime.date(2024, 1, 2)
    while day <= datetime.date(2024, 4, 27):
        if day.weekday() == 6:  # closed on Sundays
            day += datetime.timedelta(days=1)
            continue
        busy = 1 if day.weekday() in (4, 5) else 0
        for shift, code, hour, p in _SHIFTS:
            if r.random() > p:
                continue
            baker = r.choice(_BAKERS)
            t = datetime.datetime(day.year, day.month, day.day, hour, r.choice([0, 10, 15, 20, 30]))
            for _ in range(r.randint(1, 2) + busy):
                prod = r.choices(_PRODUCTS, weights)[0]
                name, cat, base, price, ucost, life, _w = prod
                if r.random() < 0.15:
                    baker_b = r.choice(_BAKERS)
                else:
                    baker_b = baker
                oven = r.choice(_OVENS[cat])
                planned = max(6, int(round(base * r.choice([0.75, 1.0, 1.0, 1.25, 1.5]))))
                dev = round(r.gauss(_OVEN_BIAS[oven], 3.2), 1)
                actual = planned + r.randint(-4, 3)
                if abs(dev) > 6.5 and r.random() < 0.6:
                    actual = int(actual * r.uniform(0.55, 0.85))
                actual = max(1, actual)
                wfrac = {"Bread": 0.08, "Viennoiserie": 0.13, "Cake": 0.10, "Cookie": 0.04}[cat]
                if shift == "Late":
                    wfrac *= 1.6
                wasted = min(actual, int(round(actual * wfrac * r.uniform(0.0, 2.0))))
                cost = round(planned * ucost * r.uniform(0.93, 1.09) + r.uniform(1.5, 6.0), 2)
                if r.random() < (0.32 if shift == "Late" else 0.10):
                    qc = None
                elif abs(dev) > 6.0 or actual < planned * 0.8:
                    qc = "no" if r.random() < 0.75 else "yes"
                else:
                    qc = "no" if r.random() < 0.05 else "yes"
                bd = t.date() + datetime.timedelta(days=r.randint(*life))
                rows.append(["B-%d" % n, "SH-%s-%s" % (day.strftime("%y%m%d"), code), shift,
                             t.strftime("%Y-%m-%d %H:%M"), bd.isoformat(), name, cat, baker_b, oven,
                             planned, actual, wasted, price, cost, dev, qc])
                n += 1
                t += datetime.timedelta(minutes=r.choice([35, 40, 45, 50, 55, 65]))
        day += datetime.timedelta(days=1)
    return cols, rows


# film: (title, genre, runtime, premiere, has 3D, popularity)
_FILMS = [
    ("Northern Lights", "Documentary", 88, "2024-01-05", False, 0.35),
    ("The Last Harbor", "Drama", 128, "2024-01-12", False, 0.60),
    ("Star Drift", "Sci-Fi", 141, "2024-01-26", True, 0.95),
    ("The Last Light", "Thriller", 112, "2024-02-09", False, 0.65),
    ("Midnight Garden", "Romance", 104, "2024-02-14", False, 0.55),
    ("Iron Valley", "Action", 124, "2024-02-23", True, 0.80),
    ("Midnight Run Club", "Comedy", 97, "2024-03-01", False, 0.60),
    ("Paws and Claws", "Animation", 92, "2024-03-22", True, 0.75),
    ("Star Drift: Origins", "Sci-Fi", 135, "2024-04-05", True, 0.90),
    ("Quiet Rooms", "Horror", 99, "2024-04-19", False, 0.50),
]
_SCREENS = [("Screen 1", 220), ("Screen 2", 180), ("Screen 3", 150), ("Screen 4", 120), ("Screen 5", 90),
            ("Screen 6", 60), ("IMAX", 300)]


def gen_cinema():
    r = random.Random(44170)
    cols = [("screening_id", "TEXT"), ("film_title", "TEXT"), ("genre", "TEXT"), ("premiere_date", "TEXT"),
            ("screen", "TEXT"), ("start_time", "TEXT"), ("runtime_min", "INTEGER"), ("is_3d", "TEXT"),
            ("subtitles", "TEXT"), ("seats_available", "INTEGER"), ("tickets_sold", "INTEGER"),
            ("ticket_revenue_eur", "REAL"), ("concession_revenue_eur", "REAL"), ("refunds_eur", "REAL")]
    rows, n = [], 20001
    day = datetime.date(2024, 1, 5)
    while day <= datetime.date(2024, 5, 31):
        weekend = day.weekday() >= 4
        showing = [f for f in _FILMS
                   if 0 <= (day - datetime.date.fromisoformat(f[3])).days <= 70]
        k = r.randint(2, 4) if weekend else r.randint(1, 3)
        starts = sorted(r.sample([13, 14, 15, 16, 17, 18, 19, 20, 21, 22], k))
        for h in starts:
            title, genre, runtime, prem, has3d, pop = r.choice(showing)
            screen, cap = r.choice(_SCREENS)
            if day.isoformat() == prem and r.random() < 0.7:
                screen, cap = "IMAX" if has3d else "Screen 1", 300 if has3d else 220
            seats = cap - (r.randint(4, 20) if r.random() < 0.12 else 0)
            age_w = (day - datetime.date.fromisoformat(prem)).days / 7.0
            demand = pop * max(0.15, 1.0 - age_w * 0.11) * (1.35 if weekend else 1.0)
            demand *= 1.2 if h >= 18 else 0.75
            tickets = max(0, min(seats, int(round(seats * demand * r.uniform(0.35, 0.95)))))
            is3d = "yes" if has3d and r.random() < 0.5 else "no"
            price = 12.5 + (3.0 if is3d == "yes" else 0) + (4.0 if screen == "IMAX" else 0) \
                - (2.5 if h < 17 else 0)
            rev = round(tickets * price * r.uniform(0.86, 1.0), 2)
            conc = round(tickets * r.uniform(3.2, 8.5) * (1.25 if genre == "Animation" else 1.0), 2)
            if tickets > 0 and r.random() < 0.2:
                refund = -round(min(tickets, r.randint(1, 6)) * price * r.uniform(0.8, 1.0), 2)
            else:
                refund = 0.0
            u = r.random()
            subs = "English" if u < 0.16 else ("Spanish" if u < 0.25 else None)
            rows.append(["SCR-%d" % n, title, genre, prem, screen,
                         "%s %02d:%s" % (day.isoformat(), h, r.choice(["00", "15", "30", "45"])),
                         runtime, is3d, subs, seats, tickets, rev, conc, refund])
            n += 1
        day += datetime.timedelta(days=1)
    return cols, rows


TABLES = {BK: gen_bakery, CN: gen_cinema}


CASES = [
    # ---------------- bakery_batches ----------------
    # 1: the measure behind a count word
    C(BK, 1, "How many Sourdough Loaf units did we bake altogether?",
      "SELECT SUM(actual_units) AS units_baked FROM bakery_batches WHERE product = 'Sourdough Loaf'"),
    C(BK, 1, "how many batches did Clara Ruiz bake",
      "SELECT COUNT(*) AS batches FROM bakery_batches WHERE baker = 'Clara Ruiz'"),
    C(BK, 1, "How many shifts are recorded in the production log?",
      "SELECT COUNT(DISTINCT shift_id) AS shifts FROM bakery_batches"),
    C(BK, 1, "How many items went in the bin in March?",
      "SELECT SUM(wasted_units) AS wasted_units FROM bakery_batches WHERE strftime('%Y-%m', baked_at) = '2024-03'"),
    C(BK, 1, "How many cookies did we turn out over the whole period?",
      "SELECT SUM(actual_units) AS cookies FROM bakery_batches WHERE category = 'Cookie'"),
    C(BK, 1, "number of different products baked in the Rack oven",
      "SELECT COUNT(DISTINCT product) AS products FROM bakery_batches WHERE oven = 'Rack'"),
    C(BK, 1, "How many Viennoiserie pieces came out of Late shifts?",
      "SELECT SUM(actual_units) AS pieces FROM bakery_batches WHERE category = 'Viennoiserie' AND shift = 'Late'"),

    # 2: per X vs group by
    C(BK, 2, "What's the average ingredient cost per batch?",
      "SELECT AVG(ingredient_cost_eur) AS avg_cost_eur FROM bakery_batches"),
    C(BK, 2, "Show the average batch ingredient cost per baker",
      "SELECT baker, AVG(ingredient_cost_eur) AS avg_cost_eur FROM bakery_batches GROUP BY baker"),
    C(BK, 2, "On average, how many batches get baked in one shift?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT shift_id) AS batches_per_shift FROM bakery_batches"),
    C(BK, 2, "units wasted per oven",
      "SELECT oven, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY oven"),
    C(BK, 2, "average units wasted per batch of Viennoiserie",
      "SELECT AVG(wasted_units) AS avg_wasted FROM bakery_batches WHERE category = 'Viennoiserie'"),
    C(BK, 2, "Ingredient cost per unit baked, for each product",
      "SELECT product, SUM(ingredient_cost_eur) / SUM(actual_units) AS cost_per_unit_eur FROM bakery_batches "
      "GROUP BY product"),
    C(BK, 2, "On average, how many units does an Early shift produce?",
      "SELECT SUM(actual_units) * 1.0 / COUNT(DISTINCT shift_id) AS units_per_shift FROM bakery_batches "
      "WHERE shift = 'Early'"),

    # 3: filters
    C(BK, 3, "List the batches where the oven ran more than 5 degrees below target: batch id, product and the deviation",
      "SELECT batch_id, product, oven_temp_dev_c FROM bakery_batches WHERE oven_temp_dev_c < -5"),
    C(BK, 3, "Total ingredient cost for everything other than bread",
      "SELECT SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches WHERE category <> 'Bread'"),
    C(BK, 3, "How many batches either failed the quality check or had more than 10 units wasted?",
      "SELECT COUNT(*) AS batches FROM bakery_batches WHERE quality_check = 'no' OR wasted_units > 10"),
    C(BK, 3, "total units baked across all the sourdough products",
      "SELECT SUM(actual_units) AS units FROM bakery_batches WHERE product LIKE 'Sourdough%'"),
    C(BK, 3, "Which bakers have thrown away more than 600 units in total?",
      "SELECT baker, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY baker "
      "HAVING SUM(wasted_units) > 600"),
    C(BK, 3, "How many batches cost more in ingredients than the average batch?",
      "SELECT COUNT(*) AS batches FROM bakery_batches "
      "WHERE ingredient_cost_eur > (SELECT AVG(ingredient_cost_eur) FROM bakery_batches)"),
    C(BK, 3, "count of batches that never got a quality check, by baker",
      "SELECT baker, COUNT(*) AS unchecked FROM bakery_batches WHERE quality_check IS NULL GROUP BY baker"),
    C(BK, 3, "Units wasted on products with 'Rye' in the name",
      "SELECT SUM(wasted_units) AS wasted_units FROM bakery_batches WHERE product LIKE '%Rye%'"),
    C(BK, 3, "Which batches came out more than 2 units over plan? show id, product, planned and actual",
      "SELECT batch_id, product, planned_units, actual_units FROM bakery_batches "
      "WHERE actual_units - planned_units > 2"),
    C(BK, 3, "ingredient spend on Deck 1 or Deck 2 batches that passed QC",
      "SELECT SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches "
      "WHERE oven IN ('Deck 1', 'Deck 2') AND quality_check = 'yes'"),

    # 4: order and shape
    C(BK, 4, "Top 3 bakers by units baked",
      "SELECT baker, SUM(actual_units) AS units FROM bakery_batches GROUP BY baker ORDER BY units DESC LIMIT 3",
      ordered=True),
    C(BK, 4, "List the products by total waste, lowest first",
      "SELECT product, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY product "
      "ORDER BY wasted_units ASC", ordered=True),
    C(BK, 4, "Rank the ovens by average temperature deviation, from the coldest-running to the hottest",
      "SELECT oven, AVG(oven_temp_dev_c) AS avg_dev_c FROM bakery_batches GROUP BY oven ORDER BY avg_dev_c ASC",
      ordered=True),
    C(BK, 4, "Which 5 batches had the highest ingredient cost? batch id, product and cost, highest first",
      "SELECT batch_id, product, ingredient_cost_eur FROM bakery_batches ORDER BY ingredient_cost_eur DESC LIMIT 5",
      ordered=True),
    C(BK, 4, "categories in alphabetical order with their number of batches",
      "SELECT category, COUNT(*) AS batches FROM bakery_batches GROUP BY category ORDER BY category", ordered=True),
    C(BK, 4, "Months ranked by total waste, worst month first",
      "SELECT strftime('%Y-%m', baked_at) AS month, SUM(wasted_units) AS wasted_units FROM bakery_batches "
      "GROUP BY month ORDER BY wasted_units DESC", ordered=True),
    C(BK, 4, "the two cakes with the fewest batches",
      "SELECT product, COUNT(*) AS batches FROM bakery_batches WHERE category = 'Cake' GROUP BY product "
      "ORDER BY batches ASC LIMIT 2"),

    # 5: several columns, series
    C(BK, 5, "Stacked bar of units baked per month, split by category",
      "SELECT strftime('%Y-%m', baked_at) AS month, category, SUM(actual_units) AS units FROM bakery_batches "
      "GROUP BY month, category", chart="bar", series=True),
    C(BK, 5, "how many batches for each baker and shift",
      "SELECT baker, shift, COUNT(*) AS batches FROM bakery_batches GROUP BY baker, shift"),
    C(BK, 5, "Scatter each product's average planned units against its average wasted units",
      "SELECT product, AVG(planned_units) AS avg_planned, AVG(wasted_units) AS avg_wasted FROM bakery_batches "
      "GROUP BY product", chart="scatter"),
    C(BK, 5, "Show total planned and total actual units for each oven",
      "SELECT oven, SUM(planned_units) AS planned, SUM(actual_units) AS actual FROM bakery_batches GROUP BY oven"),
    C(BK, 5, "Line chart of monthly wasted units with one line per category",
      "SELECT strftime('%Y-%m', baked_at) AS month, category, SUM(wasted_units) AS wasted_units "
      "FROM bakery_batches GROUP BY month, category", chart="line", series=True),
    C(BK, 5, "For every product give me the batch count, units baked and ingredient spend",
      "SELECT product, COUNT(*) AS batches, SUM(actual_units) AS units, SUM(ingredient_cost_eur) AS cost_eur "
      "FROM bakery_batches GROUP BY product"),

    # 6: analysis kind
    C(BK, 6, "scatter plot of planned vs actual units for the Sourdough Loaf batches",
      "SELECT planned_units, actual_units FROM bakery_batches WHERE product = 'Sourdough Loaf'", chart="scatter"),
    C(BK, 6, "Box plot of batch ingredient cost by category",
      "SELECT category, MIN(ingredient_cost_eur) AS min_cost, median(ingredient_cost_eur) AS median_cost, "
      "MAX(ingredient_cost_eur) AS max_cost FROM bakery_batches GROUP BY category", chart="box"),
    C(BK, 6, "Histogram of units wasted per batch, bin width 5",
      "SELECT (wasted_units / 5) * 5 AS bin_start, COUNT(*) AS batches FROM bakery_batches GROUP BY bin_start",
      chart="histogram"),
    T(BK, 6, "What does the spread of oven temperature deviations look like?", "distribution_plot",
      ["oven_temp_dev_c"]),
    C(BK, 6, "Is there a correlation between planned units and units wasted?",
      "SELECT (AVG(planned_units * wasted_units) - AVG(planned_units) * AVG(wasted_units)) / "
      "(SQRT(AVG(planned_units * planned_units) - AVG(planned_units) * AVG(planned_units)) * "
      "SQRT(AVG(wasted_units * wasted_units) - AVG(wasted_units) * AVG(wasted_units))) AS correlation "
      "FROM bakery_batches"),
    C(BK, 6, "box plot: wasted units per batch for each oven",
      "SELECT oven, MIN(wasted_units) AS min_wasted, median(wasted_units) AS median_wasted, "
      "MAX(wasted_units) AS max_wasted FROM bakery_batches GROUP BY oven", chart="box"),
    T(BK, 6, "histogram of ingredient cost", "distribution_plot", ["ingredient_cost_eur"], chart="histogram"),

    # 7: derived measures
    C(BK, 7, "Waste rate (wasted as a share of units baked) for each category",
      "SELECT category, SUM(wasted_units) * 1.0 / SUM(actual_units) AS waste_rate FROM bakery_batches "
      "GROUP BY category"),
    C(BK, 7, "How many days of shelf life does each product get on average, from baking to best-before?",
      "SELECT product, AVG(julianday(best_before) - julianday(date(baked_at))) AS avg_shelf_days "
      "FROM bakery_batches GROUP BY product"),
    C(BK, 7, "Monthly units baked with a running total",
      "SELECT month, units, SUM(units) OVER (ORDER BY month) AS running_total FROM "
      "(SELECT strftime('%Y-%m', baked_at) AS month, SUM(actual_units) AS units FROM bakery_batches GROUP BY month)",
      ordered=True),
    C(BK, 7, "By what percent did units baked change from January to April?",
      "SELECT (SUM(CASE WHEN strftime('%Y-%m', baked_at) = '2024-04' THEN actual_units END) - "
      "SUM(CASE WHEN strftime('%Y-%m', baked_at) = '2024-01' THEN actual_units END)) * 100.0 / "
      "SUM(CASE WHEN strftime('%Y-%m', baked_at) = '2024-01' THEN actual_units END) AS pct_change "
      "FROM bakery_batches"),
    C(BK, 7, "units baked by day of the week",
      "SELECT dayname(baked_at) AS day_of_week, SUM(actual_units) AS units FROM bakery_batches "
      "GROUP BY day_of_week"),
    C(BK, 7, "Gross margin per product: sales value of the units that weren't wasted (at unit price) minus "
             "ingredient cost",
      "SELECT product, SUM((actual_units - wasted_units) * unit_price_eur - ingredient_cost_eur) AS margin_eur "
      "FROM bakery_batches GROUP BY product"),
    C(BK, 7, "QC pass rate as a percent for each baker, only counting batches that were actually checked",
      "SELECT baker, SUM(quality_check = 'yes') * 100.0 / COUNT(*) AS pass_rate_pct FROM bakery_batches "
      "WHERE quality_check IS NOT NULL GROUP BY baker"),
    C(BK, 7, "number of batches put in the oven in each hour of the day",
      "SELECT CAST(strftime('%H', baked_at) AS INTEGER) AS hour, COUNT(*) AS batches FROM bakery_batches "
      "GROUP BY hour"),

    # 8: chart words
    C(BK, 8, "Bar chart with products on the x axis and total units wasted on the y axis",
      "SELECT product, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY product", chart="bar"),
    C(BK, 8, "plot monthly ingredient spend as a line",
      "SELECT strftime('%Y-%m', baked_at) AS month, SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches "
      "GROUP BY month", chart="line"),
    C(BK, 8, "Histogram of planned units per batch with bins of 20",
      "SELECT (planned_units / 20) * 20 AS bin_start, COUNT(*) AS batches FROM bakery_batches GROUP BY bin_start",
      chart="histogram"),
    C(BK, 8, "Pie chart of how the batches are spread across the shifts",
      "SELECT shift, COUNT(*) AS batches FROM bakery_batches GROUP BY shift", chart="pie"),
    C(BK, 8, "Display the failed quality checks per baker as bars",
      "SELECT baker, COUNT(*) AS failed FROM bakery_batches WHERE quality_check = 'no' GROUP BY baker",
      chart="bar"),
    C(BK, 8, "Visualize the average oven temperature deviation for each oven, ovens along the x axis",
      "SELECT oven, AVG(oven_temp_dev_c) AS avg_dev_c FROM bakery_batches GROUP BY oven"),

    # 9: shape of the answer
    C(BK, 9, "Just the number: total ingredient cost in Q1 2024",
      "SELECT SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches WHERE quarter(baked_at) = '2024-Q1'"),
    C(BK, 9, "wasted units per quarter",
      "SELECT quarter(baked_at) AS quarter, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY quarter"),
    C(BK, 9, "Who baked the most batches? name only",
      "SELECT baker FROM bakery_batches GROUP BY baker ORDER BY COUNT(*) DESC LIMIT 1"),
    C(BK, 9, "Units baked per month - give me the month and the units, nothing else",
      "SELECT strftime('%Y-%m', baked_at) AS month, SUM(actual_units) AS units FROM bakery_batches GROUP BY month"),
    C(BK, 9, "Which date had the most units baked? just the date please",
      "SELECT date(baked_at) AS day FROM bakery_batches GROUP BY day ORDER BY SUM(actual_units) DESC LIMIT 1"),
    C(BK, 9, "list each baker with their first bake date",
      "SELECT baker, MIN(date(baked_at)) AS first_bake FROM bakery_batches GROUP BY baker"),

    # basic
    C(BK, "basic", "What's our total ingredient spend?",
      "SELECT SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches"),
    C(BK, "basic", "Which product do we waste the most of?",
      "SELECT product, SUM(wasted_units) AS wasted_units FROM bakery_batches GROUP BY product "
      "ORDER BY wasted_units DESC LIMIT 1"),
    C(BK, "basic", "How many batches failed quality control?",
      "SELECT COUNT(*) AS failed FROM bakery_batches WHERE quality_check = 'no'"),
    C(BK, "basic", "average units per Baguette batch",
      "SELECT AVG(actual_units) AS avg_units FROM bakery_batches WHERE product = 'Baguette'"),
    C(BK, "basic", "Which oven gets used the most?",
      "SELECT oven, COUNT(*) AS batches FROM bakery_batches GROUP BY oven ORDER BY batches DESC LIMIT 1"),
    C(BK, "basic", "How much did Emma Novak's batches cost in ingredients in February?",
      "SELECT SUM(ingredient_cost_eur) AS cost_eur FROM bakery_batches WHERE baker = 'Emma Novak' "
      "AND strftime('%Y-%m', baked_at) = '2024-02'"),

    # ---------------- cinema_screenings ----------------
    # 1
    C(CN, 1, "How many tickets did Star Drift sell?",
      "SELECT SUM(tickets_sold) AS tickets FROM cinema_screenings WHERE film_title = 'Star Drift'"),
    C(CN, 1, "How many screenings ran in the IMAX?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE screen = 'IMAX'"),
    C(CN, 1, "how many films did we show in March",
      "SELECT COUNT(DISTINCT film_title) AS films FROM cinema_screenings "
      "WHERE strftime('%Y-%m', start_time) = '2024-03'"),
    C(CN, 1, "How many seats did we put on sale in April?",
      "SELECT SUM(seats_available) AS seats FROM cinema_screenings WHERE strftime('%Y-%m', start_time) = '2024-04'"),
    C(CN, 1, "How many people came to see horror films?",
      "SELECT SUM(tickets_sold) AS people FROM cinema_screenings WHERE genre = 'Horror'"),
    C(CN, 1, "How many screenings had a refund?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE refunds_eur < 0"),

    # 2
    C(CN, 2, "Average tickets sold per screening",
      "SELECT AVG(tickets_sold) AS avg_tickets FROM cinema_screenings"),
    C(CN, 2, "What is concession revenue per ticket sold?",
      "SELECT SUM(concession_revenue_eur) / SUM(tickets_sold) AS concession_per_ticket_eur FROM cinema_screenings"),
    C(CN, 2, "concession revenue per screen",
      "SELECT screen, SUM(concession_revenue_eur) AS concession_eur FROM cinema_screenings GROUP BY screen"),
    C(CN, 2, "average tickets sold per screening in each genre",
      "SELECT genre, AVG(tickets_sold) AS avg_tickets FROM cinema_screenings GROUP BY genre"),
    C(CN, 2, "On average how many screenings does a film get?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT film_title) AS screenings_per_film FROM cinema_screenings"),
    C(CN, 2, "Average ticket revenue per screening, 3D versus 2D",
      "SELECT is_3d, AVG(ticket_revenue_eur) AS avg_revenue_eur FROM cinema_screenings GROUP BY is_3d"),

    # 3
    C(CN, 3, "How many screenings had refunds of more than 30 euros?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE refunds_eur < -30"),
    C(CN, 3, "Ticket revenue for all films except the Star Drift ones",
      "SELECT SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings WHERE film_title NOT LIKE 'Star Drift%'"),
    C(CN, 3, "tickets sold for titles beginning with 'The Last'",
      "SELECT SUM(tickets_sold) AS tickets FROM cinema_screenings WHERE film_title LIKE 'The Last%'"),
    C(CN, 3, "How many screenings were less than a quarter full?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE tickets_sold * 1.0 / seats_available < 0.25"),
    C(CN, 3, "Which genres had more than 30 screenings?",
      "SELECT genre, COUNT(*) AS screenings FROM cinema_screenings GROUP BY genre HAVING COUNT(*) > 30"),
    C(CN, 3, "How many 3D screenings ran without subtitles?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE is_3d = 'yes' AND subtitles IS NULL"),
    C(CN, 3, "Which films average more tickets per screening than the cinema does overall?",
      "SELECT film_title, AVG(tickets_sold) AS avg_tickets FROM cinema_screenings GROUP BY film_title "
      "HAVING AVG(tickets_sold) > (SELECT AVG(tickets_sold) FROM cinema_screenings)"),
    C(CN, 3, "combined ticket revenue of Comedy or Animation screenings",
      "SELECT SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings WHERE genre IN ('Comedy', 'Animation')"),
    C(CN, 3, "Non-IMAX screenings that sold more than 120 tickets: id, film, screen, tickets",
      "SELECT screening_id, film_title, screen, tickets_sold FROM cinema_screenings "
      "WHERE screen <> 'IMAX' AND tickets_sold > 120"),

    # 4
    C(CN, 4, "Top 5 films by ticket revenue",
      "SELECT film_title, SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings GROUP BY film_title "
      "ORDER BY revenue_eur DESC LIMIT 5", ordered=True),
    C(CN, 4, "Rank the screens by occupancy, lowest to highest",
      "SELECT screen, SUM(tickets_sold) * 1.0 / SUM(seats_available) AS occupancy FROM cinema_screenings "
      "GROUP BY screen ORDER BY occupancy ASC", ordered=True),
    C(CN, 4, "genres sorted by concession revenue, descending",
      "SELECT genre, SUM(concession_revenue_eur) AS concession_eur FROM cinema_screenings GROUP BY genre "
      "ORDER BY concession_eur DESC", ordered=True),
    C(CN, 4, "what are the 3 longest films we showed?",
      "SELECT DISTINCT film_title, runtime_min FROM cinema_screenings ORDER BY runtime_min DESC LIMIT 3"),
    C(CN, 4, "The 3 screenings with the biggest refunds, biggest first",
      "SELECT screening_id, film_title, refunds_eur FROM cinema_screenings ORDER BY refunds_eur ASC LIMIT 3",
      ordered=True),
    C(CN, 4, "months ordered by tickets sold, best first",
      "SELECT strftime('%Y-%m', start_time) AS month, SUM(tickets_sold) AS tickets FROM cinema_screenings "
      "GROUP BY month ORDER BY tickets DESC", ordered=True),

    # 5
    C(CN, 5, "Stacked bar of monthly tickets sold by genre",
      "SELECT strftime('%Y-%m', start_time) AS month, genre, SUM(tickets_sold) AS tickets FROM cinema_screenings "
      "GROUP BY month, genre", chart="bar", series=True),
    C(CN, 5, "ticket revenue and concession revenue for each film",
      "SELECT film_title, SUM(ticket_revenue_eur) AS ticket_eur, SUM(concession_revenue_eur) AS concession_eur "
      "FROM cinema_screenings GROUP BY film_title"),
    C(CN, 5, "Scatter of average tickets sold vs average concession revenue, one point per film",
      "SELECT film_title, AVG(tickets_sold) AS avg_tickets, AVG(concession_revenue_eur) AS avg_concession_eur "
      "FROM cinema_screenings GROUP BY film_title", chart="scatter"),
    C(CN, 5, "Grouped bars: number of screenings per screen, 3D vs 2D",
      "SELECT screen, is_3d, COUNT(*) AS screenings FROM cinema_screenings GROUP BY screen, is_3d",
      chart="bar", series=True),
    C(CN, 5, "line chart of monthly ticket revenue with a line for each screen",
      "SELECT strftime('%Y-%m', start_time) AS month, screen, SUM(ticket_revenue_eur) AS revenue_eur "
      "FROM cinema_screenings GROUP BY month, screen", chart="line", series=True),
    C(CN, 5, "For each genre and 3D flag, what's the average attendance?",
      "SELECT genre, is_3d, AVG(tickets_sold) AS avg_tickets FROM cinema_screenings GROUP BY genre, is_3d"),

    # 6
    C(CN, 6, "Scatter of tickets sold against concession revenue for IMAX screenings",
      "SELECT tickets_sold, concession_revenue_eur FROM cinema_screenings WHERE screen = 'IMAX'", chart="scatter"),
    C(CN, 6, "box plot of tickets sold by genre",
      "SELECT genre, MIN(tickets_sold) AS min_tickets, median(tickets_sold) AS median_tickets, "
      "MAX(tickets_sold) AS max_tickets FROM cinema_screenings GROUP BY genre", chart="box"),
    C(CN, 6, "Histogram of tickets sold per screening, bins of 25",
      "SELECT (tickets_sold / 25) * 25 AS bin_start, COUNT(*) AS screenings FROM cinema_screenings "
      "GROUP BY bin_start", chart="histogram"),
    T(CN, 6, "show me the distribution of concession revenue", "distribution_plot", ["concession_revenue_eur"]),
    C(CN, 6, "How strongly are tickets sold and concession revenue correlated?",
      "SELECT (AVG(tickets_sold * concession_revenue_eur) - AVG(tickets_sold) * AVG(concession_revenue_eur)) / "
      "(SQRT(AVG(tickets_sold * tickets_sold) - AVG(tickets_sold) * AVG(tickets_sold)) * "
      "SQRT(AVG(concession_revenue_eur * concession_revenue_eur) - AVG(concession_revenue_eur) * "
      "AVG(concession_revenue_eur))) AS correlation FROM cinema_screenings"),
    C(CN, 6, "boxplot of ticket revenue per screen",
      "SELECT screen, MIN(ticket_revenue_eur) AS min_revenue, median(ticket_revenue_eur) AS median_revenue, "
      "MAX(ticket_revenue_eur) AS max_revenue FROM cinema_screenings GROUP BY screen", chart="box"),

    # 7
    C(CN, 7, "Occupancy rate per film (tickets sold over seats available)",
      "SELECT film_title, SUM(tickets_sold) * 1.0 / SUM(seats_available) AS occupancy FROM cinema_screenings "
      "GROUP BY film_title"),
    C(CN, 7, "For each film, the average number of days between its premiere and its screenings",
      "SELECT film_title, AVG(julianday(date(start_time)) - julianday(premiere_date)) AS avg_days_after_premiere "
      "FROM cinema_screenings GROUP BY film_title"),
    C(CN, 7, "Net ticket revenue after refunds, by month",
      "SELECT strftime('%Y-%m', start_time) AS month, SUM(ticket_revenue_eur + refunds_eur) AS net_revenue_eur "
      "FROM cinema_screenings GROUP BY month"),
    C(CN, 7, "percent change in tickets sold from February to March",
      "SELECT (SUM(CASE WHEN strftime('%Y-%m', start_time) = '2024-03' THEN tickets_sold END) - "
      "SUM(CASE WHEN strftime('%Y-%m', start_time) = '2024-02' THEN tickets_sold END)) * 100.0 / "
      "SUM(CASE WHEN strftime('%Y-%m', start_time) = '2024-02' THEN tickets_sold END) AS pct_change "
      "FROM cinema_screenings"),
    C(CN, 7, "tickets sold by day of week",
      "SELECT dayname(start_time) AS day_of_week, SUM(tickets_sold) AS tickets FROM cinema_screenings "
      "GROUP BY day_of_week"),
    C(CN, 7, "Running total of ticket revenue month by month",
      "SELECT month, revenue_eur, SUM(revenue_eur) OVER (ORDER BY month) AS running_total_eur FROM "
      "(SELECT strftime('%Y-%m', start_time) AS month, SUM(ticket_revenue_eur) AS revenue_eur "
      "FROM cinema_screenings GROUP BY month)", ordered=True),
    C(CN, 7, "Average ticket price for each genre",
      "SELECT genre, SUM(ticket_revenue_eur) / SUM(tickets_sold) AS avg_price_eur FROM cinema_screenings "
      "GROUP BY genre"),
    C(CN, 7, "Average attendance by start hour",
      "SELECT CAST(strftime('%H', start_time) AS INTEGER) AS hour, AVG(tickets_sold) AS avg_tickets "
      "FROM cinema_screenings GROUP BY hour"),
    C(CN, 7, "When did each screening on 15 March 2024 finish? screening id, film and end time",
      "SELECT screening_id, film_title, strftime('%Y-%m-%d %H:%M', start_time, '+' || runtime_min || ' minutes') "
      "AS end_time FROM cinema_screenings WHERE date(start_time) = '2024-03-15'"),

    # 8
    C(CN, 8, "Bar chart, films on the x axis and tickets sold on the y axis",
      "SELECT film_title, SUM(tickets_sold) AS tickets FROM cinema_screenings GROUP BY film_title", chart="bar"),
    C(CN, 8, "Visualize monthly net revenue (ticket revenue less refunds) as a line",
      "SELECT strftime('%Y-%m', start_time) AS month, SUM(ticket_revenue_eur + refunds_eur) AS net_revenue_eur "
      "FROM cinema_screenings GROUP BY month", chart="line"),
    C(CN, 8, "pie chart of screenings by genre",
      "SELECT genre, COUNT(*) AS screenings FROM cinema_screenings GROUP BY genre", chart="pie"),
    C(CN, 8, "Histogram of runtime in 10-minute bins, counting screenings",
      "SELECT (runtime_min / 10) * 10 AS bin_start, COUNT(*) AS screenings FROM cinema_screenings "
      "GROUP BY bin_start", chart="histogram"),
    C(CN, 8, "horizontal bars of occupancy per screen",
      "SELECT screen, SUM(tickets_sold) * 1.0 / SUM(seats_available) AS occupancy FROM cinema_screenings "
      "GROUP BY screen", chart="bar"),
    C(CN, 8, "Display refunds by month as bars, months along the x axis",
      "SELECT strftime('%Y-%m', start_time) AS month, SUM(refunds_eur) AS refunds_eur FROM cinema_screenings "
      "GROUP BY month", chart="bar"),

    # 9
    C(CN, 9, "Total ticket revenue in Q2 2024, just the number",
      "SELECT SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings WHERE quarter(start_time) = '2024-Q2'"),
    C(CN, 9, "tickets sold per quarter",
      "SELECT quarter(start_time) AS quarter, SUM(tickets_sold) AS tickets FROM cinema_screenings GROUP BY quarter"),
    C(CN, 9, "Which screen took the most concession revenue? only the screen name",
      "SELECT screen FROM cinema_screenings GROUP BY screen ORDER BY SUM(concession_revenue_eur) DESC LIMIT 1"),
    C(CN, 9, "ticket revenue by month of year",
      "SELECT CAST(strftime('%m', start_time) AS INTEGER) AS month, SUM(ticket_revenue_eur) AS revenue_eur "
      "FROM cinema_screenings GROUP BY month"),
    C(CN, 9, "Film title and premiere date only, for the Sci-Fi films",
      "SELECT DISTINCT film_title, premiere_date FROM cinema_screenings WHERE genre = 'Sci-Fi'"),
    C(CN, 9, "In which month did each film premiere?",
      "SELECT DISTINCT film_title, strftime('%Y-%m', premiere_date) AS premiere_month FROM cinema_screenings"),

    # basic
    C(CN, "basic", "What was total ticket revenue?",
      "SELECT SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings"),
    C(CN, "basic", "Which film sold the most tickets?",
      "SELECT film_title, SUM(tickets_sold) AS tickets FROM cinema_screenings GROUP BY film_title "
      "ORDER BY tickets DESC LIMIT 1"),
    C(CN, "basic", "sum up all the refund adjustments",
      "SELECT SUM(refunds_eur) AS refunds_eur FROM cinema_screenings"),
    C(CN, "basic", "What's our overall occupancy?",
      "SELECT SUM(tickets_sold) * 1.0 / SUM(seats_available) AS occupancy FROM cinema_screenings"),
    C(CN, "basic", "best-selling genre by ticket revenue",
      "SELECT genre, SUM(ticket_revenue_eur) AS revenue_eur FROM cinema_screenings GROUP BY genre "
      "ORDER BY revenue_eur DESC LIMIT 1"),
    C(CN, "basic", "How many 3D screenings were there?",
      "SELECT COUNT(*) AS screenings FROM cinema_screenings WHERE is_3d = 'yes'"),
]

FLAGGED = [
    F(BK, "How many calories are in one of our croissants?", "no nutrition column in the table"),
    F(BK, "How many Sourdough Loaves should we plan for next Saturday?", "a forecast; the log only records the past"),
    F(BK, "Why does Deck 2 run cold?", "asks for a cause the data cannot give"),
    F(BK, "Compare the ovens", "names no measure: cost, waste, units and temperature all fit"),
    F(CN, "What was the average age of the audience?", "no age column"),
    F(CN, "How many tickets will Quiet Rooms sell in June?", "a forecast beyond the data"),
    F(CN, "What's the average revenue per film?",
      "two readings: one figure (total revenue over films) or a list of average revenue by film; also ticket vs "
      "concession revenue"),
    F(CN, "Which films are best?", "names no measure: tickets, revenue, occupancy all fit"),
]
