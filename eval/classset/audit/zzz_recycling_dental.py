"""Blind audit module: a municipal recycling centre's weighbridge log and a dental practice's appointment book.

Table `recycling_weighins` -- one row per material weighed on one visit to the recycling centre (Jan-Dec 2024).
A visit (one vehicle arriving) drops one to four materials; the vehicle is weighed before and after each tip,
so a visit's id, timestamp, plate, customer and invoice date repeat on each of its material rows.
  line_id            INTEGER  row number of the weigh-in line (unique).
  visit_id           TEXT     visit reference, 'V3001'...; repeats once per material dropped on that visit.
  visit_ts           TEXT     time the vehicle arrived on the weighbridge, 'YYYY-MM-DD HH:MM' (site shut Sundays).
  invoice_date       TEXT     'YYYY-MM-DD' the visit's invoice (or rebate statement) was issued. Trade visits are
                              invoiced in the first days of the following month, chargeable household visits on the
                              day or a day or two later. Blank when there was nothing to invoice (household visits
                              with only free materials) and for visits from 9 December on (not yet invoiced).
  vehicle_plate      TEXT     registration plate; trade vans repeat often, some household cars repeat.
  customer_type      TEXT     'household' or 'trade'.
  customer_name      TEXT     trade account name (names share prefixes: 'Green Lane Builders', 'Green Lane
                              Landscapes', 'Greenfield Roofing', 'Harbour Demolition', 'Harbour Skips Ltd',
                              'Northgate Electrical', 'Northgate Plumbing'); blank for household visits.
  operator           TEXT     weighbridge operator on duty ('Sam Okafor', 'Sam Oakes', 'Priya Nair').
  material           TEXT     material tipped, e.g. 'Cardboard', 'Mixed Paper', 'Glass Bottles', 'Green Waste',
                              'Wood - Treated', 'Wood - Untreated', 'Plastics - Rigid', 'Plastics - Film', 'Rubble',
                              'Plasterboard', 'Scrap Steel', 'Scrap Aluminium', 'Scrap Copper', 'WEEE' (electricals).
  material_category  TEXT     'fibre', 'glass', 'organic', 'wood', 'plastic', 'inert', 'metal', 'electrical'.
  gross_kg           REAL     vehicle weight in kg before this material was tipped.
  tare_kg            REAL     vehicle weight in kg after this material was tipped (the next line's gross).
  net_kg             REAL     gross_kg - tare_kg: the weight of this material in kg (always positive).
  charge_per_tonne   REAL     gate fee in GBP per tonne (1,000 kg) for this material and customer type. Households
                              pay only for rubble and plasterboard (0 otherwise); trade pays for everything except
                              metals, for which the rate is negative (a rebate paid to the customer).
  line_charge_gbp    REAL     net_kg / 1000 * charge_per_tonne, in GBP, rounded to pence; negative for metal
                              rebates, 0 for free household materials.
  contaminated       TEXT     'yes' if the load was found contaminated (wrong material mixed in), else 'no'.

Table `dental_appointments` -- one row per treatment line of an appointment at a dental practice (Jan-Dec 2024).
An appointment id repeats once per treatment line; a patient repeats across appointments.
  line_id                INTEGER  row number of the treatment line (unique).
  appointment_id         TEXT     appointment reference, 'A5001'...; repeats on each treatment line.
  patient_id             TEXT     patient reference, 'P001'...; repeats across appointments.
  patient_age_years      INTEGER  patient's age in years (same on all of a patient's rows).
  insurer                TEXT     dental plan: 'Denplan', 'Bupa Dental', 'AXA Dental'; blank for self-pay patients.
  dentist                TEXT     dentist ('Dr Anna Patel', 'Dr Anna Pearson', 'Dr Ben Morris', 'Dr Ben Morrison').
  hygienist              TEXT     hygienist on the line ('Hannah Lee', 'Hannah Leigh'); blank when none took part.
  booking_made_date      TEXT     'YYYY-MM-DD' the appointment was booked (may be in 2023).
  booked_ts              TEXT     the appointment slot it was booked for, 'YYYY-MM-DD HH:MM'.
  attended_ts            TEXT     when the patient checked in, 'YYYY-MM-DD HH:MM' (can be before the slot); blank
                                  when the appointment was cancelled or a no-show.
  treatment              TEXT     e.g. 'Check-up', 'Scale and polish', 'Fluoride varnish', 'X-ray - bitewing',
                                  'X-ray - panoramic', 'Filling - amalgam', 'Filling - composite', 'Crown',
                                  'Root canal', 'Extraction', 'Extraction - surgical', 'Whitening', and
                                  'Goodwill credit' (an adjustment line, not a treatment).
  treatment_category     TEXT     'preventive', 'diagnostic', 'restorative', 'surgical', 'cosmetic', 'adjustment'.
  chair_minutes_planned  INTEGER  chair time scheduled for the line, minutes; blank on goodwill credits.
  chair_minutes_actual   INTEGER  chair time used, minutes; blank when not attended and on goodwill credits.
  fee_gbp                REAL     fee charged for the line in GBP; 0 for cancelled and no-show appointments;
                                  negative on goodwill credits.
  insurer_paid_gbp       REAL     part of the fee paid by the insurer, GBP; blank for self-pay patients.
  patient_paid_gbp       REAL     part of the fee paid by the patient, GBP (fee minus insurer part); negative on
                                  goodwill credits.
  cancelled              TEXT     'yes' if the appointment was cancelled in advance, else 'no' (on every line).
  no_show                TEXT     'yes' if the patient did not turn up, else 'no' (on every line).
"""
import datetime as dt
import random

from ..case import C, F, T

RW = "recycling_weighins"
DA = "dental_appointments"

