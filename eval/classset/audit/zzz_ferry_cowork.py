"""Audit module: a coastal ferry operator's sailings and a co-working space's bookings.

Table `ferry_sailings` (391 rows): one row per sailing leg of a small coastal ferry operator, calendar 2024.
A "sailing" is one leg, i.e. one row. A "voyage" is one vessel's trip under one `voyage_id`: either a single
leg or two legs (e.g. Port Ash -> North Bay, then North Bay -> Skerry Point), so `voyage_id` repeats on
two-leg voyages. When a voyage is cancelled, all its legs are cancelled. Amounts are in GBP. Reports date a
sailing by its scheduled departure.
  voyage_id            TEXT     voyage reference, 'V-1001' ...; repeats across the legs of one voyage
  leg_no               INTEGER  1 or 2, the leg's position within its voyage
  route                TEXT     'departure port - arrival port', e.g. 'Port Ash - North Bay'; six routes.
                                Ports share prefixes: 'Port Ash' and 'Port Ashby' are different harbours,
                                'North Bay' and 'Northholm' too
  departure_port       TEXT     port the leg leaves from (Port Ash, Port Ashby, North Bay, Northholm, Skerry Point)
  arrival_port         TEXT     port the leg arrives at
  vessel               TEXT     ship: 'MV Island Star', 'MV Island Spirit', 'MV Islander', 'MV Sea Spirit'
  scheduled_departure  TEXT     timetabled departure, 'YYYY-MM-DD HH:MM' (local time); never blank
  actual_departure     TEXT     when the ship actually left, 'YYYY-MM-DD HH:MM'; blank for cancelled legs;
                                can be a few minutes before the scheduled time (early departure)
  actual_arrival       TEXT     when the ship actually arrived, 'YYYY-MM-DD HH:MM'; blank for cancelled legs
  distance_nm          REAL     length of the route in nautical miles (9, 14 or 22.5)
  passengers           INTEGER  passengers carried on the leg; 0 for cancelled legs
  passenger_capacity   INTEGER  the vessel's licensed passenger capacity (120 to 350)
  vehicles_booked      INTEGER  vehicles with a reservation on the leg
  vehicles_carried     INTEGER  vehicles that actually sailed (booked no-shows drop out, a few standby vehicles
                                are added); 0 for cancelled legs
  fare_revenue         REAL     gross passenger and vehicle fare income of the leg, GBP; 0 for cancelled legs
  refund_amount        REAL     refunds paid out for the leg, GBP, stored as a NEGATIVE amount (0 when none);
                                cancelled legs refund everything booked, long delays get partial refunds.
                                Net fare revenue = fare_revenue + refund_amount
  cancelled            TEXT     'yes' if the leg did not sail, else 'no'
  weather_delay_min    INTEGER  minutes of delay the bridge logged as caused by weather (0 when none); blank when
                                the log entry is missing
  fuel_used_l          REAL     fuel burned on the leg in litres; blank for cancelled legs and when the meter
                                reading is missing

Table `desk_bookings` (400 rows): one row per booking line of a co-working space, January to September 2024.
A booking (`booking_id`) is made by one member at one moment for one day and can hold several lines (a desk,
a meeting room, a phone booth); `booking_id`, member and dates repeat on every line of the booking. Some
bookings carry an extra credit line: a goodwill credit or adjustment with a NEGATIVE `line_total_eur` that
names the space it compensates but has blank hours, rate and discount. Amounts are in EUR. Revenue is the sum of
`line_total_eur` (credit lines included) unless said otherwise. Reports date a booking and its revenue by
`booked_for`, the day the space is used, unless the day the booking was made is asked for.
  booking_id       TEXT     booking reference, 'B-5001' ...; repeats across the lines of the booking
  line_no          INTEGER  line number within the booking, 1..4
  member_id        TEXT     member reference, 'M-001' ...; a member makes many bookings
  member_name      TEXT     member's full name (unique per member)
  company          TEXT     the member's company; blank for freelancers and private members. Company names
                            share prefixes: 'Northwind Labs' / 'Northwind Legal', 'Bright Pixel' / 'Brightside Media'
  plan             TEXT     membership plan: 'Flex', 'Flex Plus' (10% discount), 'Resident' (20% discount),
                            'Day Pass'
  booked_at        TEXT     when the booking was made, 'YYYY-MM-DD HH:MM'
  booked_for       TEXT     the day the space is booked for, 'YYYY-MM-DD' (a few are Saturdays or Sundays)
  start_hour       INTEGER  hour of day the booking starts, 8..16
  space_type       TEXT     'hot desk', 'dedicated desk', 'meeting room' or 'phone booth'
  space_name       TEXT     the space: 'Hot Desk Zone A/B', 'Dedicated Desk 3/7/12', 'Harbour Room',
                            'Harbour Room Annex', 'Lighthouse Room', 'Lighthouse Pod', 'Booth 1', 'Booth 2',
                            'Booth 10' (names share prefixes: 'Booth 1' is not 'Booth 10')
  hours_booked     REAL     hours reserved on the line (in half hours); blank on credit lines
  hours_used       REAL     hours actually used per the door badge log (quarter hours); 0 for no-shows, blank
                            when the badge log is missing and on credit lines; can exceed hours_booked (overstay,
                            not billed)
  hourly_rate_eur  REAL     list price per hour of the space, EUR; blank on credit lines
  discount_pct     INTEGER  discount applied to the line in percent (0, 10, 15 promo, 20); blank on credit lines
  line_total_eur   REAL     amount billed for the line, EUR = hours_booked * hourly_rate_eur * (1 - discount_pct/100);
                            negative on credit lines. No-shows are still billed
  no_show          TEXT     'yes' if the member did not turn up for the booking (same on every line), else 'no'
  catering_eur     REAL     catering ordered with a meeting room, EUR, billed separately; blank when none
"""
import random
from datetime import date, datetime, timedelta

from classset.case import C, F, T

# ---------------------------------------------------------------- ferry_sailings

