package org.pscfederator.bench;

import picocli.CommandLine.TypeConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * CPS card login as a browser with a card does it, through PSC's login page: every login opens a new TLS connection
 * that presents a test card (a fresh TLS context, so no session is resumed and the card is verified each time),
 * clicks "Carte CPS", and the relying service exchanges the code. Workers take the cards in turn.
 */
final class CardLoginFlow implements Flow {

    /** Test cards of sandbox identities: {@code <idNat>.p12}, staff '/' as '_'; not the test PKI's bad cards. */
    private static final Pattern CARD_FILE = Pattern.compile("[0-9A-Z]+(_[0-9A-Z]+)?\\.p12");
    private static final char[] CARD_PASSWORD = "1234".toCharArray();

    private final FlowContext context;
    private final BenchOptions options;
    private final List<KeyManager[]> cards;
    private final CodeExchange exchange;
    private final SecureRandom random = new SecureRandom();
    private int next;

    CardLoginFlow(FlowContext context) {
        this.context = context;
        this.options = context.options();
        this.cards = loadCards(options.cards());
        this.exchange = new CodeExchange(context, context.newHttpClient(), options.rpClientId(),
                options.rpClientSecret());
        this.next = random.nextInt(cards.size());
    }

    @Override
    public void run() throws Exception {
        KeyManager[] card = cards.get(next++ % cards.size());
        // A new browser per login: a new TLS context and connection, so the card is presented and checked each time.
        CardSession.Code code;
        try (CardSession browser = new CardSession(context, card, random)) {
            code = browser.code();
        }
        exchange.exchange(code.code(), options.rpRedirectUri().toString(), code.verifier());
    }

    /** One test card in turn, for flows that need a professional logged in (exchange and refresh flows). */
    static KeyManager[] anyCard(BenchOptions options) {
        List<KeyManager[]> cards = loadCards(options.cards());
        return cards.get(new SecureRandom().nextInt(cards.size()));
    }

    static List<KeyManager[]> loadCards(Path folder) {
        List<KeyManager[]> cards = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            throw new TypeConversionException("--cards " + folder + ": no such folder (start the sandbox once, or give"
                    + " the folder of the test cards)");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.p12")) {
            for (Path file : files) {
                if (CARD_FILE.matcher(file.getFileName().toString()).matches()) {
                    cards.add(keyManagers(file, "the card"));
                }
            }
        } catch (IOException e) {
            throw new TypeConversionException("--cards " + folder + ": " + e.getMessage());
        }
        if (cards.isEmpty()) {
            throw new TypeConversionException("--cards " + folder + ": no test card (<idNat>.p12)");
        }
        return cards;
    }

    /** The keys of a sandbox PKCS#12 file (password 1234); {@code what} names it in the error. */
    static KeyManager[] keyManagers(Path p12, String what) {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(in, CARD_PASSWORD);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keystore, CARD_PASSWORD);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new TypeConversionException("cannot read " + what + " " + p12 + " (password 1234): " + e.getMessage());
        }
    }
}
