"""Python peers of the chains benchmark: NetworkX and python-igraph on the same network and pairs.

Usage: /usr/bin/python3 bench/peers.py EDGES.bin PAIRS.json OUT.json

EDGES.bin is written by bench/generate.ts (writeEdgeFile): b'WPEDGES1', uint32 people, uint32 ties,
then per tie uint32 source, uint32 target, float64 strength, float64 cost (little-endian).
PAIRS.json: {"pairs": [[s, t], ...], "kPairs": [[s, t], ...], "k": 5, "budgetSeconds": 60,
"minPairs": 20}. Times are per query, measured here with time.perf_counter (loading excluded).
Each query's cost is summed from the path's own edge costs. Memory is the growth of the resident
set while the graph is built (allocator slack included), so it is an upper bound.
"""

import gc
import itertools
import json
import struct
import sys
import time


def rss_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def read_edges(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"WPEDGES1":
        raise SystemExit(f"{path}: not a WPEDGES1 file")
    people, ties = struct.unpack_from("<II", data, 8)
    return people, ties, data


def records(data, ties):
    return struct.iter_unpack("<IIdd", memoryview(data)[16 : 16 + 24 * ties])


def timed(pairs, budget, min_pairs, query):
    times, results = [], []
    started = time.perf_counter()
    for s, t in pairs:
        if len(times) >= min_pairs and time.perf_counter() - started > budget:
            break
        t0 = time.perf_counter()
        result = query(s, t)
        times.append((time.perf_counter() - t0) * 1000)
        results.append(result)
    return times, results


def run_networkx(people, ties, data, spec):
    import networkx as nx

    gc.collect()
    before = rss_bytes()
    t0 = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(range(people))
    graph.add_edges_from((s, t, {"cost": c}) for s, t, _w, c in records(data, ties))
    load = time.perf_counter() - t0
    gc.collect()
    grown = rss_bytes() - before

    def path_cost(path):
        return sum(graph[u][v]["cost"] for u, v in zip(path, path[1:]))

    def best(s, t):
        try:
            _length, path = nx.bidirectional_dijkstra(graph, s, t, weight="cost")
        except nx.NetworkXNoPath:
            return None
        return path_cost(path)

    def k_best(s, t):
        paths = nx.shortest_simple_paths(graph, s, t, weight="cost")
        return [path_cost(p) for p in itertools.islice(paths, spec["k"])]

    for s, t in spec["pairs"][:3]:
        best(s, t)
    out = {"version": nx.__version__, "loadSeconds": load, "rssGrowth": grown}
    times, costs = timed(spec["pairs"], spec["budgetSeconds"], spec["minPairs"], best)
    out["best"] = {"times": times, "costs": costs}
    times, costs = timed(spec["kPairs"], spec["budgetSeconds"], spec["minKPairs"], k_best)
    out["k"] = {"times": times, "costs": costs}
    del graph
    gc.collect()
    return out


def run_igraph(people, ties, data, spec):
    import igraph as ig

    gc.collect()
    before = rss_bytes()
    t0 = time.perf_counter()
    edges, costs = [], []
    for s, t, _w, c in records(data, ties):
        edges.append((s, t))
        costs.append(c)
    graph = ig.Graph(n=people, edges=edges, edge_attrs={"cost": costs}, directed=False)
    load = time.perf_counter() - t0
    del edges
    gc.collect()
    grown = rss_bytes() - before
    cost_of = graph.es["cost"]

    def path_cost(path):
        if len(path) < 2:
            return 0.0
        eids = graph.get_eids(pairs=list(zip(path, path[1:])), directed=False)
        return sum(cost_of[e] for e in eids)

    def best(s, t):
        path = graph.get_shortest_paths(s, to=t, weights="cost", output="vpath")[0]
        return path_cost(path) if path else None

    def k_best(s, t):
        paths = graph.get_k_shortest_paths(
            s, to=t, k=spec["k"], mode="all", weights="cost", output="vpath"
        )
        return [path_cost(p) for p in paths]

    for s, t in spec["pairs"][:3]:
        best(s, t)
    out = {"version": ig.__version__, "loadSeconds": load, "rssGrowth": grown}
    times, found = timed(spec["pairs"], spec["budgetSeconds"], spec["minPairs"], best)
    out["best"] = {"times": times, "costs": found}
    times, found = timed(spec["kPairs"], spec["budgetSeconds"], spec["minKPairs"], k_best)
    out["k"] = {"times": times, "costs": found}
    return out


def main():
    edges_path, pairs_path, out_path = sys.argv[1:4]
    with open(pairs_path) as f:
        spec = json.load(f)
    people, ties, data = read_edges(edges_path)
    result = {"python": sys.version.split()[0], "people": people, "ties": ties}
    for name, run in (("igraph", run_igraph), ("networkx", run_networkx)):
        try:
            result[name] = run(people, ties, data, spec)
        except ImportError as error:
            result[name] = {"error": f"not available: {error}"}
        print(f"  python {name} done", file=sys.stderr, flush=True)
    with open(out_path, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
