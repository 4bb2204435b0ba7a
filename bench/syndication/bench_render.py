"""Render benchmark: a 30-block piece rendered for each network.

Target (issue 3): under 5 ms per piece per network. Run from the repository root:

    .venv/bin/python bench/syndication/bench_render.py [--repeat 300] [--json FILE]

Prints the median and 95th percentile per network and exits non-zero when a median
misses the target. A fresh Piece is not rebuilt per run: render is pure, and the
piece is what an editor's save produces once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from syndication.render.standalone import configure_standalone

TARGET_MS = 5.0


def measure(network, piece, repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per render. CPU time is what the code costs; on a
    shared machine wall time also counts waiting for a core."""
    network.render(piece)  # warm caches: translations, regexes, imports
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        network.render(piece)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return sorted(wall), sorted(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    configure_standalone()
    from syndication.networks import available_networks
    from syndication.render.samples import thirty_block_piece

    piece = thirty_block_piece()
    chars = sum(len(getattr(b, "text", "") or "") for b in piece.blocks)
    print(f"piece: {len(piece.blocks)} blocks, ~{chars} characters of paragraph text")
    print(
        f"python {platform.python_version()} on {platform.machine()}, {args.repeat} runs"
    )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    results, ok = {}, True
    for network in available_networks():
        timings, cpu = measure(network, piece, args.repeat)
        median = statistics.median(timings)
        p95 = timings[int(len(timings) * 0.95) - 1]
        cpu_median = statistics.median(cpu)
        post = network.render(piece)
        results[network.code] = {
            "median_ms": round(median, 3),
            "p95_ms": round(p95, 3),
            "cpu_median_ms": round(cpu_median, 3),
        }
        verdict = "ok" if median < TARGET_MS else "OVER TARGET"
        ok &= median < TARGET_MS
        print(
            f"{network.code:9} median {median:6.3f} ms  p95 {p95:6.3f} ms  "
            f"cpu median {cpu_median:6.3f} ms  "
            f"{len(post.messages)} message(s), {len(post.warnings)} warning(s)  {verdict}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
