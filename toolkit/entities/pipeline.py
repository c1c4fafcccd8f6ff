"""From a report pair (or one report) to one entity list, as components over a Document.

The components (DESIGN.md, data flow 5), applied in this order to one
:class:`~toolkit.entities.document.Document`, each reading what the ones before it
wrote:

1. ``texts`` (:class:`.texts.CheckTexts`): unreadable, swapped or one-script input;
2. ``sentences`` (:class:`.sentences.SplitSentences`): each report split with offsets;
3. ``alignment`` (:class:`.alignment.AlignSentences`): sentence pairs of a report pair;
4. ``mentions`` (:class:`.mentions.FindMentions`): names on both sides, by lexicon and
   patterns (and a local NER model when one is given);
5. ``links`` (:class:`.linking.LinkMentions`): English and Arabic mentions linked inside
   aligned pairs, names the Arabic extractor missed projected into their sentence;
6. ``chains`` (:class:`.coref.ChainMentions`): same-language coreference;
7. ``clusters`` (:class:`.clustering.ClusterEntities`): chains joined through links and
   lexicon ids into entities, each with a name in both scripts (lexicon first, then
   what the other side wrote, then transliteration).

Each component with tuned numbers takes them in one frozen parameters dataclass
(``TextParams``, ``LinkParams``, ``ClusterParams`` / ``EntityParams``; the projection's
``ProjectionParams`` in :mod:`toolkit.extract.projection`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..extract.gazetteer import Gazetteer
from ..lexdata.schema import Entry
from .alignment import AlignSentences
from .clustering import ClusterEntities
from .coref import ChainMentions
from .document import Document
from .linking import LinkMentions
from .mentions import FindMentions
from .model import EntityList
from .sentences import SplitSentences
from .texts import CheckTexts

if TYPE_CHECKING:
    from ..align import Alignment, Encoder

Component = Callable[[Document], None]


class Pipeline:
    """Components applied in order to a document; ``names`` lists them."""

    def __init__(self, components: Sequence[Component]) -> None:
        self.components = tuple(components)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(getattr(c, "name", type(c).__name__) for c in self.components)

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            component(doc)
        return doc


def gazetteer_from(lexicon: object | None) -> Gazetteer:
    """The gazetteer of ``lexicon``: a :class:`Gazetteer`, a :class:`toolkit.lexicon.Lexicon`
    (anything with ``entries()``), an iterable of entries, or None for the shipped lexicon."""
    if lexicon is None:
        return Gazetteer.default()
    if isinstance(lexicon, Gazetteer):
        return lexicon
    entries = lexicon.entries() if hasattr(lexicon, "entries") else lexicon
    return Gazetteer(cast("Iterable[Entry]", entries))


def build_pipeline(
    gazetteer: Gazetteer,
    *,
    presplit: bool = False,
    ner_model: str | Path | None = None,
    transliterate: bool = True,
    translit_model: bool | None = None,
    encoder: Encoder | str | None = None,
    alignment: Alignment | None = None,
) -> Pipeline:
    """The components after ``texts``, configured (see :func:`extract_entities`)."""
    return Pipeline([
        SplitSentences(presplit),
        AlignSentences(presplit, encoder, alignment),
        FindMentions(gazetteer, ner_model),
        LinkMentions(gazetteer),
        ChainMentions(),
        ClusterEntities(gazetteer, transliterate, translit_model),
    ])


def extract_entities(
    en_text: str | None,
    ar_text: str | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    lexicon: object | None = None,
    presplit: bool = False,
    ner_model: str | Path | None = None,
    transliterate: bool = True,
    translit_model: bool | None = None,
    encoder: Encoder | str | None = None,
    alignment: Alignment | None = None,
) -> EntityList:
    """One entity list for an English report and (optionally) its Arabic counterpart.

    ``en_text`` may also be an Arabic report when ``ar_text`` is None (single-language
    mode: the other-script name comes from the lexicon, else transliterations are
    offered in ``suggested_en`` / ``suggested_ar``, never as the name).
    ``translit_model``: those suggestions from the learned transliteration model rather
    than the rules (default: only in single-language mode, where they matter most).  ``encoder`` and
    ``alignment`` go to the sentence aligner (an alignment already computed is reused).
    ``lexicon`` may be a :class:`toolkit.lexicon.Lexicon` or any
    iterable of entries; the default is the shipped lexicon.  ``ner_model`` names a local
    transformers token-classification model directory whose mentions are added.

    Never raises on bad text: binary, empty or one-language input gives an empty list
    and a message in ``EntityList.messages``.
    """
    for arg, value in (("en_text", en_text), ("ar_text", ar_text)):
        if value is not None and not isinstance(value, str):  # a wrong type is not bad text
            raise TypeError(f"{arg} must be a str or None, got {type(value).__name__}")
    doc = Document(en_text, ar_text)
    CheckTexts()(doc)
    if not doc.usable:  # nothing to read: the lexicon is not even loaded
        return doc.result()
    pipeline = build_pipeline(
        gazetteer or gazetteer_from(lexicon), presplit=presplit, ner_model=ner_model, transliterate=transliterate,
        translit_model=translit_model, encoder=encoder, alignment=alignment,
    )
    return pipeline(doc).result()
