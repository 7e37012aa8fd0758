package org.pscfederator.keycloak.establishments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pscfederator.core.establishments.PairingMeans;

/** The pairing store over its own schema: one pairing per local account and per professional at each provider. */
@Tag("psc-establishments")
class PairingStoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private JdbcDataSource dataSource;
    private PairingStore store;

    @BeforeEach
    void database() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:pairings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        DatabasePairingStoreFactory.SCHEMA.migrate(dataSource);
        store = new PairingStore(dataSource);
    }

    private static Pairing pairing(String realm, String provider, String subject, String idNat) {
        return new Pairing(realm, provider, subject, idNat, "f:dir:" + idNat, NOW, PairingMeans.ECPS,
                NOW.plus(Duration.ofDays(365)));
    }

    @Test
    void aPairingIsFoundByItsLocalAccountAndByItsProfessional() throws Exception {
        Pairing pairing = pairing("r", "hopital-demo", "u-1", "899700366240");
        assertThat(store.add(pairing)).isTrue();

        assertThat(store.bySubject("r", "hopital-demo", "u-1")).contains(pairing);
        assertThat(store.byIdNat("r", "hopital-demo", "899700366240")).contains(pairing);
        assertThat(store.ofIdNat("r", "899700366240")).containsExactly(pairing);
        assertThat(store.ofProvider("r", "hopital-demo")).containsExactly(pairing);
    }

    @Test
    void aLocalAccountPairsWithOneProfessionalOnly() throws Exception {
        store.add(pairing("r", "hopital-demo", "u-1", "899700366240"));

        assertThat(store.add(pairing("r", "hopital-demo", "u-1", "810000000001"))).isFalse();
        assertThat(store.ofIdNat("r", "810000000001")).isEmpty();
    }

    @Test
    void aProfessionalPairsWithOneLocalAccountPerProvider() throws Exception {
        store.add(pairing("r", "hopital-demo", "u-1", "899700366240"));

        assertThat(store.add(pairing("r", "hopital-demo", "u-2", "899700366240"))).isFalse();
        assertThat(store.bySubject("r", "hopital-demo", "u-2")).isEmpty();
        assertThat(store.add(pairing("r", "clinique", "u-2", "899700366240"))).isTrue();
        assertThat(store.add(pairing("other-realm", "hopital-demo", "u-2", "899700366240"))).isTrue();
        assertThat(store.ofIdNat("r", "899700366240")).extracting(Pairing::provider)
                .containsExactlyInAnyOrder("hopital-demo", "clinique");
    }

    @Test
    void aRemovedPairingIsGoneAndCanBeMadeAgain() throws Exception {
        Pairing pairing = pairing("r", "hopital-demo", "u-1", "899700366240");
        store.add(pairing);

        assertThat(store.remove(pairing)).isTrue();
        assertThat(store.remove(pairing)).isFalse();
        assertThat(store.bySubject("r", "hopital-demo", "u-1")).isEmpty();
        assertThat(store.add(pairing)).isTrue();
    }

    @Test
    void removingNeedsTheWholePairing() throws Exception {
        store.add(pairing("r", "hopital-demo", "u-1", "899700366240"));

        assertThat(store.remove(pairing("r", "hopital-demo", "u-1", "810000000001"))).isFalse();
        assertThat(store.bySubject("r", "hopital-demo", "u-1")).isPresent();
    }

    @Test
    void theSchemaMigratesOnce() throws Exception {
        DatabasePairingStoreFactory.SCHEMA.migrate(dataSource);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(DatabasePairingStoreFactory.SCHEMA.appliedVersion(connection)).isEqualTo(1);
        }
    }
}
