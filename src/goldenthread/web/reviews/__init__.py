"""Reviews: the assess, plan, do, review cycle for each plan, its deadlines and progress."""
