"""Take-home submissions from a file: plain text, Markdown, Python, or a notebook's cells."""

from __future__ import annotations

import json
from pathlib import Path

SUBMITTABLE = (".md", ".txt", ".py", ".ipynb")
MAX_SUBMISSION_BYTES = 5 * 1024 * 1024


def read_submission(path: Path) -> str:
    """The text to grade; for a notebook, its markdown and code cells in order (outputs are not the answer)."""
    if path.suffix.lower() not in SUBMITTABLE:
        raise ValueError(f"{path.name}: submit a {', '.join(SUBMITTABLE)} file")
    if path.stat().st_size > MAX_SUBMISSION_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_SUBMISSION_BYTES // (1024 * 1024)} MB")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path.name} is not UTF-8 text") from None
    if path.suffix.lower() != ".ipynb":
        return text
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (json.JSONDecodeError, KeyError, TypeError):
        raise ValueError(f"{path.name} is not a Jupyter notebook (no 'cells')") from None
    parts = []
    for cell in cells if isinstance(cells, list) else []:
        if isinstance(cell, dict) and cell.get("cell_type") in ("markdown", "code"):
            source = cell.get("source", "")
            parts.append("".join(source) if isinstance(source, list) else str(source))
    return "\n\n".join(part for part in parts if part.strip())
