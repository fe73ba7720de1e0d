"""The debrief as Markdown, for `interview history show --debrief` and for sharing with a coach.

Quotes are the candidate's words: they are set in blockquote-safe inline quotes, never as Markdown
the reader's viewer would interpret (a stray '#' or '*' stays a character)."""

from __future__ import annotations

import re

from interview.interviewer.debrief import Debrief, Moment, SessionDebrief, Signal

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _quote(text: str) -> str:
    return f"“{escape(text)}”" if text else "(nothing said)"


def _signal_seen(signal: Signal) -> str:
    mark = " (required)" if signal.required else ""
    return f"- **{escape(signal.concept)}**{mark}: {_quote(signal.quote)}"


def _signal_missed(signal: Signal) -> str:
    mark = " (required)" if signal.required else ""
    line = f"- **{escape(signal.concept)}**{mark}, on “{escape(signal.question.rstrip('.?!'))}”: "
    if not signal.quote:
        line += "not mentioned, and nothing was said there"
    elif signal.nearest:
        line += f"the closest the answer came was {_quote(signal.quote)}"
    else:
        line += f"not mentioned; the answer said instead {_quote(signal.quote)}"
    if signal.probe is not None:
        probe = signal.probe
        if probe.skipped or not probe.answer.strip():
            line += ". Probed, no answer"
        else:
            line += f". Probed (“{escape(probe.prompt)}”), answered {_quote(probe.answer.strip()[:160])}"
            line += (
                f": +{probe.earned:.2f} back (a probe earns half credit at most)" if probe.earned > 0 else ": no credit"
            )
    return line


def _moment(label: str, moment: Moment | None) -> str:
    if moment is None:
        return f"- {label}: no other moment in this session"
    return f"- {label}: {escape(moment.what)} ({moment.score:.2f}) {_quote(moment.quote)}"


def _session(session: SessionDebrief) -> list[str]:
    lines = [f"## {escape(session.name)}: {session.verdict} ({session.score:.2f})", ""]
    lines += [f"- {escape(reason)}" for reason in session.reasons]
    lines += ["", "**Signals seen**", ""]
    lines += [_signal_seen(s) for s in session.seen] or ["- none"]
    lines += ["", "**Signals missed**", ""]
    lines += [_signal_missed(s) for s in session.missed] or ["- none"]
    lines += ["", "**Moments**", "", _moment("Strongest", session.strongest), _moment("Weakest", session.weakest), ""]
    return lines


def debrief_markdown(debrief: Debrief, when: str = "") -> str:
    title = f"# Debrief: {escape(debrief.title)}" + (f", {when}" if when else "")
    lines = [title, "", f"**Verdict: {debrief.verdict}** ({debrief.overall:.2f})", ""]
    lines += [f"- {escape(reason)}" for reason in debrief.reasons] + [""]
    for session in debrief.sessions:
        lines += _session(session)
    lines += ["## Practise next", ""]
    for number, item in enumerate(debrief.practice, start=1):
        drill = ", ".join(f"`{q}`" for q in item.drill)
        lines.append(f"{number}. **{escape(item.concept)}** ({escape(item.topic)}), {escape(item.why)}.")
        lines.append(
            f"   Drill: {drill}. In the app: the debrief's key {number}, or Custom round with topic `{item.topic}`."
        )
    if not debrief.practice:
        lines.append("Nothing to practise: no answers were given.")
    lines.append("")
    return "\n".join(lines)
