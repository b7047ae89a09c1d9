<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, the suggested plan (naturplan suggest, Analyse → Foreslå plan…). Source texts are English. -->
<TS version="2.1" language="en_GB">
<context>
    <name>cli_help</name>
    <message>
        <source>suggest a plan that reaches a target share (an optimiser over the parcels) and store it as a scenario</source>
        <translation>suggest a plan that reaches a target share (an optimiser over the parcels) and store it as a scenario</translation>
    </message>
    <message>
        <source>the protected share to reach, e.g. 0.17 or 0.20</source>
        <translation>the protected share to reach, e.g. 0.17 or 0.20</translation>
    </message>
    <message>
        <source>name of the new scenario that holds the suggested areas</source>
        <translation>name of the new scenario that holds the suggested areas</translation>
    </message>
    <message>
        <source>least cost; or the most CO2e reduction or connectivity within --budget-ha (default: the target's need + 5 %%)</source>
        <translation>least cost; or the most CO2e reduction or connectivity within --budget-ha (default: the target's need + 5 %%)</translation>
    </message>
    <message>
        <source>the cost of a parcel from its field, e.g. parcels.pris (default: the farmland taken in ha)</source>
        <translation>the cost of a parcel from its field, e.g. parcels.pris (default: the farmland taken in ha)</translation>
    </message>
    <message>
        <source>at most N ha of new nature</source>
        <translation>at most N ha of new nature</translation>
    </message>
    <message>
        <source>boundary penalty per km of outline, for compact areas (default 0)</source>
        <translation>boundary penalty per km of outline, for compact areas (default 0)</translation>
    </message>
    <message>
        <source>seconds the solver may use (default 10)</source>
        <translation>seconds the solver may use (default 10)</translation>
    </message>
</context>
<context>
    <name>cli_suggest</name>
    <message>
        <source>Scenario '{name}': {areas} suggested areas, {area} new nature (needed: {need}).</source>
        <translation>Scenario '{name}': {areas} suggested areas, {area} new nature (needed: {need}).</translation>
    </message>
    <message>
        <source>Parcels chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</source>
        <translation>Parcels chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</translation>
    </message>
    <message>
        <source>Solver: {method}, objective {objective}, gap {gap} from the bound {bound} ({seconds} s).</source>
        <translation>Solver: {method}, objective {objective}, gap {gap} from the bound {bound} ({seconds} s).</translation>
    </message>
    <message>
        <source>Greedy baseline: objective {objective}, gap {gap}.</source>
        <translation>Greedy baseline: objective {objective}, gap {gap}.</translation>
    </message>
    <message>
        <source>Projected share: {before} before, {after} with the suggested areas.</source>
        <translation>Projected share: {before} before, {after} with the suggested areas.</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>Suggestion {number}</source>
        <translation>Suggestion {number}</translation>
    </message>
    <message>
        <source>the least cost per new hectare</source>
        <translation>the least cost per new hectare</translation>
    </message>
    <message>
        <source>the most CO2e reduction per hectare</source>
        <translation>the most CO2e reduction per hectare</translation>
    </message>
    <message>
        <source>the most connectivity per hectare</source>
        <translation>the most connectivity per hectare</translation>
    </message>
    <message>
        <source>Suggested for {term}: parcels {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</source>
        <translation>Suggested for {term}: parcels {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</translation>
    </message>
    <message>
        <source>Suggested by naturplan for {target} % (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</source>
        <translation>Suggested by naturplan for {target} % (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</translation>
    </message>
</context>
<context>
    <name>AnalysisActions</name>
    <message>
        <source>Suggest plan…</source>
        <translation>Suggest plan…</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggest a plan</source>
        <translation>Suggest a plan</translation>
    </message>
    <message>
        <source>Suggestion %1 %</source>
        <translation>Suggestion %1 %</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>Target share</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Least cost</source>
        <translation>Least cost</translation>
    </message>
    <message>
        <source>Most CO2e reduction</source>
        <translation>Most CO2e reduction</translation>
    </message>
    <message>
        <source>Most connectivity</source>
        <translation>Most connectivity</translation>
    </message>
    <message>
        <source>Boundary penalty per km</source>
        <translation>Boundary penalty per km</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Time limit</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Scenario name</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Suggest</translation>
    </message>
    <message>
        <source>Suggesting a plan…</source>
        <translation>Suggesting a plan…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The target needs {need} ha of new nature, but only {reachable} ha can be reached on the units that are not excluded.</source>
        <translation>The target needs {need} ha of new nature, but only {reachable} ha can be reached on the units that are not excluded.</translation>
    </message>
    <message>
        <source>The budget of {budget} ha is less than the target's {need} ha.</source>
        <translation>The budget of {budget} ha is less than the target's {need} ha.</translation>
    </message>
    <message>
        <source>No plan that reaches the target within the budget was found in {seconds} s.</source>
        <translation>No plan that reaches the target within the budget was found in {seconds} s.</translation>
    </message>
    <message>
        <source>The plan already reaches {target} %; there is nothing to suggest.</source>
        <translation>The plan already reaches {target} %; there is nothing to suggest.</translation>
    </message>
    <message>
        <source>A suggested plan needs a parcel layer (the planning units).</source>
        <translation>A suggested plan needs a parcel layer (the planning units).</translation>
    </message>
    <message>
        <source>The cost must be a field of the parcels, as parcels.FIELD; '{cost}' is not.</source>
        <translation>The cost must be a field of the parcels, as parcels.FIELD; '{cost}' is not.</translation>
    </message>
    <message>
        <source>The parcels have no field '{field}'; they have: {fields}.</source>
        <translation>The parcels have no field '{field}'; they have: {fields}.</translation>
    </message>
    <message>
        <source>The parcels' field '{field}' holds no numbers.</source>
        <translation>The parcels' field '{field}' holds no numbers.</translation>
    </message>
    <message>
        <source>Unknown objective '{objective}'; choose cost, co2e or connectivity.</source>
        <translation>Unknown objective '{objective}'; choose cost, co2e or connectivity.</translation>
    </message>
    <message>
        <source>{option} cannot be {value}.</source>
        <translation>{option} cannot be {value}.</translation>
    </message>
</context>
</TS>
