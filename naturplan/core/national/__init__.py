"""Where the plan goes nationally (issue 22): Plandata.dk's kommuneplanretningslinjer and the
local tripartites' MARS projects. The data models and mappings are data in
``resources/national/``; this package holds their rules, without Qt or files."""
