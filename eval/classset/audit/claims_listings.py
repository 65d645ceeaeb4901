"""Audit set: an insurer's claims and a real-estate portal's listings (questions written blind).

insurance_claims (520 rows): a home and motor insurer (plus travel cover), one row per claim, data as of
2024-12-31. claim_id is unique (CLM-10001 ...); policy_number repeats over claims (215 policies, 137 of them
with more than one claim; a policy keeps its product line and region). product_line Home/Motor/Travel; region
one of 8 (North East, North West, Midlands, London, South East, South West, Wales, Scotland: names sharing the
prefixes North/South). incident_date and reported_date are ISO dates (reported on or after the incident, travel
claims often weeks later). settled_date is the date the claim was closed (paid or rejected) and is blank while
the claim is still open (56 open claims). amount_claimed in pounds; amount_paid is blank while the claim is
open, 0 when it was rejected, and the payout when settled (claimed amount less an excess, so 0 on 3 small
settled claims). status Open/Settled/Rejected; fraud_flagged yes/no; adjuster is the handler's name (names
sharing prefixes: Sam Patel, Samantha Reid, Sandra Okoye, Tom Becker, Tomasz Nowak, Maria Lopez, Marianne Holt).

property_listings (450 rows): a real-estate portal, one row per listing, data as of 2024-12-31. listing_id is
unique (L-5001 ...); agent repeats over listings (9 agents, names sharing prefixes Alex/Alexandra, Ben/Bethany,
Chris/Chrissy). neighbourhood one of 8 (Riverside, River Park, Old Town, Oldfield, Hillcrest, Hill Top, Central,
Harbourside). property_type flat/house/townhouse; bedrooms 0 (studio) to 5; floor_area_sqm in square metres;
asking_price and sold_price in pounds (sold minus asking is negative for most sales); sold_price, sold_date and
days_on_market are blank while the property is still listed (44 unsold: recent listings and a few that never
sold); days_on_market = sold_date - listed_date. has_garden TRUE/FALSE; energy_rating A-G.
"""
import random
from datetime import date, timedelta

from classset.case import C, T, F

AS_OF = date(2024, 12, 31)


def _day(rng, start, end):
    return start + timedelta(days=rng.randrange((end - start).days + 1))


REGIONS = ["North East", "North West", "Midlands", "London", "South East", "South West", "Wales", "Scotland"]
REGION_W = [8, 11, 12, 16, 14, 9, 6, 7]
ADJUSTERS = ["Sam Patel", "Samantha Reid", "Sandra Okoye", "Tom Becker", "Tomasz Nowak", "Maria Lopez",
             "Marianne Holt", "Ola Nilsen", "Priya Das"]
ADJ_W = [10, 9, 7, 8, 6, 9, 5, 7, 8]


def insurance_claims():
    rng = random.Random(8181)
    cols = [("claim_id", "TEXT"), ("policy_number", "TEXT"), ("product_line", "TEXT"), ("region", "TEXT"),
            ("incident_date", "TEXT"), ("reported_date", "TEXT"), ("settled_date", "TEXT"),
            ("amount_claimed", "REAL"), ("amount_paid", "REAL"), ("status", "TEXT"), ("fraud_flagged", "TEXT"),
            ("adjuster", "TEXT")]
    policies = []
    for p in range(300):
        line = rng.choices(["Motor", "Home", "Travel"], [50, 35, 15])[0]
        policies.append(("POL-%05d" % rng.randrange(20000, 99999), line, rng.choices(REGIONS, REGION_W)[0]))
    pol_w = [rng.choice([1, 1, 1, 2, 2, 3, 5]) for _ in policies]
    rows = []
    for i in range(520):
        pol, line, region = rng.choices(policies, pol_w)[0]
        incident = _day(rng, date(2023, 1, 1), date(2024, 12, 20))
        if line == "Travel":
            delay = rng.choice([1, 3, 5, 8, 12, 15, 21, 28, 35, 44])
        else:
            delay = rng.choices([0, 1, 2, 3, 5, 7, 14, 30], [20, 25, 15, 10, 8, 6, 3, 2])[0]
        reported = incident + timedelta(days=delay)
        if reported > AS_OF:
            reported = AS_OF
        if line == "Motor":
            claimed = rng.lognormvariate(7.8, 0.7)
        elif line == "Home":
            claimed = rng.lognormvariate(8.2, 0.9)
        else:
            claimed = rng.lognormvariate(6.4, 0.8)
        claimed = round(min(claimed, 85000) + rng.random(), 2)
        fraud = "yes" if rng.random() < 0.07 else "no"
        p_reject = 0.6 if fraud == "yes" else 0.1
        handling = rng.randint(6, 40) + int(rng.expovariate(1 / 45.0)) + (40 if claimed > 10000 else 0)
        decided = reported + timedelta(days=handling)
        if decided > AS_OF:
            status, settled, paid = "Open", None, None
        elif rng.random() < p_reject:
            status, settled, paid = "Rejected", decided.isoformat(), 0.0
        else:
            excess = {"Motor": 250, "Home": 350, "Travel": 100}[line]
            paid = round(max(claimed * rng.uniform(0.6, 1.0) - excess, 0) + 0.0, 2)
            status, settled = "Settled", decided.isoformat()
        rows.append([None, pol, line, region, incident.isoformat(), reported.isoformat(), settled, claimed, paid,
                     status, fraud, rng.choices(ADJUSTERS, ADJ_W)[0]])
    rows.sort(key=lambda r: (r[5], r[4], r[1]))
    for i, r in enumerate(rows):
        r[0] = "CLM-%d" % (10001 + i)
    return cols, rows


