"""Audit set: a B2B sales CRM and a paid-ads campaign log (two invented tables, written blind).

sales_deals (460 rows): one row per deal in a B2B CRM pipeline, snapshot taken 2024-12-31, deals created
2023-07-01 .. 2024-12-12. Columns: deal_id (D-24001 ..., unique), account (36 customer companies that repeat over
deals; names share prefixes: North Star / Northgate / Northwind, Blue Harbor / Bluefin / Blue Ridge, Summit ...,
Apex ..., Cedar ..., Orion ...), owner_rep (8 reps, two per region), region (North America, EMEA, APAC, LATAM: the
account's and the rep's territory), industry (6 values), lead_source (Inbound, Outbound, Partner, Event,
Referral), stage (Prospecting, Qualification, Proposal, Negotiation, Closed Won, Closed Lost), created_date and
close_date (ISO dates), amount (deal value in USD), probability (win probability in percent: 100 won, 0 lost,
about 10/20/50/75 by open stage), is_won (TRUE / FALSE), loss_reason (Price, Competitor, No budget, Timing,
No decision).
Blank cells: close_date and is_won are blank for the 91 open deals (not closed yet); loss_reason is blank on won
and open deals, and on 18 lost deals where the rep did not record a reason; amount is blank on 3 Prospecting
deals that have not been sized yet.

ad_campaigns (523 rows): one row per campaign per day, 2024-03-01 .. 2024-06-30, nine campaigns that run over
different date ranges (the email newsletter only on Tuesdays). Columns: date (ISO), campaign_id (CMP-101 ..
CMP-109, repeats over days), campaign_name (shared prefixes: Spring Sale - Search / Spring Sale - Social, Summer
Launch - Search / Summer Launch - TikTok, Brand Awareness - Video / Brand Awareness - Display), channel (Google
Search, Google Display, Meta, YouTube, TikTok, LinkedIn, Email), objective (Awareness, Conversions, Leads),
is_retargeting (Yes / No), spend (USD), impressions, clicks, conversions (purchases, or leads for the Leads
campaign), revenue (USD, net of refunds: negative on 9 campaign-days when refunds and chargebacks booked that day exceeded
the day's sales).
Blank cells: conversions and revenue are blank on the Awareness campaigns (no conversion tracking); revenue is
blank on the Leads campaign (B2B webinar sign-ups carry no revenue attribution).
"""
import math
import random
from datetime import date, timedelta

from ..case import C, F

SNAPSHOT = date(2024, 12, 31)
REPS = {"North America": ["Alicia Moreno", "Brandon Lee"], "EMEA": ["Clara Jensen", "Daniel Okoro"],
        "APAC": ["Emi Tanaka", "Farhan Aziz"], "LATAM": ["Gabriela Souza", "Hector Ruiz"]}
ACCOUNTS = [("Northwind Foods", "Retail", "North America"), ("Northgate Bank", "Finance", "North America"),
            ("North Star Logistics", "Manufacturing", "EMEA"), ("Blue Harbor Health", "Healthcare", "North America"),
            ("Bluefin Analytics", "Software", "EMEA"), ("Blue Ridge Manufacturing", "Manufacturing", "North America"),
            ("Summit Retail Group", "Retail", "EMEA"), ("Summit Health Partners", "Healthcare", "APAC"),
            ("Apex Tooling", "Manufacturing", "APAC"), ("Apex Capital", "Finance", "EMEA"),
            ("Cedar Schools Trust", "Education", "North America"), ("Cedar Point Software", "Software", "North America"),
            ("Harbor Credit Union", "Finance", "North America"), ("Lumen Learning", "Education", "EMEA"),
            ("Lumina Pharma", "Healthcare", "EMEA"), ("Pacific Rim Traders", "Retail", "APAC"),
            ("Pacifica Cloud", "Software", "APAC"), ("Andes Mining Co", "Manufacturing", "LATAM"),
            ("Andina Seguros", "Finance", "LATAM"), ("Rio Verde Foods", "Retail", "LATAM"),
            ("Sao Paulo Clinics", "Healthcare", "LATAM"), ("Tierra Software", "Software", "LATAM"),
            ("Kiwi Education Group", "Education", "APAC"), ("Sakura Electronics", "Manufacturing", "APAC"),
            ("Orion Software Labs", "Software", "North America"), ("Orion Freight", "Manufacturing", "EMEA"),
            ("Meridian Insurance", "Finance", "APAC"), ("Greenleaf Grocers", "Retail", "North America"),
            ("Helios Energy", "Manufacturing", "LATAM"), ("Vantage Health", "Healthcare", "North America"),
            ("Quantum Ledger", "Software", "EMEA"), ("Atlas University", "Education", "LATAM"),
            ("Silverline Retail", "Retail", "APAC"), ("Crescent Bank", "Finance", "EMEA"),
            ("Evergreen Academy", "Education", "North America"), ("Nimbus Data", "Software", "APAC")]
