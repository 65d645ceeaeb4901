# Helpers of the infrastructure scenarios of bench/run.sh (redis-cache-hit, scale-out, failover); sourced by
# run.sh, not run on its own. Expects from run.sh: ROOT, JAR, WORK, OUT, PORT, BASE and die().
#
# Every process started here is remembered in INFRA_PIDS and stopped by infra_cleanup (run.sh's exit trap).

INFRA_PIDS=()
REDIS_PID=""
INFRA_TAG=""  # set by each scenario: its node logs are $OUT/node-<tag>-<name>.log (infra runs all three)

# ---- Redis ------------------------------------------------------------------------------------------------
# redis-server from PATH, else the linux-amd64 binary inside the embedded-redis test jar that Maven already
# holds (the same entry verticles/src/test/java/datasense/RedisServerProcess.java uses), extracted to $WORK.
# Nothing is downloaded.
redis_binary() {
    if command -v redis-server >/dev/null; then
        command -v redis-server
        return 0
    fi
    local jar="$HOME/.m2/repository/com/github/codemonstur/embedded-redis/1.4.3/embedded-redis-1.4.3.jar"
    local entry="redis-server-6.2.6-v5-linux-amd64"
    [[ "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] || die "no redis-server on PATH, and the embedded binary is for linux-amd64 only"
    [[ -f "$jar" ]] || die "no redis-server on PATH and no $jar (run the verticles tests once offline, or install redis-server)"
    local bin="$WORK/$entry"
    if [[ ! -x "$bin" ]]; then
        python3 - "$jar" "$entry" "$bin" <<'PY' || die "could not extract $entry from $jar"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[3], "wb") as out:
    out.write(z.read(sys.argv[2]))
PY
        chmod +x "$bin"
    fi
    echo "$bin"
}

start_redis() { # $1: port; sets REDIS_PID. No persistence: a fresh, empty server.
    local port="$1" bin
    bin="$(redis_binary)"
    "$bin" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
        >"$OUT/redis-$port.log" 2>&1 &
    REDIS_PID=$!
    INFRA_PIDS+=("$REDIS_PID")
    local i
    for i in $(seq 1 50); do
        kill -0 "$REDIS_PID" 2>/dev/null || die "redis-server exited during start; see $OUT/redis-$port.log"
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "redis-server started (pid $REDIS_PID, port $port, $("$bin" --version | awk '{ print $3 }'), binary $bin)"
            return 0
        fi
        sleep 0.1
    done
    die "redis-server did not listen on $port within 5 s; see $OUT/redis-$port.log"
}

# ---- DataSense nodes ------------------------------------------------------------------------------------------
# A Hazelcast member file of the bench's own: the loopback file with a cluster name unique to this run and
# member ports 5811-5820, so a bench cluster never merges with a developer's or a test's cluster on this host.
bench_cluster_config() {
    local file="$WORK/hazelcast-bench.xml"
    if [[ ! -f "$file" ]]; then
        python3 - "$ROOT/cluster-config/hazelcast-loopback.xml" "$file" "datasense-bench-$$" <<'PY'
import re, sys
xml = open(sys.argv[1]).read()
xml = xml.replace("<cluster-name>datasense</cluster-name>", f"<cluster-name>{sys.argv[3]}</cluster-name>")
xml = re.sub(r'<port auto-increment="true" port-count="10">5701</port>',
             '<port auto-increment="true" port-count="10">5811</port>', xml)
members = "".join(f"<member>127.0.0.1:{p}</member>" for p in range(5811, 5821))
xml = re.sub(r"<member-list>.*?</member-list>", f"<member-list>{members}</member-list>", xml, flags=re.S)
assert sys.argv[3] in xml and "5811" in xml
open(sys.argv[2], "w").write(xml)
PY
    fi
    echo "$file"
}

# Starts a node in the background and waits until it is ready (an api node: /health answers; any other: its log
# says "ready"). Its pid is left in LAST_PID.
#   $1 name (node name, log file), $2 cpu list for taskset ("" = not pinned), $3 data dir, then VAR=value...
LAST_PID=""
start_ds_node() {
    local name="$1" cpus="$2" data="$3"
    local log="$OUT/node-${INFRA_TAG:+$INFRA_TAG-}$name.log"
    shift 3
    local pin=()
    [[ -n "$cpus" ]] && pin=(taskset -c "$cpus")
    # A copy of the jar taken once per run: other work in the tree may rebuild verticles/target meanwhile.
    if [[ ! -f "$WORK/datasense.jar" ]]; then
        cp "$JAR" "$WORK/datasense.jar"
        echo "jar: $JAR ($(stat -c '%y' "$JAR" | cut -d. -f1)), copied for this run"
    fi
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    env DATASENSE_DATA_DIR="$data" DATASENSE_NODE_NAME="$name" "$@" \
        "${pin[@]}" java ${BENCH_JAVA_OPTS:-} -jar "$WORK/datasense.jar" >"$log" 2>&1 &
    LAST_PID=$!
    INFRA_PIDS+=("$LAST_PID")
    # out of the job table: bash would print "Killed" when the failover scenario SIGKILLs it
    disown "$LAST_PID"
    local i
    for i in $(seq 1 240); do
        kill -0 "$LAST_PID" 2>/dev/null || die "node $name exited during start; see $log"
        if grep -q "DataSense node $name ready" "$log" 2>/dev/null; then
            echo "node $name started (pid $LAST_PID${cpus:+, taskset -c $cpus}; log $log)"
            return 0
        fi
        sleep 0.25
    done
    die "node $name was not ready within 60 s; see $log"
}

# Waits until the api node's /health counts $1 cluster members.
wait_members() {
    local want="$1" i members=""
    for i in $(seq 1 120); do
        members="$(curl -s --max-time 2 "$BASE/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cluster"].get("members", ""))' 2>/dev/null || true)"
        [[ "$members" == "$want" ]] && { echo "cluster: $want members"; return 0; }
        sleep 0.5
    done
    die "the cluster did not reach $want members (last /health said: $members)"
}

stop_pid() { # $1: pid; SIGTERM, then SIGKILL after 10 s
    local pid="$1" i
    [[ -n "$pid" ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for i in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

stop_all_infra() { # stops every process this file started, newest first
    local i
    for ((i = ${#INFRA_PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${INFRA_PIDS[$i]}"
    done
    INFRA_PIDS=()
    REDIS_PID=""
}

infra_cleanup() { stop_all_infra; }

upload_file() { # $1: csv, $2: name; prints the file_id (the reply is kept in $OUT/upload-<name>.json)
    local status
    status="$(curl -s -o "$OUT/upload-$2.json" -w '%{http_code}' -X POST "$BASE/files?name=$2" \
        -H 'Content-Type: text/csv' --data-binary "@$1")"
    [[ "$status" == 201 ]] || die "upload of $2 answered $status: $(head -c 400 "$OUT/upload-$2.json")"
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["file_id"])' "$OUT/upload-$2.json"
}

redis_cmd() { # $1: port, then the command's words; prints the reply (RESP decoded one level; enough for INFO, DBSIZE)
    python3 - "$@" <<'PY'
import socket, sys
port, words = int(sys.argv[1]), sys.argv[2:]
s = socket.create_connection(("127.0.0.1", port), timeout=5)
s.sendall(("*%d\r\n" % len(words) + "".join("$%d\r\n%s\r\n" % (len(w.encode()), w) for w in words)).encode())
f = s.makefile("rb")
line = f.readline().decode().rstrip("\r\n")
if line[0] == "$":
    n = int(line[1:])
    print(f.read(n + 2)[:-2].decode() if n >= 0 else "")
else:
    print(line[1:])
PY
}

redis_calls() { # $1: port, $2: command (lower case); how many times Redis ran it since start
    redis_cmd "$1" INFO commandstats | awk -F'[:=,]' -v c="cmdstat_$2" '$1 == c { print $3; found = 1 } END { if (!found) print 0 }'
}

# CPU ticks of every process now (pid, ticks, command), to say afterwards who used the machine during a window.
proc_snapshot() { # $1: file
    python3 - "$1" <<'PY'
import glob, sys
with open(sys.argv[1], "w") as out:
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = open(stat).read()
            args = open(stat[:-4] + "cmdline").read().replace("\0", " ").strip()[:90]
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        comm = text[text.index("(") + 1:text.rindex(")")]
        out.write(f"{stat.split('/')[2]}\t{int(fields[11]) + int(fields[12])}\t{args or comm}\n")
PY
}

# The processes that used the most CPU between two snapshots; $3: clock ticks per second, $4: seconds between.
proc_top() {
    python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys
def load(f):
    return {l.split("\t")[0]: (int(l.split("\t")[1]), l.rstrip("\n").split("\t")[2]) for l in open(f)}
a, b, tck, secs = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3]), max(float(sys.argv[4]), 0.01)
used = sorted(((b[p][0] - a.get(p, (0, ""))[0], p, b[p][1]) for p in b), reverse=True)
print(f"  CPU by process over {secs:.1f} s (processes alive at the end; started meanwhile counted whole):")
for ticks, pid, cmd in used[:6]:
    if ticks > 0:
        print(f"    {ticks / tck:6.2f} s  {ticks / tck / secs:4.2f} cores  pid {pid}  {cmd}")
PY
}
