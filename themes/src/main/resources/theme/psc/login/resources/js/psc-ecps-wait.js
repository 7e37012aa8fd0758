/*
 * The e-CPS wait page: long-polls the request's state on the device API (the call is held on the server until the
 * phone answers or the request ends) and submits the page's form as soon as there is an outcome. What happens is
 * written in the page's status region (role=status), which screen readers announce.
 */
(function () {
    "use strict";

    function start() {
        var form = document.getElementById("psc-ecps-check");
        var status = document.getElementById("psc-ecps-status");
        if (!form) {
            return;
        }
        var url = form.getAttribute("data-wait-url");
        var waiting = status ? status.textContent : "";
        function say(text) {
            if (status && text && status.textContent !== text) {
                status.textContent = text;
            }
        }
        function later(after) {
            say(status && status.getAttribute("data-retry"));
            setTimeout(poll, after);
        }
        function poll() {
            fetch(url + "?wait=20", {credentials: "omit", cache: "no-store"})
                .then(function (response) {
                    if (response.ok) {
                        return response.json();
                    }
                    // The server busy (503, Retry-After) or failing: ask again later, not at once.
                    var seconds = parseInt(response.headers.get("Retry-After"), 10);
                    return {status: "retry", after: (seconds > 0 ? seconds : 1) * 1000};
                })
                .then(function (state) {
                    if (state.status === "pending") {
                        say(waiting);
                        poll();
                    } else if (state.status === "retry") {
                        later(state.after);
                    } else {
                        say(status && status.getAttribute("data-done"));
                        form.submit();
                    }
                })
                .catch(function () {
                    later(1000);
                });
        }
        poll();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
