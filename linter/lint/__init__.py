"""The plan linter: configuration, the plan view, shared power and load facts, the rules and their
registry, suppressions, baselines, the engine and the reporters.
"""
