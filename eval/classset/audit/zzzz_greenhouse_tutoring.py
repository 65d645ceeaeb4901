"""Audit module: a commercial greenhouse's sensor log and a tutoring agency's session lines.

greenhouse_readings -- hourly climate export from a commercial greenhouse, January to April 2024.
One row per zone per logged hour; the export kept 62 scattered hours, so a reading_ts value repeats once for
every zone that reported in that hour. A zone whose sensor box was offline has no row for that hour, and a zone
planted after an hour has none either. 346 rows.
  reading_id      INTEGER  row id, unique
  zone            TEXT     growing zone. Names share prefixes: 'North House A', 'North House B',
                           'North House Annex', 'South House', 'South House Propagation', 'Herb Room'
  crop            TEXT     crop grown in the zone (one per zone): 'Tomato', 'Tomato Cherry', 'Cucumber',
                           'Pepper', 'Lettuce', 'Basil'
  reading_ts      TEXT     time of the reading, 'YYYY-MM-DD HH:MM' (on the hour)
  planted_date    TEXT     date the zone's current crop was planted, 'YYYY-MM-DD' (repeats on every row of the zone)
  temp_c          REAL     actual air temperature inside the zone, degrees Celsius; blank when the probe dropped out
  target_temp_c   REAL     climate computer's set point for that hour, degrees Celsius (day and night values differ)
  humidity_pct    REAL     relative humidity, percent 0-100; blank when the sensor failed
  co2_ppm         INTEGER  CO2 concentration, parts per million; blank when the sensor failed
  irrigation_l    REAL     water delivered to the zone during that hour, litres (0 at night and on dry hours)
  outside_temp_c  REAL     outdoor temperature at the weather mast, degrees Celsius; the same for every zone in an
                           hour; negative on winter nights
  heating_kwh     REAL     heating energy used by the zone in that hour, kWh (0 when no heat was needed)
  alarm           TEXT     'yes' if the climate computer raised an alarm for the zone in that hour, else 'no'

tutoring_sessions -- a tutoring agency's billing lines, sessions held January to June 2024.
One row per student per session: session_id repeats for group sessions (2-4 students share one tutor and one
time). 330 lines, 245 sessions, 44 students.
  line_id               INTEGER  line id, unique
  session_id            TEXT     session id such as 'S3008'; repeats for every student in a group session
  student               TEXT     student's name; siblings share a surname
  grade                 INTEGER  student's school grade, 6-12
  tutor                 TEXT     tutor's name. Names share prefixes: 'Ana Lopez', 'Ana Lopez-Reyes', 'Anand Shah',
                                 'Ben Okafor', 'Bennett Cole', 'Carla Mendes'
  subject               TEXT     'Algebra', 'Algebra II', 'Calculus', 'Chemistry', 'English', 'English Literature',
                                 'Physics', 'SAT Prep'
  mode                  TEXT     'online' or 'in person'
  booked_date           TEXT     date the session was booked, 'YYYY-MM-DD'
  held_date             TEXT     date the session took place, 'YYYY-MM-DD'; blank on cancelled lines
  scheduled_min         INTEGER  minutes booked for the session
  attended_min          INTEGER  minutes the student actually attended; 0 for no-shows and cancelled lines, blank
                                 when the tutor did not log it
  hourly_rate_usd       REAL     the student's hourly rate in US dollars (group sessions are charged 60% of the
                                 tutor's one-to-one rate per student)
  line_charge_usd       REAL     amount charged on the line, dollars, before any discount: scheduled minutes at
                                 the hourly rate (no-shows are charged in full); 0 on a cancelled line, or a 50%
                                 late-cancellation fee
  sibling_discount_usd  REAL     sibling discount on the line, a negative dollar amount (10% of the charge); blank
                                 when the student gets none. Net amount = line_charge_usd + sibling_discount_usd
  cancelled             TEXT     'yes' if the student's place was cancelled, else 'no'
  no_show               TEXT     'yes' if the student did not turn up, else 'no'
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T

ZONES = [
    # zone, crop, planted, day target, night target
    ("North House A", "Tomato", "2023-11-20", 22.0, 17.0),
    ("North House B", "Tomato Cherry", "2023-12-04", 22.0, 17.0),
    ("North House Annex", "Cucumber", "2024-01-15", 24.0, 19.0),
    ("South House", "Pepper", "2023-12-18", 23.0, 18.0),
    ("South House Propagation", "Lettuce", "2024-02-01", 18.0, 15.0),
    ("Herb Room", "Basil", "2023-12-11", 21.0, 18.0),
]


def gen_greenhouse():
    rng = random.Random(7321)
    cols = [("reading_id", "INTEGER"), ("zone", "TEXT"), ("crop", "TEXT"), ("reading_ts", "TEXT"),
            ("planted_date", "TEXT"), ("temp_c", "REAL"), ("target_temp_c", "REAL"), ("humidity_pct", "REAL"),
            ("co2_ppm", "INTEGER"), ("irrigation_l", "REAL"), ("outside_temp_c", "REAL"), ("heating_kwh", "REAL"),
            ("alarm", "TEXT")]
    start = datetime(2024, 1, 3)
    hours = set()
    while len(hours) < 62:
        d = rng.randrange(0, 118)
        h = rng.randrange(0, 24)
        hours.add(start + timedelta(days=d, hours=h))
    hours = sorted(hours)
    rows = []
    rid = 1
    for ts in hours:
        month_warm = (ts - start).days / 118.0
        daytime = 6 <= ts.hour <= 19
        base_out = -2.0 + 13.0 * month_warm + (5.0 if 10 <= ts.hour <= 17 else (-2.5 if ts.hour < 6 else 0))
        outside = round(base_out + rng.gauss(0, 3.0), 1)
        for zone, crop, planted, tday, tnight in ZONES:
            if ts.strftime("%Y-%m-%d") < planted:
                continue
            if rng.random() < 0.035:
                continue  # sensor offline, no row
            target = tday if daytime else tnight
            temp = round(target + rng.gauss(0, 1.3), 1)
            if rng.random() < 0.05:
                temp = round(temp + rng.choice([-1, 1]) * rng.uniform(3.2, 6.0), 1)
            hum = round(min(98.0, max(45.0, rng.gauss(72 if crop != "Basil" else 62, 8))), 1)
            co2 = int(round(rng.gauss(900 if daytime else 520, 140) / 5.0) * 5)
            if zone == "Herb Room":
                co2 = int(co2 * 0.8) // 5 * 5
            irr = round(rng.uniform(4, 38) * (1.3 if crop.startswith("Tomato") or crop == "Cucumber" else 0.8), 1) if daytime and rng.random() < 0.8 else 0.0
            heat = round(max(0.0, (target - outside) * rng.uniform(0.9, 1.4) + rng.gauss(0, 1.5)), 1)
            alarm = "yes" if (abs(temp - target) > 3.0 or hum > 92 or co2 > 1300) else "no"
            if alarm == "no" and rng.random() < 0.02:
                alarm = "yes"  # door open / manual alarm
            if rng.random() < 0.06:
                hum = None
            if rng.random() < 0.05:
                co2 = None
            if rng.random() < 0.02:
                temp = None
            rows.append((rid, zone, crop, ts.strftime("%Y-%m-%d %H:%M"), planted, temp, target, hum, co2, irr,
                         outside, heat, alarm))
            rid += 1
    return cols, rows


TUTORS = [("Ana Lopez", 48.0), ("Ana Lopez-Reyes", 55.0), ("Anand Shah", 62.0), ("Ben Okafor", 45.0),
          ("Bennett Cole", 58.0), ("Carla Mendes", 52.0)]
SUBJECTS = ["Algebra", "Algebra II", "Calculus", "Chemistry", "English", "English Literature", "Physics", "SAT Prep"]
FAMILIES = ["Chen", "Patel", "Garcia", "Novak", "Okoye", "Smith", "Kowalski", "Haddad", "Larsen", "Moreau",
            "Silva", "Tanaka", "Brennan", "Ivanova", "Mensah", "Rossi", "Dubois", "Nguyen", "Fischer", "Ahmed"]
FIRST = ["Maya", "Leo", "Ava", "Noah", "Zoe", "Eli", "Mia", "Sam", "Ivy", "Max", "Ella", "Theo", "Lila", "Omar",
         "Nina", "Jude", "Rosa", "Finn", "Aria", "Kai"]


def gen_tutoring():
    rng = random.Random(5150)
    cols = [("line_id", "INTEGER"), ("session_id", "TEXT"), ("student", "TEXT"), ("grade", "INTEGER"),
            ("tutor", "TEXT"), ("subject", "TEXT"), ("mode", "TEXT"), ("booked_date", "TEXT"), ("held_date", "TEXT"),
            ("scheduled_min", "INTEGER"), ("attended_min", "INTEGER"), ("hourly_rate_usd", "REAL"),
            ("line_charge_usd", "REAL"), ("sibling_discount_usd", "REAL"), ("cancelled", "TEXT"), ("no_show", "TEXT")]
    students = []
    used = set()
    for fam in FAMILIES:
        n = 2 if rng.random() < 0.35 else 1
        for k in range(n):
            while True:
                f = rng.choice(FIRST)
                if (f, fam) not in used:
                    used.add((f, fam))
                    break
            students.append({"name": "%s %s" % (f, fam), "grade": rng.randint(6, 12), "sib": k > 0})
    while len(students) < 44:
        fam = rng.choice(FAMILIES)
        f = rng.choice(FIRST)
        if (f, fam) in used:
            continue
        used.add((f, fam))
        students.append({"name": "%s %s" % (f, fam), "grade": rng.randint(6, 12),
                         "sib": any(s["name"].endswith(" " + fam) for s in students)})
    rows = []
    lid = 1
    start = date(2024, 1, 8)
    sid = 3001
    while len(rows) < 330:
        tutor, rate = TUTORS[rng.choices(range(6), weights=[5, 3, 2, 5, 3, 4])[0]]
        subject = rng.choice(SUBJECTS)
        held = start + timedelta(days=rng.randrange(0, 172))
        booked = held - timedelta(days=rng.choice([1, 2, 3, 4, 5, 6, 7, 7, 10, 14, 14, 21, 28]))
        group = rng.random() < 0.22
        n = rng.choice([2, 2, 3, 3, 4]) if group else 1
        sched = rng.choice([45, 60, 60, 60, 90, 90, 120]) if not group else rng.choice([60, 90, 90, 120])
        mode = "online" if rng.random() < 0.4 else "in person"
        prate = rate if not group else round(rate * 0.6, 2)
        whole_cancel = rng.random() < 0.05
        for st in rng.sample(students, n):
            cancelled = whole_cancel or rng.random() < 0.04
            no_show = (not cancelled) and rng.random() < 0.06
            if cancelled:
                att, charge, hd = 0, 0.0, None
                if rng.random() < 0.3:
                    charge = round(prate * sched / 60.0 * 0.5, 2)  # late-cancel fee
            elif no_show:
                att, charge, hd = 0, round(prate * sched / 60.0, 2), held.isoformat()
            else:
                att = sched if rng.random() < 0.7 else max(10, sched - rng.choice([5, 10, 15, 20, 30]))
                charge, hd = round(prate * sched / 60.0, 2), held.isoformat()
                if rng.random() < 0.04:
                    att = None
            disc = -round(charge * 0.1, 2) if st["sib"] and charge > 0 else None
            rows.append((lid, "S%d" % sid, st["name"], st["grade"], tutor, subject, mode, booked.isoformat(), hd,
                         sched, att, prate, charge, disc, "yes" if cancelled else "no", "yes" if no_show else "no"))
            lid += 1
        sid += 1
    return cols, rows


TABLES = {"greenhouse_readings": gen_greenhouse, "tutoring_sessions": gen_tutoring}

G = "greenhouse_readings"
S = "tutoring_sessions"
MON = "strftime('%Y-%m', reading_ts)"
CORR = ("SELECT (AVG({x}*{y}) - AVG({x})*AVG({y})) / (sqrt(AVG({x}*{x}) - AVG({x})*AVG({x})) * "
        "sqrt(AVG({y}*{y}) - AVG({y})*AVG({y}))) AS correlation FROM {t} WHERE {x} IS NOT NULL AND {y} IS NOT NULL{w}")
NET = "(line_charge_usd + COALESCE(sibling_discount_usd, 0))"

CASES = [
    # ---------------- greenhouse_readings ----------------
    # class 1: the measure behind a count word
    C(G, 1, "How many readings did each zone log?",
      "SELECT zone, COUNT(*) AS readings FROM greenhouse_readings GROUP BY zone"),
    C(G, 1, "how many separate hours did the sensors report in over the whole period",
      "SELECT COUNT(DISTINCT reading_ts) AS hours FROM greenhouse_readings"),
    C(G, 1, "How many litres of water went to each crop?",
      "SELECT crop, SUM(irrigation_l) AS litres FROM greenhouse_readings GROUP BY crop"),
    C(G, 1, "On how many different days did at least one alarm go off?",
      "SELECT COUNT(DISTINCT date(reading_ts)) AS days FROM greenhouse_readings WHERE alarm = 'yes'"),
    C(G, 1, "How many kWh of heating did each zone burn through?",
      "SELECT zone, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY zone"),
    C(G, 1, "number of alarms per crop",
      "SELECT crop, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY crop"),
    # class 2: per X vs group by
    C(G, 2, "Average temperature per zone",
      "SELECT zone, AVG(temp_c) AS avg_temp_c FROM greenhouse_readings GROUP BY zone"),
    C(G, 2, "heating energy per month please",
      "SELECT " + MON + " AS month, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY month"),
    C(G, 2, "What's the average CO2 per reading across the whole greenhouse?",
      "SELECT AVG(co2_ppm) AS avg_co2_ppm FROM greenhouse_readings"),
    C(G, 2, "On average, how much heating does the whole greenhouse use per logged hour (all zones added up for that hour)?",
      "SELECT AVG(total) AS avg_kwh_per_hour FROM (SELECT reading_ts, SUM(heating_kwh) AS total FROM greenhouse_readings GROUP BY reading_ts)"),
    C(G, 2, "max humidity per zone per month",
      "SELECT zone, " + MON + " AS month, MAX(humidity_pct) AS max_humidity_pct FROM greenhouse_readings GROUP BY zone, month"),
    C(G, 2, "Irrigation litres per reading, for each crop",
      "SELECT crop, AVG(irrigation_l) AS avg_litres FROM greenhouse_readings GROUP BY crop"),
    # class 3: filters
    C(G, 3, "How many readings were taken while it was below freezing outside?",
      "SELECT COUNT(*) AS readings FROM greenhouse_readings WHERE outside_temp_c < 0"),
    C(G, 3, "How many readings had humidity above 90% or CO2 above 1200 ppm?",
      "SELECT COUNT(*) AS readings FROM greenhouse_readings WHERE humidity_pct > 90 OR co2_ppm > 1200"),
    C(G, 3, "what's the avg temperature across all the North House zones combined",
      "SELECT AVG(temp_c) AS avg_temp_c FROM greenhouse_readings WHERE zone LIKE 'North House%'"),
    C(G, 3, "Which zones had more than 7 alarms?",
      "SELECT zone, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY zone HAVING COUNT(*) > 7"),
    C(G, 3, "Total heating used during readings when it was -3 C or colder outside",
      "SELECT SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings WHERE outside_temp_c <= -3"),
    C(G, 3, "Which zones ran warmer than their target on average?",
      "SELECT zone, AVG(temp_c - target_temp_c) AS avg_diff_c FROM greenhouse_readings GROUP BY zone HAVING AVG(temp_c - target_temp_c) > 0"),
    C(G, 3, "total irrigation for crops that aren't tomatoes of any kind",
      "SELECT SUM(irrigation_l) AS litres FROM greenhouse_readings WHERE crop NOT LIKE 'Tomato%'"),
    # class 4: order and shape
    C(G, 4, "Top 3 zones by total irrigation",
      "SELECT zone, SUM(irrigation_l) AS litres FROM greenhouse_readings GROUP BY zone ORDER BY litres DESC LIMIT 3",
      ordered=True),
    C(G, 4, "Rank the crops by average humidity, lowest first",
      "SELECT crop, AVG(humidity_pct) AS avg_humidity_pct FROM greenhouse_readings GROUP BY crop ORDER BY avg_humidity_pct ASC",
      ordered=True),
    C(G, 4, "Sort the months by total heating, highest to lowest",
      "SELECT " + MON + " AS month, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY month ORDER BY heating_kwh DESC",
      ordered=True),
    C(G, 4, "Which zone hit the hottest inside temperature, and how hot did it get?",
      "SELECT zone, MAX(temp_c) AS max_temp_c FROM greenhouse_readings GROUP BY zone ORDER BY max_temp_c DESC LIMIT 1"),
    C(G, 4, "bottom 2 zones by number of readings",
      "SELECT zone, COUNT(*) AS readings FROM greenhouse_readings GROUP BY zone ORDER BY readings ASC LIMIT 2",
      ordered=True),
    C(G, 4, "When was the coldest outside temperature recorded? timestamp and value",
      "SELECT DISTINCT reading_ts, outside_temp_c FROM greenhouse_readings ORDER BY outside_temp_c ASC LIMIT 1"),
    # class 5: several columns / series / scatter of aggregates
    C(G, 5, "Average actual vs target temperature by zone",
      "SELECT zone, AVG(temp_c) AS avg_temp_c, AVG(target_temp_c) AS avg_target_temp_c FROM greenhouse_readings GROUP BY zone"),
    C(G, 5, "Monthly heating broken down by zone as stacked bars",
      "SELECT " + MON + " AS month, zone, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY month, zone",
      chart="bar", series=True),
    C(G, 5, "min, average and max humidity for each crop",
      "SELECT crop, MIN(humidity_pct) AS min_humidity, AVG(humidity_pct) AS avg_humidity, MAX(humidity_pct) AS max_humidity FROM greenhouse_readings GROUP BY crop"),
    C(G, 5, "For each day, plot the average outside temperature against the total heating used, as a scatter",
      "SELECT date(reading_ts) AS day, AVG(outside_temp_c) AS avg_outside_temp_c, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY day",
      chart="scatter"),
    C(G, 5, "alarm count per month split by zone",
      "SELECT " + MON + " AS month, zone, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY month, zone",
      series=True),
    C(G, 5, "Show total irrigation and total heating for each zone side by side",
      "SELECT zone, SUM(irrigation_l) AS litres, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY zone"),
    C(G, 5, "Line chart of average temperature per month with one line per crop",
      "SELECT " + MON + " AS month, crop, AVG(temp_c) AS avg_temp_c FROM greenhouse_readings GROUP BY month, crop",
      chart="line", series=True),
    # class 6: analysis kind
    C(G, 6, "Scatter plot of outside temperature vs heating kWh for the Herb Room readings",
      "SELECT outside_temp_c, heating_kwh FROM greenhouse_readings WHERE zone = 'Herb Room'", chart="scatter"),
    C(G, 6, "box plot of inside temperature by zone",
      "SELECT zone, MIN(temp_c) AS min_temp_c, median(temp_c) AS median_temp_c, MAX(temp_c) AS max_temp_c FROM greenhouse_readings GROUP BY zone",
      chart="box"),
    C(G, 6, "Histogram of CO2 levels using 100 ppm bins",
      "SELECT (co2_ppm / 100) * 100 AS bin_start, COUNT(*) AS readings FROM greenhouse_readings WHERE co2_ppm IS NOT NULL GROUP BY bin_start",
      chart="histogram"),
    C(G, 6, "Is there a correlation between humidity and CO2? give me the coefficient",
      CORR.format(x="humidity_pct", y="co2_ppm", t="greenhouse_readings", w=""), tolerance=0.001),
    T(G, 6, "Show me how humidity readings are distributed", "distribution_plot", ["humidity_pct"]),
    C(G, 6, "Box plot of heating kWh by month",
      "SELECT " + MON + " AS month, MIN(heating_kwh) AS min_kwh, median(heating_kwh) AS median_kwh, MAX(heating_kwh) AS max_kwh FROM greenhouse_readings GROUP BY month",
      chart="box"),
    C(G, 6, "correlation between outside temp and heating energy?",
      CORR.format(x="outside_temp_c", y="heating_kwh", t="greenhouse_readings", w=""), tolerance=0.001),
    # class 7: derived measures
    C(G, 7, "Average deviation from target temperature (actual minus target) by zone",
      "SELECT zone, AVG(temp_c - target_temp_c) AS avg_deviation_c FROM greenhouse_readings GROUP BY zone"),
    C(G, 7, "For each zone, how many days after planting was its first reading?",
      "SELECT zone, CAST(MIN(julianday(date(reading_ts))) - julianday(MIN(planted_date)) AS INTEGER) AS days_after_planting FROM greenhouse_readings GROUP BY zone"),
    C(G, 7, "Running total of irrigation litres by month",
      "SELECT month, SUM(litres) OVER (ORDER BY month) AS running_litres FROM (SELECT " + MON + " AS month, SUM(irrigation_l) AS litres FROM greenhouse_readings GROUP BY month)",
      ordered=True),
    C(G, 7, "Percent change in total heating from January to April",
      "SELECT (apr - jan) * 100.0 / jan AS pct_change FROM (SELECT SUM(CASE WHEN " + MON + " = '2024-01' THEN heating_kwh END) AS jan, SUM(CASE WHEN " + MON + " = '2024-04' THEN heating_kwh END) AS apr FROM greenhouse_readings)",
      tolerance=0.01),
    C(G, 7, "average inside temperature by hour of day",
      "SELECT CAST(strftime('%H', reading_ts) AS INTEGER) AS hour, AVG(temp_c) AS avg_temp_c FROM greenhouse_readings GROUP BY hour"),
    C(G, 7, "Number of alarms by day of the week",
      "SELECT dayname(reading_ts) AS weekday, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY weekday"),
    C(G, 7, "What percent of each zone's readings raised an alarm?",
      "SELECT zone, SUM(alarm = 'yes') * 100.0 / COUNT(*) AS alarm_pct FROM greenhouse_readings GROUP BY zone"),
    # class 8: words about the chart
    C(G, 8, "Bar chart with zones on the x axis and total irrigation on the y axis",
      "SELECT zone, SUM(irrigation_l) AS litres FROM greenhouse_readings GROUP BY zone", chart="bar"),
    C(G, 8, "plot avg humidity by month as a line",
      "SELECT " + MON + " AS month, AVG(humidity_pct) AS avg_humidity_pct FROM greenhouse_readings GROUP BY month",
      chart="line"),
    C(G, 8, "pie chart of readings by crop",
      "SELECT crop, COUNT(*) AS readings FROM greenhouse_readings GROUP BY crop", chart="pie"),
    C(G, 8, "Histogram of inside temperatures, 2-degree bins",
      "SELECT CAST(temp_c / 2 AS INTEGER) * 2 AS bin_start, COUNT(*) AS readings FROM greenhouse_readings WHERE temp_c IS NOT NULL GROUP BY bin_start",
      chart="histogram"),
    C(G, 8, "Visualize total alarms per zone",
      "SELECT zone, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY zone"),
    C(G, 8, "Display heating use per crop as bars, biggest first",
      "SELECT crop, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY crop ORDER BY heating_kwh DESC",
      chart="bar", ordered=True),
    C(G, 8, "put the month on the x axis and the number of alarms on the y axis",
      "SELECT " + MON + " AS month, COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes' GROUP BY month"),
    # class 9: shape of the answer
    C(G, 9, "Did any reading in the Herb Room go above 26 degrees? yes or no",
      "SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM greenhouse_readings WHERE zone = 'Herb Room' AND temp_c > 26"),
    C(G, 9, "Just one number: total litres of irrigation in March",
      "SELECT SUM(irrigation_l) AS litres FROM greenhouse_readings WHERE " + MON + " = '2024-03'"),
    C(G, 9, "list the crops we grow",
      "SELECT DISTINCT crop FROM greenhouse_readings"),
    C(G, 9, "Which zone names start with 'South'?",
      "SELECT DISTINCT zone FROM greenhouse_readings WHERE zone LIKE 'South%'"),
    C(G, 9, "Is the average humidity in the Herb Room lower than in South House?",
      "SELECT CASE WHEN (SELECT AVG(humidity_pct) FROM greenhouse_readings WHERE zone = 'Herb Room') < (SELECT AVG(humidity_pct) FROM greenhouse_readings WHERE zone = 'South House') THEN 'yes' ELSE 'no' END AS answer"),
    C(G, 9, "highest CO2 reading ever recorded - just the value",
      "SELECT MAX(co2_ppm) AS max_co2_ppm FROM greenhouse_readings"),
    C(G, 9, "List the dates when an alarm fired in North House Annex",
      "SELECT DISTINCT date(reading_ts) AS day FROM greenhouse_readings WHERE zone = 'North House Annex' AND alarm = 'yes'"),
    # basic
    C(G, "basic", "Which zone uses the most heating?",
      "SELECT zone, SUM(heating_kwh) AS heating_kwh FROM greenhouse_readings GROUP BY zone ORDER BY heating_kwh DESC LIMIT 1"),
    C(G, "basic", "What's the average humidity in the greenhouse?",
      "SELECT AVG(humidity_pct) AS avg_humidity_pct FROM greenhouse_readings"),
    C(G, "basic", "How many alarms have we had in total?",
      "SELECT COUNT(*) AS alarms FROM greenhouse_readings WHERE alarm = 'yes'"),
    C(G, "basic", "What percentage of readings triggered an alarm?",
      "SELECT SUM(alarm = 'yes') * 100.0 / COUNT(*) AS alarm_pct FROM greenhouse_readings"),
    C(G, "basic", "Which crop is kept coolest on average?",
      "SELECT crop, AVG(temp_c) AS avg_temp_c FROM greenhouse_readings GROUP BY crop ORDER BY avg_temp_c ASC LIMIT 1"),
    C(G, "basic", "I need the average CO2 level for each zone",
      "SELECT zone, AVG(co2_ppm) AS avg_co2_ppm FROM greenhouse_readings GROUP BY zone"),

    # ---------------- tutoring_sessions ----------------
    # class 1
    C(S, 1, "How many sessions are booked under each tutor?",
      "SELECT tutor, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions GROUP BY tutor"),
    C(S, 1, "How many different students have booked with Carla Mendes?",
      "SELECT COUNT(DISTINCT student) AS students FROM tutoring_sessions WHERE tutor = 'Carla Mendes'"),
    C(S, 1, "How many minutes did students actually attend, per subject?",
      "SELECT subject, SUM(attended_min) AS attended_min FROM tutoring_sessions GROUP BY subject"),
    C(S, 1, "how many student-hours were actually attended in total",
      "SELECT SUM(attended_min) / 60.0 AS student_hours FROM tutoring_sessions", tolerance=0.01),
    C(S, 1, "How many group sessions (more than one student) did we have?",
      "SELECT COUNT(*) AS group_sessions FROM (SELECT session_id FROM tutoring_sessions GROUP BY session_id HAVING COUNT(*) > 1)"),
    C(S, 1, "How many no-shows has each tutor had?",
      "SELECT tutor, COUNT(*) AS no_shows FROM tutoring_sessions WHERE no_show = 'yes' GROUP BY tutor"),
    C(S, 1, "How many dollars did each subject bill? (line charges, before discounts)",
      "SELECT subject, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY subject"),
    # class 2
    C(S, 2, "What's the average amount charged per session (sum of its line charges, before discounts)?",
      "SELECT AVG(total) AS avg_charge_usd FROM (SELECT session_id, SUM(line_charge_usd) AS total FROM tutoring_sessions GROUP BY session_id)"),
    C(S, 2, "gross charges per tutor",
      "SELECT tutor, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY tutor"),
    C(S, 2, "average scheduled minutes per line for each subject",
      "SELECT subject, AVG(scheduled_min) AS avg_scheduled_min FROM tutoring_sessions GROUP BY subject"),
    C(S, 2, "Sessions booked per month, going by booking date",
      "SELECT strftime('%Y-%m', booked_date) AS month, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions GROUP BY month"),
    C(S, 2, "What's the average number of students per session?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT session_id) AS students_per_session FROM tutoring_sessions"),
    C(S, 2, "avg hourly rate per tutor",
      "SELECT tutor, AVG(hourly_rate_usd) AS avg_rate_usd FROM tutoring_sessions GROUP BY tutor"),
    C(S, 2, "Sibling discounts per month the sessions were held",
      "SELECT strftime('%Y-%m', held_date) AS month, SUM(sibling_discount_usd) AS discount_usd FROM tutoring_sessions WHERE held_date IS NOT NULL AND sibling_discount_usd IS NOT NULL GROUP BY month"),
    # class 3
    C(S, 3, "What's our net billing after the sibling discounts come off?",
      "SELECT SUM(" + NET + ") AS net_usd FROM tutoring_sessions"),
    C(S, 3, "Total charges for sessions scheduled for longer than an hour and a half",
      "SELECT SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE scheduled_min > 90"),
    C(S, 3, "avg attended minutes on lines that were neither cancelled nor a no-show",
      "SELECT AVG(attended_min) AS avg_attended_min FROM tutoring_sessions WHERE cancelled = 'no' AND no_show = 'no'"),
    C(S, 3, "total billed across all the English subjects",
      "SELECT SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE subject LIKE 'English%'"),
    C(S, 3, "How much did the tutors whose first name is Ana bill?",
      "SELECT SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE tutor LIKE 'Ana %'"),
    C(S, 3, "Which students have been in more than 10 sessions?",
      "SELECT student, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions GROUP BY student HAVING COUNT(DISTINCT session_id) > 10"),
    C(S, 3, "How many sessions had a total charge above the average session total?",
      "WITH s AS (SELECT session_id, SUM(line_charge_usd) AS total FROM tutoring_sessions GROUP BY session_id) SELECT COUNT(*) AS sessions FROM s WHERE total > (SELECT AVG(total) FROM s)"),
    # class 4
    C(S, 4, "Top 5 students by total charges",
      "SELECT student, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY student ORDER BY charged_usd DESC LIMIT 5",
      ordered=True),
    C(S, 4, "Tutors sorted by total minutes attended, fewest first",
      "SELECT tutor, SUM(attended_min) AS attended_min FROM tutoring_sessions GROUP BY tutor ORDER BY attended_min ASC",
      ordered=True),
    C(S, 4, "bottom 3 subjects by attended minutes",
      "SELECT subject, SUM(attended_min) AS attended_min FROM tutoring_sessions GROUP BY subject ORDER BY attended_min ASC LIMIT 3",
      ordered=True),
    C(S, 4, "Which tutor billed the most?",
      "SELECT tutor, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY tutor ORDER BY charged_usd DESC LIMIT 1"),
    C(S, 4, "List subjects from highest to lowest total scheduled minutes",
      "SELECT subject, SUM(scheduled_min) AS scheduled_min FROM tutoring_sessions GROUP BY subject ORDER BY scheduled_min DESC",
      ordered=True),
    C(S, 4, "top 2 months by number of sessions held",
      "SELECT strftime('%Y-%m', held_date) AS month, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY month ORDER BY sessions DESC LIMIT 2",
      ordered=True),
    C(S, 4, "The 3 sessions with the biggest total charge, biggest first",
      "SELECT session_id, SUM(line_charge_usd) AS total_usd FROM tutoring_sessions GROUP BY session_id ORDER BY total_usd DESC LIMIT 3",
      ordered=True),
    # class 5
    C(S, 5, "Scheduled vs attended minutes by tutor",
      "SELECT tutor, SUM(scheduled_min) AS scheduled_min, SUM(attended_min) AS attended_min FROM tutoring_sessions GROUP BY tutor"),
    C(S, 5, "monthly charges per tutor, stacked bar (month of the session held)",
      "SELECT strftime('%Y-%m', held_date) AS month, tutor, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY month, tutor",
      chart="bar", series=True),
    C(S, 5, "Number of sessions by subject, online vs in person as grouped bars",
      "SELECT subject, mode, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions GROUP BY subject, mode",
      chart="bar", series=True),
    C(S, 5, "Scatter of each tutor's average hourly rate against their number of no-shows",
      "SELECT tutor, AVG(hourly_rate_usd) AS avg_rate_usd, SUM(no_show = 'yes') AS no_shows FROM tutoring_sessions GROUP BY tutor",
      chart="scatter"),
    C(S, 5, "I need gross charges, sibling discounts and net for each booking month",
      "SELECT strftime('%Y-%m', booked_date) AS month, SUM(line_charge_usd) AS gross_usd, COALESCE(SUM(sibling_discount_usd), 0) AS discount_usd, SUM(" + NET + ") AS net_usd FROM tutoring_sessions GROUP BY month"),
    C(S, 5, "count of cancelled lines and no-show lines for each tutor",
      "SELECT tutor, SUM(cancelled = 'yes') AS cancelled, SUM(no_show = 'yes') AS no_shows FROM tutoring_sessions GROUP BY tutor"),
    # class 6
    C(S, 6, "box plot of line charges by subject",
      "SELECT subject, MIN(line_charge_usd) AS min_usd, median(line_charge_usd) AS median_usd, MAX(line_charge_usd) AS max_usd FROM tutoring_sessions GROUP BY subject",
      chart="box"),
    C(S, 6, "Scatter plot of scheduled vs attended minutes for Ana Lopez's lines that weren't cancelled",
      "SELECT scheduled_min, attended_min FROM tutoring_sessions WHERE tutor = 'Ana Lopez' AND cancelled = 'no' AND attended_min IS NOT NULL",
      chart="scatter"),
    C(S, 6, "Histogram of booking lead time (days from booking to the held date), 7-day bins",
      "SELECT CAST((julianday(held_date) - julianday(booked_date)) / 7 AS INTEGER) * 7 AS bin_start, COUNT(*) AS lines FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY bin_start",
      chart="histogram"),
    C(S, 6, "is there a relationship between the minutes booked and the line charge? give me the correlation",
      CORR.format(x="scheduled_min", y="line_charge_usd", t="tutoring_sessions", w=""), tolerance=0.001),
    T(S, 6, "What does the distribution of line charges look like?", "distribution_plot", ["line_charge_usd"]),
    C(S, 6, "box plot of scheduled minutes, online vs in person",
      "SELECT mode, MIN(scheduled_min) AS min_min, median(scheduled_min) AS median_min, MAX(scheduled_min) AS max_min FROM tutoring_sessions GROUP BY mode",
      chart="box"),
    # class 7
    C(S, 7, "Attendance rate (attended over scheduled minutes) per tutor as a percent, for lines that weren't cancelled",
      "SELECT tutor, SUM(attended_min) * 100.0 / SUM(scheduled_min) AS attendance_pct FROM tutoring_sessions WHERE cancelled = 'no' AND attended_min IS NOT NULL GROUP BY tutor"),
    C(S, 7, "average days between booking and the session being held, per subject",
      "SELECT subject, AVG(julianday(held_date) - julianday(booked_date)) AS avg_lead_days FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY subject"),
    C(S, 7, "Running total of line charges by booking month",
      "SELECT month, SUM(charged) OVER (ORDER BY month) AS running_usd FROM (SELECT strftime('%Y-%m', booked_date) AS month, SUM(line_charge_usd) AS charged FROM tutoring_sessions GROUP BY month)",
      ordered=True),
    C(S, 7, "Percent change in sessions held from January to May",
      "SELECT (may - jan) * 100.0 / jan AS pct_change FROM (SELECT COUNT(DISTINCT CASE WHEN strftime('%Y-%m', held_date) = '2024-01' THEN session_id END) AS jan, COUNT(DISTINCT CASE WHEN strftime('%Y-%m', held_date) = '2024-05' THEN session_id END) AS may FROM tutoring_sessions)",
      tolerance=0.01),
    C(S, 7, "Charges by month of year (1-12) of the held date",
      "SELECT CAST(strftime('%m', held_date) AS INTEGER) AS month, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY month"),
    C(S, 7, "sessions held per quarter",
      "SELECT quarter(held_date) AS quarter, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY quarter"),
    # class 8
    C(S, 8, "Bar chart of total charges by tutor",
      "SELECT tutor, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY tutor", chart="bar"),
    C(S, 8, "line chart of sessions held per month",
      "SELECT strftime('%Y-%m', held_date) AS month, COUNT(DISTINCT session_id) AS sessions FROM tutoring_sessions WHERE held_date IS NOT NULL GROUP BY month",
      chart="line"),
    C(S, 8, "pie of session lines by mode",
      "SELECT mode, COUNT(*) AS lines FROM tutoring_sessions GROUP BY mode", chart="pie"),
    C(S, 8, "Histogram of attended minutes with 15-minute bins, leaving out cancelled lines",
      "SELECT (attended_min / 15) * 15 AS bin_start, COUNT(*) AS lines FROM tutoring_sessions WHERE attended_min IS NOT NULL AND cancelled = 'no' GROUP BY bin_start",
      chart="histogram"),
    C(S, 8, "subject on the x axis, average hourly rate on the y",
      "SELECT subject, AVG(hourly_rate_usd) AS avg_rate_usd FROM tutoring_sessions GROUP BY subject"),
    C(S, 8, "visualise no-shows by month held",
      "SELECT strftime('%Y-%m', held_date) AS month, COUNT(*) AS no_shows FROM tutoring_sessions WHERE no_show = 'yes' GROUP BY month"),
    # class 9
    C(S, 9, "Did any session have more than 4 students in it? yes/no",
      "SELECT CASE WHEN MAX(n) > 4 THEN 'yes' ELSE 'no' END AS answer FROM (SELECT COUNT(*) AS n FROM tutoring_sessions GROUP BY session_id)"),
    C(S, 9, "which tutors teach SAT Prep? just the names",
      "SELECT DISTINCT tutor FROM tutoring_sessions WHERE subject = 'SAT Prep'"),
    C(S, 9, "Total billed for sessions held in June - one figure",
      "SELECT SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions WHERE strftime('%Y-%m', held_date) = '2024-06'"),
    C(S, 9, "Has Ben Okafor had more no-shows than Carla Mendes?",
      "SELECT CASE WHEN SUM(tutor = 'Ben Okafor' AND no_show = 'yes') > SUM(tutor = 'Carla Mendes' AND no_show = 'yes') THEN 'yes' ELSE 'no' END AS answer FROM tutoring_sessions"),
    C(S, 9, "list the students who get a sibling discount",
      "SELECT DISTINCT student FROM tutoring_sessions WHERE sibling_discount_usd < 0"),
    C(S, 9, "longest scheduled session, in minutes? just the number",
      "SELECT MAX(scheduled_min) AS max_scheduled_min FROM tutoring_sessions"),
    # basic
    C(S, "basic", "Who's our busiest tutor, going by minutes students actually attended?",
      "SELECT tutor, SUM(attended_min) AS attended_min FROM tutoring_sessions GROUP BY tutor ORDER BY attended_min DESC LIMIT 1"),
    C(S, "basic", "total revenue net of sibling discounts, by tutor",
      "SELECT tutor, SUM(" + NET + ") AS net_usd FROM tutoring_sessions GROUP BY tutor"),
    C(S, "basic", "What's the average hourly rate?",
      "SELECT AVG(hourly_rate_usd) AS avg_rate_usd FROM tutoring_sessions"),
    C(S, "basic", "Which subject has the most distinct students?",
      "SELECT subject, COUNT(DISTINCT student) AS students FROM tutoring_sessions GROUP BY subject ORDER BY students DESC LIMIT 1"),
    C(S, "basic", "What share of lines were cancelled, in percent?",
      "SELECT SUM(cancelled = 'yes') * 100.0 / COUNT(*) AS cancelled_pct FROM tutoring_sessions"),
    C(S, "basic", "which grade level brings in the most in line charges?",
      "SELECT grade, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY grade ORDER BY charged_usd DESC LIMIT 1"),
    C(S, "basic", "can you show me total charges by subject",
      "SELECT subject, SUM(line_charge_usd) AS charged_usd FROM tutoring_sessions GROUP BY subject"),
]

FLAGGED = [
    F(G, "What will our heating bill be next month?",
      "a forecast, and the table has kWh but no price or cost column"),
    F(G, "Why did South House have so many alarms?", "asks for a cause the readings cannot show"),
    F(G, "What's the average tomato yield in kg per zone?", "there is no yield or harvest column"),
    F(G, "show me the greenhouse data by zone", "names no measure"),
    F(S, "How happy are students with their tutors?", "there is no rating or satisfaction column"),
    F(S, "How many sessions will we book next term?", "a forecast beyond the data"),
    F(S, "What's the average charge per student?",
      "two readings fit: one figure (total over distinct students) or a list of each student's average"),
    F(S, "what's the weather going to be like for Saturday's sessions?", "off-topic: weather is not in the table"),
]
