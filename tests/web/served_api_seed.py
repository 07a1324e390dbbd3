"""Seeds the database a served-process fuzz run uses (tests/web/test_api_fuzz_served.py) and
prints what the run needs as JSON: a token for the coordinator and one for a parent of the same
child, and real ids to pin path parameters to.

Run in the server's environment after ``migrate``: ``python -m tests.web.served_api_seed``.
The access world (tests/web/access_world.py) gives the child a coordinator, a parent and other
people who know them; ``real_ids`` adds a review with a score, so every endpoint has data.
"""

from __future__ import annotations

import json

import django


def main() -> None:
    django.setup()
    from django.db import transaction

    from goldenthread.web.api.tokens import api_token_create
    from tests.web.access_world import world_create
    from tests.web.api_fuzzing import real_ids

    with transaction.atomic():
        world = world_create()
        ids = real_ids(world.area)
        tokens = {
            persona: api_token_create(owner=world.people[persona], name="Served fuzzing")[1]
            for persona in ("coordinator", "parent")
        }
    print(json.dumps({"tokens": tokens, "ids": ids}))


if __name__ == "__main__":
    main()
