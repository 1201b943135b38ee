"""A small fp32-weight reference forward pass of all-MiniLM-L6-v2 in pure numpy (test code, not product code).

It reads ``model.safetensors`` with a hand-written parser (no ``safetensors``/``torch``), runs the BERT encoder
(post-LayerNorm, exact erf GELU, LayerNorm eps from ``config.json``) and then sentence-transformers' Pooling
(mean over the attention mask, per ``1_Pooling/config.json``) and Normalize modules. Arithmetic is done in float64
on the float32 weights, so the only approximation left is the one under test (the int8 ONNX export).
"""

from __future__ import annotations

import json
import math
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

_DTYPES: dict[str, str] = {"F32": "<f4", "F16": "<f2", "BF16": "<u2", "F64": "<f8", "I64": "<i8", "I32": "<i4"}


def read_safetensors(path: Path) -> tuple[dict[str, np.ndarray], dict[str, str]]:
    """Tensors and ``__metadata__`` of a safetensors file.

    Layout: 8-byte little-endian u64 header length N, N bytes of JSON (name -> dtype, shape, data_offsets relative to
    the end of the header), then the raw little-endian, C-ordered tensor bytes.
    """
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    if n > len(raw) - 8:
        raise ValueError(f"{path}: header length {n} exceeds file size {len(raw)}")
    header: dict[str, Any] = json.loads(raw[8 : 8 + n])
    meta: dict[str, str] = header.pop("__metadata__", {}) or {}
    base = 8 + n
    tensors: dict[str, np.ndarray] = {}
    end_max = 0
    for name, info in header.items():
        dtype = _DTYPES[info["dtype"]]
        start, end = info["data_offsets"]
        shape = tuple(info["shape"])
        count = math.prod(shape)
        if end - start != count * np.dtype(dtype).itemsize:
            raise ValueError(f"{path}: {name} has {end - start} bytes for shape {shape} {info['dtype']}")
        arr = np.frombuffer(raw, dtype=dtype, count=count, offset=base + start).reshape(shape)
        if info["dtype"] == "BF16":  # bfloat16 is the top half of a float32
            arr = (arr.astype(np.uint32) << 16).view(np.float32)
        tensors[name] = arr
        end_max = max(end_max, end)
    if base + end_max != len(raw):
        raise ValueError(f"{path}: data ends at {base + end_max}, file has {len(raw)} bytes")
    return tensors, meta


def erf(x: np.ndarray) -> np.ndarray:
    """Vectorised erf (numpy has none): Numerical Recipes' Chebyshev erfc, fractional error < 1.2e-7 everywhere.

    That is float32-level accuracy, far below the int8 error under test; the test module checks it against math.erf.
    """
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
        + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))  # fmt: skip
    erfc = t * np.exp(-z * z + poly)
    return np.where(x >= 0, 1.0 - erfc, erfc - 1.0)


def _gelu(x: np.ndarray) -> np.ndarray:  # BERT's "gelu" is the exact erf form, not the tanh approximation
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class ReferenceBert:
    """BertModel + sentence-transformers mean pooling + L2 normalisation, on a padded batch."""

    def __init__(self, model_dir: Path) -> None:
        self.config: dict[str, Any] = json.loads((model_dir / "config.json").read_text())
        self.pooling: dict[str, Any] = json.loads((model_dir / "1_Pooling" / "config.json").read_text())
        cfg = self.config
        if cfg["model_type"] != "bert" or cfg["hidden_act"] != "gelu" or cfg.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"unsupported config: {cfg}")
        modes = {k: v for k, v in self.pooling.items() if k.startswith("pooling_mode_")}
        if modes.get("pooling_mode_mean_tokens") is not True or sum(bool(v) for v in modes.values()) != 1:
            raise ValueError(f"only mean pooling is implemented: {self.pooling}")
        tensors, self.metadata = read_safetensors(model_dir / "model.safetensors")
        # float64 arithmetic on the float32 weights; torch Linear computes x @ W.T + b, so store W.T once
        self.w = {
            k: (v.T if v.ndim == 2 and ".encoder." in f".{k}" else v).astype(np.float64)
            for k, v in tensors.items()
            if k != "embeddings.position_ids"
        }
        self.eps = float(cfg["layer_norm_eps"])
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.hidden = int(cfg["hidden_size"])

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[f"{name}.weight"] + self.w[f"{name}.bias"]

    def hidden_states(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """last_hidden_state (batch, seq, hidden) for right-padded ``ids``/``mask`` (batch, seq), token_type_ids 0.

        Per-token work (linears, LayerNorm, GELU) runs on the real tokens only; attention scatters them into the padded
        (batch, heads, seq, head_dim) layout and masks padded keys as BertModel does. Padded rows come back as zeros.
        """
        w, eps = self.w, self.eps
        b, n = ids.shape
        h, d = self.heads, self.hidden // self.heads
        real = np.flatnonzero(mask.reshape(-1) > 0)
        pos = np.tile(np.arange(n), b)[real]
        x = w["embeddings.word_embeddings.weight"][ids.reshape(-1)[real]] + w["embeddings.position_embeddings.weight"][pos]
        x = _layer_norm(
            x + w["embeddings.token_type_embeddings.weight"][0], w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps
        )
        key_bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float64).min / 2)  # BertModel's extended mask

        def heads(t: np.ndarray) -> np.ndarray:  # (tokens, hidden) -> padded (batch, heads, seq, head_dim)
            padded = np.zeros((b * n, self.hidden))
            padded[real] = t
            return padded.reshape(b, n, h, d).transpose(0, 2, 1, 3)

        for i in range(self.layers):
            p = f"encoder.layer.{i}"
            q, k, v = (heads(self._linear(x, f"{p}.attention.self.{t}")) for t in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(d) + key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b * n, self.hidden)[real]
            attn = self._linear(ctx, f"{p}.attention.output.dense")
            x = _layer_norm(x + attn, w[f"{p}.attention.output.LayerNorm.weight"], w[f"{p}.attention.output.LayerNorm.bias"], eps)
            ff = self._linear(_gelu(self._linear(x, f"{p}.intermediate.dense")), f"{p}.output.dense")
            x = _layer_norm(x + ff, w[f"{p}.output.LayerNorm.weight"], w[f"{p}.output.LayerNorm.bias"], eps)
        out = np.zeros((b * n, self.hidden))
        out[real] = x
        return out.reshape(b, n, self.hidden)

    def embed_ids(self, batch: Sequence[Sequence[int]]) -> np.ndarray:
        """Mean over the attention mask (sentence-transformers Pooling) then L2 normalisation (Normalize)."""
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.float64)
        for r, row in enumerate(batch):
            ids[r, : len(row)] = row
            mask[r, : len(row)] = 1.0
        hidden = self.hidden_states(ids, mask)
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.clip(mask.sum(axis=1, keepdims=True), 1e-9, None)
        return pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