def gen_recycling():
    """recycling_weighins: one row per material per visit (see the module docstring)."""
    r = random.Random(4711)
    cols = [("line_id", "INTEGER"), ("visit_id", "TEXT"), ("visit_ts", "TEXT"), ("invoice_date", "TEXT"),
            ("vehicle_plate", "TEXT"), ("customer_type", "TEXT"), ("customer_name", "TEXT"), ("operator", "TEXT"),
            ("material", "TEXT"), ("material_category", "TEXT"), ("gross_kg", "REAL"), ("tare_kg", "REAL"),
            ("net_kg", "REAL"), ("charge_per_tonne", "REAL"), ("line_charge_gbp", "REAL"), ("contaminated", "TEXT")]
    # material: (category, trade rate, household rate, household kg range, trade kg range)
    mats = {
        "Cardboard": ("fibre", 45.0, 0.0, (8, 90), (120, 900)),
        "Mixed Paper": ("fibre", 50.0, 0.0, (5, 60), (100, 700)),
        "Glass Bottles": ("glass", 30.0, 0.0, (6, 70), (150, 1100)),
        "Green Waste": ("organic", 38.0, 0.0, (30, 420), (300, 2600)),
        "Wood - Treated": ("wood", 95.0, 0.0, (20, 250), (200, 1800)),
        "Wood - Untreated": ("wood", 70.0, 0.0, (20, 250), (200, 1600)),
        "Plastics - Rigid": ("plastic", 120.0, 0.0, (5, 60), (80, 600)),
        "Plastics - Film": ("plastic", 140.0, 0.0, (3, 40), (60, 450)),
        "Rubble": ("inert", 25.0, 25.0, (60, 600), (800, 5200)),
        "Plasterboard": ("inert", 110.0, 110.0, (20, 300), (150, 1400)),
        "Scrap Steel": ("metal", -85.0, 0.0, (10, 180), (150, 1900)),
        "Scrap Aluminium": ("metal", -620.0, 0.0, (2, 40), (20, 320)),
        "Scrap Copper": ("metal", -4300.0, 0.0, (1, 15), (5, 90)),
        "WEEE": ("electrical", 60.0, 0.0, (10, 120), (40, 500)),
    }
    hh_weights = {"Cardboard": 9, "Mixed Paper": 6, "Glass Bottles": 8, "Green Waste": 12, "Wood - Treated": 3,
                  "Wood - Untreated": 4, "Plastics - Rigid": 5, "Plastics - Film": 2, "Rubble": 5, "Plasterboard": 2,
                  "Scrap Steel": 4, "Scrap Aluminium": 2, "Scrap Copper": 1, "WEEE": 5}
    tr_weights = {"Cardboard": 6, "Mixed Paper": 3, "Glass Bottles": 3, "Green Waste": 6, "Wood - Treated": 5,
                  "Wood - Untreated": 4, "Plastics - Rigid": 3, "Plastics - Film": 3, "Rubble": 8, "Plasterboard": 5,
                  "Scrap Steel": 6, "Scrap Aluminium": 4, "Scrap Copper": 3, "WEEE": 3}
    trade = {"Green Lane Builders": ["GL19 KTX", "GL21 BWD"], "Green Lane Landscapes": ["GN68 LPA"],
             "Greenfield Roofing": ["GF70 RRO"], "Harbour Demolition": ["HD18 DEM", "HD22 XKM"],
             "Harbour Skips Ltd": ["HS66 SKP"], "Northgate Electrical": ["NG20 ELC"],
             "Northgate Plumbing": ["NG71 PLB"]}
    trade_w = [8, 4, 5, 7, 6, 4, 3]
    operators = ["Sam Okafor", "Sam Oakes", "Priya Nair"]
    letters = "ABCDEFGHJKLMNOPRSTVWXYZ"
    hh_plates = ["%s%s%02d %s" % (r.choice(letters), r.choice(letters), r.choice([14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73]),
                                   "".join(r.choice(letters) for _ in range(3))) for _ in range(80)]
    start = dt.date(2024, 1, 2)
    days = [start + dt.timedelta(d) for d in range(364)]
    days = [d for d in days if d.weekday() != 6 and not (d.month == 12 and d.day in (25, 26)) and d.year == 2024]
    n_visits = 182
    visit_days = sorted(r.choice(days) for _ in range(n_visits))
    slots = []
    for d in visit_days:
        hour = r.choices(range(7, 18), weights=[2, 5, 6, 6, 5, 4, 5, 5, 4, 3, 2])[0]
        if d.weekday() == 5:
            hour = r.randint(8, 13)
        slots.append((d, "%s %02d:%02d" % (d.isoformat(), hour, r.randrange(0, 60))))
    slots.sort(key=lambda x: x[1])
    rows, lid = [], 1
    for i, (d, ts) in enumerate(slots):
        vid = "V%04d" % (3001 + i)
        is_trade = r.random() < 0.4
        if is_trade:
            cname = r.choices(list(trade), weights=trade_w)[0]
            plate = r.choice(trade[cname])
            ctype = "trade"
            n = r.choices([1, 2, 3, 4], weights=[3, 4, 3, 1])[0]
            w = tr_weights
            tare0 = r.choice([3400.0, 3650.0, 7200.0, 11800.0, 2650.0]) + r.randint(-40, 40)
        else:
            cname = None
            plate = r.choice(hh_plates[:55]) if r.random() < 0.7 else r.choice(hh_plates)
            ctype = "household"
            n = r.choices([1, 2, 3], weights=[4, 4, 2])[0]
            w = hh_weights
            tare0 = r.choice([1180.0, 1420.0, 1650.0, 1900.0, 2350.0]) + r.randint(-60, 60)
        op = r.choices(operators, weights=[5, 3, 4])[0]
        mlist = []
        pool = dict(w)
        for _ in range(n):
            m = r.choices(list(pool), weights=list(pool.values()))[0]
            del pool[m]
            mlist.append(m)
        nets = []
        for m in mlist:
            cat, trate, hrate, hr, tr = mats[m]
            lo, hi = tr if is_trade else hr
            v = r.uniform(lo, hi)
            v = round(v * 2) / 2 if v < 100 else float(round(v / 5) * 5)
            if v < 100 and r.random() < 0.5:
                v = float(round(v))
            nets.append(v)
        total = sum(nets)
        gross = tare0 + total
        lines = []
        charge_total = 0.0
        for m, v in zip(mlist, nets):
            cat, trate, hrate, hr, tr = mats[m]
            rate = trate if is_trade else hrate
            g = gross
            t = gross - v
            gross = t
            chg = round(v / 1000.0 * rate, 2)
            charge_total += chg
            contam = "yes" if r.random() < (0.12 if cat in ("fibre", "plastic", "organic") else 0.04) else "no"
            lines.append([vid, ts, None, plate, ctype, cname, op, m, cat, round(g, 1), round(t, 1), v, rate, chg, contam])
        # invoice: issued for visits with something to invoice or rebate; none for zero-charge households; none yet for late Dec
        inv = None
        if any(l[13] != 0 for l in lines) and d < dt.date(2024, 12, 9):
            if is_trade:
                inv_d = (d.replace(day=1) + dt.timedelta(days=32)).replace(day=1) + dt.timedelta(days=r.choice([0, 1, 2, 3, 4]))
            else:
                inv_d = d + dt.timedelta(days=r.choice([0, 0, 0, 1, 2]))
            inv = inv_d.isoformat()
        for l in lines:
            l[2] = inv
            rows.append(tuple([lid] + l))
            lid += 1
    return cols, rows


