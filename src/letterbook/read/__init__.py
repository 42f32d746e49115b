"""Reading files into a ``Source``: bytes → decoded text, HTML → text with its paragraphs."""

from letterbook.read.files import read_source

__all__ = ["read_source"]
