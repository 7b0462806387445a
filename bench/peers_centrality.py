"""Python peers of the centrality benchmark: python-igraph and NetworkX on the same network.

Usage: /usr/bin/python3 bench/peers_centrality.py EDGES.bin SPEC.json OUT.json

EDGES.bin is written by bench/generate.ts (writeEdgeFile): b'WPEDGES1', uint32 people, uint32 ties,
then per tie uint32 source, uint32 target, float64 strength, float64 cost = -ln(strength)
(little-endian). Person i of the file is warmpath's person i (ids sort as indices).

SPEC.json says what to run, each part optional:
  {"betweenness": {"nxK": 200, "nxSeed": 1, "igraph": true},
   "pagerank": {"repeats": 3, "networkx": true},
   "closeness": {"sources": [...], "budgetSeconds": 60, "minSources": 10},
   "peers": ["igraph", "networkx"]}

Times are measured here with time.perf_counter around the library call only (building the graph
is timed apart, as "load"); "others" is the mean number of cores other processes kept busy meanwhile. Scores are returned as the libraries give them; bench/centrality.ts
rescales and compares them with warmpath's.
"""

import json
import math
import random
import statistics
import sys
import time

import numpy as np

RECORD = np.dtype([("s", "<u4"), ("t", "<u4"), ("strength", "<f8"), ("cost", "<f8")])


def read_edges(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"WPEDGES1":
        raise SystemExit(f"{path}: not a WPEDGES1 file")
    people, ties = (int(x) for x in np.frombuffer(data, dtype="<u4", count=2, offset=8))
    return people, np.frombuffer(data, dtype=RECORD, count=ties, offset=16)


def log(message):
    print(f"  python {message}", file=sys.stderr, flush=True)


def finite(values):
    """JSON has no NaN: igraph gives NaN closeness to people with no ties."""
    return [None if isinstance(x, float) and math.isnan(x) else x for x in values]


def machine_busy_seconds():
    """CPU seconds the machine has spent busy (all but idle and iowait), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except OSError:
        return float("nan")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / 100


class OtherWork:
    """Mean cores other processes kept busy meanwhile (as bench/centrality-measure.ts)."""

    def __init__(self):
        self.busy = machine_busy_seconds()
        self.own = time.process_time()
        self.t0 = time.perf_counter()

    def __call__(self):
        wall = time.perf_counter() - self.t0
        ours = time.process_time() - self.own
        others = (machine_busy_seconds() - self.busy - ours) / wall
        return None if math.isnan(others) else max(0.0, others)


def timed(call):
    t0 = time.perf_counter()
    result = call()
    return time.perf_counter() - t0, result


def run_igraph(people, ties, spec):
    import igraph as ig

    def load():
        edges = np.stack([ties["s"], ties["t"]], axis=1).tolist()
        return ig.Graph(
            n=people,
            edges=edges,
            edge_attrs={"cost": ties["cost"].tolist(), "strength": ties["strength"].tolist()},
            directed=False,
        )

    load_seconds, graph = timed(load)
    out = {"version": ig.__version__, "loadSeconds": load_seconds}
    if "betweenness" in spec and spec["betweenness"].get("igraph", True):
        log("igraph betweenness (exact, every source)")
        others = OtherWork()
        seconds, scores = timed(lambda: graph.betweenness(directed=False, weights="cost"))
        out["betweenness"] = {"seconds": seconds, "scores": scores, "others": others()}
    if "pagerank" in spec:
        log("igraph pagerank")
        times, scores = [], None
        others = OtherWork()
        for _ in range(spec["pagerank"]["repeats"]):
            seconds, scores = timed(
                lambda: graph.pagerank(directed=False, damping=0.85, weights="strength")
            )
            times.append(seconds)
        out["pagerank"] = {"times": times, "scores": scores, "others": others()}
    if "closeness" in spec:
        log("igraph closeness (sample)")
        sources = spec["closeness"]["sources"]
        others = OtherWork()
        seconds, scores = timed(
            lambda: graph.closeness(vertices=sources, mode="all", weights="cost", normalized=True)
        )
        out["closeness"] = {
            "seconds": seconds,
            "sources": len(sources),
            "scores": finite(scores),
            "others": others(),
        }
    return out


def run_networkx(people, ties, spec):
    import networkx as nx

    def load():
        graph = nx.Graph()
        graph.add_nodes_from(range(people))
        graph.add_edges_from(
            (s, t, {"cost": c, "strength": w})
            for s, t, w, c in zip(
                ties["s"].tolist(),
                ties["t"].tolist(),
                ties["strength"].tolist(),
                ties["cost"].tolist(),
            )
        )
        return graph

    load_seconds, graph = timed(load)
    out = {"version": nx.__version__, "loadSeconds": load_seconds}
    if "betweenness" in spec:
        k = min(spec["betweenness"]["nxK"], people)
        seed = spec["betweenness"]["nxSeed"]
        log(f"networkx betweenness (k = {k} sources)")
        # NetworkX draws its k sources as random.Random(seed).sample(list(G), k): the same here,
        # so that warmpath can be run from exactly those sources and compared.
        sources = random.Random(seed).sample(list(graph.nodes()), k)
        others = OtherWork()
        seconds, scores = timed(
            lambda: nx.betweenness_centrality(graph, k=k, weight="cost", seed=seed)
        )
        out["betweenness"] = {
            "seconds": seconds,
            "others": others(),
            "k": k,
            "sources": sources,
            "scores": [scores[v] for v in range(people)],
        }
    if "pagerank" in spec and spec["pagerank"].get("networkx", True):
        log("networkx pagerank")
        times, scores = [], None
        others = OtherWork()
        for _ in range(spec["pagerank"]["repeats"]):
            seconds, scores = timed(lambda: nx.pagerank(graph, alpha=0.85, weight="strength"))
            times.append(seconds)
        out["pagerank"] = {
            "times": times,
            "scores": [scores[v] for v in range(people)],
            "others": others(),
        }
    if "closeness" in spec:
        log("networkx closeness (sample, one source at a time)")
        budget = spec["closeness"]["budgetSeconds"]
        minimum = spec["closeness"]["minSources"]
        times, scores = [], []
        others = OtherWork()
        started = time.perf_counter()
        for s in spec["closeness"]["sources"]:
            if len(times) >= minimum and time.perf_counter() - started > budget:
                break
            seconds, score = timed(
                lambda s=s: nx.closeness_centrality(graph, u=s, distance="cost", wf_improved=True)
            )
            times.append(seconds)
            scores.append(score)
        out["closeness"] = {"times": times, "scores": scores, "others": others()}
    return out


def main():
    edges_path, spec_path, out_path = sys.argv[1:4]
    with open(spec_path) as f:
        spec = json.load(f)
    people, ties = read_edges(edges_path)
    result = {"python": sys.version.split()[0], "people": people, "ties": len(ties)}
    peers = spec.get("peers", ["igraph", "networkx"])
    for name, run in (("igraph", run_igraph), ("networkx", run_networkx)):
        if name not in peers:
            continue
        try:
            result[name] = run(people, ties, spec)
        except ImportError as error:
            result[name] = {"error": f"not available: {error}"}
        log(f"{name} done")
    with open(out_path, "w") as f:
        json.dump(result, f, allow_nan=False)


if __name__ == "__main__":
    main()
