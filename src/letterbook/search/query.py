"""The search query language, parsed into a small tree by pure functions (no index here).

    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*        adjacent terms must all match
    unary   := ("NOT" | "-") unary | atom
    atom    := "(" or ")" | "phrase in quotes" | word | prefix*

Malformed queries (unbalanced quotes or parentheses, an operator with nothing to act on)
raise ``QueryError`` with the place of the problem, never reach the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from letterbook.errors import QueryError

_TOKEN = re.compile(r'\s*(?:(?P<quote>")|(?P<open>\()|(?P<close>\))|(?P<minus>-(?=\S))|(?P<word>[^\s()"]+))')
OPERATORS = {"AND", "OR", "NOT"}


@dataclass(frozen=True, slots=True)
class Term:
    text: str


@dataclass(frozen=True, slots=True)
class Prefix:
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    text: str


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


Node = Term | Prefix | Phrase | Not | And | Or


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "word", "phrase", "(", ")", "-", "AND", "OR", "NOT"
    text: str
    at: int


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(query):
        if query[position:].strip() == "":
            break
        match = _TOKEN.match(query, position)
        if match is None:  # pragma: no cover - every non-space character starts some token
            raise QueryError(f"cannot read the query at character {position + 1}")
        at = match.start(match.lastgroup or 0)
        if match.group("quote"):
            end = query.find('"', at + 1)
            if end < 0:
                raise QueryError(f'unbalanced quote: the phrase opened at character {at + 1} is never closed')
            tokens.append(Token("phrase", query[at + 1:end], at))
            position = end + 1
            continue
        if match.group("open"):
            tokens.append(Token("(", "(", at))
        elif match.group("close"):
            tokens.append(Token(")", ")", at))
        elif match.group("minus"):
            tokens.append(Token("-", "-", at))
        else:
            word = match.group("word")
            tokens.append(Token(word if word in OPERATORS else "word", word, at))
        position = match.end()
    return tokens


class _Parser:
    def __init__(self, query: str) -> None:
        self.tokens = tokenize(query)
        self.index = 0

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> Node:
        if not self.tokens:
            raise QueryError("the query is empty")
        node = self.or_()
        token = self.peek()
        if token is not None:
            raise QueryError(f"unbalanced parenthesis: {token.text!r} at character {token.at + 1} closes nothing")
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            items.append(self.and_(after=token))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_(self, after: Token | None = None) -> Node:
        items = [self.unary(after)]
        while (token := self.peek()) is not None and token.kind not in {"OR", ")"}:
            if token.kind == "AND":
                self.take()
                items.append(self.unary(token))
            else:
                items.append(self.unary(None))
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self, after: Token | None) -> Node:
        token = self.peek()
        if token is None or token.kind in {"AND", "OR", ")"}:
            raise QueryError(_missing_operand(after, token))
        if token.kind in {"NOT", "-"}:
            self.take()
            return Not(self.unary(token))
        return self.atom()

    def atom(self) -> Node:
        token = self.take()
        if token.kind == "(":
            node = self.or_()
            closing = self.peek()
            if closing is None or closing.kind != ")":
                raise QueryError(f"unbalanced parenthesis: the one opened at character {token.at + 1} is never closed")
            self.take()
            return node
        if token.kind == "phrase":
            if not token.text.strip():
                raise QueryError(f"empty phrase at character {token.at + 1}")
            return Phrase(token.text)
        if token.text.endswith("*"):
            stem = token.text.rstrip("*")
            if len(stem) < 2:
                raise QueryError(f"a prefix needs at least two letters before '*' (character {token.at + 1})")
            return Prefix(stem)
        return Term(token.text)


def _missing_operand(after: Token | None, found: Token | None) -> str:
    where = f"after {after.text!r} at character {after.at + 1}" if after else "at the start"
    what = f"found {found.text!r}" if found else "the query ends"
    return f"a search term is missing {where}: {what}"


def parse_query(query: str) -> Node:
    """The tree of ``query``; raises ``QueryError`` with a clear message when it is malformed."""
    return _Parser(query).parse()
