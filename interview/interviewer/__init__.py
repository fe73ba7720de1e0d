"""The interviewer: staged system-design questions, probing follow-ups, the interviewer's voice and the
written debrief. No UI here; the rounds and the screens call it."""
