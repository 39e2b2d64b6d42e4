"""The store's repositories, one per aggregate, over one :class:`sujet.store.database.Database`.

Their methods carry the names of the :class:`sujet.store.base.Store` methods they implement.
"""
