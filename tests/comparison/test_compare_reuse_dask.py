"""The candidate stage of find_reuse on a Dask LocalCluster gives the local run's pairs and passages."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.comparison import find_reuse
from policytext.comparison.candidates import candidate_pairs
from policytext.errors import InputError

pytestmark = pytest.mark.slow  # a LocalCluster and 24 real documents: about 20 s

distributed = pytest.importorskip("distributed", reason="the dask extra (dask[distributed]) is not installed")
pytest.importorskip("datasketch", reason="the compare extra (datasketch) is not installed")


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as c,
        distributed.Client(c) as cl,
    ):
        yield cl


@pytest.fixture(scope="module")
def texts(corpus_dir):
    shandong = [d.text for d in pt.Corpus.from_dir(corpus_dir / "policy_docs_shandong")][:10]
    central = [d.text for d in pt.Corpus.from_dir(corpus_dir / "policy_docs_central")][:10]
    return shandong, central


def test_dask_candidates_equal_local_ones_across_the_split(texts, client):
    from policytext.comparison.dask_candidates import dask_candidate_pairs

    shandong, central = texts
    everything = shandong + central
    local = candidate_pairs(everything, len(shandong), window=100)
    on_dask = dask_candidate_pairs(everything, len(shandong), client=client, window=100, npartitions=5)
    assert local  # Shandong documents copy central wording: some pairs are candidates
    assert on_dask == local


def test_dask_candidates_equal_local_ones_within_one_corpus(texts, client):
    from policytext.comparison.dask_candidates import dask_candidate_pairs

    shandong, central = texts
    everything = shandong[:6] + central[:6]
    for threshold in (0.1, 0.3):
        local = candidate_pairs(everything, window=80, threshold=threshold, num_perm=64, random_state=3)
        on_dask = dask_candidate_pairs(
            everything, client=client, window=80, threshold=threshold, num_perm=64, random_state=3, npartitions=3
        )
        assert on_dask == local


def test_find_reuse_with_a_client_returns_the_local_rows(texts, client):
    shandong, central = texts
    local = find_reuse(shandong, central, candidates="lsh")
    on_dask = find_reuse(shandong, central, candidates="lsh", client=client)
    assert len(local) > 0
    assert on_dask.equals(local)


def test_handmade_copy_is_a_candidate_on_dask(client):
    from policytext.comparison.dask_candidates import dask_candidate_pairs

    a = "为深入贯彻落实党中央决策部署，各地区各部门要切实做好稳就业保民生各项工作，确保取得实效。"
    b = "会议强调，为深入贯彻落实党中央决策部署，各市各有关部门要切实做好稳就业保民生各项工作，确保取得实效。"
    c = "今天天气很好，我们去公园散步，看见湖里有很多鸭子在游泳。"
    assert dask_candidate_pairs([a, c, b], client=client, window=40) == {(0, 2)}
    assert dask_candidate_pairs([], client=client) == set()


def test_a_client_that_is_not_one_is_refused():
    from policytext.comparison.dask_candidates import dask_candidate_pairs

    with pytest.raises(InputError, match="client"):
        dask_candidate_pairs(["甲乙丙丁戊"], client=object())
