"""igraph's Leiden (modularity; 2 iterations, igraph's default, and until stable) on a weighted
edge list, once per seed.

Usage: python igraph_leiden.py GRAPH SEEDS
GRAPH: first line the node count, then "i j w" lines. Prints one JSON line per seed with the
modularity igraph measures after 2 iterations, and the modularity and membership until stable.
"""
import json
import random
import sys

import igraph as ig

path, seeds = sys.argv[1], int(sys.argv[2])
with open(path) as f:
    n = int(f.readline())
    edges, weights = [], []
    for line in f:
        i, j, w = line.split()
        edges.append((int(i), int(j)))
        weights.append(float(w))
graph = ig.Graph(n=n, edges=edges)
graph.es["weight"] = weights

def leiden(seed, iterations):
    random.seed(seed)
    ig.set_random_number_generator(random)
    return graph.community_leiden(objective_function="modularity", weights="weight",
                                  n_iterations=iterations)


for seed in range(1, seeds + 1):
    quick = leiden(seed, 2)
    part = leiden(seed, -1)
    print(json.dumps({"seed": seed, "quick": graph.modularity(quick, weights="weight"),
                      "modularity": graph.modularity(part, weights="weight"),
                      "membership": part.membership}))
