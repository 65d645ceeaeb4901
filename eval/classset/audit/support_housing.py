"""Audit set written blind: a help-desk ticket log and a home-listings table, with questions worded the way
business users and analysts type them (terse, chatty, some asking for charts).

Tables: support_tickets (500 rows), home_listings (350 rows). Fixed seeds; same code, same rows.
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T  # noqa: F401  (T unused: this set has no tools cases)

# ---- support_tickets -----------------------------------------------------------------------------------------

CUSTOMERS = [
    "Acme Corp", "Apex Logistics", "Atlas Foods", "Aurora Health", "Beacon Labs", "Bluebird", "Brightline",
    "Birch Analytics", "Cascade Retail", "Cedar Point Bank", "Clearwater", "Cobalt Systems", "Crescent Media",
    "Delta Freight", "Dune Studios", "Evergreen Tech", "Falcon Air", "Fjord Capital", "Foxglove", "Granite Works",
    "Harbor Insurance", "Helix Bio", "Horizon Travel", "Ironclad", "Juniper Tech", "Kestrel", "Keystone Legal",
    "Lumen Energy", "Maple Schools", "Meridian", "Monarch Hotels", "Nimbus Cloud", "Northwind Traders", "Nova Tech",
    "Oakridge Clinic", "Orbit Games", "Pinnacle", "Polaris Mining", "Quartz Studio", "Quill Publishing", "Redwood",
    "Riverstone", "Sable Security", "Sapphire Salons", "Summit Outdoors", "Tandem Bikes", "Tech Harbor",
    "Tidewater Co", "Umbra Design", "Unity Charities", "Vanguard Motors", "Vertex", "Willow Farms", "Wavelength",
    "Xenon Labs", "Yellowstone Tours", "Zephyr Wind", "Zenith Dental", "Blue Mesa", "Copperleaf"]

AGENTS = {
    "Billing": ["Sofia Reyes", "Marcus Lee", "Hannah Berg"],
    "Technical": ["Arjun Patel", "Emily Tran", "Diego Alvarez"],
    "Onboarding": ["Nora Quinn", "Tobias Wolf", "Leila Haddad"],
    "Security": ["Victor Chen", "Grace O'Neil", "Sam Okoro"],
}


def support_tickets():
    rng = random.Random(4207)
    cols = [("ticket_id", "TEXT"), ("opened_at", "TEXT"), ("closed_at", "TEXT"), ("customer", "TEXT"),
            ("plan_tier", "TEXT"), ("team", "TEXT"), ("agent", "TEXT"), ("priority", "TEXT"), ("channel", "TEXT"),
            ("satisfaction_score", "INTEGER"), ("reopened", "TEXT"), ("first_response_minutes", "REAL")]
    tiers = {c: rng.choices(["Free", "Pro", "Enterprise"], [4, 4, 2])[0] for c in CUSTOMERS}
    cust_weights = [rng.choice([1, 1, 2, 2, 3, 4, 6]) for _ in CUSTOMERS]
    start, end = datetime(2024, 1, 1), datetime(2025, 12, 31, 23, 59, 59)
    span = int((end - start).total_seconds())
    rows = []
    for _ in range(500):
        opened = start + timedelta(seconds=rng.randrange(span))
        # business hours more likely
        if rng.random() < 0.7:
            opened = opened.replace(hour=rng.randrange(8, 18))
        customer = rng.choices(CUSTOMERS, cust_weights)[0]
        tier = tiers[customer]
        team = rng.choices(list(AGENTS), [30, 35, 20, 15])[0]
        agent = rng.choices(AGENTS[team], [rng.choice([3, 4, 5]) for _ in range(3)])[0]
        priority = rng.choices(["Low", "Medium", "High", "Urgent"], [30, 38, 20, 12])[0]
        channel = rng.choices(["email", "chat", "phone"], [45, 32, 23])[0]
        base = {"email": 95, "chat": 12, "phone": 4}[channel]
        speed = {"Low": 1.6, "Medium": 1.0, "High": 0.6, "Urgent": 0.3}[priority]
        frt = round(rng.uniform(0.4, 2.2) * base * speed + rng.uniform(0.5, 6), 1)
        hours = rng.expovariate(1 / {"Low": 70, "Medium": 40, "High": 18, "Urgent": 6}[priority])
        hours *= {"Billing": 0.8, "Technical": 1.4, "Onboarding": 1.0, "Security": 1.2}[team]
        closed = opened + timedelta(seconds=int(hours * 3600) + rng.randrange(600, 3600))
        still_open = closed > end - timedelta(days=10) or rng.random() < 0.05
        reopened = "yes" if rng.random() < (0.18 if team == "Technical" else 0.09) else "no"
        if still_open or rng.random() < 0.3:
            score = None
        else:
            p = 4.3 - 0.012 * min(hours, 120) - (0.8 if reopened == "yes" else 0) + (0.3 if tier == "Enterprise" else 0)
            score = max(1, min(5, int(round(p + rng.gauss(0, 0.9)))))
        rows.append([None, opened.strftime("%Y-%m-%d %H:%M:%S"),
                     None if still_open else closed.strftime("%Y-%m-%d %H:%M:%S"), customer, tier, team, agent,
                     priority, channel, score, reopened, frt])
    rows.sort(key=lambda r: r[1])
    for i, r in enumerate(rows):
        r[0] = "T-%d" % (10001 + i)
    return cols, rows


# ---- home_listings -------------------------------------------------------------------------------------------

CITIES = {
    "Austin": (420, ["Mueller", "Zilker", "Hyde Park", "East Cesar Chavez"]),
    "Denver": (390, ["Highland", "Park Hill", "Baker", "Northfield"]),
    "San Diego": (560, ["North Park", "La Jolla", "Clairemont", "Point Loma"]),
    "Portland": (360, ["Alberta Arts", "Sellwood", "Laurelhurst", "North Tabor"]),
    "Nashville": (300, ["East Nashville", "Germantown", "Sylvan Park", "The Nations"]),
    "Raleigh": (250, ["Five Points", "Oakwood", "North Hills", "Cameron Village"]),
}


def home_listings():
    rng = random.Random(8821)
    cols = [("listing_id", "TEXT"), ("city", "TEXT"), ("neighborhood", "TEXT"), ("property_type", "TEXT"),
            ("bedrooms", "INTEGER"), ("bathrooms", "REAL"), ("sqft", "INTEGER"), ("list_price", "INTEGER"),
            ("sold_price", "INTEGER"), ("listed_on", "TEXT"), ("sold_on", "TEXT"), ("days_on_market", "INTEGER"),
            ("has_garage", "TEXT"), ("agent_commission_pct", "REAL")]
    start, last = date(2023, 1, 1), date(2025, 12, 31)
    rows = []
    for _ in range(350):
        city = rng.choices(list(CITIES), [16, 15, 18, 17, 18, 16])[0]
        per_sqft, hoods = CITIES[city]
        hood = rng.choice(hoods)
        ptype = rng.choices(["Condo", "Townhouse", "Single Family", "Duplex"], [28, 22, 40, 10])[0]
        beds = {"Condo": rng.choice([1, 1, 2, 2, 3]), "Townhouse": rng.choice([2, 3, 3, 4]),
                "Single Family": rng.choice([2, 3, 3, 4, 4, 5]), "Duplex": rng.choice([4, 4, 5, 6])}[ptype]
        baths = max(1.0, min(4.5, round((beds * 0.75 + rng.choice([-0.5, 0, 0, 0.5, 1.0])) * 2) / 2))
        sqft = int(beds * rng.uniform(380, 620) + rng.uniform(150, 450))
        premium = {"La Jolla": 1.45, "Zilker": 1.2, "Laurelhurst": 1.15, "Germantown": 1.1, "Highland": 1.1,
                   "Five Points": 1.05}.get(hood, 1.0)
        ptype_f = {"Condo": 1.08, "Townhouse": 1.0, "Single Family": 1.05, "Duplex": 0.92}[ptype]
        garage = "TRUE" if rng.random() < {"Condo": 0.35, "Townhouse": 0.7, "Single Family": 0.85,
                                           "Duplex": 0.5}[ptype] else "FALSE"
        price = sqft * per_sqft * premium * ptype_f * rng.uniform(0.85, 1.2) + (15000 if garage == "TRUE" else 0)
        list_price = int(round(price / 100.0)) * 100 - rng.choice([0, 0, 100, 1100])
        listed = start + timedelta(days=rng.randrange((last - start).days + 1))
        dom = int(rng.expovariate(1 / 38)) + 3
        sold = listed + timedelta(days=dom)
        if sold > last or rng.random() < 0.2:
            sold_price = sold_on = dom = None
        else:
            sold_price = int(round(list_price * rng.uniform(0.93, 1.05) / 100.0)) * 100
            sold_on = sold.isoformat()
        commission = rng.choice([2.0, 2.25, 2.5, 2.5, 2.75, 3.0, 3.0])
        rows.append([None, city, hood, ptype, beds, baths, sqft, list_price, sold_price, listed.isoformat(),
                     sold_on, dom, garage, commission])
    rows.sort(key=lambda r: r[9])
    for i, r in enumerate(rows):
        r[0] = "L-%d" % (2001 + i)
    return cols, rows


TABLES = {"support_tickets": support_tickets, "home_listings": home_listings}


ST, HL = "support_tickets", "home_listings"
HOURS = "(julianday(closed_at) - julianday(opened_at)) * 24"

CASES = [
    # ---- support_tickets ---------------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(ST, 1, "How many tickets did we get in 2024?",
      "SELECT COUNT(*) AS tickets FROM support_tickets WHERE strftime('%Y', opened_at) = '2024'"),
    C(ST, 1, "how many customers contacted the Security team?",
      "SELECT COUNT(DISTINCT customer) AS customers FROM support_tickets WHERE team = 'Security'"),
    C(ST, 1, "number of tickets that got reopened",
      "SELECT COUNT(*) AS tickets FROM support_tickets WHERE reopened = 'yes'"),
    C(ST, 1, "How many Enterprise customers have raised at least one urgent ticket?",
      "SELECT COUNT(DISTINCT customer) AS customers FROM support_tickets "
      "WHERE plan_tier = 'Enterprise' AND priority = 'Urgent'"),
    # 2: per X
    C(ST, 2, "average first response time per ticket",
      "SELECT AVG(first_response_minutes) AS avg_first_response FROM support_tickets"),
    C(ST, 2, "avg first response minutes per channel",
      "SELECT channel, AVG(first_response_minutes) AS avg_first_response FROM support_tickets GROUP BY channel"),
    C(ST, 2, "On average, how many tickets does a customer open?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer) AS tickets_per_customer FROM support_tickets"),
    C(ST, 2, "tickets per agent",
      "SELECT agent, COUNT(*) AS tickets FROM support_tickets GROUP BY agent"),
    C(ST, 2, "what's the average satisfaction score per plan tier?",
      "SELECT plan_tier, AVG(satisfaction_score) AS avg_satisfaction FROM support_tickets GROUP BY plan_tier"),
    # 3: filters
    C(ST, 3, "How many tickets are still open?",
      "SELECT COUNT(*) AS open_tickets FROM support_tickets WHERE closed_at IS NULL"),
    C(ST, 3, "Which urgent tickets are still open? Give me the ticket id, customer and agent.",
      "SELECT ticket_id, customer, agent FROM support_tickets WHERE priority = 'Urgent' AND closed_at IS NULL"),
    C(ST, 3, "Which agents have handled more than 45 tickets?",
      "SELECT agent FROM support_tickets GROUP BY agent HAVING COUNT(*) > 45"),
    C(ST, 3, "How many tickets came from customers with 'Tech' in their name?",
      "SELECT COUNT(*) AS tickets FROM support_tickets WHERE customer LIKE '%Tech%'"),
    C(ST, 3, "ticket count by team, leaving out Billing",
      "SELECT team, COUNT(*) AS tickets FROM support_tickets WHERE team <> 'Billing' GROUP BY team"),
    C(ST, 3, "Which agents have an average first response time above the overall average?",
      "SELECT agent FROM support_tickets GROUP BY agent "
      "HAVING AVG(first_response_minutes) > (SELECT AVG(first_response_minutes) FROM support_tickets)"),
    C(ST, 3, "How many tickets waited more than 2 hours for a first response?",
      "SELECT COUNT(*) AS tickets FROM support_tickets WHERE first_response_minutes > 120"),
    # 4: explicit order and shape
    C(ST, 4, "top 3 customers by ticket volume",
      "SELECT customer, COUNT(*) AS tickets FROM support_tickets GROUP BY customer ORDER BY tickets DESC LIMIT 3"),
    C(ST, 4, "Show me the open tickets, oldest first",
      "SELECT ticket_id, opened_at FROM support_tickets WHERE closed_at IS NULL ORDER BY opened_at",
      ordered=True),
    C(ST, 4, "Rank the agents by average first response time, fastest first",
      "SELECT agent, AVG(first_response_minutes) AS avg_first_response FROM support_tickets GROUP BY agent "
      "ORDER BY avg_first_response ASC", ordered=True),
    C(ST, 4, "List our Enterprise customers alphabetically",
      "SELECT DISTINCT customer FROM support_tickets WHERE plan_tier = 'Enterprise' ORDER BY customer",
      ordered=True),
    C(ST, 4, "3 slowest first responses on urgent tickets - ticket id and minutes",
      "SELECT ticket_id, first_response_minutes FROM support_tickets WHERE priority = 'Urgent' "
      "ORDER BY first_response_minutes DESC LIMIT 3"),
    C(ST, 4, "bottom 2 agents by number of closed tickets",
      "SELECT agent, COUNT(*) AS closed_tickets FROM support_tickets WHERE closed_at IS NOT NULL "
      "GROUP BY agent ORDER BY closed_tickets ASC LIMIT 2"),
    # 5: several columns, two grouping keys, stacked or grouped charts
    C(ST, 5, "ticket count by team and priority",
      "SELECT team, priority, COUNT(*) AS tickets FROM support_tickets GROUP BY team, priority"),
    C(ST, 5, "stacked bar chart of tickets by channel, split by priority",
      "SELECT channel, priority, COUNT(*) AS tickets FROM support_tickets GROUP BY channel, priority",
      chart="bar", series=True),
    C(ST, 5, "For each team, show the average first response time and the average satisfaction score",
      "SELECT team, AVG(first_response_minutes) AS avg_first_response, AVG(satisfaction_score) AS avg_satisfaction "
      "FROM support_tickets GROUP BY team"),
    C(ST, 5, "Can you do a grouped bar chart of average satisfaction by plan tier and channel?",
      "SELECT plan_tier, channel, AVG(satisfaction_score) AS avg_satisfaction FROM support_tickets "
      "GROUP BY plan_tier, channel", chart="bar", series=True),
    # 6: analysis kind
    C(ST, 6, "Scatter plot of first response minutes vs satisfaction score for Security team tickets",
      "SELECT first_response_minutes, satisfaction_score FROM support_tickets "
      "WHERE team = 'Security' AND satisfaction_score IS NOT NULL", chart="scatter"),
    T(ST, 6, "histogram of first response minutes for phone tickets", "distribution_plot",
      ["first_response_minutes"], chart="histogram"),
    C(ST, 6, "box plot of first response time by channel, urgent tickets only",
      "SELECT channel, MIN(first_response_minutes), median(first_response_minutes), MAX(first_response_minutes) "
      "FROM support_tickets WHERE priority = 'Urgent' GROUP BY channel", chart="box"),
    C(ST, 6, "Do busier agents get worse scores? Scatter each agent's ticket count against their average "
      "satisfaction.",
      "SELECT COUNT(*) AS tickets, AVG(satisfaction_score) AS avg_satisfaction FROM support_tickets GROUP BY agent",
      chart="scatter"),
    # 7: derived measures
    C(ST, 7, "median resolution hrs by team",
      "SELECT team, median(" + HOURS + ") AS median_hours FROM support_tickets WHERE closed_at IS NOT NULL "
      "GROUP BY team"),
    C(ST, 7, "What percentage of tickets were reopened?",
      "SELECT 100.0 * SUM(reopened = 'yes') / COUNT(*) AS pct_reopened FROM support_tickets"),
    C(ST, 7, "which day of the week do we get the fewest tickets on?",
      "SELECT dayname(opened_at) AS weekday, COUNT(*) AS tickets FROM support_tickets GROUP BY weekday "
      "ORDER BY tickets ASC LIMIT 1"),
    C(ST, 7, "average number of days to close a ticket, by priority",
      "SELECT priority, AVG(julianday(closed_at) - julianday(opened_at)) AS avg_days FROM support_tickets "
      "WHERE closed_at IS NOT NULL GROUP BY priority"),
    C(ST, 7, "how many tickets come in at each hour of the day?",
      "SELECT CAST(strftime('%H', opened_at) AS INTEGER) AS hour, COUNT(*) AS tickets FROM support_tickets "
      "GROUP BY hour"),
    C(ST, 7, "Of the tickets that got a survey response, what % scored 4 or 5? Break it out by team.",
      "SELECT team, 100.0 * SUM(satisfaction_score >= 4) / COUNT(satisfaction_score) AS pct_satisfied "
      "FROM support_tickets WHERE satisfaction_score IS NOT NULL GROUP BY team"),
    # 8: words about the chart
    C(ST, 8, "Bar chart of ticket count by team",
      "SELECT team, COUNT(*) AS tickets FROM support_tickets GROUP BY team", chart="bar"),
    C(ST, 8, "plot monthly ticket volume as a line",
      "SELECT strftime('%Y-%m', opened_at) AS month, COUNT(*) AS tickets FROM support_tickets GROUP BY month",
      chart="line"),
    C(ST, 8, "pie chart of tickets by channel",
      "SELECT channel, COUNT(*) AS tickets FROM support_tickets GROUP BY channel", chart="pie"),
    C(ST, 8, "Bars with the agents along the x axis and their average first response time on the y axis",
      "SELECT agent, AVG(first_response_minutes) AS avg_first_response FROM support_tickets GROUP BY agent",
      chart="bar"),
    # 9: shape of the answer (time grain)
    C(ST, 9, "tickets opened per quarter",
      "SELECT quarter(opened_at) AS quarter, COUNT(*) AS tickets FROM support_tickets GROUP BY quarter"),
    C(ST, 9, "monthly average satisfaction in 2025",
      "SELECT strftime('%Y-%m', opened_at) AS month, AVG(satisfaction_score) AS avg_satisfaction "
      "FROM support_tickets WHERE strftime('%Y', opened_at) = '2025' GROUP BY month"),
    C(ST, 9, "Line chart of urgent tickets by month for 2024",
      "SELECT strftime('%Y-%m', opened_at) AS month, COUNT(*) AS tickets FROM support_tickets "
      "WHERE priority = 'Urgent' AND strftime('%Y', opened_at) = '2024' GROUP BY month", chart="line"),
    # basic
    C(ST, "basic", "Which team has the worst average satisfaction?",
      "SELECT team, AVG(satisfaction_score) AS avg_satisfaction FROM support_tickets GROUP BY team "
      "ORDER BY avg_satisfaction ASC LIMIT 1"),
    C(ST, "basic", "How many tickets has Sofia Reyes closed?",
      "SELECT COUNT(*) AS tickets FROM support_tickets WHERE agent = 'Sofia Reyes' AND closed_at IS NOT NULL"),
    C(ST, "basic", "Which customer has the most urgent tickets, and how many?",
      "SELECT customer, COUNT(*) AS tickets FROM support_tickets WHERE priority = 'Urgent' GROUP BY customer "
      "ORDER BY tickets DESC LIMIT 1"),

    # ---- home_listings -----------------------------------------------------------------------------------------
    # 1
    C(HL, 1, "How many listings are there in San Diego?",
      "SELECT COUNT(*) AS listings FROM home_listings WHERE city = 'San Diego'"),
    C(HL, 1, "how many neighborhoods do we have listings in?",
      "SELECT COUNT(DISTINCT neighborhood) AS neighborhoods FROM home_listings"),
    C(HL, 1, "How many bedrooms in total across all the Denver listings?",
      "SELECT SUM(bedrooms) AS bedrooms FROM home_listings WHERE city = 'Denver'"),
    C(HL, 1, "How many homes sold in 2024?",
      "SELECT COUNT(*) AS homes FROM home_listings WHERE strftime('%Y', sold_on) = '2024'"),
    # 2
    C(HL, 2, "average list price per listing",
      "SELECT AVG(list_price) AS avg_list_price FROM home_listings"),
    C(HL, 2, "average list price per city",
      "SELECT city, AVG(list_price) AS avg_list_price FROM home_listings GROUP BY city"),
    C(HL, 2, "median sold price per property type",
      "SELECT property_type, median(sold_price) AS median_sold_price FROM home_listings "
      "WHERE sold_price IS NOT NULL GROUP BY property_type"),
    C(HL, 2, "What's the average number of bathrooms per home?",
      "SELECT AVG(bathrooms) AS avg_bathrooms FROM home_listings"),
    # 3
    C(HL, 3, "How many Portland listings are priced under $500k?",
      "SELECT COUNT(*) AS listings FROM home_listings WHERE city = 'Portland' AND list_price < 500000"),
    C(HL, 3, "Raleigh homes over 2,000 sq ft, cheapest first",
      "SELECT listing_id, list_price FROM home_listings WHERE city = 'Raleigh' AND sqft > 2000 "
      "ORDER BY list_price", ordered=True),
    C(HL, 3, "average sold price for everything other than condos",
      "SELECT AVG(sold_price) AS avg_sold_price FROM home_listings WHERE property_type <> 'Condo'"),
    C(HL, 3, "How many listings in Denver or Austin have a garage?",
      "SELECT COUNT(*) AS listings FROM home_listings WHERE city IN ('Denver', 'Austin') AND has_garage = 'TRUE'"),
    C(HL, 3, "Which neighborhoods start with 'North', and how many listings does each have?",
      "SELECT neighborhood, COUNT(*) AS listings FROM home_listings WHERE neighborhood LIKE 'North%' "
      "GROUP BY neighborhood"),
    C(HL, 3, "Which cities have more than 60 listings?",
      "SELECT city FROM home_listings GROUP BY city HAVING COUNT(*) > 60"),
    C(HL, 3, "how many homes sold above asking?",
      "SELECT COUNT(*) AS homes FROM home_listings WHERE sold_price > list_price"),
    C(HL, 3, "How many homes are listed above the average list price?",
      "SELECT COUNT(*) AS listings FROM home_listings "
      "WHERE list_price > (SELECT AVG(list_price) FROM home_listings)"),
    C(HL, 3, "How many unsold listings don't have a garage?",
      "SELECT COUNT(*) AS listings FROM home_listings WHERE sold_price IS NULL AND has_garage = 'FALSE'"),
    # 4
    C(HL, 4, "top 5 most expensive homes sold - id and sold price",
      "SELECT listing_id, sold_price FROM home_listings WHERE sold_price IS NOT NULL "
      "ORDER BY sold_price DESC LIMIT 5"),
    C(HL, 4, "San Diego condos, cheapest first",
      "SELECT listing_id, list_price FROM home_listings WHERE city = 'San Diego' AND property_type = 'Condo' "
      "ORDER BY list_price", ordered=True),
    C(HL, 4, "Cities sorted by median days on market, fastest first",
      "SELECT city, median(days_on_market) AS median_days FROM home_listings WHERE days_on_market IS NOT NULL "
      "GROUP BY city ORDER BY median_days ASC", ordered=True),
    C(HL, 4, "Which 3 neighborhoods have the highest average sold price?",
      "SELECT neighborhood, AVG(sold_price) AS avg_sold_price FROM home_listings WHERE sold_price IS NOT NULL "
      "GROUP BY neighborhood ORDER BY avg_sold_price DESC LIMIT 3"),
    # 5
    C(HL, 5, "Average list price by city and property type",
      "SELECT city, property_type, AVG(list_price) AS avg_list_price FROM home_listings "
      "GROUP BY city, property_type"),
    C(HL, 5, "stacked bar of listings per city broken down by property type",
      "SELECT city, property_type, COUNT(*) AS listings FROM home_listings GROUP BY city, property_type",
      chart="bar", series=True),
    C(HL, 5, "For each city give me the average list price, the average sold price and how many homes sold",
      "SELECT city, AVG(list_price) AS avg_list_price, AVG(sold_price) AS avg_sold_price, "
      "COUNT(sold_price) AS homes_sold FROM home_listings GROUP BY city"),
    C(HL, 5, "grouped bar chart of median days on market by city, garage vs no garage",
      "SELECT city, has_garage, median(days_on_market) AS median_days FROM home_listings "
      "WHERE days_on_market IS NOT NULL GROUP BY city, has_garage", chart="bar", series=True),
    # 6
    C(HL, 6, "scatter sqft vs list price for Nashville",
      "SELECT sqft, list_price FROM home_listings WHERE city = 'Nashville'", chart="scatter"),
    C(HL, 6, "box plot of list prices by property type in Austin",
      "SELECT property_type, MIN(list_price), median(list_price), MAX(list_price) FROM home_listings "
      "WHERE city = 'Austin' GROUP BY property_type", chart="box"),
    T(HL, 6, "histogram of days on market for homes that sold in 2024", "distribution_plot", ["days_on_market"],
      chart="histogram"),
    T(HL, 6, "distribution of agent commission % on San Diego listings, as a histogram", "distribution_plot",
      ["agent_commission_pct"], chart="histogram"),
    # 7
    C(HL, 7, "average list price per square foot by city",
      "SELECT city, AVG(list_price * 1.0 / sqft) AS avg_price_per_sqft FROM home_listings GROUP BY city"),
    C(HL, 7, "sold-to-list price ratio by property type",
      "SELECT property_type, AVG(sold_price * 1.0 / list_price) AS sold_to_list FROM home_listings "
      "WHERE sold_price IS NOT NULL GROUP BY property_type"),
    C(HL, 7, "Which month of the year do the most homes sell in?",
      "SELECT strftime('%m', sold_on) AS month, COUNT(*) AS homes FROM home_listings WHERE sold_on IS NOT NULL "
      "GROUP BY month ORDER BY homes DESC LIMIT 1"),
    C(HL, 7, "What percent of listings have a garage?",
      "SELECT 100.0 * SUM(has_garage = 'TRUE') / COUNT(*) AS pct_with_garage FROM home_listings"),
    C(HL, 7, "average discount off the list price in dollars (list minus sold) for each city",
      "SELECT city, AVG(list_price - sold_price) AS avg_discount FROM home_listings "
      "WHERE sold_price IS NOT NULL GROUP BY city"),
    C(HL, 7, "How many listings went up on each day of the week?",
      "SELECT dayname(listed_on) AS weekday, COUNT(*) AS listings FROM home_listings GROUP BY weekday"),
    C(HL, 7, "what percentage of listings actually sold, per city?",
      "SELECT city, 100.0 * COUNT(sold_price) / COUNT(*) AS pct_sold FROM home_listings GROUP BY city"),
    C(HL, 7, "On homes that sold, what's the average agent commission in dollars?",
      "SELECT AVG(sold_price * agent_commission_pct / 100.0) AS avg_commission FROM home_listings "
      "WHERE sold_price IS NOT NULL"),
    # 8
    C(HL, 8, "bar chart of average sold price by city",
      "SELECT city, AVG(sold_price) AS avg_sold_price FROM home_listings GROUP BY city", chart="bar"),
    C(HL, 8, "line chart of new listings by month",
      "SELECT strftime('%Y-%m', listed_on) AS month, COUNT(*) AS listings FROM home_listings GROUP BY month",
      chart="line"),
    C(HL, 8, "pie of listings by property type",
      "SELECT property_type, COUNT(*) AS listings FROM home_listings GROUP BY property_type", chart="pie"),
    C(HL, 8, "Make a bar chart with property type on the x axis and average days on market as the bars",
      "SELECT property_type, AVG(days_on_market) AS avg_days FROM home_listings GROUP BY property_type",
      chart="bar"),
    C(HL, 8, "horizontal bar chart of how many listings each San Diego neighborhood has",
      "SELECT neighborhood, COUNT(*) AS listings FROM home_listings WHERE city = 'San Diego' "
      "GROUP BY neighborhood", chart="bar"),
    # 9
    C(HL, 9, "homes sold per month in 2024",
      "SELECT strftime('%Y-%m', sold_on) AS month, COUNT(*) AS homes FROM home_listings "
      "WHERE strftime('%Y', sold_on) = '2024' GROUP BY month"),
    C(HL, 9, "median sold price by quarter",
      "SELECT quarter(sold_on) AS quarter, median(sold_price) AS median_sold_price FROM home_listings "
      "WHERE sold_on IS NOT NULL GROUP BY quarter"),
    C(HL, 9, "new listings per year",
      "SELECT strftime('%Y', listed_on) AS year, COUNT(*) AS listings FROM home_listings GROUP BY year"),
    C(HL, 9, "average days on market by the year the home sold",
      "SELECT strftime('%Y', sold_on) AS year, AVG(days_on_market) AS avg_days FROM home_listings "
      "WHERE sold_on IS NOT NULL GROUP BY year"),
    # basic
    C(HL, "basic", "Which city has the highest average list price?",
      "SELECT city, AVG(list_price) AS avg_list_price FROM home_listings GROUP BY city "
      "ORDER BY avg_list_price DESC LIMIT 1"),
    C(HL, "basic", "total sales volume in 2025",
      "SELECT SUM(sold_price) AS sales_volume FROM home_listings WHERE strftime('%Y', sold_on) = '2025'"),
    C(HL, "basic", "What's the biggest single family home in Nashville?",
      "SELECT listing_id, sqft FROM home_listings WHERE city = 'Nashville' AND property_type = 'Single Family' "
      "ORDER BY sqft DESC LIMIT 1"),
]

FLAGGED = [
    F(ST, "Why do Enterprise customers give us low satisfaction scores?",
      "asks for a cause; the table records scores, not reasons"),
    F(ST, "How much revenue did we lose from customers who churned?",
      "no revenue or churn column"),
    F(ST, "How many tickets breached their SLA?",
      "no SLA target in the table; the threshold is unknown"),
    F(ST, "Which agent is the best?",
      "'best' has no stated measure (volume, speed, satisfaction, reopen rate)"),
    F(HL, "What's the average HOA fee for condos in Denver?",
      "no HOA fee column"),
    F(HL, "Which listing agent sold the most homes?",
      "the table has a commission rate but no agent name"),
    F(HL, "Which neighborhood would be the best investment?",
      "a judgement or forecast the columns do not answer"),
    F(HL, "How many of the homes have a pool?",
      "no pool column"),
]
