"""Development only: the demo bureau, synthetic bulk data and the embedded PostgreSQL cluster.

Imported by the `anjie` command (lazily, for `anjie run` and friends) and by the tests; the
application itself never imports it, and the production image does not need it.
"""
