"""School tables for the audit split, written blind (the author had read only eval/README.md's Set 2-4 and
scoring sections, case.py, tables.py, audit/__init__.py and build_classset.py).

exam_results (550 rows, seed 8801): one row per student per exam sitting of the 2023-24 school year. 44 students
(student_id S2301.., student_name; both repeat on every row of the student), grades 9-12, two homerooms per grade
('9A', '9B', ... '12B'). Every student takes the three core subjects (Mathematics, English Literature, English
Language: two subjects share the prefix 'English') and two of five electives (Biology, Chemistry, Physics, History,
Geography); one teacher per subject and grade. exam_type is Midterm (late Nov / early Dec 2023), Mock (March 2024,
grades 11 and 12 only) or Final (June 2024); exam_date is ISO text, weekdays only. score is the final mark out of
100 after moderation; moderation is the number of points the moderators added (negative when a paper was marked
down, mostly 0); passed is 'Yes' when the score is 50 or more, else 'No'. A student who was absent from an exam
has a row with a blank score, a blank moderation and a blank passed flag (there is no result to moderate or pass).

library_loans (540 rows, seed 5150): one row per loan of one copy of a book during 2024, extracted on 2025-01-10.
member_id repeats (133 members borrowed; M0342 is a very keen reader); member_type is Adult, Student, Child or
Senior; branch is where the book was checked out (Central, North Hill, Northgate, Riverside, Westfield: two share
the prefix 'North'). book_title (24 titles, prefixes such as 'The Silent ...', 'Little Owl ...', 'River of ...')
and genre (8 genres, 'Science' and 'Science Fiction' are different genres); format Print, Large Print or
Audiobook. loaned_on, due_on (21 days after the loan, 21 more per renewal) and returned_on are ISO dates;
days_late is returned_on minus due_on (negative when a book came back early). A loan still out on the extract
date has a blank returned_on, blank days_late and blank late_fee (the fee is charged at return). late_fee is
0.25 per day late, capped at 8.00, never charged to Child members. self_checkout is 'TRUE' or 'FALSE'.
"""
import random
from datetime import date, timedelta

from ..case import C, T, F

FIRST = ["Aisha", "Ben", "Carmen", "Daniel", "Elif", "Finn", "Grace", "Hiro", "Isla", "Jonas", "Kemi", "Liam",
         "Maya", "Noah", "Olga", "Pablo", "Quinn", "Rania", "Sam", "Tariq", "Uma", "Victor", "Wen", "Ximena",
         "Yusuf", "Zoe", "Amir", "Bella", "Caleb", "Dina", "Ethan", "Fatima", "Gabriel", "Hannah", "Ivan", "Jasmine",
         "Kai", "Lucia", "Mateo", "Nora", "Omar", "Priya", "Rafael", "Sofia", "Theo", "Valeria", "William", "Yara"]
