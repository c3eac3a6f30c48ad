"""The network's open data: a read-only JSON API of the public pages' data, under /api/v1/."""
