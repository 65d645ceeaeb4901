"""Audit set, author "shop_payroll": an online outdoor-goods shop's order lines and a company's monthly payroll.

webshop_order_lines (463 rows): one row per order line of an online shop selling outdoor clothing and gear,
orders placed in 2024. Grain: order line; `order_id` (WS-24001 ... WS-24235, 235 orders) repeats over its lines,
`line_no` numbers the lines within an order. `ordered_at` is the order's timestamp (ISO 'YYYY-MM-DD HH:MM:SS',
the same on every line of an order), `customer` and `country` (7 countries) belong to the order, as does
`payment_method` (Credit card, PayPal, Klarna, Bank transfer, Apple Pay). `product` (20 products, names sharing
prefixes: Trail Runner 3 / Trail Runner 3 GTX / Trail Hiker Mid, Daypack 22L / Daypack 30L, Headlamp 300 /
Headlamp 500, Rain Jacket Pro / Rain Jacket Lite, Merino Tee / Merino Hoodie) and its `category` (Footwear,
Apparel, Accessories, Bags, Gear), `quantity` (units), `unit_price` (EUR list price before discount),
`discount_pct` (0-30, per line; 20-30 in Black Friday week 25 Nov - 2 Dec). A line's net amount is
quantity * unit_price * (100 - discount_pct) / 100; there is no amount column. `shipped_date` (ISO date) is
BLANK when the line has not shipped yet: orders placed from 27 Dec 2024 on, and a back-ordered sleeping bag.
`returned` is Yes/No (an unshipped line is No).

monthly_payroll (332 rows): one row per employee per month (a payslip), 2024-01 .. 2024-12, 30 employees in 6
departments (Engineering, Sales, Support, Finance, Operations, Marketing); some joined or left during the year
so they have fewer than 12 rows. `month` is 'YYYY-MM' text. `base_salary` is the monthly base in EUR (most got
a raise from April), `overtime_hours` (decimal, may be 0), `overtime_pay` (hours * base/160 * 1.5; 0 when no
overtime), `bonus` is BLANK when no bonus was paid that month (Sales earn a monthly commission bonus, others a
quarterly bonus in Mar/Jun/Sep/Dec for some), and NEGATIVE for a clawback (a commission taken back after a
cancelled deal, 3 rows). `sick_days` (integer, mostly 0), `remote` TRUE/FALSE (worked mainly remotely that month).
Job titles share prefixes (Software Engineer / Senior Software Engineer / Junior Software Engineer, Support
Agent / Senior Support Agent / Support Team Lead, Sales Representative / Senior Sales Representative).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F

PRODUCTS = [
    ("Trail Runner 3", "Footwear", 119.00, 9), ("Trail Runner 3 GTX", "Footwear", 149.00, 6),
    ("Trail Hiker Mid", "Footwear", 134.50, 5), ("City Sneaker", "Footwear", 79.90, 8),
    ("Rain Jacket Pro", "Apparel", 159.00, 5), ("Rain Jacket Lite", "Apparel", 99.00, 7),
    ("Merino Tee", "Apparel", 45.00, 10), ("Merino Hoodie", "Apparel", 89.00, 6),
    ("Fleece Pullover", "Apparel", 59.95, 6), ("Hiking Socks 3-Pack", "Accessories", 19.99, 12),
    ("Wool Beanie", "Accessories", 24.00, 7), ("Water Bottle 750ml", "Accessories", 14.50, 9),
    ("Daypack 22L", "Bags", 74.00, 5), ("Daypack 30L", "Bags", 89.00, 4), ("Travel Duffel 40L", "Bags", 109.00, 3),
    ("Headlamp 300", "Gear", 34.90, 6), ("Headlamp 500", "Gear", 49.90, 4), ("Trekking Poles", "Gear", 69.00, 4),
    ("Camp Stove", "Gear", 54.00, 3), ("Sleeping Bag -5C", "Gear", 189.00, 3)]
FIRST = ["Anna", "Lukas", "Marie", "Jonas", "Sophie", "Paul", "Emma", "Felix", "Lea", "Noah", "Chloe", "Hugo",
         "Lina", "Lucas", "Julie", "Thomas", "Sanne", "Daan", "Eva", "Bram", "Laura", "Pablo", "Lucia", "Marco",
         "Giulia", "Matteo", "Elise", "Arne", "Katrin", "Stefan", "Ines", "Tobias", "Nora", "Jan", "Clara", "Milan"]
LAST = ["Becker", "Schmidt", "Weber", "Martin", "Dubois", "Bernard", "de Vries", "Jansen", "Bakker", "Garcia",
        "Lopez", "Rossi", "Bianchi", "Huber", "Gruber", "Peeters", "Maes", "Wagner", "Fischer", "Moreau"]
COUNTRIES = [("Germany", 30), ("France", 14), ("Netherlands", 12), ("Austria", 8), ("Spain", 9), ("Italy", 9),
             ("Belgium", 6)]


def webshop_order_lines():
    rng = random.Random(9101)
    cols = [("order_id", "TEXT"), ("line_no", "INTEGER"), ("ordered_at", "TEXT"), ("shipped_date", "TEXT"),
            ("customer", "TEXT"), ("country", "TEXT"), ("payment_method", "TEXT"), ("product", "TEXT"),
            ("category", "TEXT"), ("quantity", "INTEGER"), ("unit_price", "REAL"), ("discount_pct", "INTEGER"),
            ("returned", "TEXT")]
    names = set()
    customers = []
    while len(customers) < 64:
        n = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
        if n in names:
            continue
        names.add(n)
        customers.append((n, rng.choices([c for c, _ in COUNTRIES], [w for _, w in COUNTRIES])[0],
                          rng.choice([1, 1, 2, 3, 4, 6])))
    month_w = [6, 5, 6, 7, 8, 7, 6, 6, 7, 8, 13, 14]
    orders = []
    for _ in range(235):
        m = rng.choices(range(1, 13), month_w)[0]
        last = 31 if m == 12 else (date(2024, m + 1, 1) - timedelta(days=1)).day
        d = date(2024, m, rng.randint(1, last))
        hour = rng.choices(range(24), [1, 1, 0, 0, 0, 0, 1, 2, 3, 4, 5, 5, 6, 5, 5, 5, 6, 7, 8, 10, 11, 9, 6, 3])[0]
        ts = datetime(d.year, d.month, d.day, hour, rng.randrange(60), rng.randrange(60))
        orders.append(ts)
    orders.sort()
    rows = []
    for k, ts in enumerate(orders):
        cust, country, _w = rng.choices(customers, [c[2] for c in customers])[0]
        pay = rng.choices(["Credit card", "PayPal", "Klarna", "Bank transfer", "Apple Pay"], [9, 8, 4, 2, 3])[0]
        d = ts.date()
        black_friday = date(2024, 11, 25) <= d <= date(2024, 12, 2)
        if d >= date(2024, 12, 27):
            ship = None
        else:
            lag = rng.choices([1, 2, 3, 4, 6, 9], [6, 8, 5, 3, 2, 1])[0]
            s = d + timedelta(days=lag)
            if s.weekday() == 6:
                s += timedelta(days=1)
            ship = s
        n_lines = rng.choices([1, 2, 3, 4, 5], [9, 7, 4, 2, 1])[0]
        pool, picked = list(PRODUCTS), []
        for _ in range(n_lines):
            p = rng.choices(pool, [x[3] for x in pool])[0]
            pool.remove(p)
            picked.append(p)
        for ln, (prod, cat, price, _pw) in enumerate(picked, 1):
            if cat == "Accessories":
                qty = rng.choices([1, 2, 3, 4, 6], [8, 5, 3, 1, 1])[0]
            else:
                qty = rng.choices([1, 2, 3], [14, 3, 1])[0]
            if black_friday:
                disc = rng.choice([20, 25, 30])
            else:
                disc = rng.choices([0, 5, 10, 15, 20], [20, 2, 4, 2, 1])[0]
            line_ship = ship
            if ship is not None and prod == "Sleeping Bag -5C" and d >= date(2024, 12, 1):
                line_ship = None  # back-ordered
            if line_ship is None:
                ret = "No"
            else:
                p = {"Footwear": 0.2, "Apparel": 0.12}.get(cat, 0.04)
                ret = "Yes" if rng.random() < p else "No"
            rows.append(["WS-%d" % (24001 + k), ln, ts.strftime("%Y-%m-%d %H:%M:%S"),
                         line_ship.isoformat() if line_ship else None, cust, country, pay, prod, cat, qty,
                         price, disc, ret])
    return cols, rows


STAFF = [
    # name, department, title, monthly base, start month, end month
    ("Alice Brandt", "Engineering", "Software Engineer", 5200, 1, 12),
    ("Bilal Rahman", "Engineering", "Senior Software Engineer", 6900, 1, 12),
    ("Carla Mendes", "Engineering", "Software Engineer", 5000, 1, 12),
    ("David Olsen", "Engineering", "Engineering Manager", 8200, 1, 12),
    ("Erik Lund", "Engineering", "Junior Software Engineer", 3900, 4, 12),
    ("Fiona Walsh", "Engineering", "Senior Software Engineer", 7100, 1, 8),
    ("George Adeyemi", "Sales", "Sales Representative", 3600, 1, 12),
    ("Hanna Kowalski", "Sales", "Sales Representative", 3500, 1, 12),
    ("Ivan Petrov", "Sales", "Senior Sales Representative", 4300, 1, 12),
    ("Julia Santos", "Sales", "Sales Manager", 6100, 1, 12),
    ("Kevin Morris", "Sales", "Sales Representative", 3400, 6, 12),
    ("Laura Conti", "Support", "Support Agent", 2900, 1, 12),
    ("Mateo Ruiz", "Support", "Support Agent", 2850, 1, 12),
    ("Nina Hofmann", "Support", "Support Agent", 2950, 1, 12),
    ("Oscar Lindberg", "Support", "Senior Support Agent", 3400, 1, 12),
    ("Priya Nair", "Support", "Support Team Lead", 4100, 1, 12),
    ("Quentin Leroy", "Support", "Support Agent", 2800, 3, 10),
    ("Rosa Jimenez", "Finance", "Accountant", 4200, 1, 12),
    ("Samuel Green", "Finance", "Senior Accountant", 5100, 1, 12),
    ("Tanja Vogel", "Finance", "Finance Manager", 7400, 1, 12),
    ("Umar Siddiqui", "Operations", "Warehouse Associate", 2700, 1, 12),
    ("Vera Novak", "Operations", "Warehouse Associate", 2650, 1, 12),
    ("Walter Berg", "Operations", "Warehouse Supervisor", 3500, 1, 12),
    ("Xenia Popova", "Operations", "Logistics Coordinator", 3300, 1, 12),
    ("Yusuf Demir", "Operations", "Warehouse Associate", 2700, 2, 12),
    ("Zoe Laurent", "Marketing", "Marketing Specialist", 4000, 1, 12),
    ("Adrian Kaya", "Marketing", "Marketing Manager", 6300, 1, 12),
    ("Bianca Moretti", "Marketing", "Content Specialist", 3700, 1, 12),
    ("Carl Jensen", "Operations", "Warehouse Associate", 2600, 1, 7),
    ("Dora Szabo", "Finance", "Accountant", 4150, 7, 12),
]
REMOTE_P = {"Engineering": 0.8, "Sales": 0.3, "Support": 0.5, "Finance": 0.4, "Operations": 0.03,
            "Marketing": 0.6}


def monthly_payroll():
    rng = random.Random(9202)
    cols = [("employee", "TEXT"), ("department", "TEXT"), ("job_title", "TEXT"), ("month", "TEXT"),
            ("base_salary", "REAL"), ("overtime_hours", "REAL"), ("overtime_pay", "REAL"), ("bonus", "REAL"),
            ("sick_days", "INTEGER"), ("remote", "TEXT")]
    rows = []
    for name, dept, title, base, m0, m1 in STAFF:
        raise_pct = rng.choice([0, 2, 3, 3, 4, 5])
        for m in range(m0, m1 + 1):
            salary = base * (1 + raise_pct / 100.0) if m >= 4 and m0 < 4 else base
            salary = round(salary / 10.0) * 10
            if dept in ("Operations", "Support"):
                ot = rng.choices([0, 2, 4, 6, 8, 10, 12, 16], [6, 3, 4, 3, 3, 2, 1, 1])[0]
                if m in (11, 12) and dept == "Operations":
                    ot += rng.choice([4, 6, 8, 10])
            elif dept == "Finance" and m in (1, 3, 6, 9, 12):
                ot = rng.choice([0, 3, 5, 8, 12])
            elif dept == "Engineering":
                ot = rng.choices([0, 0, 0, 2, 4, 6], [5, 5, 5, 2, 2, 1])[0]
            else:
                ot = rng.choices([0, 2, 4], [10, 2, 1])[0]
            if ot and rng.random() < 0.25:
                ot += 0.5
            if "Manager" in title:
                ot = 0
            ot_pay = round(ot * salary / 160.0 * 1.5 + 1e-9, 2)
            bonus = None
            if dept == "Sales":
                if rng.random() < 0.8:
                    bonus = round(rng.uniform(150, 1400) * (1.5 if "Manager" in title else 1), 0)
                if rng.random() < 0.05:
                    bonus = -round(rng.uniform(100, 400), 0)
            elif m in (3, 6, 9, 12) and rng.random() < 0.55:
                bonus = round(salary * rng.choice([0.05, 0.08, 0.1]), 0)
            sick_p = 0.35 if m in (1, 2, 11, 12) else 0.15
            sick = rng.choices([1, 1, 2, 3, 5], [4, 3, 2, 1, 1])[0] if rng.random() < sick_p else 0
            remote = "TRUE" if rng.random() < REMOTE_P[dept] else "FALSE"
            rows.append([name, dept, title, "2024-%02d" % m, float(salary), float(ot), ot_pay, bonus, sick, remote])
    rows.sort(key=lambda r: (r[3], r[0]))
    return cols, rows


TABLES = {"webshop_order_lines": webshop_order_lines, "monthly_payroll": monthly_payroll}

W, P = "webshop_order_lines", "monthly_payroll"
NET = "quantity * unit_price * (100 - discount_pct) / 100.0"   # a line's amount after its discount
COST = "base_salary + overtime_pay + COALESCE(bonus, 0)"        # a payslip's total cost

CASES = [
    # ---- webshop_order_lines -----------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(W, 1, "How many orders came from customers in Italy?",
      "SELECT COUNT(DISTINCT order_id) FROM webshop_order_lines WHERE country = 'Italy'"),
    C(W, 1, "How many Merino Tees did we sell in 2024?",
      "SELECT SUM(quantity) FROM webshop_order_lines WHERE product = 'Merino Tee'"),
    C(W, 1, "How many different customers paid with Klarna at least once?",
      "SELECT COUNT(DISTINCT customer) FROM webshop_order_lines WHERE payment_method = 'Klarna'"),
    C(W, 1, "how many items were sent back by customers?",
      "SELECT SUM(quantity) FROM webshop_order_lines WHERE returned = 'Yes'"),
    C(W, 1, "How many orders included at least one footwear product?",
      "SELECT COUNT(DISTINCT order_id) FROM webshop_order_lines WHERE category = 'Footwear'"),
    # 2: "per X" vs group by
    C(W, 2, "What is our average order value after discounts?",
      "SELECT AVG(t) FROM (SELECT order_id, SUM(%s) AS t FROM webshop_order_lines GROUP BY order_id)" % NET),
    C(W, 2, "Number of orders per country",
      "SELECT country, COUNT(DISTINCT order_id) FROM webshop_order_lines GROUP BY country"),
    C(W, 2, "On average, how many lines does an order have?",
      "SELECT AVG(n) FROM (SELECT order_id, COUNT(*) AS n FROM webshop_order_lines GROUP BY order_id)"),
    C(W, 2, "units sold per category",
      "SELECT category, SUM(quantity) FROM webshop_order_lines GROUP BY category"),
    C(W, 2, "What's the average number of orders per customer?",
      "SELECT AVG(n) FROM (SELECT customer, COUNT(DISTINCT order_id) AS n FROM webshop_order_lines GROUP BY customer)"),
    # 3: lost filters
    C(W, 3, "Which orders still have something waiting to be shipped?",
      "SELECT DISTINCT order_id FROM webshop_order_lines WHERE shipped_date IS NULL"),
    C(W, 3, "How many units of our Trail shoes (products whose name starts with 'Trail') did we sell?",
      "SELECT SUM(quantity) FROM webshop_order_lines WHERE product LIKE 'Trail%'"),
    C(W, 3, "What were net sales after discount in Germany for orders paid by PayPal or Apple Pay?",
      "SELECT SUM(%s) FROM webshop_order_lines WHERE country = 'Germany' "
      "AND payment_method IN ('PayPal', 'Apple Pay')" % NET),
    C(W, 3, "Which customers placed more than 7 orders?",
      "SELECT customer FROM webshop_order_lines GROUP BY customer HAVING COUNT(DISTINCT order_id) > 7"),
    C(W, 3, "Which products have a list price above the average list price of our 20 products?",
      "SELECT DISTINCT product FROM webshop_order_lines WHERE unit_price > "
      "(SELECT AVG(unit_price) FROM (SELECT DISTINCT product, unit_price FROM webshop_order_lines))"),
    C(W, 3, "How many units did we sell to customers outside Germany?",
      "SELECT SUM(quantity) FROM webshop_order_lines WHERE country <> 'Germany'"),
    C(W, 3, "How many order lines had no discount and were not returned?",
      "SELECT COUNT(*) FROM webshop_order_lines WHERE discount_pct = 0 AND returned = 'No'"),
    # 4: explicit order and shape
    C(W, 4, "Top 3 products by units sold, highest first",
      "SELECT product, SUM(quantity) AS units FROM webshop_order_lines GROUP BY product ORDER BY units DESC LIMIT 3",
      ordered=True),
    C(W, 4, "Rank the countries by number of orders, from most to least.",
      "SELECT country, COUNT(DISTINCT order_id) AS orders FROM webshop_order_lines GROUP BY country "
      "ORDER BY orders DESC", ordered=True),
    C(W, 4, "List the categories in alphabetical order with their net sales after discount.",
      "SELECT category, SUM(%s) FROM webshop_order_lines GROUP BY category ORDER BY category" % NET, ordered=True),
    C(W, 4, "Which 3 customers spent the most after discounts? Highest first, with the amount.",
      "SELECT customer, SUM(%s) AS spent FROM webshop_order_lines GROUP BY customer ORDER BY spent DESC LIMIT 3"
      % NET, ordered=True),
    C(W, 4, "Show the 5 products with the lowest net revenue, starting with the lowest.",
      "SELECT product, SUM(%s) AS revenue FROM webshop_order_lines GROUP BY product ORDER BY revenue ASC LIMIT 5"
      % NET, ordered=True),
    # 5: several columns, a series dimension, a scatter of aggregates
    C(W, 5, "Stacked bar chart of net sales by month, split by category",
      "SELECT substr(ordered_at, 1, 7) AS month, category, SUM(%s) FROM webshop_order_lines "
      "GROUP BY month, category" % NET, chart="bar", series=True),
    C(W, 5, "For each country, show the number of orders and the total units sold.",
      "SELECT country, COUNT(DISTINCT order_id), SUM(quantity) FROM webshop_order_lines GROUP BY country"),
    C(W, 5, "Scatter plot with one dot per product: units sold on x, number of returned order lines on y",
      "SELECT product, SUM(quantity), SUM(returned = 'Yes') FROM webshop_order_lines GROUP BY product",
      chart="scatter"),
    C(W, 5, "Compare the number of orders per payment method in each quarter as a grouped bar chart.",
      "SELECT quarter(ordered_at) AS q, payment_method, COUNT(DISTINCT order_id) FROM webshop_order_lines "
      "GROUP BY q, payment_method", chart="bar", series=True),
    C(W, 5, "For each category give the average discount percent and the share of order lines that were returned.",
      "SELECT category, AVG(discount_pct), AVG(returned = 'Yes') FROM webshop_order_lines GROUP BY category"),
    # 6: the analysis kind
    C(W, 6, "Scatter plot of unit price vs quantity for every Footwear order line",
      "SELECT unit_price, quantity FROM webshop_order_lines WHERE category = 'Footwear'", chart="scatter"),
    C(W, 6, "Box plot of line amounts after discount by category",
      "SELECT category, MIN(a), median(a), MAX(a) FROM (SELECT category, %s AS a FROM webshop_order_lines) "
      "GROUP BY category" % NET, chart="box"),
    C(W, 6, "Histogram of unit prices across all order lines, using 25-euro bins",
      "SELECT CAST(unit_price / 25 AS INTEGER) * 25 AS bin, COUNT(*) FROM webshop_order_lines GROUP BY bin",
      chart="histogram"),
    T(W, 6, "Show me the distribution of quantities on order lines.", "distribution_plot", ["quantity"]),
    C(W, 6, "Is there a correlation between the discount percent and the quantity bought on a line?",
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * sqrt(AVG(y * y) - AVG(y) * AVG(y))) "
      "FROM (SELECT discount_pct * 1.0 AS x, quantity * 1.0 AS y FROM webshop_order_lines)"),
    # 7: derived measures
    C(W, 7, "On average, how many days does it take us to ship an order after it is placed? Count each shipped "
            "order once.",
      "SELECT AVG(julianday(shipped_date) - julianday(date(ordered_at))) FROM (SELECT DISTINCT order_id, "
      "ordered_at, shipped_date FROM webshop_order_lines WHERE shipped_date IS NOT NULL)"),
    C(W, 7, "net sales after discount by day of the week",
      "SELECT dayname(ordered_at) AS d, SUM(%s) FROM webshop_order_lines GROUP BY d" % NET),
    C(W, 7, "Give me the running total of net sales (after discounts) month by month through 2024.",
      "SELECT month, SUM(s) OVER (ORDER BY month) FROM (SELECT substr(ordered_at, 1, 7) AS month, SUM(%s) AS s "
      "FROM webshop_order_lines GROUP BY month) ORDER BY month" % NET, ordered=True),
    C(W, 7, "By what percent did net sales after discount change from Q3 to Q4 2024?",
      "SELECT (SUM(CASE WHEN quarter(ordered_at) = '2024-Q4' THEN {n} END) - SUM(CASE WHEN quarter(ordered_at) = "
      "'2024-Q3' THEN {n} END)) * 100 / SUM(CASE WHEN quarter(ordered_at) = '2024-Q3' THEN {n} END) "
      "FROM webshop_order_lines".format(n=NET)),
    C(W, 7, "What is the return rate for each category, as a percentage of order lines?",
      "SELECT category, 100.0 * AVG(returned = 'Yes') FROM webshop_order_lines GROUP BY category"),
    C(W, 7, "Which hour of the day do the most orders come in?",
      "SELECT CAST(substr(ordered_at, 12, 2) AS INTEGER) AS h FROM webshop_order_lines GROUP BY h "
      "ORDER BY COUNT(DISTINCT order_id) DESC LIMIT 1"),
    # 8: words about the chart
    C(W, 8, "Make a bar chart of units sold by category, categories along the x axis.",
      "SELECT category, SUM(quantity) FROM webshop_order_lines GROUP BY category", chart="bar"),
    C(W, 8, "Line chart of monthly net sales after discount, months on the x-axis and sales on the y-axis",
      "SELECT substr(ordered_at, 1, 7) AS month, SUM(%s) FROM webshop_order_lines GROUP BY month ORDER BY month"
      % NET, ordered=True, chart="line"),
    C(W, 8, "Pie chart of orders by payment method",
      "SELECT payment_method, COUNT(DISTINCT order_id) FROM webshop_order_lines GROUP BY payment_method",
      chart="pie"),
    C(W, 8, "Visualize the number of returned items by country as bars.",
      "SELECT country, SUM(quantity) FROM webshop_order_lines WHERE returned = 'Yes' GROUP BY country",
      chart="bar"),
    C(W, 8, "Display a histogram of discount percent with a bin width of 5.",
      "SELECT CAST(discount_pct / 5 AS INTEGER) * 5 AS bin, COUNT(*) FROM webshop_order_lines GROUP BY bin",
      chart="histogram"),
    # 9: the shape of the answer
    C(W, 9, "Which product brought in the most net revenue after discounts?",
      "SELECT product FROM webshop_order_lines GROUP BY product ORDER BY SUM(%s) DESC LIMIT 1" % NET),
    C(W, 9, "What was our busiest month by number of orders?",
      "SELECT substr(ordered_at, 1, 7) AS month FROM webshop_order_lines GROUP BY month "
      "ORDER BY COUNT(DISTINCT order_id) DESC LIMIT 1"),
    C(W, 9, "Just give me the total number of units we sold in December.",
      "SELECT SUM(quantity) FROM webshop_order_lines WHERE ordered_at LIKE '2024-12%'"),
    C(W, 9, "Which country has the highest return rate (share of order lines returned)?",
      "SELECT country FROM webshop_order_lines GROUP BY country ORDER BY AVG(returned = 'Yes') DESC LIMIT 1"),
    C(W, 9, "List any orders with more than 4 lines, along with how many lines each has.",
      "SELECT order_id, COUNT(*) FROM webshop_order_lines GROUP BY order_id HAVING COUNT(*) > 4"),
    # basic business questions
    C(W, "basic", "What was our total net revenue in 2024, after discounts?",
      "SELECT SUM(%s) FROM webshop_order_lines" % NET),
    C(W, "basic", "How much did we give away in discounts in total, in euros?",
      "SELECT SUM(quantity * unit_price * discount_pct / 100.0) FROM webshop_order_lines"),
    C(W, "basic", "What are gross sales (before any discount) for the Bags category?",
      "SELECT SUM(quantity * unit_price) FROM webshop_order_lines WHERE category = 'Bags'"),
    C(W, "basic", "Which products were never returned?",
      "SELECT DISTINCT product FROM webshop_order_lines WHERE product NOT IN "
      "(SELECT product FROM webshop_order_lines WHERE returned = 'Yes')"),
    C(W, "basic", "How many orders were placed during Black Friday week, 25 November to 2 December 2024?",
      "SELECT COUNT(DISTINCT order_id) FROM webshop_order_lines "
      "WHERE date(ordered_at) BETWEEN '2024-11-25' AND '2024-12-02'"),
    C(W, "basic", "What's the total value, after discount, of the order lines that were returned?",
      "SELECT SUM(%s) FROM webshop_order_lines WHERE returned = 'Yes'" % NET),

    # ---- monthly_payroll ---------------------------------------------------------------------------------------
    # 1: the measure behind a count word
    C(P, 1, "How many different employees were on the Support team's payroll at some point in 2024?",
      "SELECT COUNT(DISTINCT employee) FROM monthly_payroll WHERE department = 'Support'"),
    C(P, 1, "How many overtime hours did Operations log in 2024?",
      "SELECT SUM(overtime_hours) FROM monthly_payroll WHERE department = 'Operations'"),
    C(P, 1, "How many sick days were taken in the first quarter?",
      "SELECT SUM(sick_days) FROM monthly_payroll WHERE month BETWEEN '2024-01' AND '2024-03'"),
    C(P, 1, "How many employees received a bonus in December?",
      "SELECT COUNT(DISTINCT employee) FROM monthly_payroll WHERE month = '2024-12' AND bonus > 0"),
    C(P, 1, "how many payslips included overtime pay?",
      "SELECT COUNT(*) FROM monthly_payroll WHERE overtime_pay > 0"),
    # 2: "per X" vs group by
    C(P, 2, "What was the average base salary per department in December?",
      "SELECT department, AVG(base_salary) FROM monthly_payroll WHERE month = '2024-12' GROUP BY department"),
    C(P, 2, "Across the company, what is the average overtime pay per employee for the whole year? One figure please.",
      "SELECT AVG(t) FROM (SELECT employee, SUM(overtime_pay) AS t FROM monthly_payroll GROUP BY employee)"),
    C(P, 2, "Total bonus paid per department",
      "SELECT department, SUM(bonus) FROM monthly_payroll GROUP BY department"),
    C(P, 2, "sick days per month across the company",
      "SELECT month, SUM(sick_days) FROM monthly_payroll GROUP BY month"),
    C(P, 2, "What was our average monthly headcount in 2024?",
      "SELECT AVG(n) FROM (SELECT month, COUNT(DISTINCT employee) AS n FROM monthly_payroll GROUP BY month)"),
    # 3: lost filters
    C(P, 3, "Which employees had a bonus clawed back (a negative bonus) during the year?",
      "SELECT DISTINCT employee FROM monthly_payroll WHERE bonus < 0"),
    C(P, 3, "How many times did someone in Support log more than 10 overtime hours in a month?",
      "SELECT COUNT(*) FROM monthly_payroll WHERE department = 'Support' AND overtime_hours > 10"),
    C(P, 3, "What was the total overtime pay for everyone outside Engineering and Sales?",
      "SELECT SUM(overtime_pay) FROM monthly_payroll WHERE department NOT IN ('Engineering', 'Sales')"),
    C(P, 3, "What's the average December base salary of senior staff, i.e. job titles containing 'Senior'?",
      "SELECT AVG(base_salary) FROM monthly_payroll WHERE month = '2024-12' AND job_title LIKE '%Senior%'"),
    C(P, 3, "Which departments paid out more than 5,000 in bonuses over the year?",
      "SELECT department FROM monthly_payroll GROUP BY department HAVING SUM(bonus) > 5000"),
    C(P, 3, "Which employees had a December base salary above the company-wide December average?",
      "SELECT employee FROM monthly_payroll WHERE month = '2024-12' AND base_salary > "
      "(SELECT AVG(base_salary) FROM monthly_payroll WHERE month = '2024-12')"),
    C(P, 3, "Count the payslips where the employee was off sick for 3 or more days or worked at least 12 overtime "
            "hours.",
      "SELECT COUNT(*) FROM monthly_payroll WHERE sick_days >= 3 OR overtime_hours >= 12"),
    # 4: explicit order and shape
    C(P, 4, "Top 5 employees by total overtime hours in 2024, highest first.",
      "SELECT employee, SUM(overtime_hours) AS h FROM monthly_payroll GROUP BY employee ORDER BY h DESC LIMIT 5",
      ordered=True),
    C(P, 4, "Sort the departments by total payroll cost (base + overtime + bonus), from highest to lowest.",
      "SELECT department, SUM(%s) AS cost FROM monthly_payroll GROUP BY department ORDER BY cost DESC" % COST,
      ordered=True),
    C(P, 4, "List the job titles in Engineering in alphabetical order.",
      "SELECT DISTINCT job_title FROM monthly_payroll WHERE department = 'Engineering' ORDER BY job_title",
      ordered=True),
    C(P, 4, "Which 2 employees took the most sick days? Most first.",
      "SELECT employee, SUM(sick_days) AS d FROM monthly_payroll GROUP BY employee ORDER BY d DESC LIMIT 2",
      ordered=True),
    C(P, 4, "Show total overtime pay for each month in chronological order.",
      "SELECT month, SUM(overtime_pay) FROM monthly_payroll GROUP BY month ORDER BY month", ordered=True),
    # 5: several columns, a series dimension, a scatter of aggregates
    C(P, 5, "Stacked bar chart of overtime hours per month by department",
      "SELECT month, department, SUM(overtime_hours) FROM monthly_payroll GROUP BY month, department",
      chart="bar", series=True),
    C(P, 5, "For each department, give the December headcount and the average December base salary.",
      "SELECT department, COUNT(DISTINCT employee), AVG(base_salary) FROM monthly_payroll WHERE month = '2024-12' "
      "GROUP BY department"),
    C(P, 5, "Scatter plot, one point per employee: total overtime hours against total sick days for the year.",
      "SELECT employee, SUM(overtime_hours), SUM(sick_days) FROM monthly_payroll GROUP BY employee",
      chart="scatter"),
    C(P, 5, "Compare remote and office payslips in each department with a grouped bar chart of counts.",
      "SELECT department, remote, COUNT(*) FROM monthly_payroll GROUP BY department, remote",
      chart="bar", series=True),
    C(P, 5, "Show total base salary, total overtime pay and total bonuses for each quarter.",
      "SELECT quarter(month) AS q, SUM(base_salary), SUM(overtime_pay), SUM(bonus) FROM monthly_payroll GROUP BY q"),
    # 6: the analysis kind
    C(P, 6, "Box plot of December base salaries by department",
      "SELECT department, MIN(base_salary), median(base_salary), MAX(base_salary) FROM monthly_payroll "
      "WHERE month = '2024-12' GROUP BY department", chart="box"),
    C(P, 6, "Histogram of overtime hours per payslip using 5-hour bins",
      "SELECT CAST(overtime_hours / 5 AS INTEGER) * 5 AS bin, COUNT(*) FROM monthly_payroll GROUP BY bin",
      chart="histogram"),
    T(P, 6, "histogram of base salaries", "distribution_plot", ["base_salary"], chart="histogram"),
    C(P, 6, "Do overtime hours and sick days move together? Give me the correlation coefficient across all payslips.",
      "SELECT (AVG(x * y) - AVG(x) * AVG(y)) / (sqrt(AVG(x * x) - AVG(x) * AVG(x)) * sqrt(AVG(y * y) - AVG(y) * AVG(y))) "
      "FROM (SELECT overtime_hours * 1.0 AS x, sick_days * 1.0 AS y FROM monthly_payroll)"),
    C(P, 6, "Scatter overtime hours against overtime pay for every Support payslip.",
      "SELECT overtime_hours, overtime_pay FROM monthly_payroll WHERE department = 'Support'", chart="scatter"),
    # 7: derived measures
    C(P, 7, "By what percentage did total overtime pay change from Q1 to Q4?",
      "SELECT (SUM(CASE WHEN quarter(month) = '2024-Q4' THEN overtime_pay END) - SUM(CASE WHEN quarter(month) = "
      "'2024-Q1' THEN overtime_pay END)) * 100 / SUM(CASE WHEN quarter(month) = '2024-Q1' THEN overtime_pay END) "
      "FROM monthly_payroll"),
    C(P, 7, "Show the cumulative bonus payout month by month through the year.",
      "SELECT month, SUM(b) OVER (ORDER BY month) FROM (SELECT month, SUM(bonus) AS b FROM monthly_payroll "
      "GROUP BY month) ORDER BY month", ordered=True),
    C(P, 7, "What percentage of payslips were remote in each department?",
      "SELECT department, 100.0 * AVG(remote = 'TRUE') FROM monthly_payroll GROUP BY department"),
    C(P, 7, "Overtime pay as a fraction of base salary, by department",
      "SELECT department, SUM(overtime_pay) / SUM(base_salary) FROM monthly_payroll GROUP BY department"),
    C(P, 7, "What's the effective hourly overtime rate in each department (overtime pay divided by overtime hours)?",
      "SELECT department, SUM(overtime_pay) / SUM(overtime_hours) FROM monthly_payroll GROUP BY department"),
    C(P, 7, "Which month saw the biggest increase in total payroll cost (base + overtime + bonus) over the previous "
            "month?",
      "SELECT month FROM (SELECT month, c - LAG(c) OVER (ORDER BY month) AS d FROM (SELECT month, SUM(%s) AS c "
      "FROM monthly_payroll GROUP BY month)) WHERE d IS NOT NULL ORDER BY d DESC LIMIT 1" % COST),
    # 8: words about the chart
    C(P, 8, "Bar chart of total bonuses by department: department on the x axis, bonus amount on the y axis.",
      "SELECT department, SUM(bonus) FROM monthly_payroll GROUP BY department", chart="bar"),
    C(P, 8, "Plot the number of employees on payroll each month as a line chart.",
      "SELECT month, COUNT(DISTINCT employee) FROM monthly_payroll GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(P, 8, "Pie chart of how the 2024 overtime hours split across departments",
      "SELECT department, SUM(overtime_hours) FROM monthly_payroll GROUP BY department", chart="pie"),
    C(P, 8, "Visualize the average December base salary by job title with horizontal bars.",
      "SELECT job_title, AVG(base_salary) FROM monthly_payroll WHERE month = '2024-12' GROUP BY job_title",
      chart="bar"),
    C(P, 8, "Show the number of remote payslips per month as a column chart, months along the x-axis.",
      "SELECT month, COUNT(*) FROM monthly_payroll WHERE remote = 'TRUE' GROUP BY month", chart="bar"),
    # 9: the shape of the answer
    C(P, 9, "Who worked the most overtime hours in total?",
      "SELECT employee FROM monthly_payroll GROUP BY employee ORDER BY SUM(overtime_hours) DESC LIMIT 1"),
    C(P, 9, "Which department had the most sick days in 2024?",
      "SELECT department FROM monthly_payroll GROUP BY department ORDER BY SUM(sick_days) DESC LIMIT 1"),
    C(P, 9, "What did payroll cost in total for the year, base plus overtime plus bonuses? Just the number.",
      "SELECT SUM(%s) FROM monthly_payroll" % COST),
    C(P, 9, "In which month was the bonus payout highest?",
      "SELECT month FROM monthly_payroll GROUP BY month ORDER BY SUM(bonus) DESC LIMIT 1"),
    C(P, 9, "How much did Priya Nair get in bonuses over the year?",
      "SELECT SUM(bonus) FROM monthly_payroll WHERE employee = 'Priya Nair'"),
    # basic business questions
    C(P, "basic", "What is the total base salary bill for 2024?",
      "SELECT SUM(base_salary) FROM monthly_payroll"),
    C(P, "basic", "Which employees left the company before December?",
      "SELECT employee FROM monthly_payroll GROUP BY employee HAVING MAX(month) < '2024-12'"),
    C(P, "basic", "Who joined after January? Show their first payroll month.",
      "SELECT employee, MIN(month) FROM monthly_payroll GROUP BY employee HAVING MIN(month) > '2024-01'"),
    C(P, "basic", "Which employees got a pay rise during the year?",
      "SELECT employee FROM monthly_payroll GROUP BY employee HAVING MAX(base_salary) > MIN(base_salary)"),
    C(P, "basic", "List the Finance team with their job titles.",
      "SELECT DISTINCT employee, job_title FROM monthly_payroll WHERE department = 'Finance'"),
    C(P, "basic", "How much overtime did we pay out in December in total?",
      "SELECT SUM(overtime_pay) FROM monthly_payroll WHERE month = '2024-12'"),
]

FLAGGED = [
    F(W, "What's our profit margin on each product?", "no cost or margin column: only list prices and discounts"),
    F(W, "How many orders should we expect next Black Friday?", "a forecast of the future"),
    F(W, "Why are footwear returns so high?", "asks for a cause the table does not hold (no return reason)"),
    F(W, "Show me the big orders.", "'big' has no threshold and no measure (amount, units or lines)"),
    F(P, "Which employees are on parental leave?", "no leave-type column: only sick days"),
    F(P, "What will our payroll cost be in 2025?", "a forecast of the future"),
    F(P, "Why does Operations work so much overtime?", "asks for a cause the table does not hold"),
    F(P, "What is the average pay per employee?", "ambiguous measure (base only or with overtime and bonus, "
      "monthly or yearly) and either one figure or a list by employee"),
]
