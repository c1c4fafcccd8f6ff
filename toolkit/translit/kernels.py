"""The numpy kernels of the char BART's forward pass, and the allocator setting they need.

In-place float32 operations throughout: at these sizes a fresh array per operation costs
more than the arithmetic (see ``infer.py`` for where the decoding time goes).
"""

from __future__ import annotations

import math
import os
import sys

import numpy as np

_F32 = np.float32


def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory instead of handing every large block back to the OS.

    Each decoding step allocates dozens of temporaries of about a megabyte. By default glibc
    serves blocks that size with mmap (or trims the heap when they are freed), so every step
    page-faults its memory in afresh, which cost more than the arithmetic (≈40% of decoding
    time here). Raising the mmap and trim thresholds keeps that memory in the heap for reuse.
    Process-wide: up to 64 MB of freed memory at the top of the heap stays with the process
    instead of going back to the OS. Called once when a model is loaded;
    ``TOOLKIT_DEFAULT_MALLOC=1`` turns it off.
    Returns whether the thresholds were set.
    """
    global _MALLOC_TUNED
    if _MALLOC_TUNED is not None:
        return _MALLOC_TUNED
    _MALLOC_TUNED = False
    if not sys.platform.startswith("linux") or os.environ.get("TOOLKIT_DEFAULT_MALLOC") == "1":
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        m_trim_threshold, m_mmap_threshold = -1, -3
        ok = libc.mallopt(m_mmap_threshold, 16 << 20) and libc.mallopt(m_trim_threshold, 64 << 20)
        _MALLOC_TUNED = bool(ok)
    except (OSError, AttributeError):
        pass
    return _MALLOC_TUNED


_MALLOC_TUNED: bool | None = None


def gelu(x: np.ndarray) -> np.ndarray:
    """Exact GELU, 0.5·x·(1 + erf(x/√2)), erf by Abramowitz–Stegun 7.1.26 (error < 1.5e-7).

    Written as max(x, 0) − |x|·½·(1 − erf(|x|/√2)) with in-place float32 operations (a fresh
    array per operation costs more than the arithmetic at these sizes); the ½ is folded
    into the polynomial's coefficients.
    """
    a = np.abs(x)
    t = a * _F32(0.3275911 / math.sqrt(2.0))
    t += _F32(1.0)
    np.divide(_F32(1.0), t, out=t)
    p = t * _F32(0.5 * 1.061405429)
    p += _F32(0.5 * -1.453152027)
    p *= t
    p += _F32(0.5 * 1.421413741)
    p *= t
    p += _F32(0.5 * -0.284496736)
    p *= t
    p += _F32(0.5 * 0.254829592)
    p *= t
    e = np.square(a)
    np.multiply(e, _F32(-0.5), out=e)
    np.maximum(e, _F32(-80.0), out=e)  # exp(-80) is already 0 for the sum; avoids denormals
    np.exp(e, out=e)
    p *= e
    p *= a  # |x|·½·(1 − erf(|x|/√2))
    np.maximum(x, _F32(0.0), out=a)
    a -= p
    return a


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """LayerNorm over the last axis, in place (``x`` is a temporary the caller gives away)."""
    d = x.shape[-1]
    avg = np.full(d, 1.0 / d, dtype=np.float32)
    x -= (x @ avg)[..., None]
    var = np.square(x) @ avg
    var += _F32(eps)
    np.sqrt(var, out=var)
    x /= var[..., None]
    x *= w
    x += b
    return x


def softmax_(x: np.ndarray) -> np.ndarray:
    """Softmax in place along the last axis.

    Row sums are matrix-vector products, and the usual subtraction of each row's maximum (a
    slow reduction over a short axis) is skipped when the largest score is small enough for
    exp not to overflow and every row keeps a sum well above zero; otherwise it is done.
    """
    ones = np.ones(x.shape[-1], dtype=np.float32)
    if x.max() < 60.0:
        e = np.exp(x, out=x)
        total = e @ ones
        if total.min() > 1e-20:
            e /= total[..., None]
            return e
        np.log(x, out=x)  # undo: back to scores (rows that underflowed are redone below)
    x -= x.max(-1, keepdims=True)
    np.exp(x, out=x)
    x /= (x @ ones)[..., None]
    return x


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(-1, keepdims=True)
    return x - np.log(np.exp(x).sum(-1, keepdims=True))
