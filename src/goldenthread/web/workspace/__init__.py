"""The writing workspace: live feedback on outcomes, the golden thread seen whole, a guided
outcome builder and the plan issued as a Word document."""