def gen_dental():
    """dental_appointments: one row per treatment line (see the module docstring)."""
    r = random.Random(90210)
    cols = [("line_id", "INTEGER"), ("appointment_id", "TEXT"), ("patient_id", "TEXT"), ("patient_age_years", "INTEGER"),
            ("insurer", "TEXT"), ("dentist", "TEXT"), ("hygienist", "TEXT"), ("booking_made_date", "TEXT"),
            ("booked_ts", "TEXT"), ("attended_ts", "TEXT"), ("treatment", "TEXT"), ("treatment_category", "TEXT"),
            ("chair_minutes_planned", "INTEGER"), ("chair_minutes_actual", "INTEGER"), ("fee_gbp", "REAL"),
            ("insurer_paid_gbp", "REAL"), ("patient_paid_gbp", "REAL"), ("cancelled", "TEXT"), ("no_show", "TEXT")]
    # treatment: (category, planned minutes, fee, needs hygienist)
    tr = {
        "Check-up": ("preventive", 20, 48.0, False),
        "Scale and polish": ("preventive", 30, 72.0, True),
        "Fluoride varnish": ("preventive", 10, 25.0, True),
        "X-ray - bitewing": ("diagnostic", 10, 30.0, False),
        "X-ray - panoramic": ("diagnostic", 15, 65.0, False),
        "Filling - amalgam": ("restorative", 30, 95.0, False),
        "Filling - composite": ("restorative", 40, 150.0, False),
        "Crown": ("restorative", 60, 620.0, False),
        "Root canal": ("restorative", 90, 480.0, False),
        "Extraction": ("surgical", 30, 120.0, False),
        "Extraction - surgical": ("surgical", 60, 260.0, False),
        "Whitening": ("cosmetic", 60, 350.0, False),
    }
    tw = {"Check-up": 30, "Scale and polish": 18, "Fluoride varnish": 5, "X-ray - bitewing": 12, "X-ray - panoramic": 4,
          "Filling - amalgam": 8, "Filling - composite": 10, "Crown": 4, "Root canal": 4, "Extraction": 5,
          "Extraction - surgical": 2, "Whitening": 3}
    cover = {"Denplan": {"preventive": 1.0, "diagnostic": 1.0, "restorative": 0.6, "surgical": 0.6, "cosmetic": 0.0},
             "Bupa Dental": {"preventive": 0.8, "diagnostic": 0.8, "restorative": 0.5, "surgical": 0.5, "cosmetic": 0.0},
             "AXA Dental": {"preventive": 0.75, "diagnostic": 0.75, "restorative": 0.4, "surgical": 0.5, "cosmetic": 0.0}}
    dentists = ["Dr Anna Patel", "Dr Anna Pearson", "Dr Ben Morris", "Dr Ben Morrison"]
    dent_w = [5, 4, 4, 3]
    hygienists = ["Hannah Lee", "Hannah Leigh"]
    patients = []
    for i in range(1, 121):
        age = r.choice([r.randint(5, 17), r.randint(18, 40), r.randint(18, 40), r.randint(41, 65), r.randint(41, 65), r.randint(66, 88)])
        ins = r.choices(["Denplan", "Bupa Dental", "AXA Dental", None], weights=[4, 3, 2, 4])[0]
        patients.append(("P%03d" % i, age, ins, r.choices(dentists, weights=dent_w)[0]))
    start = dt.date(2024, 1, 3)
    days = [start + dt.timedelta(d) for d in range(352)]
    days = [d for d in days if d.weekday() < 5 or (d.weekday() == 5 and r.random() < 0.5)]
    n_app = 232
    app_days = sorted(r.choice(days) for _ in range(n_app))
    slots = set()
    for d in app_days:
        while True:
            slot = r.choice(range(16, 35)) if d.weekday() < 5 else r.choice(range(18, 25))
            h, mi = divmod(slot * 30, 60)
            b = dt.datetime(d.year, d.month, d.day, h, mi)
            if (b, 0) not in slots or r.random() < 0.5:
                break
        k = 0
        while (b, k) in slots:
            k += 1
        slots.add((b, k))
    slots = sorted(slots)
    rows, lid = [], 1
    credit_apps = set(r.sample(range(n_app), 7))
    for i, (booked, _k) in enumerate(slots):
        d = booked.date()
        aid = "A%04d" % (5001 + i)
        pid, age, ins, usual = r.choice(patients[:90]) if r.random() < 0.75 else r.choice(patients)
        dentist = usual if r.random() < 0.8 else r.choice(dentists)
        made = d - dt.timedelta(days=r.choice([r.randint(1, 14), r.randint(7, 45), r.randint(30, 180)]))
        u = r.random()
        cancelled = "yes" if u < 0.09 else "no"
        no_show = "yes" if 0.09 <= u < 0.15 else "no"
        attended = cancelled == "no" and no_show == "no"
        att_ts = None
        if attended:
            att_ts = (booked + dt.timedelta(minutes=r.choice([-10, -5, -5, 0, 0, 0, 2, 5, 8, 12, 20]))).strftime("%Y-%m-%d %H:%M")
        n = r.choices([1, 2, 3], weights=[5, 4, 2])[0]
        pool = dict(tw)
        tlist = []
        for _ in range(n):
            t = r.choices(list(pool), weights=list(pool.values()))[0]
            del pool[t]
            tlist.append(t)
        hyg = None
        if any(tr[t][3] for t in tlist):
            hyg = r.choice(hygienists)
        for t in tlist:
            cat, pm, fee, _ = tr[t]
            pm_ = pm + r.choice([0, 0, 0, 5, 10]) if pm >= 30 else pm
            act = None
            if attended:
                act = max(5, pm_ + (r.choice([-10, -5, -5, 0, 0, 0, 0, 5, 5, 10, 15, 25]) if pm_ >= 30 else r.choice([-5, 0, 0, 0, 5, 5, 10])))
            f = fee * r.choice([1.0, 1.0, 1.0, 1.1, 0.9]) if attended else 0.0
            f = round(f, 2)
            if ins is None:
                ip = None
                pp = f
            else:
                ip = round(f * cover[ins][cat], 2)
                pp = round(f - ip, 2)
            rows.append([aid, pid, age, ins, dentist, hyg if tr[t][3] or (hyg and r.random() < 0.3) else None,
                         made.isoformat(), booked.strftime("%Y-%m-%d %H:%M"), att_ts, t, cat, pm_, act, f, ip, pp,
                         cancelled, no_show])
        if i in credit_apps and attended:
            cr = -round(r.choice([20.0, 25.0, 48.0, 72.0, 30.0]), 2)
            rows.append([aid, pid, age, ins, dentist, None, made.isoformat(), booked.strftime("%Y-%m-%d %H:%M"), att_ts,
                         "Goodwill credit", "adjustment", None, None, cr, 0.0 if ins else None, cr, cancelled, no_show])
    out = []
    for k, rrow in enumerate(rows):
        out.append(tuple([k + 1] + rrow))
    return cols, out

TABLES = {RW: gen_recycling, DA: gen_dental}

# visit-level view used in several golds: one row per visit
_V = """(SELECT visit_id, MIN(visit_ts) AS visit_ts, MIN(invoice_date) AS invoice_date, MIN(customer_type) AS customer_type,
         MIN(customer_name) AS customer_name, MIN(vehicle_plate) AS vehicle_plate, MIN(operator) AS operator,
         SUM(net_kg) AS net_kg, SUM(line_charge_gbp) AS charge FROM recycling_weighins GROUP BY visit_id)"""

