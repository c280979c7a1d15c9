"""The press desk (DESIGN §13): the media enquiry log, lines to take, the week ahead.

``domain`` holds what the services hand out, ``clashes`` the planning grid's clash rule;
the rest are services over the store (no Qt here).
"""
