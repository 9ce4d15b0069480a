"""Pure geographic helpers (stdlib only, no GeoDjango) for the map of vacant buildings.

- ``bbox``: the ``BBox`` rectangle, parsing of ``bbox=`` query values, Belgium's box.
- ``tiles``: Web-Mercator tile maths, the quadkey ``tile_key`` stored on every place, and the
  few quadkey prefixes that cover a box (``covering_prefixes``).
- ``clustering``: the cluster cell of a map zoom and a reference clustering (the SQL's oracle).
- ``distance``: great-circle distances, boxes around a point, and stable approximate locations.

The modules depend on each other in one direction only: ``bbox`` ← ``tiles`` ← ``clustering``,
and ``bbox`` ← ``distance``.
"""
