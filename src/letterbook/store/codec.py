"""Domain values to JSON and back, exactly: a stored letter reads back as the same ``Letter``.

Generic over the frozen dataclasses of ``letterbook.model``, driven by their type hints,
so a field added to the model later is stored and read back without touching this file.
For speed (ingest and indexing read and write every letter) the hints are turned once per
type into small encoder and decoder functions, instead of being inspected per value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

T = TypeVar("T")
Convert = Callable[[Any], Any]


def to_plain(value: Any) -> Any:
    """A JSON-ready form of a domain value (dataclasses become dicts, tuples lists, dates ISO)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _encoder(type(value))(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(cls: type[T], data: Any) -> T:
    """The value of type ``cls`` that ``to_plain`` turned into ``data``."""
    decode: Convert = _decoder(cls)  # type: ignore[arg-type]
    return decode(data)  # type: ignore[no-any-return]


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))


def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)  # resolved in the class's own module


def _same(value: Any) -> Any:
    return value


@cache
def _encoder(cls: type) -> Convert:
    hints = _hints(cls)
    fields = [(f.name, _field_encoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def encode(value: Any) -> Any:
        return {name: convert(getattr(value, name)) for name, convert in fields}
    return encode


def _field_encoder(tp: Any) -> Convert:
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        inner = _field_encoder(next(a for a in args if a is not type(None)))
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _field_encoder(args[0])
            return _same_list if item is _same else (lambda v: [item(x) for x in v])
        return _same_list
    if origin is dict:
        value = _field_encoder(args[1])
        return dict if value is _same else (lambda v: {k: value(x) for k, x in v.items()})
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _encoder(tp)
    if tp is dt.date:
        return lambda v: v.isoformat()
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda v: v.value
    return _same


def _same_list(value: Any) -> Any:
    return list(value)


@cache
def _decoder(tp: Any) -> Convert:
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        inner = _decoder(next(a for a in args if a is not type(None)))
        return lambda d: None if d is None else inner(d)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple if item is _same else (lambda d: tuple(item(x) for x in d))
        return tuple
    if origin is dict:
        value = _decoder(args[1])
        return dict if value is _same else (lambda d: {k: value(x) for k, x in d.items()})
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    if tp is dt.date:
        return dt.date.fromisoformat
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    return _same


def _dataclass_decoder(cls: type) -> Convert:
    hints = _hints(cls)
    fields: list[tuple[str, Convert]] = []

    def decode(data: Any) -> Any:
        if not fields:  # filled on first use: a type may refer to itself through its fields
            fields.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{name: convert(data[name]) for name, convert in fields if name in data})
    return decode