CASES_RW = [
    # ---- 1: the measure behind a count word
    C(RW, 1, "How many visits did trade customers make in 2024?",
      "SELECT COUNT(DISTINCT visit_id) FROM recycling_weighins WHERE customer_type = 'trade'"),
    C(RW, 1, "how many tonnes of rubble came over the weighbridge?",
      "SELECT SUM(net_kg) / 1000.0 FROM recycling_weighins WHERE material = 'Rubble'"),
    C(RW, 1, "How many different vehicles used the site in April?",
      "SELECT COUNT(DISTINCT vehicle_plate) FROM recycling_weighins WHERE substr(visit_ts, 1, 7) = '2024-04'"),
    C(RW, 1, "how many kg of cardboard did households drop off",
      "SELECT SUM(net_kg) FROM recycling_weighins WHERE material = 'Cardboard' AND customer_type = 'household'"),
    C(RW, 1, "Number of visits each month?",
      "SELECT substr(visit_ts, 1, 7) AS month, COUNT(DISTINCT visit_id) AS visits FROM recycling_weighins GROUP BY month"),
    C(RW, 1, "How many trade accounts used us last year (2024)?",
      "SELECT COUNT(DISTINCT customer_name) FROM recycling_weighins WHERE customer_type = 'trade'"),
    C(RW, 1, "How many visits did each weighbridge operator handle?",
      "SELECT operator, COUNT(DISTINCT visit_id) AS visits FROM recycling_weighins GROUP BY operator"),

    # ---- 2: "per X" vs group by
    C(RW, 2, "What's the average net weight per visit?",
      "SELECT AVG(net_kg) FROM " + _V, tolerance=0.01),
    C(RW, 2, "net kg per material category",
      "SELECT material_category, SUM(net_kg) AS net_kg FROM recycling_weighins GROUP BY material_category"),
    C(RW, 2, "Average charge per trade visit, in pounds",
      "SELECT ROUND(AVG(charge), 2) FROM " + _V + " WHERE customer_type = 'trade'", tolerance=0.01),
    C(RW, 2, "On average how many different materials does a vehicle drop per visit?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT visit_id) FROM recycling_weighins", tolerance=0.01),
    C(RW, 2, "total charges per trade customer",
      """SELECT customer_name, ROUND(SUM(line_charge_gbp), 2) AS total_charge FROM recycling_weighins
         WHERE customer_type = 'trade' GROUP BY customer_name"""),
    C(RW, 2, "average kg per visit for households and for trade",
      "SELECT customer_type, AVG(net_kg) AS avg_kg_per_visit FROM " + _V + " GROUP BY customer_type", tolerance=0.01),
    C(RW, 2, "What is the average number of visits per trade customer?",
      "SELECT COUNT(DISTINCT visit_id) * 1.0 / COUNT(DISTINCT customer_name) FROM recycling_weighins WHERE customer_type = 'trade'",
      tolerance=0.01),

    # ---- 3: filters
    C(RW, 3, "Add up all the rebate lines (the negative charges) - what's the total?",
      "SELECT ROUND(SUM(line_charge_gbp), 2) FROM recycling_weighins WHERE line_charge_gbp < 0"),
    C(RW, 3, "How many weigh-ins were over 2 tonnes net?",
      "SELECT COUNT(*) FROM recycling_weighins WHERE net_kg > 2000"),
    C(RW, 3, "total net weight of everything that isn't metal, in kg",
      "SELECT SUM(net_kg) FROM recycling_weighins WHERE material_category <> 'metal'"),
    C(RW, 3, "How much did the Green Lane companies get charged altogether?",
      "SELECT ROUND(SUM(line_charge_gbp), 2) FROM recycling_weighins WHERE customer_name LIKE 'Green Lane%'"),
    C(RW, 3, "kg of cardboard or mixed paper brought by households",
      """SELECT SUM(net_kg) FROM recycling_weighins
         WHERE material IN ('Cardboard', 'Mixed Paper') AND customer_type = 'household'"""),
    C(RW, 3, "Which trade customers brought in more than 15 tonnes over the year?",
      """SELECT customer_name, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins WHERE customer_type = 'trade'
         GROUP BY customer_name HAVING SUM(net_kg) > 15000"""),
    C(RW, 3, "list the rubble weigh-ins that were heavier than the average rubble weigh-in",
      """SELECT visit_id, net_kg FROM recycling_weighins WHERE material = 'Rubble'
         AND net_kg > (SELECT AVG(net_kg) FROM recycling_weighins WHERE material = 'Rubble')"""),
    C(RW, 3, "Which materials were never flagged as contaminated?",
      "SELECT material FROM recycling_weighins GROUP BY material HAVING SUM(contaminated = 'yes') = 0"),
    C(RW, 3, "total scrap metal weight (all scrap types) from trade customers",
      "SELECT SUM(net_kg) FROM recycling_weighins WHERE material LIKE 'Scrap%' AND customer_type = 'trade'"),
    C(RW, 3, "how many visits were charged more than £100 in total?",
      "SELECT COUNT(*) FROM " + _V + " WHERE charge > 100"),

    # ---- 4: explicit order and shape
    C(RW, 4, "Top 5 materials by net weight",
      "SELECT material, SUM(net_kg) AS net_kg FROM recycling_weighins GROUP BY material ORDER BY net_kg DESC LIMIT 5",
      ordered=True),
    C(RW, 4, "who are our 3 biggest paying trade customers? rank by total charge",
      """SELECT customer_name, ROUND(SUM(line_charge_gbp), 2) AS total_charge FROM recycling_weighins
         WHERE customer_type = 'trade' GROUP BY customer_name ORDER BY total_charge DESC LIMIT 3""", ordered=True),
    C(RW, 4, "list the months by tonnage received, heaviest month first",
      """SELECT substr(visit_ts, 1, 7) AS month, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins
         GROUP BY month ORDER BY tonnes DESC""", ordered=True),
    C(RW, 4, "Which 3 materials had the lowest total weight? lowest first",
      "SELECT material, SUM(net_kg) AS net_kg FROM recycling_weighins GROUP BY material ORDER BY net_kg ASC LIMIT 3",
      ordered=True),
    C(RW, 4, "I need the 10 heaviest single weigh-ins - visit, material and net kg",
      """SELECT visit_id, material, net_kg FROM recycling_weighins ORDER BY net_kg DESC LIMIT 10""", ordered=True),
    C(RW, 4, "sort the operators by total tonnes weighed, ascending",
      """SELECT operator, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins GROUP BY operator ORDER BY tonnes ASC""",
      ordered=True),
    C(RW, 4, "material categories ranked by total charge, highest first",
      """SELECT material_category, ROUND(SUM(line_charge_gbp), 2) AS total_charge FROM recycling_weighins
         GROUP BY material_category ORDER BY total_charge DESC""", ordered=True),

    # ---- 5: several columns / series / scatter of aggregates
    C(RW, 5, "Show total net kg and total charge for each material",
      """SELECT material, SUM(net_kg) AS net_kg, ROUND(SUM(line_charge_gbp), 2) AS total_charge
         FROM recycling_weighins GROUP BY material"""),
    C(RW, 5, "stacked bar chart of monthly net weight, split household vs trade",
      """SELECT substr(visit_ts, 1, 7) AS month, customer_type, SUM(net_kg) AS net_kg FROM recycling_weighins
         GROUP BY month, customer_type""", chart="bar", series=True),
    C(RW, 5, "For each trade customer plot number of visits against total tonnes, as a scatter",
      """SELECT customer_name, COUNT(DISTINCT visit_id) AS visits, SUM(net_kg) / 1000.0 AS tonnes
         FROM recycling_weighins WHERE customer_type = 'trade' GROUP BY customer_name""", chart="scatter"),
    C(RW, 5, "visits per quarter by operator, grouped bars please",
      """SELECT quarter(visit_ts) AS quarter, operator, COUNT(DISTINCT visit_id) AS visits FROM recycling_weighins
         GROUP BY quarter, operator""", chart="bar", series=True),
    C(RW, 5, "min, average and max net weight for each material category",
      """SELECT material_category, MIN(net_kg) AS min_kg, AVG(net_kg) AS avg_kg, MAX(net_kg) AS max_kg
         FROM recycling_weighins GROUP BY material_category""", tolerance=0.01),
    C(RW, 5, "Compare charges and rebates by month: positive charges in one column, rebates in another",
      """SELECT substr(visit_ts, 1, 7) AS month,
         ROUND(SUM(CASE WHEN line_charge_gbp > 0 THEN line_charge_gbp ELSE 0 END), 2) AS charges,
         ROUND(SUM(CASE WHEN line_charge_gbp < 0 THEN line_charge_gbp ELSE 0 END), 2) AS rebates
         FROM recycling_weighins GROUP BY month"""),

    # ---- 6: the analysis kind
    C(RW, 6, "scatter of net weight against line charge for trade weigh-ins",
      "SELECT net_kg, line_charge_gbp FROM recycling_weighins WHERE customer_type = 'trade'", chart="scatter"),
    C(RW, 6, "Box plot of net weight per visit by customer type",
      """SELECT customer_type, MIN(net_kg) AS min_kg, median(net_kg) AS median_kg, MAX(net_kg) AS max_kg
         FROM """ + _V + " GROUP BY customer_type", chart="box"),
    C(RW, 6, "histogram of visit total weights using 1000 kg bins",
      """SELECT CAST(net_kg / 1000 AS INTEGER) * 1000 AS bin_kg, COUNT(*) AS visits FROM """ + _V + """
         GROUP BY bin_kg""", chart="histogram"),
    C(RW, 6, "Is gross weight correlated with net weight? give me the correlation coefficient",
      """SELECT (COUNT(*) * SUM(gross_kg * net_kg) - SUM(gross_kg) * SUM(net_kg)) /
         (sqrt(COUNT(*) * SUM(gross_kg * gross_kg) - SUM(gross_kg) * SUM(gross_kg)) *
          sqrt(COUNT(*) * SUM(net_kg * net_kg) - SUM(net_kg) * SUM(net_kg))) FROM recycling_weighins""",
      tolerance=0.01),
    C(RW, 6, "box plot of line charges for each material category",
      """SELECT material_category, MIN(line_charge_gbp) AS min_charge, median(line_charge_gbp) AS median_charge,
         MAX(line_charge_gbp) AS max_charge FROM recycling_weighins GROUP BY material_category""", chart="box"),
    T(RW, 6, "show me how the net weights of the individual weigh-ins are distributed", "distribution_plot", ["net_kg"]),

    # ---- 7: derived measures
    C(RW, 7, "contamination rate by material category as a percent",
      """SELECT material_category, 100.0 * SUM(contaminated = 'yes') / COUNT(*) AS contamination_pct
         FROM recycling_weighins GROUP BY material_category""", tolerance=0.01),
    C(RW, 7, "On average how many days after the visit do trade customers get invoiced?",
      """SELECT AVG(julianday(invoice_date) - julianday(substr(visit_ts, 1, 10))) FROM """ + _V + """
         WHERE customer_type = 'trade' AND invoice_date IS NOT NULL""", tolerance=0.01),
    C(RW, 7, "running total of rubble tonnes by month",
      """SELECT month, SUM(t) OVER (ORDER BY month) AS cumulative_tonnes FROM
         (SELECT substr(visit_ts, 1, 7) AS month, SUM(net_kg) / 1000.0 AS t FROM recycling_weighins
          WHERE material = 'Rubble' GROUP BY month)""", tolerance=0.01),
    C(RW, 7, "% change in total net weight from Q1 to Q2",
      """SELECT (SUM(CASE WHEN quarter(visit_ts) = '2024-Q2' THEN net_kg END) -
                 SUM(CASE WHEN quarter(visit_ts) = '2024-Q1' THEN net_kg END)) * 100.0 /
                 SUM(CASE WHEN quarter(visit_ts) = '2024-Q1' THEN net_kg END) FROM recycling_weighins""",
      tolerance=0.01),
    C(RW, 7, "visits by day of week",
      "SELECT dayname(visit_ts) AS day_of_week, COUNT(DISTINCT visit_id) AS visits FROM recycling_weighins GROUP BY day_of_week"),
    C(RW, 7, "what hour of the day do trade vehicles usually turn up? count of trade visits by hour",
      """SELECT CAST(substr(visit_ts, 12, 2) AS INTEGER) AS hour, COUNT(DISTINCT visit_id) AS visits
         FROM recycling_weighins WHERE customer_type = 'trade' GROUP BY hour"""),
    C(RW, 7, "effective charge per tonne for each trade customer (total charge / total tonnes)",
      """SELECT customer_name, SUM(line_charge_gbp) / (SUM(net_kg) / 1000.0) AS charge_per_tonne
         FROM recycling_weighins WHERE customer_type = 'trade' GROUP BY customer_name""", tolerance=0.01),

    # ---- 8: words about the chart
    C(RW, 8, "Bar chart of total charges by material",
      "SELECT material, ROUND(SUM(line_charge_gbp), 2) AS total_charge FROM recycling_weighins GROUP BY material",
      chart="bar"),
    C(RW, 8, "put month on the x axis and tonnes received on the y axis",
      "SELECT substr(visit_ts, 1, 7) AS month, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins GROUP BY month"),
    C(RW, 8, "Display share of visits by operator as a pie chart",
      "SELECT operator, COUNT(DISTINCT visit_id) AS visits FROM recycling_weighins GROUP BY operator", chart="pie"),
    C(RW, 8, "plot the monthly rebate total (negative charges) as a line",
      """SELECT substr(visit_ts, 1, 7) AS month, ROUND(SUM(line_charge_gbp), 2) AS rebates FROM recycling_weighins
         WHERE line_charge_gbp < 0 GROUP BY month""", chart="line"),
    C(RW, 8, "histogram of household weigh-in net weights, bin width 50 kg",
      """SELECT CAST(net_kg / 50 AS INTEGER) * 50 AS bin_kg, COUNT(*) AS weigh_ins FROM recycling_weighins
         WHERE customer_type = 'household' GROUP BY bin_kg""", chart="histogram"),
    C(RW, 8, "visualise green waste tonnage per month as bars",
      """SELECT substr(visit_ts, 1, 7) AS month, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins
         WHERE material = 'Green Waste' GROUP BY month""", chart="bar"),

    # ---- 9: the shape of the answer
    C(RW, 9, "Which material brought in the most weight? just the name",
      "SELECT material FROM recycling_weighins GROUP BY material ORDER BY SUM(net_kg) DESC LIMIT 1"),
    C(RW, 9, "total tonnage for the year - one number please",
      "SELECT SUM(net_kg) / 1000.0 FROM recycling_weighins"),
    C(RW, 9, "Did any household get charged more than £20 on a single visit? yes or no",
      """SELECT CASE WHEN EXISTS (SELECT 1 FROM """ + _V + """ WHERE customer_type = 'household' AND charge > 20)
         THEN 'yes' ELSE 'no' END"""),
    C(RW, 9, "give me a list of the vehicle plates that came more than 5 times",
      "SELECT vehicle_plate FROM recycling_weighins GROUP BY vehicle_plate HAVING COUNT(DISTINCT visit_id) > 5"),
    C(RW, 9, "which trade customers got more back in rebates than they paid? names only",
      """SELECT customer_name FROM recycling_weighins WHERE customer_type = 'trade'
         GROUP BY customer_name HAVING SUM(line_charge_gbp) < 0"""),
    C(RW, 9, "whats the date of the last visit from Harbour Skips",
      "SELECT MAX(substr(visit_ts, 1, 10)) FROM recycling_weighins WHERE customer_name = 'Harbour Skips Ltd'"),

    # ---- basic
    C(RW, "basic", "total charges by month",
      "SELECT substr(visit_ts, 1, 7) AS month, ROUND(SUM(line_charge_gbp), 2) AS total_charge FROM recycling_weighins GROUP BY month"),
    C(RW, "basic", "How much did Harbour Demolition pay us overall, after rebates?",
      "SELECT ROUND(SUM(line_charge_gbp), 2) FROM recycling_weighins WHERE customer_name = 'Harbour Demolition'"),
    C(RW, "basic", "average net weight of a cardboard weigh-in",
      "SELECT AVG(net_kg) FROM recycling_weighins WHERE material = 'Cardboard'", tolerance=0.01),
    C(RW, "basic", "households vs trade - who brings in more tonnage?",
      "SELECT customer_type, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins GROUP BY customer_type"),
    C(RW, "basic", "Can you show me green waste tonnes by quarter?",
      """SELECT quarter(visit_ts) AS quarter, SUM(net_kg) / 1000.0 AS tonnes FROM recycling_weighins
         WHERE material = 'Green Waste' GROUP BY quarter"""),
    C(RW, "basic", "how many contaminated loads did we get from trade customers",
      "SELECT COUNT(*) FROM recycling_weighins WHERE contaminated = 'yes' AND customer_type = 'trade'"),
]

