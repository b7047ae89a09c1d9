"""Connectivity checked against an independent implementation: brute-force distances and
all-pairs Floyd–Warshall on a subset, and single-source searches at full Aalborg scale."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import shapely

from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams


def independent_indices(geoms, landscape, params):
    """PC sum and IIC sum the plain way: every pair, Floyd–Warshall, no pruning or pieces."""
    geoms = shapely.intersection(np.asarray(geoms, dtype=object), landscape)
    parts = shapely.get_parts(geoms)
    parts = parts[shapely.area(parts) > 0]
    n = len(parts)
    touch = shapely.intersects(parts[:, None], parts[None, :])
    graph = nx.from_numpy_array(touch.astype(int))
    patches = [shapely.union_all(parts[list(c)]) for c in nx.connected_components(graph)]
    patches = np.array(patches, dtype=object)
    n = len(patches)
    area = shapely.area(patches)
    dist = shapely.distance(patches[:, None], patches[None, :])
    big = np.inf
    d = np.where(dist <= params.link_m, dist, big)
    np.fill_diagonal(d, 0.0)
    hops = np.where(dist <= params.iic_m, 1.0, big)
    np.fill_diagonal(hops, 0.0)
    for k in range(n):
        d = np.minimum(d, d[:, k:k + 1] + d[k:k + 1, :])
        hops = np.minimum(hops, hops[:, k:k + 1] + hops[k:k + 1, :])
    p = np.where(d <= params.limit_m, np.exp(-params.k * d), 0.0)
    pc_sum = float(area @ p @ area)
    iic_sum = float(area @ np.where(np.isfinite(hops), 1.0 / (1.0 + hops), 0.0) @ area)
    return n, pc_sum, iic_sum


@pytest.fixture(scope="module")
def full_sample(full_sample_dataset):
    from naturplan.core.layers.roles import Role

    dataset = full_sample_dataset
    geoms = np.concatenate([layer.frame.geometry.to_numpy()
                            for layer in dataset.vector(Role.NATURE_P3)])
    return dataset.municipality.geometry, geoms


@pytest.mark.slow
@pytest.mark.parametrize("centre", [(0.35, 0.55), (0.6, 0.3)])
def test_a_window_of_the_sample_against_floyd_warshall(full_sample, centre):
    municipality, geoms = full_sample
    minx, miny, maxx, maxy = municipality.bounds
    cx, cy = minx + centre[0] * (maxx - minx), miny + centre[1] * (maxy - miny)
    window = shapely.intersection(municipality, shapely.box(cx - 3000, cy - 3000,
                                                            cx + 3000, cy + 3000))
    subset = geoms[shapely.intersects(geoms, window)]
    assert 50 < len(subset) < 600
    params = ConnectivityParams(p_min=0.001)
    net = ConnectivityNetwork.of_polygons(subset, window, params)
    n, pc_sum, iic_sum = independent_indices(subset, window, params)
    assert net.indices.patches == n
    assert net.indices.pc_sum == pytest.approx(pc_sum, rel=1e-9)
    assert net.indices.iic_sum == pytest.approx(iic_sum, rel=1e-9)


@pytest.mark.slow
def test_full_scale_rows_against_networkx(full_sample):
    """At full Aalborg scale (10,072 §3 polygons), 30 patches' sums Σⱼ aⱼ p*ᵢⱼ from a plain
    networkx search over every link (no pruning, no cut pieces) equal the network's."""
    municipality, geoms = full_sample
    params = ConnectivityParams()
    net = ConnectivityNetwork.of_polygons(geoms, municipality, params, iic=False)
    patches, areas = net.patches.geoms, net.patches.areas
    assert 4000 < len(patches) < 8000
    tree = shapely.STRtree(patches)
    i, j = tree.query(patches, predicate="dwithin", distance=params.link_m)
    keep = i < j
    i, j = i[keep], j[keep]
    d = shapely.distance(patches[i], patches[j])
    graph = nx.Graph()
    graph.add_nodes_from(range(len(patches)))
    graph.add_weighted_edges_from(zip(i.tolist(), j.tolist(), d.tolist(), strict=True))
    rng = np.random.default_rng(11)
    for source in rng.choice(len(patches), 30, replace=False):
        lengths = nx.single_source_dijkstra_path_length(graph, int(source),
                                                        cutoff=params.limit_m)
        nodes = np.fromiter(lengths.keys(), dtype=int)
        dist = np.fromiter(lengths.values(), dtype=float)
        expected = float(areas[nodes] @ np.exp(-params.k * dist))
        assert net.row_sums[source] == pytest.approx(expected, rel=1e-9)
    assert net.indices.pc_sum == pytest.approx(float(areas @ net.row_sums), rel=1e-12)
