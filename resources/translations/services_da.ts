<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Background maps and layers from web services (issue 12): the command line ("cli"), the
     error templates of ServiceError ("errors") and the basemap/fetch widgets. -->
<TS version="2.1" language="da_DK">
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>Fetched {n} features of {layer} into {path} ({role}, mapping {mapping}).</source>
        <translation>
            <numerusform>Hentede {n} objekt af {layer} til {path} ({role}, feltkobling {mapping}).</numerusform>
            <numerusform>Hentede {n} objekter af {layer} til {path} ({role}, feltkobling {mapping}).</numerusform>
        </translation>
    </message>
    <message>
        <source>Name it with --layer NAME (naturplan data services lists the presets).</source>
        <translation>Angiv det med --layer NAVN (naturplan data services viser forvalgene).</translation>
    </message>
    <message>
        <source>{path} has no layers from web services.</source>
        <translation>{path} har ingen lag fra webtjenester.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Basemap: {text}</source>
        <translation>Baggrundskort: {text}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>--field names {others}, but the layer is fetched as {role}.</source>
        <translation>--field nævner {others}, men laget hentes som {role}.</translation>
    </message>
    <message>
        <source>A basemap goes into print maps (pdf, png); the web map has none.</source>
        <translation>Et baggrundskort kan komme med på printkort (pdf, png); webkortet har intet.</translation>
    </message>
    <message>
        <source>{url} did not answer in time.</source>
        <translation>{url} svarede ikke i tide.</translation>
    </message>
    <message>
        <source>Cannot connect to {url}.</source>
        <translation>Kan ikke forbinde til {url}.</translation>
    </message>
    <message>
        <source>{url}: {reason}</source>
        <translation>{url}: {reason}</translation>
    </message>
    <message>
        <source>{url} answered HTTP {status}.</source>
        <translation>{url} svarede HTTP {status}.</translation>
    </message>
    <message>
        <source>No keyring to keep the token in ({reason}); set {variable} instead.</source>
        <translation>Der er ingen nøglering at gemme tokenet i ({reason}); sæt {variable} i stedet.</translation>
    </message>
    <message>
        <source>{url} is not an XYZ tile URL (it needs {{z}}, {{x}} and {{y}}).</source>
        <translation>{url} er ikke en XYZ-flise-URL (den skal indeholde {{z}}, {{x}} og {{y}}).</translation>
    </message>
    <message>
        <source>{url} sent no WMTS capabilities ({reason}).</source>
        <translation>{url} sendte ingen WMTS-capabilities ({reason}).</translation>
    </message>
    <message>
        <source>The WMTS at {url} offers no layers.</source>
        <translation>WMTS-tjenesten {url} har ingen lag.</translation>
    </message>
    <message>
        <source>The WMTS at {url} has no layer {layer} (it has {names}).</source>
        <translation>WMTS-tjenesten {url} har intet lag {layer} (den har {names}).</translation>
    </message>
    <message>
        <source>The WMTS at {url} has no tile matrix set naturplan can use.</source>
        <translation>WMTS-tjenesten {url} har intet flisesæt (tile matrix set), som naturplan kan bruge.</translation>
    </message>
    <message>
        <source>The tile matrix set {name} at {url} is not valid: {reason}</source>
        <translation>Flisesættet {name} hos {url} er ugyldigt: {reason}</translation>
    </message>
    <message>
        <source>{url} sent no WMS capabilities ({reason}).</source>
        <translation>{url} sendte ingen WMS-capabilities ({reason}).</translation>
    </message>
    <message>
        <source>The WMS at {url} has no layer {layer} (it has {names}).</source>
        <translation>WMS-tjenesten {url} har intet lag {layer} (den har {names}).</translation>
    </message>
    <message>
        <source>The WMS layer {layer} at {url} offers neither EPSG:25832 nor EPSG:3857.</source>
        <translation>WMS-laget {layer} hos {url} findes hverken i EPSG:25832 eller EPSG:3857.</translation>
    </message>
    <message>
        <source>{url} is not reachable and was never cached.</source>
        <translation>{url} kan ikke nås og er aldrig blevet gemt lokalt.</translation>
    </message>
    <message>
        <source>Unknown basemap {name}; use one of {names} or a URL.</source>
        <translation>Ukendt baggrundskort {name}; brug et af {names} eller en URL.</translation>
    </message>
    <message>
        <source>The basemap {name} needs a {token} token; none is set.</source>
        <translation>Baggrundskortet {name} kræver et {token}-token; der er ikke angivet noget.</translation>
    </message>
    <message>
        <source>The basemap {name} refused the token (HTTP {status}).</source>
        <translation>Baggrundskortet {name} afviste tokenet (HTTP {status}).</translation>
    </message>
    <message>
        <source>The basemap {name} sent something that is not an image.</source>
        <translation>Baggrundskortet {name} sendte noget, der ikke er et billede.</translation>
    </message>
    <message>
        <source>{url} sent no WFS capabilities ({reason}).</source>
        <translation>{url} sendte ingen WFS-capabilities ({reason}).</translation>
    </message>
    <message>
        <source>The WFS at {url} has no layer {layer} (it has {names}).</source>
        <translation>WFS-tjenesten {url} har intet lag {layer} (den har {names}).</translation>
    </message>
    <message>
        <source>{url} sent no JSON.</source>
        <translation>{url} sendte ikke JSON.</translation>
    </message>
    <message>
        <source>{url} sent no feature collection.</source>
        <translation>{url} sendte ingen objektsamling.</translation>
    </message>
    <message>
        <source>{url} sent broken JSON.</source>
        <translation>{url} sendte ugyldig JSON.</translation>
    </message>
    <message>
        <source>{url} answered with an exception report.</source>
        <translation>{url} svarede med en fejlrapport.</translation>
    </message>
    <message>
        <source>{url} sent GML that cannot be read ({reason}).</source>
        <translation>{url} sendte GML, der ikke kan læses ({reason}).</translation>
    </message>
    <message>
        <source>The service sent no features of {layer} in this area.</source>
        <translation>Tjenesten sendte ingen objekter af {layer} i dette område.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Kan ikke skrive {path}: {reason}</translation>
    </message>
    <message>
        <source>Name the layer: {service} has {count} layers for {role} ({names}).</source>
        <translation>Angiv laget: {service} har {count} lag til {role} ({names}).</translation>
    </message>
    <message>
        <source>Unknown service {name}; use a URL or one of {names}.</source>
        <translation>Ukendt tjeneste {name}; brug en URL eller en af {names}.</translation>
    </message>
    <message>
        <source>Name the layer to fetch from {url}.</source>
        <translation>Angiv, hvilket lag der skal hentes fra {url}.</translation>
    </message>
    <message>
        <source>{path} was not fetched from a web service.</source>
        <translation>{path} er ikke hentet fra en webtjeneste.</translation>
    </message>
    <message>
        <source>{path} records no layers.</source>
        <translation>{path} har ingen lag registreret.</translation>
    </message>