_ROUTES = {
    ("Port Ash", "North Bay"): (14.0, 70, 8.50, 32.00),
    ("North Bay", "Port Ash"): (14.0, 70, 8.50, 32.00),
    ("Port Ashby", "Northholm"): (22.5, 105, 12.00, 45.00),
    ("Northholm", "Port Ashby"): (22.5, 105, 12.00, 45.00),
    ("North Bay", "Skerry Point"): (9.0, 45, 5.00, 20.00),
    ("Skerry Point", "North Bay"): (9.0, 45, 5.00, 20.00),
}
_PATTERNS = [
    [("Port Ash", "North Bay"), ("North Bay", "Skerry Point")],
    [("Skerry Point", "North Bay"), ("North Bay", "Port Ash")],
    [("Port Ashby", "Northholm")],
    [("Northholm", "Port Ashby")],
    [("Port Ash", "North Bay")],
    [("North Bay", "Port Ash")],
]
# name: (passenger capacity, vehicle capacity, litres per nautical mile)
_VESSELS = {
    "MV Island Star": (350, 60, 41.0),
    "MV Island Spirit": (300, 45, 36.0),
    "MV Islander": (180, 24, 27.0),
    "MV Sea Spirit": (120, 12, 19.0),
}
_SEASON = {1: 0.35, 2: 0.38, 3: 0.48, 4: 0.6, 5: 0.7, 6: 0.85, 7: 0.97, 8: 1.0, 9: 0.75, 10: 0.55, 11: 0.4, 12: 0.45}
_STORM = {1: 0.30, 2: 0.28, 3: 0.18, 4: 0.10, 5: 0.06, 6: 0.04, 7: 0.03, 8: 0.05, 9: 0.10, 10: 0.18, 11: 0.28, 12: 0.32}


def _ts(d):
    return d.strftime("%Y-%m-%d %H:%M")


