"""The optimiser of a suggested plan (issue 23): planning units, the problem, the greedy
baseline, the Lagrangian min-cut for the boundary penalty and the HiGHS integer program.
No Qt, mypy --strict."""
