"""Languages as people name them and as editions code them: "Russian", "русский", "rus" → "ru".

A letter's language is stored as its source gives it (a parsed page: "ru" or "en"; a TEI
or CMIF edition: whatever its ``@xml:lang`` or ``<language ident>`` says, "de", "ger",
"deu"). Search filters and the reader compare languages by their standard BCP 47 tag
(langcodes: ISO 639-1 where one exists, "ger" and "deu" both "de"), and take a language's
name in English, in Russian or in its own language. langcodes and its name data
(language_data, from the Unicode CLDR) do this for every language; a table of our own
would know a handful.
"""

from __future__ import annotations

import re
from functools import lru_cache

import langcodes

# A code or a tag ("ru", "rus", "en-GB", "ru_RU"), as opposed to a name ("Russian", "Latin").
_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=256)
def language_code(value: str) -> str:
    """The standard tag of a language given by code or by name ("Russian" → "ru", "deu" → "de");
    a value that names no language comes back stripped and in lower case, to match nothing."""
    wanted = " ".join(value.split())
    try:
        if _CODE.fullmatch(wanted):
            return langcodes.standardize_tag(wanted).lower()
        return langcodes.find(wanted).to_tag().lower()
    except (LookupError, ValueError):  # langcodes' LanguageTagError is a ValueError
        return wanted.lower()


def same_language(stored: str, wanted: str) -> bool:
    """Whether a letter whose language is ``stored`` passes a filter for ``wanted``."""
    return language_code(stored) == language_code(wanted)


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """The English name of the language a code stands for ("ru" → "Russian"), for facets and
    pages; a code langcodes does not know comes back as it is."""
    try:
        language = langcodes.Language.get(code)
    except ValueError:
        return code
    return language.display_name() if language.is_valid() else code
