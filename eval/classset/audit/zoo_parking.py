"""Audit tables and questions (written blind): a zoo's animal care log and a city's paid parking sessions.

zoo_animal_care (one row per care event, 2024): event_id (unique, CE-0001.. in time order), animal_name (repeats:
an animal has many events; each animal has one species and one enclosure), species (Giraffe, Plains Zebra,
Red Panda, Red Kangaroo, Humboldt Penguin, Lion: two share the prefix "Red"), enclosure (Savanna, which holds the
giraffes and the zebras; Bamboo Forest; Outback Trail; Penguin Cove; Lion Ridge), keeper (the keeper who logged
the event; keepers work mostly in their own enclosures), event_type (feeding, vet check, enrichment, weighing),
event_time ('YYYY-MM-DD HH:MM'; feedings in the morning and mid afternoon, weighings early, vet checks late
morning), food_kg (kilos of food given, one decimal; blank unless the event is a feeding), weight_kg (the
animal's weight, one decimal; blank unless weighing), vet_cost_eur (euros, blank unless vet check; a few vet
checks are credit notes from the insurer, entered as negative costs), duration_min (minutes the event took),
flagged_issue (yes/no: the keeper flagged a health or behaviour concern).

parking_sessions (one row per paid parking session in 2024, extract taken 2024-12-31 18:00): session_id (unique,
PS-00001.. in start order), plate (licence plate; repeats: commuters park often; each plate has one vehicle type
and one permit status), zone (Centre, Old Town, Harbour, Harbourside, Station: two share the prefix "Harbour";
each zone has its own hourly rate), payment_method (app, card, coins), start_time and end_time ('YYYY-MM-DD
HH:MM'; end_time blank for the sessions still open at the extract), minutes_parked (end - start in minutes;
blank when open), amount_eur (what was charged at the end of the session: rate x hours, half for motorbikes and
for resident permit holders; blank when open), fine_eur (blank when no fine was issued: 35, 60 or 95 euros),
adjustment_eur (blank mostly; negative for refunds, positive for a back-charge after an underpayment),
vehicle_type (car, van, motorbike, EV), resident_permit (yes/no).
"""
import random
from datetime import datetime, timedelta

from ..case import C, T, F


def _money(x):
    return round(x + 1e-9, 2)


# species, enclosure, (weight lo, hi), (food lo, hi), names
SPECIES = [
    ("Giraffe", "Savanna", (780, 1250), (28, 42), ["Zuri", "Kito", "Amani", "Tamu"]),
    ("Plains Zebra", "Savanna", (240, 360), (7, 12), ["Marty", "Zola", "Stripes"]),
    ("Red Panda", "Bamboo Forest", (3.8, 6.2), (0.8, 1.9), ["Mei", "Bao", "Sora"]),
    ("Red Kangaroo", "Outback Trail", (24, 88), (1.8, 4.2), ["Skippy", "Banjo", "Matilda", "Kylie", "Ned"]),
    ("Humboldt Penguin", "Penguin Cove", (3.2, 5.4), (0.4, 1.1),
     ["Pingu", "Flipper", "Waddles", "Tux", "Pebble", "Sprat", "Kelpie"]),
    ("Lion", "Lion Ridge", (118, 192), (4.5, 9.5), ["Simba", "Nala", "Kiara"]),
]
KEEPERS = {"Savanna": ["Anna de Vries", "Bram Jansen"], "Bamboo Forest": ["Chloe Martin"],
           "Outback Trail": ["Dario Rossi", "Chloe Martin"], "Penguin Cove": ["Eva Novak"],
           "Lion Ridge": ["Finn Larsen", "Bram Jansen"]}
ALL_KEEPERS = sorted({k for v in KEEPERS.values() for k in v})
EVENTS = [("feeding", 50), ("enrichment", 19), ("weighing", 15), ("vet check", 16)]


