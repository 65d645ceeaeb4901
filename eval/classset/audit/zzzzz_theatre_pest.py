"""Audit module: a theatre's ticket order lines and a pest-control firm's service visits.

Table `theatre_ticket_lines` (402 rows): one row per order line from a theatre's box-office system, 2024 season
(a few Christmas orders fall in January 2025). An order can hold several lines (one per seat band, occasionally
a second show), so `order_id` repeats; there is no customer column.
  line_id           INTEGER  unique line number
  order_id          TEXT     order reference such as 'T50033'; repeats on every line of the same order
  order_ts          TEXT     when the order was placed, 'YYYY-MM-DD HH:MM' (same on every line of an order)
  performance_date  TEXT     date of the performance the seats are for, 'YYYY-MM-DD'; always on or after the
                             order date; no performances on Sundays
  show_title        TEXT     'Hamlet', 'Hamlet (Schools)' (weekday school-group matinees), 'Macbeth',
                             'Macbeth Unplugged' (unreserved studio version), 'The Seagull', 'The Sea Wolves',
                             'A Christmas Carol' -- note the shared prefixes
  seat_band         TEXT     'Stalls', 'Dress Circle', 'Upper Circle', 'Box'; blank for 'Macbeth Unplugged',
                             which is unreserved seating
  seats             INTEGER  number of seats (tickets) on the line; school lines are large groups (12-34)
  face_price_gbp    REAL     face price of ONE seat in pounds, before any discount
  line_total_gbp    REAL     what the line is worth in pounds: seats x face price less the order's discount;
                             stored NEGATIVE when the line was refunded (the money handed back)
  discount_code     TEXT     'STUDENT10' (10% off), 'EARLY15' (15% off), 'FRIENDS20' (20% off); blank when no
                             code was used (most lines); the same code applies to every line of an order
  refunded          TEXT     'yes' if the line was refunded (its line_total_gbp is then negative), else 'no'
  channel           TEXT     booking channel: 'Online', 'Box Office', 'Phone', 'Agent' (same on every line
                             of an order)
Revenue / takings = SUM(line_total_gbp), which already nets off refunds.

Table `pest_visits` (384 rows): one row per scheduled service visit of a pest-control firm in 2024. Customers are
visited repeatedly, so `customer_id` repeats.
  visit_id          INTEGER  unique visit number
  customer_id       TEXT     customer reference such as 'C084'; repeats across visits
  customer_type     TEXT     'Residential' or 'Commercial' (fixed per customer)
  area              TEXT     service area: 'North', 'North East', 'South', 'East', 'West', 'Central'
  technician        TEXT     'Dan Reilly', 'Dana Ruiz', 'Priya Shah', 'Priyanka Nair', 'Tom Okafor',
                             'Tomasz Nowak' -- note the similar names
  pest_type         TEXT     'Rats', 'Rats (sewer)', 'Mice', 'Wasps', 'Bed bugs', 'Ants', 'Cockroaches', 'Fleas'
  scheduled_date    TEXT     date the visit was booked for, 'YYYY-MM-DD'
  completed_date    TEXT     date the work was actually done, 'YYYY-MM-DD', on or after the scheduled date;
                             blank when the visit was missed (no-show by the firm or customer)
  duration_min      INTEGER  time on site in minutes; blank for missed visits
  chemical_ml       REAL     insecticide/rodenticide used in millilitres; 0 for trap-only rodent jobs; blank for
                             missed visits and when the technician did not record it
  callback          TEXT     'yes' if the customer called back within 30 days because the pest returned, else
                             'no' (always 'no' for missed visits)
  invoice_amount    REAL     amount invoiced for the visit in pounds; for a missed visit either 0 or a NEGATIVE
                             goodwill credit of -25.00
  travel_km         REAL     kilometres driven to the site for the visit
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F


SHOWS = [
    # title, run start, run end, base multiplier
    ("Hamlet", date(2024, 2, 1), date(2024, 5, 18), 1.00),
    ("Hamlet (Schools)", date(2024, 3, 4), date(2024, 4, 26), None),
    ("Macbeth", date(2024, 6, 6), date(2024, 9, 14), 1.10),
    ("Macbeth Unplugged", date(2024, 7, 8), date(2024, 8, 31), 0.60),
    ("The Seagull", date(2024, 9, 19), date(2024, 11, 16), 0.90),
    ("The Sea Wolves", date(2024, 10, 3), date(2024, 11, 23), 0.80),
    ("A Christmas Carol", date(2024, 11, 28), date(2025, 1, 4), 1.20),
]
SHOW_WEIGHTS = [22, 8, 20, 8, 14, 10, 24]
BANDS = [("Stalls", 46.0), ("Dress Circle", 38.0), ("Upper Circle", 24.0), ("Box", 68.0)]
BAND_WEIGHTS = [42, 30, 22, 6]
CODES = [(None, 0.0), ("STUDENT10", 0.10), ("FRIENDS20", 0.20), ("EARLY15", 0.15)]
CODE_WEIGHTS = [70, 11, 9, 10]
CHANNELS = ["Online", "Box Office", "Phone", "Agent"]
CHANNEL_WEIGHTS = [54, 19, 16, 11]


def gen_theatre_ticket_lines():
    rng = random.Random(20241)
    cols = [("line_id", "INTEGER"), ("order_id", "TEXT"), ("order_ts", "TEXT"), ("performance_date", "TEXT"),
            ("show_title", "TEXT"), ("seat_band", "TEXT"), ("seats", "INTEGER"), ("face_price_gbp", "REAL"),
            ("line_total_gbp", "REAL"), ("discount_code", "TEXT"), ("refunded", "TEXT"), ("channel", "TEXT")]
    rows = []
    line_id = 1
    order_no = 50012
    while len(rows) < 400:
        order_no += rng.randint(1, 9)
        show_i = rng.choices(range(len(SHOWS)), SHOW_WEIGHTS)[0]
        title, start, end, mult = SHOWS[show_i]
        span = (end - start).days
        while True:
            perf = start + timedelta(days=rng.randint(0, span))
            if title == "Hamlet (Schools)" and perf.weekday() >= 5:
                continue
            if perf.weekday() == 6:  # dark on Sundays
                continue
            break
        lead = int(rng.expovariate(1 / 20.0)) if title != "Hamlet (Schools)" else rng.randint(20, 80)
        od = perf - timedelta(days=lead)
        if od < date(2024, 1, 3):
            od = date(2024, 1, 3) + timedelta(days=rng.randint(0, 20))
            if od > perf:
                od = perf
        hour = rng.choices(range(8, 24), [1, 2, 4, 5, 6, 5, 4, 4, 5, 6, 7, 8, 8, 6, 4, 2])[0]
        if hour < 10 or hour > 21:
            channel = "Online"
        else:
            channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        if title == "Hamlet (Schools)":
            channel = rng.choice(["Phone", "Phone", "Agent"])
        ts = datetime(od.year, od.month, od.day, hour, rng.randint(0, 59))
        order_code = rng.choices(CODES, CODE_WEIGHTS)[0]
        n_lines = rng.choices([1, 2, 3, 4], [45, 33, 15, 7])[0]
        if title == "Hamlet (Schools)":
            n_lines = rng.choice([1, 1, 2])
        used_bands = set()
        order_refund = rng.random() < 0.07
        for k in range(n_lines):
            t_title, t_mult = title, mult
            if k > 0 and title != "Hamlet (Schools)" and rng.random() < 0.25:
                # a second show playing the same day (studio or other auditorium)
                other = [s for s in SHOWS if s[0] not in (title, "Hamlet (Schools)") and s[1] <= perf <= s[2]]
                if other:
                    t_title, t_mult = other[0][0], other[0][3]
            if t_title == "Macbeth Unplugged":
                band = None
                face = 18.0 if rng.random() < 0.8 else 22.0
            elif t_title == "Hamlet (Schools)":
                band = rng.choice(["Stalls", "Upper Circle"])
                face = 12.0 if band == "Stalls" else 9.5
            else:
                for _ in range(10):
                    bi = rng.choices(range(4), BAND_WEIGHTS)[0]
                    if BANDS[bi][0] not in used_bands:
                        break
                band, base = BANDS[bi]
                used_bands.add(band)
                face = round(base * t_mult / 0.5) * 0.5
                if perf.weekday() in (4, 5):
                    face += 4.0
            if t_title == "Hamlet (Schools)":
                seats = rng.randint(12, 34)
                code, disc = ("SCHOOLS", 0.0)
                code = None
            else:
                seats = rng.choices([1, 2, 3, 4, 5, 6, 8], [14, 44, 12, 16, 5, 6, 3])[0]
                code, disc = order_code
            total = round(seats * face * (1 - disc), 2)
            refunded = "yes" if (order_refund and (k == 0 or rng.random() < 0.5)) or rng.random() < 0.02 else "no"
            if refunded == "yes":
                total = -total
            rows.append((line_id, "T%d" % order_no, ts.strftime("%Y-%m-%d %H:%M"), perf.isoformat(), t_title,
                         band, seats, face, total, code, refunded, channel))
            line_id += 1
    return cols, rows


TECHS = ["Dan Reilly", "Dana Ruiz", "Priya Shah", "Priyanka Nair", "Tom Okafor", "Tomasz Nowak"]
TECH_SKILL = [0.10, 0.16, 0.08, 0.20, 0.13, 0.11]
PESTS = [
    # pest, weight by season fn, mean minutes, chem ml mean (0 = traps), base fee
    ("Rats", 55, 0, 95.0),
    ("Rats (sewer)", 80, 0, 140.0),
    ("Mice", 45, 0, 85.0),
    ("Wasps", 35, 120, 70.0),
    ("Bed bugs", 150, 900, 240.0),
    ("Ants", 40, 250, 75.0),
    ("Cockroaches", 90, 500, 160.0),
    ("Fleas", 70, 650, 120.0),
]
AREAS = ["North", "North East", "South", "East", "West", "Central"]


def pest_weights(month):
    summer = month in (6, 7, 8, 9)
    winter = month in (11, 12, 1, 2)
    return [12 if winter else 7, 4, 14 if winter else 6, 22 if summer else (4 if month in (5, 10) else 0),
            6, 10 if summer else 4, 5, 6 if summer else 3]


def gen_pest_visits():
    rng = random.Random(77031)
    cols = [("visit_id", "INTEGER"), ("customer_id", "TEXT"), ("customer_type", "TEXT"), ("area", "TEXT"),
            ("technician", "TEXT"), ("pest_type", "TEXT"), ("scheduled_date", "TEXT"), ("completed_date", "TEXT"),
            ("duration_min", "INTEGER"), ("chemical_ml", "REAL"), ("callback", "TEXT"), ("invoice_amount", "REAL"),
            ("travel_km", "REAL")]
    customers = []
    for i in range(1, 131):
        ctype = "Commercial" if rng.random() < 0.35 else "Residential"
        customers.append(("C%03d" % i, ctype, rng.choices(AREAS, [20, 12, 22, 16, 14, 16])[0], rng.uniform(2, 38)))
    cust_w = [rng.choice([1, 1, 1, 2, 3, 6]) * (2 if c[1] == "Commercial" else 1) for c in customers]
    rows = []
    vid = 9001
    d = date(2024, 1, 2)
    while len(rows) < 440:
        d = d + timedelta(days=rng.choice([0, 0, 1, 1, 1, 2]))
        if d.weekday() == 6:
            continue
        month = d.month
        if d.year > 2024:
            break
        cust = rng.choices(customers, cust_w)[0]
        pi = rng.choices(range(len(PESTS)), pest_weights(month))[0]
        pest, mins, chem, fee = PESTS[pi]
        ti = rng.randrange(len(TECHS))
        tech = TECHS[ti]
        missed = rng.random() < 0.08
        if missed:
            completed = None
            duration = None
            chem_ml = None
            invoice = -25.0 if rng.random() < 0.6 else 0.0
            callback = "no"
        else:
            completed = (d + timedelta(days=rng.choices([0, 1, 2, 3, 5, 8], [70, 12, 7, 5, 4, 2])[0])).isoformat()
            duration = max(15, int(rng.gauss(mins, mins * 0.25)))
            if chem == 0:
                chem_ml = 0.0 if rng.random() < 0.85 else float(rng.randint(20, 80))
            else:
                chem_ml = float(round(max(10, rng.gauss(chem, chem * 0.3)) / 5) * 5)
            if rng.random() < 0.05:
                chem_ml = None
            callback = "yes" if rng.random() < TECH_SKILL[ti] + (0.08 if pest in ("Bed bugs", "Cockroaches") else 0) else "no"
            invoice = round(fee + duration * 0.6 + (0.2 if cust[1] == "Commercial" else 0) * fee, 2)
            if rng.random() < 0.12:
                invoice = round(invoice * 0.9, 2)
        km = round(max(0.8, cust[3] + rng.gauss(0, 1.5)), 1)
        rows.append((vid, cust[0], cust[1], cust[2], tech, pest, d.isoformat(), completed, duration, chem_ml,
                     callback, invoice, km))
        vid += 1
    return cols, rows

TABLES = {"theatre_ticket_lines": gen_theatre_ticket_lines, "pest_visits": gen_pest_visits}

TH = "theatre_ticket_lines"
PV = "pest_visits"

# per-order totals, used by several theatre golds
_ORDERS = ("(SELECT order_id, MIN(channel) AS channel, MIN(order_ts) AS order_ts, MIN(performance_date) AS perf, "
           "SUM(seats) AS seats, SUM(line_total_gbp) AS total FROM theatre_ticket_lines GROUP BY order_id)")

CASES = [
    # ---------------- theatre_ticket_lines ----------------
    # 1 the measure behind a count word
    C(TH, 1, "How many tickets were booked for Hamlet altogether?",
      "SELECT SUM(seats) AS tickets FROM theatre_ticket_lines WHERE show_title = 'Hamlet'"),
    C(TH, 1, "how many orders came in through the box office",
      "SELECT COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines WHERE channel = 'Box Office'"),
    C(TH, 1, "How many tickets did each seat band sell for Macbeth?",
      "SELECT seat_band, SUM(seats) AS tickets FROM theatre_ticket_lines WHERE show_title = 'Macbeth' "
      "GROUP BY seat_band"),
    C(TH, 1, "How many orders had at least one line refunded?",
      "SELECT COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines WHERE refunded = 'yes'"),
    C(TH, 1, "I need the number of orders that used a discount code",
      "SELECT COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines WHERE discount_code IS NOT NULL"),
    C(TH, 1, "How many pupils' tickets did Hamlet (Schools) sell for each month of performances?",
      "SELECT substr(performance_date, 1, 7) AS month, SUM(seats) AS tickets FROM theatre_ticket_lines "
      "WHERE show_title = 'Hamlet (Schools)' GROUP BY month"),

    # 2 per X vs group by
    C(TH, 2, "What's the average number of seats per order?",
      "SELECT AVG(seats) AS avg_seats FROM " + _ORDERS),
    C(TH, 2, "revenue per show",
      "SELECT show_title, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines GROUP BY show_title"),
    C(TH, 2, "Average order value per booking channel",
      "SELECT channel, AVG(total) AS avg_order_value FROM " + _ORDERS + " GROUP BY channel"),
    C(TH, 2, "How many lines does an order have, on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT order_id) AS lines_per_order FROM theatre_ticket_lines"),
    C(TH, 2, "seats sold per performance date for The Seagull",
      "SELECT performance_date, SUM(seats) AS seats FROM theatre_ticket_lines WHERE show_title = 'The Seagull' "
      "GROUP BY performance_date"),
    C(TH, 2, "what do we take per order on avg, in pounds?",
      "SELECT AVG(total) AS avg_order_gbp FROM " + _ORDERS),
    C(TH, 2, "Can you give me the average seats per order for each channel?",
      "SELECT channel, AVG(seats) AS avg_seats FROM " + _ORDERS + " GROUP BY channel"),

    # 3 filters
    C(TH, 3, "How much money have we handed back in refunds?",
      "SELECT -SUM(line_total_gbp) AS refunded_gbp FROM theatre_ticket_lines WHERE refunded = 'yes'"),
    C(TH, 3, "Total revenue across all shows apart from Hamlet (Schools)",
      "SELECT SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines WHERE show_title <> 'Hamlet (Schools)'"),
    C(TH, 3, "Total seats across all the Hamlet performances, schools ones included",
      "SELECT SUM(seats) AS seats FROM theatre_ticket_lines WHERE show_title LIKE 'Hamlet%'"),
    C(TH, 3, "How many orders came by phone or through an agent?",
      "SELECT COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines WHERE channel IN ('Phone', 'Agent')"),
    C(TH, 3, "Which shows have sold more than 200 seats?",
      "SELECT show_title, SUM(seats) AS seats FROM theatre_ticket_lines GROUP BY show_title HAVING SUM(seats) > 200"),
    C(TH, 3, "How many lines had a face price above the average face price?",
      "SELECT COUNT(*) AS lines FROM theatre_ticket_lines "
      "WHERE face_price_gbp > (SELECT AVG(face_price_gbp) FROM theatre_ticket_lines)"),
    C(TH, 3, "revenue from lines with no discount code",
      "SELECT SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines WHERE discount_code IS NULL"),
    C(TH, 3, "What did The Sea Wolves take on lines that weren't refunded?",
      "SELECT SUM(line_total_gbp) AS takings FROM theatre_ticket_lines "
      "WHERE show_title = 'The Sea Wolves' AND refunded = 'no'"),
    C(TH, 3, "Which orders came to more than £400? order id and total pls",
      "SELECT order_id, SUM(line_total_gbp) AS total FROM theatre_ticket_lines GROUP BY order_id "
      "HAVING SUM(line_total_gbp) > 400"),
    C(TH, 3, "seats sold on the Stalls for performances on a Friday or Saturday",
      "SELECT SUM(seats) AS seats FROM theatre_ticket_lines WHERE seat_band = 'Stalls' "
      "AND dayname(performance_date) IN ('Friday', 'Saturday')"),

    # 4 explicit order and shape
    C(TH, 4, "Top 3 shows by revenue",
      "SELECT show_title, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines GROUP BY show_title "
      "ORDER BY revenue DESC LIMIT 3", ordered=True),
    C(TH, 4, "List the booking channels from fewest to most seats sold",
      "SELECT channel, SUM(seats) AS seats FROM theatre_ticket_lines GROUP BY channel ORDER BY seats ASC",
      ordered=True),
    C(TH, 4, "Show me the 5 biggest orders by value",
      "SELECT order_id, SUM(line_total_gbp) AS total FROM theatre_ticket_lines GROUP BY order_id "
      "ORDER BY total DESC LIMIT 5", ordered=True),
    C(TH, 4, "Which performance date sold the most seats?",
      "SELECT performance_date, SUM(seats) AS seats FROM theatre_ticket_lines GROUP BY performance_date "
      "ORDER BY seats DESC LIMIT 1"),
    C(TH, 4, "Rank the seat bands by average face price, cheapest first",
      "SELECT seat_band, AVG(face_price_gbp) AS avg_face_price FROM theatre_ticket_lines "
      "WHERE seat_band IS NOT NULL GROUP BY seat_band ORDER BY avg_face_price ASC", ordered=True),
    C(TH, 4, "monthly revenue in date order please (month the order was placed)",
      "SELECT substr(order_ts, 1, 7) AS month, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines "
      "GROUP BY month ORDER BY month", ordered=True),
    C(TH, 4, "bottom two shows by revenue, worst first",
      "SELECT show_title, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines GROUP BY show_title "
      "ORDER BY revenue ASC LIMIT 2", ordered=True),

    # 5 several columns / series / scatter of aggregates
    C(TH, 5, "Revenue and seats sold for each show",
      "SELECT show_title, SUM(line_total_gbp) AS revenue, SUM(seats) AS seats FROM theatre_ticket_lines "
      "GROUP BY show_title"),
    C(TH, 5, "Stacked bar chart of monthly revenue broken down by channel (by order month)",
      "SELECT substr(order_ts, 1, 7) AS month, channel, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines "
      "GROUP BY month, channel", chart="bar", series=True),
    C(TH, 5, "scatter each show's average face price against its total seats sold",
      "SELECT show_title, AVG(face_price_gbp) AS avg_face_price, SUM(seats) AS seats FROM theatre_ticket_lines "
      "GROUP BY show_title", chart="scatter"),
    C(TH, 5, "For each channel: number of orders, seats and revenue",
      "SELECT channel, COUNT(DISTINCT order_id) AS orders, SUM(seats) AS seats, SUM(line_total_gbp) AS revenue "
      "FROM theatre_ticket_lines GROUP BY channel"),
    C(TH, 5, "Seats by seat band for Hamlet vs Macbeth, side by side",
      "SELECT seat_band, show_title, SUM(seats) AS seats FROM theatre_ticket_lines "
      "WHERE show_title IN ('Hamlet', 'Macbeth') GROUP BY seat_band, show_title", series=True),
    C(TH, 5, "min, max and average face price in each seat band",
      "SELECT seat_band, MIN(face_price_gbp) AS min_price, MAX(face_price_gbp) AS max_price, "
      "AVG(face_price_gbp) AS avg_price FROM theatre_ticket_lines WHERE seat_band IS NOT NULL GROUP BY seat_band"),

    # 6 the analysis kind
    C(TH, 6, "Scatter plot of seats against line total for the Macbeth lines",
      "SELECT seats, line_total_gbp FROM theatre_ticket_lines WHERE show_title = 'Macbeth'", chart="scatter"),
    C(TH, 6, "box plot of line totals by channel",
      "SELECT channel, MIN(line_total_gbp) AS min_total, median(line_total_gbp) AS median_total, "
      "MAX(line_total_gbp) AS max_total FROM theatre_ticket_lines GROUP BY channel", chart="box"),
    C(TH, 6, "histogram of seats per line using bins of 2",
      "SELECT (seats / 2) * 2 AS bin_start, COUNT(*) AS lines FROM theatre_ticket_lines GROUP BY bin_start",
      chart="histogram"),
    C(TH, 6, "Is there any correlation between face price and the number of seats on a line?",
      "SELECT (AVG(face_price_gbp * seats) - AVG(face_price_gbp) * AVG(seats)) / "
      "(sqrt(AVG(face_price_gbp * face_price_gbp) - AVG(face_price_gbp) * AVG(face_price_gbp)) * "
      "sqrt(AVG(seats * seats * 1.0) - AVG(seats) * AVG(seats))) AS correlation FROM theatre_ticket_lines",
      tolerance=0.01),
    T(TH, 6, "Show me how face prices are spread out", "distribution_plot", ["face_price_gbp"]),
    C(TH, 6, "boxplot of face price for each show",
      "SELECT show_title, MIN(face_price_gbp) AS min_price, median(face_price_gbp) AS median_price, "
      "MAX(face_price_gbp) AS max_price FROM theatre_ticket_lines GROUP BY show_title", chart="box"),

    # 7 derived measures
    C(TH, 7, "On average how many days before the performance do people book?",
      "SELECT AVG(julianday(perf) - julianday(substr(order_ts, 1, 10))) AS avg_days_ahead FROM " + _ORDERS,
      tolerance=0.01),
    C(TH, 7, "What percentage of order lines were refunded in each channel?",
      "SELECT channel, 100.0 * SUM(refunded = 'yes') / COUNT(*) AS pct_refunded FROM theatre_ticket_lines "
      "GROUP BY channel"),
    C(TH, 7, "Running total of revenue by month of order",
      "SELECT month, SUM(revenue) OVER (ORDER BY month) AS running_revenue FROM "
      "(SELECT substr(order_ts, 1, 7) AS month, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines "
      "GROUP BY month)"),
    C(TH, 7, "% change in revenue from Q3 to Q4 2024, going by order date",
      "SELECT (SUM(CASE WHEN quarter(order_ts) = '2024-Q4' THEN line_total_gbp END) - "
      "SUM(CASE WHEN quarter(order_ts) = '2024-Q3' THEN line_total_gbp END)) * 100.0 / "
      "SUM(CASE WHEN quarter(order_ts) = '2024-Q3' THEN line_total_gbp END) AS pct_change "
      "FROM theatre_ticket_lines", tolerance=0.01),
    C(TH, 7, "Which weekday gets the most orders?",
      "SELECT dayname(order_ts) AS weekday, COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines "
      "GROUP BY weekday ORDER BY orders DESC LIMIT 1"),
    C(TH, 7, "seats sold by day of week of the performance",
      "SELECT dayname(performance_date) AS weekday, SUM(seats) AS seats FROM theatre_ticket_lines GROUP BY weekday"),
    C(TH, 7, "orders by hour of the day",
      "SELECT CAST(substr(order_ts, 12, 2) AS INTEGER) AS hour, COUNT(DISTINCT order_id) AS orders "
      "FROM theatre_ticket_lines GROUP BY hour"),
    C(TH, 7, "How much discount did we give away in total on lines that weren't refunded?",
      "SELECT SUM(seats * face_price_gbp - line_total_gbp) AS discount_gbp FROM theatre_ticket_lines "
      "WHERE refunded = 'no'", tolerance=0.01),

    # 8 words about the chart
    C(TH, 8, "Bar chart of Hamlet seats by seat band",
      "SELECT seat_band, SUM(seats) AS seats FROM theatre_ticket_lines WHERE show_title = 'Hamlet' "
      "GROUP BY seat_band", chart="bar"),
    C(TH, 8, "put channel on the x axis and the average seats per line on the y axis",
      "SELECT channel, AVG(seats) AS avg_seats FROM theatre_ticket_lines GROUP BY channel"),
    C(TH, 8, "plot monthly seat sales as a line (month of order)",
      "SELECT substr(order_ts, 1, 7) AS month, SUM(seats) AS seats FROM theatre_ticket_lines GROUP BY month",
      chart="line"),
    C(TH, 8, "pie chart of revenue by channel",
      "SELECT channel, SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines GROUP BY channel", chart="pie"),
    C(TH, 8, "visualize the number of orders by channel",
      "SELECT channel, COUNT(DISTINCT order_id) AS orders FROM theatre_ticket_lines GROUP BY channel"),
    C(TH, 8, "display the average face price for each show as bars",
      "SELECT show_title, AVG(face_price_gbp) AS avg_face_price FROM theatre_ticket_lines GROUP BY show_title",
      chart="bar"),
    C(TH, 8, "histogram of face price, bin width £10",
      "SELECT CAST(face_price_gbp / 10 AS INTEGER) * 10 AS bin_start, COUNT(*) AS lines FROM theatre_ticket_lines "
      "GROUP BY bin_start", chart="histogram"),

    # 9 the shape of the answer
    C(TH, 9, "Did any A Christmas Carol lines get refunded? yes or no",
      "SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM theatre_ticket_lines "
      "WHERE show_title = 'A Christmas Carol' AND refunded = 'yes'"),
    C(TH, 9, "Just give me total revenue, one number",
      "SELECT SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines"),
    C(TH, 9, "list the discount codes that have been used",
      "SELECT DISTINCT discount_code FROM theatre_ticket_lines WHERE discount_code IS NOT NULL"),
    C(TH, 9, "What's the single most popular show by seats? name only",
      "SELECT show_title FROM theatre_ticket_lines GROUP BY show_title ORDER BY SUM(seats) DESC LIMIT 1"),
    C(TH, 9, "Which shows had refunds on phone bookings? just the names",
      "SELECT DISTINCT show_title FROM theatre_ticket_lines WHERE refunded = 'yes' AND channel = 'Phone'"),
    C(TH, 9, "Is Macbeth's revenue higher than Hamlet's? yes/no",
      "SELECT CASE WHEN SUM(CASE WHEN show_title = 'Macbeth' THEN line_total_gbp END) > "
      "SUM(CASE WHEN show_title = 'Hamlet' THEN line_total_gbp END) THEN 'yes' ELSE 'no' END AS answer "
      "FROM theatre_ticket_lines"),

    # basic
    C(TH, "basic", "What's our net box office take for each month of performances?",
      "SELECT substr(performance_date, 1, 7) AS month, SUM(line_total_gbp) AS takings FROM theatre_ticket_lines "
      "GROUP BY month"),
    C(TH, "basic", "Average face price in the Dress Circle",
      "SELECT AVG(face_price_gbp) AS avg_face_price FROM theatre_ticket_lines WHERE seat_band = 'Dress Circle'"),
    C(TH, "basic", "How many Box seats did we sell in December?",
      "SELECT SUM(seats) AS seats FROM theatre_ticket_lines WHERE seat_band = 'Box' "
      "AND substr(order_ts, 1, 7) = '2024-12'"),
    C(TH, "basic", "how much did the FRIENDS20 code bring in",
      "SELECT SUM(line_total_gbp) AS revenue FROM theatre_ticket_lines WHERE discount_code = 'FRIENDS20'"),
    C(TH, "basic", "Total seats for A Christmas Carol performances in 2025",
      "SELECT SUM(seats) AS seats FROM theatre_ticket_lines WHERE show_title = 'A Christmas Carol' "
      "AND substr(performance_date, 1, 4) = '2025'"),
    C(TH, "basic", "which show sells the most seats over the phone?",
      "SELECT show_title, SUM(seats) AS seats FROM theatre_ticket_lines WHERE channel = 'Phone' "
      "GROUP BY show_title ORDER BY seats DESC LIMIT 1"),

    # ---------------- pest_visits ----------------
    # 1 the measure behind a count word
    C(PV, 1, "How many customers did we visit?",
      "SELECT COUNT(DISTINCT customer_id) AS customers FROM pest_visits"),
    C(PV, 1, "how many visits did Dana have booked",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE technician = 'Dana Ruiz'"),
    C(PV, 1, "How many visits were missed?",
      "SELECT COUNT(*) AS missed FROM pest_visits WHERE completed_date IS NULL"),
    C(PV, 1, "How many hours did the technicians spend on site in total?",
      "SELECT SUM(duration_min) / 60.0 AS hours FROM pest_visits", tolerance=0.01),
    C(PV, 1, "How many callbacks did each technician get?",
      "SELECT technician, SUM(callback = 'yes') AS callbacks FROM pest_visits GROUP BY technician"),
    C(PV, 1, "How many commercial customers have we got?",
      "SELECT COUNT(DISTINCT customer_id) AS customers FROM pest_visits WHERE customer_type = 'Commercial'"),
    C(PV, 1, "how many km did the vans cover all year",
      "SELECT SUM(travel_km) AS km FROM pest_visits", tolerance=0.01),

    # 2 per X vs group by
    C(PV, 2, "On average, how much does a customer spend with us in total over all their visits?",
      "SELECT AVG(spend) AS avg_spend FROM (SELECT customer_id, SUM(invoice_amount) AS spend FROM pest_visits "
      "GROUP BY customer_id)"),
    C(PV, 2, "visits per technician",
      "SELECT technician, COUNT(*) AS visits FROM pest_visits GROUP BY technician"),
    C(PV, 2, "average travel distance per visit in each area",
      "SELECT area, AVG(travel_km) AS avg_km FROM pest_visits GROUP BY area"),
    C(PV, 2, "How many visits per customer do we make on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer_id) AS visits_per_customer FROM pest_visits"),
    C(PV, 2, "invoiced amount per pest type",
      "SELECT pest_type, SUM(invoice_amount) AS invoiced FROM pest_visits GROUP BY pest_type"),
    C(PV, 2, "what's the average number of visits we schedule per month?",
      "SELECT AVG(n) AS avg_visits FROM (SELECT substr(scheduled_date, 1, 7) AS month, COUNT(*) AS n "
      "FROM pest_visits GROUP BY month)"),
    C(PV, 2, "avg chemical used per visit (ml), for each pest",
      "SELECT pest_type, AVG(chemical_ml) AS avg_ml FROM pest_visits GROUP BY pest_type"),

    # 3 filters
    C(PV, 3, "How many visits ended up as a credit (negative invoice)?",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE invoice_amount < 0"),
    C(PV, 3, "Total invoiced, leaving out the credit notes",
      "SELECT SUM(invoice_amount) AS invoiced FROM pest_visits WHERE invoice_amount > 0"),
    C(PV, 3, "how many rat jobs did we do? sewer rats included",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE pest_type LIKE 'Rats%'"),
    C(PV, 3, "How many visits were assigned to someone other than Priya Shah?",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE technician <> 'Priya Shah'"),
    C(PV, 3, "Jobs in the North or North East that took over an hour - how many?",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE area IN ('North', 'North East') AND duration_min > 60"),
    C(PV, 3, "Which technicians have had more than 10 callbacks?",
      "SELECT technician, SUM(callback = 'yes') AS callbacks FROM pest_visits GROUP BY technician "
      "HAVING SUM(callback = 'yes') > 10"),
    C(PV, 3, "How many visits ran longer than the average visit?",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE duration_min > (SELECT AVG(duration_min) FROM pest_visits)"),
    C(PV, 3, "Total chemical used on wasps, in litres",
      "SELECT SUM(chemical_ml) / 1000.0 AS litres FROM pest_visits WHERE pest_type = 'Wasps'", tolerance=0.001),
    C(PV, 3, "how many customers have had three or more visits",
      "SELECT COUNT(*) AS customers FROM (SELECT customer_id FROM pest_visits GROUP BY customer_id "
      "HAVING COUNT(*) >= 3)"),

    # 4 explicit order and shape
    C(PV, 4, "Top 5 customers by total invoiced",
      "SELECT customer_id, SUM(invoice_amount) AS invoiced FROM pest_visits GROUP BY customer_id "
      "ORDER BY invoiced DESC LIMIT 5", ordered=True),
    C(PV, 4, "Rank technicians by total minutes on site, most first",
      "SELECT technician, SUM(duration_min) AS minutes FROM pest_visits GROUP BY technician "
      "ORDER BY minutes DESC", ordered=True),
    C(PV, 4, "which 3 pests take the longest on average?",
      "SELECT pest_type, AVG(duration_min) AS avg_minutes FROM pest_visits GROUP BY pest_type "
      "ORDER BY avg_minutes DESC LIMIT 3", ordered=True),
    C(PV, 4, "Areas sorted by number of visits, ascending",
      "SELECT area, COUNT(*) AS visits FROM pest_visits GROUP BY area ORDER BY visits ASC", ordered=True),
    C(PV, 4, "The single longest visit - visit id, technician and minutes",
      "SELECT visit_id, technician, duration_min FROM pest_visits ORDER BY duration_min DESC LIMIT 1"),
    C(PV, 4, "Visit counts by scheduled month, oldest month first",
      "SELECT substr(scheduled_date, 1, 7) AS month, COUNT(*) AS visits FROM pest_visits GROUP BY month "
      "ORDER BY month", ordered=True),
    C(PV, 4, "bottom 3 technicians by revenue",
      "SELECT technician, SUM(invoice_amount) AS revenue FROM pest_visits GROUP BY technician "
      "ORDER BY revenue ASC LIMIT 3", ordered=True),

    # 5 several columns / series / scatter of aggregates
    C(PV, 5, "Visits and revenue by technician",
      "SELECT technician, COUNT(*) AS visits, SUM(invoice_amount) AS revenue FROM pest_visits GROUP BY technician"),
    C(PV, 5, "stacked bars: visits per month split by pest type",
      "SELECT substr(scheduled_date, 1, 7) AS month, pest_type, COUNT(*) AS visits FROM pest_visits "
      "GROUP BY month, pest_type", chart="bar", series=True),
    C(PV, 5, "scatter of average travel km against average invoice, one dot per customer",
      "SELECT customer_id, AVG(travel_km) AS avg_km, AVG(invoice_amount) AS avg_invoice FROM pest_visits "
      "GROUP BY customer_id", chart="scatter"),
    C(PV, 5, "Callbacks per technician, split residential vs commercial",
      "SELECT technician, customer_type, SUM(callback = 'yes') AS callbacks FROM pest_visits "
      "GROUP BY technician, customer_type", series=True),
    C(PV, 5, "For each pest give me the visit count, average duration and total chemical in ml",
      "SELECT pest_type, COUNT(*) AS visits, AVG(duration_min) AS avg_minutes, SUM(chemical_ml) AS chemical_ml "
      "FROM pest_visits GROUP BY pest_type"),
    C(PV, 5, "Compare the average invoice for residential and commercial customers for each pest",
      "SELECT pest_type, customer_type, AVG(invoice_amount) AS avg_invoice FROM pest_visits "
      "GROUP BY pest_type, customer_type", series=True),

    # 6 the analysis kind
    C(PV, 6, "Scatter of duration against invoice amount for bed bug visits",
      "SELECT duration_min, invoice_amount FROM pest_visits WHERE pest_type = 'Bed bugs' "
      "AND duration_min IS NOT NULL", chart="scatter"),
    C(PV, 6, "box plot of visit duration by technician",
      "SELECT technician, MIN(duration_min) AS min_minutes, median(duration_min) AS median_minutes, "
      "MAX(duration_min) AS max_minutes FROM pest_visits GROUP BY technician", chart="box"),
    C(PV, 6, "histogram of travel distance in 5 km bins",
      "SELECT CAST(travel_km / 5 AS INTEGER) * 5 AS bin_start, COUNT(*) AS visits FROM pest_visits "
      "GROUP BY bin_start", chart="histogram"),
    C(PV, 6, "is travel distance correlated with the invoice amount? give me the correlation coefficient",
      "SELECT (AVG(travel_km * invoice_amount) - AVG(travel_km) * AVG(invoice_amount)) / "
      "(sqrt(AVG(travel_km * travel_km) - AVG(travel_km) * AVG(travel_km)) * "
      "sqrt(AVG(invoice_amount * invoice_amount) - AVG(invoice_amount) * AVG(invoice_amount))) AS correlation "
      "FROM pest_visits", tolerance=0.01),
    T(PV, 6, "Show the distribution of visit durations", "distribution_plot", ["duration_min"]),
    C(PV, 6, "boxplot of invoice amounts per area",
      "SELECT area, MIN(invoice_amount) AS min_invoice, median(invoice_amount) AS median_invoice, "
      "MAX(invoice_amount) AS max_invoice FROM pest_visits GROUP BY area", chart="box"),

    # 7 derived measures
    C(PV, 7, "Average days between scheduled and completed date, by technician",
      "SELECT technician, AVG(julianday(completed_date) - julianday(scheduled_date)) AS avg_days_late "
      "FROM pest_visits WHERE completed_date IS NOT NULL GROUP BY technician"),
    C(PV, 7, "What percentage of completed visits led to a callback, for each technician?",
      "SELECT technician, 100.0 * SUM(callback = 'yes') / COUNT(*) AS callback_pct FROM pest_visits "
      "WHERE completed_date IS NOT NULL GROUP BY technician"),
    C(PV, 7, "running total of invoiced amount by month",
      "SELECT month, SUM(invoiced) OVER (ORDER BY month) AS running_invoiced FROM "
      "(SELECT substr(scheduled_date, 1, 7) AS month, SUM(invoice_amount) AS invoiced FROM pest_visits "
      "GROUP BY month)"),
    C(PV, 7, "percent change in wasp visits from July to August",
      "SELECT (SUM(substr(scheduled_date, 1, 7) = '2024-08') - SUM(substr(scheduled_date, 1, 7) = '2024-07')) "
      "* 100.0 / SUM(substr(scheduled_date, 1, 7) = '2024-07') AS pct_change FROM pest_visits "
      "WHERE pest_type = 'Wasps'", tolerance=0.01),
    C(PV, 7, "visits by day of the week they were scheduled for",
      "SELECT dayname(scheduled_date) AS weekday, COUNT(*) AS visits FROM pest_visits GROUP BY weekday"),
    C(PV, 7, "Which month of the year has the most wasp visits?",
      "SELECT CAST(substr(scheduled_date, 6, 2) AS INTEGER) AS month, COUNT(*) AS visits FROM pest_visits "
      "WHERE pest_type = 'Wasps' GROUP BY month ORDER BY visits DESC LIMIT 1"),
    C(PV, 7, "invoice per hour on site for each pest type",
      "SELECT pest_type, SUM(invoice_amount) / (SUM(duration_min) / 60.0) AS gbp_per_hour FROM pest_visits "
      "WHERE completed_date IS NOT NULL GROUP BY pest_type"),
    C(PV, 7, "quarterly revenue",
      "SELECT quarter(scheduled_date) AS quarter, SUM(invoice_amount) AS revenue FROM pest_visits GROUP BY quarter"),

    # 8 words about the chart
    C(PV, 8, "bar chart of visits by area",
      "SELECT area, COUNT(*) AS visits FROM pest_visits GROUP BY area", chart="bar"),
    C(PV, 8, "line chart of monthly invoiced totals",
      "SELECT substr(scheduled_date, 1, 7) AS month, SUM(invoice_amount) AS invoiced FROM pest_visits "
      "GROUP BY month", chart="line"),
    C(PV, 8, "pie of visits by pest type",
      "SELECT pest_type, COUNT(*) AS visits FROM pest_visits GROUP BY pest_type", chart="pie"),
    C(PV, 8, "technicians on the y axis and total km driven on the x axis",
      "SELECT technician, SUM(travel_km) AS km FROM pest_visits GROUP BY technician"),
    C(PV, 8, "visualise average duration for each pest",
      "SELECT pest_type, AVG(duration_min) AS avg_minutes FROM pest_visits GROUP BY pest_type"),
    C(PV, 8, "histogram of invoice amounts with £50 bins",
      "SELECT CAST((invoice_amount + 1000) / 50 AS INTEGER) * 50 - 1000 AS bin_start, COUNT(*) AS visits "
      "FROM pest_visits GROUP BY bin_start", chart="histogram"),
    C(PV, 8, "display missed visits per technician as bars",
      "SELECT technician, COUNT(*) AS missed FROM pest_visits WHERE completed_date IS NULL GROUP BY technician",
      chart="bar"),

    # 9 the shape of the answer
    C(PV, 9, "Has Tomasz ever done a sewer rat job? yes or no",
      "SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM pest_visits "
      "WHERE technician = 'Tomasz Nowak' AND pest_type = 'Rats (sewer)' AND completed_date IS NOT NULL"),
    C(PV, 9, "Which technician had the most callbacks? just the name",
      "SELECT technician FROM pest_visits GROUP BY technician ORDER BY SUM(callback = 'yes') DESC LIMIT 1"),
    C(PV, 9, "total invoiced for the year, single figure please",
      "SELECT SUM(invoice_amount) AS invoiced FROM pest_visits"),
    C(PV, 9, "list the customer ids that have had bed bugs",
      "SELECT DISTINCT customer_id FROM pest_visits WHERE pest_type = 'Bed bugs'"),
    C(PV, 9, "How many different pest types do we treat?",
      "SELECT COUNT(DISTINCT pest_type) AS pest_types FROM pest_visits"),
    C(PV, 9, "were there more wasp visits than ant visits, yes or no?",
      "SELECT CASE WHEN SUM(pest_type = 'Wasps') > SUM(pest_type = 'Ants') THEN 'yes' ELSE 'no' END AS answer "
      "FROM pest_visits"),

    # basic
    C(PV, "basic", "What's our revenue by area?",
      "SELECT area, SUM(invoice_amount) AS revenue FROM pest_visits GROUP BY area"),
    C(PV, "basic", "How many bed bug jobs did we actually complete?",
      "SELECT COUNT(*) AS visits FROM pest_visits WHERE pest_type = 'Bed bugs' AND completed_date IS NOT NULL"),
    C(PV, "basic", "average invoice, residential vs commercial",
      "SELECT customer_type, AVG(invoice_amount) AS avg_invoice FROM pest_visits GROUP BY customer_type"),
    C(PV, "basic", "average visit length for mice",
      "SELECT AVG(duration_min) AS avg_minutes FROM pest_visits WHERE pest_type = 'Mice'"),
    C(PV, "basic", "How much did we invoice commercial clients in Q3?",
      "SELECT SUM(invoice_amount) AS invoiced FROM pest_visits WHERE customer_type = 'Commercial' "
      "AND quarter(scheduled_date) = '2024-Q3'"),
    C(PV, "basic", "Which pest makes us the most money?",
      "SELECT pest_type, SUM(invoice_amount) AS revenue FROM pest_visits GROUP BY pest_type "
      "ORDER BY revenue DESC LIMIT 1"),
    C(PV, "basic", "what's the average invoice for a wasp job",
      "SELECT AVG(invoice_amount) AS avg_invoice FROM pest_visits WHERE pest_type = 'Wasps'"),
]

FLAGGED = [
    F(TH, "Which show is going to sell the most seats next season?",
      "a forecast: the table holds past bookings only"),
    F(TH, "What's the average age of the people coming to Hamlet?",
      "no age or customer column"),
    F(TH, "Why did The Sea Wolves sell fewer seats than The Seagull?",
      "asks for a cause the data cannot show"),
    F(TH, "give me the Hamlet numbers",
      "names no measure (seats, revenue, orders?) and 'Hamlet' may or may not include Hamlet (Schools)"),
    F(PV, "What's the average invoice per customer?",
      "two readings both fit: one overall figure (total per customer, averaged) or a list by customer"),
    F(PV, "What hourly rate do we pay our technicians?",
      "no wage or pay column"),
    F(PV, "How many wasp callouts should we expect next July?",
      "a forecast beyond the data"),
    F(PV, "Why does Priyanka Nair get so many callbacks?",
      "asks for a cause the data cannot show"),
]