AGENTS = ["Alex Morgan", "Alexandra Price", "Ben Hughes", "Bethany Cole", "Chris Nolan", "Chrissy Vale",
          "Dev Shah", "Ella Byrne", "Finn Walsh"]
AGENT_W = [12, 9, 10, 7, 11, 6, 8, 9, 5]
HOODS = {"Riverside": 5200, "River Park": 4300, "Old Town": 6100, "Oldfield": 3400, "Hillcrest": 4700,
         "Hill Top": 3900, "Central": 6800, "Harbourside": 5600}
HOOD_W = [10, 8, 7, 9, 8, 6, 9, 7]
ENERGY_F = {"A": 1.06, "B": 1.04, "C": 1.02, "D": 1.0, "E": 0.97, "F": 0.94, "G": 0.9}


def property_listings():
    rng = random.Random(9292)
    cols = [("listing_id", "TEXT"), ("agent", "TEXT"), ("neighbourhood", "TEXT"), ("property_type", "TEXT"),
            ("bedrooms", "INTEGER"), ("floor_area_sqm", "INTEGER"), ("asking_price", "INTEGER"),
            ("sold_price", "INTEGER"), ("listed_date", "TEXT"), ("sold_date", "TEXT"), ("days_on_market", "INTEGER"),
            ("has_garden", "TEXT"), ("energy_rating", "TEXT")]
    rows = []
    hoods = list(HOODS)
    for i in range(450):
        agent = rng.choices(AGENTS, AGENT_W)[0]
        hood = rng.choices(hoods, HOOD_W)[0]
        ptype = rng.choices(["flat", "house", "townhouse"], [45, 30, 25])[0]
        if ptype == "flat":
            beds = rng.choices([0, 1, 2, 3], [2, 6, 6, 2])[0]
            area = 28 + beds * 21 + rng.randint(-4, 12)
            garden = rng.random() < 0.15
        elif ptype == "house":
            beds = rng.choices([2, 3, 4, 5], [3, 8, 5, 2])[0]
            area = 62 + beds * 24 + rng.randint(-8, 25)
            garden = rng.random() < 0.88
        else:
            beds = rng.choices([2, 3, 4], [4, 7, 3])[0]
            area = 55 + beds * 22 + rng.randint(-6, 16)
            garden = rng.random() < 0.6
        energy = rng.choices("ABCDEFG", [2, 8, 18, 22, 14, 6, 3])[0]
        tfac = {"flat": 1.05, "house": 0.95, "townhouse": 1.0}[ptype]
        price = area * HOODS[hood] * tfac * ENERGY_F[energy] * (1.04 if garden else 1.0) * rng.uniform(0.88, 1.12)
        asking = int(round(price / 5000.0)) * 5000
        listed = _day(rng, date(2023, 1, 2), date(2024, 12, 20))
        dom = 6 + int(rng.expovariate(1 / 45.0)) + (20 if asking > 700000 else 0)
        sold_on = listed + timedelta(days=dom)
        if sold_on > AS_OF or rng.random() < 0.04:
            sold_price, sold_date, dom = None, None, None
        else:
            sold_price = int(round(asking * rng.uniform(0.9, 1.05) / 500.0)) * 500
            sold_date = sold_on.isoformat()
        rows.append([None, agent, hood, ptype, beds, area, asking, sold_price, listed.isoformat(), sold_date, dom,
                     "TRUE" if garden else "FALSE", energy])
    rows.sort(key=lambda r: (r[8], r[1]))
    for i, r in enumerate(rows):
        r[0] = "L-%d" % (5001 + i)
    return cols, rows


