"""Reads wrk's text report (with --latency): the figures the benchmark summaries print."""
import re


def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse(text):
    """rps, requests, secs, p50 and p99 (ms), non-2xx count and the socket-errors line (or None)."""
    m = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        "requests": int(m.group(1)),
        "secs": float(m.group(2)) * {"ms": 0.001, "s": 1, "m": 60}[m.group(3)],
        "p50": ms(*re.search(r"50%\s+([\d.]+)(us|ms|s)", text).groups()),
        "p99": ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups()),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": re.search(r"Socket errors: (.*)", text),
    }
