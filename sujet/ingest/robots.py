"""robots.txt rules per host, fetched once and cached (RFC 9309 semantics).

A missing robots.txt (any 4xx) allows everything; a server error or an unreachable host means
"assume complete disallow" for that host, as the RFC asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser


@dataclass(slots=True)
class RobotsRules:
    """The parsed rules of one host, or a blanket allow / disallow."""

    parser: RobotFileParser | None
    allow_all: bool = False
    why: str = ""

    @classmethod
    def from_text(cls, text: str) -> RobotsRules:
        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return cls(parser=parser)

    @classmethod
    def allowing(cls, why: str) -> RobotsRules:
        return cls(parser=None, allow_all=True, why=why)

    @classmethod
    def disallowing(cls, why: str) -> RobotsRules:
        return cls(parser=None, allow_all=False, why=why)

    def allows(self, agent: str, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def agent_token(user_agent: str) -> str:
    """The product token robots.txt groups match against: ``Sujet`` of ``Sujet/0.1 (...)``."""
    return user_agent.split("/", 1)[0].split()[0] if user_agent.strip() else "*"
