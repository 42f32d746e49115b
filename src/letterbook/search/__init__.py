"""Full-text search over the edition: the query language, the tantivy index, typed requests and results."""

from letterbook.search.search import DateMatch, FacetCount, Hit, SearchRequest, SearchResult, Snippet, Sort

__all__ = ["DateMatch", "FacetCount", "Hit", "SearchRequest", "SearchResult", "Snippet", "Sort"]
