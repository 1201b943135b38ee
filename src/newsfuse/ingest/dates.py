"""Publication dates from metadata strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

DATE_AHEAD_DAYS = 2  # a report may be dated a day ahead of this machine's clock (its time zone is ahead)


def still_to_come(day: date) -> bool:
    """A publication date beyond :data:`DATE_AHEAD_DAYS` from today: no report is published then."""
    return day > date.today() + timedelta(days=DATE_AHEAD_DAYS)


_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


@lru_cache(maxsize=4096)
def parse_date(value: str) -> date | None:
    """An ISO or written date ("2024-12-28", "Dec. 28, 2024", "Sat, 28 Dec 2024 10:00:00 GMT"); None if not a full date."""
    value = value.strip()
    if not value:
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if re.fullmatch(r"\d{9,10}|\d{12,13}", value):  # seconds or milliseconds since 1970, read in UTC on every machine
        seconds = int(value) / (1000 if len(value) > 11 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    if not re.search(r"\d{4}", value):
        return None  # a date without a year is not a publication date
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if isinstance(parsed, datetime):
        return parsed.date()
    return None