TABLES = {"insurance_claims": insurance_claims, "property_listings": property_listings}

IC, PL = "insurance_claims", "property_listings"


_PEARSON = """SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y))
    / (sqrt(COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) * sqrt(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y)))
    FROM (SELECT %s AS x, %s AS y FROM %s WHERE %s)"""

CASES = [
    # ---- insurance_claims ---------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(IC, 1, "How many claims have come in from the Midlands?",
      "SELECT COUNT(*) FROM insurance_claims WHERE region = 'Midlands'"),
    C(IC, 1, "How many different policies have had at least one motor claim?",
      "SELECT COUNT(DISTINCT policy_number) FROM insurance_claims WHERE product_line = 'Motor'"),
    C(IC, 1, "How many policies have claimed more than once?",
      "SELECT COUNT(*) FROM (SELECT policy_number FROM insurance_claims GROUP BY policy_number HAVING COUNT(*) > 1)"),
    C(IC, 1, "How much have we paid out in total on home insurance claims?",
      "SELECT SUM(amount_paid) FROM insurance_claims WHERE product_line = 'Home'"),
    C(IC, 1, "how many adjusters have handled travel claims from London",
      "SELECT COUNT(DISTINCT adjuster) FROM insurance_claims WHERE product_line = 'Travel' AND region = 'London'"),
    # 2: per X
    C(IC, 2, "What's the average amount claimed per claim for each product line?",
      "SELECT product_line, AVG(amount_claimed) FROM insurance_claims GROUP BY product_line"),
    C(IC, 2, "Claims per adjuster",
      "SELECT adjuster, COUNT(*) FROM insurance_claims GROUP BY adjuster"),
    C(IC, 2, "On average, how many claims does a policy have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT policy_number) FROM insurance_claims"),
    C(IC, 2, "Average number of claims per policy in each product line",
      "SELECT product_line, COUNT(*) * 1.0 / COUNT(DISTINCT policy_number) FROM insurance_claims GROUP BY product_line"),
    C(IC, 2, "Total paid out per region on claims settled in 2024",
      "SELECT region, SUM(amount_paid) FROM insurance_claims WHERE status = 'Settled' AND settled_date LIKE '2024%'"
      " GROUP BY region"),
    # 3: lost filters
    C(IC, 3, "How many claims were not rejected?",
      "SELECT COUNT(*) FROM insurance_claims WHERE status <> 'Rejected'"),
    C(IC, 3, "What's the total amount claimed on home or travel policies in Scotland?",
      "SELECT SUM(amount_claimed) FROM insurance_claims WHERE product_line IN ('Home', 'Travel') AND region = 'Scotland'"),
    C(IC, 3, "Number of claims in each of the South regions",
      "SELECT region, COUNT(*) FROM insurance_claims WHERE region LIKE 'South%' GROUP BY region"),
    C(IC, 3, "Which adjusters have handled more than 60 claims?",
      "SELECT adjuster FROM insurance_claims GROUP BY adjuster HAVING COUNT(*) > 60"),
    C(IC, 3, "Which claims were for more than five times the average amount claimed? Give the claim id and the amount.",
      "SELECT claim_id, amount_claimed FROM insurance_claims"
      " WHERE amount_claimed > 5 * (SELECT AVG(amount_claimed) FROM insurance_claims)"),
    C(IC, 3, "How many claims over £10k are still open?",
      "SELECT COUNT(*) FROM insurance_claims WHERE amount_claimed > 10000 AND status = 'Open'"),
    # 4: explicit order and shape
    C(IC, 4, "Top 5 adjusters by total amount paid out",
      "SELECT adjuster, SUM(amount_paid) AS paid FROM insurance_claims GROUP BY adjuster ORDER BY paid DESC LIMIT 5",
      ordered=True),
    C(IC, 4, "List the regions by number of claims, fewest first",
      "SELECT region, COUNT(*) AS n FROM insurance_claims GROUP BY region ORDER BY n ASC", ordered=True),
    C(IC, 4, "Which 3 policies have claimed the most money in total?",
      "SELECT policy_number, SUM(amount_claimed) AS total FROM insurance_claims GROUP BY policy_number"
      " ORDER BY total DESC LIMIT 3", ordered=True),
    C(IC, 4, "Show the 10 biggest claims by amount claimed: claim id, product line and amount, largest first",
      "SELECT claim_id, product_line, amount_claimed FROM insurance_claims ORDER BY amount_claimed DESC LIMIT 10",
      ordered=True),
    C(IC, 4, "Rank the product lines by average amount claimed, highest to lowest",
      "SELECT product_line, AVG(amount_claimed) AS avg_claimed FROM insurance_claims GROUP BY product_line"
      " ORDER BY avg_claimed DESC", ordered=True),
    # 5: several columns, a series dimension, a scatter of aggregates
    C(IC, 5, "Number of claims by region and product line",
      "SELECT region, product_line, COUNT(*) FROM insurance_claims GROUP BY region, product_line"),
    C(IC, 5, "Stacked bar chart of claims reported per quarter, split by status",
      "SELECT quarter(reported_date), status, COUNT(*) FROM insurance_claims GROUP BY 1, 2",
      chart="bar", series=True),
    C(IC, 5, "For each product line show the total amount claimed and the total amount paid",
      "SELECT product_line, SUM(amount_claimed), SUM(amount_paid) FROM insurance_claims GROUP BY product_line"),
    C(IC, 5, "Scatter of total claimed against total paid, one point per adjuster",
      "SELECT adjuster, SUM(amount_claimed), SUM(amount_paid) FROM insurance_claims GROUP BY adjuster",
      chart="scatter"),
    C(IC, 5, "Line chart of claims reported each month in 2024, with one line for motor and one for home",
      "SELECT substr(reported_date, 1, 7), product_line, COUNT(*) FROM insurance_claims"
      " WHERE reported_date LIKE '2024%' AND product_line IN ('Motor', 'Home') GROUP BY 1, 2",
      chart="line", series=True),
    # 6: the analysis kind
    C(IC, 6, "Scatter plot of amount claimed vs amount paid for settled travel claims",
      "SELECT amount_claimed, amount_paid FROM insurance_claims WHERE product_line = 'Travel' AND status = 'Settled'",
      chart="scatter"),
    C(IC, 6, "Box plot of amount claimed by product line",
      "SELECT product_line, MIN(amount_claimed), median(amount_claimed), MAX(amount_claimed) FROM insurance_claims"
      " GROUP BY product_line", chart="box"),
    T(IC, 6, "Show me the distribution of claim amounts as a histogram", "distribution_plot", ["amount_claimed"],
      chart="histogram"),
    C(IC, 6, "Histogram of motor claim amounts under £10k, using £1,000 bins",
      "SELECT CAST(amount_claimed / 1000 AS INTEGER) * 1000 AS bin, COUNT(*) FROM insurance_claims"
      " WHERE product_line = 'Motor' AND amount_claimed < 10000 GROUP BY bin", chart="histogram"),
    C(IC, 6, "What's the correlation between amount claimed and amount paid on settled claims?",
      _PEARSON % ("amount_claimed", "amount_paid", "insurance_claims", "status = 'Settled'")),
    # 7: derived measures
    C(IC, 7, "Average number of days between the incident and the claim being reported, by product line",
      "SELECT product_line, AVG(julianday(reported_date) - julianday(incident_date)) FROM insurance_claims"
      " GROUP BY product_line"),
    C(IC, 7, "For settled claims, how many days does it take on average from being reported to being settled,"
      " per adjuster?",
      "SELECT adjuster, AVG(julianday(settled_date) - julianday(reported_date)) FROM insurance_claims"
      " WHERE status = 'Settled' GROUP BY adjuster"),
    C(IC, 7, "Running total of the amount paid out in 2024, month by month (by settlement month)",
      "SELECT m, SUM(paid) OVER (ORDER BY m) FROM (SELECT substr(settled_date, 1, 7) AS m, SUM(amount_paid) AS paid"
      " FROM insurance_claims WHERE settled_date LIKE '2024%' GROUP BY m) ORDER BY m", ordered=True),
    C(IC, 7, "Percent change in the number of claims reported from 2023 to 2024, for each product line",
      "SELECT product_line, (SUM(reported_date LIKE '2024%') - SUM(reported_date LIKE '2023%')) * 100.0"
      " / SUM(reported_date LIKE '2023%') FROM insurance_claims GROUP BY product_line"),
    C(IC, 7, "Which month of the year (1-12) has the most home claim incidents?",
      "SELECT CAST(substr(incident_date, 6, 2) AS INTEGER) AS m FROM insurance_claims WHERE product_line = 'Home'"
      " GROUP BY m ORDER BY COUNT(*) DESC LIMIT 1"),
    C(IC, 7, "Number of claims reported on each day of the week",
      "SELECT dayname(reported_date), COUNT(*) FROM insurance_claims GROUP BY 1"),
    # 8: words about the chart
    C(IC, 8, "Bar chart with region on the x axis and total amount paid on the y axis",
      "SELECT region, SUM(amount_paid) FROM insurance_claims GROUP BY region", chart="bar"),
    C(IC, 8, "Plot the number of claims reported each month as a line chart",
      "SELECT substr(reported_date, 1, 7) AS m, COUNT(*) FROM insurance_claims GROUP BY m ORDER BY m",
      ordered=True, chart="line"),
    C(IC, 8, "Pie chart of claims by status",
      "SELECT status, COUNT(*) FROM insurance_claims GROUP BY status", chart="pie"),
    C(IC, 8, "Visualize the average claimed amount for each adjuster as bars",
      "SELECT adjuster, AVG(amount_claimed) FROM insurance_claims GROUP BY adjuster", chart="bar"),
    C(IC, 8, "Display a histogram of home claim amounts below £15,000 with a bin width of 2500",
      "SELECT CAST(amount_claimed / 2500 AS INTEGER) * 2500 AS bin, COUNT(*) FROM insurance_claims"
      " WHERE product_line = 'Home' AND amount_claimed < 15000 GROUP BY bin", chart="histogram"),
    # 9: the shape of the answer
    C(IC, 9, "What's the total amount paid out across all claims?",
      "SELECT SUM(amount_paid) FROM insurance_claims"),
    C(IC, 9, "Which claim has the largest amount claimed? Just give me the claim id.",
      "SELECT claim_id FROM insurance_claims ORDER BY amount_claimed DESC LIMIT 1"),
    C(IC, 9, "Which region has the highest average claim amount?",
      "SELECT region FROM insurance_claims GROUP BY region ORDER BY AVG(amount_claimed) DESC LIMIT 1"),
    C(IC, 9, "Give me the number of open claims and the total amount claimed on them",
      "SELECT COUNT(*), SUM(amount_claimed) FROM insurance_claims WHERE status = 'Open'"),
    C(IC, 9, "What is the earliest incident date among claims that are still open?",
      "SELECT MIN(incident_date) FROM insurance_claims WHERE status = 'Open'"),
    # basic
    C(IC, "basic", "Which adjuster has the most open claims?",
      "SELECT adjuster FROM insurance_claims WHERE status = 'Open' GROUP BY adjuster ORDER BY COUNT(*) DESC LIMIT 1"),
    C(IC, "basic", "How much have we paid on claims that were flagged for fraud?",
      "SELECT SUM(amount_paid) FROM insurance_claims WHERE fraud_flagged = 'yes'"),
    C(IC, "basic", "What percentage of all claims have been rejected?",
      "SELECT SUM(status = 'Rejected') * 100.0 / COUNT(*) FROM insurance_claims"),
    C(IC, "basic", "What's the average travel claim amount?",
      "SELECT AVG(amount_claimed) FROM insurance_claims WHERE product_line = 'Travel'"),
    C(IC, "basic", "How many claims were reported in December 2024?",
      "SELECT COUNT(*) FROM insurance_claims WHERE reported_date LIKE '2024-12%'"),

    # ---- property_listings --------------------------------------------------------------------------------
    # 1
    C(PL, 1, "How many listings does Ella Byrne have?",
      "SELECT COUNT(*) FROM property_listings WHERE agent = 'Ella Byrne'"),
    C(PL, 1, "How many properties have been sold?",
      "SELECT COUNT(*) FROM property_listings WHERE sold_price IS NOT NULL"),
    C(PL, 1, "How many bedrooms are there in total across the houses listed in Old Town?",
      "SELECT SUM(bedrooms) FROM property_listings WHERE property_type = 'house' AND neighbourhood = 'Old Town'"),
    C(PL, 1, "How many agents have listed a townhouse in Harbourside?",
      "SELECT COUNT(DISTINCT agent) FROM property_listings WHERE property_type = 'townhouse'"
      " AND neighbourhood = 'Harbourside'"),
    C(PL, 1, "How many square metres of floor space are still on the market in Central?",
      "SELECT SUM(floor_area_sqm) FROM property_listings WHERE sold_date IS NULL AND neighbourhood = 'Central'"),
    # 2
    C(PL, 2, "Average asking price per neighbourhood",
      "SELECT neighbourhood, AVG(asking_price) FROM property_listings GROUP BY neighbourhood"),
    C(PL, 2, "listings per agent",
      "SELECT agent, COUNT(*) FROM property_listings GROUP BY agent"),
    C(PL, 2, "What's the average number of listings per agent?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT agent) FROM property_listings"),
    C(PL, 2, "Average days on market per property type",
      "SELECT property_type, AVG(days_on_market) FROM property_listings GROUP BY property_type"),
    C(PL, 2, "What's the average floor area per number of bedrooms?",
      "SELECT bedrooms, AVG(floor_area_sqm) FROM property_listings GROUP BY bedrooms"),
    # 3
    C(PL, 3, "How many listings don't have a garden?",
      "SELECT COUNT(*) FROM property_listings WHERE has_garden = 'FALSE'"),
    C(PL, 3, "Average asking price of flats in Riverside or River Park",
      "SELECT AVG(asking_price) FROM property_listings WHERE property_type = 'flat'"
      " AND neighbourhood IN ('Riverside', 'River Park')"),
    C(PL, 3, "How many listings are there in the neighbourhoods whose names start with 'Hill'?",
      "SELECT COUNT(*) FROM property_listings WHERE neighbourhood LIKE 'Hill%'"),
    C(PL, 3, "Which neighbourhoods have an average asking price above £600,000?",
      "SELECT neighbourhood FROM property_listings GROUP BY neighbourhood HAVING AVG(asking_price) > 600000"),
    C(PL, 3, "How many properties sold for less than the asking price?",
      "SELECT COUNT(*) FROM property_listings WHERE sold_price < asking_price"),
    C(PL, 3, "List the listings over 130 m² with an asking price under £500k: id, neighbourhood, floor area and price",
      "SELECT listing_id, neighbourhood, floor_area_sqm, asking_price FROM property_listings"
      " WHERE floor_area_sqm > 130 AND asking_price < 500000"),
    # 4
    C(PL, 4, "Top 3 agents by number of properties sold",
      "SELECT agent, COUNT(*) AS n FROM property_listings WHERE sold_price IS NOT NULL GROUP BY agent"
      " ORDER BY n DESC LIMIT 3", ordered=True),
    C(PL, 4, "Rank the neighbourhoods by median sold price, highest first",
      "SELECT neighbourhood, median(sold_price) AS med FROM property_listings WHERE sold_price IS NOT NULL"
      " GROUP BY neighbourhood ORDER BY med DESC", ordered=True),
    C(PL, 4, "The 5 most expensive listings by asking price: listing id, neighbourhood and asking price",
      "SELECT listing_id, neighbourhood, asking_price FROM property_listings ORDER BY asking_price DESC LIMIT 5",
      ordered=True),
    C(PL, 4, "Sort the property types by average days on market, quickest to sell first",
      "SELECT property_type, AVG(days_on_market) AS d FROM property_listings GROUP BY property_type ORDER BY d ASC",
      ordered=True),
    C(PL, 4, "Which 3 neighbourhoods have the fewest listings?",
      "SELECT neighbourhood, COUNT(*) AS n FROM property_listings GROUP BY neighbourhood ORDER BY n ASC LIMIT 3",
      ordered=True),
    # 5
    C(PL, 5, "Count of listings by property type and energy rating",
      "SELECT property_type, energy_rating, COUNT(*) FROM property_listings GROUP BY property_type, energy_rating"),
    C(PL, 5, "For each neighbourhood, how many listings have sold and how many are still on the market?",
      "SELECT neighbourhood, SUM(sold_date IS NOT NULL), SUM(sold_date IS NULL) FROM property_listings"
      " GROUP BY neighbourhood"),
    C(PL, 5, "Scatter plot of average floor area vs average asking price, one dot per neighbourhood",
      "SELECT neighbourhood, AVG(floor_area_sqm), AVG(asking_price) FROM property_listings GROUP BY neighbourhood",
      chart="scatter"),
    C(PL, 5, "Line chart of new listings per month in 2024, one line per property type",
      "SELECT substr(listed_date, 1, 7), property_type, COUNT(*) FROM property_listings"
      " WHERE listed_date LIKE '2024%' GROUP BY 1, 2", chart="line", series=True),
    C(PL, 5, "Grouped bar chart of average asking price by number of bedrooms, houses vs flats",
      "SELECT bedrooms, property_type, AVG(asking_price) FROM property_listings"
      " WHERE property_type IN ('house', 'flat') GROUP BY 1, 2", chart="bar", series=True),
    # 6
    C(PL, 6, "Scatter plot of floor area against asking price for townhouses",
      "SELECT floor_area_sqm, asking_price FROM property_listings WHERE property_type = 'townhouse'",
      chart="scatter"),
    C(PL, 6, "Box plot of days on market for each property type",
      "SELECT property_type, MIN(days_on_market), median(days_on_market), MAX(days_on_market) FROM property_listings"
      " WHERE days_on_market IS NOT NULL GROUP BY property_type", chart="box"),
    T(PL, 6, "Histogram of asking prices", "distribution_plot", ["asking_price"], chart="histogram"),
    C(PL, 6, "Is floor area correlated with asking price? Give me the correlation coefficient.",
      _PEARSON % ("floor_area_sqm", "asking_price", "property_listings", "1")),
    C(PL, 6, "box plot of sold prices by neighbourhood",
      "SELECT neighbourhood, MIN(sold_price), median(sold_price), MAX(sold_price) FROM property_listings"
      " WHERE sold_price IS NOT NULL GROUP BY neighbourhood", chart="box"),
    # 7
    C(PL, 7, "For each sold listing take the sold price as a percentage of the asking price; what's the average"
      " of that per property type?",
      "SELECT property_type, AVG(sold_price * 100.0 / asking_price) FROM property_listings"
      " WHERE sold_price IS NOT NULL GROUP BY property_type"),
    C(PL, 7, "Work out the asking price per square metre for every listing and average it by neighbourhood",
      "SELECT neighbourhood, AVG(asking_price * 1.0 / floor_area_sqm) FROM property_listings GROUP BY neighbourhood"),
    C(PL, 7, "How many new listings came on in each quarter?",
      "SELECT quarter(listed_date), COUNT(*) FROM property_listings GROUP BY 1"),
    C(PL, 7, "Cumulative number of properties sold, month by month, in 2024",
      "SELECT m, SUM(n) OVER (ORDER BY m) FROM (SELECT substr(sold_date, 1, 7) AS m, COUNT(*) AS n"
      " FROM property_listings WHERE sold_date LIKE '2024%' GROUP BY m) ORDER BY m", ordered=True),
    C(PL, 7, "Percent change in average sold price from 2023 to 2024 for each property type, by year of sale",
      "SELECT property_type, (AVG(CASE WHEN sold_date LIKE '2024%' THEN sold_price END)"
      " - AVG(CASE WHEN sold_date LIKE '2023%' THEN sold_price END)) * 100.0"
      " / AVG(CASE WHEN sold_date LIKE '2023%' THEN sold_price END) FROM property_listings GROUP BY property_type"),
    C(PL, 7, "On which day of the week do most listings go live?",
      "SELECT dayname(listed_date) AS d FROM property_listings GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1"),
    # 8
    C(PL, 8, "Bar chart: neighbourhood on the x axis, number of listings on the y axis",
      "SELECT neighbourhood, COUNT(*) FROM property_listings GROUP BY neighbourhood", chart="bar"),
    C(PL, 8, "Plot the average sold price by month of sale as a line",
      "SELECT substr(sold_date, 1, 7) AS m, AVG(sold_price) FROM property_listings WHERE sold_date IS NOT NULL"
      " GROUP BY m ORDER BY m", ordered=True, chart="line"),
    C(PL, 8, "Pie chart showing listings by energy rating",
      "SELECT energy_rating, COUNT(*) FROM property_listings GROUP BY energy_rating", chart="pie"),
    C(PL, 8, "Show a histogram of days on market, in 30-day bins, for the properties that sold in under 240 days",
      "SELECT CAST(days_on_market / 30 AS INTEGER) * 30 AS bin, COUNT(*) FROM property_listings"
      " WHERE days_on_market < 240 GROUP BY bin", chart="histogram"),
    C(PL, 8, "Bar graph of the percentage of listings with a garden, per property type",
      "SELECT property_type, SUM(has_garden = 'TRUE') * 100.0 / COUNT(*) FROM property_listings"
      " GROUP BY property_type", chart="bar"),
    # 9
    C(PL, 9, "What's the median asking price across all listings?",
      "SELECT median(asking_price) FROM property_listings"),
    C(PL, 9, "Which agent has the most expensive listing by asking price?",
      "SELECT agent FROM property_listings ORDER BY asking_price DESC LIMIT 1"),
    C(PL, 9, "In Oldfield, how many listings are there and how many have sold?",
      "SELECT COUNT(*), SUM(sold_date IS NOT NULL) FROM property_listings WHERE neighbourhood = 'Oldfield'"),
    C(PL, 9, "What's the most common property type?",
      "SELECT property_type FROM property_listings GROUP BY property_type ORDER BY COUNT(*) DESC LIMIT 1"),
    C(PL, 9, "What's the longest any property took to sell, in days?",
      "SELECT MAX(days_on_market) FROM property_listings"),
    # basic
    C(PL, "basic", "Which neighbourhood sells fastest on average, going by days on market?",
      "SELECT neighbourhood FROM property_listings WHERE days_on_market IS NOT NULL GROUP BY neighbourhood"
      " ORDER BY AVG(days_on_market) ASC LIMIT 1"),
    C(PL, "basic", "What was the total value of properties sold in 2024?",
      "SELECT SUM(sold_price) FROM property_listings WHERE sold_date LIKE '2024%'"),
    C(PL, "basic", "What's the average asking price for a 3-bedroom house?",
      "SELECT AVG(asking_price) FROM property_listings WHERE property_type = 'house' AND bedrooms = 3"),
    C(PL, "basic", "How many listings are still on the market?",
      "SELECT COUNT(*) FROM property_listings WHERE sold_date IS NULL"),
    C(PL, "basic", "What percentage of listings have an energy rating of A or B?",
      "SELECT SUM(energy_rating IN ('A', 'B')) * 100.0 / COUNT(*) FROM property_listings"),
    C(PL, "basic", "Which agent has sold the most by total sale value?",
      "SELECT agent FROM property_listings WHERE sold_price IS NOT NULL GROUP BY agent ORDER BY SUM(sold_price) DESC"
      " LIMIT 1"),
]

FLAGGED = [
    F(IC, "What's our loss ratio for each product line?",
      "a loss ratio needs earned premiums, which the table does not have"),
    F(IC, "How many claims should we expect next month?", "a forecast"),
    F(IC, "Why are home claims in London so expensive?", "asks for a cause"),
    F(IC, "Which adjusters are too slow?", "'too slow' has no threshold (and no measure of speed is named)"),
    F(PL, "Which listings have off-street parking?", "no parking column"),
    F(PL, "What will the average house in Central sell for next year?", "a forecast"),
    F(PL, "Why do flats take longer to sell than houses?", "asks for a cause"),
    F(PL, "What's the average price in each neighbourhood?",
      "ambiguous measure: asking price or sold price (sold only for sold listings)"),
]
