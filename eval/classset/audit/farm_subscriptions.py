"""Audit tables and questions written blind: a group of farms' field harvests and a SaaS app's subscriptions.

harvest_yields (350 rows, seed 5151): one row per field per harvest, seasons 2017-2024. Five farms (Green Valley,
Green Hollow, Greenway Acres, Hillcrest, Riverside: three names share the prefix "Green") with 50 fields in all;
`field_id` (GV-01, GH-03, ...) repeats over the seasons, and some fields lie fallow in a season (no row).
`season` is the harvest year (integer); winter wheat is planted the previous October, other crops in spring.
`planted_on`, `harvested_on` are ISO dates; `harvested_on` is BLANK when the harvest failed (nothing was
lifted). `area_ha` is the field's area in hectares (fixed per field), `yield_tonnes` the tonnes harvested from
the whole field, also BLANK when the harvest failed (drought, hail, flooding: the crop was written off).
`irrigated` is Yes/No (fixed per field), `rainfall_mm` the growing-season rainfall, `net_return_usd` revenue
minus costs in US dollars, negative for a failed harvest and for a poor one. Seven crops: Winter Wheat, Spring
Wheat, Barley, Maize, Soybeans, Canola, Potatoes.

app_subscriptions (470 rows, seed 6262): one row per subscription of a SaaS app, snapshot taken 2024-12-31.
`customer_id` (CU-xxxx) repeats when a customer cancelled and later subscribed again (424 customers).
`plan` is Starter, Team, Pro, Pro Plus or Enterprise ("Pro" and "Pro Plus" share a prefix); `country` one of
eight; `billing_cycle` Monthly/Annual; `started_on` and `cancelled_on` ISO dates, `cancelled_on` BLANK while the
subscription is still active. `monthly_price_usd` is what the whole subscription costs per month (all seats,
after the annual-billing discount; the monthly recurring revenue of a subscription), `seats` the licensed
users, `auto_renew` TRUE/FALSE, `account_balance_usd` the open balance: positive = unpaid invoices, negative = a
credit the company owes the customer, 0 = settled.

Histograms are all asked with a bin width (no tools cases). Gold follows eval/README.md's conventions.
"""
import random
from datetime import date, timedelta

from ..case import C, F


def _day(rng, start, end):
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _money(x):
    return round(x + 1e-9, 2)


FARMS = [("Green Valley", "GV", 11, 0.7), ("Green Hollow", "GH", 9, 0.3), ("Greenway Acres", "GA", 10, 0.5),
         ("Hillcrest", "HC", 8, 0.0), ("Riverside", "RS", 12, 0.9)]
# crop: (planting window (month, day) start, days window, growing days lo-hi, base t/ha, price per tonne USD,
#        cost per ha USD, prior-year planting)
CROPS = {"Winter Wheat": ((10, 1), 40, (270, 300), 7.2, 230, 820, True),
         "Spring Wheat": ((3, 25), 35, (115, 135), 5.4, 245, 760, False),
         "Barley": ((3, 20), 40, (100, 125), 5.9, 205, 700, False),
         "Maize": ((4, 20), 30, (140, 170), 9.6, 190, 1150, False),
         "Soybeans": ((5, 5), 30, (120, 145), 3.1, 440, 640, False),
         "Canola": ((4, 10), 30, (125, 150), 3.4, 520, 780, False),
         "Potatoes": ((4, 1), 35, (110, 140), 38.0, 160, 4300, False)}
CROP_W = [6, 3, 4, 5, 4, 3, 2]
SEASON_RAIN = {2017: 0.9, 2018: 0.72, 2019: 1.05, 2020: 0.95, 2021: 1.18, 2022: 0.64, 2023: 1.0, 2024: 1.1}


