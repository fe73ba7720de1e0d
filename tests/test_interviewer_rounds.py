"""Probing and staged answers inside real rounds, the debrief of a played onsite loop, and the CLI debrief."""

from __future__ import annotations

from click.testing import CliRunner

from interview.interviewer.debrief import build_debrief, played_from_session
from interview.interviewer.probing import is_probe
from interview.interviewer.staged import join_stages
from interview.interviewer.template import DEFAULT_STAGES
from interview.rounds import DONE, RoundSession, StoreRecorder, plan_round, resume_session, summarize
from interview.rounds.formats import drill, onsite_loop, phone_screen
from interview.store import Store
from tests.rounds_fixtures import FakeClock, make_bank

VAGUE = "I would start simple and look at the data first."  # never says 'gradient clipping' (required)


def start(spec, bank, recorder=None):
    clock = FakeClock()
    stages = plan_round(spec, bank.questions, {}, seed=3)
    return RoundSession.start(spec, stages, recorder, clock, FakeClock(1_795_000_000.0)), clock


def play_onsite(session: RoundSession) -> list[str]:
    """Answer vaguely; answer each probe with the concept; staged questions get a text per stage."""
    asked_probes = []
    while session.phase != DONE:
        if session.phase == "asking":
            question = session.current.question
            if is_probe(question):
                asked_probes.append(question.prompt)
                session.submit("You'd use gradient clipping there.")
            elif question.area == "ml-system-design":
                session.submit(join_stages(DEFAULT_STAGES, [VAGUE, "", "", "", "", "", ""]))
            else:
                session.submit(VAGUE)
        session.advance()
    return asked_probes


def test_onsite_probes_each_missed_required_concept_and_earns_back_half() -> None:
    bank = make_bank()
    session, _ = start(onsite_loop(), bank)
    probes = play_onsite(session)
    assert probes and all("gradient clipping" not in p for p in probes)
    parents = [r for r in session.results if not is_probe(r.question) and r.question.area != "ml-system-design"]
    assert all(r.score.value == 0.0 for r in parents)  # required missed, nothing else said
    summary = summarize(session)
    assert 0 < summary.overall < 0.5  # probes earned something back, at most half of a concept
    assert summary.answered == len([r for r in session.results if not is_probe(r.question)])


def test_the_debrief_of_a_played_onsite_loop_quotes_the_candidate_on_a_missed_required_concept() -> None:
    bank = make_bank()
    session, _ = start(onsite_loop(), bank)
    play_onsite(session)
    debrief = build_debrief(played_from_session(session), bank.questions)
    assert [s.name for s in debrief.sessions][:3] == ["ML breadth", "ML depth", "ML system design"]
    breadth = debrief.sessions[0]
    clipping = next(s for s in breadth.missed if s.concept == "clipping")
    assert clipping.required and clipping.quote == VAGUE  # the candidate's own words
    assert clipping.probe is not None and clipping.probe.answer == "You'd use gradient clipping there."
    design = debrief.sessions[2]
    assert any("left empty" in r for r in design.reasons)
    assert len(debrief.practice) == 3 and all(p.drill for p in debrief.practice)
    assert debrief.verdict in ("no hire", "lean no hire")


def test_probing_is_off_in_drills_and_optional_in_phone_screens() -> None:
    bank = make_bank()
    for spec, expected in ((drill(count=3), False), (phone_screen(), False), (phone_screen(probing=True), True)):
        session, _ = start(spec, bank)
        session.submit(VAGUE)
        session.advance()
        assert is_probe(session.current.question) is expected, spec


def test_a_probe_survives_a_restart(tmp_path) -> None:
    bank = make_bank()
    store = Store(tmp_path / "h.sqlite3")
    session, clock = start(phone_screen(probing=True), bank, StoreRecorder(store))
    session.submit(VAGUE)
    session.advance()
    assert is_probe(session.current.question)
    session.set_draft("gradient")
    session.recorder.draft(session)
    again = resume_session(store, bank, session.session_id, clock)
    assert is_probe(again.current.question) and again.draft == "gradient"


def test_history_show_debrief_writes_markdown(tmp_path, monkeypatch) -> None:
    from interview import locations
    from interview.cli import main

    bank = make_bank()
    store = Store(locations.database_path())
    session, _ = start(onsite_loop(), bank, StoreRecorder(store))
    play_onsite(session)
    store.close()
    monkeypatch.setattr("interview.cli.load_bank_for", lambda ctx, packs: bank)
    monkeypatch.setattr("interview.cli_history.load_bank_for", lambda ctx, packs: bank)
    result = CliRunner().invoke(main, ["history", "show", "--debrief", str(session.session_id)])
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("# Debrief: Onsite loop")
    assert "**clipping** (required)" in text and VAGUE in text
    assert "## Practise next" in text and "Probed" in text
    missing = CliRunner().invoke(main, ["history", "show", "--debrief", "999"])
    assert missing.exit_code == 1 and "no session 999" in missing.output


def test_probes_are_asked_only_within_the_sessions_time() -> None:
    bank = make_bank()
    session, clock = start(phone_screen(minutes=30, probing=True), bank)
    session.set_draft(VAGUE)
    clock.advance(30 * 60 + 1)
    assert [e.kind for e in session.tick()] == ["timeout"]
    assert session.advance() == DONE  # the probe it earned is not asked: the screen's time is up
    assert not any(is_probe(r.question) for r in session.results)