def gen_ferry_sailings():
    rnd = random.Random(71123)
    cols = [("voyage_id", "TEXT"), ("leg_no", "INTEGER"), ("route", "TEXT"), ("departure_port", "TEXT"),
            ("arrival_port", "TEXT"), ("vessel", "TEXT"), ("scheduled_departure", "TEXT"),
            ("actual_departure", "TEXT"), ("actual_arrival", "TEXT"), ("distance_nm", "REAL"),
            ("passengers", "INTEGER"), ("passenger_capacity", "INTEGER"), ("vehicles_booked", "INTEGER"),
            ("vehicles_carried", "INTEGER"), ("fare_revenue", "REAL"), ("refund_amount", "REAL"),
            ("cancelled", "TEXT"), ("weather_delay_min", "INTEGER"), ("fuel_used_l", "REAL")]
    rows = []
    start = date(2024, 1, 1)
    vid = 1000
    for day in range(366):
        d = start + timedelta(days=day)
        if rnd.random() < 0.40:
            continue
        n_voy = rnd.choice([1, 1, 1, 2])
        slots = rnd.sample(["06:40", "08:15", "10:05", "12:30", "14:50", "17:10", "19:25"], n_voy)
        for slot in sorted(slots):
            vid += 1
            pat = rnd.choice(_PATTERNS)
            vessel = rnd.choice(list(_VESSELS))
            if pat[0][0].startswith("Port Ashby") or pat[0][0] == "Northholm":
                vessel = rnd.choice(["MV Island Star", "MV Island Spirit", "MV Island Star"])
            cap, vcap, lpm = _VESSELS[vessel]
            m = d.month
            storm = rnd.random() < _STORM[m]
            cancelled = storm and rnd.random() < 0.45
            hh, mm = map(int, slot.split(":"))
            sched = datetime(d.year, d.month, d.day, hh, mm)
            carry = 0
            for leg_no, (a, b) in enumerate(pat, 1):
                dist, dur, pfare, vfare = _ROUTES[(a, b)]
                if leg_no > 1:
                    sched = sched + timedelta(minutes=_ROUTES[pat[leg_no - 2]][1] + 25)
                load = _SEASON[m] * rnd.uniform(0.45, 1.05)
                pax_demand = min(cap, int(cap * load * rnd.uniform(0.6, 1.0)) + rnd.randint(0, 12))
                vbooked = min(vcap, max(0, int(vcap * load * rnd.uniform(0.5, 1.1))))
                if rnd.random() < 0.04:
                    wdelay = None
                elif storm:
                    wdelay = rnd.choice([15, 20, 25, 30, 40, 45, 60, 75, 90, 120])
                elif rnd.random() < 0.06:
                    wdelay = rnd.choice([5, 10, 15])
                else:
                    wdelay = 0
                if cancelled:
                    pax, vcar = 0, 0
                    adep = aarr = None
                    fuel = None
                    revenue = 0.0
                    refund = -round(pax_demand * pfare * rnd.uniform(0.5, 0.8) + vbooked * vfare, 2)
                else:
                    pax = pax_demand
                    vcar = max(0, vbooked - rnd.choice([0, 0, 0, 1, 1, 2, 3]))
                    if rnd.random() < 0.08 and vcar < vcap:
                        vcar += rnd.randint(1, 2)  # standby vehicles
                    vcar = min(vcar, vcap)
                    delay = rnd.choice([-4, -3, -2, -1, 0, 0, 0, 1, 2, 3, 5, 7, 9, 12, 15, 22]) + (wdelay or 0) + carry
                    carry = max(0, delay - 10) // 2
                    adep_dt = sched + timedelta(minutes=delay)
                    extra = rnd.randint(-6, 12) + ((wdelay or 0) // 4)
                    aarr_dt = adep_dt + timedelta(minutes=dur + extra)
                    adep, aarr = _ts(adep_dt), _ts(aarr_dt)
                    fuel = round(dist * lpm * rnd.uniform(0.9, 1.12) * (1.15 if storm else 1.0), 1)
                    if rnd.random() < 0.03:
                        fuel = None
                    revenue = round(pax * pfare * rnd.uniform(0.78, 0.98) + vcar * vfare, 2)
                    if delay >= 60:
                        refund = -round(revenue * rnd.choice([0.1, 0.15, 0.2, 0.25]), 2)
                    elif rnd.random() < 0.07:
                        refund = -round(rnd.randint(1, 4) * pfare, 2)
                    else:
                        refund = 0.0
                rows.append(("V-%d" % vid, leg_no, "%s - %s" % (a, b), a, b, vessel, _ts(sched), adep, aarr,
                             dist, pax, cap, vbooked, vcar, revenue, refund, "yes" if cancelled else "no",
                             wdelay, fuel))
    return cols, rows


# ---------------------------------------------------------------- desk_bookings

_FIRST = ["Ana", "Ben", "Chloe", "Dev", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maya",
          "Nils", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tessa", "Umar", "Vera", "Wim", "Xena", "Yusuf", "Zoe"]
_LAST = ["Berg", "Costa", "Dijk", "Evans", "Fischer", "Garcia", "Haas", "Ito", "Jansen", "Kovacs", "Lind", "Moreau",
         "Novak", "Okafor", "Petrov", "Rossi", "Sato", "Toth", "Visser", "Weber"]
_COMPANIES = ["Northwind Labs", "Northwind Legal", "Bright Pixel", "Brightside Media", "Kettle & Co", "Lumen Studio",
              None, None, None]
_PLANS = {"Flex": 0, "Flex Plus": 10, "Resident": 20, "Day Pass": 0}
# name: (space type, hourly rate EUR)
_SPACES = {
    "Hot Desk Zone A": ("hot desk", 6.00),
    "Hot Desk Zone B": ("hot desk", 6.00),
    "Dedicated Desk 3": ("dedicated desk", 9.50),
    "Dedicated Desk 7": ("dedicated desk", 9.50),
    "Dedicated Desk 12": ("dedicated desk", 9.50),
    "Harbour Room": ("meeting room", 28.00),
    "Harbour Room Annex": ("meeting room", 18.00),
    "Lighthouse Room": ("meeting room", 35.00),
    "Lighthouse Pod": ("meeting room", 15.00),
    "Booth 1": ("phone booth", 4.00),
    "Booth 10": ("phone booth", 4.50),
    "Booth 2": ("phone booth", 4.00),
}


def gen_desk_bookings():
    rnd = random.Random(50417)
    cols = [("booking_id", "TEXT"), ("line_no", "INTEGER"), ("member_id", "TEXT"), ("member_name", "TEXT"),
            ("company", "TEXT"), ("plan", "TEXT"), ("booked_at", "TEXT"), ("booked_for", "TEXT"),
            ("start_hour", "INTEGER"), ("space_type", "TEXT"), ("space_name", "TEXT"), ("hours_booked", "REAL"),
            ("hours_used", "REAL"), ("hourly_rate_eur", "REAL"), ("discount_pct", "INTEGER"),
            ("line_total_eur", "REAL"), ("no_show", "TEXT"), ("catering_eur", "REAL")]
    members = []
    used = set()
    for i in range(1, 43):
        while True:
            nm = "%s %s" % (rnd.choice(_FIRST), rnd.choice(_LAST))
            if nm not in used:
                used.add(nm)
                break
        comp = rnd.choice(_COMPANIES)
        plan = rnd.choice(["Flex", "Flex Plus", "Resident"]) if comp else rnd.choice(["Flex", "Day Pass", "Flex Plus", "Resident"])
        weight = rnd.choice([1, 1, 2, 3, 5, 8])
        members.append(("M-%03d" % i, nm, comp, plan, weight))
    weights = [m[4] for m in members]
    rows = []
    bid = 5000
    d0 = date(2024, 1, 8)
    desks = [s for s in _SPACES if _SPACES[s][0] in ("hot desk", "dedicated desk")]
    rooms = [s for s in _SPACES if _SPACES[s][0] == "meeting room"]
    booths = [s for s in _SPACES if _SPACES[s][0] == "phone booth"]
    while len(rows) < 400:
        bid += 1
        mid, nm, comp, plan, _w = rnd.choices(members, weights)[0]
        while True:
            bf = d0 + timedelta(days=rnd.randint(0, 265))
            if bf.weekday() < 5 or rnd.random() < 0.12:
                break
        lead = rnd.choice([0, 0, 1, 1, 2, 3, 5, 7, 10, 14, 21])
        bat = datetime(bf.year, bf.month, bf.day, 0, 0) - timedelta(days=lead)
        bat = bat + timedelta(hours=rnd.randint(7, 22), minutes=rnd.choice([0, 5, 12, 20, 33, 41, 48, 55]))
        start_hour = rnd.choice([8, 8, 9, 9, 9, 10, 10, 11, 13, 14, 15, 16])
        if lead == 0 and bat.hour > start_hour:
            bat = bat.replace(hour=max(6, start_hour - 1))
        n_lines = rnd.choice([1, 1, 1, 2, 2, 3])
        kinds = rnd.sample(["desk", "room", "booth"], n_lines) if n_lines > 1 else [rnd.choice(["desk", "desk", "room", "booth"])]
        no_show = rnd.random() < 0.08
        disc = _PLANS[plan]
        if disc == 0 and rnd.random() < 0.06:
            disc = 15  # promo code
        lines = []
        for k in kinds:
            if k == "desk":
                sp = rnd.choice(desks)
                hb = rnd.choice([2, 3, 4, 4, 5, 6, 8, 8, 9])
            elif k == "room":
                sp = rnd.choice(rooms)
                hb = rnd.choice([1, 1, 1.5, 2, 2, 3, 4])
            else:
                sp = rnd.choice(booths)
                hb = rnd.choice([0.5, 0.5, 1, 1, 1.5, 2])
            st, rate = _SPACES[sp]
            if no_show:
                hu = 0.0
            elif rnd.random() < 0.06:
                hu = None
            else:
                hu = round(min(hb + 1.5, max(0.25, hb * rnd.uniform(0.55, 1.15))) * 4) / 4
            total = round(hb * rate * (1 - disc / 100.0), 2)
            cat = None
            if st == "meeting room" and rnd.random() < 0.35:
                cat = round(rnd.choice([12, 18, 24, 36, 48, 60, 75]) * rnd.uniform(0.9, 1.1), 2)
            lines.append([st, sp, float(hb), hu, rate, disc, total, "yes" if no_show else "no", cat])
        # goodwill credits / adjustments as negative lines
        if rnd.random() < 0.07:
            base = lines[0]
            credit = -round(base[6] * rnd.choice([0.25, 0.5, 1.0]), 2)
            lines.append([base[0], base[1], None, None, None, None, credit, "no", None])
        for i, ln in enumerate(lines, 1):
            rows.append(("B-%d" % bid, i, mid, nm, comp, plan, _ts(bat), bf.isoformat(), start_hour) + tuple(ln))
    return cols, rows


TABLES = {"ferry_sailings": gen_ferry_sailings, "desk_bookings": gen_desk_bookings}


# ---------------------------------------------------------------- cases

FS = "ferry_sailings"
DB = "desk_bookings"
MONTH = "substr(scheduled_departure, 1, 7)"
DELAY = "ROUND((julianday(actual_departure) - julianday(scheduled_departure)) * 1440)"
CROSSING = "ROUND((julianday(actual_arrival) - julianday(actual_departure)) * 1440)"
BMONTH = "substr(booked_for, 1, 7)"


def _corr(x, y, source):
    """Pearson correlation of x and y over `source` (a FROM ... WHERE ... clause), as one number."""
    return ("SELECT (COUNT(*) * SUM(x * y) - SUM(x) * SUM(y)) / "
            "(sqrt(COUNT(*) * SUM(x * x) - SUM(x) * SUM(x)) * sqrt(COUNT(*) * SUM(y * y) - SUM(y) * SUM(y))) "
            "AS correlation FROM (SELECT %s * 1.0 AS x, %s * 1.0 AS y %s)" % (x, y, source))


CASES = [
    # ======================================================== ferry_sailings
    # ---- 1: the measure behind a count word
    C(FS, 1, "How many passengers did we carry in total in 2024?",
      "SELECT SUM(passengers) AS passengers FROM ferry_sailings"),
    C(FS, 1, "how many voyages got cancelled this year",
      "SELECT COUNT(DISTINCT voyage_id) AS cancelled_voyages FROM ferry_sailings WHERE cancelled = 'yes'"),
    C(FS, 1, "How many vehicles actually went across on the Port Ashby - Northholm route?",
      "SELECT SUM(vehicles_carried) AS vehicles FROM ferry_sailings WHERE route = 'Port Ashby - Northholm'"),
    C(FS, 1, "Number of voyages scheduled for the MV Islander?",
      "SELECT COUNT(DISTINCT voyage_id) AS voyages FROM ferry_sailings WHERE vessel = 'MV Islander'"),
    C(FS, 1, "how many cars were booked onto sailings in august",
      "SELECT SUM(vehicles_booked) AS vehicles_booked FROM ferry_sailings WHERE %s = '2024-08'" % MONTH),
    C(FS, 1, "How many litres of fuel did the Sea Spirit get through over the year?",
      "SELECT SUM(fuel_used_l) AS fuel_litres FROM ferry_sailings WHERE vessel = 'MV Sea Spirit'"),
    # ---- 2: "per X" vs group by
    C(FS, 2, "Total passengers per vessel",
      "SELECT vessel, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY vessel"),
    C(FS, 2, "What's the average number of passengers per sailing, counting only the sailings that actually ran?",
      "SELECT AVG(passengers) AS avg_passengers FROM ferry_sailings WHERE cancelled = 'no'"),
    C(FS, 2, "fuel burn per nautical mile for each vessel",
      """SELECT vessel, SUM(fuel_used_l) / SUM(distance_nm) AS litres_per_nm FROM ferry_sailings
         WHERE fuel_used_l IS NOT NULL GROUP BY vessel"""),
    C(FS, 2, "I need the average fare revenue per voyage, leaving out cancelled voyages.",
      """SELECT AVG(rev) AS avg_fare_revenue_per_voyage FROM
         (SELECT voyage_id, SUM(fare_revenue) AS rev FROM ferry_sailings WHERE cancelled = 'no' GROUP BY voyage_id)"""),
    C(FS, 2, "sailings per month",
      "SELECT %s AS month, COUNT(*) AS sailings FROM ferry_sailings GROUP BY month" % MONTH),
    C(FS, 2, "Refunds per route for the year?",
      "SELECT route, SUM(refund_amount) AS refunds FROM ferry_sailings GROUP BY route"),
    # ---- 3: filters
    C(FS, 3, "How many sailings had a refund paid out on them?",
      "SELECT COUNT(*) AS sailings FROM ferry_sailings WHERE refund_amount < 0"),
    C(FS, 3, "How many sailings were held up by weather for more than an hour?",
      "SELECT COUNT(*) AS sailings FROM ferry_sailings WHERE weather_delay_min > 60"),
    C(FS, 3, "Total passengers on the routes that don't touch North Bay at all",
      """SELECT SUM(passengers) AS passengers FROM ferry_sailings
         WHERE departure_port <> 'North Bay' AND arrival_port <> 'North Bay'"""),
    C(FS, 3, "How many sailings were timetabled out of Port Ash?",
      "SELECT COUNT(*) AS sailings FROM ferry_sailings WHERE departure_port = 'Port Ash'"),
    C(FS, 3, "passengers carried by the boats with Spirit in the name",
      "SELECT SUM(passengers) AS passengers FROM ferry_sailings WHERE vessel LIKE '%Spirit%'"),
    C(FS, 3, "count the sailings leaving from Northholm or Skerry Point",
      "SELECT COUNT(*) AS sailings FROM ferry_sailings WHERE departure_port IN ('Northholm', 'Skerry Point')"),
    C(FS, 3, "Which routes carried more than 6,000 passengers?",
      "SELECT route, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY route HAVING SUM(passengers) > 6000"),
    C(FS, 3, "Which months had more passengers than the monthly average?",
      """SELECT month, pax AS passengers FROM
         (SELECT %s AS month, SUM(passengers) AS pax FROM ferry_sailings GROUP BY month)
         WHERE pax > (SELECT AVG(pax) FROM (SELECT SUM(passengers) AS pax FROM ferry_sailings GROUP BY %s))"""
      % (MONTH, MONTH)),
    C(FS, 3, "How many sailings burned more than a thousand litres of fuel?",
      "SELECT COUNT(*) AS sailings FROM ferry_sailings WHERE fuel_used_l > 1000"),
    # ---- 4: explicit order and shape
    C(FS, 4, "top 3 routes by passengers",
      "SELECT route, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY route ORDER BY passengers DESC LIMIT 3",
      ordered=True),
    C(FS, 4, "Show me the vessels by total fuel used, lowest first.",
      "SELECT vessel, SUM(fuel_used_l) AS fuel_litres FROM ferry_sailings GROUP BY vessel ORDER BY fuel_litres ASC",
      ordered=True),
    C(FS, 4, "What were our 5 busiest days for passengers?",
      """SELECT date(scheduled_departure) AS day, SUM(passengers) AS passengers FROM ferry_sailings
         GROUP BY day ORDER BY passengers DESC LIMIT 5""", ordered=True),
    C(FS, 4, "Which month had the fewest passengers?",
      "SELECT %s AS month, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY month ORDER BY passengers ASC LIMIT 1"
      % MONTH),
    C(FS, 4, "The two sailings with the longest departure delay, worst first",
      """SELECT voyage_id, leg_no, route, %s AS delay_min FROM ferry_sailings WHERE actual_departure IS NOT NULL
         ORDER BY delay_min DESC LIMIT 2""" % DELAY, ordered=True),
    C(FS, 4, "Rank the departure ports by fare revenue, highest to lowest",
      """SELECT departure_port, SUM(fare_revenue) AS fare_revenue FROM ferry_sailings GROUP BY departure_port
         ORDER BY fare_revenue DESC""", ordered=True),
    # ---- 5: several columns / a series dimension / a scatter of aggregates
    C(FS, 5, "Passengers and vehicles carried by route",
      "SELECT route, SUM(passengers) AS passengers, SUM(vehicles_carried) AS vehicles FROM ferry_sailings GROUP BY route"),
    C(FS, 5, "monthly passengers broken down by vessel, as stacked bars",
      "SELECT %s AS month, vessel, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY month, vessel" % MONTH,
      chart="bar", series=True),
    C(FS, 5, "Can you show fare revenue and refunds for each month side by side?",
      "SELECT %s AS month, SUM(fare_revenue) AS fare_revenue, SUM(refund_amount) AS refunds FROM ferry_sailings GROUP BY month"
      % MONTH),
    C(FS, 5, "For each route, plot average passengers against average fare revenue per sailing (sailings that ran) as a scatter",
      """SELECT route, AVG(passengers) AS avg_passengers, AVG(fare_revenue) AS avg_fare_revenue FROM ferry_sailings
         WHERE cancelled = 'no' GROUP BY route""", chart="scatter"),
    C(FS, 5, "vehicles booked vs vehicles carried for every vessel, grouped bars please",
      """SELECT vessel, SUM(vehicles_booked) AS vehicles_booked, SUM(vehicles_carried) AS vehicles_carried
         FROM ferry_sailings GROUP BY vessel""", chart="bar"),
    C(FS, 5, "passenger numbers by quarter, split out by route",
      """SELECT quarter(date(scheduled_departure)) AS quarter, route, SUM(passengers) AS passengers FROM ferry_sailings
         GROUP BY quarter, route""", series=True),
    # ---- 6: the analysis kind
    C(FS, 6, "Scatter plot of passengers against fare revenue for each Port Ashby - Northholm sailing that went ahead",
      """SELECT passengers, fare_revenue FROM ferry_sailings
         WHERE route = 'Port Ashby - Northholm' AND cancelled = 'no'""", chart="scatter"),
    C(FS, 6, "box plot of passengers per sailing by vessel, only sailings that actually sailed",
      """SELECT vessel, MIN(passengers) AS min_passengers, median(passengers) AS median_passengers,
         MAX(passengers) AS max_passengers FROM ferry_sailings WHERE cancelled = 'no' GROUP BY vessel""", chart="box"),
    C(FS, 6, "histogram of fuel used per sailing with 200 litre bins",
      """SELECT CAST(fuel_used_l / 200 AS INTEGER) * 200 AS bin, COUNT(*) AS sailings FROM ferry_sailings
         WHERE fuel_used_l IS NOT NULL GROUP BY bin""", chart="histogram"),
    C(FS, 6, "What's the correlation between passengers and fare revenue on sailings that ran?",
      _corr("passengers", "fare_revenue", "FROM ferry_sailings WHERE cancelled = 'no'"), tolerance=0.001),
    C(FS, 6, "is there any relationship between weather delay and fuel burned? give me the correlation coefficient",
      _corr("weather_delay_min", "fuel_used_l",
            "FROM ferry_sailings WHERE weather_delay_min IS NOT NULL AND fuel_used_l IS NOT NULL"), tolerance=0.001),
    C(FS, 6, "Show the spread of actual crossing times (minutes) for each route as a box plot",
      """SELECT route, MIN(%s) AS min_minutes, median(%s) AS median_minutes, MAX(%s) AS max_minutes
         FROM ferry_sailings WHERE actual_departure IS NOT NULL GROUP BY route""" % (CROSSING, CROSSING, CROSSING),
      chart="box"),
    T(FS, 6, "Show me the distribution of weather delay minutes", "distribution_plot", ["weather_delay_min"]),

    # ---- 7: derived measures
    C(FS, 7, "Load factor by vessel as a percentage (passengers over capacity), for sailings that ran",
      """SELECT vessel, SUM(passengers) * 100.0 / SUM(passenger_capacity) AS load_factor_pct FROM ferry_sailings
         WHERE cancelled = 'no' GROUP BY vessel"""),
    C(FS, 7, "average departure delay in minutes (actual vs scheduled) for each route",
      "SELECT route, AVG(%s) AS avg_delay_min FROM ferry_sailings WHERE actual_departure IS NOT NULL GROUP BY route"
      % DELAY, tolerance=0.01),
    C(FS, 7, "cumulative passengers month by month through 2024",
      """SELECT month, pax AS passengers, SUM(pax) OVER (ORDER BY month) AS cumulative_passengers FROM
         (SELECT %s AS month, SUM(passengers) AS pax FROM ferry_sailings GROUP BY month) ORDER BY month""" % MONTH,
      ordered=True),
    C(FS, 7, "What was the percent change in fare revenue from Q1 to Q2?",
      """SELECT (q2 - q1) * 100.0 / q1 AS pct_change FROM
         (SELECT SUM(CASE WHEN quarter(date(scheduled_departure)) = '2024-Q1' THEN fare_revenue END) AS q1,
                 SUM(CASE WHEN quarter(date(scheduled_departure)) = '2024-Q2' THEN fare_revenue END) AS q2
          FROM ferry_sailings)""", tolerance=0.01),
    C(FS, 7, "total passengers by day of the week",
      "SELECT dayname(scheduled_departure) AS weekday, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY weekday"),
    C(FS, 7, "Average departure delay by hour of the scheduled departure",
      """SELECT CAST(strftime('%%H', scheduled_departure) AS INTEGER) AS hour, AVG(%s) AS avg_delay_min
         FROM ferry_sailings WHERE actual_departure IS NOT NULL GROUP BY hour""" % DELAY, tolerance=0.01),
    C(FS, 7, "what % of booked vehicles didn't turn up, per route? only sailings that ran",
      """SELECT route, (SUM(vehicles_booked) - SUM(vehicles_carried)) * 100.0 / SUM(vehicles_booked) AS no_show_pct
         FROM ferry_sailings WHERE cancelled = 'no' GROUP BY route"""),
    C(FS, 7, "month over month % change in passengers",
      """SELECT month, (pax - prev) * 100.0 / prev AS pct_change FROM
         (SELECT month, pax, LAG(pax) OVER (ORDER BY month) AS prev FROM
            (SELECT %s AS month, SUM(passengers) AS pax FROM ferry_sailings GROUP BY month))
         WHERE prev IS NOT NULL""" % MONTH, tolerance=0.01),

    # ---- 8: words about the chart
    C(FS, 8, "Put route on the x axis and total passengers on the y axis",
      "SELECT route, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY route"),
    C(FS, 8, "bar chart of refunds by vessel",
      "SELECT vessel, SUM(refund_amount) AS refunds FROM ferry_sailings GROUP BY vessel", chart="bar"),
    C(FS, 8, "Display monthly fare revenue as a line chart",
      "SELECT %s AS month, SUM(fare_revenue) AS fare_revenue FROM ferry_sailings GROUP BY month" % MONTH, chart="line"),
    C(FS, 8, "pie of passengers by departure port",
      "SELECT departure_port, SUM(passengers) AS passengers FROM ferry_sailings GROUP BY departure_port", chart="pie"),
    C(FS, 8, "visualise total fuel used per vessel",
      "SELECT vessel, SUM(fuel_used_l) AS fuel_litres FROM ferry_sailings GROUP BY vessel"),
    C(FS, 8, "Histogram of passengers per sailing for the sailings that ran, bins of 50 please",
      """SELECT CAST(passengers / 50 AS INTEGER) * 50 AS bin, COUNT(*) AS sailings FROM ferry_sailings
         WHERE cancelled = 'no' GROUP BY bin""",
      chart="histogram"),
    C(FS, 8, "One bar per month showing how many sailings actually ran",
      "SELECT %s AS month, COUNT(*) AS sailings FROM ferry_sailings WHERE cancelled = 'no' GROUP BY month" % MONTH,
      chart="bar"),

    # ---- 9: the shape of the answer
    C(FS, 9, "Was any sailing cancelled in June? yes or no",
      """SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM ferry_sailings
         WHERE cancelled = 'yes' AND %s = '2024-06'""" % MONTH),
    C(FS, 9, "Just one number please: total fuel burned in litres",
      "SELECT SUM(fuel_used_l) AS fuel_litres FROM ferry_sailings"),
    C(FS, 9, "list our vessels",
      "SELECT DISTINCT vessel FROM ferry_sailings"),
    C(FS, 9, "Which vessel carried the most passengers? only the name",
      "SELECT vessel FROM ferry_sailings GROUP BY vessel ORDER BY SUM(passengers) DESC LIMIT 1"),
    C(FS, 9, "did the Sea Spirit ever do the Northholm crossing?",
      """SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM ferry_sailings
         WHERE vessel = 'MV Sea Spirit' AND (departure_port = 'Northholm' OR arrival_port = 'Northholm')"""),
    C(FS, 9, "Give me the list of dates that had at least one cancellation",
      "SELECT DISTINCT date(scheduled_departure) AS day FROM ferry_sailings WHERE cancelled = 'yes'"),

    # ---- basic business questions
    C(FS, "basic", "What was our net fare revenue for the year after refunds?",
      "SELECT SUM(fare_revenue + refund_amount) AS net_fare_revenue FROM ferry_sailings"),
    C(FS, "basic", "Which route brings in the most fare revenue?",
      "SELECT route, SUM(fare_revenue) AS fare_revenue FROM ferry_sailings GROUP BY route ORDER BY fare_revenue DESC LIMIT 1"),
    C(FS, "basic", "On-time performance: what percent of the sailings that ran left within 10 minutes of schedule?",
      """SELECT SUM(CASE WHEN %s <= 10 THEN 1 ELSE 0 END) * 100.0 / COUNT(*) AS on_time_pct FROM ferry_sailings
         WHERE cancelled = 'no'""" % DELAY),
    C(FS, "basic", "cancellation rate by month, in %",
      """SELECT %s AS month, SUM(CASE WHEN cancelled = 'yes' THEN 1 ELSE 0 END) * 100.0 / COUNT(*) AS cancellation_pct
         FROM ferry_sailings GROUP BY month""" % MONTH),
    C(FS, "basic", "how busy were the summer sailings? average passengers per sailing June to August, cancelled ones excluded",
      """SELECT AVG(passengers) AS avg_passengers FROM ferry_sailings
         WHERE cancelled = 'no' AND %s BETWEEN '2024-06' AND '2024-08'""" % MONTH),
    C(FS, "basic", "how much did we net from fares on the Port Ash - North Bay route once refunds are taken off?",
      "SELECT SUM(fare_revenue + refund_amount) AS net_fare_revenue FROM ferry_sailings WHERE route = 'Port Ash - North Bay'"),
    # ======================================================== desk_bookings
    # ---- 1: the measure behind a count word
    C(DB, 1, "How many bookings did Northwind Labs make?",
      "SELECT COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings WHERE company = 'Northwind Labs'"),
    C(DB, 1, "How many hours were booked in meeting rooms?",
      "SELECT SUM(hours_booked) AS hours FROM desk_bookings WHERE space_type = 'meeting room'"),
    C(DB, 1, "how many members booked something for March",
      "SELECT COUNT(DISTINCT member_id) AS members FROM desk_bookings WHERE %s = '2024-03'" % BMONTH),
    C(DB, 1, "How many no-shows have we had so far this year?",
      "SELECT COUNT(DISTINCT booking_id) AS no_show_bookings FROM desk_bookings WHERE no_show = 'yes'"),
    C(DB, 1, "How many hours did people actually spend in the Harbour Room?",
      "SELECT SUM(hours_used) AS hours_used FROM desk_bookings WHERE space_name = 'Harbour Room'"),
    C(DB, 1, "number of companies that have members here",
      "SELECT COUNT(DISTINCT company) AS companies FROM desk_bookings"),
    # ---- 2: "per X" vs group by
    C(DB, 2, "total billed per space type",
      "SELECT space_type, SUM(line_total_eur) AS billed_eur FROM desk_bookings GROUP BY space_type"),
    C(DB, 2, "What's an average booking worth to us?",
      """SELECT AVG(total) AS avg_booking_eur FROM
         (SELECT booking_id, SUM(line_total_eur) AS total FROM desk_bookings GROUP BY booking_id)"""),
    C(DB, 2, "On average how many lines are there on a booking?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT booking_id) AS lines_per_booking FROM desk_bookings"),
    C(DB, 2, "bookings per month",
      "SELECT %s AS month, COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings GROUP BY month" % BMONTH),
    C(DB, 2, "Hours used per company",
      """SELECT company, SUM(hours_used) AS hours_used FROM desk_bookings WHERE company IS NOT NULL
         GROUP BY company"""),
    C(DB, 2, "How much does each membership plan bring in?",
      "SELECT plan, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY plan"),
    # ---- 3: filters
    C(DB, 3, "What did we bill in total, not counting the credit notes (the negative lines)?",
      "SELECT SUM(line_total_eur) AS billed_eur FROM desk_bookings WHERE line_total_eur > 0"),
    C(DB, 3, "How many phone booth sessions were booked for longer than 90 minutes?",
      "SELECT COUNT(*) AS sessions FROM desk_bookings WHERE space_type = 'phone booth' AND hours_booked > 1.5"),
    C(DB, 3, "How much did everyone apart from the Northwind Labs people spend?",
      """SELECT SUM(line_total_eur) AS spend_eur FROM desk_bookings
         WHERE company IS NULL OR company <> 'Northwind Labs'"""),
    C(DB, 3, "hours booked in Booth 1",
      "SELECT SUM(hours_booked) AS hours FROM desk_bookings WHERE space_name = 'Booth 1'"),
    C(DB, 3, "total spend on all the Lighthouse spaces",
      "SELECT SUM(line_total_eur) AS spend_eur FROM desk_bookings WHERE space_name LIKE 'Lighthouse%'"),
    C(DB, 3, "Hours used in the Harbour Room or the Lighthouse Room?",
      "SELECT SUM(hours_used) AS hours_used FROM desk_bookings WHERE space_name IN ('Harbour Room', 'Lighthouse Room')"),
    C(DB, 3, "Which members have made more than 10 bookings?",
      """SELECT member_name, COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings GROUP BY member_id, member_name
         HAVING COUNT(DISTINCT booking_id) > 10"""),
    C(DB, 3, "members who spent more than the average member",
      """SELECT member_name, spend AS spend_eur FROM
         (SELECT member_name, SUM(line_total_eur) AS spend FROM desk_bookings GROUP BY member_id, member_name)
         WHERE spend > (SELECT AVG(s) FROM (SELECT SUM(line_total_eur) AS s FROM desk_bookings GROUP BY member_id))"""),
    C(DB, 3, "How much revenue came from the two Northwind companies?",
      "SELECT SUM(line_total_eur) AS revenue_eur FROM desk_bookings WHERE company LIKE 'Northwind%'"),

    # ---- 4: explicit order and shape
    C(DB, 4, "Top 5 members by total spend",
      """SELECT member_name, SUM(line_total_eur) AS spend_eur FROM desk_bookings GROUP BY member_id, member_name
         ORDER BY spend_eur DESC LIMIT 5""", ordered=True),
    C(DB, 4, "spaces ranked by hours used, least used first",
      "SELECT space_name, SUM(hours_used) AS hours_used FROM desk_bookings GROUP BY space_name ORDER BY hours_used ASC",
      ordered=True),
    C(DB, 4, "Which 3 companies booked the most hours?",
      """SELECT company, SUM(hours_booked) AS hours_booked FROM desk_bookings WHERE company IS NOT NULL
         GROUP BY company ORDER BY hours_booked DESC LIMIT 3""", ordered=True),
    C(DB, 4, "sort the months by revenue, best month first",
      "SELECT %s AS month, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY month ORDER BY revenue_eur DESC"
      % BMONTH, ordered=True),
    C(DB, 4, "the 2 spaces that made the least money",
      """SELECT space_name, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY space_name
         ORDER BY revenue_eur ASC LIMIT 2""", ordered=True),
    C(DB, 4, "Top 10 bookings by value",
      """SELECT booking_id, SUM(line_total_eur) AS value_eur FROM desk_bookings GROUP BY booking_id
         ORDER BY value_eur DESC LIMIT 10""", ordered=True),
    # ---- 5: several columns / a series dimension / a scatter of aggregates
    C(DB, 5, "hours booked vs hours used for each space type",
      """SELECT space_type, SUM(hours_booked) AS hours_booked, SUM(hours_used) AS hours_used FROM desk_bookings
         GROUP BY space_type"""),
    C(DB, 5, "monthly revenue by space type as stacked bars",
      "SELECT %s AS month, space_type, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY month, space_type"
      % BMONTH, chart="bar", series=True),
    C(DB, 5, "scatter: each member's number of bookings against their total spend",
      """SELECT member_name, COUNT(DISTINCT booking_id) AS bookings, SUM(line_total_eur) AS spend_eur
         FROM desk_bookings GROUP BY member_id, member_name""", chart="scatter"),
    C(DB, 5, "For each company show bookings, hours used and spend",
      """SELECT company, COUNT(DISTINCT booking_id) AS bookings, SUM(hours_used) AS hours_used,
         SUM(line_total_eur) AS spend_eur FROM desk_bookings WHERE company IS NOT NULL GROUP BY company"""),
    C(DB, 5, "hours booked by plan, broken down by space type",
      "SELECT plan, space_type, SUM(hours_booked) AS hours_booked FROM desk_bookings GROUP BY plan, space_type",
      series=True),
    C(DB, 5, "I'd like the average hours booked and average hours used for each space",
      """SELECT space_name, AVG(hours_booked) AS avg_hours_booked, AVG(hours_used) AS avg_hours_used
         FROM desk_bookings GROUP BY space_name"""),

    # ---- 6: the analysis kind
    C(DB, 6, "scatter of hours booked vs hours used for the meeting room lines",
      """SELECT hours_booked, hours_used FROM desk_bookings WHERE space_type = 'meeting room'
         AND hours_booked IS NOT NULL AND hours_used IS NOT NULL""", chart="scatter"),
    C(DB, 6, "box plot of line totals by space type, leave the credit notes out",
      """SELECT space_type, MIN(line_total_eur) AS min_eur, median(line_total_eur) AS median_eur,
         MAX(line_total_eur) AS max_eur FROM desk_bookings WHERE line_total_eur > 0 GROUP BY space_type""",
      chart="box"),
    C(DB, 6, "histogram of hours booked per line in 1-hour bins",
      """SELECT CAST(hours_booked AS INTEGER) AS bin, COUNT(*) AS lines FROM desk_bookings
         WHERE hours_booked IS NOT NULL GROUP BY bin""", chart="histogram"),
    C(DB, 6, "correlation between hours booked and hours used?",
      _corr("hours_booked", "hours_used",
            "FROM desk_bookings WHERE hours_booked IS NOT NULL AND hours_used IS NOT NULL"), tolerance=0.001),
    C(DB, 6, "box plot of how far ahead people book (days between booking and the day booked) for each plan",
      """SELECT plan, MIN(lead) AS min_days, median(lead) AS median_days, MAX(lead) AS max_days FROM
         (SELECT DISTINCT booking_id, plan, julianday(booked_for) - julianday(date(booked_at)) AS lead
          FROM desk_bookings) GROUP BY plan""", chart="box"),
    T(DB, 6, "Show the distribution of hourly rates as a histogram", "distribution_plot", ["hourly_rate_eur"],
      chart="histogram"),

    # ---- 7: derived measures
    C(DB, 7, "What's the average lead time in days between making a booking and the day it's for?",
      """SELECT AVG(lead) AS avg_lead_days FROM
         (SELECT DISTINCT booking_id, julianday(booked_for) - julianday(date(booked_at)) AS lead FROM desk_bookings)"""),
    C(DB, 7, "utilisation by space type as a percent: hours used over hours booked (lines where usage was logged)",
      """SELECT space_type, SUM(hours_used) * 100.0 / SUM(hours_booked) AS utilisation_pct FROM desk_bookings
         WHERE hours_used IS NOT NULL AND hours_booked IS NOT NULL GROUP BY space_type"""),
    C(DB, 7, "running total of revenue by month",
      """SELECT month, rev AS revenue_eur, SUM(rev) OVER (ORDER BY month) AS running_total_eur FROM
         (SELECT %s AS month, SUM(line_total_eur) AS rev FROM desk_bookings GROUP BY month) ORDER BY month""" % BMONTH,
      ordered=True),
    C(DB, 7, "percent change in revenue from March to April",
      """SELECT (apr - mar) * 100.0 / mar AS pct_change FROM
         (SELECT SUM(CASE WHEN %s = '2024-03' THEN line_total_eur END) AS mar,
                 SUM(CASE WHEN %s = '2024-04' THEN line_total_eur END) AS apr FROM desk_bookings)"""
      % (BMONTH, BMONTH), tolerance=0.01),
    C(DB, 7, "which weekday gets the most bookings?",
      """SELECT dayname(booked_for) AS weekday, COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings
         GROUP BY weekday ORDER BY bookings DESC LIMIT 1"""),
    C(DB, 7, "How much did discounts cost us in total, in euros?",
      """SELECT SUM(hours_booked * hourly_rate_eur - line_total_eur) AS discount_eur FROM desk_bookings
         WHERE hours_booked IS NOT NULL""", tolerance=0.01),
    C(DB, 7, "revenue by quarter",
      "SELECT quarter(booked_for) AS quarter, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY quarter"),

    # ---- 8: words about the chart
    C(DB, 8, "x axis: space name, y axis: hours used",
      "SELECT space_name, SUM(hours_used) AS hours_used FROM desk_bookings GROUP BY space_name"),
    C(DB, 8, "bar chart of spend per company",
      "SELECT company, SUM(line_total_eur) AS spend_eur FROM desk_bookings WHERE company IS NOT NULL GROUP BY company",
      chart="bar"),
    C(DB, 8, "can you do a line chart of bookings per month",
      "SELECT %s AS month, COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings GROUP BY month" % BMONTH,
      chart="line"),
    C(DB, 8, "pie chart of hours booked by space type",
      "SELECT space_type, SUM(hours_booked) AS hours_booked FROM desk_bookings GROUP BY space_type", chart="pie"),
    C(DB, 8, "histogram of line totals with 20 euro bins",
      """SELECT CAST(floor(line_total_eur / 20) AS INTEGER) * 20 AS bin, COUNT(*) AS lines FROM desk_bookings
         GROUP BY bin""", chart="histogram"),
    C(DB, 8, "display the number of bookings for each plan as bars",
      "SELECT plan, COUNT(DISTINCT booking_id) AS bookings FROM desk_bookings GROUP BY plan", chart="bar"),
    T(DB, 8, "histogram of hours used", "distribution_plot", ["hours_used"], chart="histogram"),

    # ---- 9: the shape of the answer
    C(DB, 9, "Has anyone ever booked the Lighthouse Room for a weekend day? yes/no",
      """SELECT CASE WHEN COUNT(*) > 0 THEN 'yes' ELSE 'no' END AS answer FROM desk_bookings
         WHERE space_name = 'Lighthouse Room' AND dayname(booked_for) IN ('Saturday', 'Sunday')"""),
    C(DB, 9, "just the number: how many different members have booked",
      "SELECT COUNT(DISTINCT member_id) AS members FROM desk_bookings"),
    C(DB, 9, "list the companies we have as clients",
      "SELECT DISTINCT company FROM desk_bookings WHERE company IS NOT NULL"),
    C(DB, 9, "Who's our heaviest user by hours actually used? name only",
      "SELECT member_name FROM desk_bookings GROUP BY member_id, member_name ORDER BY SUM(hours_used) DESC LIMIT 1"),
    C(DB, 9, "Which space has the highest hourly rate?",
      "SELECT space_name FROM desk_bookings GROUP BY space_name ORDER BY MAX(hourly_rate_eur) DESC LIMIT 1"),
    C(DB, 9, "Give me a list of the members on the Resident plan",
      "SELECT DISTINCT member_name FROM desk_bookings WHERE plan = 'Resident'"),
    C(DB, 9, "is our no-show rate above 10% of bookings? yes or no",
      """SELECT CASE WHEN COUNT(DISTINCT CASE WHEN no_show = 'yes' THEN booking_id END) * 100.0
         / COUNT(DISTINCT booking_id) > 10 THEN 'yes' ELSE 'no' END AS answer FROM desk_bookings"""),

    # ---- basic business questions
    C(DB, "basic", "total revenue, net of credits",
      "SELECT SUM(line_total_eur) AS revenue_eur FROM desk_bookings"),
    C(DB, "basic", "What's our no-show rate as a % of bookings?",
      """SELECT COUNT(DISTINCT CASE WHEN no_show = 'yes' THEN booking_id END) * 100.0 / COUNT(DISTINCT booking_id)
         AS no_show_pct FROM desk_bookings"""),
    C(DB, "basic", "revenue by month",
      "SELECT %s AS month, SUM(line_total_eur) AS revenue_eur FROM desk_bookings GROUP BY month" % BMONTH),
    C(DB, "basic", "Which type of space gets the most actual use?",
      "SELECT space_type, SUM(hours_used) AS hours_used FROM desk_bookings GROUP BY space_type ORDER BY hours_used DESC LIMIT 1"),
    C(DB, "basic", "When people do order catering, what's the average bill for it?",
      "SELECT AVG(catering_eur) AS avg_catering_eur FROM desk_bookings WHERE catering_eur IS NOT NULL"),
    C(DB, "basic", "What share of booked hours ends up unused? (only lines where usage was logged)",
      """SELECT (SUM(hours_booked) - SUM(hours_used)) / SUM(hours_booked) AS unused_share FROM desk_bookings
         WHERE hours_used IS NOT NULL AND hours_booked IS NOT NULL"""),
]

FLAGGED = [
    F(FS, "What will passenger numbers look like next summer?",
      "a forecast: the table only holds 2024 sailings"),
    F(FS, "Why were so many sailings cancelled in the winter?",
      "asks for a cause; the table records cancellations and weather delay minutes but not the reason for a cancellation"),
    F(FS, "What's the average fare a child pays on the Port Ash crossing?",
      "no column for passenger type or ticket price: fare_revenue is a total per sailing"),
    F(FS, "average fare revenue per vessel",
      "two readings: one overall figure (revenue per vessel, averaged) or a list of each vessel's average per sailing"),
    F(DB, "What's the average spend per company?",
      "two readings: one figure (company totals averaged) or a list of each company's average (per booking or line)"),
    F(DB, "How satisfied are members with the Harbour Room?",
      "no satisfaction or rating column"),
    F(DB, "How many bookings should we expect in December?",
      "a forecast: data ends in September 2024"),
    F(DB, "show me the desk bookings by member",
      "names no measure: count of bookings, hours or spend per member all fit"),
]
