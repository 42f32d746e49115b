"""The edition in the formats editions exchange: TEI P5, CMIF, CSV, JSON, GraphML, BEACON.

Pure functions over ``letterbook.model`` values (see ``docs/interchange.md``):

- ``tei.letter_to_tei``: one letter as a TEI P5 document.
- ``cmif.edition_to_cmif``: the edition as one CMIF 1.1 file.
- ``table.csv_tables`` / ``edition_to_json`` / ``edition_to_graphml`` / ``edition_to_beacon``.
- ``validate.check_path``: jing / lxml / Schematron validation, problems by letter.

``commands`` holds the ``letterbook export …`` and ``letterbook check`` commands.
"""
