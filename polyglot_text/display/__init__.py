"""Display (visual order, shaped) and repair (logical order) of Arabic-script text.

- `to_visual`: shape and reorder for screens that do neither (terminals, Pillow, PDF writers);
- `to_logical`: repair text that is already in visual order (PDF extraction) and
  `looks_visual`: how much a line looks like it, compared with `VISUAL_THRESHOLD`.

One module per concern: `uba` (the bidi algorithm and python-bidi), `shaping`
(arabic-reshaper), `visual`, `logical`; `_ucd` holds generated Unicode tables.

>>> to_visual("He said وفد today", shape=False)
'He said دفو today'
"""

from .logical import VISUAL_THRESHOLD, looks_visual, to_logical
from .shaping import shape, unshape
from .visual import BASE_DIRS, to_visual

__all__ = [
    "BASE_DIRS",
    "VISUAL_THRESHOLD",
    "looks_visual",
    "shape",
    "to_logical",
    "to_visual",
    "unshape",
]
