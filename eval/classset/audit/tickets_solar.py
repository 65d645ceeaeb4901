"""Audit set (written blind): a solar farm operator's daily site log and a concert ticket shop's order lines.

solar_site_days (536 rows): one row per site per day, 2024-03-01 .. 2024-06-15, six sites in four regions
(North, Valley, Desert, Coast). Two sites came online later (Mesa Ridge West on 2024-04-15, Sunfield North II on
2024-05-01), so they have fewer rows; site names share prefixes (Sunfield North / Sunfield North II, Mesa Ridge /
Mesa Ridge West). Columns: site, region, date (ISO text), energy_kwh (net energy of the day; negative on the few
days a site was down for the whole day, when its auxiliary load drew from the grid), peak_kw (highest output of
the day, 0 on a dead day), cloud_cover_pct (0-100), downtime_min (minutes offline; BLANK when the site had no
downtime that day), inverter_fault ('TRUE'/'FALSE', every fault day has downtime).

ticket_order_lines (460 rows, 300 orders, 84 customers): one row per order line; an order buys one or more
ticket tiers for one event, so order_id repeats over its lines and customer_email repeats over orders. Columns:
order_id, customer_email, event_name (nine events, names sharing prefixes: "Neon Harbor: ...", "Jazz at the
Pier" / "Jazz at the Pier: Late Set", "Indie Fest Day 1/2"), venue (five: Riverside Arena and Riverside Hall
share a prefix), event_date (ISO date), ticket_tier (General Admission, Standard Seated, Premium, VIP), quantity,
unit_price (price charged per ticket, after any promo discount), refunded ('yes'/'no', per line), promo_code
(BLANK when the order used no code; EARLYBIRD, EARLY10, FANCLUB, STUDENT), ordered_at (ISO timestamp).
Revenue of a line is quantity * unit_price.
"""
from ..case import C, T, F
import random
from datetime import date, datetime, timedelta

SITES = [  # name, region, capacity kW, first day online
    ("Sunfield North", "North", 1500, date(2024, 3, 1)),
    ("Sunfield North II", "North", 1100, date(2024, 5, 1)),
    ("Pine Hollow", "Valley", 800, date(2024, 3, 1)),
    ("Mesa Ridge", "Desert", 2200, date(2024, 3, 1)),
    ("Mesa Ridge West", "Desert", 1800, date(2024, 4, 15)),
    ("Harbor Point", "Coast", 1200, date(2024, 3, 1)),
]
CLOUD_BASE = {"North": 45, "Valley": 38, "Desert": 12, "Coast": 50}


def solar_site_days():
    rng = random.Random(4711)
    cols = [("site", "TEXT"), ("region", "TEXT"), ("date", "TEXT"), ("energy_kwh", "REAL"), ("peak_kw", "REAL"),
            ("cloud_cover_pct", "INTEGER"), ("downtime_min", "INTEGER"), ("inverter_fault", "TEXT")]
    rows = []
    first, last = date(2024, 3, 1), date(2024, 6, 15)
    for name, region, cap, start in SITES:
        d = start
        while d <= last:
            season = (d - first).days / 106.0  # longer days towards June
            cloud = int(min(100, max(0, rng.gauss(CLOUD_BASE[region] - 12 * season, 22))))
            fault = rng.random() < 0.055
            if fault:
                downtime = 1440 if rng.random() < 0.25 else rng.randrange(45, 720, 5)
            elif rng.random() < 0.12:
                downtime = rng.randrange(10, 240, 5)
            else:
                downtime = None
            sun_hours = 4.2 + 2.4 * season + rng.uniform(-0.4, 0.4)
            up = 1 - (downtime or 0) / 840.0
            if downtime == 1440:
                energy = -round(rng.uniform(6, 38), 1)  # auxiliary load drawn from the grid on a dead day
                peak = 0.0
            else:
                energy = round(cap * sun_hours * (1 - 0.72 * cloud / 100.0) * max(up, 0.05)
                               * rng.uniform(0.93, 1.04), 1)
                peak = round(cap * rng.uniform(0.72, 0.97) * (1 - 0.45 * cloud / 100.0), 1)
            rows.append([name, region, d.isoformat(), energy, peak, cloud, downtime, "TRUE" if fault else "FALSE"])
            d += timedelta(days=1)
    rows.sort(key=lambda r: (r[2], r[0]))
    return cols, rows


