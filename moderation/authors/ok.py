"""OK authors: ``users.getInfo uids=… fields=…`` (docs/networks.md §2.8), a bare list
of users with the fields asked for. Up to 100 ids per call. Communities writing in a
group have no ``users.getInfo`` answer: they are left as the payload named them."""

from __future__ import annotations

from . import Found

FIELDS = "uid,name,first_name,last_name,pic128x128,url_profile"
BATCH = 100


def _name(user: dict) -> str:
    name = str(user.get("name") or "").strip()
    if name:
        return name
    parts = (user.get("first_name"), user.get("last_name"))
    return " ".join(str(p) for p in parts if p).strip()


def lookup(client, author_ids: list[str]) -> list[Found]:
    people = [i for i in author_ids if i.isdigit()]
    found = []
    for start in range(0, len(people), BATCH):
        batch = people[start : start + BATCH]
        answer = client.call("users.getInfo", uids=",".join(batch), fields=FIELDS,
                             idempotent=True)  # fmt: skip
        for user in answer or []:
            uid = str(user.get("uid") or "")
            if not uid:
                continue
            found.append(
                Found(
                    author_id=uid,
                    name=_name(user),
                    avatar_url=str(user.get("pic128x128") or ""),
                    profile_url=str(
                        user.get("url_profile") or f"https://ok.ru/profile/{uid}"
                    ),
                )
            )
    return found
