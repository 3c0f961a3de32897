"""Small text statistics helpers."""

import re
import unicodedata
from collections import Counter

__all__ = ["words", "word_count", "top_words", "slugify"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)


def words(text):
    """The words of @p text, lower-cased, in order."""
    return [w.lower() for w in _WORD.findall(text)]


def word_count(text):
    """How many words @p text has."""
    return len(words(text))


def top_words(text, n=3):
    """The @p n most frequent words as (word, count), most frequent first, ties alphabetical."""
    if n < 0:
        raise ValueError("n must be >= 0")
    counts = Counter(words(text))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def slugify(text):
    """A URL-friendly form of @p text: ASCII letters and digits joined by single dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))
