"""Labelled language-ID evaluation sets, shared by tests/test_langid.py and
benchmarks/bench_langid.py.

* Short strings: `tests/data/langid_short.tsv` (written for this project) plus deterministic
  samples of the PersoArabicLID monolingual corpora (first words of every k-th line).
* Mixed texts: English sentences with an Arabic, Persian or Urdu fragment from those corpora
  (and Arabic text with embedded English words), labelled per character by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
CORPORA = {
    "ar": "Arabic_arb.txt",
    "fa": "Persian_fas.txt",
    "ur": "Urdu_urd.txt",
}
_LATIN = regex.compile(r"\p{Latin}")
_ARABIC = regex.compile(r"[\p{Script=Arabic}&&\p{L}]", regex.V1)
_LETTER = regex.compile(r"[\p{L}--[\p{Script=Common}\p{Script=Inherited}]]", regex.V1)


def own_short_strings() -> list[tuple[str, str]]:
    """(lang, text) pairs written for this project."""
    pairs = []
    for line in (HERE / "data" / "langid_short.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            pairs.append((lang, text))
    return pairs


def corpus_lines(folder: Path, lang: str) -> list[str]:
    """Lines of one PersoArabicLID corpus written in Arabic script only."""
    text = (folder / CORPORA[lang]).read_text(encoding="utf-8")
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not _LATIN.search(line) and len(_ARABIC.findall(line)) >= 8
    ]


def corpus_short_strings(folder: Path, per_lang: int = 40, words: int = 4) -> list[tuple[str, str]]:
    """The first `words` words of `per_lang` evenly spaced lines of each corpus."""
    pairs = []
    for lang in CORPORA:
        lines = corpus_lines(folder, lang)
        step = len(lines) // per_lang
        for i in range(per_lang):
            pairs.append((lang, " ".join(lines[i * step + 7].split()[:words])))
    return pairs


@dataclass(frozen=True)
class MixedText:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, lang) of each labelled piece

    def truth(self) -> dict[int, str]:
        """The true language of every letter, by offset."""
        labels = {}
        for start, end, lang in self.spans:
            for match in _LETTER.finditer(self.text, start, end):
                labels[match.start()] = lang
        return labels


_EN_FRAMES = [
    ("The minister wrote on Twitter:", "and the post was shared widely."),
    ("According to the statement,", "said the spokesman on Monday."),
    ("Protesters carried banners reading", "outside the embassy."),
    ("The headline read", "in large letters."),
    ("He replied", "before leaving the room."),
    ("A caption under the photo said", "according to local media."),
]


def mixed_texts(folder: Path, per_lang: int = 12) -> list[MixedText]:
    """English frames around corpus fragments, and Arabic-script text around English words."""
    out: list[MixedText] = []
    for lang in CORPORA:
        lines = corpus_lines(folder, lang)
        step = len(lines) // (per_lang + 1)
        for i in range(per_lang):
            fragment = lines[i * step + 3]
            before, after = _EN_FRAMES[i % len(_EN_FRAMES)]
            if i % 3 == 2:
                # Arabic-script prose with an English brand name and phrase inside.
                other = lines[i * step + 5]
                text = f"{fragment} Facebook {other} (breaking news)"
                a = len(fragment)
                b = a + len(" Facebook ")
                c = b + len(other)
                spans = ((0, a, lang), (a, b, "en"), (b, c, lang), (c, len(text), "en"))
            else:
                text = f"{before} {fragment} {after}"
                a = len(before) + 1
                b = a + len(fragment)
                spans = ((0, a, "en"), (a, b, lang), (b, len(text), "en"))
            out.append(MixedText(text, spans))
    return out


def seed_mixed(seed: Path) -> MixedText:
    """The seed article: every Arabic letter is Arabic, every Latin letter English."""
    text = seed.read_text(encoding="utf-8")
    spans = []
    for match in regex.finditer(r"[\p{Script=Arabic}]+(?:\s+[\p{Script=Arabic}]+)*", text):
        spans.append((match.start(), match.end(), "ar"))
    # Latin letters everywhere else.
    pos = 0
    latin = []
    for start, end, _ in spans:
        latin.append((pos, start, "en"))
        pos = end
    latin.append((pos, len(text), "en"))
    return MixedText(text, tuple(sorted(spans + latin)))


#: What an Arabic keyboard layout types for Persian/Urdu YEH and KEHEH.
ARABIC_LAYOUT = str.maketrans({"\u06cc": "\u064a", "\u06a9": "\u0643"})


def arabic_layout_documents(
    folder: Path, per_lang: int = 60, lines: int = 10
) -> list[tuple[str, str]]:
    """(lang, text) documents of `lines` consecutive corpus lines; the Persian and Urdu ones
    retyped with Arabic yeh/kaf (ي ك for ی ک), as Persian and Urdu web text often is."""
    docs = []
    for lang in CORPORA:
        corpus = corpus_lines(folder, lang)
        step = max(1, (len(corpus) - lines) // per_lang)
        for i in range(per_lang):
            text = " ".join(corpus[i * step : i * step + lines])
            docs.append((lang, text if lang == "ar" else text.translate(ARABIC_LAYOUT)))
    return docs
