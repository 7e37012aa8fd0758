<#import "template.ftl" as layout>
<#-- e-CPS, step 2: the code to pick on the phone. The page long-polls the request's state and continues by itself
     as soon as the phone answers; without JavaScript, the button does the same. -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section="header">
        ${msg("pscEcpsWaitTitle")}
    <#elseif section="form">
        <p>${msg("pscEcpsWaitIntro")}</p>
        <p class="psc-ecps-code" style="font-size:3em;font-weight:bold;text-align:center;letter-spacing:0.2em"
           id="psc-ecps-code">${pscEcpsCode}</p>
        <p>${msg("pscEcpsWaitHint", pscEcpsSeconds?c)}</p>
        <form id="psc-ecps-check" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post"
              data-wait-url="${pscEcpsWaitUrl}">
            <input type="hidden" name="ecps_step" value="check"/>
            <button id="psc-ecps-continue" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                    type="submit">${msg("pscEcpsContinue")}</button>
        </form>
        <script>
            (function () {
                var form = document.getElementById("psc-ecps-check");
                var url = form.getAttribute("data-wait-url");
                function poll() {
                    fetch(url + "?wait=20", {credentials: "omit", cache: "no-store"})
                        .then(function (r) {
                            if (r.ok) { return r.json(); }
                            // The server busy (503, Retry-After) or failing: ask again later, not at once.
                            var later = parseInt(r.headers.get("Retry-After"), 10);
                            return {status: "retry", after: (later > 0 ? later : 1) * 1000};
                        })
                        .then(function (state) {
                            if (state.status === "pending") { poll(); }
                            else if (state.status === "retry") { setTimeout(poll, state.after); }
                            else { form.submit(); }
                        })
                        .catch(function () { setTimeout(poll, 1000); });
                }
                poll();
            })();
        </script>
    </#if>
</@layout.registrationLayout>