def harvest_yields():
    rng = random.Random(5151)
    cols = [("harvest_id", "TEXT"), ("farm", "TEXT"), ("field_id", "TEXT"), ("crop", "TEXT"),
            ("season", "INTEGER"), ("planted_on", "TEXT"), ("harvested_on", "TEXT"), ("area_ha", "REAL"),
            ("yield_tonnes", "REAL"), ("irrigated", "TEXT"), ("rainfall_mm", "INTEGER"),
            ("net_return_usd", "REAL")]
    fields = []
    for farm, code, n, irr_share in FARMS:
        for k in range(n):
            fields.append((farm, "%s-%02d" % (code, k + 1), round(rng.uniform(4, 62), 1),
                           rng.random() < irr_share))
    rows = []
    for season in range(2017, 2025):
        for farm, fid, area, irrigated in fields:
            if rng.random() < 0.12:
                continue  # fallow this season
            crop = rng.choices(list(CROPS), CROP_W)[0]
            (pm, pd), win, (glo, ghi), base, price, cost, prior = CROPS[crop]
            start = date(season - 1 if prior else season, pm, pd)
            planted = start + timedelta(days=rng.randrange(win))
            harvested = planted + timedelta(days=rng.randint(glo, ghi))
            rain = int(round(rng.gauss(520, 90) * SEASON_RAIN[season]))
            water = 1.0 if irrigated else min(1.15, max(0.45, 0.55 + 0.45 * rain / 520.0))
            failed = rng.random() < (0.02 + (0.07 if season == 2022 and not irrigated else 0))
            if failed:
                yld = None
                ret = _money(-cost * area * rng.uniform(0.8, 1.0))
            else:
                t_ha = base * water * rng.uniform(0.78, 1.15)
                yld = round(t_ha * area, 1)
                ret = _money(yld * price * rng.uniform(0.7, 1.1) - cost * area * (1.08 if irrigated else 1.0))
            rows.append([None, farm, fid, crop, season, planted.isoformat(),
                         harvested.isoformat() if yld is not None else None, area, yld,
                         "Yes" if irrigated else "No", rain, ret])
    rows.sort(key=lambda r: (r[4], r[5], r[2]))
    for i, r in enumerate(rows):
        r[0] = "HV-%04d" % (i + 1)
    return cols, rows


PLANS = {"Starter": (12, 1, 3), "Team": (39, 3, 10), "Pro": (89, 5, 25), "Pro Plus": (149, 10, 60),
         "Enterprise": (399, 25, 250)}
PLAN_W = [30, 28, 22, 12, 8]
COUNTRIES = ["United States", "United Kingdom", "Germany", "France", "Canada", "Brazil", "India", "Australia"]
COUNTRY_W = [30, 12, 11, 7, 8, 6, 9, 6]


def app_subscriptions():
    rng = random.Random(6262)
    cols = [("subscription_id", "TEXT"), ("customer_id", "TEXT"), ("plan", "TEXT"), ("country", "TEXT"),
            ("billing_cycle", "TEXT"), ("started_on", "TEXT"), ("cancelled_on", "TEXT"),
            ("monthly_price_usd", "REAL"), ("seats", "INTEGER"), ("auto_renew", "TEXT"),
            ("account_balance_usd", "REAL")]
    snapshot = date(2024, 12, 31)
    rows = []
    cust = 0
    pending = []
    while len(rows) < 470:
        if pending and rng.random() < 0.5:
            cid, country, after = pending.pop(rng.randrange(len(pending)))
            start = after + timedelta(days=rng.randint(20, 240))
            if start > snapshot:
                continue
        else:
            cust += 1
            cid, country = "CU-%04d" % (1000 + cust * 7 % 9000), rng.choices(COUNTRIES, COUNTRY_W)[0]
            start = _day(rng, date(2022, 1, 1), snapshot)
        plan = rng.choices(list(PLANS), PLAN_W)[0]
        base, slo, shi = PLANS[plan]
        seats = rng.randint(slo, shi) if plan != "Starter" else rng.choice([1, 1, 1, 2, 3])
        billing = rng.choices(["Monthly", "Annual"], [6, 4] if plan in ("Starter", "Team") else [4, 6])[0]
        per_seat = base if plan != "Enterprise" else base / 10.0
        price = per_seat * (seats if plan != "Starter" else 1) * (0.8 if billing == "Annual" else 1.0)
        if plan in ("Pro", "Pro Plus", "Team"):
            price = base * (0.8 if billing == "Annual" else 1.0) + (seats - slo) * base * 0.15
        price = _money(price)
        churn_daily = (0.0016 if billing == "Monthly" else 0.0007) * (1.6 if plan == "Starter" else 1.0)
        life = int(rng.expovariate(churn_daily))
        if billing == "Annual":
            life = max(life, 330)
        end = start + timedelta(days=max(life, 14))
        cancelled = end if end <= snapshot else None
        if cancelled and rng.random() < 0.3:
            pending.append((cid, country, cancelled))
        auto = "FALSE" if cancelled and rng.random() < 0.6 else ("TRUE" if rng.random() < 0.85 else "FALSE")
        bal = 0.0
        r = rng.random()
        if r < 0.15:
            bal = _money(-rng.uniform(5, 0.6 * price + 10))  # credit owed to the customer
        elif r < 0.30:
            bal = _money(rng.uniform(5, price))  # unpaid invoice
        rows.append([None, cid, plan, country, billing, start.isoformat(),
                     cancelled.isoformat() if cancelled else None, price, seats, auto, bal])
    rows.sort(key=lambda r: (r[5], r[1]))
    for i, r in enumerate(rows):
        r[0] = "SUB-%05d" % (i + 1)
    return cols, rows



