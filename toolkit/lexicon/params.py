"""Every tuned number of the lookup, in one frozen dataclass.

Why one place: the score tiers, the candidate pool sizes, the cache bounds and the
model's gate were each chosen on a benchmark; spread over a module as bare constants
they were easy to change without re-measuring and hard to review together. Where a
value was measured says its comment; "the lookup lists" are the accuracy lists of
``benchmarks/lookup.py`` (places, google person names both ways, Wikidata full and
partial names), whose numbers ``benchmarks/README.md`` records ("Lookup"), and "the
scale test" is its ``--only scale`` run on a generated Arabic-only lexicon.

Changing a value changes answers: rerun ``benchmarks/lookup.py --only accuracy --only
demo`` (and ``--only throughput`` / ``--only scale`` for the speed and memory ones).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LookupParams:
    """The lookup's tuned constants (see the module docstring for the benchmarks)."""

    # ------------------------------------------------------------ score tiers
    #: A query equal to an entity's preferred name is surely it (design, not tuned).
    score_exact: float = 1.0
    #: Equal to a listed variant or acronym: almost surely (design: under exact).
    score_variant: float = 0.98
    #: Equal by the same-script match key: the top of the key tier (design: under variant).
    score_key: float = 0.95
    #: The key folds vowels hard (Rummana / Romania), so within the tier the similarity
    #: spreads the hits over [score_key - key_spread, score_key] (commit 18fb100).
    key_spread: float = 0.05
    #: Similarity scores are scaled to at most 0.93 (0.94 with ``translit_bonus``), under
    #: the variant tier and the best key hits (design of the first cut, e9e82b2).
    fuzzy_scale: float = 0.93
    #: A candidate whose whole consonant skeleton equals the query's (``translit``) goes
    #: just ahead of a plain fuzzy one of equal similarity (first cut, e9e82b2).
    translit_bonus: float = 0.01
    #: A similarity under this is no match at all (first cut; below it the lookup lists'
    #: hits are noise).
    min_similarity: float = 0.45
    #: Scores found through the query with its generic place words in Arabic ("North
    #: Sinai" as "شمال Sinai") are scaled by this: North, Green and Lake are surnames
    #: too (chosen on the lookup lists, e4c88fb: places +4.4 points, no loss elsewhere).
    generic_discount: float = 0.95
    #: Consonant evidence (:func:`toolkit.normalize.keys.consonants`): a query or name
    #: with fewer consonant symbols than ``min_key_consonants`` matches only by its search
    #: form (exact, variant), never by key ("aaaa", "EU" and "L.A." all have the key
    #: ``a``); one with fewer than ``short_consonants`` needs a near-exact similarity
    #: for a key hit (``short_key_similarity``: "Ali" is not "ILO"), and an acronym-like
    #: name or query matches by key only with the same letters ("US" is not "IS"). Fuzzy
    #: hits are not gated (they stay under 0.94; a floor of 0.8 for short queries lost
    #: "El Oued" / الوادي on the places list). Chosen on issue 14's cases, then checked on
    #: the lookup lists (acc@1 unchanged, 200 queries a list, see the commit).
    min_key_consonants: int = 1
    short_consonants: int = 2
    short_key_similarity: float = 0.9

    # ------------------------------------------------------------ candidates from the part index
    #: Part skeletons shared by more names than this are used only when nothing rarer is
    #: there (``mhmd`` in a million names; the scale test, 8aca874).
    common_df: int = 5000
    #: At most this many names are read per part skeleton (memory bound, scale test).
    max_postings: int = 200_000
    #: The whole-skeleton-equal names weigh as this many times the log rarity of a unique
    #: part: they are the likeliest transliterations (8aa065f).
    skeleton_weight: float = 2.0
    #: How many vocabulary neighbours of a query part are followed, and how close
    #: (rapidfuzz ratio) they must be (the lookup lists, 8aca874 / a0f7600).
    neighbours: int = 6
    neighbour_cutoff: float = 66.0
    #: When a query part is in the vocabulary as it is, only close neighbours are followed.
    neighbour_cutoff_exact: float = 80.0

    # ------------------------------------------------------------ pool and rerank
    #: Candidates kept by index weight (the pool), then ranked by a fast rapidfuzz proxy;
    #: only the first few get the full, pure-Python similarity (8aca874).
    pool: int = 1500
    #: The pool when its rows are read from SQLite (large lexicons): random reads are the
    #: cost there, and on a 300,000-name list 500 finds the same first match as 1,500
    #: (acc@1 0.975 both) at twice the speed (scale test, a0f1d27).
    pool_sql: int = 500
    #: Entities given the full similarity, at most (8aca874).
    rerank: int = 20
    #: After the first ``min_rerank`` entities, a candidate whose proxy trails the best by
    #: more than this share of the proxy's range is not reranked (8aca874).
    proxy_margin: float = 0.15
    min_rerank: int = 5
    #: Weights of the proxy: symbols compared whole, as sets of parts (partial queries),
    #: and skeletons (3a14592 / d7d16e0, the lookup lists).
    proxy_weights: tuple[float, float, float] = (1.0, 1.0, 1.0)
    #: Weight of the index weight (closeness times rarity of the shared parts) in the
    #: proxy: a rare shared part outweighs a common one (d7d16e0).
    proxy_index_weight: float = 1.0
    #: Names of one entity given the full similarity, at most, so that variants do not
    #: crowd the other entities out (6c28b7e).
    names_per_entity: int = 2
    #: When the query already matched a name exactly or by key, the other candidates only
    #: fill the list: a smaller pool and rerank, no neighbour search, and the proxy of
    #: symbols alone (whole and as sets) as the score (2871436 / 3a7c65d).
    fill_rerank: int = 8
    fill_pool: int = 100
    fill_proxy_weights: tuple[float, float, float] = (1.0, 1.0, 0.0)
    #: Parts of different counts are also compared run together, unless the parts alone
    #: are this similar; the run-together score counts this much (first cut, e9e82b2).
    run_together_below: float = 0.97
    run_together_factor: float = 0.97

    # ------------------------------------------------------------ memory (throughput and scale tests)
    #: Lexicons up to this many names keep their name rows in memory once fuzzy lookup
    #: is needed (a few MB); larger ones read candidates from SQLite (a3b44e4).
    in_memory_names: int = 60_000
    #: ... and only after this many pool reads: a single cold lookup reads a few rows
    #: from SQLite faster than it loads them all (a3b44e4).
    memory_after: int = 20
    #: Bounds of the per-part caches: query parts remembered, and name ids held in
    #: posting lists (4b34bbb).
    cache_parts: int = 50_000
    cache_postings: int = 20_000_000
    #: Score cells per rapidfuzz cdist call when neighbours are found for a batch (memory
    #: bound, 4b34bbb).
    cdist_cells: int = 4_000_000
    #: Answers remembered per lexicon, before the model's spellings (the ``lru_cache`` of
    #: 4b34bbb: names repeat in a stream).
    lookup_cache: int = 4096

    # ------------------------------------------------------------ the model's spellings (e6cd685 / e4c88fb)
    #: How many candidates are ranked first, to judge the margin.
    translit_depth: int = 10
    #: The model is asked when the best match is under this, or within ``translit_margin``
    #: of the next (chosen on the lookup lists: person names +4 points).
    translit_gate: float = 0.80
    translit_margin: float = 0.03
    #: How many spellings the model gives per query.
    translit_top: int = 5
    #: Longer queries are not names: the model is not asked.
    translit_max_chars: int = 200
    #: An entity a spelling names is raised to at least ``translit_floor`` and gains
    #: ``translit_weight * p / rank``, capped at ``score_translit_max`` (under the key
    #: tier); chosen on the lookup lists (acc@1 +5 points on foreign person names).
    translit_weight: float = 0.1
    translit_floor: float = 0.85
    score_translit_max: float = 0.945


DEFAULT_PARAMS = LookupParams()
