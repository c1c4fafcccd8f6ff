"""The one Latin spelling key: when two Latin spellings are the same spelling.

Case, accents, spaces, hyphens and apostrophes do not make another spelling (Abd al-Aziz,
abd-al-aziz and Abd Al Aziz are one). Two users need the key and differ in one point,
hence the parameter:

- candidate identity (``rank.py``: duplicates among candidates, the merge of sources, the
  pipeline's comparisons): every other sign stays, so "Mohamed 3" and "Mohamed 4", or a
  passed-through "St. Louis", remain distinct candidates;
- the name dictionary's keys (``name_dictionary.py``, ``keep_signs=False``): dots and
  commas go too (the package's labels carry them: initials, "Jr."), and non-ASCII text
  keeps its letters only. These keys are matched against the reverse index compiled into
  the cache and against :data:`DICTIONARY_SIGNS` folded in SQL when the package's index is
  scanned, so changing them would change what the dictionary is found to know.

Candidates in Arabic go through the same key (only marks and separators fold there).
Plain ASCII, the usual case, takes a fast path with the same result as the Unicode one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: What the dictionary's keys drop from ASCII text (also folded in SQL, see name_dictionary.py).
DICTIONARY_SIGNS = " -'`.,"
_SPELLING_DROP = str.maketrans("", "", " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85-'`")  # ASCII spaces, hyphen, apostrophes
_DICTIONARY_DROP = str.maketrans("", "", DICTIONARY_SIGNS)
_SEPARATORS = re.compile(r"[\s\-'’ʼʻʿʾ`]+")


@lru_cache(maxsize=1 << 16)
def latin_key(text: str, keep_signs: bool = True) -> str:
    """The key of a Latin spelling (see the module's docstring for ``keep_signs``)."""
    if text.isascii():  # the usual case, same result without NFKD and the regex
        return text.lower().translate(_SPELLING_DROP if keep_signs else _DICTIONARY_DROP)
    text = unicodedata.normalize("NFKD", text.lower())
    if not keep_signs:
        return "".join(ch for ch in text if ch.isalpha() and not unicodedata.combining(ch))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SEPARATORS.sub("", text)
