"""polyglot_text.dask on a real dask.distributed LocalCluster: same bytes as the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES

dask = pytest.importorskip("dask", reason="the optional extra 'dask' is not installed")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import polyglot_text  # noqa: E402
from polyglot_text import dask as ptdask  # noqa: E402


def _corpus(path: Path, records: int = 400) -> list[str]:
    """A JSONL corpus of fixture lines with ids and an extra field to keep."""
    rng = random.Random(7)
    lines = [
        line
        for fixture in sorted(FIXTURES.glob("*.txt"))
        for line in fixture.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    out = [
        json.dumps({"id": i, "text": rng.choice(lines), "meta": {"n": i % 7}}, ensure_ascii=False)
        for i in range(records)
    ]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def test_cluster_output_equals_cli_byte_for_byte(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "polyglot_text",
            "segment",
            "--jsonl",
            "--field",
            "text",
            str(corpus),
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert ptdask.warm_up(client) and len(ptdask.warm_up(client)) == 2
    bag = db.read_text(str(corpus), blocksize=4096)
    assert bag.npartitions > 2
    out = ptdask.cli_jsonl(bag, "segment", fmt="text", languages=None).compute()
    assert "".join(out).encode("utf-8") == cli
    assert len(out) == cli.count(b"\n") == 400  # records in == records out


def test_map_records_and_texts_on_cluster(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    lines = _corpus(tmp_path / "c.jsonl", 120)
    bag = db.from_sequence([json.loads(line) for line in lines], npartitions=6)
    got = ptdask.map_records(bag, "detect_language", into="lang").compute()
    assert [r["id"] for r in got] == list(range(120))
    assert [r["lang"] for r in got] == [
        polyglot_text.detect_language(json.loads(line)["text"]) for line in lines
    ]
    texts = db.from_sequence([json.loads(line)["text"] for line in lines], npartitions=4)
    segs = ptdask.map_texts(texts, "segments").compute()
    assert segs == [polyglot_text.segments(json.loads(line)["text"]) for line in lines]


def test_map_column_keeps_missing_values() -> None:
    frame = pd.DataFrame({"t": ["وزير الخارجية", None, "good morning"], "k": [1, 2, 3]})
    ddf = dd.from_pandas(frame, npartitions=2)
    got = ptdask.map_column(ddf, "t", "detect_language", into="lang").compute(scheduler="sync")
    assert got["lang"].tolist()[0] == "ar" and got["lang"].tolist()[2] == "en"
    assert pd.isna(got["lang"].tolist()[1])
    assert got["k"].tolist() == [1, 2, 3]


def test_misuse_is_reported_on_the_client() -> None:
    bag = db.from_sequence(["x"], npartitions=1)
    with pytest.raises(ValueError, match="choose one of"):
        ptdask.map_texts(bag, "not_a_function")
    with pytest.raises(ValueError, match="unknown command"):
        ptdask.cli_jsonl(bag, "frobnicate")
    with pytest.raises(TypeError, match="int"):
        ptdask.map_texts(bag, 3)  # type: ignore[arg-type]
    frame = dd.from_pandas(pd.DataFrame({"a": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match="no column 'b'"):
        ptdask.map_column(frame, "b", "segments")


def test_bad_record_names_the_record() -> None:
    bag = db.from_sequence(['{"id": 1}'], npartitions=1)
    with pytest.raises(ValueError, match="field 'text' is missing"):
        ptdask.cli_jsonl(bag, "segment", fmt="text", languages=None).compute(scheduler="sync")
