"""Turning a parsed YAML document into a Pack, or into every error it contains.

Each error names FILE:LINE:COL and says how to fix it. Validation goes on after an error so a
coach sees all the problems of a pack at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from interview.bank.model import (
    DEFAULT_DIFFICULTY,
    DEFAULT_EFFORT_MINUTES,
    DEFAULT_MISCONCEPTION_PENALTY,
    DEFAULT_ROUNDS,
    DEFAULT_STAGE_MINUTES,
    DEFAULT_WINDOW_HOURS,
    ROUND_KINDS,
    Case,
    Concept,
    DesignStage,
    Example,
    FollowUp,
    Misconception,
    Pack,
    Question,
)
from interview.bank.positions import Position, Positions
from interview.bank.validate_code import code_exercise

PACK_KEYS = {
    "pack": True,
    "title": True,
    "version": True,
    "author": False,
    "license": False,
    "description": False,
    "questions": True,
}
QUESTION_KEYS = {
    "id": True,
    "prompt": True,
    "topic": True,
    "model_answer": True,
    "rubric": False,
    "misconceptions": False,
    "rounds": False,
    "difficulty": False,
    "time_limit": False,
    "hints": False,
    "follow_ups": False,
    "examples": False,
    "sources": False,
    "case": False,
    "code": False,  # a runnable exercise: validate_code.py
    "stages": False,
}
CONCEPT_KEYS = {"concept": True, "phrases": True, "weight": False, "required": False, "probe": False}
MISCONCEPTION_KEYS = {"claim": True, "phrases": False, "penalty": False, "correction": False}
FOLLOW_UP_KEYS = {"prompt": True, "model_answer": False, "rubric": False, "if_missed": False, "if_hit": False}
EXAMPLE_KEYS = {"answer": True, "band": True, "note": False}
CASE_KEYS = {
    "dataset": False,
    "deliverables": False,
    "effort_minutes": False,
    "window_hours": False,
    "attachments": False,
}

STAGE_KEYS = {"name": True, "prompt": True, "minutes": False, "concepts": False, "rubric": False, "model_answer": False}

PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
QUESTION_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
TOPIC = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class PackError:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


_REQUIRED = {
    id(spec): frozenset(key for key, required in spec.items() if required)
    for spec in (
        PACK_KEYS,
        QUESTION_KEYS,
        CONCEPT_KEYS,
        MISCONCEPTION_KEYS,
        FOLLOW_UP_KEYS,
        EXAMPLE_KEYS,
        CASE_KEYS,
        STAGE_KEYS,
    )
}
DOUBTFUL_STARTS = frozenset("|>@%`:?")  # indicators yaml-rs lets start a plain scalar in flow lists; PyYAML does not


def _suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    import difflib  # only when there is a mistake to suggest a fix for

    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__
    )


class PackValidator:
    """Validates one document; collects errors instead of stopping at the first."""

    def __init__(self, path: Path, positions: Positions, display_path: str | None = None, quick: bool = False) -> None:
        self.path = path
        self.display = display_path or str(path)
        self.pos = positions
        self.errors: list[PackError] = []
        # After a quick read (yaml-rs), text that starts like a YAML indicator may be something the
        # careful reader calls a syntax error; such a pack is read again carefully.
        self.quick = quick
        self.doubtful = False
        self.list_item_with_indicator = False  # a list item holding '?' or ':' (see FLOW_WITH_INDICATOR)
        self.text_with_indicator = False  # the same in a mapping value, which matters only in {...}

    def _note_quick_read(self, value: str, list_item: bool) -> None:
        """What the quick reader's caller must know about a text it read (see _quick_pack_file)."""
        first = value[:1]
        if first in DOUBTFUL_STARTS or (first == "-" and value[1:2] in ("", " ", "\t")):
            self.doubtful = True
        if "?" in value or ":" in value:
            if list_item:
                self.list_item_with_indicator = True
            else:
                self.text_with_indicator = True

    def error(self, where: Position, message: str) -> None:
        self.errors.append(PackError(self.display, where[0], where[1], message))

    # -- generic checks -------------------------------------------------------------------
    def check_keys(self, mapping: dict, spec: dict[str, bool], what: str) -> None:
        if not mapping.keys() <= spec.keys():  # set operations in C: the common case costs next to nothing
            for key in mapping:
                if key not in spec:
                    hint = _suggest(str(key), tuple(spec))
                    allowed = "" if hint else f" (allowed: {', '.join(spec)})"
                    self.error(self.pos.of_key(mapping, key), f"unknown key '{key}' in {what}{hint}{allowed}")
        required = _REQUIRED[id(spec)]
        if not required <= mapping.keys():
            for key in spec:
                if key in required and key not in mapping:
                    self.error(self.pos.of(mapping), f"{what} is missing required key '{key}'")

    def text(self, mapping: dict, key: str, what: str, required: bool = False) -> str:
        if key not in mapping:
            return ""
        value = mapping[key]
        # positions are looked up only for an error: a valid pack (nearly every load) never pays for them
        if isinstance(value, str):
            if self.quick:
                self._note_quick_read(value, list_item=False)
            if required and not value.strip():
                self.error(self.pos.of_value(mapping, key), f"'{key}' in {what} must not be empty")
            return value.strip() if key != "prompt" and key != "model_answer" else value.strip("\n ")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        hint = "" if value is None or isinstance(value, (bool, dict, list)) else "; put it in quotes"
        self.error(self.pos.of_value(mapping, key), f"'{key}' in {what} must be text, not {_type_name(value)}{hint}")
        return ""

    def text_list(self, mapping: dict, key: str, what: str, item_name: str = "item") -> tuple[str, ...]:
        if key not in mapping:
            return ()
        value = mapping[key]
        if isinstance(value, str):
            items = [value]
        elif isinstance(value, list):
            items = value
        else:
            self.error(
                self.pos.of_value(mapping, key), f"'{key}' in {what} must be a list of text, not {_type_name(value)}"
            )
            return ()
        result = []
        for index, item in enumerate(items):
            if isinstance(item, str) and item.strip():
                if self.quick:
                    self._note_quick_read(item, list_item=True)
                result.append(item.strip())
                continue
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                result.append(str(item))
                continue
            # after a quick read nothing was recorded: skip the lookup (2 µs an entry, 15% of validation)
            where = (
                self.pos.unknown
                if self.quick
                else self.pos.of_item(value, index)
                if value is items
                else self.pos.of_value(mapping, key)
            )
            if not isinstance(item, str):
                self.error(where, f"each {item_name} in '{key}' must be text, not {_type_name(item)}")
            else:
                self.error(where, f"{item_name} must not be empty")
        return tuple(result)

    def number(
        self, mapping: dict, key: str, what: str, low: float, high: float, default: Any, integer: bool = False
    ) -> Any:
        if key not in mapping:
            return default
        value = mapping[key]
        ok_type = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            kind = "a whole number" if integer else "a number"
            self.error(
                self.pos.of_value(mapping, key),
                f"'{key}' in {what} must be {kind} from {low:g} to {high:g}, not {value!r}",
            )
            return default
        if not low <= value <= high:
            self.error(
                self.pos.of_value(mapping, key), f"'{key}' in {what} must be from {low:g} to {high:g}, not {value!r}"
            )
            return default
        return value

    def flag(self, mapping: dict, key: str, what: str) -> bool:
        value = mapping.get(key, False)
        if not isinstance(value, bool):
            self.error(self.pos.of_value(mapping, key), f"'{key}' in {what} must be true or false, not {value!r}")
            return False
        return value

    def mapping_items(self, mapping: dict, key: str, what: str) -> list[tuple[dict, Position]]:
        """The entries of a list of mappings, each with where it starts."""
        if key not in mapping:
            return []
        value = mapping[key]
        if not isinstance(value, list):
            self.error(self.pos.of_value(mapping, key), f"'{key}' in {what} must be a list, not {_type_name(value)}")
            return []
        entries = []
        for index, item in enumerate(value):
            # after a quick read nothing was recorded: skip the lookup (2 µs an entry, 15% of validation)
            where = self.pos.unknown if self.quick else self.pos.of_item(value, index)
            if isinstance(item, dict):
                entries.append((item, where))
            else:
                self.error(where, f"each entry of '{key}' must be a mapping (key: value lines), not {_type_name(item)}")
        return entries

    # -- the format -----------------------------------------------------------------------
    def pack(self, data: Any, builtin: bool = False) -> Pack | None:
        for tag, where in self.pos.refused_tags:
            self.error(
                where, f"YAML tag '{tag}' is not allowed in a pack (tags are never run); write plain text instead"
            )
        if data is None:
            self.error((1, 1), "the file is empty; a pack needs 'pack', 'title', 'version' and 'questions'")
            return None
        if not isinstance(data, dict):
            self.error(
                self.pos.of(data),
                f"a pack must be a mapping with 'pack', 'title', 'version' and 'questions', not {_type_name(data)}",
            )
            return None
        for key, where, first in self.pos.duplicate_keys:
            self.error(where, f"duplicate key '{key}' (first at line {first[0]}); the later one would silently win")
        self.check_keys(data, PACK_KEYS, "the pack")
        pack_id = self.text(data, "pack", "the pack", required=True)
        if pack_id and not PACK_ID.match(pack_id):
            self.error(
                self.pos.of_value(data, "pack"), f"pack id '{pack_id}' must use only lowercase letters, digits and '-'"
            )
        title = self.text(data, "title", "the pack", required=True)
        version = self.text(data, "version", "the pack", required=True)
        questions: list[Question] = []
        seen: dict[str, int] = {}
        raw_questions = data.get("questions")
        if "questions" in data and (not isinstance(raw_questions, list) or not raw_questions):
            self.error(self.pos.of_value(data, "questions"), "'questions' must be a non-empty list of questions")
        for entry, where in self.mapping_items(data, "questions", "the pack"):
            question = self.question(entry, where, pack_id)
            if question is None:
                continue
            if question.id in seen:
                self.error(
                    self.pos.of_value(entry, "id"),
                    f"duplicate question id '{question.id}' (first at line {seen[question.id]}); "
                    "ids must be unique in a pack",
                )
                continue
            seen[question.id] = where[0]
            questions.append(question)
        if self.errors:
            return None
        return Pack(
            id=pack_id,
            title=title,
            version=version,
            path=self.path,
            questions=tuple(questions),
            author=self.text(data, "author", "the pack"),
            license=self.text(data, "license", "the pack"),
            description=self.text(data, "description", "the pack"),
            builtin=builtin,
        )

    def question(self, q: dict, where: Position, pack_id: str) -> Question | None:
        errors_before = len(self.errors)
        qid = self.text(q, "id", "a question", required=True)
        what = f"question '{qid}'" if qid else "a question"
        self.check_keys(q, QUESTION_KEYS, what)
        if qid and not QUESTION_ID.match(qid):
            self.error(
                self.pos.of_value(q, "id"), f"question id '{qid}' must use only lowercase letters, digits, '-' and '_'"
            )
        prompt = self.text(q, "prompt", what, required=True)
        model_answer = self.text(q, "model_answer", what, required=True)
        topic = self.text(q, "topic", what, required=True)
        if topic and not TOPIC.match(topic):
            self.error(
                self.pos.of_value(q, "topic"),
                f"topic '{topic}' must look like 'area/subtopic': lowercase words joined by '-', "
                "e.g. 'ml-fundamentals/bias-variance'",
            )
        rubric = self.rubric(q, what)
        names = {concept.name for concept in rubric}
        rounds = self.rounds(q, what)
        difficulty = self.number(q, "difficulty", what, 1, 3, DEFAULT_DIFFICULTY, integer=True)
        time_limit = self.number(q, "time_limit", what, 10, 7 * 24 * 3600, None, integer=True)
        follow_ups = tuple(self.follow_up(entry, what, names) for entry, _ in self.mapping_items(q, "follow_ups", what))
        examples = tuple(self.example(entry, at, what) for entry, at in self.mapping_items(q, "examples", what))
        case = self.case(q, what) if "case" in q else None
        code = code_exercise(self, q, what) if "code" in q else None
        stages = self.stages(q, what, rubric) if "stages" in q else ()
        misconceptions = self.misconceptions(q, what)
        hints = self.text_list(q, "hints", what, "hint")
        sources = self.text_list(q, "sources", what, "source")
        if len(self.errors) > errors_before:
            return None
        return Question(
            pack=pack_id,
            id=qid,
            prompt=prompt,
            topic=topic,
            model_answer=model_answer,
            rubric=rubric,
            misconceptions=misconceptions,
            rounds=rounds,
            difficulty=difficulty,
            time_limit=time_limit,
            hints=hints,
            follow_ups=follow_ups,
            examples=examples,
            sources=sources,
            case=case,
            code=code,
            line=where[0],
            stages=stages,
        )

    def rounds(self, q: dict, what: str) -> tuple[str, ...]:
        if "rounds" not in q:
            return DEFAULT_ROUNDS
        raw = q["rounds"]
        values = raw if isinstance(raw, list) else [raw]
        rounds = []
        for index, value in enumerate(values):
            if value not in ROUND_KINDS:
                where = self.pos.of_item(raw, index) if isinstance(raw, list) else self.pos.of_value(q, "rounds")
                self.error(
                    where,
                    f"unknown round '{value}'{_suggest(str(value), ROUND_KINDS)} "
                    f"(rounds are: {', '.join(ROUND_KINDS)})",
                )
            elif value not in rounds:
                rounds.append(value)
        if isinstance(raw, list) and not raw:
            self.error(self.pos.of_value(q, "rounds"), f"'rounds' in {what} must name at least one round")
        return tuple(rounds)

    def rubric(self, q: dict, what: str, key: str = "rubric") -> tuple[Concept, ...]:
        concepts = []
        seen: set[str] = set()
        for entry, _where in self.mapping_items(q, key, what):
            name = self.text(entry, "concept", "a rubric concept", required=True)
            self.check_keys(entry, CONCEPT_KEYS, f"rubric concept '{name}'" if name else "a rubric concept")
            if name in seen:
                self.error(self.pos.of_value(entry, "concept"), f"duplicate concept '{name}' in {what}")
            seen.add(name)
            phrases = self.text_list(entry, "phrases", f"concept '{name}'", "rubric phrase")
            if "phrases" in entry and not phrases and not isinstance(entry["phrases"], str):
                self.error(self.pos.of_value(entry, "phrases"), f"concept '{name}' needs at least one phrase")
            concepts.append(
                Concept(
                    name=name,
                    phrases=phrases,
                    weight=float(self.number(entry, "weight", f"concept '{name}'", 0.1, 10, 1.0)),
                    required=self.flag(entry, "required", f"concept '{name}'"),
                    probe=self.text(entry, "probe", f"concept '{name}'"),
                )
            )
        if key in q and isinstance(q[key], list) and not q[key]:
            self.error(
                self.pos.of_value(q, key),
                f"'{key}' in {what} is empty; remove it to have a rubric drafted from the model answer",
            )
        return tuple(concepts)

    def misconceptions(self, q: dict, what: str) -> tuple[Misconception, ...]:
        result = []
        for entry, _ in self.mapping_items(q, "misconceptions", what):
            self.check_keys(entry, MISCONCEPTION_KEYS, "a misconception")
            claim = self.text(entry, "claim", "a misconception", required=True)
            phrases = self.text_list(entry, "phrases", "a misconception", "phrase") or ((claim,) if claim else ())
            penalty = float(self.number(entry, "penalty", "a misconception", 0, 1, DEFAULT_MISCONCEPTION_PENALTY))
            result.append(
                Misconception(
                    claim=claim,
                    phrases=phrases,
                    penalty=penalty,
                    correction=self.text(entry, "correction", "a misconception"),
                )
            )
        return tuple(result)

    def follow_up(self, entry: dict, what: str, concept_names: set[str]) -> FollowUp:
        self.check_keys(entry, FOLLOW_UP_KEYS, f"a follow-up of {what}")
        for key in ("if_missed", "if_hit"):
            for index, name in enumerate(self.text_list(entry, key, "a follow-up", "concept name")):
                if concept_names and name not in concept_names:
                    raw = entry[key]
                    at = self.pos.of_item(raw, index) if isinstance(raw, list) else self.pos.of_value(entry, key)
                    self.error(
                        at,
                        f"'{key}' names '{name}', which is not a concept of "
                        f"{what}{_suggest(name, sorted(concept_names))}",
                    )
        return FollowUp(
            prompt=self.text(entry, "prompt", "a follow-up", required=True),
            model_answer=self.text(entry, "model_answer", "a follow-up"),
            rubric=self.rubric(entry, "a follow-up"),
            if_missed=self.text_list(entry, "if_missed", "a follow-up"),
            if_hit=self.text_list(entry, "if_hit", "a follow-up"),
        )

    def example(self, entry: dict, where: Position, what: str) -> Example:
        self.check_keys(entry, EXAMPLE_KEYS, f"an example of {what}")
        band = entry.get("band")
        low, high = 0.0, 1.0
        valid = (
            isinstance(band, list)
            and len(band) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in band)
            and 0 <= band[0] <= band[1] <= 1
        )
        if "band" in entry and not valid:
            self.error(
                self.pos.of_value(entry, "band"),
                f"'band' must be two scores [low, high] with 0 <= low <= high <= 1, e.g. [0.7, 1.0]; got {band!r}",
            )
        elif valid and isinstance(band, list):  # (valid says it is; the check tells the type checker)
            low, high = float(band[0]), float(band[1])
        return Example(
            answer=self.text(entry, "answer", "an example", required=True),
            band=(low, high),
            note=self.text(entry, "note", "an example"),
            line=where[0],
        )

    def case(self, q: dict, what: str) -> Case | None:
        raw = q["case"]
        if not isinstance(raw, dict):
            self.error(self.pos.of_value(q, "case"), f"'case' in {what} must be a mapping")
            return None
        self.check_keys(raw, CASE_KEYS, f"the case of {what}")
        attachments = self.text_list(raw, "attachments", "the case", "attachment")
        for index, name in enumerate(attachments):
            # a pack is someone else's file: what it refers to must stay inside its own folder
            relative = PurePosixPath(name.replace("\\", "/"))
            if relative.is_absolute() or ".." in relative.parts or re.match(r"^[A-Za-z]:", name):
                at = (
                    self.pos.of_item(raw["attachments"], index)
                    if isinstance(raw["attachments"], list)
                    else self.pos.of_value(raw, "attachments")
                )
                self.error(at, f"attachment '{name}' must be a relative path inside the pack's folder")
        return Case(
            dataset=self.text(raw, "dataset", "the case"),
            deliverables=self.text_list(raw, "deliverables", "the case", "deliverable"),
            effort_minutes=self.number(
                raw, "effort_minutes", "the case", 1, 60 * 24 * 14, DEFAULT_EFFORT_MINUTES, integer=True
            ),
            window_hours=self.number(raw, "window_hours", "the case", 1, 24 * 60, DEFAULT_WINDOW_HOURS, integer=True),
            attachments=attachments,
        )

    # -- staged questions (`stages:`) -------------------------------------------------------
    def stages(self, q: dict, what: str, rubric: tuple[Concept, ...]) -> tuple[DesignStage, ...]:
        """Each stage listens for concepts of the question's rubric it names, and for its own."""
        raw = q["stages"]
        if isinstance(raw, list) and not raw:
            self.error(self.pos.of_value(q, "stages"), f"'stages' in {what} is empty; remove it or list the stages")
        by_name = {concept.name: concept for concept in rubric}
        claimed: dict[str, str] = {}  # question concept -> the stage that listens for it
        own_names: dict[str, str] = {}  # a stage's own concept -> its stage
        stages: list[DesignStage] = []
        seen: set[str] = set()
        for entry, where in self.mapping_items(q, "stages", what):
            name = self.text(entry, "name", "a stage", required=True)
            where_stage = f"stage '{name}' of {what}" if name else f"a stage of {what}"
            self.check_keys(entry, STAGE_KEYS, where_stage)
            if name and name in seen:
                self.error(self.pos.of_value(entry, "name"), f"duplicate stage name '{name}' in {what}")
            seen.add(name)
            concepts: list[Concept] = []
            for index, ref in enumerate(self.text_list(entry, "concepts", where_stage, "concept name")):
                raw_refs = entry["concepts"]
                at = (
                    self.pos.of_item(raw_refs, index)
                    if isinstance(raw_refs, list)
                    else self.pos.of_value(entry, "concepts")
                )
                if ref not in by_name:
                    known = (
                        f"{_suggest(ref, sorted(by_name))}"
                        if by_name
                        else "; the question has no 'rubric' to name from"
                    )
                    self.error(
                        at, f"'concepts' of {where_stage} names '{ref}', which is not a concept of {what}{known}"
                    )
                elif ref in claimed:
                    self.error(at, f"concept '{ref}' is already listened for in stage '{claimed[ref]}'")
                else:
                    claimed[ref] = name
                    concepts.append(by_name[ref])
            own = self.rubric(entry, where_stage)
            for concept in own:
                # one name, one concept, across the question: a probe and the debrief find it by name
                if concept.name in by_name:
                    self.error(
                        self.pos.of(entry),
                        f"concept '{concept.name}' of {where_stage} is already in the question's rubric; "
                        "name it in 'concepts' instead",
                    )
                elif concept.name in own_names:
                    self.error(
                        self.pos.of(entry),
                        f"concept '{concept.name}' is already listened for in stage '{own_names[concept.name]}'",
                    )
                own_names.setdefault(concept.name, name)
            if not concepts and not own and "concepts" not in entry and "rubric" not in entry:
                self.error(
                    where,
                    f"{where_stage} has nothing to score: "
                    "name 'concepts' from the question's rubric or give it a 'rubric'",
                )
            stages.append(
                DesignStage(
                    name=name,
                    prompt=self.text(entry, "prompt", where_stage, required=True),
                    minutes=float(self.number(entry, "minutes", where_stage, 1, 120, DEFAULT_STAGE_MINUTES)),
                    rubric=(*concepts, *own),
                    model_answer=self.text(entry, "model_answer", where_stage),
                )
            )
        return tuple(stages)
