"""The design system of the web app: fonts, CSS, form rendering, template helpers, labels.

Every page builds on it; ``docs/developer/ui.md`` shows how a new page uses it.
"""
