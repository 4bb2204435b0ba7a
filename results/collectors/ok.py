"""OK: a group topic's counters and the group's members (results/NOTES.md §OK).

``group.getStatTopic topic_id fields`` (one topic a call; the method and its two
parameters are in OK's own documentation) answers ``{"topic": {...}}`` with the
fields asked for, in lower case: ``views``, ``reach``, ``likes``, ``comments``,
``reshares``. ``group.getCounters group_id counterTypes=members`` answers
``{"counters": {"members": n}}``. The field names and the answers' shapes come from
public clients, not from OK's pages (UNVERIFIED there), so a value is taken only
when it is a whole number and anything else is "not reported"."""

from __future__ import annotations

from syndication.api.errors import PermanentError

METRICS = frozenset({"views", "reach", "likes", "reposts", "comments"})
BATCH = 1

# Our metric -> the StatTopicBean field that carries it.
FIELDS = {
    "views": "VIEWS",
    "reach": "REACH",
    "likes": "LIKES",
    "comments": "COMMENTS",
    "reposts": "RESHARES",
}
# VIEWS is missing from the older public lists of the fields (RENDERINGS, impressions,
# is not views). If OK refuses the list because of it, the topics are asked again
# without it and views stay "not reported"; remembered for the process.
OPTIONAL = {"VIEWS"}
_refused: set[str] = set()


def number(value) -> int | None:
    """A counter as OK may send it: an int, or digits in a string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _fields() -> str:
    return ",".join(["ID", *(f for f in FIELDS.values() if f not in _refused)])


def _refuses_fields(exc: PermanentError) -> bool:
    # OK names the parameter in a PARAM error ("PARAM : Invalid parameter fields
    # value : [...]"), as for counterTypes.
    return exc.code == 100 and "fields" in str(exc)


def stat_topic(client, topic_id: str) -> dict | None:
    """The topic's StatTopicBean, or None when OK no longer has the topic."""
    while True:
        try:
            answer = client.call(
                "group.getStatTopic",
                idempotent=True,
                topic_id=topic_id,
                fields=_fields(),
            )
        except PermanentError as exc:
            if _refuses_fields(exc) and OPTIONAL - _refused:
                _refused.update(OPTIONAL)
                continue
            if exc.code == 100:  # PARAM: no such topic (deleted), as deleteTopic
                return None
            raise
        if isinstance(answer, dict) and isinstance(answer.get("topic"), dict):
            return answer["topic"]
        return answer if isinstance(answer, dict) else {}


def observe_posts(client, remote_ids: list[str]) -> dict[str, dict]:
    found = {}
    for topic_id in remote_ids:
        topic = stat_topic(client, topic_id)
        if topic is None:
            continue  # deleted on the network: nothing more to observe
        found[topic_id] = {
            metric: number(topic.get(field.lower())) for metric, field in FIELDS.items()
        }
    return found


def observe_audience(client) -> int | None:
    answer = client.call(
        "group.getCounters",
        idempotent=True,
        group_id=client.group_id,
        counterTypes="members",
    )
    counters = answer.get("counters") if isinstance(answer, dict) else None
    return number((counters or {}).get("members"))
