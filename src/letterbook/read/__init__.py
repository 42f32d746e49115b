"""Reading files into a ``Source``: bytes → decoded text, HTML → text with its paragraphs."""

from letterbook.read.files import iter_source_paths, read_source, read_source_with_findings

__all__ = ["iter_source_paths", "read_source", "read_source_with_findings"]