# appointment-level view used in several golds: one row per appointment
_A = """(SELECT appointment_id, MIN(patient_id) AS patient_id, MIN(dentist) AS dentist, MIN(insurer) AS insurer,
         MIN(booking_made_date) AS booking_made_date, MIN(booked_ts) AS booked_ts, MIN(attended_ts) AS attended_ts,
         MIN(cancelled) AS cancelled, MIN(no_show) AS no_show, SUM(fee_gbp) AS fee,
         SUM(chair_minutes_actual) AS minutes_actual, SUM(chair_minutes_planned) AS minutes_planned
         FROM dental_appointments GROUP BY appointment_id)"""

CASES_DA = [
    # ---- 1: the measure behind a count word
    C(DA, 1, "How many appointments were booked for March?",
      "SELECT COUNT(DISTINCT appointment_id) FROM dental_appointments WHERE substr(booked_ts, 1, 7) = '2024-03'"),
    C(DA, 1, "how many patients did Dr Anna Patel actually see?",
      """SELECT COUNT(DISTINCT patient_id) FROM dental_appointments
         WHERE dentist = 'Dr Anna Patel' AND attended_ts IS NOT NULL"""),
    C(DA, 1, "How many chair hours did we actually use in total?",
      "SELECT SUM(chair_minutes_actual) / 60.0 FROM dental_appointments", tolerance=0.01),
    C(DA, 1, "how many no-shows did we have",
      "SELECT COUNT(DISTINCT appointment_id) FROM dental_appointments WHERE no_show = 'yes'"),
    C(DA, 1, "How many patients are on Denplan?",
      "SELECT COUNT(DISTINCT patient_id) FROM dental_appointments WHERE insurer = 'Denplan'"),
    C(DA, 1, "number of appointments per dentist",
      "SELECT dentist, COUNT(DISTINCT appointment_id) AS appointments FROM dental_appointments GROUP BY dentist"),
    C(DA, 1, "How many fillings of each kind did we do (attended appointments only)?",
      """SELECT treatment, COUNT(*) AS fillings FROM dental_appointments
         WHERE treatment LIKE 'Filling%' AND attended_ts IS NOT NULL GROUP BY treatment"""),

    # ---- 2: "per X" vs group by
    C(DA, 2, "What's the average bill per attended appointment?",
      "SELECT AVG(fee) FROM " + _A + " WHERE attended_ts IS NOT NULL", tolerance=0.01),
    C(DA, 2, "fee income per dentist",
      "SELECT dentist, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments GROUP BY dentist"),
    C(DA, 2, "on average how many appointments does a patient book?",
      "SELECT COUNT(DISTINCT appointment_id) * 1.0 / COUNT(DISTINCT patient_id) FROM dental_appointments",
      tolerance=0.01),
    C(DA, 2, "actual chair minutes per hygienist",
      """SELECT hygienist, SUM(chair_minutes_actual) AS chair_minutes FROM dental_appointments
         WHERE hygienist IS NOT NULL GROUP BY hygienist"""),
    C(DA, 2, "For each insurer, what's the average amount they paid per attended appointment?",
      """SELECT insurer, SUM(insurer_paid_gbp) / COUNT(DISTINCT appointment_id) AS avg_paid_per_appointment
         FROM dental_appointments WHERE insurer IS NOT NULL AND attended_ts IS NOT NULL GROUP BY insurer""",
      tolerance=0.01),
    C(DA, 2, "average number of treatments per attended appointment (goodwill credits don't count as treatments)",
      """SELECT COUNT(*) * 1.0 / COUNT(DISTINCT appointment_id) FROM dental_appointments
         WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit'""", tolerance=0.01),
    C(DA, 2, "Average planned chair time per appointment, by dentist",
      "SELECT dentist, AVG(minutes_planned) AS avg_planned_minutes FROM " + _A + " GROUP BY dentist", tolerance=0.01),

    # ---- 3: filters
    C(DA, 3, "What do the goodwill credits (negative fees) add up to?",
      "SELECT ROUND(SUM(fee_gbp), 2) FROM dental_appointments WHERE fee_gbp < 0"),
    C(DA, 3, "total paid by patients themselves, leaving out credits/refunds",
      "SELECT ROUND(SUM(patient_paid_gbp), 2) FROM dental_appointments WHERE patient_paid_gbp > 0"),
    C(DA, 3, "How many attended appointments went over an hour of actual chair time?",
      "SELECT COUNT(*) FROM " + _A + " WHERE attended_ts IS NOT NULL AND minutes_actual > 60"),
    C(DA, 3, "fee income from self-pay patients (no insurer)",
      "SELECT ROUND(SUM(fee_gbp), 2) FROM dental_appointments WHERE insurer IS NULL"),
    C(DA, 3, "how many appointments were either cancelled or no-shows?",
      """SELECT COUNT(DISTINCT appointment_id) FROM dental_appointments WHERE cancelled = 'yes' OR no_show = 'yes'"""),
    C(DA, 3, "total fees for all x-rays",
      "SELECT ROUND(SUM(fee_gbp), 2) FROM dental_appointments WHERE treatment LIKE 'X-ray%'"),
    C(DA, 3, "How much fee income did Dr Ben Morris bring in?",
      "SELECT ROUND(SUM(fee_gbp), 2) FROM dental_appointments WHERE dentist = 'Dr Ben Morris'"),
    C(DA, 3, "Which patients have had more than 4 appointments?",
      """SELECT patient_id, COUNT(DISTINCT appointment_id) AS appointments FROM dental_appointments
         GROUP BY patient_id HAVING COUNT(DISTINCT appointment_id) > 4"""),
    C(DA, 3, "which treatments have an average fee above the average fee of all treatment lines? attended only, ignore the credits",
      """SELECT treatment, AVG(fee_gbp) AS avg_fee FROM dental_appointments
         WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit' GROUP BY treatment
         HAVING AVG(fee_gbp) > (SELECT AVG(fee_gbp) FROM dental_appointments
                                WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit')""",
      tolerance=0.01),
    C(DA, 3, "How many treatment lines did Hannah Lee assist on?",
      "SELECT COUNT(*) FROM dental_appointments WHERE hygienist = 'Hannah Lee'"),

    # ---- 4: explicit order and shape
    C(DA, 4, "top 5 patients by total fees",
      """SELECT patient_id, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments GROUP BY patient_id
         ORDER BY fees DESC LIMIT 5""", ordered=True),
    C(DA, 4, "Rank the treatments by revenue, highest first",
      """SELECT treatment, ROUND(SUM(fee_gbp), 2) AS revenue FROM dental_appointments
         WHERE treatment <> 'Goodwill credit' GROUP BY treatment ORDER BY revenue DESC""", ordered=True),
    C(DA, 4, "the 3 treatments that brought in the least fee income, lowest first",
      """SELECT treatment, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments
         WHERE treatment <> 'Goodwill credit' GROUP BY treatment ORDER BY fees ASC LIMIT 3""", ordered=True),
    C(DA, 4, "dentists sorted by number of no-show appointments, lowest first",
      """SELECT dentist, COUNT(DISTINCT CASE WHEN no_show = 'yes' THEN appointment_id END) AS no_shows
         FROM dental_appointments GROUP BY dentist ORDER BY no_shows ASC""", ordered=True),
    C(DA, 4, "3 longest appointments by actual chair minutes",
      """SELECT appointment_id, minutes_actual FROM """ + _A + """ WHERE minutes_actual IS NOT NULL
         ORDER BY minutes_actual DESC LIMIT 3""", ordered=True),
    C(DA, 4, "months sorted by fee income descending",
      """SELECT substr(booked_ts, 1, 7) AS month, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments
         GROUP BY month ORDER BY fees DESC""", ordered=True),

    # ---- 5: several columns / series / scatter of aggregates
    C(DA, 5, "fees, insurer paid and patient paid for each dentist",
      """SELECT dentist, ROUND(SUM(fee_gbp), 2) AS fees, ROUND(SUM(insurer_paid_gbp), 2) AS insurer_paid,
         ROUND(SUM(patient_paid_gbp), 2) AS patient_paid FROM dental_appointments GROUP BY dentist"""),
    C(DA, 5, "monthly fee income by dentist as a stacked bar chart",
      """SELECT substr(booked_ts, 1, 7) AS month, dentist, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments
         GROUP BY month, dentist""", chart="bar", series=True),
    C(DA, 5, "planned vs actual chair minutes by treatment, attended appointments only",
      """SELECT treatment, SUM(chair_minutes_planned) AS planned_minutes, SUM(chair_minutes_actual) AS actual_minutes
         FROM dental_appointments WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit'
         GROUP BY treatment"""),
    C(DA, 5, "scatter: each patient's number of appointments vs their total fees",
      """SELECT patient_id, COUNT(DISTINCT appointment_id) AS appointments, ROUND(SUM(fee_gbp), 2) AS fees
         FROM dental_appointments GROUP BY patient_id""", chart="scatter"),
    C(DA, 5, "insurer paid vs patient paid by quarter, grouped bars",
      """SELECT quarter(booked_ts) AS quarter, ROUND(SUM(insurer_paid_gbp), 2) AS insurer_paid,
         ROUND(SUM(patient_paid_gbp), 2) AS patient_paid FROM dental_appointments GROUP BY quarter""",
      chart="bar"),
    C(DA, 5, "cancellations and no-shows per month, one line each",
      """SELECT substr(booked_ts, 1, 7) AS month,
         COUNT(DISTINCT CASE WHEN cancelled = 'yes' THEN appointment_id END) AS cancellations,
         COUNT(DISTINCT CASE WHEN no_show = 'yes' THEN appointment_id END) AS no_shows
         FROM dental_appointments GROUP BY month""", chart="line"),

    # ---- 6: the analysis kind
    C(DA, 6, "scatter plot of planned vs actual chair minutes for Dr Anna Patel's treatments",
      """SELECT chair_minutes_planned, chair_minutes_actual FROM dental_appointments
         WHERE dentist = 'Dr Anna Patel' AND chair_minutes_actual IS NOT NULL""", chart="scatter"),
    C(DA, 6, "box plot of line fees by treatment category (attended treatments only)",
      """SELECT treatment_category, MIN(fee_gbp) AS min_fee, median(fee_gbp) AS median_fee, MAX(fee_gbp) AS max_fee
         FROM dental_appointments WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit'
         GROUP BY treatment_category""", chart="box"),
    C(DA, 6, "histogram of patient ages in 10-year bins",
      """SELECT CAST(patient_age_years / 10 AS INTEGER) * 10 AS age_bin, COUNT(*) AS patients FROM
         (SELECT DISTINCT patient_id, patient_age_years FROM dental_appointments) GROUP BY age_bin""",
      chart="histogram"),
    C(DA, 6, "how strongly do planned and actual chair minutes correlate?",
      """SELECT (COUNT(*) * SUM(chair_minutes_planned * chair_minutes_actual)
                 - SUM(chair_minutes_planned) * SUM(chair_minutes_actual)) * 1.0 /
         (sqrt(COUNT(*) * SUM(chair_minutes_planned * chair_minutes_planned) - SUM(chair_minutes_planned) * SUM(chair_minutes_planned) * 1.0) *
          sqrt(COUNT(*) * SUM(chair_minutes_actual * chair_minutes_actual) - SUM(chair_minutes_actual) * SUM(chair_minutes_actual) * 1.0))
         FROM dental_appointments WHERE chair_minutes_planned IS NOT NULL AND chair_minutes_actual IS NOT NULL""",
      tolerance=0.01),
    C(DA, 6, "box plot of booking lead time in days, per dentist",
      """SELECT dentist, MIN(lead) AS min_days, median(lead) AS median_days, MAX(lead) AS max_days FROM
         (SELECT appointment_id, MIN(dentist) AS dentist,
                 julianday(substr(MIN(booked_ts), 1, 10)) - julianday(MIN(booking_made_date)) AS lead
          FROM dental_appointments GROUP BY appointment_id) GROUP BY dentist""", chart="box"),
    T(DA, 6, "histogram of actual chair minutes per treatment line", "distribution_plot", ["chair_minutes_actual"],
      chart="histogram"),

    # ---- 7: derived measures
    C(DA, 7, "average lead time in days between making the booking and the appointment",
      """SELECT AVG(julianday(substr(booked_ts, 1, 10)) - julianday(booking_made_date)) FROM """ + _A,
      tolerance=0.01),
    C(DA, 7, "no-show rate per dentist as a percentage of their appointments",
      """SELECT dentist, 100.0 * COUNT(DISTINCT CASE WHEN no_show = 'yes' THEN appointment_id END)
         / COUNT(DISTINCT appointment_id) AS no_show_pct FROM dental_appointments GROUP BY dentist""",
      tolerance=0.01),
    C(DA, 7, "what fraction of total fees was paid by insurers?",
      "SELECT SUM(insurer_paid_gbp) / SUM(fee_gbp) FROM dental_appointments", tolerance=0.001),
    C(DA, 7, "cumulative fee income month by month",
      """SELECT month, ROUND(SUM(f) OVER (ORDER BY month), 2) AS cumulative_fees FROM
         (SELECT substr(booked_ts, 1, 7) AS month, SUM(fee_gbp) AS f FROM dental_appointments GROUP BY month)""",
      tolerance=0.01),
    C(DA, 7, "percent change in fee income from Q1 to Q4",
      """SELECT (SUM(CASE WHEN quarter(booked_ts) = '2024-Q4' THEN fee_gbp END) -
                 SUM(CASE WHEN quarter(booked_ts) = '2024-Q1' THEN fee_gbp END)) * 100.0 /
                 SUM(CASE WHEN quarter(booked_ts) = '2024-Q1' THEN fee_gbp END) FROM dental_appointments""",
      tolerance=0.01),
    C(DA, 7, "no-shows by day of the week",
      """SELECT dayname(booked_ts) AS day_of_week, COUNT(DISTINCT appointment_id) AS no_shows
         FROM dental_appointments WHERE no_show = 'yes' GROUP BY day_of_week"""),
    C(DA, 7, "average overrun (actual minus planned chair minutes) for each treatment",
      """SELECT treatment, AVG(chair_minutes_actual - chair_minutes_planned) AS avg_overrun_minutes
         FROM dental_appointments WHERE chair_minutes_actual IS NOT NULL GROUP BY treatment""", tolerance=0.01),
    C(DA, 7, "How late do patients check in on average, in minutes after their slot?",
      """SELECT AVG((julianday(attended_ts) - julianday(booked_ts)) * 1440) FROM """ + _A + """
         WHERE attended_ts IS NOT NULL""", tolerance=0.05),

    # ---- 8: words about the chart
    C(DA, 8, "bar chart of fee income by treatment category",
      """SELECT treatment_category, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments
         GROUP BY treatment_category""", chart="bar"),
    C(DA, 8, "dentists on the x axis, average overrun minutes per treatment line on the y axis",
      """SELECT dentist, AVG(chair_minutes_actual - chair_minutes_planned) AS avg_overrun_minutes
         FROM dental_appointments WHERE chair_minutes_actual IS NOT NULL GROUP BY dentist""", tolerance=0.01),
    C(DA, 8, "pie chart of appointments by insurer (insured patients only)",
      """SELECT insurer, COUNT(DISTINCT appointment_id) AS appointments FROM dental_appointments
         WHERE insurer IS NOT NULL GROUP BY insurer""", chart="pie"),
    C(DA, 8, "line chart of attended appointments per month",
      """SELECT substr(booked_ts, 1, 7) AS month, COUNT(DISTINCT appointment_id) AS appointments
         FROM dental_appointments WHERE attended_ts IS NOT NULL GROUP BY month""", chart="line"),
    C(DA, 8, "histogram of treatment line fees with £100 bins, attended lines only, no credits",
      """SELECT CAST(fee_gbp / 100 AS INTEGER) * 100 AS fee_bin, COUNT(*) AS lines FROM dental_appointments
         WHERE attended_ts IS NOT NULL AND treatment <> 'Goodwill credit' GROUP BY fee_bin""", chart="histogram"),
    C(DA, 8, "visualize what patients paid out of pocket each month",
      """SELECT substr(booked_ts, 1, 7) AS month, ROUND(SUM(patient_paid_gbp), 2) AS patient_paid
         FROM dental_appointments GROUP BY month"""),

    # ---- 9: the shape of the answer
    C(DA, 9, "Which dentist had the most no-shows? only the name",
      """SELECT dentist FROM dental_appointments WHERE no_show = 'yes' GROUP BY dentist
         ORDER BY COUNT(DISTINCT appointment_id) DESC LIMIT 1"""),
    C(DA, 9, "total fee income for 2024, just the figure",
      "SELECT ROUND(SUM(fee_gbp), 2) FROM dental_appointments"),
    C(DA, 9, "has Hannah Leigh ever been on a root canal? yes/no",
      """SELECT CASE WHEN EXISTS (SELECT 1 FROM dental_appointments WHERE hygienist = 'Hannah Leigh'
         AND treatment = 'Root canal') THEN 'yes' ELSE 'no' END"""),
    C(DA, 9, "list the insurers we deal with",
      "SELECT DISTINCT insurer FROM dental_appointments WHERE insurer IS NOT NULL"),
    C(DA, 9, "Is actual chair time on average longer than planned? yes or no",
      """SELECT CASE WHEN AVG(chair_minutes_actual) > AVG(chair_minutes_planned) THEN 'yes' ELSE 'no' END
         FROM dental_appointments WHERE chair_minutes_actual IS NOT NULL"""),
    C(DA, 9, "which patients got a goodwill credit? just their ids",
      "SELECT DISTINCT patient_id FROM dental_appointments WHERE treatment = 'Goodwill credit'"),

    # ---- basic
    C(DA, "basic", "fee income by month",
      "SELECT substr(booked_ts, 1, 7) AS month, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments GROUP BY month"),
    C(DA, "basic", "How much has each insurer paid us?",
      """SELECT insurer, ROUND(SUM(insurer_paid_gbp), 2) AS insurer_paid FROM dental_appointments
         WHERE insurer IS NOT NULL GROUP BY insurer"""),
    C(DA, "basic", "what's the average age of our patients?",
      "SELECT AVG(patient_age_years) FROM (SELECT DISTINCT patient_id, patient_age_years FROM dental_appointments)",
      tolerance=0.01),
    C(DA, "basic", "cancelled appointments per month",
      """SELECT substr(booked_ts, 1, 7) AS month, COUNT(DISTINCT appointment_id) AS cancelled_appointments
         FROM dental_appointments WHERE cancelled = 'yes' GROUP BY month"""),
    C(DA, "basic", "Which treatment makes us the most money?",
      """SELECT treatment, ROUND(SUM(fee_gbp), 2) AS fees FROM dental_appointments GROUP BY treatment
         ORDER BY fees DESC LIMIT 1"""),
    C(DA, "basic", "average fee for a crown (only the ones we actually fitted)",
      "SELECT AVG(fee_gbp) FROM dental_appointments WHERE treatment = 'Crown' AND attended_ts IS NOT NULL",
      tolerance=0.01),
]

CASES = CASES_RW + CASES_DA

FLAGGED = [
    F(RW, "How much CO2 did our recycling save, by material?",
      "no column holds emissions or carbon factors; it cannot be derived from weights and charges"),
    F(RW, "forecast the green waste tonnage we'll get in 2025",
      "a forecast: the table only records 2024 weigh-ins"),
    F(RW, "what's the average weight per customer?",
      "two readings: one overall figure or a list by customer; and households have no customer name to group by"),
    F(RW, "compare Sam Okafor and Sam Oakes",
      "names no measure: visits, tonnes, charges or contamination could all be meant"),
    F(DA, "Which dentist has the best patient satisfaction scores?",
      "no satisfaction or rating column exists"),
    F(DA, "why do Dr Anna Pearson's patients not turn up more often than the others?",
      "asks for a cause; the table records no-shows but not their reasons"),
    F(DA, "average fee per dentist",
      "two readings: one figure (mean of the dentists' totals) or each dentist's average fee"),
    F(DA, "can you recommend a good toothpaste for sensitive teeth?",
      "off-topic: not a question about the appointments data"),
]
