"""The invented tables of the class set, generated deterministically (a fixed seed per table).

Each generator returns (columns, rows): columns as [(name, sqlite type)], rows as lists of str, int, float or
None (an empty CSV cell). eval/build_classset.py writes them as CSV and loads them into sqlite for the gold.
Dev tables: taxi_trips, bookshop_order_lines, hospital_visits, products, store_sales.
Held-out tables (used only by the held-out split): flights, course_catalogue, warehouse_shipments.
"""
import random
from datetime import date, datetime, timedelta


def _day(rng, start, end):
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _money(x):
    return round(x + 1e-9, 2)


# ---- dev tables ----------------------------------------------------------------------------------------------

DRIVERS = [("Amara Okafor", "Sedan"), ("Ben Carter", "SUV"), ("Chloe Dubois", "Electric"), ("Dmitri Volkov", "Van"),
           ("Elena Rossi", "Sedan"), ("Farid Haddad", "Electric"), ("Grace Kim", "SUV"), ("Hugo Silva", "Sedan"),
           ("Ines Moreau", "Van"), ("Jamal Wright", "Electric"), ("Kenji Sato", "Sedan"), ("Lena Fischer", "SUV")]
ZONES = ["Airport", "Downtown", "Harbor", "Midtown", "North Harbor", "North Station", "Northside", "Old Town",
         "University"]


