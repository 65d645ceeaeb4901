"""Audit tables and questions, written blind: a video streaming service's viewing sessions and a company's hiring
pipeline.

streaming_views (540 rows): one row per viewing session, 2024-01-01 .. 2024-06-30.
  session_id (S10001 ..), user_id (U0001 .., about 120 users who each watch many sessions: the entity repeats),
  title (16 titles, several sharing a prefix: "The Last ...", "Star Voyage" / "Star Voyage: Origins" / "Starlight
  Bakery", "Midnight ...", "Little ...", "Ocean ..."), genre (Drama, Comedy, Documentary, Sci-Fi, Thriller, Kids),
  device (TV, Mobile, Web, Tablet), country (7, two starting "United"), started_at (ISO timestamp
  'YYYY-MM-DD HH:MM:SS', evening-heavy), minutes_watched (integer, 1 .. about 2 hours and a bit; a finished title
  runs its full length plus a few minutes of credits), completed (yes/no), plan (Basic, Standard, Premium; fixed
  per user), rating (1-5 stars, BLANK when the viewer did not rate the session: most sessions are unrated, and
  viewers who finish rate far more often than viewers who drop off).

job_applications (470 rows): one row per application, 2024-01-02 .. 2024-12-29.
  application_id (APP-2001 ..), candidate_id (about 240 candidates; a candidate can apply to several roles, at
  most once each, so it repeats; a candidate is hired at most once: a later offer to someone already hired is
  recorded as rejected), job_title (16 titles sharing prefixes and words: "Software Engineer", "Senior Software
  Engineer", "Software Engineer in Test", "Data Analyst/Scientist/Engineer", "Sales Representative/Manager", ...),
  department (Engineering, Data, Sales, Marketing, Product, People), source (Referral, Job Board, Agency, Careers
  Site), applied_date (ISO date), interview_date (ISO date, BLANK when the application never reached an
  interview: rejected at screening or still early in the pipeline), offer_salary (yearly amount in dollars, BLANK
  unless an offer was made: only stages offered and hired have one), stage (the furthest/final stage: applied,
  screened, interviewed, offered, hired, rejected; applications from late December are often still open),
  years_experience (integer, the candidate's, same on each of their applications), remote (TRUE/FALSE: whether
  the role is remote).
"""
import random
from datetime import date, datetime, timedelta

from ..case import C, F, T

TITLES = [  # title, genre, runtime minutes, popularity weight
    ("The Last Kingdom", "Drama", 55, 9), ("The Last Frontier", "Documentary", 50, 4),
    ("The Last Laugh", "Comedy", 96, 5), ("Star Voyage", "Sci-Fi", 128, 6),
    ("Star Voyage: Origins", "Sci-Fi", 45, 7), ("Starlight Bakery", "Comedy", 24, 8),
    ("Ocean Deep", "Documentary", 52, 5), ("Ocean's Whisper", "Drama", 112, 4),
    ("Midnight Files", "Thriller", 48, 10), ("Midnight Run Home", "Thriller", 104, 3),
    ("Little Explorers", "Kids", 22, 7), ("Little Dragon Tales", "Kids", 12, 6),
    ("Cold Case Harbor", "Thriller", 44, 6), ("Planet of Kitchens", "Documentary", 30, 3),
    ("Family Matters Again", "Comedy", 26, 7), ("Crown of Ashes", "Drama", 58, 8),
]
COUNTRIES = ["United States", "United Kingdom", "Canada", "Germany", "Brazil", "India", "Australia"]


