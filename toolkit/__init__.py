"""Arabic-English names: normalization, transliteration, lookup, alignment, entity lists.

The public API is re-exported here lazily, so ``import toolkit`` costs almost nothing
and heavy libraries load only when the function that needs them is called.
"""

from __future__ import annotations

from .lazy import lazy_exports

__version__ = "0.1.0"

# Imported eagerly (it is light: re and unicodedata) because the subpackage has the
# same name as the function: importing toolkit.normalize.* later must not replace
# toolkit.normalize, the function, with the module.
from .normalize import normalize as normalize  # noqa: E402

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    "normalize": "toolkit.normalize",
    "normalize_offsets": "toolkit.normalize",
    "normalize_many": "toolkit.normalize",
    "normalize_arabic": "toolkit.normalize.arabic",
    "normalize_latin": "toolkit.normalize.latin",
    "match_key": "toolkit.normalize.keys",
    "skeleton": "toolkit.normalize.keys",
    "similarity": "toolkit.normalize.keys",
    "match": "toolkit.normalize.keys",
    "detect_script": "toolkit.normalize.script",
    "Lexicon": "toolkit.defaults",
    "lookup": "toolkit.defaults",
    "transliterate": "toolkit.translit",
    "transliterate_many": "toolkit.translit",
    "align_reports": "toolkit.align",
    "extract_entities": "toolkit.entities",
    "review_html": "toolkit.review",
    "find_mentions": "toolkit.ner",
    "normalize_file": "toolkit.corpus",
    "normalize_records": "toolkit.corpus",
}

__all__ = sorted(_EXPORTS)


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
