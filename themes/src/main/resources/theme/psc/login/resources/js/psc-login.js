/*
 * PSC's login pages: loaded from the page's head (script-src 'self', nothing inline). It marks the page as
 * scripted at once, so the stylesheet shows one tab panel from the first paint, then wires the tabs as the WAI-ARIA
 * tabs pattern has them: one tab stop for the tab list, arrow keys, Home and End move between tabs, Enter and Space
 * (a button's own keys) open one.
 */
(function () {
    "use strict";
    document.documentElement.classList.add("psc-js");

    function wire(container) {
        var list = container.querySelector("[role=tablist]");
        var tabs = Array.prototype.slice.call(container.querySelectorAll("[role=tab]"));
        if (!list || tabs.length === 0) {
            return;
        }
        function select(tab, focus) {
            tabs.forEach(function (other) {
                var selected = other === tab;
                var panel = document.getElementById(other.getAttribute("aria-controls"));
                other.setAttribute("aria-selected", selected ? "true" : "false");
                other.tabIndex = selected ? 0 : -1;
                if (panel) {
                    panel.hidden = !selected;
                    panel.classList.toggle("psc-open", selected);
                }
            });
            if (focus) {
                tab.focus();
            }
        }
        tabs.forEach(function (tab, index) {
            tab.addEventListener("click", function () {
                select(tab, false);
            });
            tab.addEventListener("keydown", function (event) {
                var next = null;
                if (event.key === "ArrowRight") {
                    next = tabs[(index + 1) % tabs.length];
                } else if (event.key === "ArrowLeft") {
                    next = tabs[(index - 1 + tabs.length) % tabs.length];
                } else if (event.key === "Home") {
                    next = tabs[0];
                } else if (event.key === "End") {
                    next = tabs[tabs.length - 1];
                }
                if (next) {
                    event.preventDefault();
                    select(next, true);
                }
            });
        });
        // The panels carry their own headings when shown one under the other; as tabs, the tab names them.
        container.classList.add("psc-tabs-on");
        list.hidden = false;
        select(tabs.filter(function (tab) {
            return tab.getAttribute("aria-selected") === "true";
        })[0] || tabs[0], false);
    }

    document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll("[data-psc-tabs]"), wire);
    });
})();
