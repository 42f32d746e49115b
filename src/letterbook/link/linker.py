"""Link a parsed letter to the registers: header parties get ids, the text gets mentions.

Pure: a letter and a compiled ``NameMatcher`` in, a new letter out. Names printed in the
heading that match no entry are reported as findings ("candidates for the register"),
so they reach the review queue.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from letterbook.export.authority import authority_uris
from letterbook.link.forms import is_description
from letterbook.link.matcher import NameMatcher
from letterbook.model import Finding, Letter, Mention, Party, PartyKind, RegisterEntry, Severity

CANDIDATE = "no register entry matches this name"


def build_matcher(entries: Iterable[RegisterEntry]) -> NameMatcher:
    listed = list(entries)
    return NameMatcher(((e.id, form) for e in listed for form in (e.preferred_name, *e.forms)),
                       ((e.id, uri) for e in listed for uri in authority_uris(e.authority)),
                       {e.id: e.kind for e in listed})


def link_party(party: Party, matcher: NameMatcher, preferred: Mapping[str, str]) -> Party:
    """The party with the id of a register entry of its kind (person, place, organisation): by the
    authority IDs the source gives it (CMIF, TEI), which say more than any name, else by its
    exact form, else by the one entry named inside it."""
    if party.id or party.kind is PartyKind.UNKNOWN:
        return party
    kind = party.kind
    entry_id = matcher.lookup_authority(party.refs, kind) or matcher.lookup(party.name, kind)
    if entry_id is None:
        found = {m.entry_id for m in matcher.find(party.name, capitalised=False) if matcher.is_kind(m.entry_id, kind)}
        entry_id = found.pop() if len(found) == 1 else None
    if entry_id is None:
        return party
    return dataclasses.replace(party, id=entry_id, normalized=party.normalized or preferred.get(entry_id))


def link_letter(letter: Letter, matcher: NameMatcher, preferred: Mapping[str, str]) -> Letter:
    """Parties and places linked, mentions found in the text (source offsets), unmatched heading
    names as findings."""
    senders = tuple(link_party(p, matcher, preferred) for p in letter.senders)
    recipients = tuple(link_party(p, matcher, preferred) for p in letter.recipients)
    place, received = (link_party(p, matcher, preferred) if p else None for p in (letter.place, letter.place_received))
    mentions = tuple(Mention(span=(m.start, m.end), entry_id=m.entry_id)
                     for m in matcher.find(letter.text, offset=letter.text_span[0]))
    candidates = tuple(Finding(Severity.INFO, "register", f"{CANDIDATE}: {p.name}", p.span)
                       for p in (*senders, *recipients)
                       if p.id is None and p.kind is PartyKind.PERSON and not is_description(p.name, p.refs))
    known = {(f.field, f.message, f.span) for f in letter.findings}
    new_findings = tuple(f for f in candidates if (f.field, f.message, f.span) not in known)
    return dataclasses.replace(letter, senders=senders, recipients=recipients, place=place, place_received=received,
                               mentions=mentions, findings=letter.findings + new_findings)
