"""One step of the analysis benchmark in python-igraph, run in its own process.

Usage: python3 igraph_step.py STEP EDGE_LIST [OUT]   (seeded from the environment's BENCH_SEED, 1 when unset)
STEP is load, multilevel, leiden, pagerank, betweenness or betweenness-sampled. Prints one JSON
line: load and step time in milliseconds, peak resident memory (VmHWM) and the step's figures.
Scores (PageRank, betweenness) or the membership (multilevel, Leiden) go to OUT, one value a line
by vertex id, written after the clock stops.
Reference: Csardi, G. & Nepusz, T. (2006) "The igraph software package for complex network
research", InterJournal Complex Systems 1695.
"""
import os
import random
import sys
import time

import igraph

from step_common import report, write_lines


def run(step, graph):
    if step == "load":
        return {}, None
    if step == "multilevel":
        clustering = graph.community_multilevel()
        return {"communities": len(clustering)}, clustering.membership
    if step == "leiden":
        clustering = graph.community_leiden(objective_function="modularity", n_iterations=-1)
        return {"communities": len(clustering)}, clustering.membership
    if step == "pagerank":
        return {}, graph.pagerank(directed=False, damping=0.85)
    if step == "betweenness":
        return {}, graph.betweenness(directed=False)
    if step == "betweenness-sampled":
        rng = random.Random(1)
        sources = rng.sample(range(graph.vcount()), min(1000, graph.vcount()))
        graph.betweenness(directed=False, sources=sources)
        return {"pivots": len(sources)}, None
    raise SystemExit(f"igraph_step: unknown step {step}")


def main():
    step, path = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    random.seed(int(os.environ.get("BENCH_SEED", "1")))  # python-igraph draws from Python's random module
    started = time.perf_counter()
    cpu_started = time.process_time()
    # The bench hands over ids 0..n-1 (in order of first appearance), igraph's fastest reader.
    graph = igraph.Graph.Read_Edgelist(path, directed=False)
    loaded = time.perf_counter()
    figures, values = run(step, graph)
    done = time.perf_counter()
    cpu_done = time.process_time()
    if out and values is not None:
        write_lines(out, values)
    report("igraph", step, graph.vcount(), graph.ecount(),
           loaded - started, done - loaded, cpu_done - cpu_started, figures)


if __name__ == "__main__":
    main()
