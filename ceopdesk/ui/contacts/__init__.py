"""The contacts page: a lazily fetched table, search, filters and the dialogs around it.

Everything here calls ``ceopdesk.core.contacts`` services; nothing builds a query.
"""
