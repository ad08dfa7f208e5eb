"""Template helpers of the awareness kit: a vote share, the dashboard panel, scan evidence."""

from __future__ import annotations

from typing import Any

from django import template

from weerbaar.web.knowledgebase.labels import language

register = template.Library()


@register.filter
def share_for(shares: Any, option: str) -> Any:
    """The share of ``option`` in a distribution's shares (None when hidden)."""
    return next((share for share in shares if share.option == option), None)


@register.inclusion_tag("awareness/_panel.html")
def awareness_panel(municipality: Any) -> dict[str, Any]:
    """The dashboard's awareness panel: sessions held, lessons completed, the pulse trend."""
    from weerbaar.web.awareness.figures import panel

    return {"panel": panel(municipality)}


@register.simple_tag(takes_context=True)
def awareness_evidence(context: Any, question_id: str) -> list[str]:
    """Evidence lines from the awareness kit for one scan question (computed once a request)."""
    request = context.get("request")
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return []
    cached = getattr(request, "_awareness_evidence", None)
    if cached is None:
        from weerbaar.web.awareness.figures import evidence

        cached = evidence(municipality)
        request._awareness_evidence = cached
    return [line.get(language()) for line in cached.get(question_id, [])]