</context>
<context>
    <name>BasemapController</name>
    <message>
        <source>Basemap: %1</source>
        <translation>Baggrundskort: %1</translation>
    </message>
    <message>
        <source>Basemap %1 does not answer; showing saved tiles.</source>
        <translation>Baggrundskortet %1 svarer ikke – viser gemte fliser.</translation>
    </message>
</context>
<context>
    <name>BasemapPanel</name>
    <message>
        <source>Basemap</source>
        <translation>Baggrundskort</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Gennemsigtighed</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Intet</translation>
    </message>
    <message>
        <source>Add own URL…</source>
        <translation>Tilføj egen URL…</translation>
    </message>
    <message>
        <source>Own URL…</source>
        <translation>Egen URL…</translation>
    </message>
    <message>
        <source>Dataforsyningen token…</source>
        <translation>Token til Dataforsyningen…</translation>
    </message>
    <message>
        <source>Empty the tile cache</source>
        <translation>Tøm flisecachen</translation>
    </message>
    <message>
        <source>The tile cache is empty.</source>
        <translation>Flisecachen er tømt.</translation>
    </message>
</context>
<context>
    <name>OwnBasemapDialog</name>
    <message>
        <source>Own basemap</source>
        <translation>Eget baggrundskort</translation>
    </message>
    <message>
        <source>A WMTS or WMS capabilities URL, or an XYZ tile URL with {z}, {x} and {y}. Name a layer with layer=… (WMTS) or layers=… (WMS).</source>
        <translation>En WMTS- eller WMS-URL (capabilities) eller en XYZ-flise-URL med {z}, {x} og {y}. Vælg lag med layer=… (WMTS) eller layers=… (WMS).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>Dataforsyningen token</source>
        <translation>Token til Dataforsyningen</translation>
    </message>
    <message>
        <source>A token is set in the environment (%1).</source>
        <translation>Der er angivet et token i miljøet (%1).</translation>
    </message>
    <message>
        <source>A token is kept in the keyring.</source>
        <translation>Der er gemt et token i nøgleringen.</translation>
    </message>
    <message>
        <source>No token is set.</source>
        <translation>Der er ikke angivet noget token.</translation>
    </message>
    <message>
        <source>Skærmkort, ortofoto, DAGI and Matriklen from Dataforsyningen need your own free token (dataforsyningen.dk). It is kept in the system keyring, never in a project file; or set %1 in the environment.</source>
        <translation>Skærmkort, ortofoto, DAGI og Matriklen fra Dataforsyningen kræver dit eget gratis token (dataforsyningen.dk). Det gemmes i systemets nøglering, aldrig i en projektfil; eller sæt %1 i miljøet.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>Fetch data from a web service</source>
        <translation>Hent data fra en webtjeneste</translation>
    </message>
    <message>
        <source>Own URL (WFS 2.0 or OGC API – Features)…</source>
        <translation>Egen URL (WFS 2.0 eller OGC API – Features)…</translation>
    </message>
    <message>
        <source>List layers</source>
        <translation>Vis lag</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Lag</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Gem som</translation>
    </message>
    <message>
        <source>The layer is fetched for the municipality's extent and loaded in its role; the project remembers where it came from.</source>
        <translation>Laget hentes for kommunens udstrækning og indlæses i sin rolle; projektet husker, hvor det kom fra.</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Hent</translation>
    </message>
    <message>
        <source>Asking the service…</source>
        <translation>Spørger tjenesten…</translation>
    </message>
    <message>
        <source>%1 layers (%2).</source>
        <translation>%1 lag (%2).</translation>
    </message>
    <message>
        <source>Give a URL, a layer and a file.</source>
        <translation>Angiv en URL, et lag og en fil.</translation>
    </message>
</context>
<context>
    <name>ServiceActions</name>
    <message>
        <source>Fetch data…</source>
        <translation>Hent data…</translation>
    </message>
    <message>
        <source>Refresh layers from web services</source>
        <translation>Opdater lag fra webtjenester</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>Henter %1…</translation>
    </message>
    <message>
        <source>No layer came from a web service.</source>
        <translation>Intet lag er hentet fra en webtjeneste.</translation>
    </message>
    <message>
        <source>Refreshing layers from web services…</source>
        <translation>Opdaterer lag fra webtjenester…</translation>
    </message>
</context>
<context>
    <name>DataAges</name>
    <message>
        <source>Data from web services</source>
        <translation>Data fra webtjenester</translation>
    </message>
</context>
<context>
    <name>services</name>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>fetched {date} ({ago})</source>
        <translation>hentet {date} ({ago})</translation>
    </message>
    <message numerus="yes">
        <source>{n} days ago</source>
        <translation>
            <numerusform>for {n} dag siden</numerusform>
            <numerusform>for {n} dage siden</numerusform>
        </translation>
    </message>
</context>
</TS>
