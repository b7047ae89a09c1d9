<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 23, the suggested plan (naturplan suggest, Analyse → Foreslå plan…). Source texts are English. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli_help</name>
    <message>
        <source>suggest a plan that reaches a target share (an optimiser over the parcels) and store it as a scenario</source>
        <translation>foreslå en plan, der når en målandel (en optimering over matriklerne), og gem den som et scenarie</translation>
    </message>
    <message>
        <source>the protected share to reach, e.g. 0.17 or 0.20</source>
        <translation>den beskyttede andel, der skal nås, fx 0.17 eller 0.20</translation>
    </message>
    <message>
        <source>name of the new scenario that holds the suggested areas</source>
        <translation>navnet på det nye scenarie, der rummer de foreslåede områder</translation>
    </message>
    <message>
        <source>least cost; or the most CO2e reduction or connectivity within --budget-ha (default: the target's need + 5 %%)</source>
        <translation>mindst omkostning; eller mest CO2e-reduktion eller sammenhæng inden for --budget-ha (standard: målets behov + 5 %%)</translation>
    </message>
    <message>
        <source>the cost of a parcel from its field, e.g. parcels.pris (default: the farmland taken in ha)</source>
        <translation>en matrikels omkostning fra dens felt, fx parcels.pris (standard: den landbrugsjord, der tages, i ha)</translation>
    </message>
    <message>
        <source>at most N ha of new nature</source>
        <translation>højst N ha ny natur</translation>
    </message>
    <message>
        <source>boundary penalty per km of outline, for compact areas (default 0)</source>
        <translation>straf pr. km omrids for samlede områder (standard 0)</translation>
    </message>
    <message>
        <source>seconds the solver may use (default 10)</source>
        <translation>sekunder, optimeringen må bruge (standard 10)</translation>
    </message>
</context>
<context>
    <name>cli_suggest</name>
    <message>
        <source>Scenario '{name}': {areas} suggested areas, {area} new nature (needed: {need}).</source>
        <translation>Scenarie '{name}': {areas} foreslåede områder, {area} ny natur (behov: {need}).</translation>
    </message>
    <message>
        <source>Parcels chosen: {chosen} of {units} ({excluded} excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.</source>
        <translation>Valgte matrikler: {chosen} af {units} ({excluded} udelukket). Omkostning {cost}; CO2e-reduktion på lavbund {co2e} t/år.</translation>
    </message>
    <message>
        <source>Solver: {method}, objective {objective}, gap {gap} from the bound {bound} ({seconds} s).</source>
        <translation>Optimering: {method}, målværdi {objective}, afstand {gap} til grænsen {bound} ({seconds} s).</translation>
    </message>
    <message>
        <source>Greedy baseline: objective {objective}, gap {gap}.</source>
        <translation>Grådig basislinje: målværdi {objective}, afstand {gap}.</translation>
    </message>
    <message>
        <source>Projected share: {before} before, {after} with the suggested areas.</source>
        <translation>Fremskrevet andel: {before} før, {after} med de foreslåede områder.</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>Suggestion {number}</source>
        <translation>Forslag {number}</translation>
    </message>
    <message>
        <source>the least cost per new hectare</source>
        <translation>mindst omkostning pr. ny hektar</translation>
    </message>
    <message>
        <source>the most CO2e reduction per hectare</source>
        <translation>mest CO2e-reduktion pr. hektar</translation>
    </message>
    <message>
        <source>the most connectivity per hectare</source>
        <translation>mest sammenhæng pr. hektar</translation>
    </message>
    <message>
        <source>Suggested for {term}: parcels {parcels}, {area} new nature, {co2e} t CO2e/yr, cost {cost}.</source>
        <translation>Foreslået for {term}: matrikler {parcels}, {area} ny natur, {co2e} t CO2e/år, omkostning {cost}.</translation>
    </message>
    <message>
        <source>Suggested by naturplan for {target} % (objective: {objective}, boundary penalty {boundary}); method {method}, gap {gap} %.</source>
        <translation>Foreslået af naturplan for {target} % (mål: {objective}, randstraf {boundary}); metode {method}, afstand {gap} %.</translation>
    </message>
</context>
<context>
    <name>AnalysisActions</name>
    <message>
        <source>Suggest plan…</source>
        <translation>Foreslå plan…</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <source>Suggest a plan</source>
        <translation>Foreslå en plan</translation>
    </message>
    <message>
        <source>Suggestion %1 %</source>
        <translation>Forslag %1 %</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Afbrudt.</translation>
    </message>
    <message>
        <source>Target share</source>
        <translation>Målandel</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Least cost</source>
        <translation>Mindst omkostning</translation>
    </message>
    <message>
        <source>Most CO2e reduction</source>
        <translation>Mest CO2e-reduktion</translation>
    </message>
    <message>
        <source>Most connectivity</source>
        <translation>Mest sammenhæng</translation>
    </message>
    <message>
        <source>Boundary penalty per km</source>
        <translation>Randstraf pr. km</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Tidsgrænse</translation>
    </message>
    <message>
        <source>Scenario name</source>
        <translation>Scenariets navn</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Foreslå</translation>
    </message>
    <message>
        <source>Suggesting a plan…</source>
        <translation>Foreslår en plan…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The target needs {need} ha of new nature, but only {reachable} ha can be reached on the units that are not excluded.</source>
        <translation>Målet kræver {need} ha ny natur, men kun {reachable} ha kan nås på de matrikler, der ikke er udelukket.</translation>
    </message>
    <message>
        <source>The budget of {budget} ha is less than the target's {need} ha.</source>
        <translation>Budgettet på {budget} ha er mindre end målets {need} ha.</translation>
    </message>
    <message>
        <source>No plan that reaches the target within the budget was found in {seconds} s.</source>
        <translation>Ingen plan, der når målet inden for budgettet, blev fundet på {seconds} s.</translation>
    </message>
    <message>
        <source>The plan already reaches {target} %; there is nothing to suggest.</source>
        <translation>Planen når allerede {target} %; der er intet at foreslå.</translation>
    </message>
    <message>
        <source>A suggested plan needs a parcel layer (the planning units).</source>
        <translation>Et planforslag kræver et matrikellag (planlægningsenhederne).</translation>
    </message>
    <message>
        <source>The cost must be a field of the parcels, as parcels.FIELD; '{cost}' is not.</source>
        <translation>Omkostningen skal være et felt i matriklerne, som parcels.FELT; '{cost}' er det ikke.</translation>
    </message>
    <message>
        <source>The parcels have no field '{field}'; they have: {fields}.</source>
        <translation>Matriklerne har intet felt '{field}'; de har: {fields}.</translation>
    </message>
    <message>
        <source>The parcels' field '{field}' holds no numbers.</source>
        <translation>Matriklernes felt '{field}' indeholder ingen tal.</translation>
    </message>
    <message>
        <source>Unknown objective '{objective}'; choose cost, co2e or connectivity.</source>
        <translation>Ukendt mål '{objective}'; vælg cost, co2e eller connectivity.</translation>
    </message>
    <message>
        <source>{option} cannot be {value}.</source>
        <translation>{option} kan ikke være {value}.</translation>
    </message>
</context>
</TS>
