"""Audit set written blind: restaurant order lines and employee timesheets (2024-2025).

restaurant_orders: one row per dish ordered (order_id repeats); served_at blank when the line was cancelled.
employee_timesheets: one row per employee per work day; project blank for some days; overtime TRUE/FALSE.
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T

R = "restaurant_orders"
E = "employee_timesheets"

# ---- restaurant_orders ---------------------------------------------------------------------------------------

WAITERS = ["Alice", "Bruno", "Carmen", "Dmitri", "Elif", "Femi", "Greta", "Hiro"]
# dish, course, unit price, vegetarian
DISHES = [("Tomato Soup", "Starter", 6.5, "yes"), ("Garlic Bread", "Starter", 4.75, "yes"),
          ("Chicken Wings", "Starter", 8.9, "no"), ("Spring Rolls", "Starter", 7.25, "yes"),
          ("Chicken Curry", "Main", 15.5, "no"), ("Chicken Caesar Salad", "Main", 13.25, "no"),
          ("Mushroom Risotto", "Main", 14.0, "yes"), ("Beef Burger", "Main", 16.75, "no"),
          ("Veggie Burger", "Main", 14.5, "yes"), ("Margherita Pizza", "Main", 12.0, "yes"),
          ("Pepperoni Pizza", "Main", 13.5, "no"), ("Grilled Salmon", "Main", 21.0, "no"),
          ("Fish and Chips", "Main", 17.25, "no"), ("Chocolate Cake", "Dessert", 7.0, "yes"),
          ("Lemon Tart", "Dessert", 6.75, "yes"), ("Cheesecake", "Dessert", 7.5, "yes"),
          ("Espresso", "Drink", 2.8, "yes"), ("Lemonade", "Drink", 3.6, "yes"),
          ("House Red Wine", "Drink", 6.9, "yes"), ("Craft Beer", "Drink", 5.4, "yes")]
SERVE_MINUTES = {"Drink": (2, 9), "Starter": (8, 22), "Main": (14, 42), "Dessert": (25, 55)}


def restaurant_orders():
    rng = random.Random(7301)
    cols = [("line_id", "TEXT"), ("order_id", "TEXT"), ("table_no", "INTEGER"), ("waiter", "TEXT"),
            ("dish", "TEXT"), ("course", "TEXT"), ("quantity", "INTEGER"), ("unit_price", "REAL"),
            ("ordered_at", "TEXT"), ("served_at", "TEXT"), ("vegetarian", "TEXT"), ("tip", "REAL")]
    waiter_w = [9, 6, 11, 7, 8, 5, 10, 7]
    dish_w = [rng.randint(2, 12) for _ in DISHES]
    by_course = {}
    for i, d in enumerate(DISHES):
        by_course.setdefault(d[1], []).append(i)
    orders = []
    for _ in range(250):
        start = datetime(2024, 1, 1) + timedelta(days=rng.randrange(731))
        t = start.replace(hour=rng.choice([11, 12, 12, 13, 13, 18, 19, 19, 20, 20, 21]),
                          minute=rng.randrange(60), second=rng.randrange(60))
        orders.append(t)
    orders.sort()
    rows = []
    for k, t in enumerate(orders):
        oid = "O%04d" % (1001 + k)
        table = rng.randint(1, 20)
        waiter = rng.choices(WAITERS, waiter_w)[0]
        n = rng.choices([1, 2, 3, 4, 5], [5, 8, 6, 3, 1])[0]
        courses = rng.sample(["Main", "Drink", "Starter", "Dessert", "Main", "Drink"], n)
        generous = rng.random() < 0.45
        for course in courses:
            idx = rng.choices(by_course[course], [dish_w[i] for i in by_course[course]])[0]
            dish, _, price, veg = DISHES[idx]
            qty = rng.choices([1, 2, 3, 4], [10, 6, 2, 1])[0]
            ordered = t + timedelta(minutes=rng.choice([0, 0, 0, 2, 5]))
            cancelled = rng.random() < 0.07
            served = None if cancelled else (ordered + timedelta(minutes=rng.randint(*SERVE_MINUTES[course]),
                                                                  seconds=rng.randrange(60)))
            tip = 0.0
            if not cancelled and generous and rng.random() < 0.8:
                tip = round(qty * price * rng.uniform(0.05, 0.22) + 1e-9, 2)
            rows.append([None, oid, table, waiter, dish, course, qty, price, ordered.strftime("%Y-%m-%d %H:%M:%S"),
                         served.strftime("%Y-%m-%d %H:%M:%S") if served else None, veg, tip])
    for i, r in enumerate(rows):
        r[0] = "L%04d" % (i + 1)
    return cols, rows


# ---- employee_timesheets -------------------------------------------------------------------------------------

DEPARTMENTS = [("Engineering", 8), ("Sales", 6), ("Customer Support", 7), ("Finance", 4), ("Marketing", 5)]
PROJECTS = ["Apollo", "Borealis", "Cascade", "Data Lake", "Delta Migration", "Falcon"]
FIRST = ["Aisha", "Ben", "Clara", "Diego", "Emma", "Felix", "Gwen", "Hassan", "Ingrid", "Jonas", "Keiko", "Liam",
         "Maya", "Nikolai", "Olivia", "Pedro", "Quinn", "Rania", "Samuel", "Tanya", "Umar", "Valerie", "Wei",
         "Ximena", "Yusuf", "Zoe", "Arjun", "Bianca", "Caleb", "Daria"]
LAST = ["Patel", "Nguyen", "Schmidt", "Garcia", "Okoye", "Larsen", "Rossi", "Cohen", "Tanaka", "Ivanova",
        "Mensah", "Dubois", "Kowalski", "Silva", "Brennan", "Haddad", "Lindqvist", "Moreau", "Osei", "Petrov",
        "Quispe", "Romero", "Sato", "Turner", "Ueda", "Vargas", "Walsh", "Yilmaz", "Zhang", "Ahmed"]


def employee_timesheets():
    rng = random.Random(4417)
    cols = [("entry_id", "TEXT"), ("employee_id", "TEXT"), ("employee_name", "TEXT"), ("department", "TEXT"),
            ("work_date", "TEXT"), ("hours_worked", "REAL"), ("overtime", "TEXT"), ("hourly_rate", "REAL"),
            ("project", "TEXT"), ("remote", "TEXT")]
    base_rate = {"Engineering": 48, "Sales": 34, "Customer Support": 24, "Finance": 40, "Marketing": 32}
    emps = []
    k = 0
    for dept, n in DEPARTMENTS:
        for _ in range(n):
            emps.append({"id": "E%03d" % (101 + k), "name": "%s %s" % (FIRST[k], LAST[k]), "dept": dept,
                         "rate": round(base_rate[dept] * rng.uniform(0.8, 1.3), 2),
                         "part": rng.random() < 0.15, "remote": rng.uniform(0.05, 0.7),
                         "project": rng.choice(PROJECTS), "w": rng.randint(3, 10)})
            k += 1
    seen, rows = set(), []
    while len(rows) < 500:
        e = rng.choices(emps, [x["w"] for x in emps])[0]
        d = date(2024, 1, 1) + timedelta(days=rng.randrange(731))
        if d.weekday() >= 5 and rng.random() < 0.9:
            continue
        if (e["id"], d) in seen:
            continue
        seen.add((e["id"], d))
        if e["part"]:
            hours = rng.randint(16, 30) / 4
        else:
            hours = min(11.5, max(5.0, round(rng.gauss(8.1, 1.2) * 4) / 4))
        r = rng.random()
        project = None if r < 0.15 else e["project"] if r < 0.7 else rng.choice(PROJECTS)
        rows.append([None, e["id"], e["name"], e["dept"], d.isoformat(), hours, "TRUE" if hours > 8 else "FALSE",
                     e["rate"], project, "yes" if rng.random() < e["remote"] else "no"])
    rows.sort(key=lambda x: (x[4], x[1]))
    for i, x in enumerate(rows):
        x[0] = "T%04d" % (i + 1)
    return cols, rows


TABLES = {R: restaurant_orders, E: employee_timesheets}

REV = "quantity * unit_price"
MINS = "(strftime('%s', served_at) - strftime('%s', ordered_at)) / 60.0"
PAY = "hours_worked * hourly_rate"

CASES = [
    # ---- restaurant_orders -----------------------------------------------------------------------------------
    # 1 the measure behind a count word
    C(R, 1, "How many orders did we get in total?", "SELECT COUNT(DISTINCT order_id) AS orders FROM restaurant_orders"),
    C(R, 1, "how many orders did each waiter take", """SELECT waiter, COUNT(DISTINCT order_id) AS orders
      FROM restaurant_orders GROUP BY waiter"""),
    C(R, 1, "How many Chicken Wings have been ordered? I mean portions, not order lines",
      "SELECT SUM(quantity) AS portions FROM restaurant_orders WHERE dish = 'Chicken Wings'"),
    C(R, 1, "number of desserts ordered in 2025", """SELECT SUM(quantity) AS desserts FROM restaurant_orders
      WHERE course = 'Dessert' AND strftime('%Y', ordered_at) = '2025'"""),
    C(R, 1, "How many different dishes show up in the orders?",
      "SELECT COUNT(DISTINCT dish) AS dishes FROM restaurant_orders"),
    # 2 "per X" vs group by
    C(R, 2, "revenue per course", f"SELECT course, SUM({REV}) AS revenue FROM restaurant_orders GROUP BY course"),
    C(R, 2, "What's the average spend per order?", f"""SELECT AVG(total) AS avg_order_value FROM
      (SELECT order_id, SUM({REV}) AS total FROM restaurant_orders GROUP BY order_id)"""),
    C(R, 2, "avg tip by waiter", "SELECT waiter, AVG(tip) AS avg_tip FROM restaurant_orders GROUP BY waiter"),
    C(R, 2, "What is the average tip per order? Add up the tips on each order first.", """SELECT AVG(t) AS avg_tip
      FROM (SELECT order_id, SUM(tip) AS t FROM restaurant_orders GROUP BY order_id)"""),
    # 3 filters
    C(R, 3, "Which dishes cost more than $15?",
      "SELECT DISTINCT dish FROM restaurant_orders WHERE unit_price > 15"),
    C(R, 3, "total revenue excluding drinks",
      f"SELECT SUM({REV}) AS revenue FROM restaurant_orders WHERE course <> 'Drink'"),
    C(R, 3, "cancelled lines by waiter (served_at empty)", """SELECT waiter, COUNT(*) AS cancelled_lines
      FROM restaurant_orders WHERE served_at IS NULL GROUP BY waiter"""),
    C(R, 3, "How many portions of anything with 'Chicken' in the dish name were ordered?",
      "SELECT SUM(quantity) AS portions FROM restaurant_orders WHERE dish LIKE '%Chicken%'"),
    C(R, 3, "revenue from dishes whose name starts with Lemon",
      f"SELECT SUM({REV}) AS revenue FROM restaurant_orders WHERE dish LIKE 'Lemon%'"),
    C(R, 3, "Which waiters have handled more than 30 orders?", """SELECT waiter FROM restaurant_orders
      GROUP BY waiter HAVING COUNT(DISTINCT order_id) > 30"""),
    C(R, 3, "which dishes get a higher average tip than the overall average tip?", """SELECT dish FROM restaurant_orders
      GROUP BY dish HAVING AVG(tip) > (SELECT AVG(tip) FROM restaurant_orders)"""),
    C(R, 3, "What's the total revenue from starters or desserts?",
      f"SELECT SUM({REV}) AS revenue FROM restaurant_orders WHERE course IN ('Starter', 'Dessert')"),
    C(R, 3, "How many non-vegetarian mains were ordered? count the quantity",
      "SELECT SUM(quantity) AS mains FROM restaurant_orders WHERE vegetarian = 'no' AND course = 'Main'"),
    C(R, 3, "How many order lines got a tip of more than $5?",
      "SELECT COUNT(*) AS lines FROM restaurant_orders WHERE tip > 5"),
    # 4 order and shape
    C(R, 4, "top 5 dishes by revenue", f"""SELECT dish, SUM({REV}) AS revenue FROM restaurant_orders
      GROUP BY dish ORDER BY revenue DESC LIMIT 5"""),
    C(R, 4, "List the waiters by total tips, highest first", """SELECT waiter, SUM(tip) AS tips
      FROM restaurant_orders GROUP BY waiter ORDER BY tips DESC""", ordered=True),
    C(R, 4, "Can you sort the dishes by unit price from cheapest to most expensive?", """SELECT DISTINCT dish, unit_price
      FROM restaurant_orders ORDER BY unit_price ASC""", ordered=True),
    C(R, 4, "Which 3 table numbers brought in the most revenue?", f"""SELECT table_no FROM restaurant_orders
      GROUP BY table_no ORDER BY SUM({REV}) DESC LIMIT 3"""),
    C(R, 4, "the 3 least ordered dishes by quantity", """SELECT dish, SUM(quantity) AS qty FROM restaurant_orders
      GROUP BY dish ORDER BY qty ASC LIMIT 3"""),
    # 5 several columns / two keys / series
    C(R, 5, "Stacked bar chart of quantity ordered by course for each waiter", """SELECT waiter, course,
      SUM(quantity) AS qty FROM restaurant_orders GROUP BY waiter, course""", chart="bar", series=True),
    C(R, 5, "For every dish give me the total quantity and the total revenue", f"""SELECT dish,
      SUM(quantity) AS qty, SUM({REV}) AS revenue FROM restaurant_orders GROUP BY dish"""),
    C(R, 5, "grouped bar chart of portions per quarter, vegetarian vs non-vegetarian", """SELECT
      quarter(ordered_at) AS quarter, vegetarian, SUM(quantity) AS portions FROM restaurant_orders
      GROUP BY quarter(ordered_at), vegetarian""", chart="bar", series=True),
    # 6 analysis kind
    C(R, 6, "scatter plot of line revenue (quantity x unit price) against tip, only for Greta's lines",
      f"SELECT {REV} AS revenue, tip FROM restaurant_orders WHERE waiter = 'Greta'", chart="scatter"),
    C(R, 6, "box plot of tips by course", """SELECT course, MIN(tip) AS min_tip, median(tip) AS median_tip,
      MAX(tip) AS max_tip FROM restaurant_orders GROUP BY course""", chart="box"),
    T(R, 6, "show me a histogram of unit prices", "distribution_plot", ["unit_price"], chart="histogram"),
    C(R, 6, "Histogram of tips with $2 bins", """SELECT CAST(tip / 2 AS INTEGER) * 2 AS bin_start, COUNT(*) AS lines
      FROM restaurant_orders GROUP BY bin_start""", chart="histogram"),
    # 7 derived measures
    C(R, 7, "Average minutes from order to serving, per course (ignore cancelled lines)", f"""SELECT course,
      AVG({MINS}) AS avg_minutes FROM restaurant_orders WHERE served_at IS NOT NULL GROUP BY course"""),
    C(R, 7, "bar chart of revenue by day of week", f"""SELECT dayname(ordered_at) AS day, SUM({REV}) AS revenue
      FROM restaurant_orders GROUP BY day""", chart="bar"),
    C(R, 7, "What percentage of order lines are vegetarian dishes?", """SELECT
      100.0 * SUM(vegetarian = 'yes') / COUNT(*) AS pct_vegetarian FROM restaurant_orders"""),
    C(R, 7, "Which month of the year gets the most orders, looking across both years?", """SELECT
      CAST(strftime('%m', ordered_at) AS INTEGER) AS month FROM restaurant_orders GROUP BY month
      ORDER BY COUNT(DISTINCT order_id) DESC LIMIT 1"""),
    C(R, 7, "what share of revenue does each course make up, in percent?", f"""SELECT course,
      100.0 * SUM({REV}) / (SELECT SUM({REV}) FROM restaurant_orders) AS pct_revenue
      FROM restaurant_orders GROUP BY course"""),
    C(R, 7, "tips as a % of revenue for each waiter", f"""SELECT waiter, 100.0 * SUM(tip) / SUM({REV}) AS tip_pct
      FROM restaurant_orders GROUP BY waiter"""),
    C(R, 7, "What's the longest time a served main course took to come out, in minutes?",
      f"SELECT MAX({MINS}) AS minutes FROM restaurant_orders WHERE course = 'Main' AND served_at IS NOT NULL"),
    # 8 words about the chart
    C(R, 8, "Bar chart with waiters on the x axis and total revenue on the y axis", f"""SELECT waiter,
      SUM({REV}) AS revenue FROM restaurant_orders GROUP BY waiter""", chart="bar"),
    C(R, 8, "plot the number of orders per month as a line", """SELECT strftime('%Y-%m', ordered_at) AS month,
      COUNT(DISTINCT order_id) AS orders FROM restaurant_orders GROUP BY month""", chart="line"),
    C(R, 8, "one bar per course showing how many portions we sold", """SELECT course, SUM(quantity) AS portions
      FROM restaurant_orders GROUP BY course""", chart="bar"),
    C(R, 8, "pie chart of revenue by course", f"""SELECT course, SUM({REV}) AS revenue FROM restaurant_orders
      GROUP BY course""", chart="pie"),
    # 9 shape of the answer
    C(R, 9, "monthly revenue for 2025", f"""SELECT strftime('%Y-%m', ordered_at) AS month, SUM({REV}) AS revenue
      FROM restaurant_orders WHERE strftime('%Y', ordered_at) = '2025' GROUP BY month"""),
    C(R, 9, "Revenue by quarter", f"""SELECT quarter(ordered_at) AS quarter, SUM({REV}) AS revenue
      FROM restaurant_orders GROUP BY quarter"""),
    C(R, 9, "total tips per year", """SELECT CAST(strftime('%Y', ordered_at) AS INTEGER) AS year, SUM(tip) AS tips
      FROM restaurant_orders GROUP BY year"""),
    C(R, 9, "In which quarter did we sell the most desserts?", """SELECT quarter(ordered_at) AS quarter
      FROM restaurant_orders WHERE course = 'Dessert' GROUP BY quarter ORDER BY SUM(quantity) DESC LIMIT 1"""),
    # basic
    C(R, "basic", "Which dish has the highest total quantity ordered?", """SELECT dish FROM restaurant_orders
      GROUP BY dish ORDER BY SUM(quantity) DESC LIMIT 1"""),
    C(R, "basic", "what's the most expensive dish on the menu", """SELECT dish FROM restaurant_orders
      GROUP BY dish ORDER BY MAX(unit_price) DESC LIMIT 1"""),
    C(R, "basic", "Which waiter gets the best average tip?", """SELECT waiter FROM restaurant_orders
      GROUP BY waiter ORDER BY AVG(tip) DESC LIMIT 1"""),
    # ---- employee_timesheets ---------------------------------------------------------------------------------
    # 1 the measure behind a count word
    C(E, 1, "How many employees do we have?", "SELECT COUNT(DISTINCT employee_id) AS employees FROM employee_timesheets"),
    C(E, 1, "headcount in each department", """SELECT department, COUNT(DISTINCT employee_id) AS employees
      FROM employee_timesheets GROUP BY department"""),
    C(E, 1, "how many overtime days were there in 2025", """SELECT COUNT(*) AS overtime_days FROM employee_timesheets
      WHERE overtime = 'TRUE' AND strftime('%Y', work_date) = '2025'"""),
    C(E, 1, "How many people have worked on the Falcon project?", """SELECT COUNT(DISTINCT employee_id) AS people
      FROM employee_timesheets WHERE project = 'Falcon'"""),
    # 2 per X
    C(E, 2, "hours per department", """SELECT department, SUM(hours_worked) AS hours FROM employee_timesheets
      GROUP BY department"""),
    C(E, 2, "On average, how many hours in total has each employee logged? Just one number please",
      """SELECT AVG(h) AS avg_hours FROM (SELECT employee_id, SUM(hours_worked) AS h FROM employee_timesheets
      GROUP BY employee_id)"""),
    C(E, 2, "What's the average pay for a single work day (hours times rate)?",
      f"SELECT AVG({PAY}) AS avg_day_pay FROM employee_timesheets"),
    # 3 filters
    C(E, 3, "employees with more than 150 hours", """SELECT employee_name FROM employee_timesheets
      GROUP BY employee_name HAVING SUM(hours_worked) > 150"""),
    C(E, 3, "How many shifts were longer than 10 hours?",
      "SELECT COUNT(*) AS shifts FROM employee_timesheets WHERE hours_worked > 10"),
    C(E, 3, "How many timesheet entries have no project?",
      "SELECT COUNT(*) AS entries FROM employee_timesheets WHERE project IS NULL"),
    C(E, 3, "hours logged on projects starting with D", """SELECT SUM(hours_worked) AS hours
      FROM employee_timesheets WHERE project LIKE 'D%'"""),
    C(E, 3, "Which employees have logged more hours in total than the average employee?", """SELECT employee_name
      FROM employee_timesheets GROUP BY employee_name HAVING SUM(hours_worked) > (SELECT AVG(h) FROM
      (SELECT employee_id, SUM(hours_worked) AS h FROM employee_timesheets GROUP BY employee_id))"""),
    C(E, 3, "number of remote days in Sales or Marketing", """SELECT COUNT(*) AS remote_days FROM employee_timesheets
      WHERE remote = 'yes' AND department IN ('Sales', 'Marketing')"""),
    C(E, 3, "who never worked overtime?", """SELECT employee_name FROM employee_timesheets GROUP BY employee_name
      HAVING SUM(overtime = 'TRUE') = 0"""),
    C(E, 3, "Which departments average more than 7.5 hours a day?", """SELECT department FROM employee_timesheets
      GROUP BY department HAVING AVG(hours_worked) > 7.5"""),
    C(E, 3, "hours per project for every project other than Apollo", """SELECT project, SUM(hours_worked) AS hours
      FROM employee_timesheets WHERE project <> 'Apollo' GROUP BY project"""),
    # 4 order and shape
    C(E, 4, "Top 5 employees by total hours", """SELECT employee_name, SUM(hours_worked) AS hours
      FROM employee_timesheets GROUP BY employee_name ORDER BY hours DESC LIMIT 5"""),
    C(E, 4, "departments sorted by total pay, highest first", f"""SELECT department, SUM({PAY}) AS pay
      FROM employee_timesheets GROUP BY department ORDER BY pay DESC""", ordered=True),
    C(E, 4, "list the projects by hours logged, lowest to highest", """SELECT project, SUM(hours_worked) AS hours
      FROM employee_timesheets WHERE project IS NOT NULL GROUP BY project ORDER BY hours ASC""", ordered=True),
    C(E, 4, "the 3 employees with the lowest hourly rate", """SELECT DISTINCT employee_name, hourly_rate
      FROM employee_timesheets ORDER BY hourly_rate ASC LIMIT 3"""),
    C(E, 4, "Show every employee and their hourly rate, alphabetical by name", """SELECT DISTINCT employee_name,
      hourly_rate FROM employee_timesheets ORDER BY employee_name""", ordered=True),
    # 5 several columns / two keys / series
    C(E, 5, "hours by department and project (skip the entries without a project)", """SELECT department, project,
      SUM(hours_worked) AS hours FROM employee_timesheets WHERE project IS NOT NULL GROUP BY department, project"""),
    C(E, 5, "stacked bar chart of hours per department, split remote vs on-site", """SELECT department, remote,
      SUM(hours_worked) AS hours FROM employee_timesheets GROUP BY department, remote""", chart="bar", series=True),
    C(E, 5, "for each employee show total hours, number of overtime days and total pay", f"""SELECT employee_name,
      SUM(hours_worked) AS hours, SUM(overtime = 'TRUE') AS overtime_days, SUM({PAY}) AS pay
      FROM employee_timesheets GROUP BY employee_name"""),
    C(E, 5, "average and max daily hours per department", """SELECT department, AVG(hours_worked) AS avg_hours,
      MAX(hours_worked) AS max_hours FROM employee_timesheets GROUP BY department"""),
    C(E, 5, "Grouped bar chart: hours worked each quarter, one bar per department", """SELECT
      quarter(work_date) AS quarter, department, SUM(hours_worked) AS hours FROM employee_timesheets
      GROUP BY quarter(work_date), department""", chart="bar", series=True),
    # 6 analysis kind
    C(E, 6, "scatter plot of hours worked against hourly rate for the Finance department", """SELECT hours_worked,
      hourly_rate FROM employee_timesheets WHERE department = 'Finance'""", chart="scatter"),
    C(E, 6, "box plot of daily hours by department", """SELECT department, MIN(hours_worked) AS min_hours,
      median(hours_worked) AS median_hours, MAX(hours_worked) AS max_hours FROM employee_timesheets
      GROUP BY department""", chart="box"),
    T(E, 6, "Histogram of hours worked", "distribution_plot", ["hours_worked"], chart="histogram"),
    C(E, 6, "histogram of daily hours using 1-hour bins", """SELECT CAST(hours_worked AS INTEGER) AS bin_start,
      COUNT(*) AS days FROM employee_timesheets GROUP BY bin_start""", chart="histogram"),
    # 7 derived measures
    C(E, 7, "total payroll cost (hours x rate) by department", f"""SELECT department, SUM({PAY}) AS pay
      FROM employee_timesheets GROUP BY department"""),
    C(E, 7, "which weekday has the most hours logged?", """SELECT dayname(work_date) AS day FROM employee_timesheets
      GROUP BY day ORDER BY SUM(hours_worked) DESC LIMIT 1"""),
    C(E, 7, "line chart of average hours worked by month of the year", """SELECT
      CAST(strftime('%m', work_date) AS INTEGER) AS month, AVG(hours_worked) AS avg_hours FROM employee_timesheets
      GROUP BY month""", chart="line"),
    C(E, 7, "What percent of work days were remote?", """SELECT 100.0 * SUM(remote = 'yes') / COUNT(*) AS pct_remote
      FROM employee_timesheets"""),
    C(E, 7, "overtime rate by department, as a percentage of days worked", """SELECT department,
      100.0 * SUM(overtime = 'TRUE') / COUNT(*) AS pct_overtime FROM employee_timesheets GROUP BY department"""),
    C(E, 7, "If anything over 8 hours in a day counts as overtime, how many overtime hours were worked in total?",
      "SELECT SUM(hours_worked - 8) AS overtime_hours FROM employee_timesheets WHERE hours_worked > 8"),
    # 8 words about the chart
    C(E, 8, "Put departments on the x axis and total hours on the y axis", """SELECT department,
      SUM(hours_worked) AS hours FROM employee_timesheets GROUP BY department""", chart="bar"),
    C(E, 8, "plot monthly total hours as a line chart", """SELECT strftime('%Y-%m', work_date) AS month,
      SUM(hours_worked) AS hours FROM employee_timesheets GROUP BY month""", chart="line"),
    C(E, 8, "make a bar chart with one bar per project showing how many distinct employees worked on it",
      """SELECT project, COUNT(DISTINCT employee_id) AS employees FROM employee_timesheets
      WHERE project IS NOT NULL GROUP BY project""", chart="bar"),
    C(E, 8, "Draw bars of total pay for each department in 2024", f"""SELECT department, SUM({PAY}) AS pay
      FROM employee_timesheets WHERE strftime('%Y', work_date) = '2024' GROUP BY department""", chart="bar"),
    # 9 shape of the answer
    C(E, 9, "bar chart of hours per quarter", """SELECT quarter(work_date) AS quarter, SUM(hours_worked) AS hours
      FROM employee_timesheets GROUP BY quarter""", chart="bar"),
    C(E, 9, "Total pay by year", f"""SELECT CAST(strftime('%Y', work_date) AS INTEGER) AS year, SUM({PAY}) AS pay
      FROM employee_timesheets GROUP BY year"""),
    C(E, 9, "Which month had the most overtime days?", """SELECT strftime('%Y-%m', work_date) AS month
      FROM employee_timesheets WHERE overtime = 'TRUE' GROUP BY month ORDER BY COUNT(*) DESC LIMIT 1"""),
    C(E, 9, "monthly count of distinct employees who logged time in 2024", """SELECT
      strftime('%Y-%m', work_date) AS month, COUNT(DISTINCT employee_id) AS employees FROM employee_timesheets
      WHERE strftime('%Y', work_date) = '2024' GROUP BY month"""),
    # basic
    C(E, "basic", "Who has the highest hourly rate?", """SELECT DISTINCT employee_name FROM employee_timesheets
      ORDER BY hourly_rate DESC LIMIT 1"""),
    C(E, "basic", "Which project has the most hours booked against it?", """SELECT project FROM employee_timesheets
      WHERE project IS NOT NULL GROUP BY project ORDER BY SUM(hours_worked) DESC LIMIT 1"""),
    C(E, "basic", "How much did we pay Customer Support staff in 2025?", f"""SELECT SUM({PAY}) AS pay
      FROM employee_timesheets WHERE department = 'Customer Support' AND strftime('%Y', work_date) = '2025'"""),
]

FLAGGED = [
    F(R, "Why did tips drop last summer?", "asks for a cause; the table holds no reasons"),
    F(R, "How many covers should we expect next Saturday night?", "a forecast, and covers (guests) are not recorded"),
    F(R, "What's the customer satisfaction score for each waiter?", "no rating or satisfaction column"),
    F(R, "what's our profit margin on each dish", "no cost column: profit cannot be computed"),
    F(E, "average hours per employee", "two readings: one figure (mean of per-employee totals or of days) or a list by employee"),
    F(E, "Which employees are likely to quit this year?", "a prediction about attrition the table cannot answer"),
    F(E, "How productive is each department?", "names no measure: productivity is not a column and has no single definition"),
    F(E, "Predict next month's overtime hours for Engineering", "a forecast"),
]