SIZE = {"Software": 38000, "Finance": 52000, "Healthcare": 45000, "Manufacturing": 30000, "Retail": 22000,
        "Education": 14000}
OPEN_PROB = {"Prospecting": 10, "Qualification": 20, "Proposal": 50, "Negotiation": 75}
SOURCES = ["Inbound", "Outbound", "Partner", "Event", "Referral"]
LOST = ["Price", "Competitor", "No budget", "Timing", "No decision"]


def sales_deals():
    rng = random.Random(8801)
    cols = [("deal_id", "TEXT"), ("account", "TEXT"), ("owner_rep", "TEXT"), ("region", "TEXT"),
            ("industry", "TEXT"), ("lead_source", "TEXT"), ("stage", "TEXT"), ("created_date", "TEXT"),
            ("close_date", "TEXT"), ("amount", "REAL"), ("probability", "INTEGER"), ("is_won", "TEXT"),
            ("loss_reason", "TEXT")]
    acc_w = [rng.randint(1, 8) for _ in ACCOUNTS]
    rep_skill = {r: rng.uniform(0.3, 0.6) for reps in REPS.values() for r in reps}
    rep_skill["Emi Tanaka"] = 0.66
    rep_skill["Hector Ruiz"] = 0.28
    src_win = {"Inbound": 0.05, "Outbound": -0.12, "Partner": 0.08, "Event": -0.04, "Referral": 0.15}
    rows = []
    for i in range(460):
        account, industry, region = rng.choices(ACCOUNTS, acc_w)[0]
        rep = rng.choice(REPS[region])
        source = rng.choices(SOURCES, [6, 5, 3, 2, 2])[0]
        created = date(2023, 7, 1) + timedelta(days=rng.randrange(534))
        while created.weekday() >= 5 and rng.random() < 0.8:
            created += timedelta(days=1)
        amount = round(SIZE[industry] * math.exp(rng.gauss(0, 0.65)) / 50) * 50
        cycle = int(rng.uniform(12, 60) + rng.expovariate(1 / 45.0) + amount / 4000)
        close = created + timedelta(days=cycle)
        stage, close_date, is_won, reason, prob = None, None, None, None, None
        if close <= SNAPSHOT and rng.random() < 0.93:
            won = rng.random() < rep_skill[rep] + src_win[source]
            stage = "Closed Won" if won else "Closed Lost"
            close_date = close.isoformat()
            is_won = "TRUE" if won else "FALSE"
            prob = 100 if won else 0
            if not won:
                reason = rng.choices(LOST, [5, 4, 3, 2, 2])[0]
                if rng.random() < 0.1:
                    reason = None  # rep did not fill the reason in
            else:
                amount = round(amount * rng.choice([1, 1, 0.95, 0.9, 0.85, 1.1]) / 50) * 50
        else:
            age = (SNAPSHOT - created).days
            stage = ("Prospecting" if age < 25 else "Qualification" if age < 50 else
                     rng.choice(["Proposal", "Negotiation"]) if age < 110 else rng.choice(["Qualification", "Proposal", "Negotiation"]))
            if rng.random() < 0.2:
                stage = rng.choice(list(OPEN_PROB))
            prob = OPEN_PROB[stage] + rng.choice([0, 0, 0, -5, 5, 10])
        if stage == "Prospecting" and rng.random() < 0.45:
            amount = None  # not sized yet
        rows.append([None, account, rep, region, industry, source, stage, created.isoformat(), close_date,
                     float(amount) if amount is not None else None, prob, is_won, reason])
    rows.sort(key=lambda r: (r[7], r[1]))
    for i, r in enumerate(rows):
        r[0] = "D-%05d" % (24001 + i)
    return cols, rows


