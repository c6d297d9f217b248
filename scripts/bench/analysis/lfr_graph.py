"""Writes an LFR benchmark graph made with NetworKit's generator, and its planted partition.

Usage: python3 lfr_graph.py NODES MU OUT
Writes OUT ("u v" lines, ids 0..n-1) and OUT.truth (each node's community, one a line by id).
Parameters are those of Lancichinetti, A., Fortunato, S. & Radicchi, F. (2008) "Benchmark graphs
for testing community detection algorithms", Phys. Rev. E 78, 046110, scaled to small cells:
average degree 20, largest degree 50, degree exponent 2, community sizes 10 to 50 with exponent 1.
Staudt, C. L., Sazonovs, A. & Meyerhenke, H. (2016) "NetworKit: A tool suite for large-scale
complex network analysis", Network Science 4(4).
"""
import sys

import networkit


def main():
    nodes, mu, out = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    networkit.setSeed(1, False)
    generator = networkit.generators.LFRGenerator(nodes)
    generator.generatePowerlawDegreeSequence(20, 50, -2)
    generator.generatePowerlawCommunitySizeSequence(10, 50, -1)
    generator.setMu(mu)
    graph = generator.generate()
    with open(out, "w") as edges:
        edges.writelines(f"{u} {v}\n" for u, v in graph.iterEdges())
    with open(out + ".truth", "w") as truth:
        truth.writelines(f"{c}\n" for c in generator.getPartition().getVector())
    print(f"{out}: {graph.numberOfNodes()} nodes, {graph.numberOfEdges()} edges")


if __name__ == "__main__":
    main()
