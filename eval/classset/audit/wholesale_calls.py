"""Audit tables and questions (written blind): a food wholesaler's invoices and a call centre's inbound calls.

wholesale_invoice_lines (one row per invoice line, invoices dated in 2024): invoice_no (repeats over the lines of
one invoice, INV-24001..), customer (shops and restaurants; several share a prefix: Green Leaf Cafe, Green Leaf
Deli, Green Market; Bella Napoli Restaurant, Bella Vista Bistro; Corner Shop Express, Corner Stores Ltd), product,
category (Dairy, Produce, Meat, Dry goods, Beverages), quantity (units of the product, e.g. cases, packs, sacks),
unit_price (euros per unit; prices went up for some products in July), discount_pct (0, 2.5, 5 or 10: the
customer's negotiated discount, per line), line_total (quantity x unit_price x (1 - discount_pct / 100), rounded
to cents), invoice_date (ISO date, Monday to Saturday, one per invoice), paid (yes/no, one per invoice; the later
invoices are more often unpaid), returned_qty (units sent back; blank when nothing was returned).

call_centre_calls (one row per inbound call, July-December 2024): call_id (unique), agent (blank for an abandoned
call, which no agent picked up), team (the queue the call went to: Billing, Orders, Tech Support, Tech Onboarding;
two share the prefix "Tech"), started_at (ISO timestamp 'YYYY-MM-DD HH:MM:SS', Monday to Saturday, 08:00-18:59),
wait_seconds (time in the queue), talk_seconds (0 for an abandoned call), outcome (resolved, escalated, abandoned,
callback), satisfaction (1-5 post-call survey; blank when the caller was not surveyed, always blank for abandoned
calls), customer_tier (Gold, Silver, Bronze).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F


def _money(x):
    return round(x + 1e-9, 2)


CUSTOMERS = [("Green Leaf Cafe", 10, 2.5), ("Green Leaf Deli", 7, 0.0), ("Green Market", 9, 5.0),
             ("Bella Napoli Restaurant", 12, 5.0), ("Bella Vista Bistro", 8, 2.5), ("Corner Shop Express", 11, 0.0),
             ("Corner Stores Ltd", 6, 10.0), ("Harbour Fish Bar", 7, 0.0), ("Sunrise Bakery", 9, 2.5),
             ("Spice Route Restaurant", 10, 5.0), ("Old Mill Pub", 8, 0.0), ("Fresh & Co Grocers", 7, 10.0)]
PRODUCTS = [("Whole Milk 1L", "Dairy", 0.89, 12, 60), ("Cheddar Block 5kg", "Dairy", 31.50, 1, 6),
            ("Butter 250g", "Dairy", 2.15, 10, 48), ("Greek Yogurt 1kg", "Dairy", 3.40, 4, 24),
            ("Tomatoes 5kg", "Produce", 7.80, 2, 12), ("Potatoes 10kg", "Produce", 6.25, 2, 15),
            ("Onions 5kg", "Produce", 4.60, 1, 10), ("Lettuce Box", "Produce", 9.90, 1, 8),
            ("Chicken Breast 2kg", "Meat", 13.75, 2, 16), ("Beef Mince 5kg", "Meat", 38.20, 1, 6),
            ("Bacon Pack 1kg", "Meat", 8.95, 2, 14), ("Flour 16kg", "Dry goods", 11.40, 1, 8),
            ("Rice 10kg", "Dry goods", 14.60, 1, 6), ("Pasta 5kg", "Dry goods", 8.30, 1, 10),
            ("Olive Oil 5L", "Dry goods", 27.90, 1, 5), ("Cola Case 24", "Beverages", 10.80, 2, 20),
            ("Sparkling Water Case 12", "Beverages", 5.45, 2, 24), ("Orange Juice 1L", "Beverages", 1.65, 6, 36)]


def wholesale_invoice_lines():
    rng = random.Random(24017)
    cols = [("invoice_no", "TEXT"), ("customer", "TEXT"), ("product", "TEXT"), ("category", "TEXT"),
            ("quantity", "INTEGER"), ("unit_price", "REAL"), ("discount_pct", "REAL"), ("line_total", "REAL"),
            ("invoice_date", "TEXT"), ("paid", "TEXT"), ("returned_qty", "INTEGER")]
    raise_for = {p[0]: rng.choice([0.0, 0.0, 0.04, 0.06, 0.08]) for p in PRODUCTS}
    invoices = []
    for _ in range(190):
        cust = rng.choices(CUSTOMERS, [c[1] for c in CUSTOMERS])[0]
        while True:
            d = date(2024, 1, 2) + timedelta(days=rng.randrange(363))
            if d.weekday() < 6:
                break
        invoices.append((d, cust))
    invoices.sort(key=lambda x: (x[0], x[1][0]))
    rows = []
    for k, (d, (cust, _, disc)) in enumerate(invoices):
        inv = "INV-%05d" % (24001 + k)
        days_old = (date(2024, 12, 31) - d).days
        paid = "no" if rng.random() < (0.55 if days_old < 45 else 0.2 if days_old < 120 else 0.04) else "yes"
        n_lines = rng.choices([1, 2, 3, 4, 5], [3, 5, 6, 4, 2])[0]
        for prod, cat, price, lo, hi in rng.sample(PRODUCTS, n_lines):
            qty = rng.randint(lo, hi)
            up = _money(price * (1 + raise_for[prod]) if d.month >= 7 else price)
            line_disc = disc if rng.random() < 0.85 else 0.0
            total = _money(qty * up * (1 - line_disc / 100))
            ret = None
            if rng.random() < (0.16 if cat in ("Produce", "Dairy") else 0.06):
                ret = rng.randint(1, max(1, qty // 3))
            rows.append([inv, cust, prod, cat, qty, up, line_disc, total, d.isoformat(), paid, ret])
    return cols, rows


AGENTS = [("Amira Haddad", "Billing"), ("Ben Carter", "Billing"), ("Chloe Martin", "Billing"),
          ("Daniel Okafor", "Orders"), ("Elena Rossi", "Orders"), ("Farid Nasser", "Orders"),
          ("Grace Liu", "Tech Support"), ("Hugo Bauer", "Tech Support"), ("Isla Murphy", "Tech Support"),
          ("Jonas Berg", "Tech Onboarding"), ("Kira Sato", "Tech Onboarding")]
TEAMS = [("Billing", 30, 1.0), ("Orders", 26, 0.8), ("Tech Support", 30, 1.5), ("Tech Onboarding", 14, 1.2)]


def call_centre_calls():
    rng = random.Random(7312)
    cols = [("call_id", "TEXT"), ("agent", "TEXT"), ("team", "TEXT"), ("started_at", "TEXT"),
            ("wait_seconds", "INTEGER"), ("talk_seconds", "INTEGER"), ("outcome", "TEXT"),
            ("satisfaction", "INTEGER"), ("customer_tier", "TEXT")]
    rows = []
    for _ in range(430):
        team, _, wmult = rng.choices(TEAMS, [t[1] for t in TEAMS])[0]
        while True:
            d = date(2024, 7, 1) + timedelta(days=rng.randrange(184))
            if d.weekday() < 5 or (d.weekday() == 5 and rng.random() < 0.4):
                break
        hour = rng.choice([8, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16, 17, 18])
        ts = datetime(d.year, d.month, d.day, hour, rng.randrange(60), rng.randrange(60))
        tier = rng.choices(["Gold", "Silver", "Bronze"], [18, 34, 48])[0]
        busy = 1.4 if hour in (9, 10, 13) else 1.0
        wait = int(rng.expovariate(1 / (95 * wmult * busy * (0.6 if tier == "Gold" else 1.0)))) + 5
        p_ab = min(0.6, 0.03 + wait / 1400)
        if rng.random() < p_ab:
            outcome, agent, talk, sat = "abandoned", None, 0, None
        else:
            agent = rng.choice([a for a, t in AGENTS if t == team])
            outcome = rng.choices(["resolved", "escalated", "callback"], [70, 14 + (8 if team.startswith("Tech") else 0), 12])[0]
            talk = int(rng.gauss(420 if team.startswith("Tech") else 260, 110))
            talk = max(45, talk + (240 if outcome == "escalated" else 0))
            sat = None
            if rng.random() < 0.55:
                base = 4.3 - wait / 400 - (1.2 if outcome == "escalated" else 0.5 if outcome == "callback" else 0)
                base += {"Ben Carter": -0.5, "Hugo Bauer": -0.4, "Kira Sato": 0.3}.get(agent, 0)
                sat = max(1, min(5, int(round(base + rng.gauss(0, 0.8)))))
        rows.append([None, agent, team, ts.strftime("%Y-%m-%d %H:%M:%S"), wait, talk, outcome, sat, tier])
    rows.sort(key=lambda r: r[3])
    for i, r in enumerate(rows):
        r[0] = "CL-%05d" % (50001 + i)
    return cols, rows


TABLES = {"wholesale_invoice_lines": wholesale_invoice_lines, "call_centre_calls": call_centre_calls}

W, K = "wholesale_invoice_lines", "call_centre_calls"

# ---- wholesale_invoice_lines ---------------------------------------------------------------------------------

CASES = [
    # 1: the measure behind a count word
    C(W, 1, "how many invoices did we send out in 2024?",
      "SELECT COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines"),
    C(W, 1, "How many units of Whole Milk 1L did we sell?",
      "SELECT SUM(quantity) FROM wholesale_invoice_lines WHERE product = 'Whole Milk 1L'"),
    C(W, 1, "how many customers bought dairy products from us",
      "SELECT COUNT(DISTINCT customer) FROM wholesale_invoice_lines WHERE category = 'Dairy'"),
    C(W, 1, "Number of orders per customer",
      "SELECT customer, COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines GROUP BY customer"),
    C(W, 1, "How many items were returned to us in total?",
      "SELECT SUM(returned_qty) FROM wholesale_invoice_lines"),
    C(W, 1, "How many different products did Old Mill Pub order over the year?",
      "SELECT COUNT(DISTINCT product) FROM wholesale_invoice_lines WHERE customer = 'Old Mill Pub'"),

    # 2: "per X" vs group by
    C(W, 2, "What's the average invoice value?",
      "SELECT AVG(t) FROM (SELECT invoice_no, SUM(line_total) AS t FROM wholesale_invoice_lines GROUP BY invoice_no)"),
    C(W, 2, "average line total per category",
      "SELECT category, AVG(line_total) FROM wholesale_invoice_lines GROUP BY category"),
    C(W, 2, "Revenue per customer please",
      "SELECT customer, SUM(line_total) FROM wholesale_invoice_lines GROUP BY customer"),
    C(W, 2, "On average how many lines does an invoice have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines"),
    C(W, 2, "avg units per invoice?",
      "SELECT SUM(quantity) * 1.0 / COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines"),
    C(W, 2, "What did each product sell for on average per unit? (average unit price per product)",
      "SELECT product, AVG(unit_price) FROM wholesale_invoice_lines GROUP BY product"),

    # 3: lost filters
    C(W, 3, "Total sales to the Green Leaf businesses (the cafe and the deli)",
      "SELECT SUM(line_total) FROM wholesale_invoice_lines WHERE customer LIKE 'Green Leaf%'"),
    C(W, 3, "How many invoice lines went out with no discount at all?",
      "SELECT COUNT(*) FROM wholesale_invoice_lines WHERE discount_pct = 0"),
    C(W, 3, "Which customers spent more than 3,000 with us this year?",
      "SELECT customer FROM wholesale_invoice_lines GROUP BY customer HAVING SUM(line_total) > 3000"),
    C(W, 3, "how many invoice lines were for meat or dairy",
      "SELECT COUNT(*) FROM wholesale_invoice_lines WHERE category IN ('Meat', 'Dairy')"),
    C(W, 3, "Which products have an average unit price above the average unit price across all lines?",
      "SELECT product FROM wholesale_invoice_lines GROUP BY product HAVING AVG(unit_price) > "
      "(SELECT AVG(unit_price) FROM wholesale_invoice_lines)"),
    C(W, 3, "Total sales excluding beverages",
      "SELECT SUM(line_total) FROM wholesale_invoice_lines WHERE category <> 'Beverages'"),
    C(W, 3, "How many invoices came to more than 300 euros in total?",
      "SELECT COUNT(*) FROM (SELECT invoice_no FROM wholesale_invoice_lines GROUP BY invoice_no "
      "HAVING SUM(line_total) > 300)"),
    C(W, 3, "what's the unpaid total for all the Corner customers (Corner Shop Express + Corner Stores Ltd)?",
      "SELECT SUM(line_total) FROM wholesale_invoice_lines WHERE customer LIKE 'Corner%' AND paid = 'no'"),

    # 4: explicit order and shape
    C(W, 4, "Top 5 customers by revenue",
      "SELECT customer, SUM(line_total) AS rev FROM wholesale_invoice_lines GROUP BY customer ORDER BY rev DESC LIMIT 5",
      ordered=True),
    C(W, 4, "rank categories by units sold, lowest first",
      "SELECT category, SUM(quantity) AS u FROM wholesale_invoice_lines GROUP BY category ORDER BY u ASC",
      ordered=True),
    C(W, 4, "Show the 3 largest invoice lines with invoice number, product and line total",
      "SELECT invoice_no, product, line_total FROM wholesale_invoice_lines ORDER BY line_total DESC LIMIT 3",
      ordered=True),
    C(W, 4, "Which product sold the fewest units?",
      "SELECT product FROM wholesale_invoice_lines GROUP BY product ORDER BY SUM(quantity) ASC LIMIT 1"),
    C(W, 4, "List our 10 biggest invoices by total value, biggest first",
      "SELECT invoice_no, SUM(line_total) AS t FROM wholesale_invoice_lines GROUP BY invoice_no ORDER BY t DESC LIMIT 10",
      ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(W, 5, "Revenue broken down by customer and category",
      "SELECT customer, category, SUM(line_total) FROM wholesale_invoice_lines GROUP BY customer, category"),
    C(W, 5, "stacked bar chart of monthly revenue by category",
      "SELECT substr(invoice_date, 1, 7) AS month, category, SUM(line_total) FROM wholesale_invoice_lines "
      "GROUP BY month, category", chart="bar", series=True),
    C(W, 5, "For every product give me units sold, revenue and the average discount %",
      "SELECT product, SUM(quantity), SUM(line_total), AVG(discount_pct) FROM wholesale_invoice_lines GROUP BY product"),
    C(W, 5, "Scatter plot: number of invoices vs total revenue, one dot per customer",
      "SELECT customer, COUNT(DISTINCT invoice_no), SUM(line_total) FROM wholesale_invoice_lines GROUP BY customer",
      chart="scatter"),
    C(W, 5, "Units sold per quarter for each category",
      "SELECT quarter(invoice_date) AS q, category, SUM(quantity) FROM wholesale_invoice_lines GROUP BY q, category"),

    # 6: the analysis kind
    C(W, 6, "box plot of line totals by category",
      "SELECT category, MIN(line_total), median(line_total), MAX(line_total) FROM wholesale_invoice_lines "
      "GROUP BY category", chart="box"),
    C(W, 6, "Histogram of line totals with bins of 25 euros",
      "SELECT CAST(line_total / 25 AS INTEGER) * 25 AS bin, COUNT(*) FROM wholesale_invoice_lines GROUP BY bin",
      chart="histogram"),
    T(W, 6, "What does the spread of unit prices look like? histogram please", "distribution_plot", ["unit_price"],
      chart="histogram"),
    C(W, 6, "Is there a correlation between quantity and line total? give me the coefficient",
      "SELECT (COUNT(*) * SUM(quantity * line_total) - SUM(quantity) * SUM(line_total)) / "
      "(sqrt(COUNT(*) * SUM(quantity * quantity) - SUM(quantity) * SUM(quantity)) * "
      "sqrt(COUNT(*) * SUM(line_total * line_total) - SUM(line_total) * SUM(line_total))) "
      "FROM wholesale_invoice_lines", tolerance=1e-4),
    C(W, 6, "Scatter of quantity against line total for the produce lines",
      "SELECT quantity, line_total FROM wholesale_invoice_lines WHERE category = 'Produce'", chart="scatter"),

    # 7: derived measures
    C(W, 7, "What share of units sold came back as returns, by category? (returned units / units sold)",
      "SELECT category, TOTAL(returned_qty) / SUM(quantity) FROM wholesale_invoice_lines GROUP BY category"),
    C(W, 7, "Number of invoices by day of the week",
      "SELECT dayname(invoice_date) AS d, COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines GROUP BY d"),
    C(W, 7, "running total of revenue by month",
      "SELECT month, SUM(r) OVER (ORDER BY month) FROM (SELECT substr(invoice_date, 1, 7) AS month, "
      "SUM(line_total) AS r FROM wholesale_invoice_lines GROUP BY month) ORDER BY month", ordered=True),
    C(W, 7, "Percent change in revenue from Q1 to Q4 2024",
      "SELECT (SUM(CASE WHEN quarter(invoice_date) = '2024-Q4' THEN line_total END) - "
      "SUM(CASE WHEN quarter(invoice_date) = '2024-Q1' THEN line_total END)) * 100.0 / "
      "SUM(CASE WHEN quarter(invoice_date) = '2024-Q1' THEN line_total END) FROM wholesale_invoice_lines"),
    C(W, 7, "How much money did we give away in discounts over the year? (list price x qty minus what we invoiced)",
      "SELECT SUM(quantity * unit_price - line_total) FROM wholesale_invoice_lines", tolerance=1e-4),
    C(W, 7, "What percentage of our invoices are still unpaid?",
      "SELECT COUNT(DISTINCT CASE WHEN paid = 'no' THEN invoice_no END) * 100.0 / COUNT(DISTINCT invoice_no) "
      "FROM wholesale_invoice_lines"),
    C(W, 7, "average gap in days between Bella Napoli Restaurant's invoices",
      "SELECT (julianday(MAX(invoice_date)) - julianday(MIN(invoice_date))) / (COUNT(DISTINCT invoice_no) - 1) "
      "FROM wholesale_invoice_lines WHERE customer = 'Bella Napoli Restaurant'"),

    # 8: words about the chart
    C(W, 8, "Bar chart of revenue by category, categories along the x axis",
      "SELECT category, SUM(line_total) FROM wholesale_invoice_lines GROUP BY category", chart="bar"),
    C(W, 8, "line chart of units sold each month",
      "SELECT substr(invoice_date, 1, 7) AS month, SUM(quantity) FROM wholesale_invoice_lines GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),
    C(W, 8, "pie chart showing each category's share of revenue",
      "SELECT category, SUM(line_total) FROM wholesale_invoice_lines GROUP BY category", chart="pie"),
    C(W, 8, "Show the unpaid amount for each customer as bars (only customers who owe something)",
      "SELECT customer, SUM(line_total) FROM wholesale_invoice_lines WHERE paid = 'no' GROUP BY customer",
      chart="bar"),
    C(W, 8, "histogram of quantity per line, bin width 10",
      "SELECT CAST(quantity / 10 AS INTEGER) * 10 AS bin, COUNT(*) FROM wholesale_invoice_lines GROUP BY bin",
      chart="histogram"),
    C(W, 8, "visualize the number of invoices per month",
      "SELECT substr(invoice_date, 1, 7) AS month, COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines "
      "GROUP BY month"),

    # 9: the shape of the answer
    C(W, 9, "biggest single line total?",
      "SELECT MAX(line_total) FROM wholesale_invoice_lines"),
    C(W, 9, "Which customer placed the most orders?",
      "SELECT customer FROM wholesale_invoice_lines GROUP BY customer ORDER BY COUNT(DISTINCT invoice_no) DESC LIMIT 1"),
    C(W, 9, "When did Old Mill Pub first order from us?",
      "SELECT MIN(invoice_date) FROM wholesale_invoice_lines WHERE customer = 'Old Mill Pub'"),
    C(W, 9, "Total revenue and number of invoices, in a single row",
      "SELECT SUM(line_total), COUNT(DISTINCT invoice_no) FROM wholesale_invoice_lines"),
    C(W, 9, "list the product categories we sell",
      "SELECT DISTINCT category FROM wholesale_invoice_lines"),

    # basic
    C(W, "basic", "What was our total revenue in 2024?",
      "SELECT SUM(line_total) FROM wholesale_invoice_lines"),
    C(W, "basic", "which month had the highest sales",
      "SELECT substr(invoice_date, 1, 7) AS month FROM wholesale_invoice_lines GROUP BY month "
      "ORDER BY SUM(line_total) DESC LIMIT 1"),
    C(W, "basic", "How much does Bella Napoli Restaurant still owe us?",
      "SELECT SUM(line_total) FROM wholesale_invoice_lines WHERE customer = 'Bella Napoli Restaurant' AND paid = 'no'"),
    C(W, "basic", "How many cases of cola did we sell in March?",
      "SELECT SUM(quantity) FROM wholesale_invoice_lines WHERE product = 'Cola Case 24' "
      "AND invoice_date LIKE '2024-03%'"),
    C(W, "basic", "average discount % on Fresh & Co Grocers' lines",
      "SELECT AVG(discount_pct) FROM wholesale_invoice_lines WHERE customer = 'Fresh & Co Grocers'"),
]

FLAGGED = [
    F(W, "What's our profit margin on each product?", "there is no cost column"),
    F(W, "How much will Green Leaf Cafe order next quarter?", "a forecast"),
    F(W, "Why did so much produce come back in the summer?", "a cause the data cannot give"),
    F(W, "What is the average order per customer?",
      "two readings: one figure (average invoice value) or a list of each customer's average"),
]

# ---- call_centre_calls ---------------------------------------------------------------------------------------

CASES += [
    # 1: the measure behind a count word
    C(K, 1, "how many calls came in?",
      "SELECT COUNT(*) FROM call_centre_calls"),
    C(K, 1, "How many agents answered calls?",
      "SELECT COUNT(DISTINCT agent) FROM call_centre_calls"),
    C(K, 1, "How many calls got a satisfaction score?",
      "SELECT COUNT(satisfaction) FROM call_centre_calls"),
    C(K, 1, "calls by team - how many each",
      "SELECT team, COUNT(*) FROM call_centre_calls GROUP BY team"),
    C(K, 1, "How many hours did agents spend talking to customers in total?",
      "SELECT SUM(talk_seconds) / 3600.0 FROM call_centre_calls"),

    # 2: "per X" vs group by
    C(K, 2, "average wait per call",
      "SELECT AVG(wait_seconds) FROM call_centre_calls"),
    C(K, 2, "Average talk time per agent",
      "SELECT agent, AVG(talk_seconds) FROM call_centre_calls WHERE agent IS NOT NULL GROUP BY agent"),
    C(K, 2, "How many calls do we get per day on average? Count only the days we had calls.",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT substr(started_at, 1, 10)) FROM call_centre_calls"),
    C(K, 2, "avg satisfaction per customer tier",
      "SELECT customer_tier, AVG(satisfaction) FROM call_centre_calls GROUP BY customer_tier"),
    C(K, 2, "Escalations per team",
      "SELECT team, COUNT(*) FROM call_centre_calls WHERE outcome = 'escalated' GROUP BY team"),

    # 3: lost filters
    C(K, 3, "How many callers waited more than 5 minutes?",
      "SELECT COUNT(*) FROM call_centre_calls WHERE wait_seconds > 300"),
    C(K, 3, "How many calls were not resolved?",
      "SELECT COUNT(*) FROM call_centre_calls WHERE outcome <> 'resolved'"),
    C(K, 3, "Gold customers: how many of their calls were abandoned or ended in a callback?",
      "SELECT COUNT(*) FROM call_centre_calls WHERE customer_tier = 'Gold' AND outcome IN ('abandoned', 'callback')"),
    C(K, 3, "which agents have an average satisfaction below 3.5?",
      "SELECT agent FROM call_centre_calls WHERE agent IS NOT NULL GROUP BY agent HAVING AVG(satisfaction) < 3.5"),
    C(K, 3, "How many calls waited longer than the average wait?",
      "SELECT COUNT(*) FROM call_centre_calls WHERE wait_seconds > (SELECT AVG(wait_seconds) FROM call_centre_calls)"),
    C(K, 3, "total calls handled by the tech teams (support and onboarding together)",
      "SELECT COUNT(*) FROM call_centre_calls WHERE team LIKE 'Tech%'"),
    C(K, 3, "how many surveyed calls scored 4 or 5?",
      "SELECT COUNT(*) FROM call_centre_calls WHERE satisfaction >= 4"),
    C(K, 3, "Which teams had more than 120 calls?",
      "SELECT team FROM call_centre_calls GROUP BY team HAVING COUNT(*) > 120"),

    # 4: explicit order and shape
    C(K, 4, "Top 3 agents by total talk time in seconds",
      "SELECT agent, SUM(talk_seconds) AS t FROM call_centre_calls WHERE agent IS NOT NULL GROUP BY agent "
      "ORDER BY t DESC LIMIT 3", ordered=True),
    C(K, 4, "rank the teams by average wait, longest first",
      "SELECT team, AVG(wait_seconds) AS w FROM call_centre_calls GROUP BY team ORDER BY w DESC", ordered=True),
    C(K, 4, "The 5 longest calls by talk time - call id, agent and talk seconds",
      "SELECT call_id, agent, talk_seconds FROM call_centre_calls ORDER BY talk_seconds DESC LIMIT 5", ordered=True),
    C(K, 4, "Which customer tier has the shortest average wait?",
      "SELECT customer_tier FROM call_centre_calls GROUP BY customer_tier ORDER BY AVG(wait_seconds) ASC LIMIT 1"),
    C(K, 4, "agents sorted by average satisfaction, best to worst",
      "SELECT agent, AVG(satisfaction) AS s FROM call_centre_calls WHERE agent IS NOT NULL GROUP BY agent "
      "ORDER BY s DESC", ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(K, 5, "calls by team and outcome",
      "SELECT team, outcome, COUNT(*) FROM call_centre_calls GROUP BY team, outcome"),
    C(K, 5, "Stacked bars: number of calls per month split by outcome",
      "SELECT substr(started_at, 1, 7) AS month, outcome, COUNT(*) FROM call_centre_calls GROUP BY month, outcome",
      chart="bar", series=True),
    C(K, 5, "For each agent: number of calls, average talk time and average satisfaction",
      "SELECT agent, COUNT(*), AVG(talk_seconds), AVG(satisfaction) FROM call_centre_calls WHERE agent IS NOT NULL "
      "GROUP BY agent"),
    C(K, 5, "Scatter plot of average wait against number of calls, one point per hour of the day",
      "SELECT CAST(substr(started_at, 12, 2) AS INTEGER) AS h, AVG(wait_seconds), COUNT(*) FROM call_centre_calls "
      "GROUP BY h", chart="scatter"),
    C(K, 5, "monthly call volume for each customer tier",
      "SELECT substr(started_at, 1, 7) AS month, customer_tier, COUNT(*) FROM call_centre_calls "
      "GROUP BY month, customer_tier"),

    # 6: the analysis kind
    C(K, 6, "Box plot of wait times by team",
      "SELECT team, MIN(wait_seconds), median(wait_seconds), MAX(wait_seconds) FROM call_centre_calls GROUP BY team",
      chart="box"),
    C(K, 6, "histogram of wait_seconds, 60 second bins",
      "SELECT CAST(wait_seconds / 60 AS INTEGER) * 60 AS bin, COUNT(*) FROM call_centre_calls GROUP BY bin",
      chart="histogram"),
    T(K, 6, "show me the distribution of talk time", "distribution_plot", ["talk_seconds"]),
    C(K, 6, "What's the correlation between wait time and satisfaction, for the calls that were surveyed?",
      "SELECT (COUNT(*) * SUM(wait_seconds * satisfaction) - SUM(wait_seconds) * SUM(satisfaction)) / "
      "(sqrt(COUNT(*) * SUM(wait_seconds * wait_seconds) - SUM(wait_seconds) * SUM(wait_seconds)) * "
      "sqrt(COUNT(*) * SUM(satisfaction * satisfaction) - SUM(satisfaction) * SUM(satisfaction))) "
      "FROM call_centre_calls WHERE satisfaction IS NOT NULL", tolerance=1e-4),
    C(K, 6, "Scatter wait seconds vs talk seconds for escalated calls",
      "SELECT wait_seconds, talk_seconds FROM call_centre_calls WHERE outcome = 'escalated'", chart="scatter"),

    # 7: derived measures
    C(K, 7, "Abandonment rate by team, as a percentage",
      "SELECT team, AVG(outcome = 'abandoned') * 100.0 FROM call_centre_calls GROUP BY team"),
    C(K, 7, "Calls by day of week",
      "SELECT dayname(started_at) AS d, COUNT(*) FROM call_centre_calls GROUP BY d"),
    C(K, 7, "what hour of the day do calls come in? count per hour",
      "SELECT CAST(substr(started_at, 12, 2) AS INTEGER) AS h, COUNT(*) FROM call_centre_calls GROUP BY h"),
    C(K, 7, "Average talk time in minutes for calls an agent picked up",
      "SELECT AVG(talk_seconds) / 60.0 FROM call_centre_calls WHERE outcome <> 'abandoned'"),
    C(K, 7, "By how many percent did call volume change from Q3 to Q4?",
      "SELECT (SUM(quarter(started_at) = '2024-Q4') - SUM(quarter(started_at) = '2024-Q3')) * 100.0 / "
      "SUM(quarter(started_at) = '2024-Q3') FROM call_centre_calls"),
    C(K, 7, "Running total of calls by month",
      "SELECT month, SUM(n) OVER (ORDER BY month) FROM (SELECT substr(started_at, 1, 7) AS month, COUNT(*) AS n "
      "FROM call_centre_calls GROUP BY month) ORDER BY month", ordered=True),
    C(K, 7, "Average wait in minutes for each day of the week",
      "SELECT dayname(started_at) AS d, AVG(wait_seconds) / 60.0 FROM call_centre_calls GROUP BY d"),

    # 8: words about the chart
    C(K, 8, "Bar chart with team on the x axis and average satisfaction on the y axis",
      "SELECT team, AVG(satisfaction) FROM call_centre_calls GROUP BY team", chart="bar"),
    C(K, 8, "line chart of average wait time per month",
      "SELECT substr(started_at, 1, 7) AS month, AVG(wait_seconds) FROM call_centre_calls GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),
    C(K, 8, "pie of call outcomes",
      "SELECT outcome, COUNT(*) FROM call_centre_calls GROUP BY outcome", chart="pie"),
    C(K, 8, "bar chart of how many calls got each satisfaction score (1 to 5)",
      "SELECT satisfaction, COUNT(*) FROM call_centre_calls WHERE satisfaction IS NOT NULL GROUP BY satisfaction",
      chart="bar"),
    C(K, 8, "Display the daily number of calls in December 2024 as a line",
      "SELECT substr(started_at, 1, 10) AS day, COUNT(*) FROM call_centre_calls WHERE started_at LIKE '2024-12%' "
      "GROUP BY day ORDER BY day", ordered=True, chart="line"),

    # 9: the shape of the answer
    C(K, 9, "longest wait anyone had?",
      "SELECT MAX(wait_seconds) FROM call_centre_calls"),
    C(K, 9, "Which agent ended the most calls with a callback?",
      "SELECT agent FROM call_centre_calls WHERE outcome = 'callback' GROUP BY agent ORDER BY COUNT(*) DESC LIMIT 1"),
    C(K, 9, "When did the first call of the period come in?",
      "SELECT MIN(started_at) FROM call_centre_calls"),
    C(K, 9, "Number of calls and average satisfaction, as one row",
      "SELECT COUNT(*), AVG(satisfaction) FROM call_centre_calls"),
    C(K, 9, "what teams do we have?",
      "SELECT DISTINCT team FROM call_centre_calls"),

    # basic
    C(K, "basic", "What's our average satisfaction score?",
      "SELECT AVG(satisfaction) FROM call_centre_calls"),
    C(K, "basic", "Which team takes the most calls?",
      "SELECT team FROM call_centre_calls GROUP BY team ORDER BY COUNT(*) DESC LIMIT 1"),
    C(K, "basic", "how many calls did gold tier customers make in November",
      "SELECT COUNT(*) FROM call_centre_calls WHERE customer_tier = 'Gold' AND started_at LIKE '2024-11%'"),
    C(K, "basic", "What fraction of calls were resolved?",
      "SELECT AVG(outcome = 'resolved') FROM call_centre_calls"),
    C(K, "basic", "How long did abandoned callers wait on average, in seconds?",
      "SELECT AVG(wait_seconds) FROM call_centre_calls WHERE outcome = 'abandoned'"),
]

FLAGGED += [
    F(K, "What are the most common reasons people call us?", "there is no call reason column"),
    F(K, "How many calls should we expect in January 2025?", "a forecast"),
    F(K, "Why is Tech Support's satisfaction lower than the other teams'?", "a cause the data cannot give"),
    F(K, "How long do calls take?", "two readings: the wait, the talk time, or both together"),
]
