"""Children, their plans, and the golden thread: aspirations, needs, outcomes and provision."""
