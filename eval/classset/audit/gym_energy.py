"""Audit set written blind: a gym's check-ins and households' electricity meter readings.

Two invented tables (fixed seeds), scored cases (CASES) and questions to decline or flag (FLAGGED).
gym_checkins: one row per visit; member attributes (name, plan, age, monthly fee) repeat on every visit of the
member; minutes_spent has empty cells; class_attended is empty when no class was taken; club "Canal Street" is
two words. meter_readings: one row per household per month read (monthly over 2023-2024, some months missed);
household attributes repeat on every reading; cities Newcastle and Newport share a prefix.
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T

# ---- gym_checkins ----------------------------------------------------------------------------------------------

FIRST = ["Aisha", "Ben", "Carla", "Dev", "Ella", "Finn", "Gita", "Harry", "Isla", "Jon", "Kira", "Liam", "Maya",
         "Nico", "Olive", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy", "Xavier", "Yasmin",
         "Zoe", "Arjun", "Bella", "Callum", "Dina"]
LAST = ["Adams", "Baker", "Chen", "Davies", "Evans", "Foster", "Green", "Hughes", "Iqbal", "Jones", "Khan",
        "Lewis", "Morgan", "Novak", "Owens", "Patel", "Reid", "Shaw", "Turner", "Walsh"]
PLANS = [("Basic", 24.99, 40), ("Premium", 49.99, 25), ("Student", 17.5, 20), ("Family", 69.0, 15)]
CLUBS = ["Riverside", "Northgate", "Canal Street", "Eastfield", "Hilltop"]
CLASSES = ["Hatha Yoga", "Power Yoga", "Spin", "Spin Express", "HIIT", "Pilates", "Boxfit", "Aqua Fit"]


def gym_checkins():
    rng = random.Random(4711)
    cols = [("checkin_id", "TEXT"), ("member_id", "TEXT"), ("member_name", "TEXT"), ("membership_plan", "TEXT"),
            ("club", "TEXT"), ("checkin_at", "TEXT"), ("minutes_spent", "INTEGER"), ("class_attended", "TEXT"),
            ("personal_trainer", "TEXT"), ("monthly_fee", "REAL"), ("age", "INTEGER")]
    names = set()
    members = []
    for i in range(80):
        while True:
            name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
            if name not in names:
                names.add(name)
                break
        plan, fee, _ = rng.choices(PLANS, [p[2] for p in PLANS])[0]
        if plan == "Student":
            age = rng.randint(18, 26)
        elif plan == "Family":
            age = rng.randint(30, 55)
        else:
            age = rng.randint(19, 72)
        home = rng.choices(CLUBS, [30, 22, 20, 16, 12])[0]
        activity = rng.uniform(0.3, 3.0) * (1.4 if plan == "Premium" else 1.0)
        trainer = rng.random() < (0.45 if plan == "Premium" else 0.12)
        fav = rng.sample(CLASSES, 2)
        members.append(("M%04d" % (101 + i * 3), name, plan, fee, age, home, activity, trainer, fav))
    weights = [m[6] for m in members]
    rows = []
    start = datetime(2024, 1, 1, 0, 0, 0)
    span = (datetime(2025, 12, 31) - start).days + 1
    for _ in range(600):
        mid, name, plan, fee, age, home, _, trainer, fav = rng.choices(members, weights)[0]
        day = start + timedelta(days=rng.randrange(span))
        hour = rng.choices(range(6, 22), [4, 8, 9, 6, 4, 3, 5, 6, 4, 3, 4, 7, 9, 8, 5, 2])[0]
        at = day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))
        club = home if rng.random() < 0.8 else rng.choice(CLUBS)
        cls = None
        r = rng.random()
        if r < 0.3:
            cls = rng.choice(fav)
        elif r < 0.42:
            cls = rng.choice(CLASSES)
        pt = "yes" if trainer and rng.random() < 0.7 else "no"
        minutes = int(rng.gauss(62 if cls else 55, 20) + (15 if pt == "yes" else 0) - (age - 40) * 0.2)
        minutes = max(12, min(175, minutes))
        if rng.random() < 0.06:
            minutes = None
        rows.append([None, mid, name, plan, club, at.strftime("%Y-%m-%d %H:%M:%S"), minutes, cls, pt, fee, age])
    rows.sort(key=lambda r: r[5])
    for i, r in enumerate(rows):
        r[0] = "C%05d" % (i + 1)
    return cols, rows


# ---- meter_readings --------------------------------------------------------------------------------------------

CITIES = [("Leeds", 1.0), ("Bristol", 0.95), ("Newcastle", 1.1), ("Newport", 1.05), ("Milton Keynes", 0.9)]
TARIFFS = [("Standard", 0.28, 0.55), ("Economy 7", 0.22, 0.25), ("Green", 0.31, 0.20)]
SEASON = [1.35, 1.25, 1.1, 0.95, 0.85, 0.75, 0.72, 0.75, 0.85, 1.0, 1.2, 1.35]


def meter_readings():
    rng = random.Random(2718)
    cols = [("reading_id", "TEXT"), ("household_id", "TEXT"), ("city", "TEXT"), ("tariff", "TEXT"),
            ("reading_date", "TEXT"), ("kwh_used", "REAL"), ("cost_gbp", "REAL"), ("solar_panels", "TEXT"),
            ("occupants", "INTEGER"), ("smart_meter", "TEXT")]
    rows = []
    for h in range(40):
        hid = "H%03d" % (h + 1)
        city, cf = CITIES[h % 5] if h < 35 else rng.choice(CITIES)
        tariff, rate, _ = rng.choices(TARIFFS, [t[2] for t in TARIFFS])[0]
        solar = rng.random() < (0.45 if tariff == "Green" else 0.2)
        occupants = rng.choices([1, 2, 3, 4, 5, 6], [12, 25, 20, 22, 12, 6])[0]
        smart = rng.random() < 0.65
        keep = rng.uniform(0.3, 0.6)
        rday = rng.randint(1, 28)
        base = 110 + 55 * occupants
        for m in range(24):
            if rng.random() > keep:
                continue
            y, mo = 2023 + m // 12, m % 12 + 1
            kwh = base * cf * SEASON[mo - 1] * rng.uniform(0.82, 1.18)
            if solar:
                kwh *= 0.9 - 0.35 * (1.4 - SEASON[mo - 1])
            kwh = round(kwh, 1)
            cost = round(kwh * rate * (1.04 if y == 2024 else 1.0) + 0.53 * 30 + 1e-9, 2)
            rows.append([None, hid, city, tariff, date(y, mo, rday).isoformat(), kwh, cost,
                         "yes" if solar else "no", occupants, "TRUE" if smart else "FALSE"])
    rows.sort(key=lambda r: (r[4], r[1]))
    for i, r in enumerate(rows):
        r[0] = "R%04d" % (i + 1)
    return cols, rows


TABLES = {"gym_checkins": gym_checkins, "meter_readings": meter_readings}

G, M = "gym_checkins", "meter_readings"


def _members(cols):
    """The gym table at member grain (member attributes repeat on every check-in)."""
    return "(SELECT DISTINCT member_id, %s FROM gym_checkins)" % cols


def _households(cols):
    """The meter table at household grain (household attributes repeat on every reading)."""
    return "(SELECT DISTINCT household_id, %s FROM meter_readings)" % cols


CASES = [
    # ---- gym_checkins ------------------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(G, 1, "How many minutes did members spend in the gym altogether?",
      "SELECT SUM(minutes_spent) FROM gym_checkins"),
    C(G, 1, "how many members are on the Premium plan",
      "SELECT COUNT(DISTINCT member_id) FROM gym_checkins WHERE membership_plan = 'Premium'"),
    C(G, 1, "How many check-ins did each club get?",
      "SELECT club, COUNT(*) FROM gym_checkins GROUP BY club"),
    C(G, 1, "How many hours in total did Family plan members spend at the gym?",
      "SELECT SUM(minutes_spent) / 60.0 FROM gym_checkins WHERE membership_plan = 'Family'"),
    C(G, 1, "how many visits included a class?",
      "SELECT COUNT(*) FROM gym_checkins WHERE class_attended IS NOT NULL"),
    # 2: "per X" vs group by
    C(G, 2, "avg minutes per visit",
      "SELECT AVG(minutes_spent) FROM gym_checkins"),
    C(G, 2, "avg session length for each membership plan",
      "SELECT membership_plan, AVG(minutes_spent) FROM gym_checkins GROUP BY membership_plan"),
    C(G, 2, "On average, how many times has a member checked in?",
      "SELECT 1.0 * COUNT(*) / COUNT(DISTINCT member_id) FROM gym_checkins"),
    C(G, 2, "average member age by plan",
      "SELECT membership_plan, AVG(age) FROM " + _members("membership_plan, age") + " GROUP BY membership_plan"),
    C(G, 2, "Across all members, what's the average total time a member has spent in the gym, in minutes?",
      "SELECT AVG(total) FROM (SELECT SUM(minutes_spent) AS total FROM gym_checkins GROUP BY member_id)"),
    # 3: filters
    C(G, 3, "How many check-ins lasted longer than an hour and a half?",
      "SELECT COUNT(*) FROM gym_checkins WHERE minutes_spent > 90"),
    C(G, 3, "Which members over 50 are not on the Basic plan?",
      "SELECT DISTINCT member_name FROM gym_checkins WHERE age > 50 AND membership_plan <> 'Basic'"),
    C(G, 3, "number of check-ins at clubs other than Canal Street",
      "SELECT COUNT(*) FROM gym_checkins WHERE club <> 'Canal Street'"),
    C(G, 3, "total minutes logged by Student or Family members",
      "SELECT SUM(minutes_spent) FROM gym_checkins WHERE membership_plan IN ('Student', 'Family')"),
    C(G, 3, "How many check-ins were for a class with 'Yoga' in its name?",
      "SELECT COUNT(*) FROM gym_checkins WHERE class_attended LIKE '%Yoga%'"),
    C(G, 3, "check-ins per class, just the classes whose name starts with Spin",
      "SELECT class_attended, COUNT(*) FROM gym_checkins WHERE class_attended LIKE 'Spin%' GROUP BY class_attended"),
    C(G, 3, "Which members have checked in at least 15 times?",
      "SELECT member_name FROM gym_checkins GROUP BY member_id HAVING COUNT(*) >= 15"),
    C(G, 3, "How many visits were longer than the average visit?",
      "SELECT COUNT(*) FROM gym_checkins WHERE minutes_spent > (SELECT AVG(minutes_spent) FROM gym_checkins)"),
    # 4: explicit order and shape
    C(G, 4, "Top 5 members by total minutes spent",
      "SELECT member_name, SUM(minutes_spent) AS total FROM gym_checkins GROUP BY member_id "
      "ORDER BY total DESC LIMIT 5"),
    C(G, 4, "clubs sorted by number of check-ins, highest first",
      "SELECT club, COUNT(*) AS n FROM gym_checkins GROUP BY club ORDER BY n DESC", ordered=True),
    C(G, 4, "List the classes by average session length, longest first",
      "SELECT class_attended, AVG(minutes_spent) AS avg_minutes FROM gym_checkins WHERE class_attended IS NOT NULL "
      "GROUP BY class_attended ORDER BY avg_minutes DESC", ordered=True),
    C(G, 4, "Which 3 clubs had the fewest visits?",
      "SELECT club FROM (SELECT club, COUNT(*) AS n FROM gym_checkins GROUP BY club ORDER BY n ASC LIMIT 3)"),
    C(G, 4, "Rank the membership plans by how many members they have, most to fewest",
      "SELECT membership_plan, COUNT(DISTINCT member_id) AS members FROM gym_checkins GROUP BY membership_plan "
      "ORDER BY members DESC", ordered=True),
    # 5: several columns, two keys, series
    C(G, 5, "Stacked bar chart of check-ins per club broken down by membership plan",
      "SELECT club, membership_plan, COUNT(*) FROM gym_checkins GROUP BY club, membership_plan",
      chart="bar", series=True),
    C(G, 5, "Grouped bar chart: average minutes with vs without a personal trainer, for each plan",
      "SELECT membership_plan, personal_trainer, AVG(minutes_spent) FROM gym_checkins "
      "GROUP BY membership_plan, personal_trainer", chart="bar", series=True),
    C(G, 5, "Line chart of monthly check-ins during 2025, one line per club",
      "SELECT strftime('%Y-%m', checkin_at) AS month, club, COUNT(*) FROM gym_checkins "
      "WHERE checkin_at LIKE '2025%' GROUP BY month, club", chart="line", series=True),
    C(G, 5, "Scatter plot with one dot per member: their age vs how many times they've checked in",
      "SELECT age, COUNT(*) FROM gym_checkins GROUP BY member_id", chart="scatter"),
    C(G, 5, "shortest, longest and average session length at each club",
      "SELECT club, MIN(minutes_spent), MAX(minutes_spent), AVG(minutes_spent) FROM gym_checkins GROUP BY club"),
    # 6: analysis kind
    C(G, 6, "box plot of minutes spent by club",
      "SELECT club, MIN(minutes_spent), median(minutes_spent), MAX(minutes_spent) FROM gym_checkins GROUP BY club",
      chart="box"),
    C(G, 6, "Histogram of minutes spent per visit using 15-minute bins",
      "SELECT (minutes_spent / 15) * 15 AS bin, COUNT(*) FROM gym_checkins WHERE minutes_spent IS NOT NULL "
      "GROUP BY bin", chart="histogram"),
    T(G, 6, "Can you show me a histogram of how long people stay?", "distribution_plot", ["minutes_spent"],
      chart="histogram"),
    C(G, 6, "Is there a correlation between a member's age and how long they stay per visit? Give me the "
            "correlation coefficient.",
      "SELECT (AVG(a * m) - AVG(a) * AVG(m)) "
      "/ (sqrt(AVG(a * a) - AVG(a) * AVG(a)) * sqrt(AVG(m * m) - AVG(m) * AVG(m))) "
      "FROM (SELECT 1.0 * age AS a, 1.0 * minutes_spent AS m FROM gym_checkins WHERE minutes_spent IS NOT NULL)",
      tolerance=1e-4),
    # 7: derived measures
    C(G, 7, "average minutes spent by day of the week",
      "SELECT dayname(checkin_at) AS day, AVG(minutes_spent) FROM gym_checkins GROUP BY day"),
    C(G, 7, "Which day of the week gets the most check-ins?",
      "SELECT day FROM (SELECT dayname(checkin_at) AS day, COUNT(*) AS n FROM gym_checkins GROUP BY day "
      "ORDER BY n DESC LIMIT 1)"),
    C(G, 7, "check-ins by month of the year, 2024 and 2025 combined",
      "SELECT CAST(strftime('%m', checkin_at) AS INTEGER) AS month, COUNT(*) FROM gym_checkins GROUP BY month"),
    C(G, 7, "What percentage of check-ins involved a personal trainer?",
      "SELECT 100.0 * SUM(personal_trainer = 'yes') / COUNT(*) FROM gym_checkins"),
    C(G, 7, "If every member pays their monthly fee, how much do we take in each month in total?",
      "SELECT SUM(monthly_fee) FROM " + _members("monthly_fee")),
    C(G, 7, "At what hour of the day do the most check-ins happen?",
      "SELECT hour FROM (SELECT CAST(strftime('%H', checkin_at) AS INTEGER) AS hour, COUNT(*) AS n "
      "FROM gym_checkins GROUP BY hour ORDER BY n DESC LIMIT 1)"),
    C(G, 7, "By what percent did the number of check-ins change from 2024 to 2025?",
      "SELECT (SUM(checkin_at LIKE '2025%') - SUM(checkin_at LIKE '2024%')) * 100.0 / SUM(checkin_at LIKE '2024%') "
      "FROM gym_checkins"),
    # 8: words about the chart
    C(G, 8, "Bar chart with the clubs along the x axis and total minutes on the y axis",
      "SELECT club, SUM(minutes_spent) FROM gym_checkins GROUP BY club", chart="bar"),
    C(G, 8, "Plot check-ins per month as a line",
      "SELECT strftime('%Y-%m', checkin_at) AS month, COUNT(*) FROM gym_checkins GROUP BY month", chart="line"),
    C(G, 8, "pie chart of check-ins by membership plan",
      "SELECT membership_plan, COUNT(*) FROM gym_checkins GROUP BY membership_plan", chart="pie"),
    C(G, 8, "Horizontal bars showing how many check-ins each class had (leave out visits with no class)",
      "SELECT class_attended, COUNT(*) FROM gym_checkins WHERE class_attended IS NOT NULL GROUP BY class_attended",
      chart="bar"),
    # 9: shape of the answer
    C(G, 9, "check-ins per quarter",
      "SELECT quarter(checkin_at) AS q, COUNT(*) FROM gym_checkins GROUP BY q"),
    C(G, 9, "How many unique members came in each month of 2024?",
      "SELECT strftime('%Y-%m', checkin_at) AS month, COUNT(DISTINCT member_id) FROM gym_checkins "
      "WHERE checkin_at LIKE '2024%' GROUP BY month"),
    C(G, 9, "What was our busiest month ever for check-ins?",
      "SELECT month FROM (SELECT strftime('%Y-%m', checkin_at) AS month, COUNT(*) AS n FROM gym_checkins "
      "GROUP BY month ORDER BY n DESC LIMIT 1)"),
    # basic
    C(G, "basic", "Who visits the most?",
      "SELECT member_name FROM (SELECT member_name, COUNT(*) AS n FROM gym_checkins GROUP BY member_id "
      "ORDER BY n DESC LIMIT 1)"),
    C(G, "basic", "What's the most popular class?",
      "SELECT class_attended FROM (SELECT class_attended, COUNT(*) AS n FROM gym_checkins "
      "WHERE class_attended IS NOT NULL GROUP BY class_attended ORDER BY n DESC LIMIT 1)"),
    C(G, "basic", "what's the monthly fee on the Premium plan",
      "SELECT DISTINCT monthly_fee FROM gym_checkins WHERE membership_plan = 'Premium'"),

    # ---- meter_readings ----------------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(M, 1, "How many kWh were used in total in 2024?",
      "SELECT SUM(kwh_used) FROM meter_readings WHERE reading_date LIKE '2024%'"),
    C(M, 1, "how many households are on the Green tariff",
      "SELECT COUNT(DISTINCT household_id) FROM meter_readings WHERE tariff = 'Green'"),
    C(M, 1, "How many readings do we have for each city?",
      "SELECT city, COUNT(*) FROM meter_readings GROUP BY city"),
    C(M, 1, "how many households in each city have solar panels",
      "SELECT city, COUNT(DISTINCT household_id) FROM meter_readings WHERE solar_panels = 'yes' GROUP BY city"),
    C(M, 1, "How many people live in the households we track?",
      "SELECT SUM(occupants) FROM " + _households("occupants")),
    # 2: "per X" vs group by
    C(M, 2, "What's the average cost per reading?",
      "SELECT AVG(cost_gbp) FROM meter_readings"),
    C(M, 2, "Show the average kWh used for each household",
      "SELECT household_id, AVG(kwh_used) FROM meter_readings GROUP BY household_id"),
    C(M, 2, "What's the average total spend per household over the whole period?",
      "SELECT AVG(total) FROM (SELECT SUM(cost_gbp) AS total FROM meter_readings GROUP BY household_id)"),
    # 3: filters
    C(M, 3, "average kWh per reading, excluding Economy 7 customers",
      "SELECT AVG(kwh_used) FROM meter_readings WHERE tariff <> 'Economy 7'"),
    C(M, 3, "How many readings in Bristol or Leeds came to more than £120?",
      "SELECT COUNT(*) FROM meter_readings WHERE city IN ('Bristol', 'Leeds') AND cost_gbp > 120"),
    C(M, 3, "Total kWh used in cities whose name starts with 'New'",
      "SELECT SUM(kwh_used) FROM meter_readings WHERE city LIKE 'New%'"),
    C(M, 3, "For homes with 4 or more occupants, what's the average kWh per reading?",
      "SELECT AVG(kwh_used) FROM meter_readings WHERE occupants >= 4"),
    C(M, 3, "How many households don't have a smart meter?",
      "SELECT COUNT(DISTINCT household_id) FROM meter_readings WHERE smart_meter = 'FALSE'"),
    C(M, 3, "Which households used more than 3,500 kWh in total?",
      "SELECT household_id FROM meter_readings GROUP BY household_id HAVING SUM(kwh_used) > 3500"),
    C(M, 3, "average cost of the winter readings (December, January or February)",
      "SELECT AVG(cost_gbp) FROM meter_readings WHERE strftime('%m', reading_date) IN ('12', '01', '02')"),
    # 4: explicit order and shape
    C(M, 4, "Top 5 households by total cost",
      "SELECT household_id, SUM(cost_gbp) AS total FROM meter_readings GROUP BY household_id "
      "ORDER BY total DESC LIMIT 5"),
    C(M, 4, "Cities ranked by average kWh per reading, highest first",
      "SELECT city, AVG(kwh_used) AS avg_kwh FROM meter_readings GROUP BY city ORDER BY avg_kwh DESC", ordered=True),
    C(M, 4, "tariffs sorted by total cost, lowest first",
      "SELECT tariff, SUM(cost_gbp) AS total FROM meter_readings GROUP BY tariff ORDER BY total ASC", ordered=True),
    C(M, 4, "Which 3 households have the lowest average bill?",
      "SELECT household_id FROM (SELECT household_id, AVG(cost_gbp) AS a FROM meter_readings "
      "GROUP BY household_id ORDER BY a ASC LIMIT 3)"),
    C(M, 4, "List the readings over £180, most expensive first",
      "SELECT reading_id, cost_gbp FROM meter_readings WHERE cost_gbp > 180 ORDER BY cost_gbp DESC", ordered=True),
    # 5: several columns, two keys, series
    C(M, 5, "Stacked bar chart of total cost per city, split by tariff",
      "SELECT city, tariff, SUM(cost_gbp) FROM meter_readings GROUP BY city, tariff", chart="bar", series=True),
    C(M, 5, "For each tariff show the number of households, the total kWh and the total cost",
      "SELECT tariff, COUNT(DISTINCT household_id), SUM(kwh_used), SUM(cost_gbp) FROM meter_readings "
      "GROUP BY tariff"),
    C(M, 5, "Line chart of monthly kWh in 2024 for homes with solar panels vs homes without",
      "SELECT strftime('%Y-%m', reading_date) AS month, solar_panels, SUM(kwh_used) FROM meter_readings "
      "WHERE reading_date LIKE '2024%' GROUP BY month, solar_panels", chart="line", series=True),
    C(M, 5, "Scatter of occupants vs average kWh per reading, one point per household",
      "SELECT occupants, AVG(kwh_used) FROM meter_readings GROUP BY household_id", chart="scatter"),
    C(M, 5, "grouped bars of average cost per reading by city, comparing smart meter and non-smart-meter homes",
      "SELECT city, smart_meter, AVG(cost_gbp) FROM meter_readings GROUP BY city, smart_meter",
      chart="bar", series=True),
    # 6: analysis kind
    C(M, 6, "Scatter plot of kWh used against cost for the Bristol readings",
      "SELECT kwh_used, cost_gbp FROM meter_readings WHERE city = 'Bristol'", chart="scatter"),
    C(M, 6, "box plot of kwh_used by tariff",
      "SELECT tariff, MIN(kwh_used), median(kwh_used), MAX(kwh_used) FROM meter_readings GROUP BY tariff",
      chart="box"),
    C(M, 6, "histogram of reading costs in £20 bins",
      "SELECT CAST(cost_gbp / 20 AS INTEGER) * 20 AS bin, COUNT(*) FROM meter_readings GROUP BY bin",
      chart="histogram"),
    T(M, 6, "Show me the distribution of kWh used as a histogram", "distribution_plot", ["kwh_used"],
      chart="histogram"),
    C(M, 6, "How strongly is the number of occupants correlated with kWh used? (correlation coefficient over "
            "all readings)",
      "SELECT (AVG(a * m) - AVG(a) * AVG(m)) "
      "/ (sqrt(AVG(a * a) - AVG(a) * AVG(a)) * sqrt(AVG(m * m) - AVG(m) * AVG(m))) "
      "FROM (SELECT 1.0 * occupants AS a, kwh_used AS m FROM meter_readings)", tolerance=1e-4),
    # 7: derived measures
    C(M, 7, "What's the overall cost per kWh?",
      "SELECT SUM(cost_gbp) / SUM(kwh_used) FROM meter_readings"),
    C(M, 7, "effective price per kWh on each tariff (all the cost over all the kWh)",
      "SELECT tariff, SUM(cost_gbp) / SUM(kwh_used) FROM meter_readings GROUP BY tariff"),
    C(M, 7, "Average kWh per reading by month of the year",
      "SELECT CAST(strftime('%m', reading_date) AS INTEGER) AS month, AVG(kwh_used) FROM meter_readings "
      "GROUP BY month"),
    C(M, 7, "On average, how many fewer kWh per reading do solar households use than households without solar?",
      "SELECT AVG(CASE WHEN solar_panels = 'no' THEN kwh_used END) "
      "- AVG(CASE WHEN solar_panels = 'yes' THEN kwh_used END) "
      "FROM meter_readings"),
    C(M, 7, "percent change in total cost from 2023 to 2024",
      "SELECT (SUM(CASE WHEN reading_date LIKE '2024%' THEN cost_gbp END) - SUM(CASE WHEN reading_date LIKE '2023%' "
      "THEN cost_gbp END)) * 100.0 / SUM(CASE WHEN reading_date LIKE '2023%' THEN cost_gbp END) FROM meter_readings"),
    # 8: words about the chart
    C(M, 8, "Bar chart: cities on the x-axis, total kWh on the y-axis",
      "SELECT city, SUM(kwh_used) FROM meter_readings GROUP BY city", chart="bar"),
    C(M, 8, "Plot total cost month by month as a line",
      "SELECT strftime('%Y-%m', reading_date) AS month, SUM(cost_gbp) FROM meter_readings GROUP BY month",
      chart="line"),
    C(M, 8, "pie chart of households by tariff",
      "SELECT tariff, COUNT(DISTINCT household_id) FROM meter_readings GROUP BY tariff", chart="pie"),
    C(M, 8, "Make a bar chart with one bar per number of occupants, bar height = average kWh per reading",
      "SELECT occupants, AVG(kwh_used) FROM meter_readings GROUP BY occupants", chart="bar"),
    # 9: shape of the answer
    C(M, 9, "total kWh by quarter",
      "SELECT quarter(reading_date) AS q, SUM(kwh_used) FROM meter_readings GROUP BY q"),
    C(M, 9, "monthly spend for Newport",
      "SELECT strftime('%Y-%m', reading_date) AS month, SUM(cost_gbp) FROM meter_readings WHERE city = 'Newport' "
      "GROUP BY month"),
    C(M, 9, "yearly total cost",
      "SELECT CAST(strftime('%Y', reading_date) AS INTEGER) AS year, SUM(cost_gbp) FROM meter_readings "
      "GROUP BY year"),
    C(M, 9, "Which month of 2024 had the highest total kWh?",
      "SELECT month FROM (SELECT strftime('%Y-%m', reading_date) AS month, SUM(kwh_used) AS k FROM meter_readings "
      "WHERE reading_date LIKE '2024%' GROUP BY month ORDER BY k DESC LIMIT 1)"),
    # basic
    C(M, "basic", "Which city uses the most electricity?",
      "SELECT city FROM (SELECT city, SUM(kwh_used) AS k FROM meter_readings GROUP BY city ORDER BY k DESC LIMIT 1)"),
    C(M, "basic", "What was the highest single bill?",
      "SELECT MAX(cost_gbp) FROM meter_readings"),
    C(M, "basic", "What's the average number of occupants in a household?",
      "SELECT AVG(occupants) FROM " + _households("occupants")),
    C(M, "basic", "Which household used the least electricity overall?",
      "SELECT household_id FROM (SELECT household_id, SUM(kwh_used) AS k FROM meter_readings GROUP BY household_id "
      "ORDER BY k ASC LIMIT 1)"),
]

FLAGGED = [
    F(G, "Which member is most likely to cancel their membership next year?",
      "a forecast of churn: the table holds past visits only, nothing about cancellations"),
    F(G, "How much revenue did each club bring in?",
      "fees are a monthly plan price per member, not payments; nothing says which months were billed or ties a "
      "member's fee to one club (members visit several clubs)"),
    F(G, "what's the average time per member",
      "two readings that both fit: one figure (average per-member total, or average per visit) or a list by member"),
    F(G, "How satisfied are members with the Spin classes?",
      "no rating or satisfaction column"),
    F(M, "What's the average kWh per household?",
      "two readings that both fit: one figure (average per-household total or per reading) or a list by household"),
    F(M, "Which tariff is the best?",
      "names no measure: cheapest per kWh, lowest bills, greenest?"),
    F(M, "How much will household H012 pay next winter?",
      "a forecast beyond the data"),
    F(M, "How much CO2 did each city's households emit?",
      "no emissions column or carbon factor in the table"),
]
