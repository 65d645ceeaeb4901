"""Audit tables and questions (written blind): three marinas' berth bookings and a museum's ticket sales.

marina_berth_bookings (one row per berth booking, arrivals in 2024, extract taken at the end of 2024-12-31):
booking_ref (unique, MB-0001..), boat_name (repeats: a boat books again; each boat has one length and one home
country), boat_length_m (metres, one decimal), marina (Port Lumen, Port Aster, Cala Serena: two share the prefix
"Port"), pontoon (A-F; small boats mostly on A/B, large ones on E/F), arrival_date and departure_date (ISO dates;
departure_date is blank for boats still in at the end of the year), nights (booked nights, present for every
booking; departure = arrival + nights), nightly_rate (euros, by boat length, marina and season), total_fee
(nightly_rate x nights), fuel_litres (integer, blank when no fuel was bought), paid_online (yes/no), home_country
(Spain, France, Italy, Germany, United Kingdom, Netherlands).

museum_tickets (one row per ticket sold, visits in 2024): ticket_id (unique, T00001..), visit_date (ISO),
time_slot (entry hour '10:00'..'17:00'), ticket_type (Adult, Child, Student, Senior, Family, Member),
price_eur (what was paid for the whole ticket; 0 for members; temporary exhibitions cost more; partner sales get
10% off; group tickets cover the whole group), exhibition (Permanent Collection; Light of the North 2024-01-15..
2024-04-30; Light and Shadow 2024-03-01..2024-06-30; Bronze Age Gold 2024-06-01..2024-09-15; Modern Textiles
2024-09-01..2024-12-31: two share the prefix "Light"), channel (online, desk, partner), group_size (people on
the ticket: 1 for most, 3-5 for Family tickets, 8-25 for group tickets of Adult or Student type), audio_guide
(yes/no).
"""
import random
from datetime import date, timedelta

from ..case import C, T, F


def _money(x):
    return round(x + 1e-9, 2)


MARINAS = [("Port Lumen", 40, 1.00), ("Port Aster", 25, 1.30), ("Cala Serena", 35, 0.85)]
COUNTRIES = [("Spain", 30), ("France", 22), ("Italy", 14), ("Germany", 12), ("United Kingdom", 14),
             ("Netherlands", 8)]
ADJ = ["Blue", "Sea", "Wild", "Silver", "Golden", "Salty", "Northern", "Quiet", "Lucky", "Red", "Morning", "Evening"]
NOUN = ["Horizon", "Breeze", "Spirit", "Gull", "Dolphin", "Wind", "Star", "Pearl", "Wave", "Tide", "Dream", "Heron"]


def marina_berth_bookings():
    rng = random.Random(20240607)
    cols = [("booking_ref", "TEXT"), ("boat_name", "TEXT"), ("boat_length_m", "REAL"), ("marina", "TEXT"),
            ("pontoon", "TEXT"), ("arrival_date", "TEXT"), ("departure_date", "TEXT"), ("nights", "INTEGER"),
            ("nightly_rate", "REAL"), ("total_fee", "REAL"), ("fuel_litres", "INTEGER"), ("paid_online", "TEXT"),
            ("home_country", "TEXT")]
    names = rng.sample(["%s %s" % (a, n) for a in ADJ for n in NOUN], 130)
    boats = []
    for nm in names:
        length = round(rng.choice([rng.uniform(6.5, 10), rng.uniform(9, 16), rng.uniform(14, 26)]), 1)
        country = rng.choices([c[0] for c in COUNTRIES], [c[1] for c in COUNTRIES])[0]
        home = rng.choices([m[0] for m in MARINAS], [m[1] for m in MARINAS])[0]
        boats.append((nm, length, country, home, rng.choice([1, 1, 1, 2, 2, 3, 4, 6])))
    mult = {m[0]: m[2] for m in MARINAS}
    rows = []
    for _ in range(430):
        nm, length, country, home, _w = rng.choices(boats, [b[4] for b in boats])[0]
        marina = home if rng.random() < 0.7 else rng.choice([m[0] for m in MARINAS])
        month = rng.choices(range(1, 13), [2, 2, 4, 6, 9, 13, 17, 18, 11, 6, 3, 5])[0]
        day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        arr = date(2024, month, day)
        nights = rng.choices(range(1, 22), [14, 12, 10, 9, 7, 6, 9, 3, 2, 3, 2, 1, 1, 4, 1, 1, 1, 1, 1, 1, 2])[0]
        dep = arr + timedelta(days=nights)
        season = 1.4 if month in (6, 7, 8, 9) else 1.0
        rate = _money(length * 3.2 * mult[marina] * season)
        if length < 10:
            pontoon = rng.choices("ABCDEF", [45, 40, 8, 5, 1, 1])[0]
        elif length < 15:
            pontoon = rng.choices("ABCDEF", [5, 10, 38, 37, 6, 4])[0]
        else:
            pontoon = rng.choices("ABCDEF", [1, 2, 5, 10, 42, 40])[0]
        fuel = int(length * rng.uniform(4, 22)) if rng.random() < 0.42 else None
        online = "yes" if rng.random() < (0.7 if country in ("Germany", "Netherlands") else 0.5) else "no"
        rows.append([None, nm, length, marina, pontoon, arr.isoformat(),
                     None if dep > date(2024, 12, 31) else dep.isoformat(), nights, rate, _money(rate * nights),
                     fuel, online, country])
    rows.sort(key=lambda r: (r[5], r[1]))
    for i, r in enumerate(rows):
        r[0] = "MB-%04d" % (i + 1)
    return cols, rows


