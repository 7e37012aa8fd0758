/**
 * PSC's rules that hold inside and outside Keycloak: the server's providers adapt them to Keycloak's SPIs, and the
 * command-line tools use them as they are. Nothing here imports Keycloak (CoreStandsAloneTest).
 */
package org.pscfederator.core;