def streaming_views():
    rng = random.Random(4471)
    cols = [("session_id", "TEXT"), ("user_id", "TEXT"), ("title", "TEXT"), ("genre", "TEXT"), ("device", "TEXT"),
            ("country", "TEXT"), ("started_at", "TEXT"), ("minutes_watched", "INTEGER"), ("completed", "TEXT"),
            ("plan", "TEXT"), ("rating", "INTEGER")]
    users = []
    for u in range(130):
        country = rng.choices(COUNTRIES, [10, 5, 3, 3, 4, 4, 2])[0]
        plan = rng.choices(["Basic", "Standard", "Premium"], [4, 5, 3])[0]
        devs = rng.sample(["TV", "Mobile", "Web", "Tablet"], rng.choice([1, 2, 2, 3]))
        users.append(("U%04d" % (u + 1), country, plan, devs, rng.randint(1, 8)))
    rows = []
    start = datetime(2024, 1, 1)
    for s in range(540):
        uid, country, plan, devs, _ = rng.choices(users, [u[4] for u in users])[0]
        title, genre, runtime, _ = rng.choices(TITLES, [t[3] for t in TITLES])[0]
        device = rng.choice(devs)
        day = start + timedelta(days=rng.randrange(182))
        hour = rng.choices(range(24), [1, 1, 1, 0, 0, 0, 1, 2, 2, 2, 2, 3, 4, 3, 3, 3, 4, 5, 8, 10, 12, 11, 7, 3])[0]
        ts = day + timedelta(hours=hour, minutes=rng.randrange(60), seconds=rng.randrange(60))
        finish_p = 0.65 if device == "TV" else 0.45 if device in ("Tablet", "Web") else 0.35
        if rng.random() < finish_p:
            minutes = runtime + rng.choice([0, 0, 0, 1, 2, 3, 5])  # credits / rewinds
            done = "yes"
        else:
            minutes = max(1, int(runtime * rng.uniform(0.03, 0.85)))
            done = "no"
        if done == "yes":
            rating = rng.choices([1, 2, 3, 4, 5], [1, 2, 4, 8, 7])[0] if rng.random() < 0.55 else None
        else:
            rating = rng.choices([1, 2, 3, 4, 5], [3, 4, 4, 2, 1])[0] if rng.random() < 0.15 else None
        rows.append([None, uid, title, genre, device, country, ts.strftime("%Y-%m-%d %H:%M:%S"), minutes, done,
                     plan, rating])
    rows.sort(key=lambda r: r[6])
    for i, r in enumerate(rows):
        r[0] = "S%05d" % (10001 + i)
    return cols, rows


JOBS = [  # title, department, base salary, typical experience, weight
    ("Software Engineer", "Engineering", 98000, 4, 10), ("Senior Software Engineer", "Engineering", 132000, 9, 6),
    ("Software Engineer in Test", "Engineering", 88000, 4, 3), ("DevOps Engineer", "Engineering", 110000, 6, 3),
    ("Data Analyst", "Data", 72000, 3, 7), ("Data Scientist", "Data", 115000, 5, 5),
    ("Data Engineer", "Data", 112000, 5, 4),
    ("Sales Representative", "Sales", 55000, 2, 8), ("Sales Manager", "Sales", 95000, 8, 3),
    ("Account Executive", "Sales", 68000, 4, 5), ("Marketing Specialist", "Marketing", 62000, 3, 5),
    ("Marketing Manager", "Marketing", 90000, 8, 2), ("Product Manager", "Product", 118000, 7, 4),
    ("Product Designer", "Product", 96000, 5, 3), ("HR Generalist", "People", 60000, 4, 2),
    ("Recruiter", "People", 58000, 3, 3),
]


