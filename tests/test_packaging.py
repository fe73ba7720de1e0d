"""The release artefacts: `python -m build` makes a wheel and an sdist that install and run elsewhere.

The wheel is installed (without its dependencies, which this test environment already has) into a
fresh virtual environment, and the `interview` command is run from an unrelated directory: it must
find its built-in bank inside the installed package, not in this checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import interview

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # builds the distributions and runs the installed command


def test_distribution_name_is_not_the_taken_one_and_version_is_in_one_place() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == "mle-interview"
    assert "version" in project["dynamic"] and "version" not in project
    assert project["scripts"] == {"interview": "interview.entry:main"}
    assert project["classifiers"] and project["keywords"]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
    )
    return out


def test_build_makes_a_wheel_and_sdist_with_the_bank(dist: Path) -> None:
    version = interview.__version__
    wheel = dist / f"mle_interview-{version}-py3-none-any.whl"
    sdist = dist / f"mle_interview-{version}.tar.gz"
    assert wheel.is_file() and sdist.is_file()
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("interview/question_bank/") and n.endswith(".yaml") for n in names)
    assert "interview/bank/pack-v1.schema.json" in names
    assert "interview/web/app_index.html" in names  # the page `interview serve` shows
    metadata = zipfile.ZipFile(wheel).read(f"mle_interview-{version}.dist-info/METADATA").decode()
    assert f"Version: {version}" in metadata and "Name: mle-interview" in metadata
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    assert f"mle_interview-{version}/pyproject.toml" in members
    assert any("/question_bank/" in m for m in members)


def test_wheel_installs_and_runs_from_another_directory(dist: Path, tmp_path: Path) -> None:
    target = tmp_path / "env"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the dependencies come from this environment (appended after the new one, so the wheel wins)
    Path(purelib, "test-deps.pth").write_text(
        "\n".join(p for p in sys.path if p.endswith("site-packages")) + "\n", encoding="utf-8"
    )
    wheel = next(dist.glob("mle_interview-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "INTERVIEW_HOME": str(tmp_path / "home"), "PYTHONPATH": ""}
    command = target / "bin" / "interview"
    version = subprocess.run(
        [str(command), "--version"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    assert interview.__version__ in version.stdout
    listed = subprocess.run(
        [str(command), "pack", "list", "--json"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True
    )
    packs = json.loads(listed.stdout)["packs"]
    assert packs and all(p["builtin"] for p in packs)
    assert all(p["path"].startswith(purelib) for p in packs), "the bank must come from the installed wheel"
