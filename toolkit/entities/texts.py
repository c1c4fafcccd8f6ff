"""The first component: which of the two texts can be read, and in which script.

Why a component of its own: the entity list never raises on bad text (binary, empty,
one language given as the other); it says so in ``messages`` and works with what is
usable, so every later component can trust ``en_ok`` / ``ar_ok``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..normalize.script import letter_counts
from .document import Document


@dataclass(frozen=True, slots=True)
class TextParams:
    """Limits of the input checks.

    Chosen by hand on the inputs of ``tests/entities/test_robustness.py`` (binary files,
    empty files, swapped and one-script pairs), not tuned on the benchmarks: no benchmark
    text comes near them.
    """

    #: Only the head of a long text is sampled (a report's first 20,000 characters tell).
    sample_chars: int = 20_000
    #: Binary when more than one sampled character in 50 (at least 3) is a control or
    #: replacement character.
    max_bad_share: int = 50
    min_bad: int = 3
    #: Text needs at least one letter in 10 characters (at least 2).
    min_letter_share: int = 10
    min_letters: int = 2
    #: "Clearly" in one script: four letters in five, among at least 10 letters.
    clear_share: float = 0.8
    clear_min_letters: int = 10


def check_text(text: str | None, what: str, params: TextParams = TextParams()) -> str | None:
    """A reason the text cannot be read as text, or None when it is fine."""
    if text is None:
        return None
    if not text.strip():
        return f"{what} is empty"
    sample = text[: params.sample_chars]
    bad = sum(1 for c in sample if c == "\x00" or c == "\ufffd" or (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f\v"))
    if "\x00" in sample or bad > max(params.min_bad, len(sample) // params.max_bad_share):
        return f"{what} looks binary, not text ({bad} control or replacement characters in the first {len(sample)})"
    letters = sum(1 for c in sample if c.isalpha())
    if letters < max(params.min_letters, len(sample) // params.min_letter_share):
        return f"{what} holds almost no letters"
    return None


def _clearly(text: str, script: str, params: TextParams) -> bool:
    """Four letters in five of the text are in ``script`` (``ar`` or ``en``)."""
    ar, la = letter_counts(text)
    total = ar + la
    if total < params.clear_min_letters:
        return False
    return (ar if script == "ar" else la) >= params.clear_share * total


def _script(text: str) -> str:
    """``ar``, ``en`` or ``none``: the script with more letters in the text's head.

    Arabic letters of every Arabic block, as :mod:`toolkit.normalize.script` counts
    them (the old count of the whole U+0600-U+06FF block also took its digits and
    punctuation; the verdicts are the same on every benchmark pair).
    """
    ar, la = letter_counts(text)
    if not ar and not la:
        return "none"
    return "ar" if ar >= la else "en"


class CheckTexts:
    """Component ``texts``: messages for unreadable texts, swapped texts put back, an
    Arabic report given alone as ``en_text`` read as Arabic."""

    name = "texts"

    def __init__(self, params: TextParams = TextParams()) -> None:
        self.params = params

    def __call__(self, doc: Document) -> None:
        p = self.params
        for text, what in ((doc.en_text, "the English text"), (doc.ar_text, "the Arabic text")):
            reason = check_text(text, what, p)
            if reason:
                doc.messages.append(reason + "; no entities extracted from it")
        en_ok = doc.en_text is not None and check_text(doc.en_text, "", p) is None
        ar_ok = doc.ar_text is not None and check_text(doc.ar_text, "", p) is None
        if en_ok and ar_ok and _clearly(doc.en_text or "", "ar", p) and _clearly(doc.ar_text or "", "en", p):
            doc.en_text, doc.ar_text = doc.ar_text, doc.en_text
            doc.messages.append("the English and Arabic texts look swapped; read them the other way round")
        if en_ok and doc.ar_text is None and _script(doc.en_text or "") == "ar":
            doc.en_text, doc.ar_text, en_ok, ar_ok = None, doc.en_text, False, True
        if en_ok and _script(doc.en_text or "") != "en":
            doc.messages.append("the English text holds no Latin-script text; no English entities")
            en_ok = False
        if ar_ok and _script(doc.ar_text or "") != "ar":
            doc.messages.append("the Arabic text holds no Arabic script; no Arabic entities")
            ar_ok = False
        doc.en_ok, doc.ar_ok = en_ok, ar_ok
        self._reading_view(doc)

    @staticmethod
    def _reading_view(doc: Document) -> None:
        """Invisible controls and look-alike letters made plain, offsets kept (issue 14: a
        zero-width space in "Kataib", an RLM between Arabic words, a Cyrillic "а" in "Kataeb")."""
        from ..normalize.invisible import readable

        for lang, what in (("en", "English"), ("ar", "Arabic")):
            text = getattr(doc, f"{lang}_text")
            if not text:
                continue
            view = readable(text)
            if view.changed:
                setattr(doc, f"{lang}_original", text)
                setattr(doc, f"{lang}_text", view.text)
                doc.messages.append(
                    f"the {what} text holds {view.changed} invisible or look-alike characters (zero-width, bidi "
                    "controls, Cyrillic or Greek letters inside Latin words): read as their plain forms, offsets kept"
                )
        if doc.ar_text and doc.ar_ok:
            CheckTexts._respaced_view(doc)

    @staticmethod
    def _respaced_view(doc: Document) -> None:
        """Arabic words run together put apart (:mod:`toolkit.normalize.glued`): a whole
        report, or single words joined after ة or ى; mentions keep the offsets of the text
        as given."""
        from ..normalize.glued import respace

        view = respace(doc.ar_text or "")
        if not view.inserted:
            return
        if doc.ar_original is None:
            doc.ar_original = doc.ar_text
        doc.ar_text, doc.ar_inserted = view.text, view.inserted
        if view.run_together:
            doc.messages.append(
                f"the Arabic text runs words together ({view.glued} of its {view.words} runs of letters cut into words): "
                f"read with {len(view.inserted)} spaces put back; mentions keep the offsets of the text as given"
            )
        else:
            doc.messages.append(
                f"{view.glued} Arabic words joined to the next after a word-final letter (ة, ى) were read apart "
                "(a space put back; mentions keep the offsets of the text as given)"
            )