EVENTS = [  # name, venue, event date, {tier: price}
    ("Neon Harbor: World Tour", "Riverside Arena", date(2024, 6, 14),
     {"General Admission": 65.0, "Standard Seated": 89.0, "Premium": 145.0, "VIP": 260.0}),
    ("Neon Harbor: Unplugged", "The Blue Room", date(2024, 8, 2),
     {"General Admission": 45.0, "Premium": 95.0, "VIP": 180.0}),
    ("Jazz at the Pier", "Harbour Pavilion", date(2024, 7, 6),
     {"General Admission": 38.0, "Standard Seated": 52.0, "Premium": 78.0}),
    ("Jazz at the Pier: Late Set", "Harbour Pavilion", date(2024, 7, 6),
     {"General Admission": 32.0, "Standard Seated": 44.0}),
    ("Summer Symphony Gala", "Grand Theatre", date(2024, 7, 20),
     {"Standard Seated": 72.0, "Premium": 118.0, "VIP": 210.0}),
    ("Symphony of Lights", "Grand Theatre", date(2024, 9, 7),
     {"Standard Seated": 58.0, "Premium": 96.0}),
    ("Comedy Night Live", "Riverside Hall", date(2024, 5, 25),
     {"General Admission": 28.0, "Standard Seated": 36.0}),
    ("Indie Fest Day 1", "Riverside Arena", date(2024, 8, 17),
     {"General Admission": 55.0, "Premium": 99.0, "VIP": 175.0}),
    ("Indie Fest Day 2", "Riverside Arena", date(2024, 8, 18),
     {"General Admission": 55.0, "Premium": 99.0, "VIP": 175.0}),
]
FIRST = ["maria", "john", "aisha", "liam", "sofia", "noah", "chen", "emma", "omar", "lucas", "ines", "tom", "priya",
         "jonas", "zoe", "marco", "lena", "ravi", "hana", "diego", "nora", "felix", "yuki", "sam"]
LAST = ["lopez", "smith", "khan", "brown", "rossi", "meyer", "wang", "novak", "silva", "ahmed", "berg", "costa"]
DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "proton.me"]


def ticket_order_lines():
    rng = random.Random(8080)
    cols = [("order_id", "TEXT"), ("customer_email", "TEXT"), ("event_name", "TEXT"), ("venue", "TEXT"),
            ("event_date", "TEXT"), ("ticket_tier", "TEXT"), ("quantity", "INTEGER"), ("unit_price", "REAL"),
            ("refunded", "TEXT"), ("promo_code", "TEXT"), ("ordered_at", "TEXT")]
    customers = sorted({"%s.%s@%s" % (rng.choice(FIRST), rng.choice(LAST), rng.choice(DOMAINS)) for _ in range(95)})
    cust_w = [rng.choice([1, 1, 1, 2, 2, 3, 5]) for _ in customers]
    ev_w = [14, 8, 10, 5, 9, 6, 7, 11, 9]
    orders = []
    for _ in range(300):
        ev = rng.choices(EVENTS, ev_w)[0]
        sale_start = datetime(2024, 2, 1)
        span = int((datetime.combine(ev[2], datetime.min.time()) - sale_start).total_seconds() // 60) - 60 * 24
        day = sale_start + timedelta(days=int(span / 1440 * rng.random() ** 0.8))
        hour = rng.choices(range(24), [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 10, 12, 14, 12, 10, 10, 12, 14, 16, 18, 16, 12, 8, 3])[0]
        t = day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))
        orders.append((t, ev))
    orders.sort(key=lambda o: o[0])
    rows = []
    for k, (t, ev) in enumerate(orders):
        oid = "TK-%05d" % (20401 + k)
        email = rng.choices(customers, cust_w)[0]
        days_before = (ev[2] - t.date()).days
        r = rng.random()
        if r < 0.72:
            promo = None
        elif days_before > 60 and r < 0.84:
            promo = "EARLYBIRD"
        else:
            promo = rng.choice(["EARLY10", "FANCLUB", "FANCLUB", "STUDENT"])
        disc = {None: 0, "EARLYBIRD": 0.2, "EARLY10": 0.1, "FANCLUB": 0.15, "STUDENT": 0.25}[promo]
        refund_all = rng.random() < 0.07
        tiers = list(ev[3].items())
        n = min(len(tiers), rng.choices([1, 2, 3], [6, 3, 1])[0])
        for tier, price in rng.sample(tiers, n):
            qty = rng.choices([1, 2, 3, 4, 6], [8, 10, 3, 3, 1])[0]
            if tier == "VIP":
                qty = min(qty, 2)
            refunded = "yes" if refund_all or rng.random() < 0.025 else "no"
            rows.append([oid, email, ev[0], ev[1], ev[2].isoformat(), tier, qty, round(price * (1 - disc), 2),
                         refunded, promo, t.strftime("%Y-%m-%d %H:%M:%S")])
    return cols, rows


