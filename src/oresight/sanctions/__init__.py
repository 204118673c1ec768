"""Sanctions screening: the OFAC SDN and EU consolidated lists, names in documents matched against them.

::

    parsed = read_list([Path("SDN.CSV"), Path("ALT.CSV")])      # formats.py: OFAC CSV/XML, EU CSV/XML
    store.replace_sanctions_list(parsed)                          # the store keeps every load, replaces entries
    Matcher(parsed.entries).match("Норникель")                    # matcher.py: blocking, score, second check
    find_mentions(page_text, page=1)                              # mentions.py: names near buyer/partner/... cues
    flag_document(store, "announcement", 12, text, page_count)    # screening.py: a document's flags, stored

Normalisation (case, punctuation, legal forms, Cyrillic through several transliteration systems, Chinese
through pinyin) is in normalise.py, its rules in ``data/``. This is screening, not legal advice: a flag says
a name in a document resembles a listed name; a person decides whether it is the listed party.
"""

from .formats import read_list
from .matcher import DOCUMENT_KINDS, Matcher, default_threshold, name_similarity
from .mentions import find_mentions
from .model import (
    LIST_NAMES,
    LIST_TITLES,
    Alias,
    Flag,
    ListEntry,
    ListFile,
    ListLoad,
    Match,
    Mention,
    SanctionsList,
    StoredFlag,
)
from .normalise import name_keys, normalised
from .screening import check_name, document_matcher, flag_document, load_files, scan, screen_pages

__all__ = [
    "DOCUMENT_KINDS",
    "LIST_NAMES",
    "LIST_TITLES",
    "Alias",
    "Flag",
    "ListEntry",
    "ListFile",
    "ListLoad",
    "Match",
    "Matcher",
    "Mention",
    "SanctionsList",
    "StoredFlag",
    "check_name",
    "default_threshold",
    "document_matcher",
    "find_mentions",
    "flag_document",
    "load_files",
    "name_keys",
    "name_similarity",
    "normalised",
    "read_list",
    "scan",
    "screen_pages",
]