def job_applications():
    rng = random.Random(8812)
    cols = [("application_id", "TEXT"), ("candidate_id", "TEXT"), ("job_title", "TEXT"), ("department", "TEXT"),
            ("source", "TEXT"), ("applied_date", "TEXT"), ("interview_date", "TEXT"), ("offer_salary", "REAL"),
            ("stage", "TEXT"), ("years_experience", "INTEGER"), ("remote", "TEXT")]
    cands = []
    for c in range(330):
        cands.append(("C%04d" % (c + 1), rng.choices([1, 2, 3, 5], [12, 4, 2, 1])[0],
                      max(0, min(24, int(round(rng.gammavariate(2.2, 2.6)))))))
    rows, seen = [], set()
    for a in range(470):
        cid, _, years = rng.choices(cands, [c[1] for c in cands])[0]
        title, dept, base, exp, _ = rng.choices(JOBS, [j[4] for j in JOBS])[0]
        while (cid, title) in seen:  # one application per candidate and role
            title, dept, base, exp, _ = rng.choices(JOBS, [j[4] for j in JOBS])[0]
        seen.add((cid, title))
        source = rng.choices(["Referral", "Job Board", "Agency", "Careers Site"], [2, 5, 1, 3])[0]
        applied = date(2024, 1, 2) + timedelta(days=rng.randrange(364))
        remote = "TRUE" if rng.random() < (0.55 if dept in ("Engineering", "Data", "Product") else 0.25) else "FALSE"
        quality = {"Referral": 0.15, "Agency": 0.05, "Careers Site": 0.0, "Job Board": -0.07}[source]
        days_left = (date(2024, 12, 31) - applied).days
        # the furthest stage reached and whether it ended in a rejection
        stage, interview, salary = "applied", None, None
        pending = days_left < 60 and rng.random() < 0.7
        if pending and days_left < 15:
            stage = "applied"
        elif rng.random() < 0.32 - quality:
            stage = "rejected"
        elif pending and days_left < 35:
            stage = "screened"
        else:
            interview = applied + timedelta(days=rng.randint(6, 34))
            if rng.random() < 0.33 - quality:
                stage = "rejected"
            elif pending:
                stage = "interviewed"
            else:
                salary = round((base + (years - exp) * 3500) * rng.uniform(0.92, 1.1) / 500) * 500
                stage = "offered" if rng.random() < 0.25 else "hired"
        if interview and interview > date(2024, 12, 31):
            interview, salary, stage = None, None, "screened"
        rows.append([None, cid, title, dept, source, applied.isoformat(),
                     interview.isoformat() if interview else None, salary, stage, years, remote])
    rows.sort(key=lambda r: (r[5], r[1]))
    hired = set()
    for i, r in enumerate(rows):
        r[0] = "APP-%04d" % (2001 + i)
        if r[8] in ("hired", "offered") and r[1] in hired:  # a candidate takes one job: later offers are declined
            r[7], r[8] = None, "rejected"
        if r[8] == "hired":
            hired.add(r[1])
    return cols, rows

# ---- questions ----------------------------------------------------------------------------------------------

SV = "streaming_views"
JA = "job_applications"

