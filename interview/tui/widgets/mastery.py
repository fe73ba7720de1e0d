"""The one colour scale for mastery, shared by the home screen and the dashboard."""


def mastery_style(value: float) -> str:
    """Red below 0.5, amber below 0.7, green above: the same scale on every screen."""
    return "red" if value < 0.5 else "yellow" if value < 0.7 else "green"
