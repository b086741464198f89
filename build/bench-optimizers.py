#!/usr/bin/env python3
"""Side-by-side reference for the C# optimizer benchmark: torch.optim SGD(momentum, foreach) and Adam(foreach)
steps on one flat float32 parameter of 1M/10M/100M elements, median of N steps, same thread count.

    /usr/bin/python3 build/bench-optimizers.py --threads 2 --sizes 1M,10M,100M [--flush-mb 64] [--warm-state] [--csv]

The C# benchmark runs it with --csv (`--pytorch /usr/bin/python3`) and prints the ratios in its own tables. It
passes its own cache handling: before each timed step a read of a --flush-mb buffer (the optimizer's state cold),
then a read of the parameter and its gradient, and with --warm-state an untimed step of the same optimizer.
"""
import argparse
import statistics
import time

import torch


def count(text):
    text = text.strip().upper()
    scale = 1_000_000 if text.endswith("M") else 1_000 if text.endswith("K") else 1
    return int(float(text.rstrip("MK")) * scale)


def time_steps(optimizer, param, runs, flush, warm_state, warmup=2):
    times = []
    for i in range(warmup + runs):
        if flush is not None:
            flush.sum()
            param.detach().sum()
            param.grad.sum()
        if warm_state:
            optimizer.step()
        start = time.perf_counter()
        optimizer.step()
        if i >= warmup:
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1M,10M,100M")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--flush-mb", type=int, default=0, help="read a buffer of this size before each timed step")
    parser.add_argument("--warm-state", action="store_true", help="an untimed step before each timed one")
    parser.add_argument("--csv", action="store_true", help="print 'version,size,optimizer,ms' lines only")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    flush = torch.ones(args.flush_mb * (1 << 20) // 4) if args.flush_mb > 0 else None
    if not args.csv:
        print(f"# torch {torch.__version__}, threads = {args.threads}, median of {args.runs} steps")
        print("| size | optimizer | ms/step | bytes/step | GB/s |")
        print("|---|---|---:|---:|---:|")
    for n in (count(s) for s in args.sizes.split(",")):
        p = torch.nn.Parameter(torch.linspace(0, 1, n))
        p.grad = torch.full((n,), 1e-3)
        for name, opt, passes in (
            ("sgd-momentum (foreach)", torch.optim.SGD([p], lr=1e-3, momentum=0.9, foreach=True), 5),
            ("adam (foreach)", torch.optim.Adam([p], lr=1e-3, foreach=True), 7),
        ):
            ms = time_steps(opt, p, args.runs, flush, args.warm_state)
            nbytes = passes * 4 * n
            if args.csv:
                print(f"{torch.__version__},{n},{name},{ms:.4f}")
                continue
            print(f"| {n // 1_000_000} M | {name} | {ms:.2f} | {nbytes / 1e6:.0f} MB | {nbytes / ms / 1e6:.1f} |")


if __name__ == "__main__":
    main()
