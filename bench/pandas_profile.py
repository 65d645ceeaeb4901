"""pandas' describe-level profile of a CSV, for bench/profile.sh: read_csv, describe(include='all'), missing counts,
and the same written as JSON. Prints seconds and peak RSS (ru_maxrss) on one line."""
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1])
read = time.perf_counter()
summary = frame.describe(include="all")
missing = frame.isna().sum()
summary.to_json()
missing.to_json()
done = time.perf_counter()
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(f"pandas {round((done - start) * 1000)} ms (read_csv {round((read - start) * 1000)} ms, describe "
      f"{round((done - read) * 1000)} ms), peak RSS {peak_mib} MiB: {frame.shape[0]} rows, {frame.shape[1]} columns, "
      f"pandas {pd.__version__}")
