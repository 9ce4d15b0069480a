"""Listings (zoekertjes): seek space, offer space, seek partners, offer expertise, and matching."""