CAMPAIGNS = [  # name, channel, objective, retargeting, start, end, base spend, cpm, ctr, cvr, aov
    ("Spring Sale - Search", "Google Search", "Conversions", "No", date(2024, 3, 1), date(2024, 4, 30), 420, 38.0, 0.045, 0.055, 86),
    ("Spring Sale - Social", "Meta", "Conversions", "No", date(2024, 3, 1), date(2024, 4, 30), 310, 9.5, 0.012, 0.030, 74),
    ("Brand Awareness - Video", "YouTube", "Awareness", "No", date(2024, 3, 15), date(2024, 5, 31), 260, 6.0, 0.004, 0, 0),
    ("Brand Awareness - Display", "Google Display", "Awareness", "No", date(2024, 4, 1), date(2024, 5, 15), 180, 3.2, 0.003, 0, 0),
    ("Retargeting - Cart Abandoners", "Meta", "Conversions", "Yes", date(2024, 3, 1), date(2024, 6, 30), 95, 12.0, 0.018, 0.045, 92),
    ("Summer Launch - Search", "Google Search", "Conversions", "No", date(2024, 5, 15), date(2024, 6, 30), 520, 41.0, 0.050, 0.060, 98),
    ("Summer Launch - TikTok", "TikTok", "Conversions", "No", date(2024, 6, 1), date(2024, 6, 30), 240, 7.0, 0.009, 0.018, 61),
    ("B2B Webinar Leads", "LinkedIn", "Leads", "No", date(2024, 4, 15), date(2024, 6, 15), 210, 55.0, 0.006, 0.110, 0),
    ("Newsletter Promo", "Email", "Conversions", "No", date(2024, 3, 5), date(2024, 6, 25), 40, 1.5, 0.028, 0.040, 70),
]


def ad_campaigns():
    rng = random.Random(9902)
    cols = [("date", "TEXT"), ("campaign_id", "TEXT"), ("campaign_name", "TEXT"), ("channel", "TEXT"),
            ("objective", "TEXT"), ("is_retargeting", "TEXT"), ("spend", "REAL"), ("impressions", "INTEGER"),
            ("clicks", "INTEGER"), ("conversions", "INTEGER"), ("revenue", "REAL")]
    rows = []
    for k, (name, channel, objective, retarget, start, end, base, cpm, ctr, cvr, aov) in enumerate(CAMPAIGNS):
        cid = "CMP-%03d" % (101 + k)
        d = start
        while d <= end:
            if channel == "Email" and d.weekday() != 1:
                d += timedelta(days=1)
                continue
            weekend = d.weekday() >= 5
            spend = round(base * rng.uniform(0.6, 1.35) * (0.8 if weekend and objective != "Awareness" else 1.0), 2)
            if channel == "Email":
                spend = round(rng.uniform(30, 55), 2)
            impressions = int(spend / cpm * 1000 * rng.uniform(0.8, 1.2))
            if channel == "Email":
                impressions = rng.randint(18000, 24000)
            clicks = int(impressions * ctr * rng.uniform(0.7, 1.3))
            if objective == "Awareness":
                conv, rev = None, None  # no conversion tracking on awareness campaigns
            else:
                conv = sum(1 for _ in range(clicks) if rng.random() < cvr)
                if objective == "Leads":
                    rev = None  # lead-gen campaigns carry no revenue attribution
                else:
                    rev = sum(aov * rng.uniform(0.5, 1.6) for _ in range(conv))
                    if rng.random() < 0.08:
                        rev -= rng.uniform(2, 9) * aov  # refunds and chargebacks booked that day
                    rev = round(rev, 2)
            rows.append([d.isoformat(), cid, name, channel, objective, retarget, spend, impressions, clicks, conv, rev])
            d += timedelta(days=1)
    rows.sort(key=lambda r: (r[0], r[1]))
    return cols, rows


# ---- questions ------------------------------------------------------------------------------------------------

S, A = "sales_deals", "ad_campaigns"
WON = "is_won = 'TRUE'"
OPEN = "close_date IS NULL"
CYCLE = "(julianday(close_date) - julianday(created_date))"


def _corr(x, y, source):
    return ("SELECT (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy)) FROM (SELECT count(*) AS n, "
            "sum(%s * %s) AS sxy, sum(%s) AS sx, sum(%s) AS sy, sum(%s * %s) AS sxx, sum(%s * %s) AS syy FROM %s)"
            % (x, y, x, y, x, x, y, y, source))


