"""Same-language coreference: which mentions of one document name the same thing.

Why conservative rules rather than a model: a wrong merge in an entity list is worse
than a missed one (two entries can be merged by a reader; a merged one hides a name).
So only these merge: the same lexicon id; the same normalized name; an acronym and its
expansion (defined in the text or by the lexicon); a person's shorter name that is the
surname or the given name of exactly one longer name in the document ("al-Sudani" ->
"Mohammed Shiaa al-Sudani", "السوداني" -> "محمد شياع السوداني").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..extract.model import RawMention
from ..normalize.arabic import normalize_arabic
from ..normalize.latin import normalize_latin
from .document import Chain, Document


def name_key(m: RawMention) -> str:
    if m.lang == "ar":
        words = normalize_arabic(m.name, "match").split()
        # The article is not part of the identity of a word (الحشد / حشد).
        return " ".join(w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words)
    return normalize_latin(m.name, "match")


def _spelled_tail(short: RawMention, long: RawMention, n: int) -> bool:
    """The last ``n`` words of ``long`` are ``short`` as written, not only as a name key:
    the match key is phonetic (Love and Live share one), fair for a person's transliterated
    name, too loose for a title ("I Love it" is not "Saturday Night Live")."""
    if short.lang == "ar":
        return True  # the Arabic key already keeps every consonant
    return normalize_latin(long.name, "search").split()[-n:] == normalize_latin(short.name, "search").split()


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def chains(mentions: Sequence[RawMention]) -> list[Chain]:
    """Group the mentions of one language into chains, first mention order."""
    n = len(mentions)
    uf = _UF(n)
    reasons: dict[int, list[str]] = {}
    keys = [name_key(m) for m in mentions]
    by_id: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for i, m in enumerate(mentions):
        if m.entity_id:
            if m.entity_id in by_id:
                uf.union(by_id[m.entity_id], i)
            else:
                by_id[m.entity_id] = i
    for i, m in enumerate(mentions):
        k = keys[i]
        if not k:
            continue
        if k in by_key:
            j = by_key[k]
            a, b = mentions[j], m
            if not (a.entity_id and b.entity_id and a.entity_id != b.entity_id):
                uf.union(j, i)
                reasons.setdefault(i, []).append(f"same name as {a.text!r}")
        else:
            by_key[k] = i
    # Acronyms defined in the text: "PMF" -> "Popular Mobilisation Forces".
    for i, m in enumerate(mentions):
        if m.acronym_of and not m.entity_id:
            target = normalize_latin(m.acronym_of, "match")
            j = by_key.get(target)
            if j is not None and j != i:
                uf.union(j, i)
                reasons.setdefault(i, []).append(f"acronym of {m.acronym_of!r}")
    # Short person names: surname or given name of exactly one longer name.
    long_names: list[tuple[int, list[str]]] = [
        (i, keys[i].split()) for i, m in enumerate(mentions)
        if len(keys[i].split()) >= 2 and m.type in ("PER", "MISC")
    ]
    for i, m in enumerate(mentions):
        toks = keys[i].split()
        if not toks or len(toks) > 2 or m.type not in ("PER", "MISC"):
            continue
        cands = {
            uf.find(j) for j, lt in long_names
            if len(lt) > len(toks) and (lt[-len(toks):] == toks or (lt[: len(toks)] == toks and len(toks) == 1 and m.type == "PER"))
            and not (m.entity_id and mentions[j].entity_id and m.entity_id != mentions[j].entity_id)
            and (mentions[j].type == "PER" or m.type == "PER" or (mentions[j].title or m.title)
                 or (mentions[j].type == m.type == "MISC" and len(lt) <= 3 and lt[-len(toks):] == toks
                     and _spelled_tail(m, mentions[j], len(toks))))
        }
        if len(cands) == 1:
            root = cands.pop()
            if uf.find(i) != root:
                uf.union(root, i)
                reasons.setdefault(i, []).append(f"short form of {mentions[root].text!r}")
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    out: list[Chain] = []
    for members in sorted(groups.values(), key=lambda g: g[0]):
        head = _head(mentions, members)
        eid = next((mentions[i].entity_id for i in members if mentions[i].entity_id), "")
        rs = tuple(r for i in members for r in reasons.get(i, ()))
        out.append(Chain(tuple(members), head, eid, rs))
    return out


def _head(mentions: Sequence[RawMention], members: Sequence[int]) -> int:
    """The longest non-acronym name; lexicon hits first."""
    def rank(i: int) -> tuple[int, int, int, int]:
        m = mentions[i]
        return (
            0 if m.acronym_of else 1,
            1 if m.source == "lexicon" else 0,
            len(m.name.split()),
            len(m.name),
        )
    return max(members, key=rank)


class ChainMentions:
    """Component ``chains``: each language's mentions grouped into chains (after the
    links, which add the projected Arabic mentions)."""

    name = "chains"

    def __call__(self, doc: Document) -> None:
        doc.en_chains = chains(doc.en_mentions)
        doc.ar_chains = chains(doc.ar_mentions)
