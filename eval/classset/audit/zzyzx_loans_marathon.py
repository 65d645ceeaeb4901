"""Audit question set (blind): a lender's repayment schedule and a city marathon's results.

Table `loan_repayments` -- the repayment schedule lines of a consumer and small-business lender, as extracted on
2025-03-31. One row per scheduled monthly instalment of a loan, so a loan repeats on as many rows as it has
instalments falling due up to 2025-03-31 (loan-level columns repeat on every row of the loan); a borrower may hold
more than one loan. Only instalments whose due date is on or before 2025-03-31 are listed.
  loan_id            TEXT     loan identifier, 'LN-1007'; repeats once per instalment.
  borrower_id        TEXT     borrower identifier, 'B-100'; repeats across instalments and across the borrower's loans.
  branch             TEXT     branch that booked the loan: North Harbour, North Ridge, Northgate, South Quay,
                              Southfield, Central (three start with 'North', two with 'South').
  product_type       TEXT     Personal Loan, Personal Loan Plus, Auto Loan, Home Improvement, Small Business.
  principal          REAL     amount lent on the loan, in EUR (a loan-level value, repeated on each of its rows).
  interest_rate_pct  REAL     nominal annual interest rate in percent (9.5 means 9.5 %), loan level.
  term_months        INTEGER  number of monthly instalments in the loan's full schedule, loan level.
  instalment_no      INTEGER  1 for the first instalment of the loan, 2 for the second, ...
  due_date           TEXT     date the instalment falls due, 'YYYY-MM-DD'.
  paid_date          TEXT     date the payment was received, 'YYYY-MM-DD'; blank when nothing has been paid.
  amount_due         REAL     scheduled instalment amount in EUR (principal plus interest), equal on all rows of a loan.
  amount_paid        REAL     amount received for the instalment in EUR; 0 when unpaid; less than amount_due for a
                              partial payment.
  days_late          INTEGER  paid_date minus due_date in days; negative when paid early, 0 on the day; blank when
                              unpaid.
  written_off        TEXT     'yes' when the instalment has been written off as uncollectable, else 'no'.
  fee                REAL     fee booked on the instalment in EUR: a late or missed-payment fee (15 or 25) is
                              positive; a waiver that refunds an earlier fee is negative; 0 when none.

Table `marathon_results` -- the results of a city marathon (42.195 km), one row per runner per race edition
(2021 to 2024). A runner (runner_id) repeats across the editions they ran; the bib number is only unique within an
edition.
  race_year          INTEGER  edition, 2021 .. 2024.
  race_date          TEXT     race day, 'YYYY-MM-DD'.
  bib                INTEGER  bib number worn in that edition.
  runner_id          TEXT     runner identifier, 'R-1003'; the same person across editions.
  runner_name        TEXT     runner's name, first and last ('Anna Berg').
  gender             TEXT     'F' or 'M'.
  age_group          TEXT     age on race day: '18-29', '30-39', '40-49', '50-59', '60+'.
  country            TEXT     country the runner represents (Netherlands, New Zealand, Norway, Germany, Kenya,
                              Ethiopia, United Kingdom, United States, Belgium).
  registered_on      TEXT     date the runner registered for that edition, 'YYYY-MM-DD' (before race day).
  start_wave         TEXT     Elite, Wave A, Wave B, Wave C (from fastest to slowest seeded).
  start_time         TEXT     gun time of the runner's wave, 'YYYY-MM-DD HH:MM'.
  dnf                TEXT     'yes' when the runner started but did not finish, else 'no'.
  half_split_seconds INTEGER  time at half way (21.1 km) in seconds; blank when a non-finisher did not reach half way.
  half_split         TEXT     the same time as 'H:MM:SS'; blank likewise.
  finish_seconds     INTEGER  finish (net) time in seconds; blank for a DNF.
  finish_time        TEXT     the same time as 'H:MM:SS'; blank for a DNF.
  split_diff_seconds INTEGER  second-half time minus first-half time in seconds; negative for a negative split
                              (second half faster); blank for a DNF.
  pace_min_per_km    REAL     average pace in minutes per km (5.25 = 5.25 minutes); blank for a DNF.
  charity_raised     REAL     money raised for the race charity in EUR; blank when the runner did not fundraise,
                              0 when they fundraised but raised nothing.
"""
import datetime
import random

from ..case import C, F, T

def _d(s):
    return datetime.date.fromisoformat(s)

def _add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return datetime.date(y, m, min(d.day, 28))

