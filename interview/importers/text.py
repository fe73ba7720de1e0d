"""Text clean-up shared by the importers: HTML to plain text, slugs, and topics from tags."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Tags after which the text breaks a line, as a browser would show it.
BLOCK_TAGS = {"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "table"}
# Anki's own tags: they say how a card is studied, not what it is about.
ANKI_SYSTEM_TAGS = {"leech", "marked", "duplicate"}
SOUND = re.compile(r"\[sound:[^\]]*\]")
CLOZE = re.compile(r"\{\{c\d+::")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip = 0  # inside <script>/<style>: never text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self._break(always=tag == "br")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith(("http://", "https://")):
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self._break()

    def _break(self, always: bool = False) -> None:
        """One line break where blocks meet: </div><div> is one break, not a blank line; <br><br> is."""
        if always or not self.parts or not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """Plain text of an HTML field (entities decoded, images and sounds dropped) and its links."""
    extractor = _TextExtractor()
    extractor.feed(SOUND.sub("", html))
    extractor.close()
    return tidy("".join(extractor.parts)), extractor.links


def tidy(text: str) -> str:
    """Non-breaking spaces to spaces, trailing spaces off, at most one blank line in a row."""
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def slug(text: str, limit: int = 48) -> str:
    """Lowercase ASCII words joined by '-': what pack ids, question ids and topics are made of."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")


def topic_from_label(label: str) -> str | None:
    """'ML::Deep Learning::CNNs' (an Anki tag or deck) or 'deep-learning/cnn' to an area/subtopic topic."""
    parts = [slug(part) for part in re.split(r"::|/", label)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    area = parts[0]
    subtopic = "-".join(parts[1:3]) if len(parts) > 1 else "general"
    return f"{area}/{subtopic}"


def topic_from_tags(tags: list[str]) -> str | None:
    """The first tag that says what the card is about; hierarchical tags ('ml::svm') are preferred."""
    useful = [t for t in tags if t.casefold() not in ANKI_SYSTEM_TAGS]
    for tag in sorted(useful, key=lambda t: "::" not in t and "/" not in t):  # stable: file order otherwise
        topic = topic_from_label(tag)
        if topic:
            return topic
    return None


def is_cloze(text: str) -> bool:
    return CLOZE.search(text) is not None