CASES = [
    # ---- streaming_views ----
    # 1: the measure behind a count word
    C(SV, 1, "How many users watched something on a TV?",
      "SELECT COUNT(DISTINCT user_id) FROM streaming_views WHERE device = 'TV'"),
    C(SV, 1, "How many hours of content have been watched in total?",
      "SELECT SUM(minutes_watched) / 60.0 FROM streaming_views"),
    C(SV, 1, "how many sessions were watched to the end",
      "SELECT COUNT(*) FROM streaming_views WHERE completed = 'yes'"),
    C(SV, 1, "For each genre, how many different titles were viewed?",
      "SELECT genre, COUNT(DISTINCT title) FROM streaming_views GROUP BY genre"),
    C(SV, 1, "How many subscribers on the Premium plan watched at least one thing?",
      "SELECT COUNT(DISTINCT user_id) FROM streaming_views WHERE plan = 'Premium'"),
    # 2: per X
    C(SV, 2, "What is the average watch time per session, in minutes?",
      "SELECT AVG(minutes_watched) FROM streaming_views"),
    C(SV, 2, "On average, how many sessions does a user have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT user_id) FROM streaming_views"),
    C(SV, 2, "Show me the average minutes watched per device",
      "SELECT device, AVG(minutes_watched) FROM streaming_views GROUP BY device"),
    C(SV, 2, "What's the average total viewing time per user, in minutes? One number please.",
      "SELECT AVG(t) FROM (SELECT SUM(minutes_watched) AS t FROM streaming_views GROUP BY user_id)"),
    C(SV, 2, "Total minutes watched per country",
      "SELECT country, SUM(minutes_watched) FROM streaming_views GROUP BY country"),
    # 3: lost filters
    C(SV, 3, "How many sessions lasted more than 2 hours?",
      "SELECT COUNT(*) FROM streaming_views WHERE minutes_watched > 120"),
    C(SV, 3, "How many sessions were not on mobile?",
      "SELECT COUNT(*) FROM streaming_views WHERE device <> 'Mobile'"),
    C(SV, 3, "List the titles starting with \"The Last\" and how many sessions each one had",
      "SELECT title, COUNT(*) FROM streaming_views WHERE title LIKE 'The Last%' GROUP BY title"),
    C(SV, 3, "Which genres have more than 100 sessions?",
      "SELECT genre FROM streaming_views GROUP BY genre HAVING COUNT(*) > 100"),
    C(SV, 3, "How many sessions were longer than the average session?",
      "SELECT COUNT(*) FROM streaming_views WHERE minutes_watched > "
      "(SELECT AVG(minutes_watched) FROM streaming_views)"),
    C(SV, 3, "What's the average star rating for Drama or Thriller sessions?",
      "SELECT AVG(rating) FROM streaming_views WHERE genre IN ('Drama', 'Thriller')"),
    # 4: explicit order and shape
    C(SV, 4, "Top 5 titles by total minutes watched, highest first",
      "SELECT title, SUM(minutes_watched) AS m FROM streaming_views GROUP BY title ORDER BY m DESC LIMIT 5",
      ordered=True),
    C(SV, 4, "List the countries sorted by number of sessions from lowest to highest",
      "SELECT country, COUNT(*) AS n FROM streaming_views GROUP BY country ORDER BY n ASC", ordered=True),
    C(SV, 4, "What are the 3 least watched genres by session count?",
      "SELECT genre, COUNT(*) AS n FROM streaming_views GROUP BY genre ORDER BY n ASC LIMIT 3", ordered=True),
    C(SV, 4, "Rank devices by number of completed sessions, most first",
      "SELECT device, COUNT(*) AS n FROM streaming_views WHERE completed = 'yes' GROUP BY device ORDER BY n DESC",
      ordered=True),
    C(SV, 4, "show the 5 users who watched the most minutes, in descending order",
      "SELECT user_id, SUM(minutes_watched) AS m FROM streaming_views GROUP BY user_id ORDER BY m DESC LIMIT 5",
      ordered=True),
    # 5: several columns / a series / a scatter of aggregates
    C(SV, 5, "Break down the number of sessions by genre and device",
      "SELECT genre, device, COUNT(*) FROM streaming_views GROUP BY genre, device"),
    C(SV, 5, "Stacked bar chart of sessions per month, split by subscription plan",
      "SELECT substr(started_at, 1, 7), plan, COUNT(*) FROM streaming_views GROUP BY 1, 2", chart="bar",
      series=True),
    C(SV, 5, "Scatter plot of each title's average rating against its average minutes watched",
      "SELECT title, AVG(rating), AVG(minutes_watched) FROM streaming_views GROUP BY title", chart="scatter"),
    C(SV, 5, "For each device, show the total number of sessions and how many of them were completed",
      "SELECT device, COUNT(*), SUM(completed = 'yes') FROM streaming_views GROUP BY device"),
    C(SV, 5, "Line chart of hours watched each month with one line per device",
      "SELECT substr(started_at, 1, 7), device, SUM(minutes_watched) / 60.0 FROM streaming_views GROUP BY 1, 2",
      chart="line", series=True),
    # 6: the analysis kind
    C(SV, 6, "Box plot of minutes watched by device",
      "SELECT device, MIN(minutes_watched), median(minutes_watched), MAX(minutes_watched) FROM streaming_views "
      "GROUP BY device", chart="box"),
    C(SV, 6, "Histogram of minutes watched using 20-minute bins",
      "SELECT (minutes_watched / 20) * 20, COUNT(*) FROM streaming_views GROUP BY 1", chart="histogram"),
    T(SV, 6, "Draw a histogram of minutes watched per session", "distribution_plot", ["minutes_watched"],
      chart="histogram"),
    C(SV, 6, "Is there a correlation between how long people watch and the rating they give? Give me the coefficient.",
      "SELECT (COUNT(*) * SUM(minutes_watched * rating) - SUM(minutes_watched) * SUM(rating) * 1.0) / "
      "(sqrt(COUNT(*) * SUM(minutes_watched * minutes_watched) - SUM(minutes_watched) * SUM(minutes_watched) * 1.0) * "
      "sqrt(COUNT(*) * SUM(rating * rating) - SUM(rating) * SUM(rating) * 1.0)) FROM streaming_views "
      "WHERE rating IS NOT NULL"),
    C(SV, 6, "Scatter of minutes watched vs rating for the rated Sci-Fi sessions",
      "SELECT minutes_watched, rating FROM streaming_views WHERE genre = 'Sci-Fi' AND rating IS NOT NULL",
      chart="scatter"),
    # 7: derived measures
    C(SV, 7, "What's the completion rate on each device?",
      "SELECT device, AVG(completed = 'yes') FROM streaming_views GROUP BY device"),
    C(SV, 7, "Number of viewing sessions by day of the week",
      "SELECT dayname(started_at), COUNT(*) FROM streaming_views GROUP BY 1"),
    C(SV, 7, "By what percentage did the number of sessions change from January to June?",
      "SELECT (SUM(substr(started_at, 1, 7) = '2024-06') - SUM(substr(started_at, 1, 7) = '2024-01')) * 100.0 / "
      "SUM(substr(started_at, 1, 7) = '2024-01') FROM streaming_views"),
    C(SV, 7, "Show the cumulative number of sessions month by month",
      "SELECT m, SUM(n) OVER (ORDER BY m) FROM (SELECT substr(started_at, 1, 7) AS m, COUNT(*) AS n "
      "FROM streaming_views GROUP BY m) ORDER BY m", ordered=True),
    C(SV, 7, "What percentage of sessions were watched by Premium subscribers?",
      "SELECT AVG(plan = 'Premium') * 100.0 FROM streaming_views"),
    C(SV, 7, "How many sessions start in each hour of the day?",
      "SELECT CAST(substr(started_at, 12, 2) AS INTEGER), COUNT(*) FROM streaming_views GROUP BY 1"),
    # 8: words about the chart
    C(SV, 8, "Bar chart with genre on the x axis and total hours watched on the y axis",
      "SELECT genre, SUM(minutes_watched) / 60.0 FROM streaming_views GROUP BY genre", chart="bar"),
    C(SV, 8, "Visualize sessions by country as a pie chart",
      "SELECT country, COUNT(*) FROM streaming_views GROUP BY country", chart="pie"),
    C(SV, 8, "Plot sessions per month as a line, months along the x-axis",
      "SELECT substr(started_at, 1, 7) AS m, COUNT(*) FROM streaming_views GROUP BY m ORDER BY m", chart="line",
      ordered=True),
    C(SV, 8, "Display the average rating for each plan with bars",
      "SELECT plan, AVG(rating) FROM streaming_views GROUP BY plan", chart="bar"),
    C(SV, 8, "graph completed sessions per genre, one bar per genre",
      "SELECT genre, COUNT(*) FROM streaming_views WHERE completed = 'yes' GROUP BY genre", chart="bar"),
    # 9: the shape of the answer
    C(SV, 9, "Which genre has the most sessions?",
      "SELECT genre FROM streaming_views GROUP BY genre ORDER BY COUNT(*) DESC LIMIT 1"),
    C(SV, 9, "What was the longest single session, in minutes?",
      "SELECT MAX(minutes_watched) FROM streaming_views"),
    C(SV, 9, "Which user has watched the most minutes overall?",
      "SELECT user_id FROM streaming_views GROUP BY user_id ORDER BY SUM(minutes_watched) DESC LIMIT 1"),
    C(SV, 9, "Which device has the lowest completion rate?",
      "SELECT device FROM streaming_views GROUP BY device ORDER BY AVG(completed = 'yes') ASC LIMIT 1"),
    C(SV, 9, "On which date were the most sessions started?",
      "SELECT substr(started_at, 1, 10) FROM streaming_views GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"),
    # basic
    C(SV, "basic", "How many viewing sessions are in the data?", "SELECT COUNT(*) FROM streaming_views"),
    C(SV, "basic", "What's the average rating viewers give?", "SELECT AVG(rating) FROM streaming_views"),
    C(SV, "basic", "Total minutes watched by Premium subscribers",
      "SELECT SUM(minutes_watched) FROM streaming_views WHERE plan = 'Premium'"),
    C(SV, "basic", "Which countries do our viewers come from?", "SELECT DISTINCT country FROM streaming_views"),
    C(SV, "basic", "How many sessions did user U0042 have?",
      "SELECT COUNT(*) FROM streaming_views WHERE user_id = 'U0042'"),
    C(SV, "basic", "Average minutes watched for Kids titles",
      "SELECT AVG(minutes_watched) FROM streaming_views WHERE genre = 'Kids'"),

    # ---- job_applications ----
    # 1: the measure behind a count word
    C(JA, 1, "How many candidates have applied?",
      "SELECT COUNT(DISTINCT candidate_id) FROM job_applications"),
    C(JA, 1, "How many applications came in through referrals?",
      "SELECT COUNT(*) FROM job_applications WHERE source = 'Referral'"),
    C(JA, 1, "How many people did we hire?",
      "SELECT COUNT(DISTINCT candidate_id) FROM job_applications WHERE stage = 'hired'"),
    C(JA, 1, "How many candidates applied for more than one role?",
      "SELECT COUNT(*) FROM (SELECT candidate_id FROM job_applications GROUP BY candidate_id "
      "HAVING COUNT(DISTINCT job_title) > 1)"),
    C(JA, 1, "How many interviews took place in March 2024?",
      "SELECT COUNT(*) FROM job_applications WHERE interview_date LIKE '2024-03%'"),
    # 2: per X
    C(JA, 2, "What's the average number of applications per candidate?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT candidate_id) FROM job_applications"),
    C(JA, 2, "Average offer salary per department",
      "SELECT department, AVG(offer_salary) FROM job_applications WHERE offer_salary IS NOT NULL GROUP BY department"),
    C(JA, 2, "How many applications did we get per source?",
      "SELECT source, COUNT(*) FROM job_applications GROUP BY source"),
    C(JA, 2, "What is the average salary per hire? Just the overall figure.",
      "SELECT AVG(offer_salary) FROM job_applications WHERE stage = 'hired'"),
    C(JA, 2, "Number of applications received per month",
      "SELECT substr(applied_date, 1, 7), COUNT(*) FROM job_applications GROUP BY 1"),
    # 3: lost filters
    C(JA, 3, "How many applications list more than 10 years of experience?",
      "SELECT COUNT(*) FROM job_applications WHERE years_experience > 10"),
    C(JA, 3, "How many applications did not come from a job board?",
      "SELECT COUNT(*) FROM job_applications WHERE source <> 'Job Board'"),
    C(JA, 3, "How many applications were for roles with 'Engineer' in the job title?",
      "SELECT COUNT(*) FROM job_applications WHERE job_title LIKE '%Engineer%'"),
    C(JA, 3, "Which departments received more than 50 applications?",
      "SELECT department FROM job_applications GROUP BY department HAVING COUNT(*) > 50"),
    C(JA, 3, "How many hires were paid more than the average salary of all hires?",
      "SELECT COUNT(*) FROM job_applications WHERE stage = 'hired' AND offer_salary > "
      "(SELECT AVG(offer_salary) FROM job_applications WHERE stage = 'hired')"),
    C(JA, 3, "How many applications for remote positions were in Sales or Marketing?",
      "SELECT COUNT(*) FROM job_applications WHERE remote = 'TRUE' AND department IN ('Sales', 'Marketing')"),
    # 4: explicit order and shape
    C(JA, 4, "Top 5 job titles by number of applications, most first",
      "SELECT job_title, COUNT(*) AS n FROM job_applications GROUP BY job_title ORDER BY n DESC LIMIT 5",
      ordered=True),
    C(JA, 4, "List departments by average offer salary from highest to lowest",
      "SELECT department, AVG(offer_salary) AS s FROM job_applications WHERE offer_salary IS NOT NULL "
      "GROUP BY department ORDER BY s DESC", ordered=True),
    C(JA, 4, "Which 3 sources brought in the fewest hires? Start with the fewest.",
      "SELECT source, COUNT(*) AS n FROM job_applications WHERE stage = 'hired' GROUP BY source ORDER BY n ASC "
      "LIMIT 3", ordered=True),
    C(JA, 4, "Sort the job titles alphabetically and show how many hires each had",
      "SELECT job_title, SUM(stage = 'hired') FROM job_applications GROUP BY job_title ORDER BY job_title",
      ordered=True),
    C(JA, 4, "Give me the 5 highest offer salaries with their job titles, largest first",
      "SELECT job_title, offer_salary FROM job_applications WHERE offer_salary IS NOT NULL "
      "ORDER BY offer_salary DESC LIMIT 5", ordered=True),
    # 5: several columns / a series / a scatter of aggregates
    C(JA, 5, "Break down applications by department and stage",
      "SELECT department, stage, COUNT(*) FROM job_applications GROUP BY department, stage"),
    C(JA, 5, "Grouped bar chart of hires by source, split by remote vs on-site",
      "SELECT source, remote, COUNT(*) FROM job_applications WHERE stage = 'hired' GROUP BY source, remote",
      chart="bar", series=True),
    C(JA, 5, "For the applications that got an offer, plot average years of experience against average offer salary "
             "for each job title as a scatter",
      "SELECT job_title, AVG(years_experience), AVG(offer_salary) FROM job_applications "
      "WHERE offer_salary IS NOT NULL GROUP BY job_title", chart="scatter"),
    C(JA, 5, "For each source show the number of applications, the number of interviews and the number of hires",
      "SELECT source, COUNT(*), COUNT(interview_date), SUM(stage = 'hired') FROM job_applications GROUP BY source"),
    C(JA, 5, "Line chart of monthly applications with a separate line for each department",
      "SELECT substr(applied_date, 1, 7), department, COUNT(*) FROM job_applications GROUP BY 1, 2", chart="line",
      series=True),
    # 6: the analysis kind
    C(JA, 6, "Box plot of offer salaries by department",
      "SELECT department, MIN(offer_salary), median(offer_salary), MAX(offer_salary) FROM job_applications "
      "WHERE offer_salary IS NOT NULL GROUP BY department", chart="box"),
    C(JA, 6, "Histogram of years of experience in 5-year bins",
      "SELECT (years_experience / 5) * 5, COUNT(*) FROM job_applications GROUP BY 1", chart="histogram"),
    T(JA, 6, "Show me a histogram of offer salaries", "distribution_plot", ["offer_salary"], chart="histogram"),
    C(JA, 6, "What's the correlation between years of experience and offer salary?",
      "SELECT (COUNT(*) * SUM(years_experience * offer_salary) - SUM(years_experience) * SUM(offer_salary)) / "
      "(sqrt(COUNT(*) * SUM(years_experience * years_experience) - SUM(years_experience) * SUM(years_experience) * 1.0)"
      " * sqrt(COUNT(*) * SUM(offer_salary * offer_salary) - SUM(offer_salary) * SUM(offer_salary))) "
      "FROM job_applications WHERE offer_salary IS NOT NULL"),
    C(JA, 6, "Scatter plot of years of experience against offer salary for Engineering hires",
      "SELECT years_experience, offer_salary FROM job_applications WHERE department = 'Engineering' "
      "AND stage = 'hired'", chart="scatter"),
    # 7: derived measures
    C(JA, 7, "On average, how many days pass between an application and its interview?",
      "SELECT AVG(julianday(interview_date) - julianday(applied_date)) FROM job_applications "
      "WHERE interview_date IS NOT NULL"),
    C(JA, 7, "What is the hire rate for each source?",
      "SELECT source, AVG(stage = 'hired') FROM job_applications GROUP BY source"),
    C(JA, 7, "Applications by day of the week",
      "SELECT dayname(applied_date), COUNT(*) FROM job_applications GROUP BY 1"),
    C(JA, 7, "How many applications came in each quarter?",
      "SELECT quarter(applied_date), COUNT(*) FROM job_applications GROUP BY 1"),
    C(JA, 7, "Percent change in applications from Q1 to Q4 2024",
      "SELECT (SUM(quarter(applied_date) = '2024-Q4') - SUM(quarter(applied_date) = '2024-Q1')) * 100.0 / "
      "SUM(quarter(applied_date) = '2024-Q1') FROM job_applications"),
    C(JA, 7, "Running total of hires by the month they applied",
      "SELECT m, SUM(n) OVER (ORDER BY m) FROM (SELECT substr(applied_date, 1, 7) AS m, COUNT(*) AS n "
      "FROM job_applications WHERE stage = 'hired' GROUP BY m) ORDER BY m", ordered=True),
    # 8: words about the chart
    C(JA, 8, "Bar chart: departments on the x-axis, number of applications on the y-axis",
      "SELECT department, COUNT(*) FROM job_applications GROUP BY department", chart="bar"),
    C(JA, 8, "pie chart of applications by source",
      "SELECT source, COUNT(*) FROM job_applications GROUP BY source", chart="pie"),
    C(JA, 8, "Plot the number of interviews per month as a line with the month on the x axis",
      "SELECT substr(interview_date, 1, 7) AS m, COUNT(*) FROM job_applications WHERE interview_date IS NOT NULL "
      "GROUP BY m ORDER BY m", chart="line", ordered=True),
    C(JA, 8, "Visualize the average offer salary for each job title using horizontal bars",
      "SELECT job_title, AVG(offer_salary) FROM job_applications WHERE offer_salary IS NOT NULL GROUP BY job_title",
      chart="bar"),
    C(JA, 8, "Display hires per department in a bar graph",
      "SELECT department, COUNT(*) FROM job_applications WHERE stage = 'hired' GROUP BY department", chart="bar"),
    # 9: the shape of the answer
    C(JA, 9, "Which source produced the most hires?",
      "SELECT source FROM job_applications WHERE stage = 'hired' GROUP BY source ORDER BY COUNT(*) DESC LIMIT 1"),
    C(JA, 9, "What's the highest salary we have offered?", "SELECT MAX(offer_salary) FROM job_applications"),
    C(JA, 9, "Which job title got the most applications?",
      "SELECT job_title FROM job_applications GROUP BY job_title ORDER BY COUNT(*) DESC LIMIT 1"),
    C(JA, 9, "Which department has the best hire rate?",
      "SELECT department FROM job_applications GROUP BY department ORDER BY AVG(stage = 'hired') DESC LIMIT 1"),
    C(JA, 9, "When did the first application arrive?", "SELECT MIN(applied_date) FROM job_applications"),
    # basic
    C(JA, "basic", "How many applications do we have?", "SELECT COUNT(*) FROM job_applications"),
    C(JA, "basic", "What's the average offer salary?", "SELECT AVG(offer_salary) FROM job_applications"),
    C(JA, "basic", "How many applications are currently at the screened stage?",
      "SELECT COUNT(*) FROM job_applications WHERE stage = 'screened'"),
    C(JA, "basic", "Which departments do we have applications for?",
      "SELECT DISTINCT department FROM job_applications"),
    C(JA, "basic", "How many hires did the Data department make?",
      "SELECT COUNT(*) FROM job_applications WHERE department = 'Data' AND stage = 'hired'"),
    C(JA, "basic", "What's the median years of experience of the people we hired?",
      "SELECT median(years_experience) FROM job_applications WHERE stage = 'hired'"),
]

FLAGGED = [
    F(SV, "How much revenue did each title bring in?", "there is no revenue or price column"),
    F(SV, "How many sessions will we have in July?", "a forecast: the data ends in June 2024"),
    F(SV, "Why do mobile viewers finish fewer shows?", "asks for a cause the data cannot show"),
    F(SV, "Which titles are popular?", "no measure or threshold for 'popular' (sessions, minutes, ratings?)"),
    F(JA, "What's the gender split of our applicants?", "there is no gender column"),
    F(JA, "How many people will we hire next quarter?", "a forecast"),
    F(JA, "Why do referrals get hired more often than job board applicants?", "asks for a cause"),
    F(JA, "Which candidates are experienced?", "'experienced' has no threshold"),
]

TABLES = {"streaming_views": streaming_views, "job_applications": job_applications}
