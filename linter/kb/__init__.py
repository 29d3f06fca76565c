"""The knowledge base: the typed model of its entries, loading and caching them, their figures and
provenance, and validating KB files and plans.
"""