def zoo_animal_care():
    rng = random.Random(4402024)
    cols = [("event_id", "TEXT"), ("animal_name", "TEXT"), ("species", "TEXT"), ("enclosure", "TEXT"),
            ("keeper", "TEXT"), ("event_type", "TEXT"), ("event_time", "TEXT"), ("food_kg", "REAL"),
            ("weight_kg", "REAL"), ("vet_cost_eur", "REAL"), ("duration_min", "INTEGER"), ("flagged_issue", "TEXT")]
    animals = []
    for sp, enc, (wlo, whi), food, names in SPECIES:
        for nm in names:
            animals.append((nm, sp, enc, rng.uniform(wlo, whi), food, rng.choice([1, 1, 2, 2, 3])))
    rows = []
    for _ in range(390):
        nm, sp, enc, w, (flo, fhi), _wt = rng.choices(animals, [a[5] + 2 for a in animals])[0]
        etype = rng.choices([e[0] for e in EVENTS], [e[1] for e in EVENTS])[0]
        month = rng.choices(range(1, 13), [7, 7, 8, 9, 9, 8, 9, 9, 8, 8, 8, 7])[0]
        day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        if etype == "feeding":
            hour = rng.choice([8, 8, 9, 15, 15, 16])
        elif etype == "weighing":
            hour = rng.choice([7, 7, 8, 9, 10])
        elif etype == "vet check":
            hour = rng.choice([10, 10, 11, 11, 12, 13, 14])
        else:
            hour = rng.choice([11, 12, 13, 13, 14, 15, 16])
        ts = "2024-%02d-%02d %02d:%02d" % (month, day, hour, rng.choice(range(0, 60, 5)))
        keeper = rng.choice(KEEPERS[enc]) if rng.random() < 0.85 else rng.choice(ALL_KEEPERS)
        food = weight = cost = None
        if etype == "feeding":
            food = round(rng.uniform(flo, fhi), 1)
            dur = rng.randint(8, 30)
        elif etype == "weighing":
            weight = round(w * (1 + (month - 6) * 0.004) * rng.uniform(0.97, 1.03), 1)
            dur = rng.randint(5, 22)
        elif etype == "vet check":
            big = sp in ("Giraffe", "Lion", "Plains Zebra")
            cost = _money(rng.uniform(150, 720) if big else rng.uniform(45, 320))
            if rng.random() < 0.07:
                cost = -_money(rng.uniform(60, 260))
            dur = rng.randint(20, 95)
        else:
            dur = rng.randint(15, 60)
        p = 0.3 if etype == "vet check" else 0.06
        flag = "yes" if rng.random() < p else "no"
        rows.append([None, nm, sp, enc, keeper, etype, ts, food, weight, cost, dur, flag])
    rows.sort(key=lambda r: (r[6], r[1]))
    for i, r in enumerate(rows):
        r[0] = "CE-%04d" % (i + 1)
    return cols, rows


ZONES = [("Centre", 3.40, 30), ("Old Town", 2.90, 22), ("Harbour", 2.10, 18), ("Harbourside", 1.60, 14),
         ("Station", 2.50, 16)]
VEHICLES = [("car", 62), ("EV", 16), ("van", 11), ("motorbike", 11)]


def parking_sessions():
    rng = random.Random(8812024)
    cols = [("session_id", "TEXT"), ("plate", "TEXT"), ("zone", "TEXT"), ("payment_method", "TEXT"),
            ("start_time", "TEXT"), ("end_time", "TEXT"), ("minutes_parked", "INTEGER"), ("amount_eur", "REAL"),
            ("fine_eur", "REAL"), ("adjustment_eur", "REAL"), ("vehicle_type", "TEXT"), ("resident_permit", "TEXT")]
    letters = "BDFGHJKLNPRSTXZ"
    plates = set()
    while len(plates) < 160:
        plates.add("%s%s-%03d-%s" % (rng.choice(letters), rng.choice(letters), rng.randint(1, 999),
                                     rng.choice(letters)))
    cars = []
    for p in sorted(plates):
        vt = rng.choices([v[0] for v in VEHICLES], [v[1] for v in VEHICLES])[0]
        permit = "yes" if rng.random() < 0.18 else "no"
        home = rng.choices([z[0] for z in ZONES], [z[2] for z in ZONES])[0]
        pay = rng.choice(["app", "app", "card", "coins"])
        cars.append((p, vt, permit, home, pay, rng.choice([1, 1, 1, 1, 2, 2, 3, 5, 9])))
    rate = {z[0]: z[1] for z in ZONES}
    extract = datetime(2024, 12, 31, 18, 0)
    rows = []
    for i in range(440):
        p, vt, permit, home, pay, _w = rng.choices(cars, [c[5] for c in cars])[0]
        zone = home if rng.random() < 0.6 else rng.choices([z[0] for z in ZONES], [z[2] for z in ZONES])[0]
        method = pay if rng.random() < 0.75 else rng.choice(["app", "card", "coins"])
        if i < 9:
            start = datetime(2024, 12, 31, rng.randint(9, 17), rng.randint(0, 59))
        else:
            month = rng.choices(range(1, 13), [6, 6, 8, 8, 9, 9, 11, 11, 9, 8, 7, 9])[0]
            day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
            if month == 12 and day == 31:
                day = 30
            hour = rng.choices(range(7, 21), [5, 9, 10, 9, 8, 9, 8, 7, 6, 6, 5, 5, 4, 3])[0]
            start = datetime(2024, month, day, hour, rng.randint(0, 59))
        mins = int(rng.lognormvariate(4.3, 0.7))
        mins = max(6, min(mins, 540 if method != "coins" else 180))
        if i < 9 and method != "coins":
            mins = rng.randint(150, 480)
        end = start + timedelta(minutes=mins)
        if end > extract:
            end = None
        amount = fine = adj = None
        if end is not None:
            amount = rate[zone] * mins / 60.0
            if vt == "motorbike" or permit == "yes":
                amount *= 0.5
            amount = _money(amount)
            if rng.random() < (0.15 if method == "coins" else 0.06):
                fine = float(rng.choices([35, 60, 95], [6, 3, 1])[0])
            r = rng.random()
            if r < 0.06:
                adj = -_money(amount * rng.choice([1, 1, 0.5]))
            elif r < 0.095:
                adj = _money(rng.uniform(0.5, 4.0))
            if adj == 0:
                adj = None
        rows.append([None, p, zone, method, start.strftime("%Y-%m-%d %H:%M"),
                     end.strftime("%Y-%m-%d %H:%M") if end else None, mins if end else None, amount, fine, adj,
                     vt, permit])
    rows.sort(key=lambda r: (r[4], r[1]))
    for i, r in enumerate(rows):
        r[0] = "PS-%05d" % (i + 1)
    return cols, rows


