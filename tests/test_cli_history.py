"""`interview history`, `stats` and the JSON bundle round trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from interview import locations
from interview.cli import main
from interview.store import Store
from interview.store.exchange import BundleError, export_bundle, import_bundle
from tests.history_fixtures import played_store


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def seeded_home() -> Store:
    locations.database_path().parent.mkdir(parents=True, exist_ok=True)
    return played_store(locations.database_path())


def test_history_list_and_show() -> None:
    seeded_home()
    listed = json.loads(invoke("history", "list", "--json").output)
    assert [s["kind"] for s in listed] == ["phone", "drill", "phone"]
    shown = invoke("history", "show", str(listed[0]["id"]))
    assert shown.exit_code == 0 and "hit" in shown.output and "clipping" in shown.output
    assert invoke("history", "list", "--kind", "drill", "--json").output.count('"drill"') == 1
    missing = invoke("history", "show", "999")
    assert missing.exit_code == 1 and "no session 999" in missing.output


def test_export_import_round_trip_is_lossless(tmp_path: Path) -> None:
    source = played_store()
    bundle = export_bundle(source)
    target = Store(tmp_path / "other.sqlite3")
    assert import_bundle(target, bundle) == (3, 0)
    again = export_bundle(target)
    for key in ("sessions", "cards"):
        assert again[key] == bundle[key]
    assert import_bundle(target, bundle) == (0, 3)  # importing twice adds nothing
    assert (
        target.db.execute("SELECT COUNT(*) FROM attempt_concepts").fetchone()
        == source.db.execute("SELECT COUNT(*) FROM attempt_concepts").fetchone()
    )


def test_export_formats_through_the_cli(tmp_path: Path) -> None:
    seeded_home()
    bundle_path = tmp_path / "bundle.json"
    assert invoke("history", "export", "-o", str(bundle_path)).exit_code == 0
    assert json.loads(bundle_path.read_text())["format"] == "interview-history"
    report = invoke("history", "export", "--format", "md").output
    assert report.startswith("# Interview practice history") and "✔" in report
    rows = list(csv.DictReader(io.StringIO(invoke("history", "export", "--format", "csv").output)))
    assert rows and {"question_id", "score", "answer"} <= set(rows[0])


def test_import_through_the_cli_and_bad_bundles(tmp_path: Path) -> None:
    bundle_path = tmp_path / "bundle.json"
    bundle_path.write_text(json.dumps(export_bundle(played_store())), encoding="utf-8")
    result = invoke("history", "import", str(bundle_path))
    assert result.exit_code == 0 and "imported 3 sessions" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    result = invoke("history", "import", str(bad))
    assert result.exit_code == 1 and "not an interview history bundle" in result.output
    bad.write_text("{truncated", encoding="utf-8")
    result = invoke("history", "import", str(bad))
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_damaged_bundle_imports_nothing(tmp_path: Path) -> None:
    bundle = export_bundle(played_store())
    del bundle["sessions"][-1]["attempts"][0]["answer"]
    target = Store(tmp_path / "t.sqlite3")
    try:
        import_bundle(target, bundle)
    except BundleError:
        pass
    assert target.db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0


def test_stats_json() -> None:
    seeded_home()
    data = json.loads(invoke("stats", "--json").output)
    assert data["answers"] > 0 and data["areas"]
    assert all("why" in concept for concept in data["weak_concepts"])
