"""Every tuned number of transliteration, in one frozen dataclass.

Why one place: the sources' scores are fused by hand-set numbers (a well-known dictionary
spelling at 0.8 + 0.2 · share, our own guesses × 0.85 under it, whole-name labels at 0.88
and up, a 0.75 / 1.3 length ratio for lexicon names). Written inline across the pipeline
they could not be read, compared or changed together. Each value says where it was
measured or chosen; the runs behind them are ``benchmarks/translit.py``, recorded in
``benchmarks/README.md`` (and the reranking weight in ``models/translit/MODEL_CARD.md``).

Not here: the per-letter weights of the rule transliterators (``rules_ar2lat.py``,
``rules_lat2ar.py``) are the rules' own tables, and the attested table's score
(``memory.Attested.score``) is its definition of confidence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TranslitParams:
    """The constants of :class:`~toolkit.translit.pipeline.Transliterator` (pass one to change them)."""

    # ---- input
    max_name_chars: int = 300  # longer input is a pasted sentence, not a name; chosen, not tuned (0db04de)

    # ---- the model, its reranking and the caches
    lm_weight: float = 0.2  # Latin spelling model in the n-best rerank; Wikidata dev, 0.1/0.2/0.3/0.4 tried (MODEL_CARD.md)
    cache_limit: int = 200_000  # words and units kept between batches: a memory bound for long streams, not a score
    well_attested: int = 5  # a stem seen this often in training is not sent to the model (first pipeline, 0db04de)
    attested_ceiling: float = 0.99  # the model's guesses stay under the lowest attested spelling (× this)

    # ---- the lexicon's whole names
    lexicon_min_score: float = 0.95  # a lookup() match under this is fuzzy, not a confirmed name (0db04de)
    lexicon_variant: float = 0.97  # a variant of an entry's name ranks under its preferred name (1.0)
    lexicon_variant_query: float = 0.98  # a query that matches a variant (not the preferred name): at most this
    lexicon_spelling: float = 0.88  # a lexicon name is a spelling of the query at this cross-script similarity
    # (normalize.keys.SimilarityParams.threshold, the "same name" decision of `toolkit match`; issue 16)
    unit_lexicon: float = 0.99  # a unit that is itself a lexicon name (العراق → al-Iraq): its spelling leads
    # the unit (× this), above the dictionary's 0.8 + 0.2 · share; chosen, not tuned
    table_word: float = 0.95  # a word spelled by the word-class table (word_classes.py): a convention, nearly sure
    #: official / scholarly: of respellings that differ only in doubled letters (Muhamad from
    #: Mohamed, Muhammad from Mohammed), the most doubled one stands for the group when its
    #: score is at least this share of the group's best: the press drops a shadda far more
    #: often than it invents one (issue-16 dev gold).
    doubling_share: float = 0.85
    #: official / scholarly: when a unit's vowels are known without the press (vocalize.py: a
    #: table word or a masdar pattern), that reading goes first and the press's readings
    #: follow at this share of their score; chosen, not tuned (they stay in the five).
    standard_reading_others: float = 0.9
    #: official / scholarly: a press e between consonants is read a (Mahrez: Mahraz); its i
    #: reading (Mahriz) is offered at this share of the a reading's score (issue-16 dev gold).
    e_as_i: float = 0.8
    #: official / scholarly: the shadda a stem's pattern suggests (فعّال, two letters:
    #: ``shadda.shadda_site``) is offered at this share of the best respelling's score, a
    #: candidate below it (issue-16 dev gold).
    pattern_shadda: float = 0.5
    fixed_alternative: float = 0.9  # a table word's (or proclitic's) second spelling: × this per rank; chosen, not tuned
    gloss: bool = True  # offer an organization name's word-by-word translation (gloss.py) as a translation
    #: The press writes a name many ways, the standard romanization among them (Sultan bin
    #: Muhammad, where the model's press list runs Soltane, Soltan ...), and official lists
    #: carry press spellings as aliases: the n-best (of two or more) of a name of several
    #: words holds the other style's first spelling (``pipeline.OTHER_STYLE``), at the last
    #: place if no spelling above already is it. Twelve seen issue-16 sets (1,285 names,
    #: 2026-12-07): press top-5 0.879 -> 0.915, top-1 unchanged; translit_multiword (85)
    #: 0.835 -> 0.847. Thirteen sets (held-out 12 seen, 1,396 names): official top-5 0.880
    #: -> 0.907 (its lists are short: three spellings on average), press 0.912 -> 0.913 (a
    #: model spelling goes above the rules' ones, ``rank.with_standard``); scholarly gains nothing
    #: from either (0.878 -> 0.878 / 0.883), so has none. Not for one word: Wikidata dev /
    #: google test top-5 0.552 -> 0.542 / 0.490 -> 0.482 with it, and a second pass halves
    #: the speed (benchmarks/translit.py).
    other_style_slot: bool = True
    #: A Latin name asked in Latin letters is respelled through this many of its best Arabic
    #: spellings (:mod:`.pivot`). Chosen before measuring: a name's third Arabic spelling
    #: rarely reads it (benchmarks/translit_names.py --pivot measures the result).
    pivot_width: int = 3
    #: Latin → Arabic, a person's name of several words: a model or rules candidate's score
    #: is × (this + (1 - this) × the share of its words the name dictionary attests as
    #: Arabic name words). Twelve seen issue-16 sets (3,417 queries, 2026-12-07, simulated
    #: on the n-best lists before it was built): top-1 0.797 -> 0.813 at 0.3 and 0.5, 0.811
    #: at 0.7, 0.807 at 0.9; for organizations' names too: 0.807 (so not for them). 1: off.
    attested_name_weight: float = 0.5
    translation_min: float = 0.5  # an entity's other name is offered as a translation at this word-table
    # phrase score (word_translation.phrase_score); chosen, not tuned: aliases and acronyms score near 0
    arabic_per_latin_char: float = 0.75  # typical Arabic length of a Latin name (Guterres → António Guterres's
    latin_per_arabic_char: float = 1.3  # Arabic first); both chosen on the lexicon's names (0353535)

    # ---- rules and press conventions
    rules_fill: int = 5  # Arabic → Latin rules only fill a unit's list shorter than this (1abe5d5)
    rules_top: int = 3  # rule spellings asked for per stem
    vocalized_rules: float = 0.99  # written vowels are read, not guessed: the rules' reading of them is near certain
    unwritten_score: float = 0.3  # a unit no source can write, passed through as it is (8f7bc2d)
    construct_alternative: float = 0.8  # the construct form (Madinat) of a word known as a name, ranked under it
    unit_options: int = 5  # spellings kept per unit before the whole-name product (at least ``top``)
    region_variant: float = 1.02  # a region's rewrite of the best stem spelling (Egypt: j → g) leads it
    region_lead: float = 1.01  # a region's own spelling of a well-known name (Mohammed in the Gulf) stays first

    # ---- the Arab name dictionary (benchmarks/README.md, multi-word names: "the three constants")
    # a unit's dictionary spelling seen under ``dictionary_trusted`` times must spell it this
    # closely (toolkit.normalize.keys.similarity): Al-Sharji for سلطان scores 0.0, Oumelkheir for
    # الخير 0.43, but Muammar for معمر only 0.58 and Geagea for جعجع 0.0 (the similarity is weak
    # on ع and on French spellings), so the gate is low and spares the frequent; 0.7 lost
    # Muammar and George (2026-12-07)
    dictionary_spelling: float = 0.45
    dictionary_trusted: int = 3  # a unit seen this often leads with its spellings; 6, 10 and 20 did worse
    dictionary_base: float = 0.8  # a trusted unit's spelling scores base + share · its share of the unit's count
    dictionary_share: float = 0.2
    guess_discount: float = 0.85  # our own guesses for a trusted unit (× this) follow the dictionary's spellings
    reverse_base: float = 0.8  # Latin → Arabic: our Arabic spelling the dictionary has seen rises to base + share · s
    reverse_share: float = 0.2
    # an unseen spelling (Hafter): our Arabic spelling the dictionary knows under the same
    # consonant skeleton (Haftar → حفتر) rises to base + share · s (seen held-out sets 1-6, 2026-12-07)
    skeleton_base: float = 0.75
    skeleton_share: float = 0.2
    # a unit written without its article (Chahed) that the dictionary has seen with it (الشاهد)
    # this often gets that form too; a first name needs more (Hassan II: الحسن; not الأحمد)
    article_share: float = 0.1
    article_share_first: float = 0.3
    # Latin → Arabic, organizations' names: our spelling of a unit that is a word of the
    # language (the word table's Arabic side) leads when it scored this share of the best
    # (seen held-out sets 1-6, 2026-12-07, applied to every unit: 0.3 and 0.15 gave 0.838
    # of all queries, 0.5 gave 0.843)
    vocabulary_lead: float = 0.5
    vocabulary_margin: float = 1.001  # ... just above the best, so the rest keep their order
    whole_base: float = 0.88  # a whole-name label (one person's name) beats the unit-by-unit product
    whole_share: float = 0.1  # ... more so the more of the name's labels it is
    whole_closeness: float = 0.01  # ... equal shares ordered by closeness to our own best spelling
    whole_similarity: float = 0.5  # Latin → Arabic: a label's letters must be this close to our best guess (084fd9c)
    label_length_min: float = 0.7  # a whole-name label is about as long as our own spelling of the name
    label_length_max: float = 1.4  # (0.7-1.4 times), or it names more or fewer parts (ca531ab)


DEFAULT_PARAMS = TranslitParams()
