<#-- What to check when the browser presented no card: on the card tab and on the card error page alike. -->
<#macro list>
    <ul id="psc-card-checks" class="psc-checks">
        <li>${msg("pscCardCheckReader")}</li>
        <li>${msg("pscCardCheckCard")}</li>
        <li>${msg("pscCardCheckSoftware")}</li>
        <li>${msg("pscCardCheckBrowser")}</li>
    </ul>
</#macro>
