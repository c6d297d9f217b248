"""One step of the analysis benchmark in python-igraph, run in its own process.

Usage: python3 igraph_step.py STEP EDGE_LIST [OUT]
STEP is load, multilevel, leiden, pagerank, betweenness or betweenness-sampled. Prints one JSON
line: load and step time in milliseconds, peak resident memory (VmHWM) and the step's figures.
PageRank and betweenness scores are written to OUT, one value a line by vertex id, for comparison.
Reference: Csardi, G. & Nepusz, T. (2006) "The igraph software package for complex network
research", InterJournal Complex Systems 1695.
"""
import json
import random
import sys
import time

import igraph


def peak_rss_mb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def write_scores(path, values):
    with open(path, "w") as out:
        for value in values:
            out.write(f"{value!r}\n")


def run(step, graph, out):
    if step == "load":
        return {}
    if step == "multilevel":
        clustering = graph.community_multilevel()
        return {"modularity": clustering.modularity, "communities": len(clustering)}
    if step == "leiden":
        clustering = graph.community_leiden(objective_function="modularity", n_iterations=-1)
        return {"modularity": graph.modularity(clustering.membership), "communities": len(clustering)}
    if step == "pagerank":
        scores = graph.pagerank(directed=False, damping=0.85)
        if out:
            write_scores(out, scores)
        return {}
    if step == "betweenness":
        scores = graph.betweenness(directed=False)
        if out:
            write_scores(out, scores)
        return {}
    if step == "betweenness-sampled":
        rng = random.Random(1)
        sources = rng.sample(range(graph.vcount()), min(1000, graph.vcount()))
        graph.betweenness(directed=False, sources=sources)
        return {"pivots": len(sources)}
    raise SystemExit(f"igraph_step: unknown step {step}")


def main():
    step, path = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    started = time.perf_counter()
    cpu_started = time.process_time()
    # The bench hands over ids 0..n-1 (in order of first appearance), igraph's fastest reader.
    graph = igraph.Graph.Read_Edgelist(path, directed=False)
    loaded = time.perf_counter()
    figures = run(step, graph, out)
    done = time.perf_counter()
    cpu_done = time.process_time()
    print(json.dumps({
        "tool": "igraph",
        "step": step,
        "nodes": graph.vcount(),
        "edges": graph.ecount(),
        "loadMs": (loaded - started) * 1000,
        "stepMs": (done - loaded) * 1000,
        "cpuMs": (cpu_done - cpu_started) * 1000,
        "peakMb": peak_rss_mb(),
        **figures,
    }))


if __name__ == "__main__":
    main()