def taxi_trips():
    rng = random.Random(101)
    cols = [("trip_id", "TEXT"), ("driver", "TEXT"), ("vehicle_type", "TEXT"), ("pickup_at", "TEXT"),
            ("dropoff_at", "TEXT"), ("pickup_zone", "TEXT"), ("dropoff_zone", "TEXT"), ("distance_km", "REAL"),
            ("fare", "REAL"), ("tip", "REAL"), ("payment", "TEXT"), ("passengers", "INTEGER"), ("rating", "INTEGER")]
    weights = [9, 7, 6, 8, 10, 5, 7, 9, 6, 8, 11, 6]
    rows = []
    for i in range(400):
        driver, vehicle = rng.choices(DRIVERS, weights)[0]
        pickup = datetime(2024, 1, 1) + timedelta(minutes=rng.randrange(182 * 24 * 60))
        zone = rng.choice(ZONES)
        drop = rng.choice([z for z in ZONES if z != zone])
        dist = round(rng.uniform(0.8, 6.0) if zone != "Airport" else rng.uniform(8, 28), 1)
        minutes = int(dist * 2.4 + rng.randrange(4, 18))
        fare = _money(3.5 + 1.75 * dist + 0.3 * minutes + (5 if zone == "Airport" else 0)
                      + (2.5 if vehicle in ("SUV", "Van") else 0))
        payment = rng.choices(["Card", "Cash", "App"], [5, 2, 3])[0]
        tip = 0.0 if payment == "Cash" else _money(fare * rng.choice([0, 0, 0.05, 0.1, 0.15, 0.2]))
        rating = None if rng.random() < 0.12 else rng.choices([1, 2, 3, 4, 5], [1, 2, 5, 10, 12])[0]
        rows.append(["T%04d" % (i + 1), driver, vehicle, pickup.strftime("%Y-%m-%d %H:%M:%S"),
                     (pickup + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S"), zone, drop, dist, fare,
                     tip, payment, rng.choices([1, 2, 3, 4], [10, 5, 2, 1])[0], rating])
    rows.sort(key=lambda r: r[3])
    for i, r in enumerate(rows):
        r[0] = "T%04d" % (i + 1)
    return cols, rows


BOOKS = [("The Night Garden", "Mara Lind", "Fiction", 14.99), ("The Night Train", "Oskar Brandt", "Mystery", 12.5),
         ("The Nightingale's Song", "Mara Lind", "Fiction", 16.0), ("Night Shift", "Tess Doyle", "Mystery", 11.25),
         ("Garden of Stone", "Ravi Menon", "History", 22.0), ("Gardening for Beginners", "Ada Holt", "Home", 18.75),
         ("Data Made Simple", "Lucas Perez", "Science", 29.9), ("Data Science Basics", "Lucas Perez", "Science", 34.5),
         ("The Quiet Harbour", "Tess Doyle", "Mystery", 13.4), ("The Quantum Kitchen", "Nina Sol", "Cooking", 25.0),
         ("Kitchen Table Maths", "Ada Holt", "Science", 19.99), ("A Short History of Salt", "Ravi Menon", "History", 21.5),
         ("Salt and Stars", "Mara Lind", "Fiction", 15.5), ("Little Fox Finds Home", "June Park", "Children", 8.99),
         ("Little Fox at Sea", "June Park", "Children", 8.99), ("Bread Every Day", "Nina Sol", "Cooking", 27.0),
         ("Empires of Ice", "Ravi Menon", "History", 24.0), ("The Last Lighthouse", "Oskar Brandt", "Mystery", 12.99),
         ("Stars Over Lisbon", "Elif Aydin", "Fiction", 17.25), ("The Clockmaker", "Elif Aydin", "Fiction", 14.0)]
CUSTOMERS = ["Abel", "Bianca", "Carlos", "Dana", "Eitan", "Fatima", "Gustav", "Hana", "Ivo", "Jade", "Kofi", "Lara",
             "Milo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wes", "Xia", "Yara",
             "Zane"]


def bookshop_order_lines():
    rng = random.Random(202)
    cols = [("order_id", "TEXT"), ("line_no", "INTEGER"), ("order_date", "TEXT"), ("customer", "TEXT"),
            ("channel", "TEXT"), ("title", "TEXT"), ("author", "TEXT"), ("genre", "TEXT"), ("quantity", "INTEGER"),
            ("unit_price", "REAL"), ("discount_pct", "INTEGER"), ("line_total", "REAL")]
    cust_w = [rng.randint(1, 9) for _ in CUSTOMERS]
    book_w = [rng.randint(2, 12) for _ in BOOKS]
    days = sorted(_day(rng, date(2023, 1, 1), date(2024, 12, 31)) for _ in range(230))
    rows = []
    for k, d in enumerate(days):
        customer = rng.choices(CUSTOMERS, cust_w)[0]
        channel = rng.choice(["Online", "Online", "In store"])
        discount = rng.choice([0, 0, 0, 5, 10, 20])
        for line, book in enumerate(rng.sample(BOOKS, rng.choices([1, 2, 3, 4], [5, 4, 2, 1])[0]), 1):
            qty = rng.choices([1, 2, 3, 5], [10, 4, 2, 1])[0]
            total = _money(qty * book[3] * (1 - discount / 100.0))
            rows.append(["B-%d" % (1001 + k), line, d.isoformat(), customer, channel, book[0], book[1], book[2], qty,
                         book[3], discount, total])
    return cols, rows


DEPARTMENTS = {"Cardiology": (["Dr. Adeyemi", "Dr. Brooks"], 4200, 7), "Emergency": (["Dr. Chen", "Dr. Duarte"], 900, 1),
               "Neurology": (["Dr. Evans", "Dr. Farouk"], 3800, 6), "Oncology": (["Dr. Gallo", "Dr. Hale"], 6100, 5),
               "Orthopedics": (["Dr. Ito", "Dr. Jansen"], 3100, 4), "Pediatrics": (["Dr. Kaur", "Dr. Lopez"], 1500, 2)}


def hospital_visits():
    rng = random.Random(303)
    cols = [("visit_id", "TEXT"), ("patient_id", "TEXT"), ("age", "INTEGER"), ("sex", "TEXT"), ("department", "TEXT"),
            ("doctor", "TEXT"), ("admitted_on", "TEXT"), ("discharged_on", "TEXT"), ("insurer", "TEXT"),
            ("cost", "REAL"), ("outcome", "TEXT")]
    patients = []
    for p in range(180):
        age = rng.choice([rng.randint(1, 15), rng.randint(18, 64), rng.randint(18, 64), rng.randint(65, 92)])
        patients.append(("P%04d" % (p + 1), age, rng.choice("FM"),
                         rng.choices(["Acme Health", "BlueStar", "Meridian Mutual", "Self-pay"], [5, 4, 3, 1])[0]))
    rows = []
    for v in range(360):
        pid, age, sex, insurer = rng.choice(patients)
        dept = "Pediatrics" if age < 16 and rng.random() < 0.7 else rng.choice(
            [d for d in DEPARTMENTS if d != "Pediatrics" or age < 16])
        doctors, base, stay_max = DEPARTMENTS[dept]
        admitted = _day(rng, date(2023, 7, 1), date(2024, 6, 30))
        stay = rng.randint(0, stay_max * 2)
        cost = _money(base * rng.uniform(0.4, 1.6) + stay * rng.uniform(300, 700))
        outcome = rng.choices(["Recovered", "Transferred", "Readmitted"], [12, 2, 3])[0]
        rows.append([None, pid, age, sex, dept, rng.choice(doctors), admitted.isoformat(),
                     (admitted + timedelta(days=stay)).isoformat(), insurer, cost, outcome])
    rows.sort(key=lambda r: (r[6], r[1]))
    for i, r in enumerate(rows):
        r[0] = "V%05d" % (i + 1)
    return cols, rows


BRANDS = ["Apex", "Borealis", "Cobalt", "Dune", "Ember", "Fjord", "Granite", "Helix"]
CATEGORIES = {"Laptops": (["Pro", "Air", "Studio", "Go"], 650, 2400, [13, 14, 15, 16]),
              "Phones": (["One", "Lite", "Max", "Mini"], 180, 1300, [5, 6, 7, 8]),
              "Headphones": (["Buds", "Studio", "Sport", "Over"], 25, 450, [2, 3, 4, 5]),
              "Monitors": (["View", "Pro", "Ultra", "Flat"], 140, 1100, [24, 27, 32, 34]),
              "Tablets": (["Tab", "Slate", "Pad", "Note"], 120, 1200, [8, 10, 11, 12])}


def products():
    rng = random.Random(404)
    cols = [("product_id", "TEXT"), ("product_name", "TEXT"), ("brand", "TEXT"), ("category", "TEXT"),
            ("price", "REAL"), ("rating", "REAL"), ("reviews", "INTEGER"), ("launch_date", "TEXT"),
            ("in_stock", "TEXT"), ("warranty_years", "INTEGER")]
    rows, names = [], set()
    while len(rows) < 120:
        brand, (cat, (series, lo, hi, sizes)) = rng.choice(BRANDS), rng.choice(list(CATEGORIES.items()))
        name = "%s %s %d" % (brand, rng.choice(series), rng.choice(sizes))
        if name in names:
            continue
        names.add(name)
        price = round(rng.uniform(lo, hi), 0) - 0.01
        rating = round(min(5.0, max(2.0, rng.gauss(4.0 + (price - lo) / (hi - lo) * 0.4, 0.45))), 1)
        rows.append([None, name, brand, cat, round(price, 2), rating, rng.randint(3, 5200),
                     _day(rng, date(2021, 1, 1), date(2024, 10, 31)).isoformat(),
                     rng.choices(["Yes", "No"], [4, 1])[0], rng.choice([1, 1, 2, 3])])
    rows.sort(key=lambda r: r[1])
    for i, r in enumerate(rows):
        r[0] = "SKU-%03d" % (i + 1)
    return cols, rows


STORES = [("Aberdeen", "North"), ("Bristol", "South"), ("Cardiff", "West"), ("Derby", "East"), ("Exeter", "South"),
          ("Glasgow", "North"), ("Hull", "East"), ("Leeds", "North"), ("Norwich", "East"), ("Swansea", "West")]


def store_sales():
    rng = random.Random(505)
    cols = [("month", "TEXT"), ("store", "TEXT"), ("region", "TEXT"), ("units_sold", "INTEGER"),
            ("revenue", "REAL"), ("cost", "REAL"), ("profit", "REAL"), ("returns", "INTEGER")]
    rows = []
    for y in (2023, 2024):
        for m in range(1, 13):
            season = 1.0 + 0.35 * (m in (11, 12)) - 0.15 * (m in (1, 2)) + 0.06 * (y == 2024)
            for store, region in STORES:
                units = int(rng.uniform(700, 1600) * season * (1.25 if store in ("Leeds", "Bristol") else 1))
                revenue = _money(units * rng.uniform(17.5, 23.5))
                cost = _money(revenue * rng.uniform(0.78, 1.12) + (900 if store == "Hull" and m in (1, 2, 3) else 0))
                rows.append(["%d-%02d-01" % (y, m), store, region, units, revenue, cost, _money(revenue - cost),
                             int(units * rng.uniform(0.01, 0.06))])
    return cols, rows


# ---- held-out tables -----------------------------------------------------------------------------------------

AIRPORTS = {"AMS": (52.3, 4.8), "BCN": (41.3, 2.1), "CDG": (49.0, 2.5), "DUB": (53.4, -6.3), "FRA": (50.0, 8.6),
            "LIS": (38.8, -9.1), "MAD": (40.5, -3.6), "OSL": (60.2, 11.1)}
PILOTS = [("Ana Varga", 41), ("Bruno Keller", 55), ("Cora Lindqvist", 33), ("Diego Ramos", 47), ("Eva Novak", 29),
          ("Finn O'Brien", 61), ("Greta Holm", 38), ("Hassan Ali", 52), ("Iris Moreau", 44), ("Jonas Berg", 36)]


def _km(a, b):
    (la1, lo1), (la2, lo2) = AIRPORTS[a], AIRPORTS[b]
    return int(((la1 - la2) ** 2 + ((lo1 - lo2) * 0.65) ** 2) ** 0.5 * 111)


def flights():
    rng = random.Random(606)
    cols = [("flight_no", "TEXT"), ("airline", "TEXT"), ("origin", "TEXT"), ("destination", "TEXT"),
            ("departure_date", "TEXT"), ("booked_on", "TEXT"), ("pilot", "TEXT"), ("pilot_age", "INTEGER"),
            ("delay_min", "INTEGER"), ("seats", "INTEGER"), ("passengers", "INTEGER"), ("distance_km", "INTEGER"),
            ("ticket_revenue", "REAL")]
    airlines = {"Aurora Air": "AU", "Blue Heron": "BH", "Crestline": "CR", "Northwind": "NW"}
    rows = []
    for i in range(280):
        airline = rng.choices(list(airlines), [5, 3, 4, 2])[0]
        origin, dest = rng.sample(sorted(AIRPORTS), 2)
        dep = _day(rng, date(2024, 1, 1), date(2024, 9, 30))
        pilot, age = rng.choice(PILOTS)
        seats = rng.choice([150, 180, 180, 220])
        pax = min(seats, int(seats * rng.uniform(0.55, 1.02)))
        delay = rng.choice([rng.randint(-15, -1), rng.randint(0, 10), rng.randint(0, 10), rng.randint(11, 180)])
        dist = _km(origin, dest)
        rows.append(["%s%d" % (airlines[airline], 100 + i), airline, origin, dest, dep.isoformat(),
                     (dep - timedelta(days=rng.randint(1, 120))).isoformat(), pilot, age, delay, seats, pax, dist,
                     _money(pax * (40 + dist * rng.uniform(0.06, 0.11)))])
    rows.sort(key=lambda r: (r[4], r[0]))
    return cols, rows


COURSES = [("Introduction to Programming", "Computer Science"), ("Introduction to Statistics", "Mathematics"),
           ("Introduction to Philosophy", "Philosophy"), ("Introduction to Economics", "Economics"),
           ("Advanced Statistics", "Mathematics"), ("Advanced Programming", "Computer Science"),
           ("Data Structures", "Computer Science"), ("Databases", "Computer Science"), ("Linear Algebra", "Mathematics"),
           ("Calculus I", "Mathematics"), ("Calculus II", "Mathematics"), ("Ethics", "Philosophy"),
           ("Logic", "Philosophy"), ("Microeconomics", "Economics"), ("Macroeconomics", "Economics"),
           ("Econometrics", "Economics"), ("Organic Chemistry", "Chemistry"), ("General Chemistry", "Chemistry"),
           ("Biochemistry", "Chemistry"), ("Machine Learning", "Computer Science")]
INSTRUCTORS = {"Computer Science": ["Prof. Alvarez", "Prof. Baker", "Prof. Cho"],
               "Mathematics": ["Prof. Dietrich", "Prof. Eze"], "Philosophy": ["Prof. Fontaine", "Prof. Gill"],
               "Economics": ["Prof. Hoffmann", "Prof. Iqbal"], "Chemistry": ["Prof. Jovanovic", "Prof. Kowalski"]}
TERMS = ["2023-09-04", "2024-01-15", "2024-09-02", "2025-01-13"]


def course_catalogue():
    rng = random.Random(707)
    cols = [("course_code", "TEXT"), ("title", "TEXT"), ("department", "TEXT"), ("level", "INTEGER"),
            ("credits", "INTEGER"), ("instructor", "TEXT"), ("start_date", "TEXT"), ("format", "TEXT"),
            ("enrolled", "INTEGER"), ("capacity", "INTEGER"), ("avg_grade", "REAL")]
    prefix = {"Computer Science": "CS", "Mathematics": "MA", "Philosophy": "PH", "Economics": "EC", "Chemistry": "CH"}
    rows = []
    for n, (title, dept) in enumerate(COURSES):
        level = 100 if title.startswith("Introduction") or title.endswith(" I") else rng.choice([200, 300, 400])
        for term in sorted(rng.sample(TERMS, rng.randint(2, 4))):
            cap = rng.choice([30, 40, 60, 120])
            enrolled = min(cap, int(cap * rng.uniform(0.35, 1.05)))
            rows.append(["%s%d-%s" % (prefix[dept], level + n, term[:7].replace("-", "")), title, dept, level,
                         rng.choice([3, 3, 4, 5, 6]), rng.choice(INSTRUCTORS[dept]), term,
                         rng.choice(["On campus", "Online", "Hybrid"]), enrolled, cap,
                         round(rng.uniform(58, 91), 1)])
    return cols, rows


SKUS = [("WX-100", "Fasteners", 0.4), ("WX-105", "Fasteners", 0.9), ("PL-200", "Plumbing", 2.5),
        ("PL-210", "Plumbing", 4.1), ("EL-300", "Electrical", 1.2), ("EL-310", "Electrical", 0.3),
        ("EL-320", "Electrical", 6.5), ("TL-400", "Tools", 3.3), ("TL-410", "Tools", 8.0), ("PA-500", "Paint", 5.0),
        ("PA-505", "Paint", 10.0)]


def warehouse_shipments():
    rng = random.Random(808)
    cols = [("shipment_id", "TEXT"), ("line_no", "INTEGER"), ("shipped_on", "TEXT"), ("delivered_on", "TEXT"),
            ("warehouse", "TEXT"), ("carrier", "TEXT"), ("destination_country", "TEXT"), ("sku", "TEXT"),
            ("product_line", "TEXT"), ("units", "INTEGER"), ("weight_kg", "REAL"), ("line_cost", "REAL")]
    rows = []
    days = sorted(_day(rng, date(2024, 1, 2), date(2024, 12, 20)) for _ in range(160))
    for k, d in enumerate(days):
        wh = rng.choice(["Rotterdam", "Rotterdam", "Leipzig", "Lyon", "Poznan"])
        carrier = rng.choice(["FastFreight", "Q-Logistics", "RoadRunner"])
        country = rng.choice(["Belgium", "Czechia", "France", "Germany", "Italy", "Netherlands", "Poland", "Spain"])
        arrive = d + timedelta(days=rng.randint(1, 9) + (2 if carrier == "RoadRunner" else 0))
        for line, (sku, pl, w) in enumerate(rng.sample(SKUS, rng.randint(1, 4)), 1):
            units = rng.choice([5, 10, 20, 25, 40, 50, 100])
            weight = round(units * w, 1)
            rows.append(["S-%d" % (5001 + k), line, d.isoformat(), arrive.isoformat(), wh, carrier, country, sku, pl,
                         units, weight, _money(12 + weight * rng.uniform(0.35, 0.6))])
    return cols, rows


DEV = {"taxi_trips": taxi_trips, "bookshop_order_lines": bookshop_order_lines, "hospital_visits": hospital_visits,
       "products": products, "store_sales": store_sales}
HELDOUT = {"flights": flights, "course_catalogue": course_catalogue, "warehouse_shipments": warehouse_shipments}
