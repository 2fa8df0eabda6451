"""Pure rule: how many voting members make a meeting quorate (a committee setting)."""

from __future__ import annotations

import math


def required(rule: str, voting_members: int, fixed: int | None = None) -> int:
    if rule == "fixed":
        return fixed or 1
    if rule == "third":
        return max(1, math.ceil(voting_members / 3))
    if rule == "half":
        return max(1, math.ceil(voting_members / 2))
    # The default in design.md: a quarter of the voting members, never fewer than three.
    return max(3, math.ceil(voting_members / 4))
