/*
 * Mon compte e-CPS, activation page: once the code's time is up, hides the code and its QR code and says, in the
 * alert region, that it has expired (a file of the theme: the realm's policy allows no inline script).
 */
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var panel = document.getElementById('activation-panel');
        if (!panel) {
            return;
        }
        var seconds = parseInt(panel.getAttribute('data-expires-in'), 10);
        if (!(seconds > 0)) {
            return;
        }
        window.setTimeout(function () {
            var live = document.getElementById('activation-live');
            var expired = document.getElementById('activation-expired');
            if (live) {
                live.hidden = true;
            }
            if (expired) {
                expired.hidden = false;
            }
            panel.setAttribute('data-expired', 'true');
        }, seconds * 1000);
    });
}());
