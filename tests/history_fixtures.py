"""A store with a few played rounds, made through the real round engine."""

from __future__ import annotations

from interview.rounds import RoundSession, StoreRecorder, plan_round
from interview.rounds.formats import drill, phone_screen
from interview.store import Store
from tests.rounds_fixtures import FakeClock, make_bank

ANSWERS = ["gradient clipping is the key idea", "no idea", "the key idea", "gradient clipping"]


def played_store(path=":memory:", rounds: int = 3) -> Store:
    bank = make_bank()
    wall = FakeClock(1_795_000_000.0)
    store = Store(path, wall_clock=wall)
    for number in range(rounds):
        spec = phone_screen() if number % 2 == 0 else drill(count=3)
        session = RoundSession.start(
            spec, plan_round(spec, bank.questions, seed=number), StoreRecorder(store), FakeClock(), wall
        )
        index = 0
        while session.phase != "done":
            if session.phase == "asking":
                session.submit(ANSWERS[index % len(ANSWERS)])
                index += 1
            session.advance()
            wall.advance(3600 * 7)
    return store