def gen_loans():
    rnd = random.Random(80232)
    branches = ["North Harbour", "North Ridge", "Northgate", "South Quay", "Southfield", "Central"]
    products = [("Personal Loan", 5000, 20000, 9.5, 14.9), ("Personal Loan Plus", 10000, 30000, 8.9, 12.5),
                ("Auto Loan", 8000, 40000, 5.9, 8.9), ("Home Improvement", 10000, 50000, 6.5, 9.9),
                ("Small Business", 20000, 80000, 7.5, 13.5)]
    snapshot = _d("2025-03-31")
    cols = [("loan_id", "TEXT"), ("borrower_id", "TEXT"), ("branch", "TEXT"), ("product_type", "TEXT"),
            ("principal", "REAL"), ("interest_rate_pct", "REAL"), ("term_months", "INTEGER"),
            ("instalment_no", "INTEGER"), ("due_date", "TEXT"), ("paid_date", "TEXT"), ("amount_due", "REAL"),
            ("amount_paid", "REAL"), ("days_late", "INTEGER"), ("written_off", "TEXT"), ("fee", "REAL")]
    rows = []
    borrowers = []
    n = 0
    while len(rows) < 380:
        n += 1
        loan_id = "LN-%04d" % (1000 + n * 7)
        if borrowers and rnd.random() < 0.18:
            borrower, branch = rnd.choice(borrowers)
        else:
            borrower = "B-%03d" % (100 + len(borrowers) * 3 + rnd.randint(0, 2))
            branch = rnd.choice(branches)
            borrowers.append((borrower, branch))
        prod, lo, hi, rlo, rhi = rnd.choice(products)
        principal = float(round(rnd.uniform(lo, hi) / 250) * 250)
        rate = round(rnd.uniform(rlo, rhi), 2)
        term = rnd.choice([6, 12, 12, 18, 24])
        start = datetime.date(2023, 1, 1) + datetime.timedelta(days=rnd.randint(0, 690))
        r = rate / 1200.0
        pay = round(principal * r / (1 - (1 + r) ** -term), 2)
        profile = rnd.random()   # <0.12 defaulter, <0.35 sloppy, else good
        default_at = rnd.randint(2, max(2, term - 1)) if profile < 0.12 else None
        missed_run = 0
        pending_waiver = 0.0
        for k in range(1, term + 1):
            due = _add_months(start, k)
            if due > snapshot:
                break
            paid_date = None
            paid = 0.0
            late = None
            wo = "no"
            fee = 0.0
            if default_at is not None and k >= default_at:
                missed_run += 1
                if missed_run >= 3:
                    wo = "yes"
                elif rnd.random() < 0.6:
                    fee = 25.0
            else:
                if profile < 0.35:
                    late = rnd.choice([-2, 0, 1, 3, 5, 9, 12, 16, 21, 33, 45])
                    if rnd.random() < 0.08:
                        late = None
                else:
                    late = rnd.choice([-6, -3, -1, 0, 0, 0, 0, 1, 2])
                if late is not None:
                    pd = due + datetime.timedelta(days=late)
                    if pd > snapshot:
                        late = None
                    else:
                        paid_date = pd.isoformat()
                        paid = pay if rnd.random() > 0.07 else round(pay * rnd.choice([0.5, 0.6, 0.75]), 2)
                        if late > 7:
                            fee = 15.0 if late <= 20 else 25.0
                            if rnd.random() < 0.3:
                                pending_waiver = -fee
                        elif pending_waiver:
                            fee = pending_waiver
                            pending_waiver = 0.0
                if late is None and fee == 0.0 and rnd.random() < 0.5:
                    fee = 25.0
            rows.append([loan_id, borrower, branch, prod, principal, rate, term, k, due.isoformat(), paid_date,
                         pay, paid, late, wo, fee])
    return cols, rows

def _hms(s):
    return "%d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)

def gen_marathon():
    rnd = random.Random(42017)
    first_f = ["Anna", "Sofie", "Maria", "Lotte", "Ingrid", "Grace", "Amina", "Chloe", "Emma", "Hanna", "Julia",
               "Nora", "Sarah", "Tigist", "Wanjiru", "Olivia", "Mia", "Freya", "Kate", "Lena"]
    first_m = ["Daan", "Lars", "Jan", "Peter", "Tom", "David", "Eliud", "Kenenisa", "James", "Liam", "Noah",
               "Ole", "Sven", "Mark", "Paul", "Jonas", "Felix", "Ruben", "Oscar", "Bram"]
    last = ["de Vries", "Jansen", "Berg", "Hansen", "Smith", "Brown", "Kiptoo", "Bekele", "Muller", "Schmidt",
            "Walker", "Taylor", "Visser", "Olsen", "Kamau", "Tesfaye", "Wilson", "Meyer", "Bakker", "Larsen"]
    countries = [("Netherlands", 30), ("New Zealand", 6), ("Norway", 10), ("Germany", 14), ("Kenya", 6),
                 ("Ethiopia", 5), ("United Kingdom", 14), ("United States", 10), ("Belgium", 5)]
    race_dates = {2021: "2021-10-17", 2022: "2022-10-16", 2023: "2023-10-15", 2024: "2024-10-20"}
    cols = [("race_year", "INTEGER"), ("race_date", "TEXT"), ("bib", "INTEGER"), ("runner_id", "TEXT"),
            ("runner_name", "TEXT"), ("gender", "TEXT"), ("age_group", "TEXT"), ("country", "TEXT"),
            ("registered_on", "TEXT"), ("start_wave", "TEXT"), ("start_time", "TEXT"), ("dnf", "TEXT"),
            ("half_split_seconds", "INTEGER"), ("half_split", "TEXT"), ("finish_seconds", "INTEGER"),
            ("finish_time", "TEXT"), ("split_diff_seconds", "INTEGER"), ("pace_min_per_km", "REAL"),
            ("charity_raised", "REAL")]
    # a pool of runners; some run several editions
    pool = []
    used = set()
    for i in range(170):
        g = "F" if rnd.random() < 0.42 else "M"
        while True:
            nm = rnd.choice(first_f if g == "F" else first_m) + " " + rnd.choice(last)
            if nm not in used:
                used.add(nm)
                break
        ctry = rnd.choices([c for c, _ in countries], [w for _, w in countries])[0]
        born = rnd.randint(1956, 2004) if rnd.random() < 0.8 else rnd.randint(1980, 2004)
        ability = rnd.gauss(0, 1)
        if ctry in ("Kenya", "Ethiopia"):
            ability -= 1.3
        pool.append(("R-%04d" % (1003 + i * 11), nm, g, ctry, born, ability))
    rows = []
    waves = [("Elite", "09:00"), ("Wave A", "09:15"), ("Wave B", "09:35"), ("Wave C", "09:55")]
    for year in (2021, 2022, 2023, 2024):
        field = rnd.sample(pool, {2021: 72, 2022: 86, 2023: 98, 2024: 110}[year])
        bibs = rnd.sample(range(100, 2000), len(field))
        race = _d(race_dates[year])
        for (rid, nm, g, ctry, born, ab), bib in zip(field, bibs):
            age = year - born
            ag = "18-29" if age < 30 else "30-39" if age < 40 else "40-49" if age < 50 else "50-59" if age < 60 else "60+"
            base = 14400 + ab * 1900 + (600 if g == "F" else 0) + max(0, age - 35) * 40 + rnd.gauss(0, 500)
            base = int(max(7700, min(22000, base)))
            wave = "Elite" if base < 10200 else "Wave A" if base < 12600 else "Wave B" if base < 15600 else "Wave C"
            wtime = dict(waves)[wave]
            reg = race - datetime.timedelta(days=rnd.randint(12, 300))
            dnf = rnd.random() < 0.07
            first_half = int(base / 2 * rnd.uniform(0.94, 1.025))
            second_half = base - first_half
            half_split = first_half
            if dnf:
                if rnd.random() < 0.4:
                    half_s, half_t = None, None
                else:
                    half_s, half_t = half_split, _hms(half_split)
                fin_s = fin_t = diff = pace = None
            else:
                half_s, half_t = half_split, _hms(half_split)
                fin_s, fin_t = base, _hms(base)
                diff = second_half - first_half
                pace = round(base / 60.0 / 42.195, 2)
            r = rnd.random()
            charity = None if r < 0.6 else 0.0 if r < 0.66 else float(round(rnd.uniform(50, 2500) / 5) * 5)
            rows.append([year, race.isoformat(), bib, rid, nm, g, ag, ctry, reg.isoformat(), wave,
                         race.isoformat() + " " + wtime, "yes" if dnf else "no", half_s, half_t, fin_s, fin_t,
                         diff, pace, charity])
    return cols, rows