LAST = ["Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Khan", "Lopez",
        "Martin", "Nguyen", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Turner", "Usman", "Vargas", "Walsh", "Young"]
SUBJECTS = {"Mathematics": (-4, {9: "Mr. Okoro", 10: "Mr. Okoro", 11: "Ms. Lindqvist", 12: "Ms. Lindqvist"}),
            "English Literature": (3, {9: "Ms. Harper", 10: "Ms. Harper", 11: "Ms. Harper", 12: "Mr. Boateng"}),
            "English Language": (5, {9: "Mr. Boateng", 10: "Mr. Boateng", 11: "Mr. Boateng", 12: "Mr. Boateng"}),
            "Biology": (1, {9: "Dr. Sandoval", 10: "Dr. Sandoval", 11: "Dr. Sandoval", 12: "Dr. Sandoval"}),
            "Chemistry": (-6, {9: "Dr. Mbeki", 10: "Dr. Mbeki", 11: "Dr. Mbeki", 12: "Dr. Mbeki"}),
            "Physics": (-3, {9: "Mr. Kowalski", 10: "Mr. Kowalski", 11: "Mr. Kowalski", 12: "Mr. Kowalski"}),
            "History": (2, {9: "Ms. Ferreira", 10: "Ms. Ferreira", 11: "Ms. Ferreira", 12: "Ms. Ferreira"}),
            "Geography": (4, {9: "Mr. Ahmed", 10: "Mr. Ahmed", 11: "Mr. Ahmed", 12: "Mr. Ahmed"})}
CORE = ["Mathematics", "English Literature", "English Language"]
ELECTIVES = ["Biology", "Chemistry", "Physics", "History", "Geography"]


def exam_results():
    rng = random.Random(8801)
    cols = [("result_id", "TEXT"), ("student_id", "TEXT"), ("student_name", "TEXT"), ("grade", "INTEGER"),
            ("homeroom", "TEXT"), ("subject", "TEXT"), ("teacher", "TEXT"), ("exam_type", "TEXT"),
            ("exam_date", "TEXT"), ("score", "INTEGER"), ("moderation", "INTEGER"), ("passed", "TEXT")]
    # exam calendar: one sitting per (grade, subject, exam type)
    sittings = {}
    for grade in (9, 10, 11, 12):
        for k, subj in enumerate(SUBJECTS):
            sittings[(grade, subj, "Midterm")] = date(2023, 11, 27) + timedelta(days=(k + grade) % 10 + (k // 5) * 2)
            sittings[(grade, subj, "Mock")] = date(2024, 3, 4) + timedelta(days=(2 * k + grade) % 9)
            sittings[(grade, subj, "Final")] = date(2024, 6, 3) + timedelta(days=(3 * k + grade) % 12)
    for key, d in list(sittings.items()):   # no exams at the weekend
        while d.weekday() >= 5:
            d += timedelta(days=1)
        sittings[key] = d
    students, names = [], set()
    for s in range(44):
        grade = (9, 10, 11, 12)[s % 4]
        while True:
            name = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
            if name not in names:
                break
        names.add(name)
        ability = rng.gauss(62, 11)
        subjects = CORE + rng.sample(ELECTIVES, 2)
        students.append(("S%04d" % (2301 + s), name, grade, "%d%s" % (grade, "AB"[(s // 4) % 2]), ability, subjects))
    rows = []
    for sid, name, grade, room, ability, subjects in students:
        types = ["Midterm", "Mock", "Final"] if grade >= 11 else ["Midterm", "Final"]
        for subj in subjects:
            offset, teachers = SUBJECTS[subj]
            for et in types:
                d = sittings[(grade, subj, et)]
                if rng.random() < 0.045:
                    score, moderation, passed = None, None, None
                else:
                    raw = ability + offset + (3 if et == "Final" else 0) + rng.gauss(0, 9)
                    moderation = rng.choices([0, -3, -2, -1, 1, 2, 3, 4], [40, 2, 3, 3, 3, 3, 2, 1])[0]
                    raw += moderation
                    if raw > 95:   # marks bunch up below the top of the scale
                        raw = 95 + (raw - 95) * 0.3
                    score = int(round(min(100, max(5, raw))))
                    passed = "Yes" if score >= 50 else "No"
                rows.append([None, sid, name, grade, room, subj, teachers[grade], et, d.isoformat(), score,
                             moderation, passed])
    rows.sort(key=lambda r: (r[8], r[1], r[5]))
    for i, r in enumerate(rows):
        r[0] = "R%05d" % (i + 1)
    return cols, rows


TITLES = [("The Silent Sea", "Fiction"), ("The Silent Orchard", "Mystery"), ("The Silver Key", "Fantasy"),
          ("Silverwood Chronicles", "Fantasy"), ("Stars Beyond Orion", "Science Fiction"),
          ("Starfall Protocol", "Science Fiction"), ("A Brief Tour of the Cell", "Science"),
          ("The Restless Planet", "Science"), ("River of Kings", "History"), ("River of Ash", "Mystery"),
          ("Empire of Salt", "History"), ("Little Owl Goes to School", "Children"), ("Little Owl's Big Night", "Children"),
          ("Dinosaur Detectives", "Children"), ("A Life in Colour", "Biography"), ("The Quiet Revolutionary", "Biography"),
          ("Murder at Millbrook", "Mystery"), ("The Gardener's Daughter", "Fiction"), ("Winter in Lisbon", "Fiction"),
          ("Code of the Deep", "Science Fiction"), ("Dragons of the North", "Fantasy"), ("How Bridges Stand", "Science"),
          ("The Lost Cartographer", "History"), ("Open Water", "Fiction")]
BRANCHES = ["Central", "North Hill", "Northgate", "Riverside", "Westfield"]
MEMBER_TYPES = ["Adult", "Student", "Child", "Senior"]


def library_loans():
    rng = random.Random(5150)
    cols = [("loan_id", "TEXT"), ("member_id", "TEXT"), ("member_type", "TEXT"), ("branch", "TEXT"),
            ("book_title", "TEXT"), ("genre", "TEXT"), ("format", "TEXT"), ("loaned_on", "TEXT"), ("due_on", "TEXT"),
            ("returned_on", "TEXT"), ("days_late", "INTEGER"), ("renewals", "INTEGER"), ("self_checkout", "TEXT"),
            ("late_fee", "REAL")]
    members = []
    for m in range(150):
        mtype = rng.choices(MEMBER_TYPES, [9, 5, 4, 4])[0]
        members.append(("M%04d" % (301 + m), mtype, rng.choices(BRANCHES, [8, 4, 5, 6, 3])[0], rng.randint(1, 10)))
    members[41] = members[41][:3] + (24,)   # one very keen reader
    title_w = [rng.randint(2, 10) for _ in TITLES]
    snapshot = date(2025, 1, 10)
    rows = []
    for i in range(540):
        mid, mtype, home, activity = rng.choices(members, [m[3] for m in members])[0]
        branch = home if rng.random() < 0.8 else rng.choice(BRANCHES)
        if mtype == "Child":
            pool = [t for t in TITLES if t[1] in ("Children", "Fantasy")]
        else:
            pool = [t for t in TITLES if t[1] != "Children" or rng.random() < 0.1]
        title, genre = rng.choices(pool, [title_w[TITLES.index(t)] for t in pool])[0]
        fmt = rng.choices(["Print", "Large Print", "Audiobook"], [14, 2 if mtype == "Senior" else 0.3, 3])[0]
        loaned = date(2024, 1, 1) + timedelta(days=rng.randrange(366))
        renewals = rng.choices([0, 1, 2], [12, 4, 1])[0]
        due = loaned + timedelta(days=21 * (1 + renewals))
        late = rng.choices([None, -rng.randint(1, 15), 0, rng.randint(1, 6), rng.randint(7, 40)], [1.2, 10, 3, 4, 2])[0]
        if late is None or due + timedelta(days=late) > snapshot:
            returned, late, fee = None, None, None
        else:
            returned = due + timedelta(days=late)
            fee = 0.0 if mtype == "Child" or late <= 0 else round(min(8.0, 0.25 * late), 2)
        rows.append([None, mid, mtype, branch, title, genre, fmt, loaned.isoformat(), due.isoformat(),
                     returned.isoformat() if returned else None, late, renewals,
                     "TRUE" if rng.random() < (0.55 if branch in ("Central", "Riverside") else 0.3) else "FALSE", fee])
    rows.sort(key=lambda r: (r[7], r[1]))
    for i, r in enumerate(rows):
        r[0] = "L%05d" % (10001 + i)
    return cols, rows


E = "exam_results"
L = "library_loans"

EXAM_CASES = [
    # class 1: the measure behind a count word
    C(E, 1, "How many students sat the Mathematics final?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results WHERE subject = 'Mathematics' AND exam_type = 'Final' "
      "AND score IS NOT NULL"),
    C(E, 1, "how many students are there in each grade",
      "SELECT grade, COUNT(DISTINCT student_id) FROM exam_results GROUP BY grade"),
    C(E, 1, "How many students missed at least one exam?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results WHERE score IS NULL"),
    C(E, 1, "How many students failed at least one exam this year?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results WHERE passed = 'No'"),
    C(E, 1, "How many students take Physics?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results WHERE subject = 'Physics'"),
    # class 2: "per X" versus group by
    C(E, 2, "Average score per subject",
      "SELECT subject, AVG(score) FROM exam_results GROUP BY subject"),
    C(E, 2, "On average, how many exams is each student entered for?",
      "SELECT AVG(n) FROM (SELECT student_id, COUNT(*) AS n FROM exam_results GROUP BY student_id)"),
    C(E, 2, "What's the pass rate per homeroom? Only count exams that were actually sat.",
      "SELECT homeroom, AVG(CASE WHEN passed = 'Yes' THEN 1.0 ELSE 0 END) FROM exam_results "
      "WHERE passed IS NOT NULL GROUP BY homeroom"),
    C(E, 2, "Highest score per subject per exam type",
      "SELECT subject, exam_type, MAX(score) FROM exam_results GROUP BY subject, exam_type"),
    C(E, 2, "How many absences are there per student on average, across all 44 students?",
      "SELECT COUNT(*) * 1.0 / (SELECT COUNT(DISTINCT student_id) FROM exam_results) FROM exam_results "
      "WHERE score IS NULL"),
    C(E, 2, "Show the number of students per teacher",
      "SELECT teacher, COUNT(DISTINCT student_id) FROM exam_results GROUP BY teacher"),
    # class 3: filters that get lost
    C(E, 3, "What's the average Physics score for students who are not in grade 12?",
      "SELECT AVG(score) FROM exam_results WHERE subject = 'Physics' AND grade <> 12"),
    C(E, 3, "List the students who scored below 40 in Chemistry or Physics",
      "SELECT DISTINCT student_name FROM exam_results WHERE score < 40 AND subject IN ('Chemistry', 'Physics')"),
    C(E, 3, "Which subjects have an average final exam score above 65?",
      "SELECT subject FROM exam_results WHERE exam_type = 'Final' GROUP BY subject HAVING AVG(score) > 65"),
    C(E, 3, "How many results were marked down during moderation?",
      "SELECT COUNT(*) FROM exam_results WHERE moderation < 0"),
    C(E, 3, "Which students beat the average Mathematics final score? Names only.",
      "SELECT student_name FROM exam_results WHERE subject = 'Mathematics' AND exam_type = 'Final' "
      "AND score > (SELECT AVG(score) FROM exam_results WHERE subject = 'Mathematics' AND exam_type = 'Final')"),
    C(E, 3, "Average grade 10 score across the English subjects (Literature and Language together)",
      "SELECT AVG(score) FROM exam_results WHERE grade = 10 AND subject LIKE 'English%'"),
    # class 4: explicit order and shape
    C(E, 4, "Top 5 students by average score, highest first",
      "SELECT student_name, AVG(score) AS a FROM exam_results GROUP BY student_id ORDER BY a DESC LIMIT 5",
      ordered=True),
    C(E, 4, "List the subjects from lowest to highest average final exam score",
      "SELECT subject, AVG(score) AS a FROM exam_results WHERE exam_type = 'Final' GROUP BY subject ORDER BY a",
      ordered=True),
    C(E, 4, "Which two homerooms had the most failed results? Most first, with the number of fails.",
      "SELECT homeroom, COUNT(*) AS n FROM exam_results WHERE passed = 'No' GROUP BY homeroom ORDER BY n DESC "
      "LIMIT 2", ordered=True),
    C(E, 4, "Rank the teachers by pass rate (of the exams sat), best first",
      "SELECT teacher, AVG(CASE WHEN passed = 'Yes' THEN 1.0 ELSE 0 END) AS r FROM exam_results "
      "WHERE passed IS NOT NULL GROUP BY teacher ORDER BY r DESC", ordered=True),
    C(E, 4, "Bottom 4 students on their Final exam average, lowest first",
      "SELECT student_name, AVG(score) AS a FROM exam_results WHERE exam_type = 'Final' GROUP BY student_id "
      "ORDER BY a LIMIT 4", ordered=True),
    # class 5: several columns, a series dimension, a scatter of aggregates
    C(E, 5, "Average score by grade and subject",
      "SELECT grade, subject, AVG(score) FROM exam_results GROUP BY grade, subject"),
    C(E, 5, "Bar chart of the average score per subject, split by exam type",
      "SELECT subject, exam_type, AVG(score) FROM exam_results GROUP BY subject, exam_type",
      chart="bar", series=True),
    C(E, 5, "For each homeroom, give me the number of students, the average score and how many results were fails",
      "SELECT homeroom, COUNT(DISTINCT student_id), AVG(score), SUM(CASE WHEN passed = 'No' THEN 1 ELSE 0 END) "
      "FROM exam_results GROUP BY homeroom"),
    C(E, 5, "Scatter plot of each student's average midterm score against their average final score",
      "SELECT student_name, AVG(CASE WHEN exam_type = 'Midterm' THEN score END), "
      "AVG(CASE WHEN exam_type = 'Final' THEN score END) FROM exam_results GROUP BY student_id", chart="scatter"),
    C(E, 5, "Compare passes and fails side by side for each subject",
      "SELECT subject, SUM(CASE WHEN passed = 'Yes' THEN 1 ELSE 0 END), SUM(CASE WHEN passed = 'No' THEN 1 ELSE 0 END) "
      "FROM exam_results GROUP BY subject"),
    # class 6: the kind of analysis
    C(E, 6, "Box plot of scores by subject",
      "SELECT subject, MIN(score), median(score), MAX(score) FROM exam_results GROUP BY subject", chart="box"),
    C(E, 6, "Histogram of exam scores with bins 10 points wide",
      "SELECT (score / 10) * 10, COUNT(*) FROM exam_results WHERE score IS NOT NULL GROUP BY 1",
      chart="histogram"),
    T(E, 6, "Show me the distribution of final exam scores", "distribution_plot", ["score"], chart="histogram"),
    C(E, 6, "What is the correlation between a student's average Mathematics score and their average Physics score?",
      "SELECT (AVG(m * p) - AVG(m) * AVG(p)) / sqrt((AVG(m * m) - AVG(m) * AVG(m)) * (AVG(p * p) - AVG(p) * AVG(p))) "
      "FROM (SELECT student_id, AVG(CASE WHEN subject = 'Mathematics' THEN score END) AS m, "
      "AVG(CASE WHEN subject = 'Physics' THEN score END) AS p FROM exam_results GROUP BY student_id) "
      "WHERE p IS NOT NULL", tolerance=1e-4),
    C(E, 6, "Scatter of Mathematics midterm score (x) vs Mathematics final score (y) for the grade 12 students",
      "SELECT m.score, f.score FROM exam_results m JOIN exam_results f ON f.student_id = m.student_id "
      "AND f.subject = 'Mathematics' AND f.exam_type = 'Final' WHERE m.subject = 'Mathematics' "
      "AND m.exam_type = 'Midterm' AND m.grade = 12 AND m.score IS NOT NULL AND f.score IS NOT NULL",
      chart="scatter"),
    # class 7: derived measures
    C(E, 7, "Average score by month of the exam",
      "SELECT strftime('%Y-%m', exam_date), AVG(score) FROM exam_results GROUP BY 1"),
    C(E, 7, "On which day of the week do students score best on average?",
      "SELECT dayname(exam_date) FROM exam_results GROUP BY 1 ORDER BY AVG(score) DESC LIMIT 1"),
    C(E, 7, "For each student, how many points did their average go up or down from the midterms to the finals?",
      "SELECT student_name, AVG(CASE WHEN exam_type = 'Final' THEN score END) "
      "- AVG(CASE WHEN exam_type = 'Midterm' THEN score END) FROM exam_results GROUP BY student_id"),
    C(E, 7, "Percent change in the average Mathematics score from the Midterm to the Final",
      "SELECT (f - m) * 100.0 / m FROM (SELECT AVG(CASE WHEN exam_type = 'Final' THEN score END) AS f, "
      "AVG(CASE WHEN exam_type = 'Midterm' THEN score END) AS m FROM exam_results WHERE subject = 'Mathematics')"),
    C(E, 7, "Of the exams that were sat, what percentage were passed in each grade?",
      "SELECT grade, AVG(CASE WHEN passed = 'Yes' THEN 100.0 ELSE 0 END) FROM exam_results "
      "WHERE passed IS NOT NULL GROUP BY grade"),
    C(E, 7, "Running total of exams sat, month by month",
      "SELECT m, SUM(n) OVER (ORDER BY m) FROM (SELECT strftime('%Y-%m', exam_date) AS m, COUNT(score) AS n "
      "FROM exam_results GROUP BY 1) ORDER BY m", ordered=True),
    # class 8: words about the chart
    C(E, 8, "Bar chart with subjects on the x axis and average score on the y axis",
      "SELECT subject, AVG(score) FROM exam_results GROUP BY subject", chart="bar"),
    C(E, 8, "Visualize the number of absences in each homeroom as bars",
      "SELECT homeroom, COUNT(*) FROM exam_results WHERE score IS NULL GROUP BY homeroom", chart="bar"),
    C(E, 8, "Pie chart of how the exams that were sat split between pass and fail",
      "SELECT passed, COUNT(*) FROM exam_results WHERE passed IS NOT NULL GROUP BY passed", chart="pie"),
    C(E, 8, "Line chart for grade 11: exam date along the x axis, average score up the y axis",
      "SELECT exam_date, AVG(score) FROM exam_results WHERE grade = 11 GROUP BY exam_date ORDER BY exam_date",
      ordered=True, chart="line"),
    C(E, 8, "Display a histogram of the English Literature scores using 5-point bins",
      "SELECT (score / 5) * 5, COUNT(*) FROM exam_results WHERE subject = 'English Literature' AND score IS NOT NULL "
      "GROUP BY 1", chart="histogram"),
    # class 9: the shape of the answer
    C(E, 9, "What was the highest score anyone got in Chemistry?",
      "SELECT MAX(score) FROM exam_results WHERE subject = 'Chemistry'"),
    C(E, 9, "Who got the top score in Mathematics?",
      "SELECT student_name FROM exam_results WHERE subject = 'Mathematics' ORDER BY score DESC LIMIT 1"),
    C(E, 9, "Which subject has the lowest pass rate?",
      "SELECT subject FROM exam_results WHERE passed IS NOT NULL GROUP BY subject "
      "ORDER BY AVG(CASE WHEN passed = 'Yes' THEN 1.0 ELSE 0 END) LIMIT 1"),
    C(E, 9, "what's the overall average score",
      "SELECT AVG(score) FROM exam_results"),
    C(E, 9, "Give me the names of the students in homeroom 9B",
      "SELECT DISTINCT student_name FROM exam_results WHERE homeroom = '9B'"),
    # basic business questions
    C(E, "basic", "How many students do we have?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results"),
    C(E, "basic", "Average score in the English Language final",
      "SELECT AVG(score) FROM exam_results WHERE subject = 'English Language' AND exam_type = 'Final'"),
    C(E, "basic", "How did each teacher's students do on average?",
      "SELECT teacher, AVG(score) FROM exam_results GROUP BY teacher"),
    C(E, "basic", "What homeroom is Yara Diaz in?",
      "SELECT DISTINCT homeroom FROM exam_results WHERE student_name = 'Yara Diaz'"),
    C(E, "basic", "How many students failed the Mathematics final?",
      "SELECT COUNT(DISTINCT student_id) FROM exam_results WHERE subject = 'Mathematics' AND exam_type = 'Final' "
      "AND passed = 'No'"),
    C(E, "basic", "Which subjects had students absent from an exam, and how many absences in each?",
      "SELECT subject, COUNT(*) FROM exam_results WHERE score IS NULL GROUP BY subject"),
]

LOAN_CASES = [
    # class 1: the measure behind a count word
    C(L, 1, "How many members borrowed something in March 2024?",
      "SELECT COUNT(DISTINCT member_id) FROM library_loans WHERE loaned_on LIKE '2024-03%'"),
    C(L, 1, "How many books are currently out on loan?",
      "SELECT COUNT(*) FROM library_loans WHERE returned_on IS NULL"),
    C(L, 1, "How many different titles were borrowed from the Westfield branch?",
      "SELECT COUNT(DISTINCT book_title) FROM library_loans WHERE branch = 'Westfield'"),
    C(L, 1, "How many times was The Silent Sea checked out?",
      "SELECT COUNT(*) FROM library_loans WHERE book_title = 'The Silent Sea'"),
    C(L, 1, "How many members have been charged a late fee at least once?",
      "SELECT COUNT(DISTINCT member_id) FROM library_loans WHERE late_fee > 0"),
    # class 2: "per X" versus group by
    C(L, 2, "Loans per branch",
      "SELECT branch, COUNT(*) FROM library_loans GROUP BY branch"),
    C(L, 2, "On average, how many loans does a member make? One number please.",
      "SELECT COUNT(*) * 1.0 / COUNT(DISTINCT member_id) FROM library_loans"),
    C(L, 2, "What's the average late fee per returned loan?",
      "SELECT AVG(late_fee) FROM library_loans WHERE returned_on IS NOT NULL"),
    C(L, 2, "Total late fees per member type",
      "SELECT member_type, SUM(late_fee) FROM library_loans GROUP BY member_type"),
    C(L, 2, "average number of renewals per genre",
      "SELECT genre, AVG(renewals) FROM library_loans GROUP BY genre"),
    # class 3: filters that get lost
    C(L, 3, "How many loans were returned early?",
      "SELECT COUNT(*) FROM library_loans WHERE days_late < 0"),
    C(L, 3, "Which titles were never borrowed by a Child member?",
      "SELECT DISTINCT book_title FROM library_loans WHERE book_title NOT IN "
      "(SELECT book_title FROM library_loans WHERE member_type = 'Child')"),
    C(L, 3, "How many loans at Central or Riverside were self-checkouts?",
      "SELECT COUNT(*) FROM library_loans WHERE branch IN ('Central', 'Riverside') AND self_checkout = 'TRUE'"),
    C(L, 3, "Which members have borrowed more than 8 times?",
      "SELECT member_id FROM library_loans GROUP BY member_id HAVING COUNT(*) > 8"),
    C(L, 3, "Total late fees taken at the two North branches (North Hill and Northgate)",
      "SELECT SUM(late_fee) FROM library_loans WHERE branch LIKE 'North%'"),
    C(L, 3, "Which genres have an average late fee above the overall average late fee?",
      "SELECT genre FROM library_loans GROUP BY genre "
      "HAVING AVG(late_fee) > (SELECT AVG(late_fee) FROM library_loans)"),
    # class 4: explicit order and shape
    C(L, 4, "Top 3 most borrowed titles",
      "SELECT book_title, COUNT(*) AS n FROM library_loans GROUP BY book_title ORDER BY n DESC LIMIT 3",
      ordered=True),
    C(L, 4, "Rank the branches by total late fees, highest first",
      "SELECT branch, SUM(late_fee) AS s FROM library_loans GROUP BY branch ORDER BY s DESC", ordered=True),
    C(L, 4, "List the genres alphabetically with their number of loans",
      "SELECT genre, COUNT(*) FROM library_loans GROUP BY genre ORDER BY genre", ordered=True),
    C(L, 4, "Top 5 members by total late fees charged, biggest first",
      "SELECT member_id, SUM(late_fee) AS s FROM library_loans GROUP BY member_id ORDER BY s DESC LIMIT 5",
      ordered=True),
    C(L, 4, "Show the 3 least borrowed genres, fewest loans first",
      "SELECT genre, COUNT(*) AS n FROM library_loans GROUP BY genre ORDER BY n LIMIT 3", ordered=True),
    # class 5: several columns, a series dimension, a scatter of aggregates
    C(L, 5, "Number of loans by branch and member type",
      "SELECT branch, member_type, COUNT(*) FROM library_loans GROUP BY branch, member_type"),
    C(L, 5, "Stacked bar chart of loans per month, split by self-checkout vs desk checkout",
      "SELECT strftime('%Y-%m', loaned_on), self_checkout, COUNT(*) FROM library_loans GROUP BY 1, 2",
      chart="bar", series=True),
    C(L, 5, "For each genre show the number of loans, the total late fees and the average days late",
      "SELECT genre, COUNT(*), SUM(late_fee), AVG(days_late) FROM library_loans GROUP BY genre"),
    C(L, 5, "Scatter plot: number of loans vs total late fees, one dot per member",
      "SELECT member_id, COUNT(*), TOTAL(late_fee) FROM library_loans GROUP BY member_id", chart="scatter"),
    C(L, 5, "Compare average days late for each format and member type",
      "SELECT format, member_type, AVG(days_late) FROM library_loans WHERE days_late IS NOT NULL "
      "GROUP BY format, member_type"),
    # class 6: the kind of analysis
    C(L, 6, "Box plot of days late by genre",
      "SELECT genre, MIN(days_late), median(days_late), MAX(days_late) FROM library_loans GROUP BY genre",
      chart="box"),
    C(L, 6, "Histogram of days late with 5-day bins",
      "SELECT days_late - ((days_late % 5) + 5) % 5, COUNT(*) FROM library_loans WHERE days_late IS NOT NULL "
      "GROUP BY 1", chart="histogram"),
    T(L, 6, "What does the distribution of late fees look like?", "distribution_plot", ["late_fee"], chart="histogram"),
    C(L, 6, "Is the number of renewals correlated with how late books come back? Give me the correlation coefficient.",
      "SELECT (AVG(renewals * days_late) - AVG(renewals) * AVG(days_late)) / sqrt((AVG(renewals * renewals) "
      "- AVG(renewals) * AVG(renewals)) * (AVG(days_late * days_late) - AVG(days_late) * AVG(days_late))) "
      "FROM library_loans WHERE days_late IS NOT NULL", tolerance=1e-4),
    C(L, 6, "Scatter of days late against late fee for the returned loans at Westfield",
      "SELECT days_late, late_fee FROM library_loans WHERE branch = 'Westfield' AND returned_on IS NOT NULL",
      chart="scatter"),
    # class 7: derived measures
    C(L, 7, "Average number of days a book was kept (from checkout to return), by genre",
      "SELECT genre, AVG(julianday(returned_on) - julianday(loaned_on)) FROM library_loans "
      "WHERE returned_on IS NOT NULL GROUP BY genre"),
    C(L, 7, "Loans by day of the week",
      "SELECT dayname(loaned_on), COUNT(*) FROM library_loans GROUP BY 1"),
    C(L, 7, "Percent change in the number of loans from Q1 2024 to Q4 2024",
      "SELECT (SUM(quarter(loaned_on) = '2024-Q4') - SUM(quarter(loaned_on) = '2024-Q1')) * 100.0 "
      "/ SUM(quarter(loaned_on) = '2024-Q1') FROM library_loans"),
    C(L, 7, "Cumulative late fees by month of return",
      "SELECT m, SUM(s) OVER (ORDER BY m) FROM (SELECT strftime('%Y-%m', returned_on) AS m, SUM(late_fee) AS s "
      "FROM library_loans WHERE returned_on IS NOT NULL GROUP BY 1) ORDER BY m", ordered=True),
    C(L, 7, "Which month of the year had the most checkouts?",
      "SELECT CAST(strftime('%m', loaned_on) AS INTEGER) FROM library_loans GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1"),
    C(L, 7, "Of the books that have come back, what percentage were returned late, by branch?",
      "SELECT branch, AVG(CASE WHEN days_late > 0 THEN 100.0 ELSE 0 END) FROM library_loans "
      "WHERE returned_on IS NOT NULL GROUP BY branch"),
    # class 8: words about the chart
    C(L, 8, "Bar chart of loans by genre, genres on the x axis",
      "SELECT genre, COUNT(*) FROM library_loans GROUP BY genre", chart="bar"),
    C(L, 8, "Line chart of monthly loans over 2024",
      "SELECT strftime('%Y-%m', loaned_on), COUNT(*) FROM library_loans GROUP BY 1 ORDER BY 1",
      ordered=True, chart="line"),
    C(L, 8, "pie chart of loans by format",
      "SELECT format, COUNT(*) FROM library_loans GROUP BY format", chart="pie"),
    C(L, 8, "Display the average days late of returned loans by branch as horizontal bars",
      "SELECT branch, AVG(days_late) FROM library_loans WHERE returned_on IS NOT NULL GROUP BY branch", chart="bar"),
    C(L, 8, "Graph the number of self-checkout loans per branch, branch along the x axis",
      "SELECT branch, COUNT(*) FROM library_loans WHERE self_checkout = 'TRUE' GROUP BY branch", chart="bar"),
    # class 9: the shape of the answer
    C(L, 9, "What was the largest single late fee?",
      "SELECT MAX(late_fee) FROM library_loans"),
    C(L, 9, "Which member borrowed the most books?",
      "SELECT member_id FROM library_loans GROUP BY member_id ORDER BY COUNT(*) DESC LIMIT 1"),
    C(L, 9, "When was the most recent checkout?",
      "SELECT MAX(loaned_on) FROM library_loans"),
    C(L, 9, "Which branch has the most loans still outstanding?",
      "SELECT branch FROM library_loans WHERE returned_on IS NULL GROUP BY branch ORDER BY COUNT(*) DESC LIMIT 1"),
    C(L, 9, "Which titles has member M0342 borrowed?",
      "SELECT DISTINCT book_title FROM library_loans WHERE member_id = 'M0342'"),
    # basic business questions
    C(L, "basic", "How many loans did we make in 2024?",
      "SELECT COUNT(*) FROM library_loans WHERE loaned_on LIKE '2024%'"),
    C(L, "basic", "What's our most popular genre?",
      "SELECT genre FROM library_loans GROUP BY genre ORDER BY COUNT(*) DESC LIMIT 1"),
    C(L, "basic", "Average number of renewals on a loan",
      "SELECT AVG(renewals) FROM library_loans"),
    C(L, "basic", "Which loans are still out at Westfield? Loan ids please.",
      "SELECT loan_id FROM library_loans WHERE branch = 'Westfield' AND returned_on IS NULL"),
    C(L, "basic", "What's the total of all late fees charged?",
      "SELECT SUM(late_fee) FROM library_loans"),
]

CASES = EXAM_CASES + LOAN_CASES

FLAGGED = [
    F(E, "What's the average score by gender?", "there is no gender column"),
    F(E, "What will Yara Diaz score in next year's Mathematics final?", "a forecast the data cannot make"),
    F(E, "Why did the grade 11 students do worse in Mathematics than in English Language?",
      "a cause the data cannot show"),
    F(E, "Which students are struggling?", "'struggling' names no threshold or measure"),
    F(L, "How many pages did our members read in 2024?", "there is no page count"),
    F(L, "How many loans should we expect next December?", "a forecast"),
    F(L, "Why is Westfield so much quieter than Central?", "a cause the data cannot show"),
    F(L, "What's the average late fee per member?",
      "two readings fit: one figure over members, or a list by member"),
]

TABLES = {"exam_results": exam_results, "library_loans": library_loans}
