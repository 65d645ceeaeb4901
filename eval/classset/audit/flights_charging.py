"""Audit set (written blind): an airline operations log and a public EV charging network.

flight_legs (one row per operated or cancelled flight, 480 rows, Jan-Jun 2024): flight_number repeats over days
(the same scheduled service, e.g. NW214 every few days), airline (4 carriers; two share the prefix "North":
Northwind Air, Northstar Airways), origin and destination (IATA airport codes, 9 airports in the western US),
scheduled_departure (ISO timestamp 'YYYY-MM-DD HH:MM:SS', local), dep_delay_min (minutes, negative when the
flight left early; BLANK when the flight was cancelled, it never departed), cancelled ('yes'/'no'),
passengers (people on board; BLANK when cancelled, nobody boarded), seats (capacity of the aircraft),
distance_miles (great-circle route distance), aircraft_type (6 types; three Boeing 737 variants share "B737").

ev_charging_sessions (one row per charging session, 450 rows, Apr-Jun 2024, extract taken 2024-06-30 22:00):
session_id (unique, CS00001...), station_name (10 stations; several share a prefix: "Lakeview Plaza" and
"Lakeview Plaza Garage", "Pearl District Garage" and "Pearl Market", "Riverfront ..."), city (5 cities),
vehicle_id (about 90 vehicles that come back many times), start_time and end_time (ISO timestamps; end_time
BLANK for the sessions still charging when the extract was taken), energy_kwh (energy delivered so far),
price_paid (USD; BLANK while the session is still charging, it is billed at the end), payment_method (4 values),
connector_type (CCS, CHAdeMO, NACS, Type 2; Type 2 is slow AC charging), member ('TRUE'/'FALSE': the driver
holds a network membership, which gives a lower rate and no session fee).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, T, F

# ---- flight_legs ---------------------------------------------------------------------------------------------

_MILES = {
    ("SEA", "PDX"): 129, ("SEA", "SFO"): 679, ("SEA", "LAX"): 954, ("SEA", "DEN"): 1024, ("SEA", "PHX"): 1107,
    ("SEA", "SLC"): 689, ("SEA", "LAS"): 867, ("SEA", "ORD"): 1721, ("PDX", "SFO"): 550, ("PDX", "LAX"): 834,
    ("PDX", "DEN"): 991, ("PDX", "PHX"): 1009, ("PDX", "SLC"): 630, ("PDX", "LAS"): 762, ("SFO", "LAX"): 337,
    ("SFO", "DEN"): 967, ("SFO", "PHX"): 651, ("SFO", "SLC"): 599, ("SFO", "LAS"): 414, ("SFO", "ORD"): 1846,
    ("LAX", "DEN"): 862, ("LAX", "PHX"): 370, ("LAX", "SLC"): 590, ("LAX", "LAS"): 236, ("LAX", "ORD"): 1744,
    ("DEN", "PHX"): 602, ("DEN", "SLC"): 391, ("DEN", "LAS"): 628, ("DEN", "ORD"): 888, ("PHX", "SLC"): 507,
    ("PHX", "LAS"): 255, ("PHX", "ORD"): 1440, ("SLC", "LAS"): 368, ("SLC", "ORD"): 1249, ("LAS", "ORD"): 1514,
}
_SEATS = {"A320": 150, "A321neo": 196, "B737-800": 166, "B737-900": 178, "B737 MAX 8": 172, "E175": 76}

# flight number, airline, origin, destination, scheduled time, aircraft, weight
_ROUTES = [
    ("NW101", "Northwind Air", "SEA", "SFO", "06:45", "A320", 6), ("NW102", "Northwind Air", "SFO", "SEA", "10:30", "A320", 6),
    ("NW214", "Northwind Air", "SEA", "LAX", "08:15", "A321neo", 5), ("NW215", "Northwind Air", "LAX", "SEA", "13:05", "A321neo", 5),
    ("NW330", "Northwind Air", "PDX", "DEN", "07:20", "A320", 4), ("NW331", "Northwind Air", "DEN", "PDX", "17:40", "A320", 4),
    ("NW508", "Northwind Air", "SEA", "PDX", "18:55", "E175", 5), ("NW509", "Northwind Air", "PDX", "SEA", "21:10", "E175", 4),
    ("NS20", "Northstar Airways", "DEN", "ORD", "06:00", "B737-800", 5), ("NS21", "Northstar Airways", "ORD", "DEN", "11:25", "B737-800", 5),
    ("NS144", "Northstar Airways", "SLC", "ORD", "09:50", "B737 MAX 8", 4), ("NS145", "Northstar Airways", "ORD", "SLC", "15:35", "B737 MAX 8", 4),
    ("NS310", "Northstar Airways", "DEN", "SLC", "12:10", "E175", 4), ("NS311", "Northstar Airways", "SLC", "DEN", "19:45", "E175", 3),
    ("CJ7", "Coastal Jet", "LAX", "SFO", "07:00", "A320", 6), ("CJ8", "Coastal Jet", "SFO", "LAX", "09:30", "A320", 6),
    ("CJ41", "Coastal Jet", "LAX", "LAS", "14:20", "A320", 5), ("CJ42", "Coastal Jet", "LAS", "LAX", "20:15", "A320", 5),
    ("CJ77", "Coastal Jet", "SFO", "PHX", "16:50", "A321neo", 3), ("CJ78", "Coastal Jet", "PHX", "SFO", "07:35", "A321neo", 3),
    ("SA900", "Summit Airlines", "PHX", "DEN", "08:40", "B737-900", 4), ("SA901", "Summit Airlines", "DEN", "PHX", "14:00", "B737-900", 4),
    ("SA612", "Summit Airlines", "LAS", "SEA", "11:15", "B737 MAX 8", 3), ("SA613", "Summit Airlines", "SEA", "LAS", "16:30", "B737 MAX 8", 3),
    ("SA250", "Summit Airlines", "PHX", "ORD", "06:25", "B737-900", 3), ("SA251", "Summit Airlines", "ORD", "PHX", "13:45", "B737-900", 3),
]


def _miles(a, b):
    return _MILES.get((a, b)) or _MILES[(b, a)]


def flight_legs():
    rng = random.Random(4711)
    cols = [("flight_number", "TEXT"), ("airline", "TEXT"), ("origin", "TEXT"), ("destination", "TEXT"),
            ("scheduled_departure", "TEXT"), ("dep_delay_min", "INTEGER"), ("cancelled", "TEXT"),
            ("passengers", "INTEGER"), ("seats", "INTEGER"), ("distance_miles", "INTEGER"), ("aircraft_type", "TEXT")]
    weights = [r[6] for r in _ROUTES]
    seen, rows = set(), []
    while len(rows) < 480:
        fn, airline, org, dst, hhmm, ac, _w = rng.choices(_ROUTES, weights)[0]
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(182))
        if (fn, day) in seen:
            continue
        seen.add((fn, day))
        sched = datetime(day.year, day.month, day.day, int(hhmm[:2]), int(hhmm[3:]))
        winter = day.month <= 2 and (org in ("DEN", "ORD", "SLC") or dst in ("DEN", "ORD", "SLC"))
        p_cancel = 0.09 if winter else 0.025
        seats = _SEATS[ac]
        if rng.random() < p_cancel:
            delay, cancelled, pax = None, "yes", None
        else:
            cancelled = "no"
            u = rng.random()
            late_bias = 1.6 if airline == "Northstar Airways" else 1.0 if airline != "Coastal Jet" else 0.8
            if u < 0.28:
                delay = -rng.randint(1, 12)
            elif u < 0.55:
                delay = rng.randint(0, 5)
            elif u < 0.85:
                delay = int(rng.randint(6, 40) * late_bias)
            else:
                delay = int(rng.randint(41, 200) * late_bias)
            if winter and delay > 0:
                delay += rng.randint(5, 45)
            load = rng.uniform(0.52, 1.0) + (0.05 if day.month >= 5 else 0)
            pax = min(seats, int(seats * load))
        rows.append([fn, airline, org, dst, sched.strftime("%Y-%m-%d %H:%M:%S"), delay, cancelled, pax, seats,
                     _miles(org, dst), ac])
    rows.sort(key=lambda r: (r[4], r[0]))
    return cols, rows


# ---- ev_charging_sessions ------------------------------------------------------------------------------------

_STATIONS = [("Lakeview Plaza", "Seattle", 8), ("Lakeview Plaza Garage", "Seattle", 6), ("Pier 9 Hub", "Seattle", 7),
             ("Tacoma Dome Lot", "Tacoma", 5), ("Tacoma Mall North", "Tacoma", 4),
             ("Pearl District Garage", "Portland", 7), ("Pearl Market", "Portland", 5),
             ("Airport Park & Charge", "Portland", 4), ("Riverfront Station", "Eugene", 4),
             ("Riverfront Commons", "Spokane", 3)]
_CONNECTORS = ["CCS", "CCS", "CCS", "NACS", "NACS", "Type 2", "Type 2", "CHAdeMO"]
_PAYMENTS = ["App", "Credit card", "Debit card", "RFID fob"]


def ev_charging_sessions():
    rng = random.Random(9090)
    cols = [("session_id", "TEXT"), ("station_name", "TEXT"), ("city", "TEXT"), ("vehicle_id", "TEXT"),
            ("start_time", "TEXT"), ("end_time", "TEXT"), ("energy_kwh", "REAL"), ("price_paid", "REAL"),
            ("payment_method", "TEXT"), ("connector_type", "TEXT"), ("member", "TEXT")]
    vehicles = []
    for i in range(92):
        member = rng.random() < 0.45
        pay = "RFID fob" if member and rng.random() < 0.5 else rng.choices(_PAYMENTS[:3], [5, 4, 2])[0]
        vehicles.append(("EV-%04d" % (1000 + rng.randrange(9000)), rng.choice(_CONNECTORS), member, pay,
                         rng.randrange(len(_STATIONS)), rng.randint(1, 9)))
    veh_w = [v[5] for v in vehicles]
    st_w = [s[2] for s in _STATIONS]
    extract = datetime(2024, 6, 30, 22, 0)
    rows = []
    for i in range(450):
        vid, conn, member, pay, home, _w = rng.choices(vehicles, veh_w)[0]
        while i < 6 and conn != "Type 2":
            vid, conn, member, pay, home, _w = rng.choices(vehicles, veh_w)[0]
        if rng.random() < 0.6:
            st = _STATIONS[home]
        else:
            st = rng.choices(_STATIONS, st_w)[0]
        if i < 6:   # late-evening sessions on the extract day, some still running at 22:00
            start = datetime(2024, 6, 30, 18, 0) + timedelta(minutes=rng.randrange(230))
        else:
            day = date(2024, 4, 1) + timedelta(days=rng.randrange(91))
            hour = rng.choices(range(24), [1, 1, 1, 1, 1, 2, 4, 7, 9, 8, 7, 7, 8, 8, 7, 7, 8, 9, 10, 9, 7, 5, 3, 2])[0]
            start = datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))
        if conn == "Type 2":
            minutes = rng.randint(55, 380)
            kwh = round(minutes / 60 * rng.uniform(5.5, 7.2), 2)
            rate = 0.26 if member else 0.32
        else:
            minutes = rng.randint(14, 65)
            kwh = round(minutes / 60 * rng.uniform(38, 95), 2)
            rate = 0.39 if member else 0.48
        end = start + timedelta(minutes=minutes, seconds=rng.randrange(60))
        if end > extract and start < extract:
            if i >= 6:
                continue
            done = (extract - start).total_seconds() / (end - start).total_seconds()
            kwh, end_s, price = round(kwh * done, 2), None, None
        elif start >= extract:
            continue
        else:
            end_s = end.strftime("%Y-%m-%d %H:%M:%S")
            price = round(kwh * rate + (0 if member else 1.0) + 1e-9, 2)
        rows.append([None, st[0], st[1], vid, start.strftime("%Y-%m-%d %H:%M:%S"), end_s, kwh, price, pay, conn,
                     "TRUE" if member else "FALSE"])
    rows.sort(key=lambda r: r[4])
    for i, r in enumerate(rows):
        r[0] = "CS%05d" % (i + 1)
    return cols, rows


TABLES = {"flight_legs": flight_legs, "ev_charging_sessions": ev_charging_sessions}

FL = "flight_legs"
EV = "ev_charging_sessions"
_M = "strftime('%Y-%m', scheduled_departure)"
_MIN = "(julianday(end_time) - julianday(start_time)) * 1440"

FLIGHT_CASES = [
    # ---- class 1: the measure behind a count word
    C(FL, 1, "How many passengers did Coastal Jet carry in total?",
      "SELECT SUM(passengers) FROM flight_legs WHERE airline = 'Coastal Jet'"),
    C(FL, 1, "how many flights got cancelled in february 2024",
      "SELECT COUNT(*) FROM flight_legs WHERE cancelled = 'yes' AND " + _M + " = '2024-02'"),
    C(FL, 1, "How many different flight numbers does Northwind Air operate?",
      "SELECT COUNT(DISTINCT flight_number) FROM flight_legs WHERE airline = 'Northwind Air'"),
    C(FL, 1, "How many seats did we offer on flights that actually departed from Denver in March 2024?",
      "SELECT SUM(seats) FROM flight_legs WHERE origin = 'DEN' AND cancelled = 'no' AND " + _M + " = '2024-03'"),
    C(FL, 1, "How many miles did the fleet fly in total? Only count flights that operated.",
      "SELECT SUM(distance_miles) FROM flight_legs WHERE cancelled = 'no'"),

    # ---- class 2: "per X"
    C(FL, 2, "What's the average number of passengers per flight for each airline (cancelled flights left out)?",
      "SELECT airline, AVG(passengers) FROM flight_legs WHERE cancelled = 'no' GROUP BY airline"),
    C(FL, 2, "What is the average number of passengers per operated flight, across the whole network?",
      "SELECT AVG(passengers) FROM flight_legs WHERE cancelled = 'no'"),
    C(FL, 2, "Cancellations per month, please",
      "SELECT " + _M + " AS month, COUNT(*) FROM flight_legs WHERE cancelled = 'yes' GROUP BY month"),
    C(FL, 2, "What is the average distance per operated flight for Summit Airlines? One number.",
      "SELECT AVG(distance_miles) FROM flight_legs WHERE airline = 'Summit Airlines' AND cancelled = 'no'"),
    C(FL, 2, "average departure delay per aircraft type",
      "SELECT aircraft_type, AVG(dep_delay_min) FROM flight_legs GROUP BY aircraft_type"),

    # ---- class 3: filters (signs, negation, OR, text, HAVING, comparison to an aggregate)
    C(FL, 3, "How many flights left early?",
      "SELECT COUNT(*) FROM flight_legs WHERE dep_delay_min < 0"),
    C(FL, 3, "How many flights pushed back more than 2 hours late?",
      "SELECT COUNT(*) FROM flight_legs WHERE dep_delay_min > 120"),
    C(FL, 3, "How many cancellations were there on flights not operated by Northwind Air?",
      "SELECT COUNT(*) FROM flight_legs WHERE cancelled = 'yes' AND airline <> 'Northwind Air'"),
    C(FL, 3, "What's the average departure delay for flights out of ORD or DEN, taken together as one figure?",
      "SELECT AVG(dep_delay_min) FROM flight_legs WHERE origin IN ('ORD', 'DEN')"),
    C(FL, 3, "How many passengers flew with Northstar in Q2 2024?",
      "SELECT SUM(passengers) FROM flight_legs WHERE airline = 'Northstar Airways' "
      "AND quarter(scheduled_departure) = '2024-Q2'"),
    C(FL, 3, "Which airlines had at least 3 cancelled flights?",
      "SELECT airline FROM flight_legs WHERE cancelled = 'yes' GROUP BY airline HAVING COUNT(*) >= 3"),
    C(FL, 3, "Which routes (origin and destination) have an average departure delay above the overall average delay?",
      "SELECT origin, destination FROM flight_legs GROUP BY origin, destination "
      "HAVING AVG(dep_delay_min) > (SELECT AVG(dep_delay_min) FROM flight_legs)"),

    # ---- class 4: order and shape
    C(FL, 4, "Top 5 routes by total passengers",
      "SELECT origin, destination, SUM(passengers) AS pax FROM flight_legs GROUP BY origin, destination "
      "ORDER BY pax DESC LIMIT 5", ordered=True),
    C(FL, 4, "Rank the airlines from most punctual to least punctual by average departure delay.",
      "SELECT airline, AVG(dep_delay_min) AS d FROM flight_legs GROUP BY airline ORDER BY d ASC", ordered=True),
    C(FL, 4, "Which 3 flight numbers have the worst average departure delay?",
      "SELECT flight_number FROM flight_legs GROUP BY flight_number ORDER BY AVG(dep_delay_min) DESC LIMIT 3",
      ordered=True),
    C(FL, 4, "Show me the 10 most delayed flights - flight number, date and delay - worst first.",
      "SELECT flight_number, date(scheduled_departure), dep_delay_min AS d FROM flight_legs "
      "ORDER BY d DESC LIMIT 10", ordered=True),
    C(FL, 4, "Bottom 3 origin airports by number of departures scheduled, fewest first",
      "SELECT origin, COUNT(*) AS n FROM flight_legs GROUP BY origin ORDER BY n ASC LIMIT 3", ordered=True),

    # ---- class 5: several columns, a series dimension, a scatter of aggregates
    C(FL, 5, "For each airline show the number of flights, total passengers and average departure delay.",
      "SELECT airline, COUNT(*), SUM(passengers), AVG(dep_delay_min) FROM flight_legs GROUP BY airline"),
    C(FL, 5, "Stacked bar chart of the number of flights per month, broken down by airline",
      "SELECT " + _M + " AS month, airline, COUNT(*) FROM flight_legs GROUP BY month, airline",
      chart="bar", series=True),
    C(FL, 5, "For each flight number, plot average passengers against average departure delay as a scatter.",
      "SELECT flight_number, AVG(passengers), AVG(dep_delay_min) FROM flight_legs GROUP BY flight_number",
      chart="scatter"),
    C(FL, 5, "Compare aircraft types on number of cancellations and average departure delay",
      "SELECT aircraft_type, SUM(cancelled = 'yes'), AVG(dep_delay_min) FROM flight_legs GROUP BY aircraft_type"),
    C(FL, 5, "line chart of monthly passengers with one line per airline",
      "SELECT " + _M + " AS month, airline, SUM(passengers) FROM flight_legs GROUP BY month, airline",
      chart="line", series=True),

    # ---- class 6: the analysis kind
    C(FL, 6, "Scatter plot of distance vs passengers for every Summit Airlines flight that operated",
      "SELECT distance_miles, passengers FROM flight_legs WHERE airline = 'Summit Airlines' AND cancelled = 'no'",
      chart="scatter"),
    C(FL, 6, "Box plot of departure delay by airline",
      "SELECT airline, MIN(dep_delay_min), median(dep_delay_min), MAX(dep_delay_min) FROM flight_legs "
      "GROUP BY airline", chart="box"),
    T(FL, 6, "Show me a histogram of departure delays", "distribution_plot", ["dep_delay_min"], chart="histogram"),
    C(FL, 6, "Histogram of departure delays using 30-minute bins",
      "SELECT dep_delay_min - ((dep_delay_min % 30) + 30) % 30 AS bin, COUNT(*) FROM flight_legs "
      "WHERE dep_delay_min IS NOT NULL GROUP BY bin", chart="histogram"),
    C(FL, 6, "Is there a correlation between route distance and departure delay? Give me the correlation coefficient.",
      "SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y)) / (sqrt(COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) "
      "* sqrt(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y))) FROM (SELECT distance_miles * 1.0 AS x, "
      "dep_delay_min * 1.0 AS y FROM flight_legs WHERE dep_delay_min IS NOT NULL)", tolerance=1e-4),
    T(FL, 6, "What does the distribution of passenger numbers per flight look like? Histogram please.",
      "distribution_plot", ["passengers"], chart="histogram"),

    # ---- class 7: derived measures
    C(FL, 7, "What is each airline's load factor - total passengers divided by total seats on operated flights - "
      "as a percentage?",
      "SELECT airline, SUM(passengers) * 100.0 / SUM(seats) FROM flight_legs WHERE cancelled = 'no' GROUP BY airline"),
    C(FL, 7, "cancellation rate by month",
      "SELECT " + _M + " AS month, AVG(cancelled = 'yes') FROM flight_legs GROUP BY month"),
    C(FL, 7, "Average departure delay by day of the week",
      "SELECT dayname(scheduled_departure) AS dow, AVG(dep_delay_min) FROM flight_legs GROUP BY dow"),
    C(FL, 7, "Show the running total of passengers month by month in 2024.",
      "SELECT month, SUM(p) OVER (ORDER BY month) AS running FROM (SELECT " + _M + " AS month, "
      "SUM(passengers) AS p FROM flight_legs GROUP BY month) ORDER BY month", ordered=True),
    C(FL, 7, "By what percent did total passengers change from January 2024 to June 2024?",
      "SELECT (SUM(CASE WHEN " + _M + " = '2024-06' THEN passengers END) - SUM(CASE WHEN " + _M + " = '2024-01' "
      "THEN passengers END)) * 100.0 / SUM(CASE WHEN " + _M + " = '2024-01' THEN passengers END) FROM flight_legs"),
    C(FL, 7, "Which scheduled departure hour of the day has the worst average delay?",
      "SELECT CAST(strftime('%H', scheduled_departure) AS INTEGER) AS hour FROM flight_legs GROUP BY hour "
      "ORDER BY AVG(dep_delay_min) DESC LIMIT 1"),

    # ---- class 8: words about the chart
    C(FL, 8, "Bar chart with the airlines on the x axis and total passengers on the y axis",
      "SELECT airline, SUM(passengers) FROM flight_legs GROUP BY airline", chart="bar"),
    C(FL, 8, "Visualize the number of cancelled flights for each airline as a pie chart",
      "SELECT airline, COUNT(*) FROM flight_legs WHERE cancelled = 'yes' GROUP BY airline", chart="pie"),
    C(FL, 8, "Line chart of the average departure delay by month, months along the x-axis",
      "SELECT " + _M + " AS month, AVG(dep_delay_min) FROM flight_legs GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(FL, 8, "Display one bar per aircraft type where the bar height is the number of scheduled flights",
      "SELECT aircraft_type, COUNT(*) FROM flight_legs GROUP BY aircraft_type", chart="bar"),
    C(FL, 8, "Plot the total miles flown each month as a line - month on the x axis, miles on the y axis",
      "SELECT " + _M + " AS month, SUM(distance_miles) FROM flight_legs WHERE cancelled = 'no' GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),

    # ---- class 9: the shape of the answer
    C(FL, 9, "Which airline carried the most passengers? Just the name.",
      "SELECT airline FROM flight_legs GROUP BY airline ORDER BY SUM(passengers) DESC LIMIT 1"),
    C(FL, 9, "What was the longest departure delay, in minutes?",
      "SELECT MAX(dep_delay_min) FROM flight_legs"),
    C(FL, 9, "Just give me the count of flights scheduled from SEA to LAX.",
      "SELECT COUNT(*) FROM flight_legs WHERE origin = 'SEA' AND destination = 'LAX'"),
    C(FL, 9, "Which month had the most cancellations?",
      "SELECT " + _M + " AS month FROM flight_legs WHERE cancelled = 'yes' GROUP BY month "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    C(FL, 9, "Which origin airport has the highest average departure delay, and what is that average?",
      "SELECT origin, AVG(dep_delay_min) AS d FROM flight_legs GROUP BY origin ORDER BY d DESC LIMIT 1"),

    # ---- basic business questions
    C(FL, "basic", "What's our overall cancellation rate?",
      "SELECT AVG(cancelled = 'yes') FROM flight_legs"),
    C(FL, "basic", "Total passengers by airline",
      "SELECT airline, SUM(passengers) FROM flight_legs GROUP BY airline"),
    C(FL, "basic", "What is the average departure delay of flight NW214?",
      "SELECT AVG(dep_delay_min) FROM flight_legs WHERE flight_number = 'NW214'"),
    C(FL, "basic", "Which routes does Summit Airlines fly? Origin and destination.",
      "SELECT DISTINCT origin, destination FROM flight_legs WHERE airline = 'Summit Airlines'"),
    C(FL, "basic", "Show me the Las Vegas to Los Angeles flights in March 2024 with their departure time and delay",
      "SELECT scheduled_departure, dep_delay_min FROM flight_legs WHERE origin = 'LAS' AND destination = 'LAX' "
      "AND " + _M + " = '2024-03'"),
]

_EM = "strftime('%Y-%m', start_time)"

EV_CASES = [
    # ---- class 1: the measure behind a count word
    C(EV, 1, "How many kWh were delivered at Pier 9 Hub in May 2024?",
      "SELECT SUM(energy_kwh) FROM ev_charging_sessions WHERE station_name = 'Pier 9 Hub' AND " + _EM + " = '2024-05'"),
    C(EV, 1, "How many vehicles charged on the network in June?",
      "SELECT COUNT(DISTINCT vehicle_id) FROM ev_charging_sessions WHERE " + _EM + " = '2024-06'"),
    C(EV, 1, "how many charging sessions used a CHAdeMO plug",
      "SELECT COUNT(*) FROM ev_charging_sessions WHERE connector_type = 'CHAdeMO'"),
    C(EV, 1, "How many charging stations do we have in Seattle?",
      "SELECT COUNT(DISTINCT station_name) FROM ev_charging_sessions WHERE city = 'Seattle'"),
    C(EV, 1, "How much money did members pay us in total?",
      "SELECT SUM(price_paid) FROM ev_charging_sessions WHERE member = 'TRUE'"),

    # ---- class 2: "per X"
    C(EV, 2, "Average energy per session in each city",
      "SELECT city, AVG(energy_kwh) FROM ev_charging_sessions GROUP BY city"),
    C(EV, 2, "What's the average price paid per session? Just one number for the whole network.",
      "SELECT AVG(price_paid) FROM ev_charging_sessions"),
    C(EV, 2, "revenue per station",
      "SELECT station_name, SUM(price_paid) FROM ev_charging_sessions GROUP BY station_name"),
    C(EV, 2, "Overall, how many charging sessions do we see per vehicle on average? A single figure.",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT vehicle_id) FROM ev_charging_sessions"),
    C(EV, 2, "Total energy delivered per connector type",
      "SELECT connector_type, SUM(energy_kwh) FROM ev_charging_sessions GROUP BY connector_type"),

    # ---- class 3: filters (units, negation, OR, text, HAVING, comparison to an aggregate)
    C(EV, 3, "How many completed sessions lasted more than 2 hours?",
      "SELECT COUNT(*) FROM ev_charging_sessions WHERE end_time IS NOT NULL AND " + _MIN + " > 120"),
    C(EV, 3, "How many sessions by non-members were paid with a credit or debit card?",
      "SELECT COUNT(*) FROM ev_charging_sessions WHERE member = 'FALSE' "
      "AND payment_method IN ('Credit card', 'Debit card')"),
    C(EV, 3, "What was the total revenue at Lakeview Plaza itself, not counting the Lakeview Plaza Garage?",
      "SELECT SUM(price_paid) FROM ev_charging_sessions WHERE station_name = 'Lakeview Plaza'"),
    C(EV, 3, "Total revenue across all the Riverfront stations",
      "SELECT SUM(price_paid) FROM ev_charging_sessions WHERE station_name LIKE 'Riverfront%'"),
    C(EV, 3, "Which stations have an average energy per session above the network-wide average?",
      "SELECT station_name FROM ev_charging_sessions GROUP BY station_name "
      "HAVING AVG(energy_kwh) > (SELECT AVG(energy_kwh) FROM ev_charging_sessions)"),
    C(EV, 3, "How many sessions did not use a CCS connector?",
      "SELECT COUNT(*) FROM ev_charging_sessions WHERE connector_type <> 'CCS'"),

    # ---- class 4: order and shape
    C(EV, 4, "Top 5 vehicles by total kWh charged",
      "SELECT vehicle_id, SUM(energy_kwh) AS kwh FROM ev_charging_sessions GROUP BY vehicle_id "
      "ORDER BY kwh DESC LIMIT 5", ordered=True),
    C(EV, 4, "Rank the cities by revenue from highest to lowest",
      "SELECT city, SUM(price_paid) AS rev FROM ev_charging_sessions GROUP BY city ORDER BY rev DESC", ordered=True),
    C(EV, 4, "Which two stations had the fewest sessions?",
      "SELECT station_name FROM ev_charging_sessions GROUP BY station_name ORDER BY COUNT(*) ASC LIMIT 2",
      ordered=True),
    C(EV, 4, "List the payment methods by average price paid, descending",
      "SELECT payment_method, AVG(price_paid) AS p FROM ev_charging_sessions GROUP BY payment_method "
      "ORDER BY p DESC", ordered=True),
    C(EV, 4, "Show the 10 longest completed sessions - session id, station and duration in minutes - longest first.",
      "SELECT session_id, station_name, " + _MIN + " AS minutes FROM ev_charging_sessions "
      "WHERE end_time IS NOT NULL ORDER BY minutes DESC LIMIT 10", ordered=True, tolerance=1e-4),

    # ---- class 5: several columns, a series dimension, a scatter of aggregates
    C(EV, 5, "For each connector type, show the number of sessions, total kWh and average price paid.",
      "SELECT connector_type, COUNT(*), SUM(energy_kwh), AVG(price_paid) FROM ev_charging_sessions "
      "GROUP BY connector_type"),
    C(EV, 5, "Stacked bar: sessions per city, split into members and non-members",
      "SELECT city, member, COUNT(*) FROM ev_charging_sessions GROUP BY city, member", chart="bar", series=True),
    C(EV, 5, "Scatter of total energy against total revenue, one point per station",
      "SELECT station_name, SUM(energy_kwh), SUM(price_paid) FROM ev_charging_sessions GROUP BY station_name",
      chart="scatter"),
    C(EV, 5, "Monthly revenue for members vs non-members, side by side in a bar chart",
      "SELECT " + _EM + " AS month, member, SUM(price_paid) FROM ev_charging_sessions GROUP BY month, member",
      chart="bar", series=True),
    C(EV, 5, "For completed sessions, compare average energy and average duration in minutes across connector types",
      "SELECT connector_type, AVG(energy_kwh), AVG(" + _MIN + ") FROM ev_charging_sessions "
      "WHERE end_time IS NOT NULL GROUP BY connector_type", tolerance=1e-4),

    # ---- class 6: the analysis kind
    C(EV, 6, "Scatter plot of energy delivered vs price paid for each completed session at Pearl Market",
      "SELECT energy_kwh, price_paid FROM ev_charging_sessions WHERE station_name = 'Pearl Market' "
      "AND end_time IS NOT NULL", chart="scatter"),
    C(EV, 6, "Box plot of price paid by connector type",
      "SELECT connector_type, MIN(price_paid), median(price_paid), MAX(price_paid) FROM ev_charging_sessions "
      "GROUP BY connector_type", chart="box"),
    T(EV, 6, "Histogram of energy per session", "distribution_plot", ["energy_kwh"], chart="histogram"),
    C(EV, 6, "Show a histogram of session energy with 10 kWh bins",
      "SELECT CAST(energy_kwh / 10 AS INTEGER) * 10 AS bin, COUNT(*) FROM ev_charging_sessions GROUP BY bin",
      chart="histogram"),
    C(EV, 6, "How strongly is energy delivered correlated with price paid? I want the correlation coefficient.",
      "SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y)) / (sqrt(COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) "
      "* sqrt(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y))) FROM (SELECT energy_kwh AS x, price_paid AS y "
      "FROM ev_charging_sessions WHERE price_paid IS NOT NULL)", tolerance=1e-4),
    C(EV, 6, "box plot of kWh per session for each city",
      "SELECT city, MIN(energy_kwh), median(energy_kwh), MAX(energy_kwh) FROM ev_charging_sessions GROUP BY city",
      chart="box"),

    # ---- class 7: derived measures
    C(EV, 7, "Average charging time in minutes by connector type",
      "SELECT connector_type, AVG(" + _MIN + ") FROM ev_charging_sessions WHERE end_time IS NOT NULL "
      "GROUP BY connector_type", tolerance=1e-4),
    C(EV, 7, "What do members and non-members effectively pay per kWh? Total paid divided by total kWh, "
      "completed sessions only.",
      "SELECT member, SUM(price_paid) / SUM(energy_kwh) FROM ev_charging_sessions WHERE end_time IS NOT NULL "
      "GROUP BY member"),
    C(EV, 7, "Number of charging sessions by day of the week",
      "SELECT dayname(start_time) AS dow, COUNT(*) FROM ev_charging_sessions GROUP BY dow"),
    C(EV, 7, "At what hours do people start charging? Count sessions by hour of day.",
      "SELECT CAST(strftime('%H', start_time) AS INTEGER) AS hour, COUNT(*) FROM ev_charging_sessions GROUP BY hour"),
    C(EV, 7, "What's the percent change in revenue from April 2024 to June 2024?",
      "SELECT (SUM(CASE WHEN " + _EM + " = '2024-06' THEN price_paid END) - SUM(CASE WHEN " + _EM + " = '2024-04' "
      "THEN price_paid END)) * 100.0 / SUM(CASE WHEN " + _EM + " = '2024-04' THEN price_paid END) "
      "FROM ev_charging_sessions"),
    C(EV, 7, "Cumulative energy delivered, month by month",
      "SELECT month, SUM(e) OVER (ORDER BY month) AS cum FROM (SELECT " + _EM + " AS month, SUM(energy_kwh) AS e "
      "FROM ev_charging_sessions GROUP BY month) ORDER BY month", ordered=True),

    # ---- class 8: words about the chart
    C(EV, 8, "Bar chart of revenue by city, with the cities on the x-axis",
      "SELECT city, SUM(price_paid) FROM ev_charging_sessions GROUP BY city", chart="bar"),
    C(EV, 8, "pie chart of sessions by payment method",
      "SELECT payment_method, COUNT(*) FROM ev_charging_sessions GROUP BY payment_method", chart="pie"),
    C(EV, 8, "Plot the number of sessions per day in June 2024 as a line chart",
      "SELECT date(start_time) AS day, COUNT(*) FROM ev_charging_sessions WHERE " + _EM + " = '2024-06' "
      "GROUP BY day ORDER BY day", ordered=True, chart="line"),
    C(EV, 8, "Horizontal bar chart showing total kWh for each station",
      "SELECT station_name, SUM(energy_kwh) FROM ev_charging_sessions GROUP BY station_name", chart="bar"),
    C(EV, 8, "Graph the average energy per session by connector type - connector type along the x axis, "
      "kWh on the y axis",
      "SELECT connector_type, AVG(energy_kwh) FROM ev_charging_sessions GROUP BY connector_type"),

    # ---- class 9: the shape of the answer
    C(EV, 9, "Which station earned the most money? Only the station name please.",
      "SELECT station_name FROM ev_charging_sessions GROUP BY station_name ORDER BY SUM(price_paid) DESC LIMIT 1"),
    C(EV, 9, "What was the biggest single charging session in kWh?",
      "SELECT MAX(energy_kwh) FROM ev_charging_sessions"),
    C(EV, 9, "Are any sessions still charging? Give me their session ids.",
      "SELECT session_id FROM ev_charging_sessions WHERE end_time IS NULL"),
    C(EV, 9, "Which vehicle has charged at the most different stations?",
      "SELECT vehicle_id FROM ev_charging_sessions GROUP BY vehicle_id ORDER BY COUNT(DISTINCT station_name) DESC "
      "LIMIT 1"),
    C(EV, 9, "Just one number: total revenue in Q2 2024.",
      "SELECT SUM(price_paid) FROM ev_charging_sessions WHERE quarter(start_time) = '2024-Q2'"),

    # ---- basic business questions
    C(EV, "basic", "Revenue by month",
      "SELECT " + _EM + " AS month, SUM(price_paid) FROM ev_charging_sessions GROUP BY month"),
    C(EV, "basic", "Number of sessions at each station",
      "SELECT station_name, COUNT(*) FROM ev_charging_sessions GROUP BY station_name"),
    C(EV, "basic", "What's the average kWh for NACS sessions?",
      "SELECT AVG(energy_kwh) FROM ev_charging_sessions WHERE connector_type = 'NACS'"),
    C(EV, "basic", "Show the session id, start time and kWh for every session of vehicle EV-3884 in June",
      "SELECT session_id, start_time, energy_kwh FROM ev_charging_sessions WHERE vehicle_id = 'EV-3884' "
      "AND " + _EM + " = '2024-06'"),
    C(EV, "basic", "Which payment methods do non-members use?",
      "SELECT DISTINCT payment_method FROM ev_charging_sessions WHERE member = 'FALSE'"),
]

CASES = FLIGHT_CASES + EV_CASES

FLAGGED = [
    F(FL, "Why were Northstar's flights so late in February?",
      "a cause: the table records delays, not their reasons"),
    F(FL, "How many flights will we cancel next month?", "a forecast beyond the data"),
    F(FL, "What's the average ticket price on NW214?", "no fare or revenue column"),
    F(FL, "Which airline is the worst?", "names no measure: delay, cancellations, load factor all fit"),
    F(EV, "What's the average energy per vehicle?",
      "two readings: one network-wide figure (total kWh / vehicles) or a list by vehicle"),
    F(EV, "How much revenue will the network make in July?", "a forecast beyond the data (Apr-Jun 2024)"),
    F(EV, "What was the battery charge level when each session ended?", "no state-of-charge column"),
    F(EV, "Which stations are busy?", "a vague word with no threshold"),
]
