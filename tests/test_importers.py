"""`interview pack import`: each format on real files we wrote, valid and broken."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from interview.bank import load_bank, load_pack_file
from interview.cli import main
from interview.importers import ImportFileError, read_cards
from interview.importers.text import html_to_text, slug, topic_from_label, topic_from_tags
from interview.scoring.selftest import check_pack

FIXTURES = Path(__file__).parent / "fixtures" / "imports"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def builtin_questions() -> list:
    return [q for p in load_bank(user=False).packs for q in p.questions]


# file, questions imported, (line, words of the reason) for each card skipped
VALID = [
    (
        "anki-basic.txt",
        4,
        [(9, "cloze"), (10, "answer field is empty")],
    ),
    ("anki-comma.txt", 3, [(10, "cloze")]),
    ("questions.csv", 3, [(4, "answer column is empty")]),
    ("questions.tsv", 2, [(4, "answer column is empty")]),
    ("ml-qa.md", 5, [(3, "text under the title"), (45, "no answer below")]),
]


@pytest.mark.parametrize(("name", "count", "skipped"), VALID, ids=[v[0] for v in VALID])
def test_import_writes_a_pack_that_validates_and_tests_clean(
    tmp_path: Path, builtin_questions: list, name: str, count: int, skipped: list
) -> None:
    out = tmp_path / "imported.yaml"
    code, stdout, stderr = run("pack", "import", str(FIXTURES / name), "-o", str(out))
    assert code == 0, stderr
    assert f"{count} question" in stdout
    reported = [line for line in stderr.splitlines() if ": skipped: " in line]
    assert len(reported) == len(skipped)
    for line, (number, words) in zip(reported, skipped, strict=True):
        assert line.startswith(f"{FIXTURES / name}:{number}: skipped: ") and words in line
    loaded = load_pack_file(out)
    assert loaded.errors == () and loaded.pack is not None
    assert len(loaded.pack.questions) == count
    assert all(q.rubric for q in loaded.pack.questions), "every question gets a drafted rubric"
    failed = [c.describe() for c in check_pack(loaded.pack, builtin_questions) if not c.passed]
    assert failed == []
    assert run("pack", "test", str(out))[0] == 0


def test_anki_fields_tags_deck_html_and_links(tmp_path: Path) -> None:
    fmt, read = read_cards(FIXTURES / "anki-comma.txt")
    assert fmt == "anki"
    first, paired, stratified = read.cards
    assert first.question == "What is a p-value?"
    assert "It is not the probability" in first.answer and "<" not in first.answer  # HTML stripped
    assert first.topic_hint == "Stats::Testing" and first.tags == ()
    assert "(before & after)" in paired.answer and paired.tags == ("stats",)
    assert paired.sources == ("https://en.wikipedia.org/wiki/Student%27s_t-test",)
    assert "\nand drawing" in stratified.answer  # a quoted field over two lines stays one field
    assert stratified.line == 11


def test_topics_come_from_tags_then_deck_and_topic_option_wins(tmp_path: Path) -> None:
    out = tmp_path / "p.yaml"
    assert run("pack", "import", str(FIXTURES / "anki-comma.txt"), "-o", str(out))[0] == 0
    topics = {q.id: q.topic for q in load_pack_file(out).pack.questions}
    assert topics["what-is-a-p-value"] == "stats/testing"  # from the deck column
    assert topics["when-would-you-use-a-paired-t-test"] == "stats/general"  # from its tag
    code, _, stderr = run(
        "pack", "import", str(FIXTURES / "anki-comma.txt"), "-o", str(out), "--force", "--topic", "stats/flashcards"
    )
    assert code == 0, stderr
    assert {q.topic for q in load_pack_file(out).pack.questions} == {"stats/flashcards"}


def test_markdown_sections_become_topics_and_code_blocks_are_answers() -> None:
    _, read = read_cards(FIXTURES / "ml-qa.md")
    assert read.title == "Machine learning interview notes"
    by_question = {c.question: c for c in read.cards}
    assert by_question["What is calibration?"].topic_hint == "Evaluation"
    assert "Answer" not in by_question["What is calibration?"].answer  # the <summary> wrapper is gone
    assert by_question["What is the vanishing gradient problem?"].answer.startswith("Gradients shrink")
    code = by_question["What does this code print?"]
    assert "# a heading inside a code block" in code.answer and code.topic_hint == "Deep learning"
    assert "PR AUC is" in by_question["What is the difference between ROC AUC and PR AUC?"].answer


BROKEN = [
    ("anki-broken-quote.txt", 4, "check its quotes"),
    ("anki-bad-separator.txt", 1, "unknown #separator 'semicolons'"),
    ("anki-bad-tags-column.txt", 3, "#tags column is 5 but #columns names only 2"),
    ("no-question-column.csv", 1, "header names no question column"),
    ("broken-quote.csv", 2, "check its quotes"),
    ("unclosed-fence.md", 3, "code block is never closed"),
    ("no-questions.md", 1, "no questions found"),
    ("not-utf8.txt", 2, "not UTF-8"),
]


@pytest.mark.parametrize(("name", "line", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_give_file_line_and_write_nothing(tmp_path: Path, name: str, line: int, message: str) -> None:
    out = tmp_path / "out.yaml"
    code, stdout, stderr = run("pack", "import", str(FIXTURES / name), "-o", str(out))
    assert code == 1
    assert f"{FIXTURES / name}:{line}: " in stderr and message in stderr
    assert "Traceback" not in stderr + stdout
    assert not out.exists()
    with pytest.raises(ImportFileError) as raised:
        read_cards(FIXTURES / name)
    assert raised.value.line == line


def test_existing_output_is_kept_without_force_and_bad_topic_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text("my own pack\n", encoding="utf-8")
    code, _, stderr = run("pack", "import", str(FIXTURES / "questions.csv"), "-o", str(out))
    assert code == 1 and "already exists" in stderr
    assert out.read_text(encoding="utf-8") == "my own pack\n"
    code, _, stderr = run(
        "pack", "import", str(FIXTURES / "questions.csv"), "-o", str(tmp_path / "x.yaml"), "--topic", "Deep Learning"
    )
    assert code == 2 and "AREA/SUBTOPIC" in stderr


def test_headerless_anki_export_and_pack_text_that_looks_like_yaml(tmp_path: Path) -> None:
    source = tmp_path / "old-export.txt"
    source.write_text(
        "1e3\t0o17 is octal in YAML 1.2\tmath::numbers\n"
        "pack: evil\t'quoted' #not a comment: true\tmath::yaml\n"
        "- [a, b]\t{x: y} *alias &anchor !!python/object\tmath::yaml\n",
        encoding="utf-8",
    )
    out = tmp_path / "old.yaml"
    code, _, stderr = run("pack", "import", str(source), "-o", str(out))
    assert code == 0, stderr
    questions = load_pack_file(out).pack.questions
    assert [(q.prompt, q.model_answer, q.topic) for q in questions] == [
        ("1e3", "0o17 is octal in YAML 1.2", "math/numbers"),
        ("pack: evil", "'quoted' #not a comment: true", "math/yaml"),
        ("- [a, b]", "{x: y} *alias &anchor !!python/object", "math/yaml"),
    ]


def test_duplicate_questions_and_cards_without_topic_are_reported(tmp_path: Path) -> None:
    source = tmp_path / "cards.csv"
    source.write_text(
        "question,answer\n"
        "What is a hash map?,A table that maps keys to buckets by a hash function for constant-time lookups.\n"
        "What is a  HASH map?,Something else.\n",
        encoding="utf-8",
    )
    code, _, stderr = run("pack", "import", str(source), "-o", str(tmp_path / "o.yaml"))
    assert code == 1 and ":2: skipped: no tag, deck or section" in stderr and "nothing written" in stderr
    code, _, stderr = run(
        "pack", "import", str(source), "-o", str(tmp_path / "o.yaml"), "--topic", "coding-dsa/hashing"
    )
    assert code == 0 and ":3: skipped: the same question as line 2" in stderr


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("a<br>b", "a\nb"),
        ("<div>x</div><div>y&nbsp;z</div>", "x\ny z"),
        ("[sound:q.mp3]<img src='x.png'>Hi &lt;3", "Hi <3"),
        ("<script>alert(1)</script>safe", "safe"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html)[0] == text


def test_topics_and_slugs() -> None:
    assert topic_from_label("ML::Deep Learning::CNNs") == "ml/deep-learning-cnns"
    assert topic_from_label("nlp/transformers") == "nlp/transformers"
    assert topic_from_tags(["leech", "Statistics"]) == "statistics/general"
    assert topic_from_tags(["flat", "ml::svm"]) == "ml/svm"  # hierarchical tags say more
    assert topic_from_tags(["marked"]) is None
    assert slug("Qu'est-ce que l'entropie ?") == "qu-est-ce-que-l-entropie"
