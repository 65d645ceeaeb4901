"""Audit tables and questions (written blind): a chain of veterinary clinics and a car hire firm.

vet_appointments (one row per booked appointment, 2024): appointment_id (unique, A00001..), pet_id (repeats:
a pet comes back several times), species (Dog, Cat, Rabbit, Guinea pig, Bird, Reptile), vet (nine vets, each
mostly at one branch), branch (Riverside North, Riverside South, Hillcrest, Old Town, Marina Bay: two share the
prefix "Riverside"), booked_for (ISO timestamp 'YYYY-MM-DD HH:MM', Monday to Saturday, 08:00-17:45),
attended (TRUE, or FALSE for a no-show), fee_eur (the booked price of the service, present for no-shows too),
discount_eur (blank when no discount was given; only attended appointments get one), reason (Vaccination,
Wellness check, Dental cleaning, Dental extraction, Surgery, Injury: two share the prefix "Dental"),
follow_up_date (ISO date, blank when no follow-up was booked; only attended appointments get one).

car_rentals (one row per rental, pickups in 2024, extract taken at the end of 2024-12-31): rental_id (unique),
customer_id (repeats: customers rent again), car_class (Economy, Compact, Compact SUV, Full-size, Luxury, Van),
pickup_branch (Airport T1, Airport T2, Central Station, City Centre, Harbour), pickup_date and return_date (ISO
dates; return_date is blank while the car is still out), km_driven (blank while the car is still out),
daily_rate (euros), total_charge (daily_rate x the booked days, charged at pickup; returned cars came back on
the booked day, so it is daily_rate x (return_date - pickup_date)), damage_fee (euros, 0 when none, positive
for damage charged, negative for a goodwill refund), damage_reported (yes/no; damage can be reported with a
0 fee when the customer's insurance covered it).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F


def _money(x):
    return round(x + 1e-9, 2)


SPECIES = [("Dog", 45, 1.10), ("Cat", 33, 1.00), ("Rabbit", 9, 0.90), ("Guinea pig", 5, 0.85), ("Bird", 5, 0.95),
           ("Reptile", 3, 1.20)]
VETS = [("Dr. Anna Kowal", "Riverside North"), ("Dr. Annika Lund", "Riverside North"),
        ("Dr. Ben Osei", "Riverside South"), ("Dr. Carla Mendes", "Riverside South"), ("Dr. David Ng", "Hillcrest"),
        ("Dr. Eva Jansen", "Hillcrest"), ("Dr. Felix Roth", "Old Town"), ("Dr. Grace Obi", "Marina Bay"),
        ("Dr. Hana Sato", "Marina Bay")]
REASONS = [("Vaccination", 26, 45, 65), ("Wellness check", 24, 55, 85), ("Dental cleaning", 12, 120, 220),
           ("Dental extraction", 7, 180, 360), ("Surgery", 9, 380, 1250), ("Injury", 22, 90, 420)]


def vet_appointments():
    rng = random.Random(4711)
    cols = [("appointment_id", "TEXT"), ("pet_id", "TEXT"), ("species", "TEXT"), ("vet", "TEXT"),
            ("branch", "TEXT"), ("booked_for", "TEXT"), ("attended", "TEXT"), ("fee_eur", "REAL"),
            ("discount_eur", "REAL"), ("reason", "TEXT"), ("follow_up_date", "TEXT")]
    pets = []
    for p in range(170):
        sp = rng.choices(SPECIES, [s[1] for s in SPECIES])[0]
        home = rng.choices(VETS, [12, 9, 10, 8, 11, 9, 13, 8, 10])[0]
        pets.append(("PET-%04d" % (p + 101), sp, home, rng.choice([1, 1, 2, 3, 4, 5])))
    rows = []
    for _ in range(540):
        pid, (sp, _, mult), home, w = rng.choices(pets, [x[3] for x in pets])[0]
        vet, branch = home if rng.random() < 0.8 else rng.choice(VETS)
        while True:
            d = date(2024, 1, 2) + timedelta(days=rng.randrange(364))
            if d.weekday() < 5 or (d.weekday() == 5 and rng.random() < 0.5):
                break
        hour = rng.choice([8, 9, 9, 10, 10, 11, 11, 12, 14, 14, 15, 15, 16, 17] if d.weekday() < 5 else [9, 10, 11, 12])
        ts = datetime(d.year, d.month, d.day, hour, rng.choice([0, 15, 30, 45]))
        reason, _, lo, hi = rng.choices(REASONS, [r[1] for r in REASONS])[0]
        if sp in ("Bird", "Reptile", "Guinea pig") and reason.startswith("Dental") and rng.random() < 0.7:
            reason, lo, hi = "Wellness check", 55, 85
        fee = _money(round(rng.uniform(lo, hi) * mult, 0) - (0.5 if rng.random() < 0.3 else 0))
        attended = rng.random() > (0.2 if hour == 8 else 0.09 + (0.05 if reason == "Vaccination" else 0))
        discount = None
        follow = None
        if attended:
            if rng.random() < 0.17:
                discount = float(rng.choice([5, 5, 10, 10, 10, 15, 20, 25, 40]) if fee < 400 else rng.choice([25, 50, 75, 100]))
            p_follow = {"Surgery": 1.0, "Dental extraction": 0.8, "Injury": 0.55}.get(reason, 0.08)
            if rng.random() < p_follow:
                follow = (d + timedelta(days=rng.choice([7, 10, 14, 14, 21, 28, 42]) + rng.randint(0, 3))).isoformat()
        rows.append([None, pid, sp, vet, branch, ts.strftime("%Y-%m-%d %H:%M"), "TRUE" if attended else "FALSE",
                     fee, discount, reason, follow])
    rows.sort(key=lambda r: (r[5], r[1]))
    for i, r in enumerate(rows):
        r[0] = "A%05d" % (i + 1)
    return cols, rows


CLASSES = [("Economy", 30, 29, 38), ("Compact", 24, 35, 45), ("Compact SUV", 16, 48, 62), ("Full-size", 12, 55, 72),
           ("Luxury", 6, 95, 145), ("Van", 8, 68, 90)]
BRANCHES = [("Airport T1", 26), ("Airport T2", 18), ("Central Station", 22), ("City Centre", 20), ("Harbour", 10)]


def car_rentals():
    rng = random.Random(9090)
    cols = [("rental_id", "TEXT"), ("customer_id", "TEXT"), ("car_class", "TEXT"), ("pickup_branch", "TEXT"),
            ("pickup_date", "TEXT"), ("return_date", "TEXT"), ("km_driven", "INTEGER"), ("daily_rate", "REAL"),
            ("total_charge", "REAL"), ("damage_fee", "REAL"), ("damage_reported", "TEXT")]
    customers = ["C-%04d" % (k + 1) for k in range(160)]
    cust_w = [rng.choice([1, 1, 1, 2, 2, 3, 5, 8]) for _ in customers]
    rows = []
    for _ in range(500):
        cust = rng.choices(customers, cust_w)[0]
        cls, _, lo, hi = rng.choices(CLASSES, [c[1] for c in CLASSES])[0]
        branch = rng.choices([b[0] for b in BRANCHES], [b[1] for b in BRANCHES])[0]
        month = rng.choices(range(1, 13), [5, 5, 6, 7, 8, 11, 13, 13, 8, 6, 5, 8])[0]
        day = rng.randint(1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        pickup = date(2024, month, day)
        days = rng.choices(range(1, 15), [8, 12, 14, 12, 10, 7, 9, 4, 3, 3, 2, 2, 1, 3])[0]
        rate = _money(rng.randrange(lo, hi + 1) - 0.01 + (5 if branch.startswith("Airport") else 0))
        ret = pickup + timedelta(days=days)
        out = ret > date(2024, 12, 31)
        per_day = {"Van": 140, "Luxury": 120}.get(cls, 95)
        km = None if out else int(days * per_day * rng.uniform(0.35, 1.6))
        damaged = rng.random() < 0.09
        if damaged:
            fee = 0.0 if rng.random() < 0.3 else float(rng.choice([150, 220, 300, 450, 600, 850, 1200, 1500]))
        else:
            fee = float(-rng.choice([20, 25, 40, 50, 75])) if rng.random() < 0.045 else 0.0
        if out:
            damaged, fee = False, 0.0
        rows.append([None, cust, cls, branch, pickup.isoformat(), None if out else ret.isoformat(), km, rate,
                     _money(rate * days), fee, "yes" if damaged else "no"])
    rows.sort(key=lambda r: (r[4], r[1]))
    for i, r in enumerate(rows):
        r[0] = "R-%05d" % (10001 + i)
    return cols, rows


TABLES = {"vet_appointments": vet_appointments, "car_rentals": car_rentals}

V, R = "vet_appointments", "car_rentals"
# ---- vet_appointments ----------------------------------------------------------------------------------------

CASES = [
    # 1: the measure behind a count word
    C(V, 1, "How many different pets have had an appointment with us?",
      "SELECT COUNT(DISTINCT pet_id) FROM vet_appointments"),
    C(V, 1, "how many appointments were no-shows?",
      "SELECT COUNT(*) FROM vet_appointments WHERE attended = 'FALSE'"),
    C(V, 1, "How many individual cats have appointments in the data?",
      "SELECT COUNT(DISTINCT pet_id) FROM vet_appointments WHERE species = 'Cat'"),
    C(V, 1, "For each vet, how many different pets did they have appointments with?",
      "SELECT vet, COUNT(DISTINCT pet_id) FROM vet_appointments GROUP BY vet"),
    C(V, 1, "How many follow-up visits were booked?",
      "SELECT COUNT(follow_up_date) FROM vet_appointments"),
    # 2: "per X" vs group by
    C(V, 2, "What is the average fee per appointment?",
      "SELECT AVG(fee_eur) FROM vet_appointments"),
    C(V, 2, "Average fee per species",
      "SELECT species, AVG(fee_eur) FROM vet_appointments GROUP BY species"),
    C(V, 2, "On average, how many appointments does a pet have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT pet_id) FROM vet_appointments"),
    C(V, 2, "Show the number of no-shows per vet",
      "SELECT vet, COUNT(*) FROM vet_appointments WHERE attended = 'FALSE' GROUP BY vet"),
    C(V, 2, "total discount in euros per branch",
      "SELECT branch, SUM(discount_eur) FROM vet_appointments GROUP BY branch"),

    # 3: lost filters
    C(V, 3, "Which vets had more than 60 appointments?",
      "SELECT vet FROM vet_appointments GROUP BY vet HAVING COUNT(*) > 60"),
    C(V, 3, "How many appointments were for something other than a vaccination?",
      "SELECT COUNT(*) FROM vet_appointments WHERE reason <> 'Vaccination'"),
    C(V, 3, "How many dental appointments did we have? (cleanings and extractions both count)",
      "SELECT COUNT(*) FROM vet_appointments WHERE reason LIKE 'Dental%'"),
    C(V, 3, "What were the total fees across our two Riverside clinics?",
      "SELECT SUM(fee_eur) FROM vet_appointments WHERE branch LIKE 'Riverside%'"),
    C(V, 3, "How many rabbit or guinea pig appointments were missed?",
      "SELECT COUNT(*) FROM vet_appointments WHERE species IN ('Rabbit', 'Guinea pig') AND attended = 'FALSE'"),
    C(V, 3, "Which species have an average fee higher than the overall average fee?",
      "SELECT species FROM vet_appointments GROUP BY species HAVING AVG(fee_eur) > "
      "(SELECT AVG(fee_eur) FROM vet_appointments)"),
    # 4: explicit order and shape
    C(V, 4, "Top 3 vets by number of attended appointments",
      "SELECT vet, COUNT(*) AS n FROM vet_appointments WHERE attended = 'TRUE' GROUP BY vet ORDER BY n DESC LIMIT 3",
      ordered=True),
    C(V, 4, "Rank the branches by total fees, highest first",
      "SELECT branch, SUM(fee_eur) AS t FROM vet_appointments GROUP BY branch ORDER BY t DESC", ordered=True),
    C(V, 4, "List the species from fewest appointments to most",
      "SELECT species, COUNT(*) AS n FROM vet_appointments GROUP BY species ORDER BY n ASC", ordered=True),
    C(V, 4, "Show the 5 most expensive appointments with their appointment id, pet and fee",
      "SELECT appointment_id, pet_id, fee_eur FROM vet_appointments ORDER BY fee_eur DESC LIMIT 5", ordered=True),
    C(V, 4, "Which visit reason has the lowest average fee?",
      "SELECT reason FROM vet_appointments GROUP BY reason ORDER BY AVG(fee_eur) ASC LIMIT 1"),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(V, 5, "Break down the number of appointments by branch and species",
      "SELECT branch, species, COUNT(*) FROM vet_appointments GROUP BY branch, species"),
    C(V, 5, "Bar chart of appointments per month, split into attended and missed",
      "SELECT substr(booked_for, 1, 7) AS month, attended, COUNT(*) FROM vet_appointments GROUP BY month, attended",
      chart="bar", series=True),
    C(V, 5, "For each vet, show how many appointments they had and their average fee",
      "SELECT vet, COUNT(*), AVG(fee_eur) FROM vet_appointments GROUP BY vet"),
    C(V, 5, "Scatter plot of each vet's number of appointments against their number of no-shows",
      "SELECT vet, COUNT(*), SUM(attended = 'FALSE') FROM vet_appointments GROUP BY vet", chart="scatter"),
    C(V, 5, "Compare dogs and cats: total fees per quarter for each",
      "SELECT quarter(booked_for) AS q, species, SUM(fee_eur) FROM vet_appointments "
      "WHERE species IN ('Dog', 'Cat') GROUP BY q, species"),

    # 6: the analysis kind
    C(V, 6, "Show a box plot of fees by species",
      "SELECT species, MIN(fee_eur), median(fee_eur), MAX(fee_eur) FROM vet_appointments GROUP BY species",
      chart="box"),
    C(V, 6, "Histogram of appointment fees using 100 euro bins",
      "SELECT CAST(fee_eur / 100 AS INTEGER) * 100 AS bin, COUNT(*) FROM vet_appointments GROUP BY bin",
      chart="histogram"),
    T(V, 6, "What does the distribution of fees look like? Show me a histogram.", "distribution_plot", ["fee_eur"],
      chart="histogram"),
    C(V, 6, "What is the correlation between the fee and the discount amount on discounted appointments?",
      "SELECT (COUNT(*) * SUM(fee_eur * discount_eur) - SUM(fee_eur) * SUM(discount_eur)) / "
      "(sqrt(COUNT(*) * SUM(fee_eur * fee_eur) - SUM(fee_eur) * SUM(fee_eur)) * "
      "sqrt(COUNT(*) * SUM(discount_eur * discount_eur) - SUM(discount_eur) * SUM(discount_eur))) "
      "FROM vet_appointments WHERE discount_eur IS NOT NULL", tolerance=1e-4),
    C(V, 6, "Scatter plot of fee versus discount for every appointment that got a discount",
      "SELECT fee_eur, discount_eur FROM vet_appointments WHERE discount_eur IS NOT NULL", chart="scatter"),
    # 7: derived measures
    C(V, 7, "On average, how many days after the visit is the follow-up scheduled?",
      "SELECT AVG(julianday(follow_up_date) - julianday(substr(booked_for, 1, 10))) FROM vet_appointments "
      "WHERE follow_up_date IS NOT NULL"),
    C(V, 7, "How many appointments are booked for each hour of the day?",
      "SELECT CAST(substr(booked_for, 12, 2) AS INTEGER) AS h, COUNT(*) FROM vet_appointments GROUP BY h"),
    C(V, 7, "What share of appointments were no-shows?",
      "SELECT AVG(attended = 'FALSE') FROM vet_appointments"),
    C(V, 7, "Give me a running total of attended appointments by month",
      "SELECT month, SUM(n) OVER (ORDER BY month) FROM (SELECT substr(booked_for, 1, 7) AS month, COUNT(*) AS n "
      "FROM vet_appointments WHERE attended = 'TRUE' GROUP BY month) ORDER BY month", ordered=True),
    C(V, 7, "Percent change in total fees from Q1 2024 to Q2 2024",
      "SELECT (SUM(CASE WHEN quarter(booked_for) = '2024-Q2' THEN fee_eur END) - "
      "SUM(CASE WHEN quarter(booked_for) = '2024-Q1' THEN fee_eur END)) * 100.0 / "
      "SUM(CASE WHEN quarter(booked_for) = '2024-Q1' THEN fee_eur END) FROM vet_appointments"),
    C(V, 7, "No-show rate by species as a percentage",
      "SELECT species, AVG(attended = 'FALSE') * 100.0 FROM vet_appointments GROUP BY species"),

    # 8: words about the chart
    C(V, 8, "Draw a bar chart with the branches on the x axis and the number of appointments on the y axis",
      "SELECT branch, COUNT(*) FROM vet_appointments GROUP BY branch", chart="bar"),
    C(V, 8, "line chart of total fees by month",
      "SELECT substr(booked_for, 1, 7) AS month, SUM(fee_eur) FROM vet_appointments GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(V, 8, "Pie chart of appointments by species",
      "SELECT species, COUNT(*) FROM vet_appointments GROUP BY species", chart="pie"),
    C(V, 8, "Plot the number of missed appointments each month as a line graph",
      "SELECT substr(booked_for, 1, 7) AS month, COUNT(*) FROM vet_appointments WHERE attended = 'FALSE' "
      "GROUP BY month ORDER BY month", ordered=True, chart="line"),
    C(V, 8, "Histogram of the gap between visit and follow-up in days, with 7-day bins",
      "SELECT CAST((julianday(follow_up_date) - julianday(substr(booked_for, 1, 10))) / 7 AS INTEGER) * 7 AS bin, "
      "COUNT(*) FROM vet_appointments WHERE follow_up_date IS NOT NULL GROUP BY bin", chart="histogram"),

    # 9: the shape of the answer
    C(V, 9, "What was the highest fee on any appointment?",
      "SELECT MAX(fee_eur) FROM vet_appointments"),
    C(V, 9, "Which vet had the most no-shows?",
      "SELECT vet FROM vet_appointments WHERE attended = 'FALSE' GROUP BY vet ORDER BY COUNT(*) DESC LIMIT 1"),
    C(V, 9, "In one row, give me the total number of appointments and the total of all fees",
      "SELECT COUNT(*), SUM(fee_eur) FROM vet_appointments"),
    C(V, 9, "When was the first appointment at Marina Bay?",
      "SELECT MIN(booked_for) FROM vet_appointments WHERE branch = 'Marina Bay'"),
    C(V, 9, "How many pets have had more than 5 appointments? Just the number please",
      "SELECT COUNT(*) FROM (SELECT pet_id FROM vet_appointments GROUP BY pet_id HAVING COUNT(*) > 5)"),

    # basic
    C(V, "basic", "Which branch is the busiest by number of appointments?",
      "SELECT branch FROM vet_appointments GROUP BY branch ORDER BY COUNT(*) DESC LIMIT 1"),
    C(V, "basic", "What was the total of fees for appointments that were attended?",
      "SELECT SUM(fee_eur) FROM vet_appointments WHERE attended = 'TRUE'"),
    C(V, "basic", "average cost of a dental extraction",
      "SELECT AVG(fee_eur) FROM vet_appointments WHERE reason = 'Dental extraction'"),
    C(V, "basic", "How many appointments did Dr. Felix Roth have in March 2024?",
      "SELECT COUNT(*) FROM vet_appointments WHERE vet = 'Dr. Felix Roth' AND booked_for LIKE '2024-03%'"),
    C(V, "basic", "How many appointments did we have each month?",
      "SELECT substr(booked_for, 1, 7) AS month, COUNT(*) FROM vet_appointments GROUP BY month"),
]

FLAGGED = [
    F(V, "What is the average weight of the dogs we see?", "there is no weight column"),
    F(V, "How many appointments will we have next month?", "a forecast"),
    F(V, "Why do owners miss their appointments?", "a cause the data cannot give"),
    F(V, "Which vet is the best?", "no measure of 'best'"),
]

# ---- car_rentals ---------------------------------------------------------------------------------------------

CASES += [
    # 1: the measure behind a count word
    C(R, 1, "How many customers rented from us?",
      "SELECT COUNT(DISTINCT customer_id) FROM car_rentals"),
    C(R, 1, "How many kilometres did customers drive in total?",
      "SELECT SUM(km_driven) FROM car_rentals"),
    C(R, 1, "How many cars are still out on rental?",
      "SELECT COUNT(*) FROM car_rentals WHERE return_date IS NULL"),
    C(R, 1, "How many different customers have hired a Luxury car?",
      "SELECT COUNT(DISTINCT customer_id) FROM car_rentals WHERE car_class = 'Luxury'"),
    C(R, 1, "how many customers per pickup branch? count each customer once per branch",
      "SELECT pickup_branch, COUNT(DISTINCT customer_id) FROM car_rentals GROUP BY pickup_branch"),

    # 2: "per X" vs group by
    C(R, 2, "What's the average total charge per rental?",
      "SELECT AVG(total_charge) FROM car_rentals"),
    C(R, 2, "Average km driven per car class",
      "SELECT car_class, AVG(km_driven) FROM car_rentals GROUP BY car_class"),
    C(R, 2, "How many rentals does a customer make on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer_id) FROM car_rentals"),
    C(R, 2, "Revenue per branch (total charges)",
      "SELECT pickup_branch, SUM(total_charge) FROM car_rentals GROUP BY pickup_branch"),
    C(R, 2, "show the average daily rate per car class",
      "SELECT car_class, AVG(daily_rate) FROM car_rentals GROUP BY car_class"),

    # 3: lost filters
    C(R, 3, "How many rentals got a goodwill refund?",
      "SELECT COUNT(*) FROM car_rentals WHERE damage_fee < 0"),
    C(R, 3, "Total damage fees charged, not counting the goodwill refunds",
      "SELECT SUM(damage_fee) FROM car_rentals WHERE damage_fee > 0"),
    C(R, 3, "How many rentals were picked up at the airport branches?",
      "SELECT COUNT(*) FROM car_rentals WHERE pickup_branch LIKE 'Airport%'"),
    C(R, 3, "Which customers rented more than 8 times?",
      "SELECT customer_id FROM car_rentals GROUP BY customer_id HAVING COUNT(*) > 8"),
    C(R, 3, "Which car classes are driven further on average than the average rental?",
      "SELECT car_class FROM car_rentals GROUP BY car_class HAVING AVG(km_driven) > "
      "(SELECT AVG(km_driven) FROM car_rentals)"),
    C(R, 3, "How many rentals were not in the Economy class?",
      "SELECT COUNT(*) FROM car_rentals WHERE car_class <> 'Economy'"),
    # 4: explicit order and shape
    C(R, 4, "Top 5 customers by total rental charges",
      "SELECT customer_id, SUM(total_charge) AS s FROM car_rentals GROUP BY customer_id ORDER BY s DESC LIMIT 5",
      ordered=True),
    C(R, 4, "Rank the branches by average daily rate, highest to lowest",
      "SELECT pickup_branch, AVG(daily_rate) AS r FROM car_rentals GROUP BY pickup_branch ORDER BY r DESC",
      ordered=True),
    C(R, 4, "Car classes sorted by number of rentals, ascending",
      "SELECT car_class, COUNT(*) AS n FROM car_rentals GROUP BY car_class ORDER BY n ASC", ordered=True),
    C(R, 4, "The 3 rentals with the most km driven: rental id, car class and km",
      "SELECT rental_id, car_class, km_driven FROM car_rentals WHERE km_driven IS NOT NULL "
      "ORDER BY km_driven DESC LIMIT 3", ordered=True),
    C(R, 4, "Which pickup branch had the fewest rentals?",
      "SELECT pickup_branch FROM car_rentals GROUP BY pickup_branch ORDER BY COUNT(*) ASC LIMIT 1"),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(R, 5, "Number of rentals by branch and car class",
      "SELECT pickup_branch, car_class, COUNT(*) FROM car_rentals GROUP BY pickup_branch, car_class"),
    C(R, 5, "For each car class give the number of rentals, the average km driven and the total charges",
      "SELECT car_class, COUNT(*), AVG(km_driven), SUM(total_charge) FROM car_rentals GROUP BY car_class"),
    C(R, 5, "Stacked bar chart of monthly rental charges by pickup branch",
      "SELECT substr(pickup_date, 1, 7) AS month, pickup_branch, SUM(total_charge) FROM car_rentals "
      "GROUP BY month, pickup_branch", chart="bar", series=True),
    C(R, 5, "Scatter of average daily rate against average km driven, one point per car class",
      "SELECT car_class, AVG(daily_rate), AVG(km_driven) FROM car_rentals GROUP BY car_class", chart="scatter"),
    C(R, 5, "Rentals per quarter for each car class",
      "SELECT quarter(pickup_date) AS q, car_class, COUNT(*) FROM car_rentals GROUP BY q, car_class"),

    # 6: the analysis kind
    C(R, 6, "Box plot of total charge by car class",
      "SELECT car_class, MIN(total_charge), median(total_charge), MAX(total_charge) FROM car_rentals "
      "GROUP BY car_class", chart="box"),
    C(R, 6, "Histogram of km driven with 250 km bins",
      "SELECT CAST(km_driven / 250 AS INTEGER) * 250 AS bin, COUNT(*) FROM car_rentals "
      "WHERE km_driven IS NOT NULL GROUP BY bin", chart="histogram"),
    T(R, 6, "Show me the distribution of daily rates", "distribution_plot", ["daily_rate"]),
    C(R, 6, "Scatter plot of km driven vs total charge for the Luxury rentals",
      "SELECT km_driven, total_charge FROM car_rentals WHERE car_class = 'Luxury' AND km_driven IS NOT NULL",
      chart="scatter"),
    C(R, 6, "How strongly are km driven and total charge correlated?",
      "SELECT (COUNT(*) * SUM(km_driven * total_charge) - SUM(km_driven) * SUM(total_charge)) / "
      "(sqrt(COUNT(*) * SUM(km_driven * km_driven) - SUM(km_driven) * SUM(km_driven)) * "
      "sqrt(COUNT(*) * SUM(total_charge * total_charge) - SUM(total_charge) * SUM(total_charge))) "
      "FROM car_rentals WHERE km_driven IS NOT NULL", tolerance=1e-4),

    # 7: derived measures
    C(R, 7, "What is the average rental length in days for cars that have been returned?",
      "SELECT AVG(julianday(return_date) - julianday(pickup_date)) FROM car_rentals WHERE return_date IS NOT NULL"),
    C(R, 7, "Number of pickups by day of the week",
      "SELECT dayname(pickup_date) AS d, COUNT(*) FROM car_rentals GROUP BY d"),
    C(R, 7, "Running total of rental charges by month",
      "SELECT month, SUM(s) OVER (ORDER BY month) FROM (SELECT substr(pickup_date, 1, 7) AS month, "
      "SUM(total_charge) AS s FROM car_rentals GROUP BY month) ORDER BY month", ordered=True),
    C(R, 7, "What percentage of rentals had damage reported?",
      "SELECT AVG(damage_reported = 'yes') * 100.0 FROM car_rentals"),
    C(R, 7, "For returned cars, what is the km per rental day for each car class (total km over total days)?",
      "SELECT car_class, SUM(km_driven) * 1.0 / SUM(julianday(return_date) - julianday(pickup_date)) "
      "FROM car_rentals WHERE return_date IS NOT NULL GROUP BY car_class"),
    C(R, 7, "By what percent did the number of rentals change from the first half of 2024 to the second half?",
      "SELECT (SUM(pickup_date >= '2024-07-01') - SUM(pickup_date < '2024-07-01')) * 100.0 / "
      "SUM(pickup_date < '2024-07-01') FROM car_rentals"),
    # 8: words about the chart
    C(R, 8, "Bar chart with car class on the x axis and average daily rate on the y axis",
      "SELECT car_class, AVG(daily_rate) FROM car_rentals GROUP BY car_class", chart="bar"),
    C(R, 8, "Line chart of the number of pickups per month",
      "SELECT substr(pickup_date, 1, 7) AS month, COUNT(*) FROM car_rentals GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(R, 8, "pie chart of rentals by pickup branch",
      "SELECT pickup_branch, COUNT(*) FROM car_rentals GROUP BY pickup_branch", chart="pie"),
    C(R, 8, "Plot the net damage fees (refunds included) for each branch as bars",
      "SELECT pickup_branch, SUM(damage_fee) FROM car_rentals GROUP BY pickup_branch", chart="bar"),
    C(R, 8, "Histogram of rental length in days for returned cars, 2-day bins",
      "SELECT CAST((julianday(return_date) - julianday(pickup_date)) / 2 AS INTEGER) * 2 AS bin, COUNT(*) "
      "FROM car_rentals WHERE return_date IS NOT NULL GROUP BY bin", chart="histogram"),

    # 9: the shape of the answer
    C(R, 9, "What is the highest daily rate we charge?",
      "SELECT MAX(daily_rate) FROM car_rentals"),
    C(R, 9, "Which customer has paid the most in rental charges overall?",
      "SELECT customer_id FROM car_rentals GROUP BY customer_id ORDER BY SUM(total_charge) DESC LIMIT 1"),
    C(R, 9, "Give me total rental charges and total km driven as a single row",
      "SELECT SUM(total_charge), SUM(km_driven) FROM car_rentals"),
    C(R, 9, "List all the pickup branches",
      "SELECT DISTINCT pickup_branch FROM car_rentals"),
    C(R, 9, "When was the most recent pickup?",
      "SELECT MAX(pickup_date) FROM car_rentals"),

    # basic
    C(R, "basic", "How much did we charge for rentals in total, not counting damage fees?",
      "SELECT SUM(total_charge) FROM car_rentals"),
    C(R, "basic", "Which month had the most pickups?",
      "SELECT substr(pickup_date, 1, 7) AS month FROM car_rentals GROUP BY month ORDER BY COUNT(*) DESC LIMIT 1"),
    C(R, "basic", "What is the average damage fee when damage was reported?",
      "SELECT AVG(damage_fee) FROM car_rentals WHERE damage_reported = 'yes'"),
    C(R, "basic", "Which cars are still out? Show the rental id, customer and pickup date",
      "SELECT rental_id, customer_id, pickup_date FROM car_rentals WHERE return_date IS NULL"),
    C(R, "basic", "How many rentals were picked up at Central Station between June and August?",
      "SELECT COUNT(*) FROM car_rentals WHERE pickup_branch = 'Central Station' "
      "AND pickup_date BETWEEN '2024-06-01' AND '2024-08-31'"),
]

FLAGGED += [
    F(R, "What is the average fuel consumption of our cars?", "there is no fuel column"),
    F(R, "Predict our rental revenue for January 2025", "a forecast"),
    F(R, "Why does Airport T1 have so much damage?", "a cause the data cannot give"),
    F(R, "Show me the big rentals", "'big' has no measure or threshold"),
]