TABLES = {"zoo_animal_care": zoo_animal_care, "parking_sessions": parking_sessions}

Z, P = "zoo_animal_care", "parking_sessions"
# ---- zoo_animal_care -----------------------------------------------------------------------------------------

CASES = [
    # 1: the measure behind a count word
    C(Z, 1, "how many kilos of food did the giraffes get this year?",
      "SELECT SUM(food_kg) FROM zoo_animal_care WHERE species = 'Giraffe'"),
    C(Z, 1, "How many animals are there in the care log?",
      "SELECT COUNT(DISTINCT animal_name) FROM zoo_animal_care"),
    C(Z, 1, "how many meals did the penguins get in 2024",
      "SELECT COUNT(*) FROM zoo_animal_care WHERE species = 'Humboldt Penguin' AND event_type = 'feeding'"),
    C(Z, 1, "How many different keepers logged something at Penguin Cove?",
      "SELECT COUNT(DISTINCT keeper) FROM zoo_animal_care WHERE enclosure = 'Penguin Cove'"),
    C(Z, 1, "How many minutes went into enrichment sessions altogether?",
      "SELECT SUM(duration_min) FROM zoo_animal_care WHERE event_type = 'enrichment'"),
    C(Z, 1, "can you chart the number of animals of each species?",
      "SELECT species, COUNT(DISTINCT animal_name) FROM zoo_animal_care GROUP BY species", chart="bar"),

    # 2: "per X" vs group by
    C(Z, 2, "What's the average amount of food per feeding?",
      "SELECT AVG(food_kg) FROM zoo_animal_care WHERE event_type = 'feeding'"),
    C(Z, 2, "average kilos per feed, by species",
      "SELECT species, AVG(food_kg) FROM zoo_animal_care WHERE event_type = 'feeding' GROUP BY species"),
    C(Z, 2, "On average how many care events does one animal get over the year?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT animal_name) FROM zoo_animal_care"),
    C(Z, 2, "care time in minutes per keeper",
      "SELECT keeper, SUM(duration_min) FROM zoo_animal_care GROUP BY keeper"),
    C(Z, 2, "I need the net vet spend per enclosure (insurer credits included)",
      "SELECT enclosure, SUM(vet_cost_eur) FROM zoo_animal_care WHERE event_type = 'vet check' GROUP BY enclosure"),

    # 3: lost filters
    C(Z, 3, "How many feedings were bigger than 30 kg?",
      "SELECT COUNT(*) FROM zoo_animal_care WHERE food_kg > 30"),
    C(Z, 3, "vet checks on lions or giraffes - how many?",
      "SELECT COUNT(*) FROM zoo_animal_care WHERE event_type = 'vet check' AND species IN ('Lion', 'Giraffe')"),
    C(Z, 3, "Which animals had at least 19 care events?",
      "SELECT animal_name FROM zoo_animal_care GROUP BY animal_name HAVING COUNT(*) >= 19"),
    C(Z, 3, "Show me the vet checks that cost more than the average vet check: event id, animal and cost",
      "SELECT event_id, animal_name, vet_cost_eur FROM zoo_animal_care WHERE event_type = 'vet check' "
      "AND vet_cost_eur > (SELECT AVG(vet_cost_eur) FROM zoo_animal_care WHERE event_type = 'vet check')"),
    C(Z, 3, "How many insurer credit notes are there (vet costs below zero), and what do they add up to?",
      "SELECT COUNT(*), SUM(vet_cost_eur) FROM zoo_animal_care WHERE vet_cost_eur < 0"),
    C(Z, 3, "Which animals have a name starting with K?",
      "SELECT DISTINCT animal_name FROM zoo_animal_care WHERE animal_name LIKE 'K%'"),
    C(Z, 3, "how many flagged issues were there, excluding the ones raised at vet checks",
      "SELECT COUNT(*) FROM zoo_animal_care WHERE flagged_issue = 'yes' AND event_type <> 'vet check'"),

    # 4: explicit order and shape
    C(Z, 4, "Bar chart ranking the species by total food fed, most first",
      "SELECT species, SUM(food_kg) AS f FROM zoo_animal_care GROUP BY species ORDER BY f DESC", ordered=True, chart="bar"),
    C(Z, 4, "top 3 animals by vet spend, biggest first",
      "SELECT animal_name, SUM(vet_cost_eur) AS v FROM zoo_animal_care GROUP BY animal_name "
      "ORDER BY v DESC LIMIT 3", ordered=True),
    C(Z, 4, "keepers sorted by how many events they logged, lowest to highest",
      "SELECT keeper, COUNT(*) AS n FROM zoo_animal_care GROUP BY keeper ORDER BY n ASC", ordered=True),
    C(Z, 4, "Which enclosure took up the least care time?",
      "SELECT enclosure FROM zoo_animal_care GROUP BY enclosure ORDER BY SUM(duration_min) ASC LIMIT 1"),
    C(Z, 4, "The five heaviest weigh-ins please - animal, when, and weight",
      "SELECT animal_name, event_time, weight_kg FROM zoo_animal_care WHERE weight_kg IS NOT NULL "
      "ORDER BY weight_kg DESC LIMIT 5", ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(Z, 5, "grouped bars: number of events for each species and event type",
      "SELECT species, event_type, COUNT(*) FROM zoo_animal_care GROUP BY species, event_type", chart="bar", series=True),
    C(Z, 5, "Can you chart care minutes per keeper as stacked bars, split by event type?",
      "SELECT keeper, event_type, SUM(duration_min) FROM zoo_animal_care GROUP BY keeper, event_type",
      chart="bar", series=True),
    C(Z, 5, "For every species give me the number of feedings, total kilos and average kilos per feeding",
      "SELECT species, COUNT(*), SUM(food_kg), AVG(food_kg) FROM zoo_animal_care WHERE event_type = 'feeding' "
      "GROUP BY species"),
    C(Z, 5, "scatter, one dot per animal: how many times it was fed vs how much food it got in total",
      "SELECT animal_name, COUNT(*), SUM(food_kg) FROM zoo_animal_care WHERE event_type = 'feeding' "
      "GROUP BY animal_name", chart="scatter"),
    C(Z, 5, "Line chart of feedings per month with a separate line for each enclosure",
      "SELECT substr(event_time, 1, 7) AS month, enclosure, COUNT(*) FROM zoo_animal_care "
      "WHERE event_type = 'feeding' GROUP BY month, enclosure", chart="line", series=True),

    # 6: the analysis kind
    C(Z, 6, "box plot of body weight by species",
      "SELECT species, MIN(weight_kg), median(weight_kg), MAX(weight_kg) FROM zoo_animal_care "
      "WHERE weight_kg IS NOT NULL GROUP BY species", chart="box"),
    T(Z, 6, "How are the event durations distributed?", "distribution_plot", ["duration_min"], chart="histogram"),
    C(Z, 6, "histogram of kilos per feeding using 10 kg bins",
      "SELECT CAST(food_kg / 10 AS INTEGER) * 10 AS bin, COUNT(*) FROM zoo_animal_care WHERE food_kg IS NOT NULL "
      "GROUP BY bin", chart="histogram"),
    C(Z, 6, "Do bigger meals take longer? Give me the correlation coefficient between food kg and duration "
      "across feedings",
      "SELECT (COUNT(*) * SUM(food_kg * duration_min) - SUM(food_kg) * SUM(duration_min)) / "
      "(sqrt(COUNT(*) * SUM(food_kg * food_kg) - SUM(food_kg) * SUM(food_kg)) * "
      "sqrt(COUNT(*) * SUM(duration_min * duration_min) - SUM(duration_min) * SUM(duration_min))) "
      "FROM zoo_animal_care WHERE event_type = 'feeding'", tolerance=1e-4),
    C(Z, 6, "plot every vet check as a point, duration against cost",
      "SELECT duration_min, vet_cost_eur FROM zoo_animal_care WHERE event_type = 'vet check'", chart="scatter"),
    C(Z, 6, "box plot: how long each type of event takes",
      "SELECT event_type, MIN(duration_min), median(duration_min), MAX(duration_min) FROM zoo_animal_care "
      "GROUP BY event_type", chart="box"),

    # 7: derived measures
    C(Z, 7, "feedings by hour of the day, as a bar chart",
      "SELECT CAST(substr(event_time, 12, 2) AS INTEGER) AS hour, COUNT(*) FROM zoo_animal_care "
      "WHERE event_type = 'feeding' GROUP BY hour", chart="bar"),
    C(Z, 7, "On which weekday do most vet checks happen?",
      "SELECT dayname(event_time) AS d FROM zoo_animal_care WHERE event_type = 'vet check' GROUP BY d "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    C(Z, 7, "What percentage of vet checks ended up flagged?",
      "SELECT AVG(flagged_issue = 'yes') * 100.0 FROM zoo_animal_care WHERE event_type = 'vet check'"),
    C(Z, 7, "line of the running total of food kg, month by month",
      "SELECT month, SUM(f) OVER (ORDER BY month) FROM (SELECT substr(event_time, 1, 7) AS month, "
      "SUM(food_kg) AS f FROM zoo_animal_care GROUP BY month) ORDER BY month", ordered=True, chart="line"),
    C(Z, 7, "percent change in net vet spend from Q1 to Q2",
      "SELECT (SUM(CASE WHEN quarter(event_time) = '2024-Q2' THEN vet_cost_eur END) - "
      "SUM(CASE WHEN quarter(event_time) = '2024-Q1' THEN vet_cost_eur END)) * 100.0 / "
      "SUM(CASE WHEN quarter(event_time) = '2024-Q1' THEN vet_cost_eur END) FROM zoo_animal_care"),
    C(Z, 7, "How many days passed between Bao's first and last vet check?",
      "SELECT julianday(date(MAX(event_time))) - julianday(date(MIN(event_time))) FROM zoo_animal_care "
      "WHERE animal_name = 'Bao' AND event_type = 'vet check'", tolerance=0.01),
    C(Z, 7, "weigh-ins by month of the year",
      "SELECT CAST(substr(event_time, 6, 2) AS INTEGER) AS m, COUNT(*) FROM zoo_animal_care "
      "WHERE event_type = 'weighing' GROUP BY m"),

    # 8: words about the chart
    C(Z, 8, "bar chart: species on the x axis, total kilos of food on the y axis",
      "SELECT species, SUM(food_kg) FROM zoo_animal_care GROUP BY species", chart="bar"),
    C(Z, 8, "pie chart of care events by type",
      "SELECT event_type, COUNT(*) FROM zoo_animal_care GROUP BY event_type", chart="pie"),
    C(Z, 8, "Display the number of flagged issues per enclosure as bars",
      "SELECT enclosure, COUNT(*) FROM zoo_animal_care WHERE flagged_issue = 'yes' GROUP BY enclosure",
      chart="bar"),
    C(Z, 8, "histogram of event duration, bin width 10 minutes",
      "SELECT CAST(duration_min / 10 AS INTEGER) * 10 AS bin, COUNT(*) FROM zoo_animal_care GROUP BY bin",
      chart="histogram"),
    C(Z, 8, "visualize Tamu's weight over the year as a line",
      "SELECT event_time, weight_kg FROM zoo_animal_care WHERE animal_name = 'Tamu' AND weight_kg IS NOT NULL "
      "ORDER BY event_time", ordered=True, chart="line"),
    C(Z, 8, "y axis number of care events, x axis month - line chart",
      "SELECT substr(event_time, 1, 7) AS month, COUNT(*) FROM zoo_animal_care GROUP BY month ORDER BY month",
      ordered=True, chart="line"),

    # 9: the shape of the answer
    C(Z, 9, "Which animal ate the most food over the year?",
      "SELECT animal_name FROM zoo_animal_care GROUP BY animal_name ORDER BY SUM(food_kg) DESC LIMIT 1"),
    C(Z, 9, "what's the heaviest any lion weighed in at?",
      "SELECT MAX(weight_kg) FROM zoo_animal_care WHERE species = 'Lion'"),
    C(Z, 9, "list the keepers",
      "SELECT DISTINCT keeper FROM zoo_animal_care"),
    C(Z, 9, "Which animals live in the Savanna? names only",
      "SELECT DISTINCT animal_name FROM zoo_animal_care WHERE enclosure = 'Savanna'"),
    C(Z, 9, "When was Kylie last seen by the vet?",
      "SELECT MAX(event_time) FROM zoo_animal_care WHERE animal_name = 'Kylie' AND event_type = 'vet check'"),

    # basic
    C(Z, "basic", "What was the total vet bill for 2024, net of the insurer credits?",
      "SELECT SUM(vet_cost_eur) FROM zoo_animal_care"),
    C(Z, "basic", "how many issues were flagged for the lions?",
      "SELECT COUNT(*) FROM zoo_animal_care WHERE species = 'Lion' AND flagged_issue = 'yes'"),
    C(Z, "basic", "Average weight of our giraffes at weigh-ins",
      "SELECT AVG(weight_kg) FROM zoo_animal_care WHERE species = 'Giraffe'"),
    C(Z, "basic", "Which keeper did the most feedings?",
      "SELECT keeper FROM zoo_animal_care WHERE event_type = 'feeding' GROUP BY keeper ORDER BY COUNT(*) DESC "
      "LIMIT 1"),
    C(Z, "basic", "chart feedings per month",
      "SELECT substr(event_time, 1, 7) AS month, COUNT(*) FROM zoo_animal_care WHERE event_type = 'feeding' "
      "GROUP BY month ORDER BY month", ordered=True, chart="line"),
    C(Z, "basic", "show me the red panda vet checks that got flagged: when, which panda, which keeper",
      "SELECT event_time, animal_name, keeper FROM zoo_animal_care WHERE species = 'Red Panda' "
      "AND event_type = 'vet check' AND flagged_issue = 'yes'"),
]

FLAGGED = [
    F(Z, "What's the average age of our giraffes?", "there is no age or birth date column"),
    F(Z, "How much food will the lions need next year?", "a forecast"),
    F(Z, "Why does Bao need so many vet checks?", "a cause the data cannot give"),
    F(Z, "average kilos of food per animal", "one overall figure or a list by animal_name: both readings fit"),
]

# ---- parking_sessions ----------------------------------------------------------------------------------------

CASES += [
    # 1: the measure behind a count word
    C(P, 1, "How many different vehicles parked with us in 2024?",
      "SELECT COUNT(DISTINCT plate) FROM parking_sessions"),
    C(P, 1, "how many parking sessions were there in Old Town",
      "SELECT COUNT(*) FROM parking_sessions WHERE zone = 'Old Town'"),
    C(P, 1, "How many hours did people park in the Centre in total?",
      "SELECT SUM(minutes_parked) / 60.0 FROM parking_sessions WHERE zone = 'Centre'"),
    C(P, 1, "how many fines did we hand out",
      "SELECT COUNT(fine_eur) FROM parking_sessions"),
    C(P, 1, "How many motorbikes used the Harbour zone?",
      "SELECT COUNT(DISTINCT plate) FROM parking_sessions WHERE zone = 'Harbour' AND vehicle_type = 'motorbike'"),

    # 2: "per X" vs group by
    C(P, 2, "what's the average charge per session?",
      "SELECT AVG(amount_eur) FROM parking_sessions"),
    C(P, 2, "Can you chart the average charge per zone?",
      "SELECT zone, AVG(amount_eur) FROM parking_sessions GROUP BY zone", chart="bar"),
    C(P, 2, "On average, how many times does a vehicle park with us?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT plate) FROM parking_sessions"),
    C(P, 2, "avg length of stay in minutes per vehicle type",
      "SELECT vehicle_type, AVG(minutes_parked) FROM parking_sessions GROUP BY vehicle_type"),
    C(P, 2, "takings per payment method",
      "SELECT payment_method, SUM(amount_eur) FROM parking_sessions GROUP BY payment_method"),

    # 3: lost filters
    C(P, 3, "How many sessions ran longer than 3 hours?",
      "SELECT COUNT(*) FROM parking_sessions WHERE minutes_parked > 180"),
    C(P, 3, "Takings in the two Harbour zones together (Harbour plus Harbourside)",
      "SELECT SUM(amount_eur) FROM parking_sessions WHERE zone LIKE 'Harbour%'"),
    C(P, 3, "sum of all the refund adjustments (the negative ones)",
      "SELECT SUM(adjustment_eur) FROM parking_sessions WHERE adjustment_eur < 0"),
    C(P, 3, "How many sessions were paid some other way than the app?",
      "SELECT COUNT(*) FROM parking_sessions WHERE payment_method <> 'app'"),
    C(P, 3, "Which plates have parked at least 9 times?",
      "SELECT plate FROM parking_sessions GROUP BY plate HAVING COUNT(*) >= 9"),
    C(P, 3, "Which zones have a longer average stay than the overall average?",
      "SELECT zone FROM parking_sessions GROUP BY zone HAVING AVG(minutes_parked) > "
      "(SELECT AVG(minutes_parked) FROM parking_sessions)"),
    C(P, 3, "number of sessions by plates beginning with Z",
      "SELECT COUNT(*) FROM parking_sessions WHERE plate LIKE 'Z%'"),

    # 4: explicit order and shape
    C(P, 4, "show zones ranked by takings as bars, highest first",
      "SELECT zone, SUM(amount_eur) AS t FROM parking_sessions GROUP BY zone ORDER BY t DESC", ordered=True,
      chart="bar"),
    C(P, 4, "Top 5 plates by total amount paid",
      "SELECT plate, SUM(amount_eur) AS t FROM parking_sessions GROUP BY plate ORDER BY t DESC LIMIT 5",
      ordered=True),
    C(P, 4, "Bar chart of payment methods from least used to most used",
      "SELECT payment_method, COUNT(*) AS n FROM parking_sessions GROUP BY payment_method ORDER BY n ASC",
      ordered=True, chart="bar"),
    C(P, 4, "Which zone had the fewest fines?",
      "SELECT zone FROM parking_sessions WHERE fine_eur IS NOT NULL GROUP BY zone ORDER BY COUNT(*) ASC LIMIT 1"),
    C(P, 4, "the 3 longest stays: session id, plate and minutes",
      "SELECT session_id, plate, minutes_parked FROM parking_sessions WHERE minutes_parked IS NOT NULL "
      "ORDER BY minutes_parked DESC LIMIT 3", ordered=True),
    C(P, 4, "vehicle types sorted by average stay, low to high",
      "SELECT vehicle_type, AVG(minutes_parked) AS a FROM parking_sessions GROUP BY vehicle_type ORDER BY a ASC",
      ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(P, 5, "sessions by zone and payment method",
      "SELECT zone, payment_method, COUNT(*) FROM parking_sessions GROUP BY zone, payment_method"),
    C(P, 5, "stacked bar chart of monthly takings, split by zone",
      "SELECT substr(start_time, 1, 7) AS month, zone, SUM(amount_eur) FROM parking_sessions "
      "WHERE amount_eur IS NOT NULL GROUP BY month, zone", chart="bar", series=True),
    C(P, 5, "For each zone: number of sessions, total minutes parked and total takings",
      "SELECT zone, COUNT(*), SUM(minutes_parked), SUM(amount_eur) FROM parking_sessions GROUP BY zone"),
    C(P, 5, "Scatter with a point per plate: number of sessions vs total paid, only plates with 3+ sessions",
      "SELECT plate, COUNT(*), SUM(amount_eur) FROM parking_sessions GROUP BY plate HAVING COUNT(*) >= 3",
      chart="scatter"),
    C(P, 5, "average stay for each vehicle type, residents vs non-residents",
      "SELECT vehicle_type, resident_permit, AVG(minutes_parked) FROM parking_sessions "
      "GROUP BY vehicle_type, resident_permit"),
    C(P, 5, "line chart of sessions per month, one line per payment method",
      "SELECT substr(start_time, 1, 7) AS month, payment_method, COUNT(*) FROM parking_sessions "
      "GROUP BY month, payment_method", chart="line", series=True),

    # 6: the analysis kind
    C(P, 6, "box plot of minutes parked by zone",
      "SELECT zone, MIN(minutes_parked), median(minutes_parked), MAX(minutes_parked) FROM parking_sessions "
      "GROUP BY zone", chart="box"),
    T(P, 6, "what does the spread of parking charges look like? histogram please", "distribution_plot",
      ["amount_eur"], chart="histogram"),
    C(P, 6, "Histogram of stay length in minutes, 120-minute bins",
      "SELECT CAST(minutes_parked / 120 AS INTEGER) * 120 AS bin, COUNT(*) FROM parking_sessions "
      "WHERE minutes_parked IS NOT NULL GROUP BY bin", chart="histogram"),
    C(P, 6, "how strongly are minutes parked and amount charged correlated?",
      "SELECT (COUNT(*) * SUM(minutes_parked * amount_eur) - SUM(minutes_parked) * SUM(amount_eur)) / "
      "(sqrt(COUNT(*) * SUM(minutes_parked * minutes_parked) - SUM(minutes_parked) * SUM(minutes_parked)) * "
      "sqrt(COUNT(*) * SUM(amount_eur * amount_eur) - SUM(amount_eur) * SUM(amount_eur))) "
      "FROM parking_sessions WHERE minutes_parked IS NOT NULL", tolerance=1e-4),
    C(P, 6, "scatter of minutes parked vs amount charged, Station sessions only",
      "SELECT minutes_parked, amount_eur FROM parking_sessions WHERE zone = 'Station' "
      "AND minutes_parked IS NOT NULL", chart="scatter"),
    C(P, 6, "Box plot of the charge by payment method",
      "SELECT payment_method, MIN(amount_eur), median(amount_eur), MAX(amount_eur) FROM parking_sessions "
      "GROUP BY payment_method", chart="box"),

    # 7: derived measures
    C(P, 7, "At what hour of the day do most stays begin?",
      "SELECT CAST(substr(start_time, 12, 2) AS INTEGER) AS h FROM parking_sessions GROUP BY h "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    C(P, 7, "takings by day of the week - bar chart please",
      "SELECT dayname(start_time) AS d, SUM(amount_eur) FROM parking_sessions GROUP BY d", chart="bar"),
    C(P, 7, "What percentage of finished sessions got a fine?",
      "SELECT COUNT(fine_eur) * 100.0 / COUNT(*) FROM parking_sessions WHERE end_time IS NOT NULL"),
    C(P, 7, "plot cumulative takings by month as a line",
      "SELECT month, SUM(t) OVER (ORDER BY month) FROM (SELECT substr(start_time, 1, 7) AS month, "
      "SUM(amount_eur) AS t FROM parking_sessions GROUP BY month) ORDER BY month", ordered=True,
      chart="line"),
    C(P, 7, "% change in the number of sessions from June to July",
      "SELECT (SUM(start_time LIKE '2024-07%') - SUM(start_time LIKE '2024-06%')) * 100.0 / "
      "SUM(start_time LIKE '2024-06%') FROM parking_sessions"),
    C(P, 7, "effective hourly rate per zone: takings divided by hours parked",
      "SELECT zone, SUM(amount_eur) / (SUM(minutes_parked) / 60.0) FROM parking_sessions GROUP BY zone"),
    C(P, 7, "For app sessions, what's the average time between start and end, in minutes?",
      "SELECT AVG((julianday(end_time) - julianday(start_time)) * 1440) FROM parking_sessions "
      "WHERE payment_method = 'app' AND end_time IS NOT NULL", tolerance=1e-4),

    # 8: words about the chart
    C(P, 8, "bar chart of takings per zone with the zones along the x axis",
      "SELECT zone, SUM(amount_eur) FROM parking_sessions GROUP BY zone", chart="bar"),
    C(P, 8, "pie of sessions by vehicle type",
      "SELECT vehicle_type, COUNT(*) FROM parking_sessions GROUP BY vehicle_type", chart="pie"),
    C(P, 8, "Line chart: monthly takings on the y axis",
      "SELECT substr(start_time, 1, 7) AS month, SUM(amount_eur) FROM parking_sessions GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),
    C(P, 8, "show the number of sessions starting in each hour of the day as bars",
      "SELECT CAST(substr(start_time, 12, 2) AS INTEGER) AS h, COUNT(*) FROM parking_sessions GROUP BY h",
      chart="bar"),
    C(P, 8, "histogram of the amount charged, bin width 5 euros",
      "SELECT CAST(amount_eur / 5 AS INTEGER) * 5 AS bin, COUNT(*) FROM parking_sessions "
      "WHERE amount_eur IS NOT NULL GROUP BY bin", chart="histogram"),

    # 9: the shape of the answer
    C(P, 9, "Which plate parked the most often?",
      "SELECT plate FROM parking_sessions GROUP BY plate ORDER BY COUNT(*) DESC LIMIT 1"),
    C(P, 9, "what's the longest anyone stayed, in minutes",
      "SELECT MAX(minutes_parked) FROM parking_sessions"),
    C(P, 9, "list the parking zones",
      "SELECT DISTINCT zone FROM parking_sessions"),
    C(P, 9, "Which vehicles were still parked when the data was pulled? plate and zone",
      "SELECT plate, zone FROM parking_sessions WHERE end_time IS NULL"),
    C(P, 9, "total takings and total fines, single row",
      "SELECT SUM(amount_eur), SUM(fine_eur) FROM parking_sessions"),
    C(P, 9, "When did the first session of the year start?",
      "SELECT MIN(start_time) FROM parking_sessions"),

    # basic
    C(P, "basic", "total parking takings for 2024",
      "SELECT SUM(amount_eur) FROM parking_sessions"),
    C(P, "basic", "How much did fines bring in?",
      "SELECT SUM(fine_eur) FROM parking_sessions"),
    C(P, "basic", "which zone is the busiest by number of sessions?",
      "SELECT zone FROM parking_sessions GROUP BY zone ORDER BY COUNT(*) DESC LIMIT 1"),
    C(P, "basic", "average stay in Old Town, in minutes",
      "SELECT AVG(minutes_parked) FROM parking_sessions WHERE zone = 'Old Town'"),
    C(P, "basic", "I need the takings for each month",
      "SELECT substr(start_time, 1, 7) AS month, SUM(amount_eur) FROM parking_sessions GROUP BY month"),
]

FLAGGED += [
    F(P, "How many free spaces are there in the Harbour zone right now?", "there is no capacity or occupancy column"),
    F(P, "What will our parking takings be in January 2025?", "a forecast"),
    F(P, "Why do coin payers get fined more often?", "a cause the data cannot give"),
    F(P, "average takings per plate", "one overall figure or a list by plate: both readings fit"),
]
