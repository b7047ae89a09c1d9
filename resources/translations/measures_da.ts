<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- What each candidate does, in the candidate table exports (issues 10 and 11): the
     analysis columns' headers and the table's notes (context "export_table"), the export
     progress dialog (context "ExportActions"). Source texts are English with {name}
     placeholders. -->
<TS version="2.1" language="da_DK">
<context>
    <name>export_table</name>
    <message>
        <source>Firefighter's rule</source>
        <translation>Brandmandens lov</translation>
    </message>
    <message>
        <source>Firefighter's order</source>
        <translation>Brandmandens rækkefølge</translation>
    </message>
    <message>
        <source>CO2e reduction (t CO2e/yr)</source>
        <translation>CO2e-reduktion (t CO2e/år)</translation>
    </message>
    <message>
        <source>CO2e reduction per ha (t CO2e/ha/yr)</source>
        <translation>CO2e-reduktion pr. ha (t CO2e/ha/år)</translation>
    </message>
    <message>
        <source>Klima-Lavbund eligible</source>
        <translation>Kan få Klima-Lavbund-tilskud</translation>
    </message>
    <message>
        <source>On soil &gt; 6 % organic carbon (%)</source>
        <translation>På jord med &gt; 6 % organisk kulstof (%)</translation>
    </message>
    <message>
        <source>Sequestration (t CO2/yr)</source>
        <translation>Kulstofbinding (t CO2/år)</translation>
    </message>
    <message>
        <source>Conflict: §3 nature (ha)</source>
        <translation>Konflikt: §3-natur (ha)</translation>
    </message>
    <message>
        <source>Conflict: Natura 2000 (ha)</source>
        <translation>Konflikt: Natura 2000 (ha)</translation>
    </message>
    <message>
        <source>Conflict: organic lowland soil (ha)</source>
        <translation>Konflikt: organisk lavbundsjord (ha)</translation>
    </message>
    <message>
        <source>Conflict: unwanted-forest zone (ha)</source>
        <translation>Konflikt: skovrejsning uønsket (ha)</translation>
    </message>
    <message>
        <source>Conflict: flood zone (ha)</source>
        <translation>Konflikt: oversvømmelseszone (ha)</translation>
    </message>
    <message>
        <source>Flooded (ha)</source>
        <translation>Oversvømmet (ha)</translation>
    </message>
    <message>
        <source>Flooded share (%)</source>
        <translation>Andel oversvømmet (%)</translation>
    </message>
    <message>
        <source>Mean flood depth (m)</source>
        <translation>Middel vanddybde (m)</translation>
    </message>
    <message>
        <source>Max flood depth (m)</source>
        <translation>Største vanddybde (m)</translation>
    </message>
    <message>
        <source>ΔECA (ha)</source>
        <translation>ΔECA (ha)</translation>
    </message>
    <message>
        <source>ΔPC (%)</source>
        <translation>ΔPC (%)</translation>
    </message>
    <message>
        <source>Joins habitat patches</source>
        <translation>Forbinder levesteder (antal)</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <source>Empty cells: the number does not apply to the candidate's kind (CO2e and Klima-Lavbund for lowland withdrawal, sequestration and conflicts for afforestation) or was not measured.</source>
        <translation>Tomme celler: tallet gælder ikke for kandidatens type (CO2e og Klima-Lavbund for udtagning af lavbundsjord, kulstofbinding og konflikter for skovrejsning) eller er ikke målt.</translation>
    </message>
    <message>
        <source>No lowland soil layer: CO2e reduction, Klima-Lavbund, the organic-soil conflict and the firefighter's rule are not measured (empty cells).</source>
        <translation>Intet lag med lavbundsjord: CO2e-reduktion, Klima-Lavbund, konflikten med organisk jord og brandmandens lov er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>No §3 nature layer: the §3 conflict and the firefighter's rule are not measured (empty cells).</source>
        <translation>Intet lag med §3-natur: konflikten med §3-natur og brandmandens lov er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>No Natura 2000 layer: the Natura 2000 conflict is not measured (empty cells).</source>
        <translation>Intet Natura 2000-lag: konflikten med Natura 2000 er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>Neither a §3 nor a Natura 2000 layer: the firefighter's rule is not measured (empty cells).</source>
        <translation>Hverken et §3- eller et Natura 2000-lag: brandmandens lov er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>No afforestation zones layer: the unwanted-forest conflict is not measured (empty cells).</source>
        <translation>Intet lag med skovrejsningszoner: konflikten med uønsket skovrejsning er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>No flood layer: flood exposure and the flood conflict are not measured (empty cells).</source>
        <translation>Intet oversvømmelseslag: oversvømmelse og konflikten med oversvømmelseszoner er ikke målt (tomme celler).</translation>
    </message>
    <message>
        <source>Connectivity (ΔECA, ΔPC, joined patches) is not measured: the export was told to skip it (empty cells).</source>
        <translation>Konnektivitet (ΔECA, ΔPC, forbundne levesteder) er ikke målt: eksporten blev bedt om at springe den over (tomme celler).</translation>
    </message>
    <message>
        <source>Connectivity (ΔECA, ΔPC, joined patches) is not measured: it was cancelled during the export (empty cells).</source>
        <translation>Konnektivitet (ΔECA, ΔPC, forbundne levesteder) er ikke målt: den blev annulleret under eksporten (tomme celler).</translation>
    </message>
    <message>
        <source>CO2e factors: {title}, version {version} ({source}).</source>
        <translation>CO2e-faktorer: {title}, version {version} ({source}).</translation>
    </message>
    <message>
        <source>The factor table has changed since the project recorded it.</source>
        <translation>Faktortabellen er ændret, siden projektet registrerede den.</translation>
    </message>
    <message>
        <source>Klima-Lavbund: at least {area} ha, at least {share} % of the area on soil &gt; 6 % organic carbon and at least {reduction} t CO2e per ha and year.</source>
        <translation>Klima-Lavbund: mindst {area} ha, mindst {share} % af arealet på jord med &gt; 6 % organisk kulstof og mindst {reduction} t CO2e pr. ha og år.</translation>
    </message>
    <message>
        <source>ΔECA and ΔPC: the change each candidate alone makes to today's protected nature (probability {p} at {d} m).</source>
        <translation>ΔECA og ΔPC: den ændring, hver kandidat alene giver i forhold til dagens beskyttede natur (sandsynlighed {p} ved {d} m).</translation>
    </message>
    <message>
        <source>Firefighter's order: 1 first (protect existing nature, then restore, then create; afforestation on §3 nature is a conflict and comes last).</source>
        <translation>Brandmandens rækkefølge: 1 først (beskyt eksisterende natur, genopret derefter, skab så ny; skovrejsning på §3-natur er en konflikt og kommer sidst).</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Measuring what each candidate does…</source>
        <translation>Måler, hvad hver kandidat gør…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
</TS>
