"""One NetworKit step of the analysis benchmark, run in its own process: PLM with refinement.

Usage: python3 networkit_step.py plm THREADS EDGE_LIST [OUT]   (seeded from BENCH_SEED, 1 when unset)
Prints one JSON line (load and step time in ms, peak resident memory); the membership goes to OUT,
one community a line by vertex id. Staudt, C. L. & Meyerhenke, H. (2016) "Engineering parallel
algorithms for community detection in massive networks", IEEE TPDS 27(1) (PLM, PLMR with refine).
"""
import os
import sys
import time

import networkit

from step_common import report, write_lines


def main():
    step, threads, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    out = sys.argv[4] if len(sys.argv) > 4 else None
    if step != "plm":
        raise SystemExit(f"networkit_step: unknown step {step}")
    networkit.setNumberOfThreads(threads)
    networkit.setSeed(int(os.environ.get("BENCH_SEED", "1")), False)
    started = time.perf_counter()
    cpu_started = time.process_time()
    graph = networkit.readGraph(path, networkit.Format.EdgeListSpaceZero)
    loaded = time.perf_counter()
    plm = networkit.community.PLM(graph, refine=True)
    plm.run()
    partition = plm.getPartition()
    done = time.perf_counter()
    cpu_done = time.process_time()
    if out:
        write_lines(out, partition.getVector())
    figures = {"threads": networkit.getMaxNumberOfThreads(), "communities": partition.numberOfSubsets()}
    report("networkit", f"plm{threads}", graph.numberOfNodes(), graph.numberOfEdges(),
           loaded - started, done - loaded, cpu_done - cpu_started, figures)


if __name__ == "__main__":
    main()
