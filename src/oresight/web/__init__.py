"""HTTP: the API served by ``oresight watch`` (push endpoint, live stream, Atom feeds, health)."""
