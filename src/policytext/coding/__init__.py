"""Content coding of policy documents: codebooks, unit coding, human coding round trips, reliability.

Filled by the coding family (issue #23).
"""
