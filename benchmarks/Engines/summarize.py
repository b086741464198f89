"""Turns the engine benchmark's JSON lines into a markdown report: per case and thread count the median samples/s of
each engine, our trainer's ratios to the others, and the median peak RSS. Python 3 standard library only.

Usage: python3 summarize.py RESULTS.jsonl [--notes FILE] [--title TEXT] > RESULTS.md
"""
import argparse
import json
import statistics
from collections import defaultdict

ENGINES = ["native", "torchsharp", "plain", "pytorch"]
CASES = ["cnn", "resnet20", "bag", "textcnn"]
OURS = "torchsharp"


def median(values):
    return statistics.median(values) if values else None


def number(value, digits=0):
    return "–" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main():
    p = argparse.ArgumentParser()
    p.add_argument("results")
    p.add_argument("--notes")
    p.add_argument("--title", default="Engine benchmark")
    a = p.parse_args()

    runs = defaultdict(list)
    with open(a.results) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                runs[(r["case"], r["threads"], r["engine"])].append(r)
    engines = [e for e in ENGINES if any(k[2] == e for k in runs)]
    rows = sorted({(c, t) for c, t, _ in runs}, key=lambda k: (k[1], CASES.index(k[0]) if k[0] in CASES else 99, k[0]))

    def stat(case, threads, engine, field):
        return median([r[field] for r in runs.get((case, threads, engine), [])])

    out = [f"# {a.title}", ""]
    out.append("Median samples/s (images or reviews per second) over the rounds; n = runs per cell. "
               "Ratios are of the medians; targets: torchsharp/plain ≥ 1.0 and torchsharp/native ≥ 1.5.")
    out.append("")
    head = ["case", "threads"] + engines + [f"{OURS}/{e}" for e in ("plain", "native", "pytorch") if e in engines and OURS in engines]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * 2 + "---:|" * (len(head) - 2))
    for case, threads in rows:
        cells = [case, str(threads)]
        for e in engines:
            n = len(runs.get((case, threads, e), []))
            cells.append(f"{number(stat(case, threads, e, 'samplesPerSecond'))} (n={n})" if n else "–")
        if OURS in engines:
            ours = stat(case, threads, OURS, "samplesPerSecond")
            for e in ("plain", "native", "pytorch"):
                if e in engines:
                    value = ratio(ours, stat(case, threads, e, "samplesPerSecond"))
                    target = {"plain": 1.0, "native": 1.5}.get(e)
                    mark = "" if value is None or target is None else (" ✓" if value >= target else " ✗")
                    cells.append("–" if value is None else f"{value:.2f}×{mark}")
        out.append("| " + " | ".join(cells) + " |")

    out += ["", "Median peak RSS (VmHWM at exit, MiB) and median final loss (mean of the last ten timed steps):", ""]
    head = ["case", "threads"] + [f"{e} RSS" for e in engines] + [f"{e} loss" for e in engines]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "---|" * 2 + "---:|" * (len(head) - 2))
    for case, threads in rows:
        cells = [case, str(threads)]
        cells += [number(stat(case, threads, e, "peakRssMiB")) for e in engines]
        cells += [number(stat(case, threads, e, "finalLoss"), 3) for e in engines]
        out.append("| " + " | ".join(cells) + " |")

    steps = sorted({(c, r["steps"], r["batch"]) for (c, _, _), rs in runs.items() for r in rs}, key=lambda k: CASES.index(k[0]) if k[0] in CASES else 99)
    torch = sorted({f"{e} {r.get('torch', '?')}" for (_, _, e), rs in runs.items() for r in rs})
    out += ["", "Timed steps × batch: " + ", ".join(f"{c} {s} × {b}" for c, s, b in steps) + ".",
            "libtorch: " + ", ".join(torch) + "."]
    if a.notes:
        with open(a.notes) as f:
            notes = [line.rstrip() for line in f if line.strip()]
        if notes:
            out += ["", "Notes:", ""] + [f"- {n}" for n in notes]
    print("\n".join(out))


if __name__ == "__main__":
    main()
