"""The family view: the plan for parents, carers and young people, in their words (issue 18)."""
