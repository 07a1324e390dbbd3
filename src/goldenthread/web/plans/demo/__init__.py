"""A synthetic demo local area: made-up organisations, people, children and plans.

Nothing here describes a real person. Names are drawn at random from lists of common given
and family names, so any match with a real child is chance. ``builder.area_seed`` is the entry
point (the ``goldenthread seed`` command calls it).
"""