TABLES = {"solar_site_days": solar_site_days, "ticket_order_lines": ticket_order_lines}

S, K = "solar_site_days", "ticket_order_lines"

SOLAR = [
    # 1: the measure behind a count word
    C(S, 1, "How many sites do we have in the North region?",
      "SELECT COUNT(DISTINCT site) FROM solar_site_days WHERE region = 'North'"),
    C(S, 1, "How many days did Pine Hollow have an inverter fault?",
      "SELECT COUNT(*) FROM solar_site_days WHERE site = 'Pine Hollow' AND inverter_fault = 'TRUE'"),
    C(S, 1, "How many minutes of downtime did each site rack up in total?",
      "SELECT site, SUM(downtime_min) FROM solar_site_days GROUP BY site"),
    C(S, 1, "count the days with any downtime at each site",
      "SELECT site, COUNT(downtime_min) FROM solar_site_days GROUP BY site"),
    C(S, 1, "How many hours was Mesa Ridge offline in April?",
      "SELECT SUM(downtime_min) / 60.0 FROM solar_site_days WHERE site = 'Mesa Ridge' AND date LIKE '2024-04%'"),
    # 2: "per X"
    C(S, 2, "What is the average energy generated per day at each site?",
      "SELECT site, AVG(energy_kwh) FROM solar_site_days GROUP BY site"),
    C(S, 2, "Total energy per region, please.",
      "SELECT region, SUM(energy_kwh) FROM solar_site_days GROUP BY region"),
    C(S, 2, "On average, how many kWh did the whole farm produce per day?",
      "SELECT AVG(t) FROM (SELECT date, SUM(energy_kwh) AS t FROM solar_site_days GROUP BY date)"),
    C(S, 2, "Average cloud cover per region per month",
      "SELECT region, substr(date, 1, 7) AS month, AVG(cloud_cover_pct) FROM solar_site_days GROUP BY region, month"),
    # 3: lost filters
    C(S, 3, "On how many site-days was there more than 2 hours of downtime?",
      "SELECT COUNT(*) FROM solar_site_days WHERE downtime_min > 120"),
    C(S, 3, "List the days when a site's net energy went negative, with the site and the kWh.",
      "SELECT date, site, energy_kwh FROM solar_site_days WHERE energy_kwh < 0"),
    C(S, 3, "What was the total energy from all sites outside the Desert region?",
      "SELECT SUM(energy_kwh) FROM solar_site_days WHERE region <> 'Desert'"),
    C(S, 3, "How much energy did the Sunfield sites produce altogether?",
      "SELECT SUM(energy_kwh) FROM solar_site_days WHERE site LIKE 'Sunfield%'"),
    C(S, 3, "Which sites had at least 4 inverter fault days?",
      "SELECT site FROM solar_site_days WHERE inverter_fault = 'TRUE' GROUP BY site HAVING COUNT(*) >= 4"),
    C(S, 3, "On how many days did Mesa Ridge produce more energy than its average day?",
      "SELECT COUNT(*) FROM solar_site_days WHERE site = 'Mesa Ridge' AND energy_kwh > "
      "(SELECT AVG(energy_kwh) FROM solar_site_days WHERE site = 'Mesa Ridge')"),
    C(S, 3, "For each site, count the days that had cloud cover over 70% or an inverter fault.",
      "SELECT site, COUNT(*) FROM solar_site_days WHERE cloud_cover_pct > 70 OR inverter_fault = 'TRUE' GROUP BY site"),
    C(S, 3, "How many site-days had no downtime at all?",
      "SELECT COUNT(*) FROM solar_site_days WHERE downtime_min IS NULL"),
    # 4: explicit order and shape
    C(S, 4, "Top 5 days by energy at Mesa Ridge, highest first - date and kWh",
      "SELECT date, energy_kwh FROM solar_site_days WHERE site = 'Mesa Ridge' ORDER BY energy_kwh DESC LIMIT 5",
      ordered=True),
    C(S, 4, "Rank the sites by total energy from lowest to highest.",
      "SELECT site, SUM(energy_kwh) AS e FROM solar_site_days GROUP BY site ORDER BY e", ordered=True),
    C(S, 4, "Show monthly energy totals for the farm in chronological order.",
      "SELECT substr(date, 1, 7) AS month, SUM(energy_kwh) FROM solar_site_days GROUP BY month ORDER BY month",
      ordered=True),
    C(S, 4, "Which 2 regions had the highest average cloud cover?",
      "SELECT region FROM solar_site_days GROUP BY region ORDER BY AVG(cloud_cover_pct) DESC LIMIT 2"),
    C(S, 4, "List Harbor Point's 3 lowest peak output days in June, lowest first, with the peak",
      "SELECT date, peak_kw FROM solar_site_days WHERE site = 'Harbor Point' AND date LIKE '2024-06%' "
      "ORDER BY peak_kw LIMIT 3", ordered=True),
    # 5: several columns / series / scatter of aggregates
    C(S, 5, "For each site show total energy, average peak output and the number of fault days.",
      "SELECT site, SUM(energy_kwh), AVG(peak_kw), SUM(inverter_fault = 'TRUE') FROM solar_site_days GROUP BY site"),
    C(S, 5, "Bar chart of monthly energy split by region",
      "SELECT substr(date, 1, 7) AS month, region, SUM(energy_kwh) FROM solar_site_days GROUP BY month, region",
      chart="bar", series=True),
    C(S, 5, "Scatter plot of average cloud cover vs total energy, one point per site",
      "SELECT site, AVG(cloud_cover_pct), SUM(energy_kwh) FROM solar_site_days GROUP BY site", chart="scatter"),
    C(S, 5, "Line chart of daily energy in May for Mesa Ridge and Mesa Ridge West, one line per site",
      "SELECT date, site, energy_kwh FROM solar_site_days WHERE site IN ('Mesa Ridge', 'Mesa Ridge West') "
      "AND date LIKE '2024-05%'", chart="line", series=True),
    C(S, 5, "Compare fault days and fault-free days: average energy and average peak output for each.",
      "SELECT inverter_fault, AVG(energy_kwh), AVG(peak_kw) FROM solar_site_days GROUP BY inverter_fault"),
    # 6: the analysis kind
    C(S, 6, "Scatter cloud cover against energy for every Harbor Point day.",
      "SELECT cloud_cover_pct, energy_kwh FROM solar_site_days WHERE site = 'Harbor Point'", chart="scatter"),
    C(S, 6, "Box plot of daily energy for each site",
      "SELECT site, MIN(energy_kwh), median(energy_kwh), MAX(energy_kwh) FROM solar_site_days GROUP BY site",
      chart="box"),
    C(S, 6, "Histogram of daily peak output with 250 kW bins",
      "SELECT CAST(peak_kw / 250 AS INTEGER) * 250 AS bin, COUNT(*) FROM solar_site_days GROUP BY bin",
      chart="histogram"),
    T(S, 6, "Show me the distribution of cloud cover across all site-days.", "distribution_plot", ["cloud_cover_pct"],
      chart="histogram"),
    C(S, 6, "What's the correlation between cloud cover and energy generated?",
      "SELECT (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)) FROM (SELECT COUNT(*) AS n, "
      "SUM(cloud_cover_pct) AS sx, SUM(energy_kwh) AS sy, SUM(cloud_cover_pct * energy_kwh) AS sxy, "
      "SUM(cloud_cover_pct * cloud_cover_pct) AS sxx, SUM(energy_kwh * energy_kwh) AS syy FROM solar_site_days)"),
    # 7: derived measures
    C(S, 7, "For each site, what fraction of its days had an inverter fault?",
      "SELECT site, AVG(inverter_fault = 'TRUE') FROM solar_site_days GROUP BY site"),
    C(S, 7, "Running total of farm energy by month",
      "SELECT month, SUM(e) OVER (ORDER BY month) FROM (SELECT substr(date, 1, 7) AS month, SUM(energy_kwh) AS e "
      "FROM solar_site_days GROUP BY month) ORDER BY month", ordered=True),
    C(S, 7, "By what percent did total energy change from April to May?",
      "SELECT (m - a) * 100.0 / a FROM (SELECT SUM(CASE WHEN date LIKE '2024-04%' THEN energy_kwh END) AS a, "
      "SUM(CASE WHEN date LIKE '2024-05%' THEN energy_kwh END) AS m FROM solar_site_days)"),
    C(S, 7, "total energy generated on each day of the week",
      "SELECT dayname(date), SUM(energy_kwh) FROM solar_site_days GROUP BY dayname(date)"),
    C(S, 7, "Total energy by quarter",
      "SELECT quarter(date) AS q, SUM(energy_kwh) FROM solar_site_days GROUP BY q"),
    C(S, 7, "On days that had downtime, how long was the average outage in hours at each site?",
      "SELECT site, AVG(downtime_min) / 60.0 FROM solar_site_days WHERE downtime_min IS NOT NULL GROUP BY site"),
    # 8: words about the chart
    C(S, 8, "Plot total energy by site as a bar chart with the sites on the x axis",
      "SELECT site, SUM(energy_kwh) FROM solar_site_days GROUP BY site", chart="bar"),
    C(S, 8, "Pie chart of total energy by region",
      "SELECT region, SUM(energy_kwh) FROM solar_site_days GROUP BY region", chart="pie"),
    C(S, 8, "Line chart for May: date on the x axis, total farm energy on the y axis",
      "SELECT date, SUM(energy_kwh) FROM solar_site_days WHERE date LIKE '2024-05%' GROUP BY date ORDER BY date",
      chart="line", ordered=True),
    C(S, 8, "Show one bar per site for the number of inverter fault days",
      "SELECT site, COUNT(*) FROM solar_site_days WHERE inverter_fault = 'TRUE' GROUP BY site", chart="bar"),
    C(S, 8, "Visualize average cloud cover by month as a line graph",
      "SELECT substr(date, 1, 7) AS month, AVG(cloud_cover_pct) FROM solar_site_days GROUP BY month ORDER BY month",
      chart="line", ordered=True),
    # 9: the shape of the answer
    C(S, 9, "Which site generated the most energy in April?",
      "SELECT site FROM solar_site_days WHERE date LIKE '2024-04%' GROUP BY site ORDER BY SUM(energy_kwh) DESC LIMIT 1"),
    C(S, 9, "What was the highest peak output ever recorded, and at which site?",
      "SELECT site, peak_kw FROM solar_site_days ORDER BY peak_kw DESC LIMIT 1"),
    C(S, 9, "On what date did the farm as a whole produce the most energy?",
      "SELECT date FROM solar_site_days GROUP BY date ORDER BY SUM(energy_kwh) DESC LIMIT 1"),
    C(S, 9, "Just give me one number: total kWh generated in March.",
      "SELECT SUM(energy_kwh) FROM solar_site_days WHERE date LIKE '2024-03%'"),
    C(S, 9, "Which region has the clearest skies on average?",
      "SELECT region FROM solar_site_days GROUP BY region ORDER BY AVG(cloud_cover_pct) LIMIT 1"),
    # basic
    C(S, "basic", "What's our total generation to date in kWh?", "SELECT SUM(energy_kwh) FROM solar_site_days"),
    C(S, "basic", "average cloud cover at Harbor Point in June?",
      "SELECT AVG(cloud_cover_pct) FROM solar_site_days WHERE site = 'Harbor Point' AND date LIKE '2024-06%'"),
    C(S, "basic", "Which days did Sunfield North II have an inverter fault?",
      "SELECT date FROM solar_site_days WHERE site = 'Sunfield North II' AND inverter_fault = 'TRUE'"),
    C(S, "basic", "What was the total downtime across the farm, in hours?",
      "SELECT SUM(downtime_min) / 60.0 FROM solar_site_days"),
    C(S, "basic", "On which day did Pine Hollow produce the most energy, and how much?",
      "SELECT date, energy_kwh FROM solar_site_days WHERE site = 'Pine Hollow' ORDER BY energy_kwh DESC LIMIT 1"),
]