SALES_CASES = [
    # 1: the measure behind a count word
    C(S, 1, "How many deals did we win in 2024?",
      "SELECT count(*) FROM sales_deals WHERE is_won = 'TRUE' AND close_date LIKE '2024%'"),
    C(S, 1, "How many different accounts have at least one deal in the CRM?",
      "SELECT count(DISTINCT account) FROM sales_deals"),
    C(S, 1, "Number of open deals in the pipeline right now?",
      "SELECT count(*) FROM sales_deals WHERE close_date IS NULL"),
    C(S, 1, "How many accounts has Daniel Okoro won at least one deal with?",
      "SELECT count(DISTINCT account) FROM sales_deals WHERE owner_rep = 'Daniel Okoro' AND is_won = 'TRUE'"),
    C(S, 1, "how many different accounts did we lose a deal with because of a competitor",
      "SELECT count(DISTINCT account) FROM sales_deals WHERE loss_reason = 'Competitor'"),
    # 2: "per X"
    C(S, 2, "Total won amount per region",
      "SELECT region, sum(amount) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY region"),
    C(S, 2, "What's the average value of a won deal per industry?",
      "SELECT industry, avg(amount) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY industry"),
    C(S, 2, "On average, how many deals does an account have with us?",
      "SELECT count(*) * 1.0 / count(DISTINCT account) FROM sales_deals"),
    C(S, 2, "How many new deals were created per month in 2024?",
      "SELECT strftime('%Y-%m', created_date) AS month, count(*) FROM sales_deals WHERE created_date LIKE '2024%' "
      "GROUP BY month"),
    C(S, 2, "Across the team, what's the average number of won deals per sales rep? One number please.",
      "SELECT count(*) * 1.0 / (SELECT count(DISTINCT owner_rep) FROM sales_deals) FROM sales_deals "
      "WHERE is_won = 'TRUE'"),
    # 3: lost filters
    C(S, 3, "List the deal IDs of deals over $150k that we lost.",
      "SELECT deal_id FROM sales_deals WHERE amount > 150000 AND is_won = 'FALSE'"),
    C(S, 3, "What's the total amount of deals we lost either on price or to a competitor?",
      "SELECT sum(amount) FROM sales_deals WHERE loss_reason IN ('Price', 'Competitor')"),
    C(S, 3, "For accounts whose name starts with 'North', show the total amount of their open deals.",
      "SELECT account, sum(amount) FROM sales_deals WHERE account LIKE 'North%' AND close_date IS NULL "
      "GROUP BY account"),
    C(S, 3, "Which reps have won more than 25 deals?",
      "SELECT owner_rep FROM sales_deals WHERE is_won = 'TRUE' GROUP BY owner_rep HAVING count(*) > 25"),
    C(S, 3, "How many deals are bigger than the average deal amount?",
      "SELECT count(*) FROM sales_deals WHERE amount > (SELECT avg(amount) FROM sales_deals)"),
    C(S, 3, "How many lost deals have no loss reason filled in?",
      "SELECT count(*) FROM sales_deals WHERE is_won = 'FALSE' AND loss_reason IS NULL"),
    # 4: explicit order and shape
    C(S, 4, "Top 5 accounts by total won amount, highest first",
      "SELECT account, sum(amount) AS won FROM sales_deals WHERE is_won = 'TRUE' GROUP BY account "
      "ORDER BY won DESC LIMIT 5", ordered=True),
    C(S, 4, "Rank the reps by total won amount, most to least.",
      "SELECT owner_rep, sum(amount) AS won FROM sales_deals WHERE is_won = 'TRUE' GROUP BY owner_rep "
      "ORDER BY won DESC",
      ordered=True),
    C(S, 4, "List the industries in alphabetical order with how many deals each has.",
      "SELECT industry, count(*) FROM sales_deals GROUP BY industry ORDER BY industry", ordered=True),
    C(S, 4, "What are the 3 smallest won deals? Give deal id and amount, smallest first.",
      "SELECT deal_id, amount FROM sales_deals WHERE is_won = 'TRUE' ORDER BY amount LIMIT 3", ordered=True),
    C(S, 4, "Show lead sources sorted by the total amount of their open deals, largest first",
      "SELECT lead_source, sum(amount) AS open_amount FROM sales_deals WHERE close_date IS NULL GROUP BY lead_source "
      "ORDER BY open_amount DESC", ordered=True),
    # 5: several columns / a series / a scatter of aggregates
    C(S, 5, "For each region show the number of deals won and the number lost.",
      "SELECT region, sum(is_won = 'TRUE'), sum(is_won = 'FALSE') FROM sales_deals GROUP BY region"),
    C(S, 5, "Break down won revenue by region and industry",
      "SELECT region, industry, sum(amount) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY region, industry"),
    C(S, 5, "Grouped bar chart of deal count by stage for each region",
      "SELECT region, stage, count(*) FROM sales_deals GROUP BY region, stage", chart="bar", series=True),
    C(S, 5, "Scatter plot with one point per rep: total number of deals on x, total won amount on y.",
      "SELECT owner_rep, count(*), sum(CASE WHEN is_won = 'TRUE' THEN amount ELSE 0 END) FROM sales_deals "
      "GROUP BY owner_rep", chart="scatter"),
    C(S, 5, "Per industry, give me the average deal amount, the largest deal amount and the number of deals.",
      "SELECT industry, avg(amount), max(amount), count(*) FROM sales_deals GROUP BY industry"),
    # 6: the analysis kind
    C(S, 6, "Box plot of won deal amounts by region",
      "SELECT region, min(amount), median(amount), max(amount) FROM sales_deals WHERE is_won = 'TRUE' "
      "GROUP BY region", chart="box"),
    C(S, 6, "Histogram of deal amounts in $25,000 buckets",
      "SELECT CAST(amount / 25000 AS INTEGER) * 25000 AS bucket, count(*) FROM sales_deals WHERE amount IS NOT NULL "
      "GROUP BY bucket", chart="histogram"),
    C(S, 6, "For won deals, what's the correlation between deal amount and the number of days it took to close?",
      _corr("amount", "d", "(SELECT amount, %s AS d FROM sales_deals WHERE is_won = 'TRUE')" % CYCLE)),
    C(S, 6, "Plot amount against win probability for every deal currently in Proposal or Negotiation, as a "
      "scatter.",
      "SELECT amount, probability FROM sales_deals WHERE stage IN ('Proposal', 'Negotiation')", chart="scatter"),
    C(S, 6, "Show the distribution of sales cycle length for won deals as a histogram with 30-day bins "
      "(days from created to closed).",
      "SELECT CAST(%s / 30 AS INTEGER) * 30 AS bin, count(*) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY bin"
      % CYCLE, chart="histogram"),
    # 7: derived measures
    C(S, 7, "Win rate by lead source, i.e. deals won divided by deals closed (won or lost).",
      "SELECT lead_source, avg(is_won = 'TRUE') FROM sales_deals WHERE is_won IS NOT NULL GROUP BY lead_source"),
    C(S, 7, "For each rep, the average number of days from deal creation to close on won deals",
      "SELECT owner_rep, avg(%s) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY owner_rep" % CYCLE),
    C(S, 7, "Show the running total of won revenue by close month within 2024, starting from January 2024.",
      "SELECT month, sum(won) OVER (ORDER BY month) FROM (SELECT strftime('%Y-%m', close_date) AS month, "
      "sum(amount) AS won FROM sales_deals WHERE is_won = 'TRUE' AND close_date LIKE '2024%' GROUP BY month) "
      "ORDER BY month", ordered=True),
    C(S, 7, "By what percent did won revenue change from Q1 2024 to Q2 2024, based on close date?",
      "SELECT (q2 - q1) * 100.0 / q1 FROM (SELECT sum(CASE WHEN quarter(close_date) = '2024-Q1' THEN amount END) "
      "AS q1, sum(CASE WHEN quarter(close_date) = '2024-Q2' THEN amount END) AS q2 FROM sales_deals "
      "WHERE is_won = 'TRUE')"),
    C(S, 7, "Weighted pipeline by stage for open deals: amount times probability, summed.",
      "SELECT stage, sum(amount * probability / 100.0) FROM sales_deals WHERE close_date IS NULL GROUP BY stage"),
    C(S, 7, "Which months of the year are strongest for closing? Total won amount by calendar month (1-12), "
      "both years combined.",
      "SELECT CAST(strftime('%m', close_date) AS INTEGER) AS m, sum(amount) FROM sales_deals WHERE is_won = 'TRUE' "
      "GROUP BY m"),
    # 8: words about the chart
    C(S, 8, "Bar chart with region on the x axis and total won amount on the y axis",
      "SELECT region, sum(amount) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY region", chart="bar"),
    C(S, 8, "Line chart of the number of deals created each month",
      "SELECT strftime('%Y-%m', created_date) AS month, count(*) FROM sales_deals GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(S, 8, "Pie chart of lost deals by loss reason (only where a reason was given)",
      "SELECT loss_reason, count(*) FROM sales_deals WHERE is_won = 'FALSE' AND loss_reason IS NOT NULL "
      "GROUP BY loss_reason", chart="pie"),
    C(S, 8, "Visualize the open pipeline amount by stage as bars, stages along the x axis.",
      "SELECT stage, sum(amount) FROM sales_deals WHERE close_date IS NULL GROUP BY stage", chart="bar"),
    C(S, 8, "Plot quarterly won revenue as a line with the quarter on the x axis (quarter of the close date).",
      "SELECT quarter(close_date) AS q, sum(amount) FROM sales_deals WHERE is_won = 'TRUE' GROUP BY q ORDER BY q",
      ordered=True, chart="line"),
    # 9: the shape of the answer
    C(S, 9, "Which rep has the highest win rate on closed deals?",
      "SELECT owner_rep FROM sales_deals WHERE is_won IS NOT NULL GROUP BY owner_rep "
      "ORDER BY avg(is_won = 'TRUE') DESC LIMIT 1"),
    C(S, 9, "What's the biggest deal we've ever won? Just the amount.",
      "SELECT max(amount) FROM sales_deals WHERE is_won = 'TRUE'"),
    C(S, 9, "Which industry brought in the most won revenue in 2024?",
      "SELECT industry FROM sales_deals WHERE is_won = 'TRUE' AND close_date LIKE '2024%' GROUP BY industry "
      "ORDER BY sum(amount) DESC LIMIT 1"),
    C(S, 9, "What was our total won revenue in 2024, and how many won deals made it up?",
      "SELECT sum(amount), count(*) FROM sales_deals WHERE is_won = 'TRUE' AND close_date LIKE '2024%'"),
    C(S, 9, "In which month of 2024 did we close the most won deals?",
      "SELECT strftime('%Y-%m', close_date) AS month FROM sales_deals WHERE is_won = 'TRUE' "
      "AND close_date LIKE '2024%' GROUP BY month ORDER BY count(*) DESC LIMIT 1"),
    # basic business questions
    C(S, "basic", "What is our total open pipeline value?",
      "SELECT sum(amount) FROM sales_deals WHERE close_date IS NULL"),
    C(S, "basic", "How much won business did Clara Jensen close in 2024?",
      "SELECT sum(amount) FROM sales_deals WHERE owner_rep = 'Clara Jensen' AND is_won = 'TRUE' "
      "AND close_date LIKE '2024%'"),
    C(S, "basic", "Show the account, rep and amount of every deal sitting in Negotiation.",
      "SELECT account, owner_rep, amount FROM sales_deals WHERE stage = 'Negotiation'"),
    C(S, "basic", "What fraction of our closed deals did we win?",
      "SELECT avg(is_won = 'TRUE') FROM sales_deals WHERE is_won IS NOT NULL"),
    C(S, "basic", "Of all lost deals, including those with no reason recorded, what percentage were lost on price?",
      "SELECT sum(loss_reason = 'Price') * 100.0 / count(*) FROM sales_deals WHERE is_won = 'FALSE'"),
]

