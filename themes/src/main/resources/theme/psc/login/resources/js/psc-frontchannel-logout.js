/* Front-channel logout: once every relying service's frame has loaded, go on to the logout redirect. */
(function () {
    "use strict";
    window.addEventListener("load", function () {
        var link = document.querySelector("[data-psc-continue]");
        if (link) {
            window.location.replace(link.getAttribute("href"));
        }
    });
})();
