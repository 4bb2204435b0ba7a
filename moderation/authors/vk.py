"""VK authors: ``users.get`` for people, ``groups.getById`` for communities (a
negative ``from_id``), networks.md §1. Up to 1000 ids per call."""

from __future__ import annotations

from . import Found

FIELDS = "photo_100,screen_name"


def _profile_url(kind: str, number: int, screen_name: str = "") -> str:
    if screen_name:
        return f"https://vk.com/{screen_name}"
    return f"https://vk.com/{kind}{number}"


def lookup(client, author_ids: list[str]) -> list[Found]:
    people = [i for i in author_ids if i.lstrip("-").isdigit() and int(i) > 0]
    groups = [
        str(-int(i)) for i in author_ids if i.lstrip("-").isdigit() and int(i) < 0
    ]
    found = []
    if people:
        answer = client.call("users.get", user_ids=",".join(people), fields=FIELDS,
                             idempotent=True)  # fmt: skip
        for user in answer or []:
            name = f"{user.get('first_name', '')} {user.get('last_name', '')}".strip()
            found.append(
                Found(
                    author_id=str(user["id"]),
                    name=name,
                    avatar_url=user.get("photo_100", ""),
                    profile_url=_profile_url("id", user["id"], user.get("screen_name")),
                )
            )
    if groups:
        answer = client.call("groups.getById", group_ids=",".join(groups),
                             fields="photo_100", idempotent=True)  # fmt: skip
        # API 5.199 answers {"groups": [...]}, older versions a bare list.
        for group in answer.get("groups", []) if isinstance(answer, dict) else answer:
            found.append(
                Found(
                    author_id=str(-int(group["id"])),
                    name=group.get("name", ""),
                    avatar_url=group.get("photo_100", ""),
                    profile_url=_profile_url(
                        "club", group["id"], group.get("screen_name")
                    ),
                )
            )
    return found
