"""Audit tables written blind: an outpatient clinic's appointments and a courier's parcels.

clinic_visits (480 rows), one row per booked appointment, January to June 2024 (weekdays, 15-minute slots).
  appointment_id is unique; patient_id repeats (a patient books several visits over the half year). doctor
  belongs to one department (General Practice, Dermatology, Cardiology, Pediatrics, Physiotherapy).
  appointment_type: Consultation, Consultation (video), Follow-up, Procedure, Vaccination (two share the prefix
  "Consultation"). scheduled_at and checked_in_at are ISO timestamps; a patient may check in before the slot
  (arrived early) or after it (late). checked_in_at and wait_minutes (minutes from check-in until the doctor
  saw the patient) are blank for no-shows (no_show = 'yes'). fee is the amount billed in dollars; a no-show is
  billed a flat 25.00 missed-appointment fee. insurer is blank for self-pay patients (BlueCross and BlueShield
  share a prefix). follow_up_needed is TRUE/FALSE (always FALSE for a no-show).

parcel_shipments (520 rows), one row per parcel shipped January to September 2024, extracted 2024-09-30.
  tracking_id is unique; customer_id repeats (an account ships many parcels). carrier: NorthLine, NorthStar
  Couriers, Rapido, ParcelPro, BlueBird Post (two share the prefix "North"). service_level: Economy, Standard,
  Express, Overnight. origin_city and destination_city differ (Springfield and Springdale share a prefix).
  weight_kg in kilograms, shipping_cost and declared_value in dollars. shipped_date and delivered_date are ISO
  dates; delivered_date is blank for parcels still in transit at the extract date. damaged is yes/no ('no' for
  a parcel not yet delivered).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F

# ---- tables -----------------------------------------------------------------------------------------------------

CLINIC_DOCTORS = {"General Practice": ["Dr. Amelia Hart", "Dr. Samuel Okoye", "Dr. Priya Nair"],
                  "Dermatology": ["Dr. Lucas Berg"], "Cardiology": ["Dr. Helen Marsh"],
                  "Pediatrics": ["Dr. Tomas Rivera", "Dr. Grace Liu"], "Physiotherapy": ["Dr. Noah Klein"]}
APPT_TYPES = {"Consultation": 120.0, "Consultation (video)": 80.0, "Follow-up": 70.0, "Procedure": 300.0,
              "Vaccination": 45.0}
DEPT_MULT = {"General Practice": 1.0, "Dermatology": 1.2, "Cardiology": 1.45, "Pediatrics": 0.9, "Physiotherapy": 0.85}
INSURERS = ["BlueCross", "BlueShield", "Medicover", "Allianz Care", None]


def _money(x):
    return round(x + 1e-9, 2)


def clinic_visits():
    rng = random.Random(4711)
    cols = [("appointment_id", "TEXT"), ("patient_id", "TEXT"), ("doctor", "TEXT"), ("department", "TEXT"),
            ("appointment_type", "TEXT"), ("scheduled_at", "TEXT"), ("checked_in_at", "TEXT"),
            ("wait_minutes", "INTEGER"), ("fee", "REAL"), ("insurer", "TEXT"), ("no_show", "TEXT"),
            ("follow_up_needed", "TEXT")]
    patients = []
    for p in range(170):
        child = rng.random() < 0.2
        patients.append(("P%04d" % (1001 + p), child, rng.choices(INSURERS, [6, 4, 4, 3, 3])[0],
                         rng.choice([1, 1, 2, 3, 5, 8])))
    days = [date(2024, 1, 2) + timedelta(days=k) for k in range(181)]
    days = [d for d in days if d.weekday() < 5 and d <= date(2024, 6, 28)]
    slots, rows = set(), []
    while len(rows) < 480:
        pid, child, insurer, _ = rng.choices(patients, [p[3] for p in patients])[0]
        if child:
            dept = "Pediatrics" if rng.random() < 0.75 else "General Practice"
        else:
            dept = rng.choices(["General Practice", "Dermatology", "Cardiology", "Physiotherapy"], [9, 3, 3, 4])[0]
        doctor = rng.choice(CLINIC_DOCTORS[dept])
        d = rng.choice(days)
        t = datetime(d.year, d.month, d.day, 8, 0) + timedelta(minutes=15 * rng.randrange(36))
        if (doctor, t) in slots:
            continue
        slots.add((doctor, t))
        if dept == "Physiotherapy":
            kind = rng.choices(["Consultation", "Follow-up", "Procedure"], [3, 6, 2])[0]
        elif dept == "Pediatrics":
            kind = rng.choices(["Consultation", "Consultation (video)", "Follow-up", "Vaccination"], [5, 2, 3, 4])[0]
        else:
            kind = rng.choices(list(APPT_TYPES), [6, 3, 4, 2, 1 if dept == "General Practice" else 0])[0]
        noshow = rng.random() < (0.14 if d.weekday() == 0 else 0.08)
        if noshow:
            checked, wait, fee, follow = None, None, 25.0, "FALSE"
        else:
            early = rng.choices([rng.randint(-25, -1), 0, rng.randint(1, 20)], [5, 1, 3])[0]
            checked = (t + timedelta(minutes=early)).strftime("%Y-%m-%d %H:%M:%S")
            base_wait = {"Cardiology": 22, "Dermatology": 14, "General Practice": 18, "Pediatrics": 12,
                         "Physiotherapy": 8}[dept]
            wait = max(0, int(rng.gauss(base_wait, base_wait * 0.6)))
            if kind == "Consultation (video)":
                wait = min(wait, rng.randint(0, 10))
            price = APPT_TYPES[kind] * rng.uniform(0.8, 1.6) if kind == "Procedure" else APPT_TYPES[kind]
            fee = _money(price * DEPT_MULT[dept])
            follow = "TRUE" if rng.random() < {"Consultation": 0.35, "Consultation (video)": 0.3, "Follow-up": 0.2,
                                               "Procedure": 0.5, "Vaccination": 0.02}[kind] else "FALSE"
        rows.append([None, pid, doctor, dept, kind, t.strftime("%Y-%m-%d %H:%M:%S"), checked, wait, fee, insurer,
                     "yes" if noshow else "no", follow])
    rows.sort(key=lambda r: (r[5], r[2]))
    for i, r in enumerate(rows):
        r[0] = "A%05d" % (20001 + i)
    return cols, rows


CARRIERS = {"NorthLine": 1.0, "NorthStar Couriers": 1.12, "Rapido": 0.92, "ParcelPro": 1.05, "BlueBird Post": 0.85}
SERVICES = {"Economy": (4.5, 0.55, (4, 9)), "Standard": (6.9, 0.8, (2, 5)), "Express": (12.5, 1.3, (1, 3)),
            "Overnight": (24.0, 2.1, (1, 1))}
CITIES = ["Springfield", "Springdale", "Riverton", "Lakeside", "Fairview", "Milton", "Georgetown"]


def parcel_shipments():
    rng = random.Random(8088)
    cols = [("tracking_id", "TEXT"), ("customer_id", "TEXT"), ("carrier", "TEXT"), ("service_level", "TEXT"),
            ("origin_city", "TEXT"), ("destination_city", "TEXT"), ("weight_kg", "REAL"), ("shipped_date", "TEXT"),
            ("delivered_date", "TEXT"), ("shipping_cost", "REAL"), ("declared_value", "REAL"), ("damaged", "TEXT")]
    customers = [("CU-%03d" % (101 + k), rng.choice([1, 1, 2, 3, 6, 10])) for k in range(95)]
    cities_w = [8, 3, 5, 4, 3, 2, 4]
    rows = []
    for i in range(520):
        cust = rng.choices(customers, [c[1] for c in customers])[0][0]
        carrier = rng.choices(list(CARRIERS), [6, 3, 5, 4, 3])[0]
        service = rng.choices(list(SERVICES), [3, 7, 4, 2])[0]
        origin = rng.choices(CITIES, cities_w)[0]
        dest = rng.choice([c for c in CITIES if c != origin])
        weight = round(min(30.0, max(0.1, rng.lognormvariate(0.7, 0.9))), 1)
        shipped = date(2024, 1, 2) + timedelta(days=rng.randrange(273))
        if shipped.weekday() == 6:
            shipped += timedelta(days=1)
        lo, hi = SERVICES[service][2]
        transit = rng.randint(lo, hi) + (1 if carrier == "BlueBird Post" and rng.random() < 0.5 else 0)
        delivered = shipped + timedelta(days=transit)
        base, per_kg, _ = SERVICES[service]
        cost = _money((base + per_kg * weight) * CARRIERS[carrier] * rng.uniform(0.95, 1.08))
        value = _money(rng.choice([rng.uniform(10, 120), rng.uniform(50, 400), rng.uniform(200, 2500)]))
        in_transit = delivered > date(2024, 9, 30)
        damaged = "no" if in_transit else ("yes" if rng.random() < (0.07 if weight > 10 else 0.03) else "no")
        rows.append([None, cust, carrier, service, origin, dest, weight, shipped.isoformat(),
                     None if in_transit else delivered.isoformat(), cost, value, damaged])
    rows.sort(key=lambda r: (r[7], r[1], r[6]))
    for i, r in enumerate(rows):
        r[0] = "PX%06d" % (310001 + i)
    return cols, rows


TABLES = {"clinic_visits": clinic_visits, "parcel_shipments": parcel_shipments}
# ---- scored cases ---------------------------------------------------------------------------------------------

CV, PS = "clinic_visits", "parcel_shipments"
_MIN_LATE = "(strftime('%s', checked_in_at) - strftime('%s', scheduled_at)) / 60.0"
_DAYS = "(julianday(delivered_date) - julianday(shipped_date))"

CASES = [
    # clinic_visits -- 1: the measure behind a count word
    C(CV, 1, "How many patients did the clinic actually see in March 2024?",
      "SELECT COUNT(DISTINCT patient_id) FROM clinic_visits WHERE no_show = 'no' AND substr(scheduled_at, 1, 7) = '2024-03'"),
    C(CV, 1, "How many appointments were booked with Dr. Priya Nair?",
      "SELECT COUNT(*) FROM clinic_visits WHERE doctor = 'Dr. Priya Nair'"),
    C(CV, 1, "How many distinct patients booked appointments in each department?",
      "SELECT department, COUNT(DISTINCT patient_id) FROM clinic_visits GROUP BY department"),
    C(CV, 1, "how many minutes in total did cardiology patients spend waiting?",
      "SELECT SUM(wait_minutes) FROM clinic_visits WHERE department = 'Cardiology'"),
    C(CV, 1, "How many no-shows did each doctor have?",
      "SELECT doctor, COUNT(*) FROM clinic_visits WHERE no_show = 'yes' GROUP BY doctor"),
    C(CV, 1, "Number of patients who missed at least one appointment",
      "SELECT COUNT(DISTINCT patient_id) FROM clinic_visits WHERE no_show = 'yes'"),

    # 2: "per X"
    C(CV, 2, "What's the average fee per appointment?", "SELECT AVG(fee) FROM clinic_visits"),
    C(CV, 2, "Show the number of appointments per appointment type.",
      "SELECT appointment_type, COUNT(*) FROM clinic_visits GROUP BY appointment_type"),
    C(CV, 2, "On average, how many appointments does a patient book with us over the period?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT patient_id) FROM clinic_visits"),
    C(CV, 2, "average wait time per doctor",
      "SELECT doctor, AVG(wait_minutes) FROM clinic_visits GROUP BY doctor"),
    C(CV, 2, "Total fees billed per insurer (leave out self-pay patients)",
      "SELECT insurer, SUM(fee) FROM clinic_visits WHERE insurer IS NOT NULL GROUP BY insurer"),

    # 3: filters that must not be lost
    C(CV, 3, "How many appointments were not consultations of any kind (neither in person nor video)?",
      "SELECT COUNT(*) FROM clinic_visits WHERE appointment_type NOT LIKE 'Consultation%'"),
    C(CV, 3, "List the doctors whose average wait is over 15 minutes.",
      "SELECT doctor FROM clinic_visits GROUP BY doctor HAVING AVG(wait_minutes) > 15"),
    C(CV, 3, "For how many appointments did the patient check in before the scheduled time?",
      "SELECT COUNT(*) FROM clinic_visits WHERE checked_in_at < scheduled_at"),
    C(CV, 3, "How many Dermatology or Cardiology appointments ended up as no-shows?",
      "SELECT COUNT(*) FROM clinic_visits WHERE department IN ('Dermatology', 'Cardiology') AND no_show = 'yes'"),
    C(CV, 3, "What was the total amount billed to self-pay patients?",
      "SELECT SUM(fee) FROM clinic_visits WHERE insurer IS NULL"),
    C(CV, 3, "Which cardiology appointments had a longer wait than the clinic-wide average wait? Give the appointment id and the wait.",
      "SELECT appointment_id, wait_minutes FROM clinic_visits WHERE department = 'Cardiology' AND wait_minutes > (SELECT AVG(wait_minutes) FROM clinic_visits)"),

    # 4: explicit order and shape
    C(CV, 4, "Top 3 doctors by total fees billed", "SELECT doctor, SUM(fee) AS t FROM clinic_visits GROUP BY doctor ORDER BY t DESC LIMIT 3",
      ordered=True),
    C(CV, 4, "Rank the departments by no-show rate, highest first.",
      "SELECT department, AVG(no_show = 'yes') AS r FROM clinic_visits GROUP BY department ORDER BY r DESC", ordered=True),
    C(CV, 4, "List the 2 patients with the most appointments, most first, with their appointment counts.",
      "SELECT patient_id, COUNT(*) AS n FROM clinic_visits GROUP BY patient_id ORDER BY n DESC LIMIT 2", ordered=True),
    C(CV, 4, "Sort the appointment types by average fee from lowest to highest",
      "SELECT appointment_type, AVG(fee) AS a FROM clinic_visits GROUP BY appointment_type ORDER BY a", ordered=True),
    C(CV, 4, "show me each month's appointment count in chronological order",
      "SELECT substr(scheduled_at, 1, 7) AS m, COUNT(*) FROM clinic_visits GROUP BY m ORDER BY m", ordered=True),

    # 5: several columns, a series dimension, a scatter of aggregates
    C(CV, 5, "For each department, show the number of appointments and the average fee.",
      "SELECT department, COUNT(*), AVG(fee) FROM clinic_visits GROUP BY department"),
    C(CV, 5, "Bar chart of monthly appointment counts split by department",
      "SELECT substr(scheduled_at, 1, 7) AS m, department, COUNT(*) FROM clinic_visits GROUP BY m, department",
      chart="bar", series=True),
    C(CV, 5, "Scatter plot of each doctor's average wait time against their number of appointments",
      "SELECT doctor, AVG(wait_minutes), COUNT(*) FROM clinic_visits GROUP BY doctor", chart="scatter"),
    C(CV, 5, "For each appointment type, give the number of attended appointments and the number of no-shows, in two columns.",
      "SELECT appointment_type, SUM(no_show = 'no'), SUM(no_show = 'yes') FROM clinic_visits GROUP BY appointment_type"),
    C(CV, 5, "By month, show total fees billed and how many different patients came in (no-shows excluded from both)",
      "SELECT substr(scheduled_at, 1, 7) AS m, SUM(fee), COUNT(DISTINCT patient_id) FROM clinic_visits WHERE no_show = 'no' GROUP BY m"),

    # 6: the analysis kind
    C(CV, 6, "Box plot of wait minutes by department",
      "SELECT department, MIN(wait_minutes), median(wait_minutes), MAX(wait_minutes) FROM clinic_visits WHERE wait_minutes IS NOT NULL GROUP BY department",
      chart="box"),
    C(CV, 6, "Histogram of waiting times using 10-minute bins",
      "SELECT wait_minutes / 10 * 10 AS b, COUNT(*) FROM clinic_visits WHERE wait_minutes IS NOT NULL GROUP BY b",
      chart="histogram"),
    T(CV, 6, "Show me the distribution of appointment fees as a histogram", "distribution_plot", ["fee"], chart="histogram"),
    C(CV, 6, "What's the correlation coefficient between wait minutes and fee (attended visits)?",
      "SELECT (AVG(wait_minutes * fee) - AVG(wait_minutes) * AVG(fee)) / (sqrt(AVG(wait_minutes * wait_minutes) - AVG(wait_minutes) * AVG(wait_minutes)) * sqrt(AVG(fee * fee) - AVG(fee) * AVG(fee))) FROM clinic_visits WHERE no_show = 'no'",
      tolerance=1e-4),
    C(CV, 6, "Scatter plot of wait minutes versus fee for cardiology patients who showed up, one point per appointment",
      "SELECT wait_minutes, fee FROM clinic_visits WHERE department = 'Cardiology' AND no_show = 'no'", chart="scatter"),

    # 7: derived measures
    C(CV, 7, "What share of appointments were no-shows?", "SELECT AVG(no_show = 'yes') FROM clinic_visits"),
    C(CV, 7, "By department, how many minutes after the scheduled time do patients check in on average? (negative = early)",
      "SELECT department, AVG(" + _MIN_LATE + ") FROM clinic_visits WHERE checked_in_at IS NOT NULL GROUP BY department"),
    C(CV, 7, "Which day of the week has the most no-shows?",
      "SELECT dayname(scheduled_at) AS d FROM clinic_visits WHERE no_show = 'yes' GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1"),
    C(CV, 7, "Show monthly fees billed together with a running total across the months",
      "SELECT m, t, SUM(t) OVER (ORDER BY m) FROM (SELECT substr(scheduled_at, 1, 7) AS m, SUM(fee) AS t FROM clinic_visits GROUP BY m) ORDER BY m",
      ordered=True),
    C(CV, 7, "What was the percent change in the number of appointments from January 2024 to June 2024?",
      "SELECT (SUM(substr(scheduled_at, 1, 7) = '2024-06') - SUM(substr(scheduled_at, 1, 7) = '2024-01')) * 100.0 / SUM(substr(scheduled_at, 1, 7) = '2024-01') FROM clinic_visits"),
    C(CV, 7, "How many appointments are scheduled in each hour of the day?",
      "SELECT CAST(substr(scheduled_at, 12, 2) AS INTEGER) AS h, COUNT(*) FROM clinic_visits GROUP BY h"),
    C(CV, 7, "For each appointment type, what percentage of attended visits ended with a follow-up being needed?",
      "SELECT appointment_type, AVG(follow_up_needed = 'TRUE') * 100 FROM clinic_visits WHERE no_show = 'no' GROUP BY appointment_type"),

    # 8: words about the chart
    C(CV, 8, "Plot the number of appointments per department as a bar chart with departments on the x axis",
      "SELECT department, COUNT(*) FROM clinic_visits GROUP BY department", chart="bar"),
    C(CV, 8, "Line chart of the average wait in minutes by month",
      "SELECT substr(scheduled_at, 1, 7) AS m, AVG(wait_minutes) FROM clinic_visits GROUP BY m ORDER BY m",
      ordered=True, chart="line"),
    C(CV, 8, "Pie chart of appointments by insurer, with self-pay patients as a slice labelled 'Self-pay'",
      "SELECT COALESCE(insurer, 'Self-pay') AS i, COUNT(*) FROM clinic_visits GROUP BY i", chart="pie"),
    C(CV, 8, "Visualize total fees by doctor as horizontal bars: doctors on the y axis, dollars on the x axis",
      "SELECT doctor, SUM(fee) FROM clinic_visits GROUP BY doctor", chart="bar"),
    C(CV, 8, "display the monthly count of no-shows as a line graph",
      "SELECT substr(scheduled_at, 1, 7) AS m, COUNT(*) FROM clinic_visits WHERE no_show = 'yes' GROUP BY m ORDER BY m",
      ordered=True, chart="line"),
    C(CV, 8, "Graph how many appointments needed a follow-up in each department, using bars",
      "SELECT department, COUNT(*) FROM clinic_visits WHERE follow_up_needed = 'TRUE' GROUP BY department", chart="bar"),

    # 9: the shape of the answer
    C(CV, 9, "Which single date had the most appointments booked?",
      "SELECT substr(scheduled_at, 1, 10) AS d FROM clinic_visits GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1"),
    C(CV, 9, "Just one number please: total fees billed in Q2 2024.",
      "SELECT SUM(fee) FROM clinic_visits WHERE quarter(scheduled_at) = '2024-Q2'"),
    C(CV, 9, "Which doctor had the shortest average wait?",
      "SELECT doctor FROM clinic_visits GROUP BY doctor ORDER BY AVG(wait_minutes) LIMIT 1"),
    C(CV, 9, "Give me only the patient IDs of patients who were no-shows more than once.",
      "SELECT patient_id FROM clinic_visits WHERE no_show = 'yes' GROUP BY patient_id HAVING COUNT(*) > 1"),
    C(CV, 9, "What was the longest wait, and which appointment was it? Appointment id and minutes.",
      "SELECT appointment_id, wait_minutes FROM clinic_visits ORDER BY wait_minutes DESC LIMIT 1"),

    # basic
    C(CV, "basic", "Which insurer brought in the most fee revenue?",
      "SELECT insurer FROM clinic_visits WHERE insurer IS NOT NULL GROUP BY insurer ORDER BY SUM(fee) DESC LIMIT 1"),
    C(CV, "basic", "How many appointments did Dr. Noah Klein have in the first quarter of 2024?",
      "SELECT COUNT(*) FROM clinic_visits WHERE doctor = 'Dr. Noah Klein' AND quarter(scheduled_at) = '2024-Q1'"),
    C(CV, "basic", "What's the average wait for pediatric appointments?",
      "SELECT AVG(wait_minutes) FROM clinic_visits WHERE department = 'Pediatrics'"),
    C(CV, "basic", "How many vaccinations were actually given?",
      "SELECT COUNT(*) FROM clinic_visits WHERE appointment_type = 'Vaccination' AND no_show = 'no'"),
    C(CV, "basic", "What's the total billed for procedures in dermatology?",
      "SELECT SUM(fee) FROM clinic_visits WHERE appointment_type = 'Procedure' AND department = 'Dermatology'"),
    C(CV, "basic", "Which patients missed a Monday appointment in June 2024, and with which doctor?",
      "SELECT patient_id, doctor FROM clinic_visits WHERE no_show = 'yes' AND dayname(scheduled_at) = 'Monday' AND substr(scheduled_at, 1, 7) = '2024-06'"),

    # parcel_shipments -- 1: the measure behind a count word
    C(PS, 1, "How many customers shipped with Rapido?",
      "SELECT COUNT(DISTINCT customer_id) FROM parcel_shipments WHERE carrier = 'Rapido'"),
    C(PS, 1, "How many parcels were delivered in August 2024?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE substr(delivered_date, 1, 7) = '2024-08'"),
    C(PS, 1, "How many kilograms did we ship with each carrier?",
      "SELECT carrier, SUM(weight_kg) FROM parcel_shipments GROUP BY carrier"),
    C(PS, 1, "How many parcels did customer CU-146 send?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE customer_id = 'CU-146'"),
    C(PS, 1, "How many cities do we ship from?", "SELECT COUNT(DISTINCT origin_city) FROM parcel_shipments"),
    C(PS, 1, "How many customers currently have a parcel still in transit?",
      "SELECT COUNT(DISTINCT customer_id) FROM parcel_shipments WHERE delivered_date IS NULL"),

    # 2: "per X"
    C(PS, 2, "What's the average shipping cost per parcel?", "SELECT AVG(shipping_cost) FROM parcel_shipments"),
    C(PS, 2, "average parcel weight per service level",
      "SELECT service_level, AVG(weight_kg) FROM parcel_shipments GROUP BY service_level"),
    C(PS, 2, "On average, how many parcels does a customer send?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT customer_id) FROM parcel_shipments"),
    C(PS, 2, "Parcels per destination city", "SELECT destination_city, COUNT(*) FROM parcel_shipments GROUP BY destination_city"),
    C(PS, 2, "What is the shipping cost per kilogram for each carrier, taking total cost divided by total weight?",
      "SELECT carrier, SUM(shipping_cost) / SUM(weight_kg) FROM parcel_shipments GROUP BY carrier"),

    # 3: filters that must not be lost
    C(PS, 3, "How many parcels heavier than 2 kg arrived damaged?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE weight_kg > 2 AND damaged = 'yes'"),
    C(PS, 3, "Total declared value of parcels that were not sent Economy",
      "SELECT SUM(declared_value) FROM parcel_shipments WHERE service_level <> 'Economy'"),
    C(PS, 3, "How many parcels were shipped out of Springfield or Springdale to Riverton?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE origin_city IN ('Springfield', 'Springdale') AND destination_city = 'Riverton'"),
    C(PS, 3, "Which customers shipped more than 15 parcels?",
      "SELECT customer_id FROM parcel_shipments GROUP BY customer_id HAVING COUNT(*) > 15"),
    C(PS, 3, "List the parcels whose shipping cost was more than three times the average shipping cost (tracking id and cost).",
      "SELECT tracking_id, shipping_cost FROM parcel_shipments WHERE shipping_cost > 3 * (SELECT AVG(shipping_cost) FROM parcel_shipments)"),
    C(PS, 3, "How many NorthLine parcels haven't been delivered yet?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE carrier = 'NorthLine' AND delivered_date IS NULL"),

    # 4: explicit order and shape
    C(PS, 4, "Top 3 destination cities by number of parcels",
      "SELECT destination_city, COUNT(*) AS n FROM parcel_shipments GROUP BY destination_city ORDER BY n DESC LIMIT 3",
      ordered=True),
    C(PS, 4, "Rank the carriers by the share of their delivered parcels that arrived damaged, worst first.",
      "SELECT carrier, AVG(damaged = 'yes') AS r FROM parcel_shipments WHERE delivered_date IS NOT NULL GROUP BY carrier ORDER BY r DESC",
      ordered=True),
    C(PS, 4, "List the 10 heaviest parcels with their tracking id and weight, heaviest first.",
      "SELECT tracking_id, weight_kg FROM parcel_shipments ORDER BY weight_kg DESC LIMIT 10", ordered=True),
    C(PS, 4, "Sort the service levels by average delivery time in days, fastest first",
      "SELECT service_level, AVG(" + _DAYS + ") AS d FROM parcel_shipments WHERE delivered_date IS NOT NULL GROUP BY service_level ORDER BY d",
      ordered=True),
    C(PS, 4, "show the three customers with the highest total shipping spend, highest first",
      "SELECT customer_id, SUM(shipping_cost) AS s FROM parcel_shipments GROUP BY customer_id ORDER BY s DESC LIMIT 3",
      ordered=True),

    # 5: several columns, a series dimension, a scatter of aggregates
    C(PS, 5, "For each carrier, show the number of parcels, the total weight and the total shipping cost.",
      "SELECT carrier, COUNT(*), SUM(weight_kg), SUM(shipping_cost) FROM parcel_shipments GROUP BY carrier"),
    C(PS, 5, "Stacked bar chart of parcels shipped per month, broken down by service level",
      "SELECT substr(shipped_date, 1, 7) AS m, service_level, COUNT(*) FROM parcel_shipments GROUP BY m, service_level",
      chart="bar", series=True),
    C(PS, 5, "Scatter chart of average weight vs average shipping cost, one point per carrier",
      "SELECT carrier, AVG(weight_kg), AVG(shipping_cost) FROM parcel_shipments GROUP BY carrier", chart="scatter"),
    C(PS, 5, "For each carrier, how many parcels are delivered and how many are still in transit? Two columns please.",
      "SELECT carrier, COUNT(delivered_date), SUM(delivered_date IS NULL) FROM parcel_shipments GROUP BY carrier"),
    C(PS, 5, "Break down the number of parcels by origin city and destination city",
      "SELECT origin_city, destination_city, COUNT(*) FROM parcel_shipments GROUP BY origin_city, destination_city"),

    # 6: the analysis kind
    C(PS, 6, "Box plot of shipping cost by service level",
      "SELECT service_level, MIN(shipping_cost), median(shipping_cost), MAX(shipping_cost) FROM parcel_shipments GROUP BY service_level",
      chart="box"),
    C(PS, 6, "Histogram of parcel weights with 2 kg bins",
      "SELECT CAST(weight_kg / 2 AS INTEGER) * 2 AS b, COUNT(*) FROM parcel_shipments GROUP BY b", chart="histogram"),
    T(PS, 6, "What does the distribution of declared values look like? Show a histogram.", "distribution_plot",
      ["declared_value"], chart="histogram"),
    C(PS, 6, "How strongly is parcel weight correlated with shipping cost? Give the correlation coefficient.",
      "SELECT (AVG(weight_kg * shipping_cost) - AVG(weight_kg) * AVG(shipping_cost)) / (sqrt(AVG(weight_kg * weight_kg) - AVG(weight_kg) * AVG(weight_kg)) * sqrt(AVG(shipping_cost * shipping_cost) - AVG(shipping_cost) * AVG(shipping_cost))) FROM parcel_shipments",
      tolerance=1e-4),
    C(PS, 6, "Scatter plot of weight against shipping cost for Overnight parcels, each parcel a point",
      "SELECT weight_kg, shipping_cost FROM parcel_shipments WHERE service_level = 'Overnight'", chart="scatter"),

    # 7: derived measures
    C(PS, 7, "Average delivery time in days for each carrier",
      "SELECT carrier, AVG(" + _DAYS + ") FROM parcel_shipments WHERE delivered_date IS NOT NULL GROUP BY carrier"),
    C(PS, 7, "What percentage of parcels were damaged?", "SELECT AVG(damaged = 'yes') * 100 FROM parcel_shipments"),
    C(PS, 7, "Percent change in total shipping cost from Q1 2024 to Q2 2024",
      "SELECT (SUM(CASE WHEN quarter(shipped_date) = '2024-Q2' THEN shipping_cost ELSE 0 END) - SUM(CASE WHEN quarter(shipped_date) = '2024-Q1' THEN shipping_cost ELSE 0 END)) * 100.0 / SUM(CASE WHEN quarter(shipped_date) = '2024-Q1' THEN shipping_cost ELSE 0 END) FROM parcel_shipments"),
    C(PS, 7, "On which weekday do we ship the most parcels?",
      "SELECT dayname(shipped_date) AS d FROM parcel_shipments GROUP BY d ORDER BY COUNT(*) DESC LIMIT 1"),
    C(PS, 7, "Cumulative number of parcels shipped, month by month",
      "SELECT m, SUM(n) OVER (ORDER BY m) FROM (SELECT substr(shipped_date, 1, 7) AS m, COUNT(*) AS n FROM parcel_shipments GROUP BY m) ORDER BY m",
      ordered=True),
    C(PS, 7, "For each carrier, total shipping cost as a percentage of total declared value",
      "SELECT carrier, SUM(shipping_cost) * 100.0 / SUM(declared_value) FROM parcel_shipments GROUP BY carrier"),
    C(PS, 7, "Number of parcels shipped in each quarter",
      "SELECT quarter(shipped_date) AS q, COUNT(*) FROM parcel_shipments GROUP BY q"),

    # 8: words about the chart
    C(PS, 8, "Bar chart of total shipping cost per carrier, carriers along the x-axis",
      "SELECT carrier, SUM(shipping_cost) FROM parcel_shipments GROUP BY carrier", chart="bar"),
    C(PS, 8, "Line chart of the number of parcels shipped each month",
      "SELECT substr(shipped_date, 1, 7) AS m, COUNT(*) FROM parcel_shipments GROUP BY m ORDER BY m", ordered=True, chart="line"),
    C(PS, 8, "Pie chart showing the share of parcels by service level",
      "SELECT service_level, COUNT(*) FROM parcel_shipments GROUP BY service_level", chart="pie"),
    C(PS, 8, "Show a bar graph of average parcel weight by destination city, with weight on the y axis",
      "SELECT destination_city, AVG(weight_kg) FROM parcel_shipments GROUP BY destination_city", chart="bar"),
    C(PS, 8, "visualize the number of damaged parcels per carrier as bars",
      "SELECT carrier, COUNT(*) FROM parcel_shipments WHERE damaged = 'yes' GROUP BY carrier", chart="bar"),

    # 9: the shape of the answer
    C(PS, 9, "Which carrier handled the most Overnight parcels? Just the name.",
      "SELECT carrier FROM parcel_shipments WHERE service_level = 'Overnight' GROUP BY carrier ORDER BY COUNT(*) DESC LIMIT 1"),
    C(PS, 9, "What's the tracking number of the most expensive shipment?",
      "SELECT tracking_id FROM parcel_shipments ORDER BY shipping_cost DESC LIMIT 1"),
    C(PS, 9, "Give me a single figure: the total declared value of all damaged parcels.",
      "SELECT SUM(declared_value) FROM parcel_shipments WHERE damaged = 'yes'"),
    C(PS, 9, "List only the tracking ids of damaged parcels sent with NorthStar Couriers",
      "SELECT tracking_id FROM parcel_shipments WHERE carrier = 'NorthStar Couriers' AND damaged = 'yes'"),
    C(PS, 9, "On what date did the first parcel ship?", "SELECT MIN(shipped_date) FROM parcel_shipments"),

    # basic
    C(PS, "basic", "Which city receives the most parcels?",
      "SELECT destination_city FROM parcel_shipments GROUP BY destination_city ORDER BY COUNT(*) DESC LIMIT 1"),
    C(PS, "basic", "What was our total shipping revenue for parcels shipped in September 2024?",
      "SELECT SUM(shipping_cost) FROM parcel_shipments WHERE substr(shipped_date, 1, 7) = '2024-09'"),
    C(PS, "basic", "How many Express parcels did ParcelPro ship?",
      "SELECT COUNT(*) FROM parcel_shipments WHERE carrier = 'ParcelPro' AND service_level = 'Express'"),
    C(PS, "basic", "Average declared value of parcels going to Lakeside",
      "SELECT AVG(declared_value) FROM parcel_shipments WHERE destination_city = 'Lakeside'"),
    C(PS, "basic", "Which customer shipped the most weight in total?",
      "SELECT customer_id FROM parcel_shipments GROUP BY customer_id ORDER BY SUM(weight_kg) DESC LIMIT 1"),
    C(PS, "basic", "How much did customer CU-173 spend on shipping altogether?",
      "SELECT SUM(shipping_cost) FROM parcel_shipments WHERE customer_id = 'CU-173'"),
]

FLAGGED = [
    F(CV, "What's the average patient satisfaction score for each doctor?", "there is no satisfaction column"),
    F(CV, "How many no-shows should we expect in July 2024?", "a forecast beyond the data"),
    F(CV, "Why do Mondays have more no-shows than other days?", "asks for a cause the data cannot show"),
    F(CV, "Which departments have long waits?", "'long' names no threshold"),
    F(PS, "What is the carbon footprint of our shipments by carrier?", "there is no emissions or distance column"),
    F(PS, "Forecast how many parcels we will ship in October 2024.", "a forecast beyond the data"),
    F(PS, "Why is BlueBird Post slower than the other carriers?", "asks for a cause the data cannot show"),
    F(PS, "Show me the expensive shipments.", "'expensive' names no threshold, and cost or declared value could be meant"),
]