TICKETS = [
    # 1: the measure behind a count word
    C(K, 1, "How many orders were placed for Indie Fest Day 2?",
      "SELECT COUNT(DISTINCT order_id) FROM ticket_order_lines WHERE event_name = 'Indie Fest Day 2'"),
    C(K, 1, "How many tickets did we sell for each event?",
      "SELECT event_name, SUM(quantity) FROM ticket_order_lines GROUP BY event_name"),
    C(K, 1, "How many different customers have bought tickets from us?",
      "SELECT COUNT(DISTINCT customer_email) FROM ticket_order_lines"),
    C(K, 1, "How many orders used a promo code?",
      "SELECT COUNT(DISTINCT order_id) FROM ticket_order_lines WHERE promo_code IS NOT NULL"),
    C(K, 1, "how many VIP tickets have been sold",
      "SELECT SUM(quantity) FROM ticket_order_lines WHERE ticket_tier = 'VIP'"),
    # 2: "per X"
    C(K, 2, "What's the average number of tickets per order?",
      "SELECT SUM(quantity) * 1.0 / COUNT(DISTINCT order_id) FROM ticket_order_lines"),
    C(K, 2, "Revenue per venue",
      "SELECT venue, SUM(quantity * unit_price) FROM ticket_order_lines GROUP BY venue"),
    C(K, 2, "How much does a customer spend per order on average?",
      "SELECT AVG(t) FROM (SELECT order_id, SUM(quantity * unit_price) AS t FROM ticket_order_lines GROUP BY order_id)"),
    C(K, 2, "How many orders does a customer place on average?",
      "SELECT COUNT(DISTINCT order_id) * 1.0 / COUNT(DISTINCT customer_email) FROM ticket_order_lines"),
    C(K, 2, "Tickets sold per event per tier",
      "SELECT event_name, ticket_tier, SUM(quantity) FROM ticket_order_lines GROUP BY event_name, ticket_tier"),
    # 3: lost filters
    C(K, 3, "What was our revenue from lines that were not refunded?",
      "SELECT SUM(quantity * unit_price) FROM ticket_order_lines WHERE refunded = 'no'"),
    C(K, 3, "How many tickets were sold across the Neon Harbor shows?",
      "SELECT SUM(quantity) FROM ticket_order_lines WHERE event_name LIKE 'Neon Harbor%'"),
    C(K, 3, "How many orders used either the EARLYBIRD or the STUDENT code?",
      "SELECT COUNT(DISTINCT order_id) FROM ticket_order_lines WHERE promo_code IN ('EARLYBIRD', 'STUDENT')"),
    C(K, 3, "Which customers placed more than 8 orders?",
      "SELECT customer_email FROM ticket_order_lines GROUP BY customer_email HAVING COUNT(DISTINCT order_id) > 8"),
    C(K, 3, "How many order lines have a unit price above the average unit price?",
      "SELECT COUNT(*) FROM ticket_order_lines WHERE unit_price > (SELECT AVG(unit_price) FROM ticket_order_lines)"),
    C(K, 3, "How many tickets were sold for the main Jazz at the Pier show, not counting the Late Set?",
      "SELECT SUM(quantity) FROM ticket_order_lines WHERE event_name = 'Jazz at the Pier'"),
    C(K, 3, "How many orders were for more than 5 tickets in total?",
      "SELECT COUNT(*) FROM (SELECT order_id FROM ticket_order_lines GROUP BY order_id HAVING SUM(quantity) > 5)"),
    # 4: explicit order and shape
    C(K, 4, "Top 3 events by revenue",
      "SELECT event_name, SUM(quantity * unit_price) AS r FROM ticket_order_lines GROUP BY event_name "
      "ORDER BY r DESC LIMIT 3", ordered=True),
    C(K, 4, "List the venues sorted by tickets sold, fewest first.",
      "SELECT venue, SUM(quantity) AS t FROM ticket_order_lines GROUP BY venue ORDER BY t", ordered=True),
    C(K, 4, "Show me our 5 best customers by amount spent, biggest spender first",
      "SELECT customer_email, SUM(quantity * unit_price) AS t FROM ticket_order_lines GROUP BY customer_email "
      "ORDER BY t DESC LIMIT 5", ordered=True),
    C(K, 4, "Ticket revenue by month the orders were placed, in date order",
      "SELECT substr(ordered_at, 1, 7) AS month, SUM(quantity * unit_price) FROM ticket_order_lines "
      "GROUP BY month ORDER BY month", ordered=True),
    C(K, 4, "Rank the ticket tiers by average unit price, from highest to lowest.",
      "SELECT ticket_tier, AVG(unit_price) AS p FROM ticket_order_lines GROUP BY ticket_tier ORDER BY p DESC",
      ordered=True),
    # 5: several columns / series / scatter of aggregates
    C(K, 5, "For each event, give the number of orders, tickets sold and revenue.",
      "SELECT event_name, COUNT(DISTINCT order_id), SUM(quantity), SUM(quantity * unit_price) "
      "FROM ticket_order_lines GROUP BY event_name"),
    C(K, 5, "Stacked bar chart of tickets sold by venue, broken down by ticket tier",
      "SELECT venue, ticket_tier, SUM(quantity) FROM ticket_order_lines GROUP BY venue, ticket_tier",
      chart="bar", series=True),
    C(K, 5, "Scatter of average unit price against total tickets sold, one dot per event",
      "SELECT event_name, AVG(unit_price), SUM(quantity) FROM ticket_order_lines GROUP BY event_name",
      chart="scatter"),
    C(K, 5, "Compare refunded and non-refunded lines: number of lines and total tickets for each",
      "SELECT refunded, COUNT(*), SUM(quantity) FROM ticket_order_lines GROUP BY refunded"),
    C(K, 5, "Line chart of orders placed per month, one line per venue",
      "SELECT substr(ordered_at, 1, 7) AS month, venue, COUNT(DISTINCT order_id) FROM ticket_order_lines "
      "GROUP BY month, venue", chart="line", series=True),
    # 6: the analysis kind
    C(K, 6, "Histogram of unit prices with $25 bins (count of order lines)",
      "SELECT CAST(unit_price / 25 AS INTEGER) * 25 AS bin, COUNT(*) FROM ticket_order_lines GROUP BY bin",
      chart="histogram"),
    C(K, 6, "Box plot of unit price for each ticket tier",
      "SELECT ticket_tier, MIN(unit_price), median(unit_price), MAX(unit_price) FROM ticket_order_lines "
      "GROUP BY ticket_tier", chart="box"),
    T(K, 6, "What does the distribution of quantities per order line look like? Plot it.", "distribution_plot",
      ["quantity"], chart="histogram"),
    C(K, 6, "Scatter plot of quantity vs unit price for each order line of Neon Harbor: World Tour",
      "SELECT quantity, unit_price FROM ticket_order_lines WHERE event_name = 'Neon Harbor: World Tour'",
      chart="scatter"),
    C(K, 6, "Is quantity correlated with unit price? Give the correlation coefficient.",
      "SELECT (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)) FROM (SELECT COUNT(*) AS n, "
      "SUM(quantity) AS sx, SUM(unit_price) AS sy, SUM(quantity * unit_price) AS sxy, "
      "SUM(quantity * quantity) AS sxx, SUM(unit_price * unit_price) AS syy FROM ticket_order_lines)"),
    # 7: derived measures
    C(K, 7, "On average, how many days before the event are orders placed? Break it down by event.",
      "SELECT event_name, AVG(julianday(event_date) - julianday(substr(ordered_at, 1, 10))) "
      "FROM (SELECT DISTINCT order_id, event_name, event_date, ordered_at FROM ticket_order_lines) GROUP BY event_name",
      tolerance=0.02),
    C(K, 7, "What share of orders used a promo code?",
      "SELECT COUNT(DISTINCT CASE WHEN promo_code IS NOT NULL THEN order_id END) * 1.0 / COUNT(DISTINCT order_id) "
      "FROM ticket_order_lines"),
    C(K, 7, "Number of orders by day of the week they were placed",
      "SELECT dayname(ordered_at) AS d, COUNT(DISTINCT order_id) FROM ticket_order_lines GROUP BY d"),
    C(K, 7, "How many orders come in at each hour of the day?",
      "SELECT CAST(substr(ordered_at, 12, 2) AS INTEGER) AS h, COUNT(DISTINCT order_id) FROM ticket_order_lines "
      "GROUP BY h"),
    C(K, 7, "Cumulative revenue by order month",
      "SELECT month, SUM(r) OVER (ORDER BY month) FROM (SELECT substr(ordered_at, 1, 7) AS month, "
      "SUM(quantity * unit_price) AS r FROM ticket_order_lines GROUP BY month) ORDER BY month", ordered=True),
    C(K, 7, "Month-over-month percent change in tickets sold, by order month",
      "SELECT month, (t - p) * 100.0 / p FROM (SELECT month, t, LAG(t) OVER (ORDER BY month) AS p FROM "
      "(SELECT substr(ordered_at, 1, 7) AS month, SUM(quantity) AS t FROM ticket_order_lines GROUP BY month)) "
      "WHERE p IS NOT NULL ORDER BY month", ordered=True),
    # 8: words about the chart
    C(K, 8, "Bar chart with the events on the x axis and tickets sold on the y axis",
      "SELECT event_name, SUM(quantity) FROM ticket_order_lines GROUP BY event_name", chart="bar"),
    C(K, 8, "pie chart of revenue by ticket tier",
      "SELECT ticket_tier, SUM(quantity * unit_price) FROM ticket_order_lines GROUP BY ticket_tier", chart="pie"),
    C(K, 8, "Plot the number of orders per month (by order date) as a line chart",
      "SELECT substr(ordered_at, 1, 7) AS month, COUNT(DISTINCT order_id) FROM ticket_order_lines GROUP BY month "
      "ORDER BY month", chart="line", ordered=True),
    C(K, 8, "Make a horizontal bar chart showing revenue for each venue",
      "SELECT venue, SUM(quantity * unit_price) FROM ticket_order_lines GROUP BY venue", chart="bar"),
    C(K, 8, "Visualize tickets sold per promo code as bars, leaving out orders with no code",
      "SELECT promo_code, SUM(quantity) FROM ticket_order_lines WHERE promo_code IS NOT NULL GROUP BY promo_code",
      chart="bar"),
    # 9: the shape of the answer
    C(K, 9, "Which event sold the most tickets?",
      "SELECT event_name FROM ticket_order_lines GROUP BY event_name ORDER BY SUM(quantity) DESC LIMIT 1"),
    C(K, 9, "What's the single largest order amount?",
      "SELECT MAX(t) FROM (SELECT order_id, SUM(quantity * unit_price) AS t FROM ticket_order_lines GROUP BY order_id)"),
    C(K, 9, "Who is our top customer by total spend, and how much did they spend?",
      "SELECT customer_email, SUM(quantity * unit_price) AS s FROM ticket_order_lines GROUP BY customer_email "
      "ORDER BY s DESC LIMIT 1"),
    C(K, 9, "When was the first order placed for Symphony of Lights?",
      "SELECT MIN(ordered_at) FROM ticket_order_lines WHERE event_name = 'Symphony of Lights'"),
    C(K, 9, "Total revenue from orders placed in June - one figure please",
      "SELECT SUM(quantity * unit_price) FROM ticket_order_lines WHERE ordered_at LIKE '2024-06%'"),
    # basic
    C(K, "basic", "What's the total value of all tickets sold, refunds included?",
      "SELECT SUM(quantity * unit_price) FROM ticket_order_lines"),
    C(K, "basic", "Which venue hosts the most events?",
      "SELECT venue FROM ticket_order_lines GROUP BY venue ORDER BY COUNT(DISTINCT event_name) DESC LIMIT 1"),
    C(K, "basic", "List all events with their venue and date.",
      "SELECT DISTINCT event_name, venue, event_date FROM ticket_order_lines"),
    C(K, "basic", "How many tickets has lena.ahmed@proton.me bought?",
      "SELECT SUM(quantity) FROM ticket_order_lines WHERE customer_email = 'lena.ahmed@proton.me'"),
    C(K, "basic", "What promo codes have customers used?",
      "SELECT DISTINCT promo_code FROM ticket_order_lines WHERE promo_code IS NOT NULL"),
    C(K, "basic", "What's the average unit price of a VIP ticket?",
      "SELECT AVG(unit_price) FROM ticket_order_lines WHERE ticket_tier = 'VIP'"),
]

CASES = SOLAR + TICKETS

FLAGGED = [
    F(S, "How much energy will Mesa Ridge generate next month?", "a forecast; the table only holds past days"),
    F(S, "Why did Pine Hollow have so many inverter faults?", "a cause the data cannot show"),
    F(S, "What was the panel temperature at Harbor Point yesterday?", "no temperature column (and no 'yesterday')"),
    F(S, "Which site performs best?", "no measure named: total energy, energy per day, peak output, fewest faults"),
    F(K, "How many seats are still available for Indie Fest Day 2?", "no capacity column"),
    F(K, "Which upcoming events are going to sell out?", "a forecast, and no capacity"),
    F(K, "Why did customers ask for refunds?", "a cause; there is no refund reason"),
    F(K, "Who are our big spenders?", "a vague word with no threshold"),
]
