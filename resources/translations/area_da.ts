<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Issue 22 item 3 (rest): plan areas of several municipalities (kommune A,B,C) or a drawn catchment (area FILE), their names in the exports, the borders, the kg N total. -->
<TS version="2.1" language="da_DK">
<context>
    <name>area</name>
    <message>
        <source>{name} Municipality</source>
        <translation>{name} Kommune</translation>
    </message>
    <message>
        <source>{names} and {last} Municipalities</source>
        <translation>{names} og {last} Kommuner</translation>
    </message>
    <message>
        <source>{area} ({municipalities})</source>
        <translation>{area} ({municipalities})</translation>
    </message>
    <message>
        <source>Nature plan for {area}</source>
        <translation>Naturplan for {area}</translation>
    </message>
    <message>
        <source>Protected nature in {area} ({code})</source>
        <translation>Beskyttet natur i {area} ({code})</translation>
    </message>
    <message>
        <source>Plan area</source>
        <translation>Planområdets areal</translation>
    </message>
    <message>
        <source>Nitrogen reduction (kg N/yr)</source>
        <translation>Kvælstofreduktion (kg N/år)</translation>
    </message>
    <message>
        <source>Plan area: {area}.</source>
        <translation>Planområde: {area}.</translation>
    </message>
    <message>
        <source>The nitrogen reduction is not measured: no N-retention layer (role n_retention) is loaded.</source>
        <translation>Kvælstofreduktionen er ikke målt: der er ikke indlæst et kvælstofretentionslag (rollen n_retention).</translation>
    </message>
    <message>
        <source>Candidate areas, {area}</source>
        <translation>Kandidatområder, {area}</translation>
    </message>
    <message>
        <source>Removed {path}: theme {theme} is no longer exported.</source>
        <translation>Fjernede {path}: tema {theme} eksporteres ikke længere.</translation>
    </message>
    <message>
        <source>{n} of {total} imported areas reach outside {plan} ({area} in all); only the part inside counts toward the share.</source>
        <translation>{n} af {total} importerede områder rækker ud over {plan} ({area} i alt); kun delen indenfor tæller med i andelen.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No municipality with KOMKODE {code} in {layer}; the nearest codes are {nearest}.</source>
        <translation>Ingen kommune med KOMKODE {code} i {layer}; de nærmeste koder er {nearest}.</translation>
    </message>
    <message>
        <source>Give the plan area either with --kommune or with --area, not both.</source>
        <translation>Angiv planområdet enten med --kommune eller med --area, ikke begge.</translation>
    </message>
    <message>
        <source>'{name}' holds no polygon to be the plan area.</source>
        <translation>'{name}' indeholder ingen polygon, der kan være planområdet.</translation>
    </message>
    <message>
        <source>The plan area '{name}' lies outside every municipality.</source>
        <translation>Planområdet '{name}' ligger uden for alle kommuner.</translation>
    </message>
    <message>
        <source>Cannot remove {path}: {reason}</source>
        <translation>Kan ikke fjerne {path}: {reason}</translation>
    </message>
    <message>
        <source>A plan area is either municipalities by their codes or a drawn area, not both.</source>
        <translation>Et planområde er enten kommuner angivet ved deres koder eller et tegnet område, ikke begge dele.</translation>
    </message>
</context>
<context>
    <name>cli_help</name>
    <message>
        <source>municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg); several, comma-separated (0851,0849,0813), make one plan area</source>
        <translation>kommunen ved dens firecifrede kode fra den nationale DAGI-fil (standard 0851 Aalborg); flere, adskilt af komma (0851,0849,0813), udgør ét planområde</translation>
    </message>
    <message>
        <source>plan area drawn as a polygon file (e.g. a catchment), instead of --kommune; any CRS the file declares</source>
        <translation>planområde tegnet som en polygonfil (f.eks. et hovedvandopland) i stedet for --kommune; i det koordinatsystem, filen angiver</translation>
    </message>
</context>
<context>
    <name>PlanTotalsWidget</name>
    <message>
        <source>Nitrogen reduction</source>
        <translation>Kvælstofreduktion</translation>
    </message>
    <message>
        <source>no N-retention layer loaded</source>
        <translation>intet kvælstofretentionslag indlæst</translation>
    </message>
    <message>
        <source>%1 kg N/yr</source>
        <translation>%1 kg N/år</translation>
    </message>
</context>
<context>
    <name>DashboardDock</name>
    <message>
        <source>of %1 is protected nature</source>
        <translation>af %1 er beskyttet natur</translation>
    </message>
</context>
<context>
    <name>CandidateImporter</name>
    <message numerus="yes">
        <source>%n reach outside %1; only the part inside counts.</source>
        <translation>
            <numerusform>%n rækker ud over %1; kun delen indenfor tæller med.</numerusform>
            <numerusform>%n rækker ud over %1; kun delen indenfor tæller med.</numerusform>
        </translation>
    </message>
</context>
</TS>
