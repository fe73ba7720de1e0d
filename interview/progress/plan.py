"""Planning to an interview date: a daily queue over the days left, and FSRS tuned to the date.

As the date nears, FSRS's desired retention rises (reviews come sooner, so more is fresh on the
day), and no interval reaches past the date: a card due after the interview is no use for it.
Each day's queue takes the reviews due that day (and any backlog) up to what the user's minutes
buy at their usual pace, then fills the rest with their weakest questions.

The plan is a small JSON file in the data folder (`interview locate data`), written atomically.
FSRS parameters fitted to the user's own reviews (fsrs-rs-python's optimizer, a Rust extension with
no other dependency) are kept there too, with the fit's before/after log loss.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from interview import locations
from interview.store import Store
from interview.store.practice import due_between, mean_answer_seconds, review_histories

BASE_RETENTION = 0.90  # fsrs's default
PEAK_RETENTION = 0.97  # on the day before the interview
RAMP_DAYS = 60  # retention starts rising this many days out
DEFAULT_ANSWER_SECONDS = 180.0  # before the user has a pace of their own
MIN_REVIEWS_TO_FIT = 100  # reviews after the first of a question; fewer say too little about this user
RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}
CalendarDay = date  # Plan has a field called `date`, which hides the type inside its class body


@dataclass
class Fit:
    parameters: list[float]
    reviews: int
    log_loss_before: float
    log_loss_after: float
    rmse_before: float
    rmse_after: float

    def describe(self) -> str:
        return (
            f"FSRS fitted to your {self.reviews} reviews: log loss {self.log_loss_before:.3f} -> "
            f"{self.log_loss_after:.3f}, RMSE {self.rmse_before:.3f} -> {self.rmse_after:.3f} (lower is better)"
        )


@dataclass
class Plan:
    date: str  # YYYY-MM-DD, the interview day
    minutes_per_day: int = 45
    fit: Fit | None = None

    @property
    def day(self) -> CalendarDay:
        return CalendarDay.fromisoformat(self.date)

    def days_left(self, today: CalendarDay) -> int:
        return (self.day - today).days


@dataclass
class Day:
    day: date
    due: list[str] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)

    @property
    def questions(self) -> list[str]:
        return self.due + self.weak


def load_plan() -> Plan | None:
    path = locations.plan_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fit = Fit(**data["fit"]) if data.get("fit") else None
        plan = Plan(str(data["date"]), int(data.get("minutes_per_day", 45)), fit)
        plan.day  # noqa: B018  (a date that does not parse means no usable plan)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no plan, or a file edited by hand into nonsense: no plan rather than a crash
    return plan


def save_plan(plan: Plan) -> None:
    path = locations.plan_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(json.dumps(asdict(plan), indent=1), encoding="utf-8")
    os.replace(partial, path)


def clear_plan() -> bool:
    try:
        locations.plan_path().unlink()
    except FileNotFoundError:
        return False
    return True


def desired_retention(days_left: int) -> float:
    """0.90 until RAMP_DAYS out, rising linearly to 0.97 on the last day."""
    if days_left >= RAMP_DAYS:
        return BASE_RETENTION
    progress = 1 - max(days_left, 0) / RAMP_DAYS
    return round(BASE_RETENTION + (PEAK_RETENTION - BASE_RETENTION) * progress, 3)


def scheduler_options(plan: Plan | None, when: datetime) -> dict:
    """What fsrs.Scheduler gets under this plan: the user's parameters, the retention for the day,
    and no interval past the interview."""
    if plan is None:
        return {}
    options: dict = {}
    if plan.fit is not None:
        options["parameters"] = tuple(plan.fit.parameters)
    days_left = plan.days_left(when.astimezone().date())
    if days_left > 0:
        options["desired_retention"] = desired_retention(days_left)
        options["maximum_interval"] = max(1, days_left)
    return options


def questions_per_day(store: Store, minutes: int) -> int:
    seconds = mean_answer_seconds(store.db) or DEFAULT_ANSWER_SECONDS
    return max(1, int(minutes * 60 // max(seconds, 30)))


def daily_queue(
    store: Store, plan: Plan, today: date, known: set[str], weakest: list[str], horizon: int | None = None
) -> list[Day]:
    """One Day per day from today to the day before the interview (or `horizon` days)."""
    days_left = plan.days_left(today)
    if days_left <= 0:
        return []
    count = min(days_left, horizon) if horizon else days_left
    capacity = questions_per_day(store, plan.minutes_per_day)
    start_of_day = datetime.combine(today, datetime.min.time()).astimezone().timestamp()
    end = start_of_day + days_left * 86400
    due_on: dict[int, list[str]] = {}
    for question_id, due in due_between(store.db, 0, end):
        if question_id in known:
            due_on.setdefault(max(0, int((due - start_of_day) // 86400)), []).append(question_id)
    backlog: list[str] = []
    spare = [q for q in weakest if q in known]
    plan_days = []
    for offset in range(count):
        backlog += due_on.get(offset, [])
        today_due, backlog = backlog[:capacity], backlog[capacity:]
        room = capacity - len(today_due)
        # a weak question asked today is not asked again until the list comes round
        weak = [q for q in spare if q not in today_due][:room]
        spare = [q for q in spare if q not in weak] + weak
        plan_days.append(Day(today + timedelta(days=offset), today_due, weak))
    return plan_days


def _review_items(store: Store) -> tuple[list, int]:
    """fsrs-rs training items: every prefix of each question's daily reviews (fsrs-rs refuses to
    evaluate histories with several reviews on one day, which replaying a question soon after makes)."""
    import fsrs_rs_python as fsrs_rs  # only when fitting

    from interview.progress.schedule import rating_for

    items = []
    reviews = 0
    for history in review_histories(store.db).values():
        steps = []
        previous: date | None = None
        for submitted_at, score in history:
            day = date.fromtimestamp(submitted_at)
            if day == previous:
                continue  # one review a day, the first: a second try the same day tests short-term memory
            steps.append(fsrs_rs.FSRSReview(RATINGS[rating_for(score)], (day - previous).days if previous else 0))
            previous = day
            if len(steps) > 1:
                item = fsrs_rs.FSRSItem(list(steps))
                if item.long_term_review_cnt() > 0:
                    items.append(item)
                    reviews += 1
    return items, reviews


def fit_parameters(store: Store) -> tuple[Fit | None, str]:
    """FSRS parameters fitted to this user's history, or None and the reason there are none yet."""
    items, reviews = _review_items(store)
    if reviews < MIN_REVIEWS_TO_FIT:
        return None, (
            f"{reviews} reviews so far; FSRS is fitted to your history from {MIN_REVIEWS_TO_FIT} "
            "(a review is a later answer to a question you answered on an earlier day)"
        )
    import fsrs_rs_python as fsrs_rs

    default = fsrs_rs.FSRS(fsrs_rs.DEFAULT_PARAMETERS)
    try:
        fitted = default.compute_parameters(items)
        before, after = default.evaluate(items), fsrs_rs.FSRS(fitted).evaluate(items)
    except (ValueError, RuntimeError) as error:  # the optimizer refuses degenerate data
        return None, f"FSRS could not be fitted to your history ({error})"
    if after.log_loss > before.log_loss:  # the defaults predict this user better: keep them
        return None, f"the default FSRS parameters fit your {reviews} reviews better (log loss {before.log_loss:.3f})"
    return Fit(
        [float(p) for p in fitted], reviews, before.log_loss, after.log_loss, before.rmse_bins, after.rmse_bins
    ), ""


def todays_questions(store: Store, known: set[str], now: float) -> list[str]:
    """Today's share of the plan (due reviews, then weak questions); empty without a plan."""
    from interview.progress.mastery import weakest_questions

    plan = load_plan()
    if plan is None:
        return []
    days = daily_queue(store, plan, date.fromtimestamp(now), known, weakest_questions(store, 200), horizon=1)
    return days[0].questions if days else []


def countdown(plan: Plan | None, now: float) -> str:
    """'Interview in 44 days (Fri 15 Jan)', for the home screen; empty without a plan."""
    if plan is None:
        return ""
    left = plan.days_left(date.fromtimestamp(now))
    if left < 0:
        return f"Your interview was on {plan.day:%d %b %Y}: set the next date with i"
    if left == 0:
        return "Interview today. Good luck!"
    return f"Interview in {left} day{'s' if left != 1 else ''} ({plan.day:%a %d %b})"