TABLES = {"harvest_yields": harvest_yields, "app_subscriptions": app_subscriptions}

H, S = "harvest_yields", "app_subscriptions"

CASES = [
    # ---- harvest_yields -------------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(H, 1, "How many fields does Riverside have?",
      "SELECT COUNT(DISTINCT field_id) FROM harvest_yields WHERE farm = 'Riverside'"),
    C(H, 1, "How many hectares of maize were planted for the 2023 season?",
      "SELECT SUM(area_ha) FROM harvest_yields WHERE crop = 'Maize' AND season = 2023"),
    C(H, 1, "how many tonnes of potatoes have we harvested in total",
      "SELECT SUM(yield_tonnes) FROM harvest_yields WHERE crop = 'Potatoes'"),
    C(H, 1, "How many harvests failed altogether?",
      "SELECT COUNT(*) FROM harvest_yields WHERE yield_tonnes IS NULL"),
    C(H, 1, "How many different crops has Green Hollow grown over the years?",
      "SELECT COUNT(DISTINCT crop) FROM harvest_yields WHERE farm = 'Green Hollow'"),
    # 2: "per X"
    C(H, 2, "Total tonnes harvested per farm",
      "SELECT farm, SUM(yield_tonnes) FROM harvest_yields GROUP BY farm"),
    C(H, 2, "What was the average growing-season rainfall per season?",
      "SELECT season, AVG(rainfall_mm) FROM harvest_yields GROUP BY season"),
    C(H, 2, "On average, how many harvests do we have on record per field?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT field_id) FROM harvest_yields"),
    C(H, 2, "Average net return per harvest for each farm, in dollars",
      "SELECT farm, AVG(net_return_usd) FROM harvest_yields GROUP BY farm"),
    C(H, 2, "For each crop in 2024, what were the overall tonnes per hectare (total tonnes divided by total "
            "hectares), counting only fields that actually produced a harvest?",
      "SELECT crop, SUM(yield_tonnes) / SUM(area_ha) FROM harvest_yields WHERE season = 2024 "
      "AND yield_tonnes IS NOT NULL GROUP BY crop"),
    # 3: lost filters
    C(H, 3, "Which harvests lost money? List the field, the season and the net return.",
      "SELECT field_id, season, net_return_usd FROM harvest_yields WHERE net_return_usd < 0"),
    C(H, 3, "How many harvests on non-irrigated fields got less than 400 mm of rain?",
      "SELECT COUNT(*) FROM harvest_yields WHERE irrigated = 'No' AND rainfall_mm < 400"),
    C(H, 3, "Total wheat tonnage by season, winter and spring wheat together",
      "SELECT season, SUM(yield_tonnes) FROM harvest_yields WHERE crop IN ('Winter Wheat', 'Spring Wheat') "
      "GROUP BY season"),
    C(H, 3, "Which crops have more than 40 harvests on record?",
      "SELECT crop FROM harvest_yields GROUP BY crop HAVING COUNT(*) > 40"),
    C(H, 3, "Leaving out failed harvests, how many maize harvests brought in more tonnes than the average maize "
            "harvest?",
      "SELECT COUNT(*) FROM harvest_yields WHERE crop = 'Maize' AND yield_tonnes > "
      "(SELECT AVG(yield_tonnes) FROM harvest_yields WHERE crop = 'Maize')"),
    C(H, 3, "How many tonnes of soybeans did Green Valley or Hillcrest harvest?",
      "SELECT SUM(yield_tonnes) FROM harvest_yields WHERE crop = 'Soybeans' "
      "AND farm IN ('Green Valley', 'Hillcrest')"),
    C(H, 3, "In 2020, how many harvests were neither maize nor potatoes?",
      "SELECT COUNT(*) FROM harvest_yields WHERE season = 2020 AND crop NOT IN ('Maize', 'Potatoes')"),
    # 4: explicit order and shape
    C(H, 4, "Top 5 fields by total tonnes harvested across all seasons",
      "SELECT field_id, SUM(yield_tonnes) AS t FROM harvest_yields GROUP BY field_id ORDER BY t DESC LIMIT 5",
      ordered=True),
    C(H, 4, "Rank the farms by total net return, highest to lowest.",
      "SELECT farm, SUM(net_return_usd) AS r FROM harvest_yields GROUP BY farm ORDER BY r DESC", ordered=True),
    C(H, 4, "List the crops alphabetically with the number of harvests of each",
      "SELECT crop, COUNT(*) FROM harvest_yields GROUP BY crop ORDER BY crop", ordered=True),
    C(H, 4, "Which 3 seasons had the lowest average rainfall? Lowest first.",
      "SELECT season, AVG(rainfall_mm) AS r FROM harvest_yields GROUP BY season ORDER BY r ASC LIMIT 3",
      ordered=True),
    C(H, 4, "show me the 8 largest fields by area, biggest first",
      "SELECT field_id, MAX(area_ha) AS a FROM harvest_yields GROUP BY field_id ORDER BY a DESC LIMIT 8",
      ordered=True),
    # 5: several columns / series / scatter of aggregates
    C(H, 5, "Break down total tonnes harvested by farm and crop",
      "SELECT farm, crop, SUM(yield_tonnes) FROM harvest_yields GROUP BY farm, crop"),
    C(H, 5, "Bar chart of the number of harvests each season, split into irrigated and rain-fed fields",
      "SELECT season, irrigated, COUNT(*) FROM harvest_yields GROUP BY season, irrigated", chart="bar",
      series=True),
    C(H, 5, "For each crop show the number of harvests, the total hectares and the total tonnes",
      "SELECT crop, COUNT(*), SUM(area_ha), SUM(yield_tonnes) FROM harvest_yields GROUP BY crop"),
    C(H, 5, "Scatter plot of average rainfall against total tonnes harvested, one point per season",
      "SELECT season, AVG(rainfall_mm), SUM(yield_tonnes) FROM harvest_yields GROUP BY season",
      chart="scatter"),
    C(H, 5, "Line chart of total net return by season with one line per farm",
      "SELECT season, farm, SUM(net_return_usd) FROM harvest_yields GROUP BY season, farm", chart="line",
      series=True),
    # 6: the analysis kind
    C(H, 6, "Scatter plot of rainfall vs tonnes per hectare for each harvest on non-irrigated maize fields "
            "(leave out failed harvests)",
      "SELECT rainfall_mm, yield_tonnes / area_ha FROM harvest_yields WHERE crop = 'Maize' "
      "AND irrigated = 'No' AND yield_tonnes IS NOT NULL", chart="scatter"),
    C(H, 6, "Box plot of net return by crop",
      "SELECT crop, MIN(net_return_usd), median(net_return_usd), MAX(net_return_usd) FROM harvest_yields "
      "GROUP BY crop", chart="box"),
    C(H, 6, "What's the correlation between rainfall and tonnes per hectare for winter wheat on the fields "
            "that aren't irrigated? Ignore failed harvests.",
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * "
      "sqrt(AVG(y * y) - AVG(y) * AVG(y))) FROM (SELECT rainfall_mm * 1.0 AS x, yield_tonnes / area_ha AS y "
      "FROM harvest_yields WHERE crop = 'Winter Wheat' AND irrigated = 'No' AND yield_tonnes IS NOT NULL)",
      tolerance=1e-4),
    C(H, 6, "Histogram of growing-season rainfall in 100 mm bins",
      "SELECT (rainfall_mm / 100) * 100 AS b, COUNT(*) FROM harvest_yields GROUP BY b", chart="histogram"),
    C(H, 6, "box plot of field sizes in hectares for each farm, counting each field once",
      "SELECT farm, MIN(area_ha), median(area_ha), MAX(area_ha) FROM (SELECT DISTINCT farm, field_id, area_ha "
      "FROM harvest_yields) GROUP BY farm", chart="box"),
    # 7: derived measures
    C(H, 7, "Average number of days from planting to harvest for each crop",
      "SELECT crop, AVG(julianday(harvested_on) - julianday(planted_on)) FROM harvest_yields GROUP BY crop"),
    C(H, 7, "Running total of tonnes harvested by season",
      "SELECT season, SUM(SUM(yield_tonnes)) OVER (ORDER BY season) FROM harvest_yields GROUP BY season",
      ordered=True),
    C(H, 7, "What was the percent change in total potato tonnage from 2023 to 2024?",
      "SELECT (SUM(CASE WHEN season = 2024 THEN yield_tonnes END) - SUM(CASE WHEN season = 2023 THEN "
      "yield_tonnes END)) * 100.0 / SUM(CASE WHEN season = 2023 THEN yield_tonnes END) FROM harvest_yields "
      "WHERE crop = 'Potatoes'"),
    C(H, 7, "Count the harvests by month of the year in which they were harvested",
      "SELECT CAST(strftime('%m', harvested_on) AS INTEGER) AS m, COUNT(*) FROM harvest_yields "
      "WHERE harvested_on IS NOT NULL GROUP BY m"),
    C(H, 7, "Tonnes per hectare for every harvest of field RS-04, by season",
      "SELECT season, yield_tonnes / area_ha FROM harvest_yields WHERE field_id = 'RS-04'"),
    C(H, 7, "On which days of the week does planting happen? Give the number of plantings per weekday.",
      "SELECT dayname(planted_on) AS d, COUNT(*) FROM harvest_yields GROUP BY d"),
    # 8: words about the chart
    C(H, 8, "Plot total tonnes per crop as bars, crops along the x axis",
      "SELECT crop, SUM(yield_tonnes) FROM harvest_yields GROUP BY crop", chart="bar"),
    C(H, 8, "Visualize the average rainfall by season as a line, season on the x-axis and millimetres on the "
            "y-axis",
      "SELECT season, AVG(rainfall_mm) FROM harvest_yields GROUP BY season ORDER BY season", chart="line",
      ordered=True),
    C(H, 8, "Pie chart of the hectares planted in 2024 by farm",
      "SELECT farm, SUM(area_ha) FROM harvest_yields WHERE season = 2024 GROUP BY farm", chart="pie"),
    C(H, 8, "Display the number of failed harvests per farm as a bar chart",
      "SELECT farm, COUNT(*) FROM harvest_yields WHERE yield_tonnes IS NULL GROUP BY farm", chart="bar"),
    C(H, 8, "Histogram of tonnes per hectare for the maize harvests, bins 1 tonne wide",
      "SELECT CAST(yield_tonnes / area_ha AS INTEGER) AS b, COUNT(*) FROM harvest_yields WHERE crop = 'Maize' "
      "AND yield_tonnes IS NOT NULL GROUP BY b", chart="histogram"),
    # 9: the shape of the answer
    C(H, 9, "What was the best harvest ever in tonnes per hectare for barley? Tell me the field, the season and "
            "the figure.",
      "SELECT field_id, season, yield_tonnes / area_ha AS r FROM harvest_yields WHERE crop = 'Barley' "
      "AND yield_tonnes IS NOT NULL ORDER BY r DESC LIMIT 1"),
    C(H, 9, "Which farm has the most land?",
      "SELECT farm FROM (SELECT DISTINCT farm, field_id, area_ha FROM harvest_yields) GROUP BY farm "
      "ORDER BY SUM(area_ha) DESC LIMIT 1"),
    C(H, 9, "What is the total area we cropped in 2024, in hectares? Just the number please.",
      "SELECT SUM(area_ha) FROM harvest_yields WHERE season = 2024"),
    C(H, 9, "When was the earliest planting on record?",
      "SELECT MIN(planted_on) FROM harvest_yields"),
    C(H, 9, "Which season had the highest total net return?",
      "SELECT season FROM harvest_yields GROUP BY season ORDER BY SUM(net_return_usd) DESC LIMIT 1"),
    # basic
    C(H, "basic", "What was our total net return across all farms in 2024?",
      "SELECT SUM(net_return_usd) FROM harvest_yields WHERE season = 2024"),
    C(H, "basic", "Which crop makes the most money per harvest on average?",
      "SELECT crop FROM harvest_yields GROUP BY crop ORDER BY AVG(net_return_usd) DESC LIMIT 1"),
    C(H, "basic", "Compare the average net return per harvest of irrigated and non-irrigated fields",
      "SELECT irrigated, AVG(net_return_usd) FROM harvest_yields GROUP BY irrigated"),
    C(H, "basic", "Which fields have grown potatoes at some point?",
      "SELECT DISTINCT field_id FROM harvest_yields WHERE crop = 'Potatoes'"),
    C(H, "basic", "What's the average rainfall at Riverside?",
      "SELECT AVG(rainfall_mm) FROM harvest_yields WHERE farm = 'Riverside'"),
    C(H, "basic", "For each farm, how many harvests failed and what was the total net return of those failed "
                  "harvests?",
      "SELECT farm, COUNT(*), SUM(net_return_usd) FROM harvest_yields WHERE yield_tonnes IS NULL GROUP BY farm"),

    # ---- app_subscriptions ----------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(S, 1, "How many customers have ever subscribed?",
      "SELECT COUNT(DISTINCT customer_id) FROM app_subscriptions"),
    C(S, 1, "How many subscriptions are active right now?",
      "SELECT COUNT(*) FROM app_subscriptions WHERE cancelled_on IS NULL"),
    C(S, 1, "How many seats do our active Enterprise subscriptions have?",
      "SELECT SUM(seats) FROM app_subscriptions WHERE plan = 'Enterprise' AND cancelled_on IS NULL"),
    C(S, 1, "How many customers in Germany have cancelled at least once?",
      "SELECT COUNT(DISTINCT customer_id) FROM app_subscriptions WHERE country = 'Germany' "
      "AND cancelled_on IS NOT NULL"),
    C(S, 1, "how many new subscriptions did we sign up in 2023",
      "SELECT COUNT(*) FROM app_subscriptions WHERE started_on LIKE '2023%'"),
    # 2: "per X"
    C(S, 2, "Average number of seats per plan",
      "SELECT plan, AVG(seats) FROM app_subscriptions GROUP BY plan"),
    C(S, 2, "Monthly recurring revenue per country from the active subscriptions",
      "SELECT country, SUM(monthly_price_usd) FROM app_subscriptions WHERE cancelled_on IS NULL GROUP BY country"),
    C(S, 2, "How many subscriptions does a customer have on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer_id) FROM app_subscriptions"),
    C(S, 2, "Number of cancellations per billing cycle",
      "SELECT billing_cycle, COUNT(cancelled_on) FROM app_subscriptions GROUP BY billing_cycle"),
    C(S, 2, "What's the average monthly price per subscription in each country?",
      "SELECT country, AVG(monthly_price_usd) FROM app_subscriptions GROUP BY country"),
    # 3: lost filters
    C(S, 3, "List the subscriptions where we owe the customer a credit (negative balance), with the "
            "subscription id and the balance",
      "SELECT subscription_id, account_balance_usd FROM app_subscriptions WHERE account_balance_usd < 0"),
    C(S, 3, "How many active subscriptions are not set to auto-renew?",
      "SELECT COUNT(*) FROM app_subscriptions WHERE cancelled_on IS NULL AND auto_renew = 'FALSE'"),
    C(S, 3, "How many subscriptions are on the Pro plan? Not Pro Plus, just Pro.",
      "SELECT COUNT(*) FROM app_subscriptions WHERE plan = 'Pro'"),
    C(S, 3, "Which countries have more than 40 subscriptions?",
      "SELECT country FROM app_subscriptions GROUP BY country HAVING COUNT(*) > 40"),
    C(S, 3, "How many subscriptions cost more per month than the average subscription?",
      "SELECT COUNT(*) FROM app_subscriptions WHERE monthly_price_usd > "
      "(SELECT AVG(monthly_price_usd) FROM app_subscriptions)"),
    C(S, 3, "What's the combined monthly price of the active subscriptions in Canada or Australia?",
      "SELECT SUM(monthly_price_usd) FROM app_subscriptions WHERE cancelled_on IS NULL "
      "AND country IN ('Canada', 'Australia')"),
    C(S, 3, "How many customers in India or Brazil cancelled during 2024?",
      "SELECT COUNT(DISTINCT customer_id) FROM app_subscriptions WHERE country IN ('India', 'Brazil') "
      "AND cancelled_on LIKE '2024%'"),
    # 4: explicit order and shape
    C(S, 4, "Top 3 countries by number of active subscriptions",
      "SELECT country, COUNT(*) AS n FROM app_subscriptions WHERE cancelled_on IS NULL GROUP BY country "
      "ORDER BY n DESC LIMIT 3", ordered=True),
    C(S, 4, "List the plans from most to least expensive by average monthly price",
      "SELECT plan, AVG(monthly_price_usd) AS p FROM app_subscriptions GROUP BY plan ORDER BY p DESC",
      ordered=True),
    C(S, 4, "Show the 5 active subscriptions with the highest monthly price: customer id and price, highest "
            "first",
      "SELECT customer_id, monthly_price_usd FROM app_subscriptions WHERE cancelled_on IS NULL "
      "ORDER BY monthly_price_usd DESC LIMIT 5", ordered=True),
    C(S, 4, "Which 3 countries have the most customers? Most first.",
      "SELECT country, COUNT(DISTINCT customer_id) AS n FROM app_subscriptions GROUP BY country "
      "ORDER BY n DESC LIMIT 3", ordered=True),
    C(S, 4, "Rank the plans by total seats sold, highest first",
      "SELECT plan, SUM(seats) AS s FROM app_subscriptions GROUP BY plan ORDER BY s DESC", ordered=True),
    # 5: several columns / series / scatter of aggregates
    C(S, 5, "Break down the subscriptions by plan and billing cycle",
      "SELECT plan, billing_cycle, COUNT(*) FROM app_subscriptions GROUP BY plan, billing_cycle"),
    C(S, 5, "Stacked bar chart of new subscriptions per year, stacked by plan",
      "SELECT CAST(substr(started_on, 1, 4) AS INTEGER) AS y, plan, COUNT(*) FROM app_subscriptions "
      "GROUP BY y, plan", chart="bar", series=True),
    C(S, 5, "For each country give me the number of subscriptions, the total seats and the average monthly price",
      "SELECT country, COUNT(*), SUM(seats), AVG(monthly_price_usd) FROM app_subscriptions GROUP BY country"),
    C(S, 5, "Scatter of average seats against average monthly price, one dot per plan",
      "SELECT plan, AVG(seats), AVG(monthly_price_usd) FROM app_subscriptions GROUP BY plan", chart="scatter"),
    C(S, 5, "Line chart of new subscriptions per quarter, one line for monthly billing and one for annual",
      "SELECT quarter(started_on) AS q, billing_cycle, COUNT(*) FROM app_subscriptions GROUP BY q, billing_cycle",
      chart="line", series=True),
    # 6: the analysis kind
    C(S, 6, "Box plot of monthly price by billing cycle",
      "SELECT billing_cycle, MIN(monthly_price_usd), median(monthly_price_usd), MAX(monthly_price_usd) "
      "FROM app_subscriptions GROUP BY billing_cycle", chart="box"),
    C(S, 6, "Scatter plot of seats vs monthly price for the Pro Plus subscriptions",
      "SELECT seats, monthly_price_usd FROM app_subscriptions WHERE plan = 'Pro Plus'", chart="scatter"),
    C(S, 6, "How strongly are seats and monthly price correlated on the Enterprise plan?",
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * "
      "sqrt(AVG(y * y) - AVG(y) * AVG(y))) FROM (SELECT seats * 1.0 AS x, monthly_price_usd AS y "
      "FROM app_subscriptions WHERE plan = 'Enterprise')", tolerance=1e-4),
    C(S, 6, "Histogram of how long cancelled subscriptions lasted, in days, with 90-day bins",
      "SELECT CAST((julianday(cancelled_on) - julianday(started_on)) / 90 AS INTEGER) * 90 AS b, COUNT(*) "
      "FROM app_subscriptions WHERE cancelled_on IS NOT NULL GROUP BY b", chart="histogram"),
    C(S, 6, "box plot of seats for each plan",
      "SELECT plan, MIN(seats), median(seats), MAX(seats) FROM app_subscriptions GROUP BY plan", chart="box"),
    # 7: derived measures
    C(S, 7, "Average subscription length in days for cancelled subscriptions, by plan",
      "SELECT plan, AVG(julianday(cancelled_on) - julianday(started_on)) FROM app_subscriptions "
      "WHERE cancelled_on IS NOT NULL GROUP BY plan"),
    C(S, 7, "New subscriptions per month in 2024",
      "SELECT substr(started_on, 1, 7) AS m, COUNT(*) FROM app_subscriptions WHERE started_on LIKE '2024%' "
      "GROUP BY m"),
    C(S, 7, "Running total of new subscriptions by quarter",
      "SELECT quarter(started_on) AS q, SUM(COUNT(*)) OVER (ORDER BY quarter(started_on)) FROM app_subscriptions "
      "GROUP BY q", ordered=True),
    C(S, 7, "By what percent did the number of new subscriptions change from 2022 to 2024?",
      "SELECT (SUM(started_on LIKE '2024%') - SUM(started_on LIKE '2022%')) * 100.0 / SUM(started_on LIKE '2022%') "
      "FROM app_subscriptions"),
    C(S, 7, "What share of subscriptions on each plan have been cancelled?",
      "SELECT plan, COUNT(cancelled_on) * 1.0 / COUNT(*) FROM app_subscriptions GROUP BY plan"),
    C(S, 7, "Cancellations by day of the week",
      "SELECT dayname(cancelled_on) AS d, COUNT(*) FROM app_subscriptions WHERE cancelled_on IS NOT NULL "
      "GROUP BY d"),
    # 8: words about the chart
    C(S, 8, "Bar chart of active subscriptions per plan, plans on the x axis",
      "SELECT plan, COUNT(*) FROM app_subscriptions WHERE cancelled_on IS NULL GROUP BY plan", chart="bar"),
    C(S, 8, "Pie chart showing how our subscriptions split by country",
      "SELECT country, COUNT(*) FROM app_subscriptions GROUP BY country", chart="pie"),
    C(S, 8, "Plot the monthly signups for 2023 as a line, months on the x-axis",
      "SELECT substr(started_on, 1, 7) AS m, COUNT(*) FROM app_subscriptions WHERE started_on LIKE '2023%' "
      "GROUP BY m ORDER BY m", chart="line", ordered=True),
    C(S, 8, "Visualize the total seats by country with bars",
      "SELECT country, SUM(seats) FROM app_subscriptions GROUP BY country", chart="bar"),
    C(S, 8, "Histogram of the monthly price of Team subscriptions, bin width $10",
      "SELECT CAST(monthly_price_usd / 10 AS INTEGER) * 10 AS b, COUNT(*) FROM app_subscriptions "
      "WHERE plan = 'Team' GROUP BY b", chart="histogram"),
    # 9: the shape of the answer
    C(S, 9, "Which plan has the most subscriptions?",
      "SELECT plan FROM app_subscriptions GROUP BY plan ORDER BY COUNT(*) DESC LIMIT 1"),
    C(S, 9, "When did the most recent cancellation happen?",
      "SELECT MAX(cancelled_on) FROM app_subscriptions"),
    C(S, 9, "Which customer has paid the most per month on a single subscription, and how much?",
      "SELECT customer_id, monthly_price_usd FROM app_subscriptions ORDER BY monthly_price_usd DESC LIMIT 1"),
    C(S, 9, "Do annual or monthly subscriptions have more seats on average? Just tell me which billing cycle.",
      "SELECT billing_cycle FROM app_subscriptions GROUP BY billing_cycle ORDER BY AVG(seats) DESC LIMIT 1"),
    C(S, 9, "What is the date of the very first subscription?",
      "SELECT MIN(started_on) FROM app_subscriptions"),
    # basic
    C(S, "basic", "What's our current monthly recurring revenue?",
      "SELECT SUM(monthly_price_usd) FROM app_subscriptions WHERE cancelled_on IS NULL"),
    C(S, "basic", "What's the total of unpaid balances (positive balances) across all subscriptions?",
      "SELECT SUM(account_balance_usd) FROM app_subscriptions WHERE account_balance_usd > 0"),
    C(S, "basic", "How many customers came back and subscribed again after cancelling?",
      "SELECT COUNT(*) FROM (SELECT customer_id FROM app_subscriptions GROUP BY customer_id HAVING COUNT(*) > 1)"),
    C(S, "basic", "Which country brings in the most monthly revenue from active subscriptions?",
      "SELECT country FROM app_subscriptions WHERE cancelled_on IS NULL GROUP BY country "
      "ORDER BY SUM(monthly_price_usd) DESC LIMIT 1"),
    C(S, "basic", "How many subscriptions were cancelled in 2024?",
      "SELECT COUNT(*) FROM app_subscriptions WHERE cancelled_on LIKE '2024%'"),
    C(S, "basic", "Average monthly price of an active Enterprise subscription",
      "SELECT AVG(monthly_price_usd) FROM app_subscriptions WHERE plan = 'Enterprise' AND cancelled_on IS NULL"),
]

FLAGGED = [
    F(H, "What did we spend on fertilizer per hectare on each field?",
      "no fertilizer or cost-breakdown column: only the net return"),
    F(H, "What will the maize yield be next season?", "a forecast"),
    F(H, "Why did so many fields lose money in 2022?", "a cause: the table records outcomes, not reasons"),
    F(H, "Which fields are the most productive?",
      "ambiguous measure: total tonnes, tonnes per hectare or net return, over which seasons"),
    F(S, "What are the most common reasons customers give for cancelling?", "no cancellation-reason column"),
    F(S, "How many active subscriptions will we have by the end of 2025?", "a forecast"),
    F(S, "Which of our customers are high value?", "a vague word with no threshold or measure"),
    F(S, "What's the average revenue per customer?",
      "ambiguous: current monthly revenue per active customer, or lifetime revenue per customer (which needs "
      "months billed), over all customers or active ones"),
]
