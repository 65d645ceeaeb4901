"""Audit set: hotel bookings and bike-share rentals, questions written blind (without the planner's rules).

hotel_stays: one row per booking (450), guests repeat; a cancelled booking has no review; review_score is blank
when the guest left none. bike_rentals: one row per rental (500); the 14 bikes still out (the last rentals) have
blank ended_at, distance_km and fare (not charged yet).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T

FIRST = ["Anna", "Ben", "Carla", "David", "Elif", "Felix", "Gina", "Hiro", "Isabel", "Jonas", "Keiko", "Liam",
         "Maria", "Noah", "Olivia", "Pedro", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Yara", "Zoe"]
LAST = ["Alves", "Becker", "Costa", "Dupont", "Evans", "Fischer", "Garcia", "Hoffmann", "Ito", "Jensen", "Klein",
        "Lopez", "Martin", "Nakamura", "Ortiz", "Petit", "Rossi", "Schmidt", "Tanaka", "Weber"]
COUNTRIES = [("United States", 9), ("Germany", 7), ("France", 5), ("Japan", 4), ("Brazil", 3), ("Canada", 4),
             ("Spain", 3), ("Australia", 2)]
ROOMS = [("Standard", 95.0, 10), ("Deluxe", 140.0, 7), ("Suite", 255.0, 3), ("Family Room", 175.0, 4)]
CHANNELS = [("Direct", 5, 1.0), ("Booking.com", 6, 1.08), ("Expedia", 4, 1.1), ("Phone", 2, 0.97)]


def hotel_stays():
    rng = random.Random(4417)
    cols = [("booking_id", "TEXT"), ("guest_id", "TEXT"), ("guest_name", "TEXT"), ("country", "TEXT"),
            ("room_type", "TEXT"), ("channel", "TEXT"), ("booked_on", "TEXT"), ("check_in", "TEXT"),
            ("check_out", "TEXT"), ("nightly_rate", "REAL"), ("guests", "INTEGER"), ("cancelled", "TEXT"),
            ("breakfast_included", "TEXT"), ("review_score", "REAL")]
    names = [f + " " + l for f in FIRST for l in LAST]
    rng.shuffle(names)
    guests = []
    for g in range(200):
        country = rng.choices([c for c, _ in COUNTRIES], [w for _, w in COUNTRIES])[0]
        guests.append(("G%03d" % (g + 1), names[g], country))
    gweights = [rng.choice([1, 1, 1, 1, 2, 3, 6]) for _ in guests]
    rows = []
    for i in range(450):
        gid, name, country = rng.choices(guests, gweights)[0]
        room, base, _ = rng.choices(ROOMS, [w for _, _, w in ROOMS])[0]
        channel, _, factor = rng.choices(CHANNELS, [w for _, w, _ in CHANNELS])[0]
        check_in = date(2024, 1, 1) + timedelta(days=rng.randrange(731))
        nights = rng.choices(range(1, 11), [8, 10, 9, 7, 5, 3, 4, 1, 1, 1])[0]
        lead = int(rng.expovariate(1 / 40.0)) if rng.random() < 0.9 else rng.randrange(150, 300)
        booked = check_in - timedelta(days=lead)
        season = 1.25 if check_in.month in (6, 7, 8, 12) else (0.9 if check_in.month in (1, 2, 11) else 1.0)
        rate = round(base * season * factor * rng.uniform(0.9, 1.12) + 1e-9, 2)
        if room == "Family Room":
            g = rng.choices([2, 3, 4, 5], [1, 3, 5, 3])[0]
        elif room == "Suite":
            g = rng.choices([1, 2, 3, 4], [2, 6, 2, 1])[0]
        else:
            g = rng.choices([1, 2, 3], [5, 7, 1])[0]
        cancelled = "yes" if rng.random() < (0.24 if channel in ("Booking.com", "Expedia") else 0.09) else "no"
        breakfast = "TRUE" if rng.random() < (0.55 if room in ("Suite", "Family Room") else 0.35) else "FALSE"
        review = None
        if cancelled == "no" and rng.random() < 0.62:
            review = round(min(10.0, max(1.0, rng.gauss(8.1 if room != "Standard" else 7.4, 1.3))), 1)
        rows.append([None, gid, name, country, room, channel, booked.isoformat(), check_in.isoformat(),
                     (check_in + timedelta(days=nights)).isoformat(), rate, g, cancelled, breakfast, review])
    rows.sort(key=lambda r: (r[6], r[7]))
    for i, r in enumerate(rows):
        r[0] = "BK%04d" % (i + 1001)
    return cols, rows


STATIONS = [("Central Park", 9), ("Harbour Front", 7), ("Museum", 5), ("Old Town", 8), ("University", 6),
            ("Riverside", 4), ("Market Square", 5), ("Station Road", 3)]
BIKES = [("Classic", 11), ("Electric", 8), ("Cargo", 2)]


def bike_rentals():
    rng = random.Random(9042)
    cols = [("rental_id", "TEXT"), ("station", "TEXT"), ("bike_type", "TEXT"), ("started_at", "TEXT"),
            ("ended_at", "TEXT"), ("distance_km", "REAL"), ("member", "TEXT"), ("fare", "REAL"),
            ("rider_age", "INTEGER")]
    rows = []
    end = datetime(2025, 12, 31, 18, 0)
    for i in range(500):
        station = rng.choices([s for s, _ in STATIONS], [w for _, w in STATIONS])[0]
        bike = rng.choices([b for b, _ in BIKES], [w for _, w in BIKES])[0]
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(731))
        hour = rng.choices(range(6, 23), [1, 3, 6, 5, 3, 3, 4, 4, 3, 3, 4, 6, 6, 4, 3, 2, 1])[0]
        start = datetime(day.year, day.month, day.day, hour, rng.randrange(60), rng.randrange(60))
        member = rng.random() < 0.58
        age = max(16, min(78, int(rng.gauss(36 if member else 31, 11))))
        speed = {"Classic": 13.0, "Electric": 18.0, "Cargo": 10.0}[bike] * rng.uniform(0.7, 1.25)
        minutes = max(3, int(rng.lognormvariate(3.0, 0.55)))
        still_out = i < 14
        if still_out:
            start = end - timedelta(minutes=rng.randrange(20, 60 * 30))
        per_min = {"Classic": 0.12, "Electric": 0.25, "Cargo": 0.3}[bike] * (0.8 if member else 1.0)
        if still_out:
            ended, dist, fare = None, None, None
        else:
            stop = start + timedelta(minutes=minutes, seconds=rng.randrange(60))
            ended = stop.strftime("%Y-%m-%d %H:%M:%S")
            dist = round(speed * minutes / 60.0, 1)
            fare = round((0.0 if member else 1.0) + per_min * minutes + 1e-9, 2)
        rows.append([None, station, bike, start.strftime("%Y-%m-%d %H:%M:%S"), ended, dist,
                     "TRUE" if member else "FALSE", fare, age])
    rows.sort(key=lambda r: r[3])
    for i, r in enumerate(rows):
        r[0] = "R%05d" % (i + 1)
    return cols, rows


TABLES = {"hotel_stays": hotel_stays, "bike_rentals": bike_rentals}


# ---- scored cases --------------------------------------------------------------------------------------------

H, B = "hotel_stays", "bike_rentals"
NIGHTS = "(julianday(check_out) - julianday(check_in))"
MINUTES = "((julianday(ended_at) - julianday(started_at)) * 1440)"

CASES = [
    # ---- hotel_stays ----
    # 1: the measure behind a count word
    C(H, 1, "How many guests did we host in 2025? Leave out cancelled bookings.",
      "SELECT SUM(guests) AS guests FROM hotel_stays WHERE cancelled = 'no' AND check_in LIKE '2025-%'"),
    C(H, 1, "how many bookings came in through Expedia",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE channel = 'Expedia'"),
    C(H, 1, "How many room nights did we sell in Suites? Cancelled bookings don't count.",
      "SELECT SUM(%s) AS nights FROM hotel_stays WHERE room_type = 'Suite' AND cancelled = 'no'" % NIGHTS),
    C(H, 1, "How many different guests have made at least one booking with us?",
      "SELECT COUNT(DISTINCT guest_id) AS guests FROM hotel_stays"),
    C(H, 1, "Total number of people staying in each room type, not counting cancelled bookings",
      "SELECT room_type, SUM(guests) AS people FROM hotel_stays WHERE cancelled = 'no' GROUP BY room_type"),
    # 2: "per X" vs group-by
    C(H, 2, "avg nightly rate by room",
      "SELECT room_type, AVG(nightly_rate) AS avg_rate FROM hotel_stays GROUP BY room_type"),
    C(H, 2, "What's the average number of guests per booking?",
      "SELECT AVG(guests) AS avg_guests FROM hotel_stays"),
    C(H, 2, "Average nightly rate per booking channel?",
      "SELECT channel, AVG(nightly_rate) AS avg_rate FROM hotel_stays GROUP BY channel"),
    C(H, 2, "bookings per country",
      "SELECT country, COUNT(*) AS bookings FROM hotel_stays GROUP BY country"),
    C(H, 2, "On average how many nights is a stay, per room type? Ignore the cancelled ones.",
      "SELECT room_type, AVG(%s) AS avg_nights FROM hotel_stays WHERE cancelled = 'no' GROUP BY room_type" % NIGHTS),
    # 3: filters
    C(H, 3, "How many bookings had a nightly rate above $250?",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE nightly_rate > 250"),
    C(H, 3, "What's the average review score for bookings from any channel other than Booking.com?",
      "SELECT AVG(review_score) AS avg_review FROM hotel_stays WHERE channel <> 'Booking.com'"),
    C(H, 3, "How many Suite or Family Room bookings came with breakfast included?",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE room_type IN ('Suite', 'Family Room') "
      "AND breakfast_included = 'TRUE'"),
    C(H, 3, "List the guests whose name contains 'Garcia'",
      "SELECT DISTINCT guest_name FROM hotel_stays WHERE guest_name LIKE '%Garcia%'"),
    C(H, 3, "Which guests have booked more than 6 times? Show each one's number of bookings.",
      "SELECT guest_name, COUNT(*) AS bookings FROM hotel_stays GROUP BY guest_id, guest_name HAVING COUNT(*) > 6"),
    C(H, 3, "how many bookings were priced above the average nightly rate?",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE nightly_rate > (SELECT AVG(nightly_rate) FROM hotel_stays)"),
    C(H, 3, "How many stays that weren't cancelled have no review?",
      "SELECT COUNT(*) AS stays FROM hotel_stays WHERE cancelled = 'no' AND review_score IS NULL"),
    C(H, 3, "Average nightly rate excluding Standard rooms",
      "SELECT AVG(nightly_rate) AS avg_rate FROM hotel_stays WHERE room_type <> 'Standard'"),
    C(H, 3, "Number of bookings from guests in countries starting with 'S' or 'J'",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE country LIKE 'S%' OR country LIKE 'J%'"),
    # 4: explicit order and shape
    C(H, 4, "Room types by average review score, highest first",
      "SELECT room_type, AVG(review_score) AS avg_review FROM hotel_stays GROUP BY room_type ORDER BY avg_review DESC",
      ordered=True),
    C(H, 4, "Top 5 guests by total nights stayed (exclude cancellations)",
      "SELECT guest_name, SUM(%s) AS nights FROM hotel_stays WHERE cancelled = 'no' GROUP BY guest_id, guest_name "
      "ORDER BY nights DESC LIMIT 5" % NIGHTS),
    C(H, 4, "Sort the booking channels by number of cancellations, lowest to highest",
      "SELECT channel, COUNT(*) AS cancellations FROM hotel_stays WHERE cancelled = 'yes' GROUP BY channel "
      "ORDER BY cancellations", ordered=True),
    C(H, 4, "which 3 countries do most of our bookings come from?",
      "SELECT country, COUNT(*) AS bookings FROM hotel_stays GROUP BY country ORDER BY bookings DESC LIMIT 3"),
    C(H, 4, "Can you rank the countries by average nightly rate paid, most expensive first?",
      "SELECT country, AVG(nightly_rate) AS avg_rate FROM hotel_stays GROUP BY country ORDER BY avg_rate DESC",
      ordered=True),
    # 5: several columns, two keys, stacked / grouped chart
    C(H, 5, "Number of bookings broken down by room type and channel",
      "SELECT room_type, channel, COUNT(*) AS bookings FROM hotel_stays GROUP BY room_type, channel"),
    C(H, 5, "Stacked bar chart of bookings per check-in year, split by channel",
      "SELECT CAST(strftime('%Y', check_in) AS INTEGER) AS year, channel, COUNT(*) AS bookings FROM hotel_stays "
      "GROUP BY year, channel", chart="bar", series=True),
    C(H, 5, "For each room type give me the lowest, average and highest nightly rate",
      "SELECT room_type, MIN(nightly_rate) AS min_rate, AVG(nightly_rate) AS avg_rate, MAX(nightly_rate) AS max_rate "
      "FROM hotel_stays GROUP BY room_type"),
    C(H, 5, "grouped bar chart of average nightly rate by room type with a separate bar for each channel",
      "SELECT room_type, channel, AVG(nightly_rate) AS avg_rate FROM hotel_stays GROUP BY room_type, channel",
      chart="bar", series=True),
    # 6: analysis kind
    C(H, 6, "Box plot of nightly rates for each room type",
      "SELECT room_type, MIN(nightly_rate) AS min_rate, median(nightly_rate) AS median_rate, "
      "MAX(nightly_rate) AS max_rate FROM hotel_stays GROUP BY room_type", chart="box"),
    C(H, 6, "Scatter plot of nightly rate against review score for Suite stays",
      "SELECT nightly_rate, review_score FROM hotel_stays WHERE room_type = 'Suite' AND review_score IS NOT NULL",
      chart="scatter"),
    T(H, 6, "show me the distribution of review scores", "distribution_plot", ["review_score"], chart="histogram"),
    C(H, 6, "Histogram of nightly rates in $50 buckets",
      "SELECT CAST(nightly_rate / 50 AS INTEGER) * 50 AS bin_start, COUNT(*) AS bookings FROM hotel_stays "
      "GROUP BY bin_start", chart="histogram"),
    # 7: derived measures
    C(H, 7, "What's the total revenue per room type? Leave out cancellations.",
      "SELECT room_type, SUM(%s * nightly_rate) AS revenue FROM hotel_stays WHERE cancelled = 'no' "
      "GROUP BY room_type" % NIGHTS),
    C(H, 7, "Average lead time in days between booking and check-in, for each channel",
      "SELECT channel, AVG(julianday(check_in) - julianday(booked_on)) AS lead_days FROM hotel_stays GROUP BY channel"),
    C(H, 7, "bar chart of the cancellation rate by channel, as a percentage",
      "SELECT channel, 100.0 * SUM(cancelled = 'yes') / COUNT(*) AS cancel_pct FROM hotel_stays GROUP BY channel",
      chart="bar"),
    C(H, 7, "Which day of the week gets the most check-ins?",
      "SELECT dayname(check_in) AS weekday, COUNT(*) AS check_ins FROM hotel_stays GROUP BY weekday "
      "ORDER BY check_ins DESC LIMIT 1"),
    C(H, 7, "Can I get a bar chart of check-ins by month of the year? Lump 2024 and 2025 together.",
      "SELECT CAST(strftime('%m', check_in) AS INTEGER) AS month, COUNT(*) AS check_ins FROM hotel_stays "
      "GROUP BY month", chart="bar"),
    C(H, 7, "What percentage of bookings include breakfast?",
      "SELECT 100.0 * SUM(breakfast_included = 'TRUE') / COUNT(*) AS breakfast_pct FROM hotel_stays"),
    C(H, 7, "How many bookings were made more than 90 days before check-in?",
      "SELECT COUNT(*) AS bookings FROM hotel_stays WHERE julianday(check_in) - julianday(booked_on) > 90"),
    # 8: words about the chart
    C(H, 8, "Plot check-ins per month as a line, with the month along the x axis",
      "SELECT strftime('%Y-%m', check_in) AS month, COUNT(*) AS check_ins FROM hotel_stays GROUP BY month",
      chart="line"),
    C(H, 8, "I'd like a bar for each country showing its average review score",
      "SELECT country, AVG(review_score) AS avg_review FROM hotel_stays GROUP BY country", chart="bar"),
    C(H, 8, "pie chart of bookings by channel",
      "SELECT channel, COUNT(*) AS bookings FROM hotel_stays GROUP BY channel", chart="pie"),
    # 9: shape of the answer
    C(H, 9, "How many bookings per quarter, based on check-in date?",
      "SELECT quarter(check_in) AS quarter, COUNT(*) AS bookings FROM hotel_stays GROUP BY quarter"),
    C(H, 9, "Revenue by year from stays that weren't cancelled (nights times nightly rate, by check-in year)",
      "SELECT CAST(strftime('%%Y', check_in) AS INTEGER) AS year, SUM(%s * nightly_rate) AS revenue "
      "FROM hotel_stays WHERE cancelled = 'no' GROUP BY year" % NIGHTS),
    C(H, 9, "monthly average nightly rate for check-ins in 2025",
      "SELECT strftime('%Y-%m', check_in) AS month, AVG(nightly_rate) AS avg_rate FROM hotel_stays "
      "WHERE check_in LIKE '2025-%' GROUP BY month"),
    # basic
    C(H, "basic", "What's our average review score?",
      "SELECT AVG(review_score) AS avg_review FROM hotel_stays"),
    C(H, "basic", "Which room type gets booked the most?",
      "SELECT room_type, COUNT(*) AS bookings FROM hotel_stays GROUP BY room_type ORDER BY bookings DESC LIMIT 1"),
    C(H, "basic", "What is the highest nightly rate on any booking?",
      "SELECT MAX(nightly_rate) AS max_rate FROM hotel_stays"),
    C(H, "basic", "who's our most frequent guest?",
      "SELECT guest_name, COUNT(*) AS bookings FROM hotel_stays GROUP BY guest_id, guest_name "
      "ORDER BY bookings DESC LIMIT 1"),

    # ---- bike_rentals ----
    # 1: the measure behind a count word
    C(B, 1, "How many kilometres did the electric bikes cover in total?",
      "SELECT SUM(distance_km) AS km FROM bike_rentals WHERE bike_type = 'Electric'"),
    C(B, 1, "how many rentals started at Museum",
      "SELECT COUNT(*) AS rentals FROM bike_rentals WHERE station = 'Museum'"),
    C(B, 1, "How much did we take in fares in 2024?",
      "SELECT SUM(fare) AS fares FROM bike_rentals WHERE started_at LIKE '2024-%'"),
    C(B, 1, "How many minutes were cargo bikes ridden altogether? Finished rides only.",
      "SELECT SUM(%s) AS minutes FROM bike_rentals WHERE bike_type = 'Cargo' AND ended_at IS NOT NULL" % MINUTES,
      tolerance=1e-4),
    C(B, 1, "Total kilometres ridden from each station",
      "SELECT station, SUM(distance_km) AS km FROM bike_rentals GROUP BY station"),
    # 2: "per X" vs group-by
    C(B, 2, "What's the average fare per completed ride?",
      "SELECT AVG(fare) AS avg_fare FROM bike_rentals WHERE ended_at IS NOT NULL"),
    C(B, 2, "average distance per bike type",
      "SELECT bike_type, AVG(distance_km) AS avg_km FROM bike_rentals GROUP BY bike_type"),
    C(B, 2, "rentals per station",
      "SELECT station, COUNT(*) AS rentals FROM bike_rentals GROUP BY station"),
    C(B, 2, "What's the average rider age at each station?",
      "SELECT station, AVG(rider_age) AS avg_age FROM bike_rentals GROUP BY station"),
    # 3: filters
    C(B, 3, "How many rides were longer than 10 km?",
      "SELECT COUNT(*) AS rides FROM bike_rentals WHERE distance_km > 10"),
    C(B, 3, "Which stations have more than 50 rentals? Include the count.",
      "SELECT station, COUNT(*) AS rentals FROM bike_rentals GROUP BY station HAVING COUNT(*) > 50"),
    C(B, 3, "Which bikes are still out? Give me the rental id, station and start time.",
      "SELECT rental_id, station, started_at FROM bike_rentals WHERE ended_at IS NULL"),
    C(B, 3, "average fare excluding cargo bikes",
      "SELECT AVG(fare) AS avg_fare FROM bike_rentals WHERE bike_type <> 'Cargo'"),
    C(B, 3, "How many member rentals started at Museum or Riverside?",
      "SELECT COUNT(*) AS rentals FROM bike_rentals WHERE station IN ('Museum', 'Riverside') AND member = 'TRUE'"),
    C(B, 3, "Number of rentals from stations whose name starts with M",
      "SELECT COUNT(*) AS rentals FROM bike_rentals WHERE station LIKE 'M%'"),
    C(B, 3, "How many rides went further than the average ride distance?",
      "SELECT COUNT(*) AS rides FROM bike_rentals WHERE distance_km > (SELECT AVG(distance_km) FROM bike_rentals)"),
    C(B, 3, "For riders under 25, how many rentals were there and what was their average fare?",
      "SELECT COUNT(*) AS rentals, AVG(fare) AS avg_fare FROM bike_rentals WHERE rider_age < 25"),
    C(B, 3, "how many rides by people who are not members?",
      "SELECT COUNT(*) AS rides FROM bike_rentals WHERE member = 'FALSE'"),
    # 4: explicit order and shape
    C(B, 4, "Top 5 stations by total fare revenue",
      "SELECT station, SUM(fare) AS revenue FROM bike_rentals GROUP BY station ORDER BY revenue DESC LIMIT 5"),
    C(B, 4, "stations sorted by number of rentals, busiest first",
      "SELECT station, COUNT(*) AS rentals FROM bike_rentals GROUP BY station ORDER BY rentals DESC", ordered=True),
    C(B, 4, "Which 3 stations have the oldest riders on average?",
      "SELECT station, AVG(rider_age) AS avg_age FROM bike_rentals GROUP BY station ORDER BY avg_age DESC LIMIT 3"),
    C(B, 4, "Rank the bike types by average fare, cheapest first",
      "SELECT bike_type, AVG(fare) AS avg_fare FROM bike_rentals GROUP BY bike_type ORDER BY avg_fare",
      ordered=True),
    C(B, 4, "Show the 10 longest rides by distance: rental id, station and km",
      "SELECT rental_id, station, distance_km FROM bike_rentals WHERE distance_km IS NOT NULL "
      "ORDER BY distance_km DESC LIMIT 10"),
    # 5: several columns, two keys, stacked / grouped chart
    C(B, 5, "Stacked bar chart of rentals per station, stacked by bike type",
      "SELECT station, bike_type, COUNT(*) AS rentals FROM bike_rentals GROUP BY station, bike_type",
      chart="bar", series=True),
    C(B, 5, "For each bike type show the number of rides, the average distance and the average fare",
      "SELECT bike_type, COUNT(*) AS rides, AVG(distance_km) AS avg_km, AVG(fare) AS avg_fare FROM bike_rentals "
      "GROUP BY bike_type"),
    C(B, 5, "grouped bars: total km per year for each bike type",
      "SELECT CAST(strftime('%Y', started_at) AS INTEGER) AS year, bike_type, SUM(distance_km) AS km "
      "FROM bike_rentals GROUP BY year, bike_type", chart="bar", series=True),
    # 6: analysis kind
    C(B, 6, "box plot of ride distance by bike type",
      "SELECT bike_type, MIN(distance_km) AS min_km, median(distance_km) AS median_km, MAX(distance_km) AS max_km "
      "FROM bike_rentals GROUP BY bike_type", chart="box"),
    C(B, 6, "Scatter of distance vs fare for cargo bike rides",
      "SELECT distance_km, fare FROM bike_rentals WHERE bike_type = 'Cargo' AND distance_km IS NOT NULL",
      chart="scatter"),
    T(B, 6, "What does the spread of rider ages look like? A histogram please.", "distribution_plot",
      ["rider_age"], chart="histogram"),
    C(B, 6, "histogram of ride distances using 5 km bins",
      "SELECT CAST(distance_km / 5 AS INTEGER) * 5 AS bin_start, COUNT(*) AS rides FROM bike_rentals "
      "WHERE distance_km IS NOT NULL GROUP BY bin_start", chart="histogram"),
    # 7: derived measures
    C(B, 7, "Average ride duration in minutes by bike type",
      "SELECT bike_type, AVG(%s) AS avg_minutes FROM bike_rentals WHERE ended_at IS NOT NULL "
      "GROUP BY bike_type" % MINUTES, tolerance=1e-4),
    C(B, 7, "bar chart of the number of rentals on each day of the week",
      "SELECT dayname(started_at) AS weekday, COUNT(*) AS rentals FROM bike_rentals GROUP BY weekday",
      chart="bar"),
    C(B, 7, "What percentage of rentals are by members?",
      "SELECT 100.0 * SUM(member = 'TRUE') / COUNT(*) AS member_pct FROM bike_rentals"),
    C(B, 7, "When do people pick up bikes? Rentals by hour of the day they started, as a bar chart",
      "SELECT CAST(strftime('%H', started_at) AS INTEGER) AS hour, COUNT(*) AS rentals FROM bike_rentals "
      "GROUP BY hour", chart="bar"),
    C(B, 7, "How many rides lasted longer than an hour?",
      "SELECT COUNT(*) AS rides FROM bike_rentals WHERE %s > 60" % MINUTES),
    C(B, 7, "which month of the year is busiest for rentals? both years together",
      "SELECT CAST(strftime('%m', started_at) AS INTEGER) AS month, COUNT(*) AS rentals FROM bike_rentals "
      "GROUP BY month ORDER BY rentals DESC LIMIT 1"),
    C(B, 7, "Average ride length in minutes for non-members on electric bikes",
      "SELECT AVG(%s) AS avg_minutes FROM bike_rentals WHERE member = 'FALSE' AND bike_type = 'Electric' "
      "AND ended_at IS NOT NULL" % MINUTES, tolerance=1e-4),
    # 8: words about the chart
    C(B, 8, "Line chart of rentals per month, months on the x axis",
      "SELECT strftime('%Y-%m', started_at) AS month, COUNT(*) AS rentals FROM bike_rentals GROUP BY month",
      chart="line"),
    C(B, 8, "Make a bar chart with the stations along the bottom and the average fare as the bar height",
      "SELECT station, AVG(fare) AS avg_fare FROM bike_rentals GROUP BY station", chart="bar"),
    C(B, 8, "plot total fares per quarter as bars",
      "SELECT quarter(started_at) AS quarter, SUM(fare) AS fares FROM bike_rentals GROUP BY quarter", chart="bar"),
    C(B, 8, "pie chart of rentals by bike type",
      "SELECT bike_type, COUNT(*) AS rentals FROM bike_rentals GROUP BY bike_type", chart="pie"),
    # 9: shape of the answer
    C(B, 9, "Total distance ridden per month in 2025",
      "SELECT strftime('%Y-%m', started_at) AS month, SUM(distance_km) AS km FROM bike_rentals "
      "WHERE started_at LIKE '2025-%' GROUP BY month"),
    C(B, 9, "rentals by quarter",
      "SELECT quarter(started_at) AS quarter, COUNT(*) AS rentals FROM bike_rentals GROUP BY quarter"),
    C(B, 9, "Fare revenue by year",
      "SELECT CAST(strftime('%Y', started_at) AS INTEGER) AS year, SUM(fare) AS revenue FROM bike_rentals "
      "GROUP BY year"),
    # basic
    C(B, "basic", "What's the average age of our riders?",
      "SELECT AVG(rider_age) AS avg_age FROM bike_rentals"),
    C(B, "basic", "Which bike type gets rented the most?",
      "SELECT bike_type, COUNT(*) AS rentals FROM bike_rentals GROUP BY bike_type ORDER BY rentals DESC LIMIT 1"),
    C(B, "basic", "longest ride distance on record?",
      "SELECT MAX(distance_km) AS max_km FROM bike_rentals"),
    C(B, "basic", "How many rentals were there in July 2025?",
      "SELECT COUNT(*) AS rentals FROM bike_rentals WHERE started_at LIKE '2025-07-%'"),
]

FLAGGED = [
    F(H, "Why did so many Expedia bookings get cancelled?",
      "asks for a cause; the table records cancellations, not their reasons"),
    F(H, "How many bookings should we expect next summer?", "a forecast, not a fact in the table"),
    F(H, "What's the average room size in square metres for the Suites?", "no column holds room size"),
    F(H, "Who are our best guests?",
      "'best' is undefined: most bookings, most nights, most spend and highest reviews give different answers"),
    F(B, "Will electric bike demand keep growing next year?", "a forecast"),
    F(B, "Why is Riverside less popular than the other stations?", "asks for a cause the data cannot show"),
    F(B, "How many bikes does the company own?",
      "the table lists rentals, not the fleet; bikes have no id, so not even the bikes rented can be counted"),
    F(B, "Show me the long rides", "'long' has no threshold and could mean distance or duration"),
]