TABLES = {"loan_repayments": gen_loans, "marathon_results": gen_marathon}

L = "loan_repayments"
M = "marathon_results"

# one row per loan (loan-level columns repeat on every instalment row)
_LOANS = "(SELECT loan_id, MAX(borrower_id) AS borrower_id, MAX(branch) AS branch, MAX(product_type) AS product_type, " \
         "MAX(principal) AS principal, MAX(interest_rate_pct) AS interest_rate_pct FROM loan_repayments GROUP BY loan_id)"

CASES = [
    # ---------------- loan_repayments ----------------
    # 1 the measure behind a count word
    C(L, 1, "How many loans are in this repayment schedule?",
      "SELECT COUNT(DISTINCT loan_id) AS loans FROM loan_repayments"),
    C(L, 1, "how many instalments have not been paid at all",
      "SELECT COUNT(*) AS unpaid_instalments FROM loan_repayments WHERE paid_date IS NULL"),
    C(L, 1, "Number of borrowers at each branch",
      "SELECT branch, COUNT(DISTINCT borrower_id) AS borrowers FROM loan_repayments GROUP BY branch"),
    C(L, 1, "How many loans have had at least one instalment written off?",
      "SELECT COUNT(DISTINCT loan_id) AS loans FROM loan_repayments WHERE written_off = 'yes'"),
    C(L, 1, "count of loans by product type",
      "SELECT product_type, COUNT(DISTINCT loan_id) AS loans FROM loan_repayments GROUP BY product_type"),
    # 2 per X vs group by
    C(L, 2, "What's the average amount due per instalment?",
      "SELECT AVG(amount_due) AS avg_amount_due FROM loan_repayments"),
    C(L, 2, "average principal per loan",
      "SELECT AVG(principal) AS avg_principal FROM " + _LOANS),
    C(L, 2, "Total collected per branch",
      "SELECT branch, SUM(amount_paid) AS collected FROM loan_repayments GROUP BY branch"),
    C(L, 2, "On average how many instalment rows does a loan have?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT loan_id) AS instalments_per_loan FROM loan_repayments"),
    C(L, 2, "average days late per product type",
      "SELECT product_type, AVG(days_late) AS avg_days_late FROM loan_repayments WHERE days_late IS NOT NULL "
      "GROUP BY product_type"),
    C(L, 2, "What is the average amount repaid per loan so far?",
      "SELECT AVG(paid) AS avg_paid_per_loan FROM (SELECT loan_id, SUM(amount_paid) AS paid FROM loan_repayments "
      "GROUP BY loan_id)"),
    # 3 filters
    C(L, 3, "How many instalments were paid more than two weeks late?",
      "SELECT COUNT(*) AS instalments FROM loan_repayments WHERE days_late > 14"),
    C(L, 3, "how many payments came in before the due date",
      "SELECT COUNT(*) AS early_payments FROM loan_repayments WHERE days_late < 0"),
    C(L, 3, "How many instalment lines carry a waived fee (a negative fee)?",
      "SELECT COUNT(*) AS lines FROM loan_repayments WHERE fee < 0"),
    C(L, 3, "How much was collected in total outside the Central branch?",
      "SELECT SUM(amount_paid) AS collected FROM loan_repayments WHERE branch <> 'Central'"),
    C(L, 3, "How much principal was lent through the branches whose name starts with North?",
      "SELECT SUM(principal) AS principal FROM " + _LOANS + " WHERE branch LIKE 'North%'"),
    C(L, 3, "How many instalments belong to products with 'Personal' in the name?",
      "SELECT COUNT(*) AS instalments FROM loan_repayments WHERE product_type LIKE '%Personal%'"),
    C(L, 3, "Count the instalments that were either written off or paid more than 30 days late.",
      "SELECT COUNT(*) AS instalments FROM loan_repayments WHERE written_off = 'yes' OR days_late > 30"),
    C(L, 3, "Which borrowers hold more than one loan?",
      "SELECT borrower_id, COUNT(DISTINCT loan_id) AS loans FROM loan_repayments GROUP BY borrower_id "
      "HAVING COUNT(DISTINCT loan_id) > 1"),
    C(L, 3, "List the loans whose interest rate is above the average rate across all loans",
      "SELECT loan_id, interest_rate_pct FROM " + _LOANS + " WHERE interest_rate_pct > "
      "(SELECT AVG(interest_rate_pct) FROM " + _LOANS + ")"),
    C(L, 3, "Which branches have more than 10 unpaid instalments?",
      "SELECT branch, COUNT(*) AS unpaid FROM loan_repayments WHERE paid_date IS NULL GROUP BY branch "
      "HAVING COUNT(*) > 10"),
    # 4 order and shape
    C(L, 4, "Top 5 borrowers by total amount paid, highest first",
      "SELECT borrower_id, SUM(amount_paid) AS paid FROM loan_repayments GROUP BY borrower_id "
      "ORDER BY paid DESC LIMIT 5", ordered=True),
    C(L, 4, "Rank the branches by total principal lent, lowest first",
      "SELECT branch, SUM(principal) AS principal FROM " + _LOANS + " GROUP BY branch ORDER BY principal ASC",
      ordered=True),
    C(L, 4, "sort the product types by their lowest interest rate, ascending",
      "SELECT product_type, MIN(interest_rate_pct) AS lowest_rate FROM loan_repayments GROUP BY product_type "
      "ORDER BY lowest_rate ASC", ordered=True),
    C(L, 4, "Show the two loans with the largest net fees",
      "SELECT loan_id, SUM(fee) AS net_fees FROM loan_repayments GROUP BY loan_id ORDER BY net_fees DESC LIMIT 2",
      ordered=True),
    C(L, 4, "Months of 2024 ordered by amount collected (by payment date), highest first",
      "SELECT substr(paid_date, 1, 7) AS month, SUM(amount_paid) AS collected FROM loan_repayments "
      "WHERE paid_date LIKE '2024-%' GROUP BY month ORDER BY collected DESC", ordered=True),
    C(L, 4, "bottom 3 borrowers by total repaid",
      "SELECT borrower_id, SUM(amount_paid) AS paid FROM loan_repayments GROUP BY borrower_id "
      "ORDER BY paid ASC LIMIT 3", ordered=True),
    # 5 several columns / series
    C(L, 5, "Amount collected by branch and product type",
      "SELECT branch, product_type, SUM(amount_paid) AS collected FROM loan_repayments "
      "GROUP BY branch, product_type"),
    C(L, 5, "stacked bar of instalments due per quarter, split by written-off status",
      "SELECT quarter(due_date) AS quarter, written_off, COUNT(*) AS instalments FROM loan_repayments "
      "GROUP BY quarter, written_off", chart="bar", series=True),
    C(L, 5, "For each branch give me the number of loans and the total principal",
      "SELECT branch, COUNT(*) AS loans, SUM(principal) AS principal FROM " + _LOANS + " GROUP BY branch"),
    C(L, 5, "Scatter of each branch's average days late against its total net fees",
      "SELECT branch, AVG(days_late) AS avg_days_late, SUM(fee) AS net_fees FROM loan_repayments "
      "GROUP BY branch", chart="scatter"),
    C(L, 5, "Amount due and amount paid per due month in 2024",
      "SELECT substr(due_date, 1, 7) AS month, SUM(amount_due) AS amount_due, SUM(amount_paid) AS amount_paid "
      "FROM loan_repayments WHERE due_date LIKE '2024-%' GROUP BY month"),
    C(L, 5, "late payments (paid after the due date) for each branch and year of the due date",
      "SELECT branch, CAST(substr(due_date, 1, 4) AS INTEGER) AS year, COUNT(*) AS late_payments "
      "FROM loan_repayments WHERE days_late > 0 GROUP BY branch, year"),
    # 6 analysis kind
    C(L, 6, "Scatter plot of principal against interest rate, one dot per loan",
      "SELECT loan_id, principal, interest_rate_pct FROM " + _LOANS, chart="scatter"),
    C(L, 6, "box plot of days late by branch",
      "SELECT branch, MIN(days_late) AS min_days_late, median(days_late) AS median_days_late, "
      "MAX(days_late) AS max_days_late FROM loan_repayments WHERE days_late IS NOT NULL GROUP BY branch",
      chart="box"),
    C(L, 6, "Histogram of the instalment amount due, bins of 500",
      "SELECT CAST(amount_due / 500 AS INTEGER) * 500 AS bin, COUNT(*) AS instalments FROM loan_repayments "
      "GROUP BY bin", chart="histogram"),
    T(L, 6, "What does the spread of interest rates look like?", "distribution_plot", ["interest_rate_pct"]),
    C(L, 6, "Is the interest rate correlated with how many days late an instalment is paid? Give the correlation.",
      "SELECT (AVG(interest_rate_pct * days_late) - AVG(interest_rate_pct) * AVG(days_late)) / "
      "sqrt((AVG(interest_rate_pct * interest_rate_pct) - AVG(interest_rate_pct) * AVG(interest_rate_pct)) * "
      "(AVG(days_late * days_late) - AVG(days_late) * AVG(days_late))) AS correlation "
      "FROM loan_repayments WHERE days_late IS NOT NULL", tolerance=0.01),
    # 7 derived measures
    C(L, 7, "Collection rate per branch: amount paid as a percent of amount due",
      "SELECT branch, SUM(amount_paid) * 100.0 / SUM(amount_due) AS collection_rate_pct FROM loan_repayments "
      "GROUP BY branch"),
    C(L, 7, "How many payments were received on each day of the week?",
      "SELECT dayname(paid_date) AS day, COUNT(*) AS payments FROM loan_repayments WHERE paid_date IS NOT NULL "
      "GROUP BY day"),
    C(L, 7, "Running total of money collected by month through 2024 (by payment date)",
      "SELECT month, SUM(collected) OVER (ORDER BY month) AS running_total FROM (SELECT substr(paid_date, 1, 7) "
      "AS month, SUM(amount_paid) AS collected FROM loan_repayments WHERE paid_date LIKE '2024-%' GROUP BY month)",
      ordered=True),
    C(L, 7, "Percent change in amount collected from 2023 to 2024, going by the date paid",
      "SELECT (SUM(CASE WHEN paid_date LIKE '2024-%' THEN amount_paid END) - SUM(CASE WHEN paid_date LIKE "
      "'2023-%' THEN amount_paid END)) * 100.0 / SUM(CASE WHEN paid_date LIKE '2023-%' THEN amount_paid END) "
      "AS pct_change FROM loan_repayments"),
    C(L, 7, "total amount due per quarter",
      "SELECT quarter(due_date) AS quarter, SUM(amount_due) AS amount_due FROM loan_repayments GROUP BY quarter"),
    C(L, 7, "Which month of the year has the most instalments falling due?",
      "SELECT CAST(substr(due_date, 6, 2) AS INTEGER) AS month, COUNT(*) AS instalments FROM loan_repayments "
      "GROUP BY month ORDER BY instalments DESC LIMIT 1"),
    C(L, 7, "outstanding balance (amount due minus amount paid) by branch",
      "SELECT branch, SUM(amount_due - amount_paid) AS outstanding FROM loan_repayments GROUP BY branch"),
    C(L, 7, "Of all instalments, what percent were paid on or before the due date?",
      "SELECT SUM(CASE WHEN days_late <= 0 THEN 1 ELSE 0 END) * 100.0 / COUNT(*) AS pct_on_time "
      "FROM loan_repayments"),
    # 8 words about the chart
    C(L, 8, "Bar chart with the branches on the x axis and the total amount collected on the y axis",
      "SELECT branch, SUM(amount_paid) AS collected FROM loan_repayments GROUP BY branch", chart="bar"),
    C(L, 8, "plot monthly collections as a line, payment month on the x axis",
      "SELECT substr(paid_date, 1, 7) AS month, SUM(amount_paid) AS collected FROM loan_repayments "
      "WHERE paid_date IS NOT NULL GROUP BY month", chart="line"),
    C(L, 8, "Visualize each product type's share of the principal lent as a pie",
      "SELECT product_type, SUM(principal) AS principal FROM " + _LOANS + " GROUP BY product_type", chart="pie"),
    C(L, 8, "Histogram of days late with a bin width of 10 days",
      "SELECT (days_late + 100) / 10 * 10 - 100 AS bin, COUNT(*) AS instalments FROM loan_repayments "
      "WHERE days_late IS NOT NULL GROUP BY bin", chart="histogram"),
    C(L, 8, "Display bars for the number of unpaid instalments per product type",
      "SELECT product_type, COUNT(*) AS unpaid FROM loan_repayments WHERE paid_date IS NULL "
      "GROUP BY product_type", chart="bar"),
    C(L, 8, "bars with net fees on the y axis and due quarter on the x axis",
      "SELECT quarter(due_date) AS quarter, SUM(fee) AS net_fees FROM loan_repayments GROUP BY quarter",
      chart="bar"),
    # 9 shape of the answer
    C(L, 9, "Just give me the total outstanding amount (due minus paid) as one number",
      "SELECT SUM(amount_due - amount_paid) AS outstanding FROM loan_repayments"),
    C(L, 9, "Which quarter of 2024 brought in the most money by payment date? Only the quarter, please.",
      "SELECT quarter(paid_date) AS quarter FROM loan_repayments WHERE paid_date LIKE '2024-%' GROUP BY quarter "
      "ORDER BY SUM(amount_paid) DESC LIMIT 1"),
    C(L, 9, "list the ids of loans with written-off instalments, nothing else",
      "SELECT DISTINCT loan_id FROM loan_repayments WHERE written_off = 'yes'"),
    C(L, 9, "Amount due in March 2025",
      "SELECT SUM(amount_due) AS amount_due FROM loan_repayments WHERE due_date LIKE '2025-03-%'"),
    C(L, 9, "Instalments due per month in Q4 2024",
      "SELECT substr(due_date, 1, 7) AS month, COUNT(*) AS instalments FROM loan_repayments "
      "WHERE due_date BETWEEN '2024-10-01' AND '2024-12-31' GROUP BY month"),
    C(L, 9, "Which branch collected the most in 2024 (payment date)? Just the name.",
      "SELECT branch FROM loan_repayments WHERE paid_date LIKE '2024-%' GROUP BY branch "
      "ORDER BY SUM(amount_paid) DESC LIMIT 1"),
    # basic
    C(L, "basic", "What's the total principal we've lent out?",
      "SELECT SUM(principal) AS principal FROM " + _LOANS),
    C(L, "basic", "Which borrower has the largest unpaid balance?",
      "SELECT borrower_id, SUM(amount_due - amount_paid) AS unpaid FROM loan_repayments GROUP BY borrower_id "
      "ORDER BY unpaid DESC LIMIT 1"),
    C(L, "basic", "Net fees after waivers on instalments due in 2024",
      "SELECT SUM(fee) AS net_fees FROM loan_repayments WHERE due_date LIKE '2024-%'"),
    C(L, "basic", "how many instalments are overdue, i.e. unpaid but not written off?",
      "SELECT COUNT(*) AS overdue FROM loan_repayments WHERE paid_date IS NULL AND written_off = 'no'"),
    C(L, "basic", "Which loans have reached the end of their term with every instalment paid in full?",
      "SELECT loan_id FROM loan_repayments GROUP BY loan_id HAVING COUNT(*) = MAX(term_months) "
      "AND SUM(amount_paid >= amount_due) = COUNT(*)"),
    C(L, "basic", "total written off amount by branch",
      "SELECT branch, SUM(amount_due - amount_paid) AS written_off_amount FROM loan_repayments "
      "WHERE written_off = 'yes' GROUP BY branch"),

    # ---------------- marathon_results ----------------
    # 1 the measure behind a count word
    C(M, 1, "How many different runners have taken part over the years?",
      "SELECT COUNT(DISTINCT runner_id) AS runners FROM marathon_results"),
    C(M, 1, "How many finishers were there in 2024?",
      "SELECT COUNT(*) AS finishers FROM marathon_results WHERE race_year = 2024 AND dnf = 'no'"),
    C(M, 1, "starters per country in 2023",
      "SELECT country, COUNT(*) AS starters FROM marathon_results WHERE race_year = 2023 GROUP BY country"),
    C(M, 1, "How much money has been raised for the charity in total?",
      "SELECT SUM(charity_raised) AS raised FROM marathon_results"),
    C(M, 1, "How many countries are represented?",
      "SELECT COUNT(DISTINCT country) AS countries FROM marathon_results"),
    C(M, 1, "How many runners have run all four editions?",
      "SELECT COUNT(*) AS runners FROM (SELECT runner_id FROM marathon_results GROUP BY runner_id "
      "HAVING COUNT(DISTINCT race_year) = 4)"),
    # 2 per X vs group by
    C(M, 2, "What's the average finish time per finisher, in seconds?",
      "SELECT AVG(finish_seconds) AS avg_finish_seconds FROM marathon_results WHERE dnf = 'no'"),
    C(M, 2, "average finish time in seconds per age group",
      "SELECT age_group, AVG(finish_seconds) AS avg_finish_seconds FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY age_group"),
    C(M, 2, "Average amount raised per fundraiser",
      "SELECT AVG(charity_raised) AS avg_raised FROM marathon_results WHERE charity_raised IS NOT NULL"),
    C(M, 2, "How many races has a runner done on average?",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT runner_id) AS races_per_runner FROM marathon_results"),
    C(M, 2, "median finish seconds per start wave",
      "SELECT start_wave, median(finish_seconds) AS median_finish_seconds FROM marathon_results "
      "WHERE dnf = 'no' GROUP BY start_wave"),
    C(M, 2, "finishers per race year",
      "SELECT race_year, COUNT(*) AS finishers FROM marathon_results WHERE dnf = 'no' GROUP BY race_year"),
    # 3 filters
    C(M, 3, "How many sub-3-hour finishes have there been?",
      "SELECT COUNT(*) AS finishes FROM marathon_results WHERE finish_seconds < 10800"),
    C(M, 3, "How many finishes were negative splits (second half faster than the first)?",
      "SELECT COUNT(*) AS finishes FROM marathon_results WHERE split_diff_seconds < 0"),
    C(M, 3, "How many different runners come from a country starting with 'United'?",
      "SELECT COUNT(DISTINCT runner_id) AS runners FROM marathon_results WHERE country LIKE 'United%'"),
    C(M, 3, "Charity money raised by runners not from the Netherlands",
      "SELECT SUM(charity_raised) AS raised FROM marathon_results WHERE country <> 'Netherlands'"),
    C(M, 3, "How many women finished from the Elite wave or Wave A?",
      "SELECT COUNT(*) AS finishers FROM marathon_results WHERE gender = 'F' AND dnf = 'no' "
      "AND start_wave IN ('Elite', 'Wave A')"),
    C(M, 3, "Which countries had more than 40 starts in total?",
      "SELECT country, COUNT(*) AS starts FROM marathon_results GROUP BY country HAVING COUNT(*) > 40"),
    C(M, 3, "In 2024, how many finishers beat that year's average finish time?",
      "SELECT COUNT(*) AS finishers FROM marathon_results WHERE race_year = 2024 AND finish_seconds < "
      "(SELECT AVG(finish_seconds) FROM marathon_results WHERE race_year = 2024)"),
    C(M, 3, "how many different runners have Berg in their name",
      "SELECT COUNT(DISTINCT runner_id) AS runners FROM marathon_results WHERE runner_name LIKE '%Berg%'"),
    C(M, 3, "List the runners who raised more than 2000 in a single year, with the year and amount",
      "SELECT runner_name, race_year, charity_raised FROM marathon_results WHERE charity_raised > 2000"),
    # 4 order and shape
    C(M, 4, "Top 10 fastest finishes of 2024, fastest first, with name and finish time",
      "SELECT runner_name, finish_time FROM marathon_results WHERE race_year = 2024 AND dnf = 'no' "
      "ORDER BY finish_seconds ASC LIMIT 10", ordered=True),
    C(M, 4, "Countries ranked by median finish time in seconds, quickest first",
      "SELECT country, median(finish_seconds) AS median_finish_seconds FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY country ORDER BY median_finish_seconds ASC", ordered=True),
    C(M, 4, "Which 5 runners raised the most for charity over all editions combined? Highest first.",
      "SELECT runner_name, SUM(charity_raised) AS raised FROM marathon_results WHERE charity_raised IS NOT NULL "
      "GROUP BY runner_id ORDER BY raised DESC LIMIT 5", ordered=True),
    C(M, 4, "age groups sorted by number of finishers, descending",
      "SELECT age_group, COUNT(*) AS finishers FROM marathon_results WHERE dnf = 'no' GROUP BY age_group "
      "ORDER BY finishers DESC", ordered=True),
    C(M, 4, "the 3 slowest finishers in 2022, slowest first",
      "SELECT runner_name, finish_time FROM marathon_results WHERE race_year = 2022 AND dnf = 'no' "
      "ORDER BY finish_seconds DESC LIMIT 3", ordered=True),
    C(M, 4, "Rank the start waves by average pace from low to high",
      "SELECT start_wave, AVG(pace_min_per_km) AS avg_pace FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY start_wave ORDER BY avg_pace ASC", ordered=True),
    # 5 several columns / series
    C(M, 5, "Number of finishers by year and gender",
      "SELECT race_year, gender, COUNT(*) AS finishers FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY race_year, gender"),
    C(M, 5, "stacked bar chart of starters per year, stacked by start wave",
      "SELECT race_year, start_wave, COUNT(*) AS starters FROM marathon_results GROUP BY race_year, start_wave",
      chart="bar", series=True),
    C(M, 5, "For each country, the average finish time in seconds and the number of finishers",
      "SELECT country, AVG(finish_seconds) AS avg_finish_seconds, COUNT(*) AS finishers FROM marathon_results "
      "WHERE dnf = 'no' GROUP BY country"),
    C(M, 5, "Scatter of average half-way split against average finish time, one point per age group",
      "SELECT age_group, AVG(half_split_seconds) AS avg_half_split_seconds, AVG(finish_seconds) AS "
      "avg_finish_seconds FROM marathon_results WHERE dnf = 'no' GROUP BY age_group", chart="scatter"),
    C(M, 5, "line chart of average finish seconds per year, one line for men and one for women",
      "SELECT race_year, gender, AVG(finish_seconds) AS avg_finish_seconds FROM marathon_results "
      "WHERE dnf = 'no' GROUP BY race_year, gender", chart="line", series=True),
    # 6 analysis kind
    C(M, 6, "Scatter plot of half-way split against finish time (seconds) for the 2024 finishers",
      "SELECT half_split_seconds, finish_seconds FROM marathon_results WHERE race_year = 2024 AND dnf = 'no'",
      chart="scatter"),
    C(M, 6, "box plot of finish seconds by age group",
      "SELECT age_group, MIN(finish_seconds) AS min_finish, median(finish_seconds) AS median_finish, "
      "MAX(finish_seconds) AS max_finish FROM marathon_results WHERE dnf = 'no' GROUP BY age_group", chart="box"),
    C(M, 6, "Histogram of pace with a bin width of half a minute per km",
      "SELECT CAST(pace_min_per_km * 2 AS INTEGER) / 2.0 AS bin, COUNT(*) AS finishers FROM marathon_results "
      "WHERE pace_min_per_km IS NOT NULL GROUP BY bin", chart="histogram"),
    T(M, 6, "Show me how the charity amounts are distributed", "distribution_plot", ["charity_raised"]),
    C(M, 6, "What's the correlation between the half-way split and the finish time?",
      "SELECT (AVG(half_split_seconds * 1.0 * finish_seconds) - AVG(half_split_seconds) * AVG(finish_seconds)) / "
      "sqrt((AVG(half_split_seconds * 1.0 * half_split_seconds) - AVG(half_split_seconds) * "
      "AVG(half_split_seconds)) * (AVG(finish_seconds * 1.0 * finish_seconds) - AVG(finish_seconds) * "
      "AVG(finish_seconds))) AS correlation FROM marathon_results WHERE finish_seconds IS NOT NULL",
      tolerance=0.01),
    C(M, 6, "boxplot of pace for women and men",
      "SELECT gender, MIN(pace_min_per_km) AS min_pace, median(pace_min_per_km) AS median_pace, "
      "MAX(pace_min_per_km) AS max_pace FROM marathon_results WHERE dnf = 'no' GROUP BY gender", chart="box"),
    # 7 derived measures
    C(M, 7, "Average number of days between registering and race day, per edition",
      "SELECT race_year, AVG(julianday(race_date) - julianday(registered_on)) AS avg_days FROM marathon_results "
      "GROUP BY race_year"),
    C(M, 7, "DNF rate per year as a percent of starters",
      "SELECT race_year, SUM(dnf = 'yes') * 100.0 / COUNT(*) AS dnf_rate_pct FROM marathon_results "
      "GROUP BY race_year"),
    C(M, 7, "percent change in number of starters from 2021 to 2024",
      "SELECT (SUM(race_year = 2024) - SUM(race_year = 2021)) * 100.0 / SUM(race_year = 2021) AS pct_change "
      "FROM marathon_results"),
    C(M, 7, "Cumulative charity money raised by year",
      "SELECT race_year, SUM(raised) OVER (ORDER BY race_year) AS cumulative_raised FROM (SELECT race_year, "
      "SUM(charity_raised) AS raised FROM marathon_results GROUP BY race_year)", ordered=True),
    C(M, 7, "What day of the week was each edition run on?",
      "SELECT DISTINCT race_year, dayname(race_date) AS day FROM marathon_results"),
    C(M, 7, "In which month of the year do most registrations come in?",
      "SELECT CAST(substr(registered_on, 6, 2) AS INTEGER) AS month, COUNT(*) AS registrations "
      "FROM marathon_results GROUP BY month ORDER BY registrations DESC LIMIT 1"),
    C(M, 7, "How many runners who finished both 2023 and 2024 were faster in 2024?",
      "SELECT COUNT(*) AS runners FROM marathon_results a JOIN marathon_results b ON a.runner_id = b.runner_id "
      "WHERE a.race_year = 2023 AND b.race_year = 2024 AND a.dnf = 'no' AND b.dnf = 'no' "
      "AND b.finish_seconds < a.finish_seconds"),
    C(M, 7, "registrations per quarter (registration date)",
      "SELECT quarter(registered_on) AS quarter, COUNT(*) AS registrations FROM marathon_results GROUP BY quarter"),
    # 8 words about the chart
    C(M, 8, "Bar chart, x axis country, y axis number of finishers",
      "SELECT country, COUNT(*) AS finishers FROM marathon_results WHERE dnf = 'no' GROUP BY country",
      chart="bar"),
    C(M, 8, "Draw a line of the average finish seconds by race year",
      "SELECT race_year, AVG(finish_seconds) AS avg_finish_seconds FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY race_year", chart="line"),
    C(M, 8, "pie chart of 2024 starters by start wave",
      "SELECT start_wave, COUNT(*) AS starters FROM marathon_results WHERE race_year = 2024 GROUP BY start_wave",
      chart="pie"),
    C(M, 8, "Histogram of finish seconds, 1800-second bins",
      "SELECT CAST(finish_seconds / 1800 AS INTEGER) * 1800 AS bin, COUNT(*) AS finishers FROM marathon_results "
      "WHERE finish_seconds IS NOT NULL GROUP BY bin", chart="histogram"),
    C(M, 8, "display the charity total for each year as bars",
      "SELECT race_year, SUM(charity_raised) AS raised FROM marathon_results GROUP BY race_year", chart="bar"),
    C(M, 8, "Visualize the median pace per age group with age group along the x axis",
      "SELECT age_group, median(pace_min_per_km) AS median_pace FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY age_group"),
    # 9 shape of the answer
    C(M, 9, "What was the winning time in 2023? Just the time as h:mm:ss.",
      "SELECT finish_time FROM marathon_results WHERE race_year = 2023 AND dnf = 'no' "
      "ORDER BY finish_seconds ASC LIMIT 1"),
    C(M, 9, "Who won the women's race in 2024? Name only.",
      "SELECT runner_name FROM marathon_results WHERE race_year = 2024 AND gender = 'F' AND dnf = 'no' "
      "ORDER BY finish_seconds ASC LIMIT 1"),
    C(M, 9, "total charity raised in 2022, a single figure",
      "SELECT SUM(charity_raised) AS raised FROM marathon_results WHERE race_year = 2022"),
    C(M, 9, "starters per year - year and count only",
      "SELECT race_year, COUNT(*) AS starters FROM marathon_results GROUP BY race_year"),
    C(M, 9, "Registrations per month during 2024",
      "SELECT substr(registered_on, 1, 7) AS month, COUNT(*) AS registrations FROM marathon_results "
      "WHERE registered_on LIKE '2024-%' GROUP BY month"),
    C(M, 9, "Which quarter had the most registrations? Give the quarter only.",
      "SELECT quarter(registered_on) AS quarter FROM marathon_results GROUP BY quarter "
      "ORDER BY COUNT(*) DESC LIMIT 1"),
    # basic
    C(M, "basic", "Who holds the course record and what was the time?",
      "SELECT runner_name, finish_time FROM marathon_results WHERE dnf = 'no' ORDER BY finish_seconds ASC LIMIT 1"),
    C(M, "basic", "Which country has produced the most finishers?",
      "SELECT country, COUNT(*) AS finishers FROM marathon_results WHERE dnf = 'no' GROUP BY country "
      "ORDER BY finishers DESC LIMIT 1"),
    C(M, "basic", "average finish time in seconds, men vs women",
      "SELECT gender, AVG(finish_seconds) AS avg_finish_seconds FROM marathon_results WHERE dnf = 'no' "
      "GROUP BY gender"),
    C(M, "basic", "How many runners have come back for more than one edition?",
      "SELECT COUNT(*) AS runners FROM (SELECT runner_id FROM marathon_results GROUP BY runner_id "
      "HAVING COUNT(*) > 1)"),
    C(M, "basic", "What percentage of all starters failed to finish?",
      "SELECT SUM(dnf = 'yes') * 100.0 / COUNT(*) AS dnf_pct FROM marathon_results"),
    C(M, "basic", "Which age group raised the most charity money?",
      "SELECT age_group, SUM(charity_raised) AS raised FROM marathon_results GROUP BY age_group "
      "ORDER BY raised DESC LIMIT 1"),
]

FLAGGED = [
    F(L, "What is the average credit score of borrowers whose instalments were written off?",
      "there is no credit score column"),
    F(L, "Forecast how much we will collect in the next quarter",
      "a forecast; the schedule only lists instalments due up to 2025-03-31"),
    F(L, "Why does Central have so many more write-offs than the other branches?",
      "asks for a cause the data cannot show"),
    F(L, "What's the average loan amount per borrower?",
      "two readings: one average over borrowers' totals, or a list of averages by borrower"),
    F(M, "What was the temperature on race day?", "there is no weather column"),
    F(M, "Who is going to win the 2025 race?", "a prediction; there is no 2025 edition"),
    F(M, "Why were times in 2021 slower than in 2022?", "asks for a cause the data cannot show"),
    F(M, "Break it down by country", "names no measure"),
]