EXHIBITIONS = [("Permanent Collection", date(2024, 1, 1), date(2024, 12, 31), 50),
               ("Light of the North", date(2024, 1, 15), date(2024, 4, 30), 34),
               ("Light and Shadow", date(2024, 3, 1), date(2024, 6, 30), 26),
               ("Bronze Age Gold", date(2024, 6, 1), date(2024, 9, 15), 40),
               ("Modern Textiles", date(2024, 9, 1), date(2024, 12, 31), 28)]
TYPES = [("Adult", 36, 18), ("Child", 12, 8), ("Student", 12, 11), ("Senior", 14, 13), ("Family", 9, 42),
         ("Member", 10, 0)]


def museum_tickets():
    rng = random.Random(31337)
    cols = [("ticket_id", "TEXT"), ("visit_date", "TEXT"), ("time_slot", "TEXT"), ("ticket_type", "TEXT"),
            ("price_eur", "REAL"), ("exhibition", "TEXT"), ("channel", "TEXT"), ("group_size", "INTEGER"),
            ("audio_guide", "TEXT")]
    rows = []
    for _ in range(530):
        month = rng.choices(range(1, 13), [6, 5, 8, 10, 9, 8, 12, 13, 8, 7, 6, 9])[0]
        day = rng.randint(1, 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        d = date(2024, month, day)
        open_ = [e for e in EXHIBITIONS if e[1] <= d <= e[2]]
        exh = rng.choices(open_, [e[3] for e in open_])[0][0]
        hour = rng.choices(range(10, 18), [14, 16, 13, 9, 12, 11, 7, 3])[0]
        ttype, _, base = rng.choices(TYPES, [t[1] for t in TYPES])[0]
        channel = rng.choices(["online", "desk", "partner"], [45, 40, 15])[0]
        size = 1
        if ttype == "Family":
            size = rng.choice([3, 3, 4, 4, 4, 5])
        elif ttype in ("Adult", "Student") and rng.random() < 0.07:
            size = rng.randint(8, 25)
            channel = "partner" if rng.random() < 0.7 else channel
        price = base + (0 if exh == "Permanent Collection" or base == 0 else (12 if ttype == "Family" else 5))
        if size > 1 and ttype != "Family":
            price = price * size * 0.85
        if channel == "partner":
            price = price * 0.9
        audio = "yes" if rng.random() < (0.45 if exh != "Permanent Collection" else 0.22) else "no"
        rows.append([None, d.isoformat(), "%02d:00" % hour, ttype, _money(price), exh, channel, size, audio])
    rows.sort(key=lambda r: (r[1], r[2], r[3]))
    for i, r in enumerate(rows):
        r[0] = "T%05d" % (i + 1)
    return cols, rows


TABLES = {"marina_berth_bookings": marina_berth_bookings, "museum_tickets": museum_tickets}


M, K = "marina_berth_bookings", "museum_tickets"
# ---- marina_berth_bookings -----------------------------------------------------------------------------------

CASES = [
    # 1: the measure behind a count word
    C(M, 1, "how many boats stayed with us in 2024?",
      "SELECT COUNT(DISTINCT boat_name) FROM marina_berth_bookings"),
    C(M, 1, "How many nights were booked at Cala Serena in total?",
      "SELECT SUM(nights) FROM marina_berth_bookings WHERE marina = 'Cala Serena'"),
    C(M, 1, "How many bookings included a fuel purchase?",
      "SELECT COUNT(fuel_litres) FROM marina_berth_bookings"),
    C(M, 1, "how many litres of fuel did we sell at Port Aster",
      "SELECT SUM(fuel_litres) FROM marina_berth_bookings WHERE marina = 'Port Aster'"),
    C(M, 1, "Number of different boats at each marina",
      "SELECT marina, COUNT(DISTINCT boat_name) FROM marina_berth_bookings GROUP BY marina"),
    C(M, 1, "how many dutch boats visited? each boat once",
      "SELECT COUNT(DISTINCT boat_name) FROM marina_berth_bookings WHERE home_country = 'Netherlands'"),

    # 2: "per X" vs group by
    C(M, 2, "What's the average total fee per booking?",
      "SELECT AVG(total_fee) FROM marina_berth_bookings"),
    C(M, 2, "average length of stay in nights per marina",
      "SELECT marina, AVG(nights) FROM marina_berth_bookings GROUP BY marina"),
    C(M, 2, "On average, how many times does a boat book a berth with us?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT boat_name) FROM marina_berth_bookings"),
    C(M, 2, "fuel litres sold per pontoon",
      "SELECT pontoon, SUM(fuel_litres) FROM marina_berth_bookings GROUP BY pontoon"),
    C(M, 2, "Berth revenue per home country please",
      "SELECT home_country, SUM(total_fee) FROM marina_berth_bookings GROUP BY home_country"),

    # 3: lost filters
    C(M, 3, "How many bookings were for boats over 15 metres long?",
      "SELECT COUNT(*) FROM marina_berth_bookings WHERE boat_length_m > 15"),
    C(M, 3, "Total fees at the two Port marinas combined (Lumen and Aster)",
      "SELECT SUM(total_fee) FROM marina_berth_bookings WHERE marina LIKE 'Port%'"),
    C(M, 3, "how many different boats with 'Star' in the name have booked?",
      "SELECT COUNT(DISTINCT boat_name) FROM marina_berth_bookings WHERE boat_name LIKE '%Star%'"),
    C(M, 3, "How many bookings were NOT paid online?",
      "SELECT COUNT(*) FROM marina_berth_bookings WHERE paid_online = 'no'"),
    C(M, 3, "Total berth fees from French or Italian boats",
      "SELECT SUM(total_fee) FROM marina_berth_bookings WHERE home_country IN ('France', 'Italy')"),
    C(M, 3, "Which boats booked more than 7 times?",
      "SELECT boat_name FROM marina_berth_bookings GROUP BY boat_name HAVING COUNT(*) > 7"),
    C(M, 3, "How many bookings had a total fee above the average booking fee?",
      "SELECT COUNT(*) FROM marina_berth_bookings WHERE total_fee > (SELECT AVG(total_fee) FROM marina_berth_bookings)"),
    C(M, 3, "count the bookings where the boat didn't take any fuel",
      "SELECT COUNT(*) FROM marina_berth_bookings WHERE fuel_litres IS NULL"),
    C(M, 3, "Which pontoons have an average nightly rate above the overall average nightly rate?",
      "SELECT pontoon FROM marina_berth_bookings GROUP BY pontoon HAVING AVG(nightly_rate) > "
      "(SELECT AVG(nightly_rate) FROM marina_berth_bookings)"),

    # 4: explicit order and shape
    C(M, 4, "Top 5 boats by total fees paid",
      "SELECT boat_name, SUM(total_fee) AS s FROM marina_berth_bookings GROUP BY boat_name ORDER BY s DESC LIMIT 5",
      ordered=True),
    C(M, 4, "Rank the marinas by nights booked, most first",
      "SELECT marina, SUM(nights) AS n FROM marina_berth_bookings GROUP BY marina ORDER BY n DESC", ordered=True),
    C(M, 4, "list the pontoons by average boat length, smallest first",
      "SELECT pontoon, AVG(boat_length_m) AS l FROM marina_berth_bookings GROUP BY pontoon ORDER BY l ASC",
      ordered=True),
    C(M, 4, "Show the 3 most expensive bookings: booking ref, boat, marina and total fee",
      "SELECT booking_ref, boat_name, marina, total_fee FROM marina_berth_bookings ORDER BY total_fee DESC LIMIT 3",
      ordered=True),
    C(M, 4, "Which home country do we get the most bookings from?",
      "SELECT home_country FROM marina_berth_bookings GROUP BY home_country ORDER BY COUNT(*) DESC LIMIT 1"),
    C(M, 4, "home countries in alphabetical order with their number of bookings",
      "SELECT home_country, COUNT(*) FROM marina_berth_bookings GROUP BY home_country ORDER BY home_country",
      ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(M, 5, "bookings by marina and pontoon",
      "SELECT marina, pontoon, COUNT(*) FROM marina_berth_bookings GROUP BY marina, pontoon"),
    C(M, 5, "For each marina: number of bookings, total nights and total fees",
      "SELECT marina, COUNT(*), SUM(nights), SUM(total_fee) FROM marina_berth_bookings GROUP BY marina"),
    C(M, 5, "Monthly berth revenue for each marina as a line chart (by arrival month)",
      "SELECT substr(arrival_date, 1, 7) AS month, marina, SUM(total_fee) FROM marina_berth_bookings "
      "GROUP BY month, marina", chart="line", series=True),
    C(M, 5, "Scatter with one dot per pontoon: average boat length against average nightly rate",
      "SELECT pontoon, AVG(boat_length_m), AVG(nightly_rate) FROM marina_berth_bookings GROUP BY pontoon",
      chart="scatter"),
    C(M, 5, "fuel sold per quarter, split by marina",
      "SELECT quarter(arrival_date) AS q, marina, SUM(fuel_litres) FROM marina_berth_bookings GROUP BY q, marina"),

    # 6: the analysis kind
    C(M, 6, "Box plot of nightly rates by marina",
      "SELECT marina, MIN(nightly_rate), median(nightly_rate), MAX(nightly_rate) FROM marina_berth_bookings "
      "GROUP BY marina", chart="box"),
    C(M, 6, "Histogram of stay length in nights, 3-night bins",
      "SELECT CAST(nights / 3 AS INTEGER) * 3 AS bin, COUNT(*) FROM marina_berth_bookings GROUP BY bin",
      chart="histogram"),
    T(M, 6, "Show me how total fees are distributed across bookings", "distribution_plot", ["total_fee"],
      chart="histogram"),
    C(M, 6, "What's the correlation between boat length and nightly rate over all bookings?",
      "SELECT (COUNT(*) * SUM(boat_length_m * nightly_rate) - SUM(boat_length_m) * SUM(nightly_rate)) / "
      "(sqrt(COUNT(*) * SUM(boat_length_m * boat_length_m) - SUM(boat_length_m) * SUM(boat_length_m)) * "
      "sqrt(COUNT(*) * SUM(nightly_rate * nightly_rate) - SUM(nightly_rate) * SUM(nightly_rate))) "
      "FROM marina_berth_bookings", tolerance=1e-4),
    C(M, 6, "scatter plot of boat length vs fuel litres, only boats over 15 m that bought fuel",
      "SELECT boat_length_m, fuel_litres FROM marina_berth_bookings WHERE fuel_litres IS NOT NULL "
      "AND boat_length_m > 15",
      chart="scatter"),

    # 7: derived measures
    C(M, 7, "For boats that have already left, what's the average number of days between arrival and departure?",
      "SELECT AVG(julianday(departure_date) - julianday(arrival_date)) FROM marina_berth_bookings "
      "WHERE departure_date IS NOT NULL"),
    C(M, 7, "arrivals by day of the week",
      "SELECT dayname(arrival_date) AS d, COUNT(*) FROM marina_berth_bookings GROUP BY d"),
    C(M, 7, "What fraction of bookings were paid online?",
      "SELECT AVG(paid_online = 'yes') FROM marina_berth_bookings"),
    C(M, 7, "Running total of berth fees by arrival month",
      "SELECT month, SUM(s) OVER (ORDER BY month) FROM (SELECT substr(arrival_date, 1, 7) AS month, "
      "SUM(total_fee) AS s FROM marina_berth_bookings GROUP BY month) ORDER BY month", ordered=True),
    C(M, 7, "Percent change in the number of arrivals from June 2024 to July 2024",
      "SELECT (SUM(arrival_date LIKE '2024-07%') - SUM(arrival_date LIKE '2024-06%')) * 100.0 / "
      "SUM(arrival_date LIKE '2024-06%') FROM marina_berth_bookings"),
    C(M, 7, "Revenue per night at each marina (total fees divided by total nights)",
      "SELECT marina, SUM(total_fee) / SUM(nights) FROM marina_berth_bookings GROUP BY marina"),
    C(M, 7, "number of arrivals per quarter",
      "SELECT quarter(arrival_date) AS q, COUNT(*) FROM marina_berth_bookings GROUP BY q"),

    # 8: words about the chart
    C(M, 8, "bar chart, marinas on the x axis, total fuel litres on the y axis",
      "SELECT marina, SUM(fuel_litres) FROM marina_berth_bookings GROUP BY marina", chart="bar"),
    C(M, 8, "Line chart of the number of arrivals per month",
      "SELECT substr(arrival_date, 1, 7) AS month, COUNT(*) FROM marina_berth_bookings GROUP BY month "
      "ORDER BY month", ordered=True, chart="line"),
    C(M, 8, "pie chart of bookings by home country",
      "SELECT home_country, COUNT(*) FROM marina_berth_bookings GROUP BY home_country", chart="pie"),
    C(M, 8, "Display the number of bookings on each pontoon as bars",
      "SELECT pontoon, COUNT(*) FROM marina_berth_bookings GROUP BY pontoon", chart="bar"),
    C(M, 8, "Histogram of fuel litres per purchase, bin width 100 litres",
      "SELECT CAST(fuel_litres / 100 AS INTEGER) * 100 AS bin, COUNT(*) FROM marina_berth_bookings "
      "WHERE fuel_litres IS NOT NULL GROUP BY bin", chart="histogram"),

    # 9: the shape of the answer
    C(M, 9, "How long is the longest boat that booked a berth?",
      "SELECT MAX(boat_length_m) FROM marina_berth_bookings"),
    C(M, 9, "Which boat has paid us the most overall?",
      "SELECT boat_name FROM marina_berth_bookings GROUP BY boat_name ORDER BY SUM(total_fee) DESC LIMIT 1"),
    C(M, 9, "total nights and total fees, one row",
      "SELECT SUM(nights), SUM(total_fee) FROM marina_berth_bookings"),
    C(M, 9, "list our marinas",
      "SELECT DISTINCT marina FROM marina_berth_bookings"),
    C(M, 9, "When did the most recent boat arrive?",
      "SELECT MAX(arrival_date) FROM marina_berth_bookings"),

    # basic
    C(M, "basic", "What was our total berth revenue in 2024?",
      "SELECT SUM(total_fee) FROM marina_berth_bookings"),
    C(M, "basic", "Which month brought in the most berth revenue (by arrival date)?",
      "SELECT substr(arrival_date, 1, 7) AS month FROM marina_berth_bookings GROUP BY month "
      "ORDER BY SUM(total_fee) DESC LIMIT 1"),
    C(M, "basic", "When a boat does buy fuel, how many litres on average?",
      "SELECT AVG(fuel_litres) FROM marina_berth_bookings WHERE fuel_litres IS NOT NULL"),
    C(M, "basic", "Which boats are still berthed? Give booking ref, boat name and marina",
      "SELECT booking_ref, boat_name, marina FROM marina_berth_bookings WHERE departure_date IS NULL"),
    C(M, "basic", "how many boats arrived at Port Lumen in August?",
      "SELECT COUNT(*) FROM marina_berth_bookings WHERE marina = 'Port Lumen' AND arrival_date LIKE '2024-08%'"),
    C(M, "basic", "What did German boats pay us in berth fees?",
      "SELECT SUM(total_fee) FROM marina_berth_bookings WHERE home_country = 'Germany'"),
]

FLAGGED = [
    F(M, "What's the average crew size on the boats that visit?", "there is no crew column"),
    F(M, "How many boats will arrive next summer?", "a forecast"),
    F(M, "Why do boats choose Port Aster over Cala Serena?", "a cause the data cannot give"),
    F(M, "average fee per boat", "one overall figure or a list by boat_name: both readings fit"),
]

# ---- museum_tickets ------------------------------------------------------------------------------------------

CASES += [
    # 1: the measure behind a count word
    C(K, 1, "How many visitors did we have in 2024?",
      "SELECT SUM(group_size) FROM museum_tickets"),
    C(K, 1, "how many tickets did we sell",
      "SELECT COUNT(*) FROM museum_tickets"),
    C(K, 1, "How many people came to see Bronze Age Gold?",
      "SELECT SUM(group_size) FROM museum_tickets WHERE exhibition = 'Bronze Age Gold'"),
    C(K, 1, "How many tickets came with an audio guide?",
      "SELECT COUNT(*) FROM museum_tickets WHERE audio_guide = 'yes'"),
    C(K, 1, "On how many different days did we sell at least one ticket?",
      "SELECT COUNT(DISTINCT visit_date) FROM museum_tickets"),
    C(K, 1, "number of visitors by sales channel",
      "SELECT channel, SUM(group_size) FROM museum_tickets GROUP BY channel"),

    # 2: "per X" vs group by
    C(K, 2, "what's the average price per ticket?",
      "SELECT AVG(price_eur) FROM museum_tickets"),
    C(K, 2, "Average price per ticket type",
      "SELECT ticket_type, AVG(price_eur) FROM museum_tickets GROUP BY ticket_type"),
    C(K, 2, "How many people are on a ticket on average?",
      "SELECT AVG(group_size) FROM museum_tickets"),
    C(K, 2, "revenue per exhibition",
      "SELECT exhibition, SUM(price_eur) FROM museum_tickets GROUP BY exhibition"),
    C(K, 2, "Overall, how much revenue do we make per visitor?",
      "SELECT SUM(price_eur) / SUM(group_size) FROM museum_tickets"),

    # 3: lost filters
    C(K, 3, "How many tickets were sold for the two Light exhibitions together?",
      "SELECT COUNT(*) FROM museum_tickets WHERE exhibition LIKE 'Light%'"),
    C(K, 3, "Revenue from tickets not sold at the desk",
      "SELECT SUM(price_eur) FROM museum_tickets WHERE channel <> 'desk'"),
    C(K, 3, "how many child or student tickets were bought online?",
      "SELECT COUNT(*) FROM museum_tickets WHERE ticket_type IN ('Child', 'Student') AND channel = 'online'"),
    C(K, 3, "How many paid tickets did we sell (leave out the free ones)?",
      "SELECT COUNT(*) FROM museum_tickets WHERE price_eur > 0"),
    C(K, 3, "Which time slots sold more than 70 tickets?",
      "SELECT time_slot FROM museum_tickets GROUP BY time_slot HAVING COUNT(*) > 70"),
    C(K, 3, "which ticket types cost more on average than the average ticket?",
      "SELECT ticket_type FROM museum_tickets GROUP BY ticket_type HAVING AVG(price_eur) > "
      "(SELECT AVG(price_eur) FROM museum_tickets)"),
    C(K, 3, "How many tickets were for groups of more than 6 people?",
      "SELECT COUNT(*) FROM museum_tickets WHERE group_size > 6"),
    C(K, 3, "tickets sold for anything other than the permanent collection",
      "SELECT COUNT(*) FROM museum_tickets WHERE exhibition <> 'Permanent Collection'"),

    # 4: explicit order and shape
    C(K, 4, "Rank the exhibitions by revenue, highest first",
      "SELECT exhibition, SUM(price_eur) AS r FROM museum_tickets GROUP BY exhibition ORDER BY r DESC",
      ordered=True),
    C(K, 4, "Tickets sold per time slot, from the earliest slot to the latest",
      "SELECT time_slot, COUNT(*) FROM museum_tickets GROUP BY time_slot ORDER BY time_slot", ordered=True),
    C(K, 4, "Which channel sold the fewest tickets?",
      "SELECT channel FROM museum_tickets GROUP BY channel ORDER BY COUNT(*) ASC LIMIT 1"),
    C(K, 4, "top 3 months by number of visitors",
      "SELECT substr(visit_date, 1, 7) AS month, SUM(group_size) AS v FROM museum_tickets GROUP BY month "
      "ORDER BY v DESC LIMIT 3", ordered=True),
    C(K, 4, "ticket types sorted by revenue ascending",
      "SELECT ticket_type, SUM(price_eur) AS r FROM museum_tickets GROUP BY ticket_type ORDER BY r ASC",
      ordered=True),

    # 5: several columns / a series dimension / a scatter of aggregates
    C(K, 5, "Tickets by exhibition and channel",
      "SELECT exhibition, channel, COUNT(*) FROM museum_tickets GROUP BY exhibition, channel"),
    C(K, 5, "For each ticket type show tickets sold, number of visitors and revenue",
      "SELECT ticket_type, COUNT(*), SUM(group_size), SUM(price_eur) FROM museum_tickets GROUP BY ticket_type"),
    C(K, 5, "stacked bars of monthly revenue by channel",
      "SELECT substr(visit_date, 1, 7) AS month, channel, SUM(price_eur) FROM museum_tickets "
      "GROUP BY month, channel", chart="bar", series=True),
    C(K, 5, "Scatter plot with a point per month: tickets sold vs revenue",
      "SELECT substr(visit_date, 1, 7) AS month, COUNT(*), SUM(price_eur) FROM museum_tickets GROUP BY month",
      chart="scatter"),
    C(K, 5, "For each ticket type, how many tickets with and without an audio guide?",
      "SELECT ticket_type, audio_guide, COUNT(*) FROM museum_tickets GROUP BY ticket_type, audio_guide"),

    # 6: the analysis kind
    C(K, 6, "box plot of ticket price by exhibition",
      "SELECT exhibition, MIN(price_eur), median(price_eur), MAX(price_eur) FROM museum_tickets "
      "GROUP BY exhibition", chart="box"),
    C(K, 6, "Histogram of ticket prices with 10 euro bins",
      "SELECT CAST(price_eur / 10 AS INTEGER) * 10 AS bin, COUNT(*) FROM museum_tickets GROUP BY bin",
      chart="histogram"),
    T(K, 6, "What does the distribution of group sizes look like?", "distribution_plot", ["group_size"]),
    C(K, 6, "Is there a correlation between group size and ticket price? give me the coefficient",
      "SELECT (COUNT(*) * SUM(group_size * price_eur) - SUM(group_size) * SUM(price_eur)) / "
      "(sqrt(COUNT(*) * SUM(group_size * group_size) - SUM(group_size) * SUM(group_size)) * "
      "sqrt(COUNT(*) * SUM(price_eur * price_eur) - SUM(price_eur) * SUM(price_eur))) "
      "FROM museum_tickets", tolerance=1e-4),
    C(K, 6, "Scatter of group size against price for tickets covering more than one person",
      "SELECT group_size, price_eur FROM museum_tickets WHERE group_size > 1", chart="scatter"),

    # 7: derived measures
    C(K, 7, "tickets sold by day of week",
      "SELECT dayname(visit_date) AS d, COUNT(*) FROM museum_tickets GROUP BY d"),
    C(K, 7, "What percentage of tickets included an audio guide?",
      "SELECT AVG(audio_guide = 'yes') * 100.0 FROM museum_tickets"),
    C(K, 7, "Running total of visitors month by month",
      "SELECT month, SUM(v) OVER (ORDER BY month) FROM (SELECT substr(visit_date, 1, 7) AS month, "
      "SUM(group_size) AS v FROM museum_tickets GROUP BY month) ORDER BY month", ordered=True),
    C(K, 7, "% change in ticket revenue from Q2 to Q3 2024",
      "SELECT (SUM(CASE WHEN quarter(visit_date) = '2024-Q3' THEN price_eur END) - "
      "SUM(CASE WHEN quarter(visit_date) = '2024-Q2' THEN price_eur END)) * 100.0 / "
      "SUM(CASE WHEN quarter(visit_date) = '2024-Q2' THEN price_eur END) FROM museum_tickets"),
    C(K, 7, "Revenue per visitor for each ticket type",
      "SELECT ticket_type, SUM(price_eur) / SUM(group_size) FROM museum_tickets GROUP BY ticket_type"),
    C(K, 7, "How many days are there between the first and the last visit to Light and Shadow?",
      "SELECT julianday(MAX(visit_date)) - julianday(MIN(visit_date)) FROM museum_tickets "
      "WHERE exhibition = 'Light and Shadow'"),
    C(K, 7, "what share of revenue came through the online channel",
      "SELECT SUM(CASE WHEN channel = 'online' THEN price_eur ELSE 0 END) / SUM(price_eur) FROM museum_tickets"),
    C(K, 7, "Tickets sold per quarter",
      "SELECT quarter(visit_date) AS q, COUNT(*) FROM museum_tickets GROUP BY q"),

    # 8: words about the chart
    C(K, 8, "Bar chart with ticket type on the x axis and revenue on the y axis",
      "SELECT ticket_type, SUM(price_eur) FROM museum_tickets GROUP BY ticket_type", chart="bar"),
    C(K, 8, "line chart of visitors per month",
      "SELECT substr(visit_date, 1, 7) AS month, SUM(group_size) FROM museum_tickets GROUP BY month ORDER BY month",
      ordered=True, chart="line"),
    C(K, 8, "Pie chart of tickets by channel",
      "SELECT channel, COUNT(*) FROM museum_tickets GROUP BY channel", chart="pie"),
    C(K, 8, "visualize the number of visitors per exhibition as a bar chart",
      "SELECT exhibition, SUM(group_size) FROM museum_tickets GROUP BY exhibition", chart="bar"),
    C(K, 8, "histogram of group size, bin width 5",
      "SELECT CAST(group_size / 5 AS INTEGER) * 5 AS bin, COUNT(*) FROM museum_tickets GROUP BY bin",
      chart="histogram"),

    # 9: the shape of the answer
    C(K, 9, "What's the most anyone paid for a single ticket?",
      "SELECT MAX(price_eur) FROM museum_tickets"),
    C(K, 9, "Which temporary exhibition drew the most visitors?",
      "SELECT exhibition FROM museum_tickets WHERE exhibition <> 'Permanent Collection' GROUP BY exhibition "
      "ORDER BY SUM(group_size) DESC LIMIT 1"),
    C(K, 9, "Give me total revenue and total visitors in a single row",
      "SELECT SUM(price_eur), SUM(group_size) FROM museum_tickets"),
    C(K, 9, "list the exhibitions",
      "SELECT DISTINCT exhibition FROM museum_tickets"),
    C(K, 9, "When was the first visit to Modern Textiles?",
      "SELECT MIN(visit_date) FROM museum_tickets WHERE exhibition = 'Modern Textiles'"),

    # basic
    C(K, "basic", "total ticket revenue for the year",
      "SELECT SUM(price_eur) FROM museum_tickets"),
    C(K, "basic", "Which time slot is the busiest by tickets sold?",
      "SELECT time_slot FROM museum_tickets GROUP BY time_slot ORDER BY COUNT(*) DESC LIMIT 1"),
    C(K, "basic", "How many Member tickets were issued?",
      "SELECT COUNT(*) FROM museum_tickets WHERE ticket_type = 'Member'"),
    C(K, "basic", "What did the partner channel bring in during Q3?",
      "SELECT SUM(price_eur) FROM museum_tickets WHERE channel = 'partner' AND quarter(visit_date) = '2024-Q3'"),
    C(K, "basic", "average price of an adult ticket",
      "SELECT AVG(price_eur) FROM museum_tickets WHERE ticket_type = 'Adult'"),
    C(K, "basic", "How many tickets did we sell each month?",
      "SELECT substr(visit_date, 1, 7) AS month, COUNT(*) FROM museum_tickets GROUP BY month"),
]

FLAGGED += [
    F(K, "How long do visitors stay in the museum on average?", "there is no visit duration column"),
    F(K, "How many visitors should we expect at Easter 2025?", "a forecast"),
    F(K, "Why was Light and Shadow less popular than Light of the North?", "a cause the data cannot give"),
    F(K, "How satisfied were people with the audio guide?", "there is no satisfaction or rating column"),
]