ADS_CASES = [
    # 1: the measure behind a count word
    C(A, 1, "How many campaigns did we run?", "SELECT count(DISTINCT campaign_id) FROM ad_campaigns"),
    C(A, 1, "How many clicks did the Meta campaigns get in total?",
      "SELECT sum(clicks) FROM ad_campaigns WHERE channel = 'Meta'"),
    C(A, 1, "How many conversions did we get in April 2024?",
      "SELECT sum(conversions) FROM ad_campaigns WHERE date LIKE '2024-04%'"),
    C(A, 1, "How many days was the TikTok campaign live?",
      "SELECT count(DISTINCT date) FROM ad_campaigns WHERE channel = 'TikTok'"),
    C(A, 1, "how many impressions did each channel get",
      "SELECT channel, sum(impressions) FROM ad_campaigns GROUP BY channel"),
    # 2: "per X"
    C(A, 2, "What's the average daily spend per campaign?",
      "SELECT campaign_name, avg(spend) FROM ad_campaigns GROUP BY campaign_name"),
    C(A, 2, "What's the cost per click for each channel?",
      "SELECT channel, sum(spend) / sum(clicks) FROM ad_campaigns GROUP BY channel"),
    C(A, 2, "What was our average total ad spend per day, all campaigns combined?",
      "SELECT sum(spend) / count(DISTINCT date) FROM ad_campaigns"),
    C(A, 2, "For the campaigns with a Conversions objective, what's the revenue per conversion?",
      "SELECT campaign_name, sum(revenue) / sum(conversions) FROM ad_campaigns WHERE objective = 'Conversions' "
      "GROUP BY campaign_name"),
    C(A, 2, "Clicks per campaign per month",
      "SELECT campaign_name, strftime('%Y-%m', date) AS month, sum(clicks) FROM ad_campaigns "
      "GROUP BY campaign_name, month"),
    # 3: lost filters
    C(A, 3, "On which dates did the retargeting campaign book negative revenue?",
      "SELECT date FROM ad_campaigns WHERE is_retargeting = 'Yes' AND revenue < 0"),
    C(A, 3, "Total spend on every channel other than Google Search and Google Display",
      "SELECT sum(spend) FROM ad_campaigns WHERE channel NOT IN ('Google Search', 'Google Display')"),
    C(A, 3, "Total conversions from campaigns whose name starts with 'Summer Launch'",
      "SELECT sum(conversions) FROM ad_campaigns WHERE campaign_name LIKE 'Summer Launch%'"),
    C(A, 3, "Which campaigns spent more than $15,000 in total?",
      "SELECT campaign_name FROM ad_campaigns GROUP BY campaign_name HAVING sum(spend) > 15000"),
    C(A, 3, "On how many of its days did Spring Sale - Search spend more than its own average daily spend?",
      "SELECT count(*) FROM ad_campaigns WHERE campaign_name = 'Spring Sale - Search' AND spend > "
      "(SELECT avg(spend) FROM ad_campaigns WHERE campaign_name = 'Spring Sale - Search')"),
    C(A, 3, "Which non-retargeting campaigns had a click-through rate above 3% overall?",
      "SELECT campaign_name FROM ad_campaigns WHERE is_retargeting = 'No' GROUP BY campaign_name "
      "HAVING sum(clicks) * 1.0 / sum(impressions) > 0.03"),
    # 4: explicit order and shape
    C(A, 4, "Top 3 campaigns by revenue, highest first",
      "SELECT campaign_name, sum(revenue) AS rev FROM ad_campaigns GROUP BY campaign_name ORDER BY rev DESC LIMIT 3",
      ordered=True),
    C(A, 4, "Rank the channels by total spend from lowest to highest.",
      "SELECT channel, sum(spend) AS s FROM ad_campaigns GROUP BY channel ORDER BY s", ordered=True),
    C(A, 4, "List the 5 days with the highest total spend across all campaigns, most expensive day first.",
      "SELECT date, sum(spend) AS s FROM ad_campaigns GROUP BY date ORDER BY s DESC LIMIT 5", ordered=True),
    C(A, 4, "Show each campaign with its first and last day, campaigns in alphabetical order.",
      "SELECT campaign_name, min(date), max(date) FROM ad_campaigns GROUP BY campaign_name ORDER BY campaign_name",
      ordered=True),
    C(A, 4, "Which 4 campaigns got the most clicks? Sort them descending.",
      "SELECT campaign_name, sum(clicks) AS c FROM ad_campaigns GROUP BY campaign_name ORDER BY c DESC LIMIT 4",
      ordered=True),
    # 5: several columns / a series / a scatter of aggregates
    C(A, 5, "For each channel, show total spend, impressions and clicks.",
      "SELECT channel, sum(spend), sum(impressions), sum(clicks) FROM ad_campaigns GROUP BY channel"),
    C(A, 5, "Stacked bar chart of monthly spend by channel",
      "SELECT strftime('%Y-%m', date) AS month, channel, sum(spend) FROM ad_campaigns GROUP BY month, channel",
      chart="bar", series=True),
    C(A, 5, "Scatter of total spend vs total revenue, one dot per campaign, for the Conversions-objective campaigns",
      "SELECT campaign_name, sum(spend), sum(revenue) FROM ad_campaigns WHERE objective = 'Conversions' "
      "GROUP BY campaign_name", chart="scatter"),
    C(A, 5, "Month by month, what did the Conversions campaigns spend and what revenue did they bring in?",
      "SELECT strftime('%Y-%m', date) AS month, sum(spend), sum(revenue) FROM ad_campaigns "
      "WHERE objective = 'Conversions' GROUP BY month"),
    C(A, 5, "Compare retargeting vs non-retargeting campaigns on total spend, conversions and revenue.",
      "SELECT is_retargeting, sum(spend), sum(conversions), sum(revenue) FROM ad_campaigns GROUP BY is_retargeting"),
    # 6: the analysis kind
    C(A, 6, "Scatter plot of daily spend against clicks for Spring Sale - Search",
      "SELECT spend, clicks FROM ad_campaigns WHERE campaign_name = 'Spring Sale - Search'", chart="scatter"),
    C(A, 6, "Box plot of daily spend by channel",
      "SELECT channel, min(spend), median(spend), max(spend) FROM ad_campaigns GROUP BY channel", chart="box"),
    C(A, 6, "Histogram of daily clicks for the Retargeting - Cart Abandoners campaign, bins of 25 clicks",
      "SELECT clicks / 25 * 25 AS bin, count(*) FROM ad_campaigns WHERE campaign_name = "
      "'Retargeting - Cart Abandoners' GROUP BY bin", chart="histogram"),
    C(A, 6, "Is daily spend correlated with conversions? Give the correlation coefficient over the campaign-days "
      "that track conversions.",
      _corr("spend", "conversions", "ad_campaigns WHERE conversions IS NOT NULL")),
    C(A, 6, "Box plot of daily revenue for each campaign with the Conversions objective",
      "SELECT campaign_name, min(revenue), median(revenue), max(revenue) FROM ad_campaigns "
      "WHERE objective = 'Conversions' GROUP BY campaign_name", chart="box"),
    # 7: derived measures
    C(A, 7, "Click-through rate by channel",
      "SELECT channel, sum(clicks) * 1.0 / sum(impressions) FROM ad_campaigns GROUP BY channel"),
    C(A, 7, "ROAS (revenue divided by spend) for each Conversions campaign",
      "SELECT campaign_name, sum(revenue) / sum(spend) FROM ad_campaigns WHERE objective = 'Conversions' "
      "GROUP BY campaign_name"),
    C(A, 7, "Running total of spend by day for Summer Launch - TikTok",
      "SELECT date, sum(spend) OVER (ORDER BY date) FROM ad_campaigns WHERE campaign_name = 'Summer Launch - TikTok' "
      "ORDER BY date", ordered=True),
    C(A, 7, "By how many percent did total ad spend change from April to May 2024?",
      "SELECT (may - apr) * 100.0 / apr FROM (SELECT sum(CASE WHEN date LIKE '2024-04%' THEN spend END) AS apr, "
      "sum(CASE WHEN date LIKE '2024-05%' THEN spend END) AS may FROM ad_campaigns)"),
    C(A, 7, "Total spend by day of week",
      "SELECT dayname(date) AS day, sum(spend) FROM ad_campaigns GROUP BY day"),
    C(A, 7, "Cost per conversion by month for the Conversions-objective campaigns",
      "SELECT strftime('%Y-%m', date) AS month, sum(spend) / sum(conversions) FROM ad_campaigns "
      "WHERE objective = 'Conversions' GROUP BY month"),
    # 8: words about the chart
    C(A, 8, "Line chart of total daily spend in June 2024, date on the x axis",
      "SELECT date, sum(spend) FROM ad_campaigns WHERE date LIKE '2024-06%' GROUP BY date ORDER BY date",
      ordered=True, chart="line"),
    C(A, 8, "Bar chart: channels on the x axis, total clicks on the y axis",
      "SELECT channel, sum(clicks) FROM ad_campaigns GROUP BY channel", chart="bar"),
    C(A, 8, "Pie chart of total spend by channel",
      "SELECT channel, sum(spend) FROM ad_campaigns GROUP BY channel", chart="pie"),
    C(A, 8, "Visualize monthly revenue as a line chart with the months along the x axis.",
      "SELECT strftime('%Y-%m', date) AS month, sum(revenue) FROM ad_campaigns GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(A, 8, "Draw bars of total conversions per campaign, conversions on the y axis, only campaigns that track "
      "conversions",
      "SELECT campaign_name, sum(conversions) FROM ad_campaigns WHERE conversions IS NOT NULL GROUP BY campaign_name",
      chart="bar"),
    # 9: the shape of the answer
    C(A, 9, "Which channel had the lowest cost per click?",
      "SELECT channel FROM ad_campaigns GROUP BY channel ORDER BY sum(spend) / sum(clicks) LIMIT 1"),
    C(A, 9, "What was total revenue across all campaigns?", "SELECT sum(revenue) FROM ad_campaigns"),
    C(A, 9, "Which campaign ran for the most days?",
      "SELECT campaign_name FROM ad_campaigns GROUP BY campaign_name ORDER BY count(*) DESC LIMIT 1"),
    C(A, 9, "On which date did we spend the most in total?",
      "SELECT date FROM ad_campaigns GROUP BY date ORDER BY sum(spend) DESC LIMIT 1"),
    C(A, 9, "Total spend and total clicks for LinkedIn",
      "SELECT sum(spend), sum(clicks) FROM ad_campaigns WHERE channel = 'LinkedIn'"),
    # basic business questions
    C(A, "basic", "How much did we spend on ads in total?", "SELECT sum(spend) FROM ad_campaigns"),
    C(A, "basic", "What's the total revenue from the Spring Sale campaigns?",
      "SELECT sum(revenue) FROM ad_campaigns WHERE campaign_name LIKE 'Spring Sale%'"),
    C(A, "basic", "What's our overall return on ad spend (revenue / spend) for the Conversions campaigns?",
      "SELECT sum(revenue) / sum(spend) FROM ad_campaigns WHERE objective = 'Conversions'"),
    C(A, "basic", "Show me spend by campaign for May 2024",
      "SELECT campaign_name, sum(spend) FROM ad_campaigns WHERE date LIKE '2024-05%' GROUP BY campaign_name"),
    C(A, "basic", "How many leads did the B2B webinar campaign bring in?",
      "SELECT sum(conversions) FROM ad_campaigns WHERE campaign_name = 'B2B Webinar Leads'"),
]

CASES = SALES_CASES + ADS_CASES

FLAGGED = [
    F(S, "What's the average sales cycle broken down by customer satisfaction score?",
      "there is no satisfaction score column"),
    F(S, "How much revenue will we close next quarter?", "a forecast: the table holds no future outcomes"),
    F(S, "Why did Hector Ruiz win so few of his deals?", "a cause the data cannot establish"),
    F(S, "Show me the big deals", "'big' names no threshold"),
    F(A, "What's the bounce rate of each campaign?", "there is no bounce or session data"),
    F(A, "How much revenue will the Summer Launch campaigns bring in during July?", "a forecast beyond the data"),
    F(A, "Which campaigns performed well?", "no measure and no threshold for 'performed well'"),
    F(A, "Did the TikTok campaign cause the drop in Search conversions in June?", "a cause the data cannot show"),
]

TABLES = {"sales_deals": sales_deals, "ad_campaigns": ad_campaigns}
