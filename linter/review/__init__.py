"""The monthly review: git access, the KB at a revision and its history, the semantic diff, change
classification, release consistency, plan impact and the packet.
"""
